"""Issue 14, plan year: when several plans are in the database, the app says which one it
opened and the officer chooses which to work on (palette → "Chọn kế hoạch"), the current one
highlighted; with one plan the palette does not offer it."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList, Static

from cchc_tui.store.service import Store
from cchc_tui.ui.dialogs import ChooseOne
from cchc_tui.ui.officer.screens.overview import OverviewScreen
from tests.tui_helpers import demo_db, make_app, wait_for


def a_second_plan(db: Path, plan_text: str) -> None:
    text = plan_text.replace('id = "kh-260-2022"', 'id = "kh-300-2023"', 1)
    text = text.replace('number = "260/KH-UBND"', 'number = "300/KH-UBND"', 1)
    with Store(db) as store:
        store.import_plan(text.replace("\nyear = 2022", "\nyear = 2023", 1), actor="H")


async def test_the_officer_chooses_the_plan(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    a_second_plan(db, plan_text)
    app = make_app(db)
    notes: list[str] = []
    app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
        assert app.ctx is not None and app.ctx.plan.id == "kh-300-2023"  # the latest year's
        assert any("có 2 kế hoạch; đang mở 300/KH-UBND" in n for n in notes)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"chon ke hoach", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChooseOne))
        found = app.screen.query_one("#choices", OptionList)
        assert found.highlighted == 1  # the open one
        assert "260/KH-UBND — năm 2022" in str(found.get_option_at_index(0).prompt)
        await pilot.press("up", "enter")
        await wait_for(pilot, lambda: app.ctx is not None and app.ctx.plan.id == "kh-260-2022")
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
        assert "260/KH-UBND" in app.sub_title
        # the overview itself (the bottom screen, read again), not only the header
        agency = app.screen.query_one("#ov-agency", Static)
        await wait_for(pilot, lambda: "260/KH-UBND" in str(agency.render()))
        assert app.screen_stack == [app.screen]


async def test_one_plan_is_not_a_choice(tmp_path: Path, plan_text: str) -> None:
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
        assert "choose_plan" not in [action for _label, action in app.palette_commands()]
