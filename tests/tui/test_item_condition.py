"""Ctrl+T in an item with a condition (2.11 "khi có Nghị quyết …"), by keyboard: the item waits
until the condition is recorded; "đã xảy ra" needs the document; what was recorded shows in the
item and decides whether the item is overdue (issue 17)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import OptionList, Static

from cchc_tui.ui.dialogs import ChooseOne
from cchc_tui.ui.officer.screens.item import ItemScreen
from cchc_tui.ui.widgets.ask_text import AskText
from tests.tui_helpers import cli, make_app, type_text, wait_idle

AFTER_DUE = date(2023, 1, 10)  # 2.11 is due 31/12/2022 ("Trong năm")


def shows_ctrl_t(app) -> bool:  # type: ignore[no-untyped-def]
    """The footer offers Ctrl+T ("Điều kiện") on this screen."""
    found = app.screen.active_bindings.get("ctrl+t")
    return found is not None and found.enabled and found.binding.show


async def wait_for(app, pilot, cls) -> None:  # type: ignore[no-untyped-def]
    for _ in range(40):
        await pilot.pause()
        if isinstance(app.screen, cls):
            return
    raise AssertionError(f"{cls.__name__} not shown; on screen: {type(app.screen).__name__}")


async def test_recording_a_condition_by_keyboard(tmp_path: Path) -> None:
    db = tmp_path / "snv.sqlite"
    cli("--db", str(db), "init", "--agency", "SNV", "--officer", "Trần An")
    app = make_app(db, today=AFTER_DUE)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await app.push_screen(ItemScreen("nv2.11"))
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ItemScreen)
        chain = str(screen.query_one("#chain", Static).render())
        assert "chờ điều kiện (chưa ghi nhận)" in chain
        assert screen.row is not None and screen.row.waiting and not screen.row.overdue
        assert shows_ctrl_t(app)

        # "đã xảy ra" with no document: refused in one sentence, nothing stored
        await pilot.press("ctrl+t")
        await wait_for(app, pilot, ChooseOne)
        assert app.screen.query_one("#choices", OptionList).highlighted == 2  # "chưa rõ"
        await pilot.press("home", "enter")
        await wait_for(app, pilot, AskText)
        await pilot.press("enter")
        await wait_for(app, pilot, ItemScreen)
        await wait_idle(app, pilot)
        assert screen.row.condition is None
        assert any("ghi văn bản làm căn cứ" in str(n.message) for n in app._notifications)

        # again, with the document typed: recorded; the item is now overdue (due 31/12/2022)
        await pilot.press("ctrl+t")
        await wait_for(app, pilot, ChooseOne)
        await pilot.press("home", "enter")
        await wait_for(app, pilot, AskText)
        await type_text(pilot, "1211/NQ-UBTVQH14 ngày 24/5/2016")
        await pilot.press("enter")
        await wait_for(app, pilot, ItemScreen)
        await wait_idle(app, pilot)
        assert (screen.row.condition, screen.row.condition_doc) == (
            "xay_ra",
            "1211/NQ-UBTVQH14 ngày 24/5/2016",
        )
        assert screen.row.overdue
        chain = str(screen.query_one("#chain", Static).render())
        assert "đã xảy ra, căn cứ 1211/NQ-UBTVQH14 ngày 24/5/2016" in chain

        # "không xảy ra": never overdue; Esc in the choice changes nothing
        await pilot.press("ctrl+t")
        await wait_for(app, pilot, ChooseOne)
        await pilot.press("escape")
        await wait_for(app, pilot, ItemScreen)
        assert screen.row.condition == "xay_ra"
        await pilot.press("ctrl+t")
        await wait_for(app, pilot, ChooseOne)
        await pilot.press("down", "enter")
        await wait_for(app, pilot, ItemScreen)
        await wait_idle(app, pilot)
        assert (screen.row.condition, screen.row.overdue) == ("khong_xay_ra", False)

    out = cli("--db", str(db), "--as-of", "10/01/2023", "assigned", "--json")
    assert '"condition_state": "khong_xay_ra"' in out


async def test_no_condition_key_for_an_item_without_one(tmp_path: Path) -> None:
    db = tmp_path / "snv.sqlite"
    cli("--db", str(db), "init", "--agency", "SNV", "--officer", "Trần An")
    app = make_app(db, today=AFTER_DUE)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await app.push_screen(ItemScreen("hd3.40"))
        await wait_idle(app, pilot)
        assert not shows_ctrl_t(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
