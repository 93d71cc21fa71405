"""Issue 14, first run: the agency and officer can be changed later, from the palette, with
the current ones filled in (Enter keeps the agency highlighted), a warning naming what the
current agency recorded, Esc to go back with nothing changed; the palette speaks Vietnamese
when nothing matches."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.widgets import Static

from cchc_tui.ui.dialogs import AskYesNo
from cchc_tui.ui.officer.screens.first_run import ChangeProfileScreen
from cchc_tui.ui.officer.screens.overview import OverviewScreen
from cchc_tui.ui.widgets.viet_input import VietInput
from tests.tui_helpers import demo_db, make_app, wait_for


def profile_changes(db: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT actor, changes FROM audit_log WHERE action = 'profile.change' ORDER BY id"
    ).fetchall()
    con.close()
    return rows


async def open_change(app: object, pilot: object) -> ChangeProfileScreen:
    await pilot.press("ctrl+p")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))  # type: ignore[attr-defined]
    await pilot.press(*"doi co quan", "enter")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, ChangeProfileScreen))  # type: ignore[attr-defined]
    return app.screen  # type: ignore[attr-defined,no-any-return]


async def test_changing_the_agency_warns_then_goes_on_as_the_new_one(
    tmp_path: Path, plan_text: str
) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_change(app, pilot)
        assert screen.query_one("#officer", VietInput).value == "Trần Thị Thu Hương"
        chosen = str(screen.query_one("#chosen").render())
        assert chosen == "Cơ quan: Quận Bình Thuỷ (918)"
        await pilot.press("enter")  # Enter in the search keeps the current agency
        assert screen.chosen is not None and screen.chosen.code == "918"
        screen.query_one("#search", VietInput).focus()
        await pilot.press(*"phong dien", "enter")
        assert screen.chosen is not None and screen.chosen.code == "926"
        screen.query_one("#officer", VietInput).value = "Lê Văn Tám"
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, AskYesNo))
        asked = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "dữ liệu của Quận Bình Thuỷ (918)" in asked and "mục đã cập nhật" in asked
        assert "Huyện Phong Điền (926), cán bộ Lê Văn Tám — đúng không?" in asked
        assert app.focused is not None and app.focused.id == "no"  # data at stake: No first
        await pilot.press("left", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
        assert "Huyện Phong Điền" in app.sub_title
        assert app.ctx is not None and app.ctx.agency == "926"
    ((actor, changed),) = profile_changes(db)
    assert actor == "Trần Thị Thu Hương" and '"926"' in changed and "Lê Văn Tám" in changed


async def test_escape_goes_back_and_changes_nothing(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_change(app, pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ChangeProfileScreen))
        assert screen.current is not None and "Quận Bình Thuỷ" in app.sub_title
    assert profile_changes(db) == []


async def test_the_palette_says_no_match_in_vietnamese(tmp_path: Path, plan_text: str) -> None:
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"zzqqxx")

        def said() -> str:
            found = app.screen.query_one(CommandList)
            return " ".join(
                str(found.get_option_at_index(i).prompt) for i in range(found.option_count)
            )

        await wait_for(pilot, lambda: "Không có lệnh nào khớp" in said())
        assert "No matches" not in said()
