"""The review desk at 80×24: the arrival day recorded on a unit (`n`), refused with the reason
in the dialog when it cannot be, and the overview counting lateness from it; the completeness
columns and the detail line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from cchc_tui.services.importer import import_bundle
from cchc_tui.store.service import Store
from cchc_tui.ui.review.app import ReviewApp
from cchc_tui.ui.review.dialogs import ArrivalModal
from cchc_tui.ui.review.overview import ReviewOverviewScreen
from cchc_tui.ui.widgets.viet_input import VietInput
from tests.bundle_corpus import Kit, make_bundle, make_kit
from tests.dbcache import profile_db
from tests.tui_helpers import type_text, wait_for, wait_idle

pytestmark = pytest.mark.asyncio


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("desk-arrival"), ("918",))


@pytest.fixture
def desk_db(tmp_path: Path, plan_text: str, kit: Kit) -> Path:
    """Sở Nội vụ's database with 918's Q3 bundle (signed 09/09/2022) imported today."""
    db = profile_db(tmp_path / "r.sqlite", "SNV", "Sở Nội vụ", "Thẩm định viên", plan_text)
    with Store(db) as store:
        import_bundle(store, make_bundle(kit, "918", tmp_path / "b"), kit.ca_pem, None, actor="TĐV")
    return db


def cell(table: DataTable[object], code: str, column: str) -> str:
    return str(table.get_cell(code, column))


async def test_the_reviewer_records_the_day_the_stick_came(desk_db: Path) -> None:
    app = ReviewApp(desk_db, today=date(2022, 9, 20))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        overview = app.screen
        assert isinstance(overview, ReviewOverviewScreen)
        overview.query_one("#review-period").value = "Q3"  # type: ignore[attr-defined]
        await wait_for(pilot, lambda: overview.view is not None and overview.view.period == "Q3")
        await wait_idle(app, pilot)
        table = overview.query_one("#review-units", DataTable)
        # imported today, years after 10/09/2022: late by the import day, the count in full
        assert cell(table, "918", "state").startswith("trễ ") and "." in cell(table, "918", "state")
        # hd3.1 in progress, hd3.8 done; 1.1.2 scored 1 point, citing no document
        assert (cell(table, "918", "lead"), cell(table, "918", "backed")) == ("50%", "0%")
        table.move_cursor(row=table.get_row_index("918"))
        await pilot.pause()
        detail = str(overview.query_one("#review-unit-detail", Static).render()).splitlines()
        assert detail[2] == (
            "Việc chủ trì xong/có lý do 1/2 (50%) · tiêu chí có TLKC 0/1 (0%) · 0 TLKC/điểm"
        )
        assert detail[3].startswith("Đến ") and "ký 09/09/2022" in detail[3]

        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ArrivalModal))
        dialog = app.screen
        day = dialog.query_one("#arrival-day", VietInput)
        assert day.has_focus and day.value == date.today().strftime("%d/%m/%Y")
        facts = str(dialog.query_one(".hint", Static).render())
        assert "ký 09/09/2022" in facts and "nhận vào máy" in facts
        # the day before it was signed: refused, said in the dialog, nothing written
        day.value = ""
        await type_text(pilot, "08/09/2022")
        await pilot.press("tab")
        await type_text(pilot, "công văn đến số 123")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        assert app.screen is dialog
        error = str(dialog.query_one("#arrival-error", Static).render())
        assert error.startswith("Ngày đến 08/09/2022 trước ngày ký gói (09/09/2022)")
        assert day.has_focus
        day.value = "09/09/2022"
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewOverviewScreen))
        await wait_idle(app, pilot)
        assert cell(table, "918", "state") == "đúng hạn"
        detail = str(overview.query_one("#review-unit-detail", Static).render()).splitlines()
        assert detail[3].startswith("Đến 09/09/2022 (công văn đến số 123) · ký 09/09/2022")
        stats = str(overview.query_one("#review-stats", Static).render())
        assert "đúng hạn 3,2%" in stats  # 1 of the 31 units the city expects
        # opened again: the recorded day and note, not the import day
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ArrivalModal))
        assert app.screen.query_one("#arrival-day", VietInput).value == "09/09/2022"
        assert app.screen.query_one("#arrival-note", VietInput).value == "công văn đến số 123"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewOverviewScreen))
