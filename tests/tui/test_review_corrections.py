"""Correcting the review at the desk, at 80×24, keyboard only: the desk opens on the latest
period with bundles; F1 explains the round; what the agency changed since its previous bundle
(v); the agency's own points kept for a criterion (a); a round withdrawn with a reason (x); a
comment withdrawn and shown struck out (u); the state picked and confirmed, locked once
approved unless reopened with a reason (t); a document opened with the system's viewer once
its hash is checked (o); the next unit (>)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import DataTable, Select, Static

from cchc_tui.services import review_desk as desk
from cchc_tui.services.importer import import_bundle, latest_received
from cchc_tui.store.service import Store
from cchc_tui.ui import opener
from cchc_tui.ui.help import HelpScreen
from cchc_tui.ui.review.agency import ReviewAgencyScreen
from cchc_tui.ui.review.app import ReviewApp
from cchc_tui.ui.review.changes import ChangesScreen
from cchc_tui.ui.review.corrections import AcceptModal, StateModal, WithdrawModal
from cchc_tui.ui.review.overview import ReviewOverviewScreen
from cchc_tui.ui.widgets.viet_input import VietInput
from tests.bundle_corpus import WHEN, Kit, make_bundle, make_kit
from tests.dbcache import profile_db
from tests.tui_helpers import type_text, wait_for, wait_idle

pytestmark = pytest.mark.asyncio
D = Decimal


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("desk-corrections"), ("918", "916"))


@pytest.fixture
def desk_db(tmp_path: Path, plan_text: str, kit: Kit) -> Path:
    """918 sent Q3 without a document, then again with its decision attached; 916 sent Q3."""
    db = profile_db(tmp_path / "r.sqlite", "SNV", "Sở Nội vụ", "Thẩm định viên", plan_text)
    pdf = tmp_path / "qd.pdf"
    pdf.write_bytes(b"%PDF-1.4 quyet dinh\n" * 20)
    with Store(db) as store:
        import_bundle(store, make_bundle(kit, "918", tmp_path / "a"), kit.ca_pem, None, actor="T")
        first = latest_received(store, "918", "kh-260-2022", "Q3")
        assert first is not None
        desk.add_comment(store, first, "Hoạt động 3.8", "Thiếu quyết định", actor="T")
        again = make_bundle(
            kit, "918", tmp_path / "b", when=WHEN.replace(hour=10), evidence_file=pdf,
            supersedes=(first.bundle_id, first.sha256),
        )  # fmt: skip
        import_bundle(store, again, kit.ca_pem, None, actor="T")
        import_bundle(store, make_bundle(kit, "916", tmp_path / "c"), kit.ca_pem, None, actor="T")
    return db


def rounds(db: Path) -> dict[str, dict[int, Decimal]]:
    with Store(db) as store:
        return desk.rounds_for(store, "918", "kh-260-2022", "Q3")


async def test_the_reviewer_corrects_a_review(
    desk_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(opener, "open_with_system", opened.append)
    app = ReviewApp(desk_db, today=date(2022, 12, 20))  # the year's report is the period now
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        overview = app.screen
        assert isinstance(overview, ReviewOverviewScreen)
        # the desk opens on the latest period with bundles, not the period of today
        await wait_for(pilot, lambda: overview.view is not None)
        assert overview.query_one("#review-period", Select).value == "Q3"
        assert overview.view is not None and overview.view.period == "Q3"
        # F1: the round explained, the keys listed; F1 again closes it
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        guide = str(app.screen.query_one("#help-guide", Static).render())
        assert guide.startswith("Một vòng thẩm định: nhận hồ sơ") and "giải trình" in guide
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen is overview)

        table = overview.query_one("#review-units", DataTable)
        table.move_cursor(row=table.get_row_index("918"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewAgencyScreen))
        await wait_idle(app, pilot)
        agency = app.screen
        assert isinstance(agency, ReviewAgencyScreen)
        # the comment on the first bundle stays in view, in words
        review = str(agency.query_one("#agency-review", Static).render())
        assert "[Hoạt động 3.8] (hồ sơ trước) Thiếu quyết định — T" in review

        # v: what changed since the first bundle
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangesScreen))
        await wait_idle(app, pilot)
        changes = app.screen.query_one("#changes", DataTable)
        rows = [changes.get_row_at(n) for n in range(changes.row_count)]
        assert ["TLKC", "15/QĐ-UBND", "thêm", "— → qd.pdf"] in rows
        detail = str(app.screen.query_one("#changes-detail", Static).render())
        assert detail.startswith(rows[0][0])
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is agency)

        # a: the agency's own points kept for criterion 1.1, in round 1
        scores = agency.query_one("#agency-scores", DataTable)
        scores.focus()
        scores.move_cursor(row=scores.get_row_index("1.1.2"))
        await pilot.pause()
        beside = str(agency.query_one("#agency-score", Static).render())
        assert beside.startswith("1.1.2 ") and "(tối đa 1)" in beside
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AcceptModal))
        dialog = app.screen
        assert dialog.query_one("#accept-scope", VietInput).value == "1.1"
        assert dialog.query_one("#accept-round", VietInput).value == "1"
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen is agency)
        await wait_idle(app, pilot)
        assert rounds(desk_db) == {"1.1.1": {1: D("0")}, "1.1.2": {1: D("1")}}
        assert scores.get_row("1.1.2")[1:4] == ["1", "1", ""]

        # x: round 1 of 1.1.2 withdrawn; the reason is asked for in the dialog
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, WithdrawModal))
        dialog = app.screen
        assert dialog.query_one("#withdraw-round", VietInput).value == "1"
        await pilot.press("f2")
        await wait_idle(app, pilot)
        said = str(dialog.query_one("#form-error", Static).render())
        assert said == "Rút điểm thẩm định 1.1.2 vòng 1 cần ghi lý do." and app.screen is dialog
        assert dialog.query_one("#withdraw-reason", VietInput).has_focus
        await type_text(pilot, "Chấm nhầm")
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen is agency)
        await wait_idle(app, pilot)
        assert rounds(desk_db) == {"1.1.1": {1: D("0")}}
        assert scores.get_row("1.1.2")[1:4] == ["1", "", ""]

        # u: the comment withdrawn, kept struck out with why
        await pilot.press("u")
        await wait_for(pilot, lambda: app.screen is not agency)
        await type_text(pilot, "Đã bổ sung")
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen is agency)
        await wait_idle(app, pilot)
        shown = agency.query_one("#agency-review", Static).render()
        assert "Thiếu quyết định — T (đã rút: Đã bổ sung)" in str(shown)
        assert any("strike" in str(s.style) for s in shown.spans)  # type: ignore[attr-defined]

        # t: approved, confirmed with Enter again; then locked until reopened with a reason
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, StateModal))
        await pilot.press("down", "enter")  # cần bổ sung → đã duyệt
        said = str(app.screen.query_one("#form-error", Static).render())
        assert said == "Đặt «đã duyệt» cho 918? Enter: đồng ý · Esc: thôi"
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is agency)
        await wait_idle(app, pilot)
        assert agency.state == "da_duyet"
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, StateModal))
        dialog = app.screen
        assert dialog.query_one("#state-reason", VietInput).has_focus
        await pilot.press("enter", "enter")  # no reason: to the list, pick: said at once
        await wait_idle(app, pilot)
        said = str(dialog.query_one("#form-error", Static).render())
        assert said == "Hồ sơ đã duyệt; mở lại (đổi trạng thái) cần ghi lý do."
        assert dialog.query_one("#state-reason", VietInput).has_focus
        await type_text(pilot, "Đơn vị gửi thêm TLKC")
        await pilot.press("enter", "enter", "enter")
        await wait_for(pilot, lambda: app.screen is agency)
        await wait_idle(app, pilot)
        assert agency.state != "da_duyet"

        # o: the document opened once its hash is checked again
        evidence = agency.query_one("#agency-evidence", DataTable)
        evidence.focus()
        await wait_for(pilot, lambda: str(evidence.get_row_at(0)[1]) == "√ khớp")
        await pilot.press("o")
        await wait_idle(app, pilot)
        assert len(opened) == 1 and opened[0].read_bytes().startswith(b"%PDF-1.4 quyet dinh")

        # >: the next unit that sent a bundle, in the overview's order
        await pilot.press("greater_than_sign")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, ReviewAgencyScreen) and app.screen is not agency,
        )
        assert app.screen.row.agency.code == "916"  # type: ignore[attr-defined]


async def test_from_an_activity_the_cursor_lands_on_it(desk_db: Path) -> None:
    from cchc_tui.ui.review.activity import ActivityScreen
    from cchc_tui.ui.review.dialogs import CommentModal

    app = ReviewApp(desk_db, today=date(2022, 12, 20))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        overview = app.screen
        assert isinstance(overview, ReviewOverviewScreen)
        await wait_for(pilot, lambda: overview.view is not None)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ActivityScreen))
        await wait_idle(app, pilot)
        activity = app.screen
        items = activity.query_one("#activity-items", DataTable)
        items.move_cursor(row=items.get_row_index("hd3.8"))
        await wait_idle(app, pilot)
        units = activity.query_one("#activity-units", DataTable)
        units.focus()
        units.move_cursor(row=units.get_row_index("918"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewAgencyScreen))
        await wait_idle(app, pilot)
        agency = app.screen
        table = agency.query_one("#agency-items", DataTable)
        assert table.has_focus
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == "item:hd3.8"
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CommentModal))
        assert app.screen.query_one("#comment-target", VietInput).value == "Hoạt động 3.8"
        # a target changed to one that does not exist: refused, the comment kept in the dialog
        target = app.screen.query_one("#comment-target", VietInput)
        target.value = "Hoạt động 99.9"
        await type_text(pilot, "Cần bổ sung quyết định")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, CommentModal)
        said = str(app.screen.query_one("#comment-error", Static).render())
        assert said == "Kế hoạch không có hoạt động «Hoạt động 99.9»."  # said in the dialog
        assert app.screen.query_one("#comment-target", VietInput).has_focus
        text = app.screen.query_one("#comment-text", VietInput).value
        assert text == "Cần bổ sung quyết định"


async def test_batch_work_from_the_overview(desk_db: Path, tmp_path: Path) -> None:
    from cchc_tui.ui.review.batch import RemindersModal, SignAllModal

    app = ReviewApp(desk_db, today=date(2022, 12, 20))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        overview = app.screen
        assert isinstance(overview, ReviewOverviewScreen)
        await wait_for(pilot, lambda: overview.view is not None)
        # m: the units missing or late, for the reminder letter
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, RemindersModal))
        out = tmp_path / "đôn đốc.xlsx"
        # pasted from Explorer's "Copy as path": in quotes
        app.screen.query_one("#reminders-out", VietInput).value = f'"{out}"'
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen is overview)  # written: back, said in a notice
        assert out.is_file()
        said = [str(n.message) for n in app._notifications]
        assert f"Đã ghi danh sách đôn đốc (31 đơn vị chưa nộp hoặc nộp trễ): {out}" in said
        # k: every pending receipt in one go; the passphrase is the only field Tab reaches
        await pilot.press("k")
        await wait_for(pilot, lambda: isinstance(app.screen, SignAllModal))
        await wait_idle(app, pilot)
        dialog = app.screen
        pending = str(dialog.query_one("#sign-all-pending", Static).render())
        assert pending.startswith("Chờ ký: 2 phiếu (916, 918).")
        field = dialog.query_one("#sign-all-pass", VietInput)
        assert field.has_focus
        await pilot.press("tab")
        assert not dialog.query_one("#sign-all-out", VietInput).has_focus
        field.focus()
        await type_text(pilot, "mat-khau-dai-123")
        await pilot.press("enter")
        await wait_idle(app, pilot)
        said = str(dialog.query_one("#sign-all-result", Static).render())
        assert "Chưa có chứng thư ký số" in said and field.value == ""


async def test_survey_points_for_many_units_from_one_table(desk_db: Path) -> None:
    from cchc_tui.ui.review.survey import SurveyScreen

    app = ReviewApp(desk_db, today=date(2022, 12, 20))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        overview = app.screen
        assert isinstance(overview, ReviewOverviewScreen)
        await wait_for(pilot, lambda: overview.view is not None)
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, SurveyScreen))
        await wait_idle(app, pilot)
        screen = app.screen
        table = screen.query_one("#survey", DataTable)
        rows = [table.get_row_at(n)[:4] for n in range(table.row_count)]
        assert sorted(rows) == [["916", "8.1.1", "15,5", ""], ["918", "8.1.1", "15,5", ""]]
        first = str(table.get_row_at(0)[0])
        second = str(table.get_row_at(1)[0])
        # type, Enter: saved, the next unit; its value, Enter; ↑ back to the first
        await type_text(pilot, "12,5")
        await pilot.press("enter")
        await wait_idle(app, pilot)
        assert table.cursor_row == 1
        await type_text(pilot, "20")  # over the maximum: said, nothing saved
        await pilot.press("enter")
        await wait_idle(app, pilot)
        said = str(screen.query_one("#survey-result", Static).render())
        assert "15,5" in said and table.get_row_at(1)[3] == ""
        screen.query_one("#survey-points", VietInput).value = ""
        await type_text(pilot, "14")
        await pilot.press("enter")
        await wait_idle(app, pilot)
        assert {str(table.get_row_at(n)[0]): table.get_row_at(n)[3] for n in (0, 1)} == {
            first: "12,5",
            second: "14",
        }
        # a change needs a reason
        await pilot.press("up")  # the unit's points as entered, in the field
        assert table.cursor_row == 0
        points = screen.query_one("#survey-points", VietInput)
        assert points.value == "12,5"
        points.value = ""
        await type_text(pilot, "10")
        await pilot.press("enter")
        await wait_idle(app, pilot)
        said = str(screen.query_one("#survey-result", Static).render())
        assert said == "8.1.1 vòng 1 đã có điểm 12,5; đổi thành 10 cần ghi lý do."
        screen.query_one("#survey-reason", VietInput).value = "Phiếu điều tra bổ sung"
        await pilot.press("enter")
        await wait_idle(app, pilot)
        assert table.get_row_at(0)[3] == "10"
    with Store(desk_db) as store:
        got = desk.all_rounds(store, "kh-260-2022", "Q3")
    assert {a: r["8.1.1"] for a, r in got.items()} == {first: {1: D("10")}, second: {1: D("14")}}
