"""A generated Q3 round at the review desk (issue 15): ten units of two groups (five districts,
five departments) — one arrived on time by the day recorded, one late by it, the rest late by
their import day, one resubmitted, one appraised then corrected with a reason, one with a
withdrawn comment — read at 80×24 as a reviewer reads them: the overview's lateness and
on-time rate, the rankings apart per group, the resubmission's history and changes, the
corrected appraisal and the struck-out comment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from cchc_tui.services import appraising
from cchc_tui.services import review_desk as desk
from cchc_tui.services.importer import import_bundle, latest_received
from cchc_tui.store.service import Store
from cchc_tui.ui.review.agency import ReviewAgencyScreen
from cchc_tui.ui.review.app import ReviewApp
from cchc_tui.ui.review.changes import ChangesScreen
from cchc_tui.ui.review.overview import ReviewOverviewScreen
from cchc_tui.ui.review.ranking import RankingScreen
from tests.bundle_corpus import WHEN, Kit, make_bundle, make_kit
from tests.dbcache import profile_db
from tests.tui_helpers import wait_for, wait_idle

pytestmark = pytest.mark.asyncio
DISTRICTS = ("916", "917", "918", "919", "923")
DEPARTMENTS = ("STP", "SYT", "STC", "SXD", "SCT")
PLAN, Q3 = "kh-260-2022", "Q3"


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("round"), DISTRICTS + DEPARTMENTS)


@pytest.fixture
def round_db(tmp_path: Path, plan_text: str, kit: Kit) -> Path:
    db = profile_db(tmp_path / "r.sqlite", "SNV", "Sở Nội vụ", "Thẩm định viên", plan_text)
    pdf = tmp_path / "qd.pdf"
    pdf.write_bytes(b"%PDF-1.4 quyet dinh\n" * 10)
    with Store(db) as store:
        rows = {}
        for code in DISTRICTS + DEPARTMENTS:
            import_bundle(
                store, make_bundle(kit, code, tmp_path / code), kit.ca_pem, None, actor="T"
            )
            rows[code] = latest_received(store, code, PLAN, Q3)
        desk.set_arrival(store, rows["916"], "10/09/2022", "công văn đến số 12", actor="T")
        desk.set_arrival(store, rows["917"], "13/09/2022", actor="T")
        first = rows["918"]
        again = make_bundle(
            kit, "918", tmp_path / "918b", when=WHEN.replace(hour=11), evidence_file=pdf,
            supersedes=(first.bundle_id, first.sha256),
        )  # fmt: skip
        import_bundle(store, again, kit.ca_pem, None, actor="T")
        appraising.appraise(store, rows["919"], "1.1.2", "0", round_=1, actor="T", reason="Thiếu")
        appraising.appraise(
            store, rows["919"], "1.1.2", "1", round_=1, actor="T", reason="Đã có kế hoạch"
        )
        appraising.appraise(store, rows["STP"], "1.1.2", "0", round_=1, actor="T", reason="Trễ")
        desk.add_comment(store, rows["923"], "Hoạt động 3.8", "Thiếu quyết định", actor="T")
        (comment,) = desk.period_comments(store, "923", PLAN, Q3)
        assert comment.row.id is not None
        desk.withdraw_comment(store, rows["923"], comment.row.id, "Đã bổ sung", actor="T")
    return db


async def test_a_round_of_ten_units(round_db: Path) -> None:
    app = ReviewApp(round_db, today=date(2022, 12, 20))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        overview = app.screen
        assert isinstance(overview, ReviewOverviewScreen)
        await wait_for(pilot, lambda: overview.view is not None)
        assert overview.view is not None and overview.view.period == Q3
        states = {r.agency.code: (r.state, r.days_late) for r in overview.view.rows if r.received}
        assert states["916"] == ("on_time", 0)  # arrived on the due date
        assert states["917"] == ("late", 3)  # arrived 13/09, due 10/09
        assert all(states[c][0] == "late" for c in ("918", "919", "923", *DEPARTMENTS))
        stats = str(overview.query_one("#review-stats", Static).render())
        assert stats.startswith("Đã nhận 10/31 · đúng hạn 3,2% · hạn 10/09/2022")
        # the rankings apart per group: districts, then departments, each ranked 1..5
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, RankingScreen))
        await wait_idle(app, pilot)
        ranking = app.screen
        table = ranking.query_one("#ranking", DataTable)

        def listed() -> tuple[set[str], set[str]]:
            """(ranked, listed apart unranked) of the group shown."""
            rows = [table.get_row_at(n) for n in range(table.row_count)]
            return {str(r[1]) for r in rows if r[0]}, {str(r[1]) for r in rows if not r[0]}

        first = listed()
        await pilot.press("g")
        await wait_idle(app, pilot)
        second = listed()
        # appraisal started in each group: only the appraised unit ranked, the self totals
        # of the others shown apart, never mixed in
        by_group = {frozenset(first[0] | first[1]): first, frozenset(second[0] | second[1]): second}
        districts = by_group[frozenset(DISTRICTS)]
        departments = by_group[frozenset(DEPARTMENTS)]
        assert districts == ({"919"}, set(DISTRICTS) - {"919"})
        assert departments == ({"STP"}, set(DEPARTMENTS) - {"STP"})
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is overview)
        units = overview.query_one("#review-units", DataTable)

        async def open_unit(code: str) -> ReviewAgencyScreen:
            units.focus()
            units.move_cursor(row=units.get_row_index(code))
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ReviewAgencyScreen))
            await wait_idle(app, pilot)
            assert isinstance(app.screen, ReviewAgencyScreen)
            return app.screen

        # the resubmitted unit: both bundles listed, what changed
        agency = await open_unit("918")
        history = str(agency.query_one("#agency-history", Static).render()).splitlines()
        assert len(history) == 2
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen))
        await wait_idle(app, pilot)
        changes = app.screen.query_one("#changes", DataTable)
        assert changes.row_count == 2  # the document added, and cited by 1.1.2
        await pilot.press("escape", "escape")
        await wait_for(pilot, lambda: app.screen is overview)
        # the corrected appraisal: the later value, with its reason beside the criterion
        agency = await open_unit("919")
        scores = agency.query_one("#agency-scores", DataTable)
        assert scores.get_row("1.1.2")[1:4] == ["1", "1", ""]
        scores.focus()
        scores.move_cursor(row=scores.get_row_index("1.1.2"))
        await pilot.pause()
        beside = str(agency.query_one("#agency-score", Static).render())
        assert "Lý do vòng 1: Đã có kế hoạch" in beside
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is overview)
        # the withdrawn comment: kept, struck out, with why
        agency = await open_unit("923")
        review = agency.query_one("#agency-review", Static).render()
        assert "[Hoạt động 3.8] Thiếu quyết định — T (đã rút: Đã bổ sung)" in str(review)
    with Store(round_db) as store:
        got = desk.all_rounds(store, PLAN, Q3)
    assert got == {"919": {"1.1.2": {1: Decimal("1")}}, "STP": {"1.1.2": {1: Decimal("0")}}}
