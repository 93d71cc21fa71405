"""Issue 14, scoring navigation: `/` finds a row by code or words without accents as they are
typed (↓ the next match, Enter back to the tree, Esc too), `n` goes to the next row that needs
a look, and the cursor stays where it was after every action (F9, a save)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, OptionList, Static

from cchc_tui.ui.officer.screens.scoring import PickDocuments, ScoringScreen
from cchc_tui.ui.officer.screens.scoring_find import Row, matches, next_index
from cchc_tui.ui.widgets.viet_input import VietInput
from tests.tui_helpers import demo_db, make_app, type_text, wait_idle


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("1.1", True),
        ("1.1.2", True),
        ("1.2", False),  # a code matches from its start only
        ("ke hoach cchc", True),
        ("KẾ HOẠCH", True),
        ("cchc ke hoach", True),  # words in any order
        ("kế hoạch năm 2023", False),
        ("", False),
        ("   ", False),
    ],
)
def test_what_matches(query: str, found: bool) -> None:
    row = Row("s:1.1.2", "1.1.2", "Ban hành Kế hoạch CCHC năm 2022")
    assert matches(row, query) is found


def test_next_goes_round_and_comes_back_to_the_start_last() -> None:
    rows = [Row(str(i), str(i), "", flagged=i in (1, 4)) for i in range(6)]
    flagged = lambda r: r.flagged  # noqa: E731
    assert next_index(rows, -1, flagged) == 1
    assert next_index(rows, 1, flagged) == 4
    assert next_index(rows, 4, flagged) == 1  # round the end
    assert next_index([rows[1]], 0, flagged) == 0  # the only one is the start itself
    assert next_index(rows[2:4], 0, flagged) is None


async def open_scoring(app: Any, pilot: Any) -> ScoringScreen:
    await wait_idle(app, pilot)
    await pilot.press("f7")
    await wait_idle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ScoringScreen)
    return screen


def cursor_key(screen: ScoringScreen) -> str:
    table = screen.query_one("#score-tree", DataTable)
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def test_find_next_flag_and_the_cursor_kept(tmp_path: Path, plan_text: str) -> None:
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_scoring(app, pilot)
        find = screen.query_one("#score-find", VietInput)
        assert not find.display
        await pilot.press("slash")
        await pilot.pause()
        assert find.display and app.focused is find
        await type_text(pilot, "bao cao")  # the cursor follows the typing
        await pilot.pause()
        first = cursor_key(screen)
        row = next(r for r in screen.rows if r.key == first)
        assert "báo cáo" in row.title.lower()
        await pilot.press("down")  # the next match
        await pilot.pause()
        second = cursor_key(screen)
        assert second != first
        assert "báo cáo" in next(r for r in screen.rows if r.key == second).title.lower()
        await pilot.press("enter")  # back to the tree, on that row
        await pilot.pause()
        assert not find.display and isinstance(app.focused, DataTable)
        assert cursor_key(screen) == second
        await pilot.press("slash")
        await type_text(pilot, "zzz khong co")
        await pilot.press("down")
        await pilot.pause()
        assert any("Không thấy «zzz khong co»" in n.message for n in app._notifications)
        assert cursor_key(screen) == second  # nothing found: the cursor stays
        await pilot.press("escape")
        await pilot.pause()
        assert not find.display and isinstance(app.focused, DataTable)

        # n: the next row with a warning, round the end
        flagged = [r.key for r in screen.rows if r.flagged]
        assert flagged, "the demo has rows with warnings"
        await pilot.press("home")
        await pilot.press("n")
        await pilot.pause()
        assert cursor_key(screen) == flagged[0]
        for expected in [*flagged[1:], flagged[0]]:
            await pilot.press("n")
            await pilot.pause()
            assert cursor_key(screen) == expected

        # F9 and back: the cursor stays on its row, the view where it was
        await pilot.press("slash")
        await type_text(pilot, "1.1.2")
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_key(screen) == "s:1.1.2"
        table = screen.query_one("#score-tree", DataTable)
        scrolled = table.scroll_y
        await pilot.press("f9")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, PickDocuments)
        await pilot.press("space", "enter")  # a document linked: the tree is read again
        await wait_idle(app, pilot)
        assert app.screen is screen and cursor_key(screen) == "s:1.1.2"
        assert table.scroll_y == scrolled


async def test_one_picker_marks_in_letters_counts_and_leaves_with_esc(
    tmp_path: Path, plan_text: str
) -> None:
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_scoring(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "1.1.2")
        await pilot.press("enter", "f9")
        await wait_idle(app, pilot)
        picker = app.screen
        assert isinstance(picker, PickDocuments)
        rows = picker.query_one("#pick-docs", OptionList)
        assert rows.highlighted == 0  # Space acts at once
        total = rows.option_count
        assert total >= 2

        def prompts() -> list[str]:
            return [str(rows.get_option_at_index(i).prompt) for i in range(total)]

        def count() -> str:
            return str(picker.query_one("#pick-count", Static).render())

        assert all(p.startswith("[ ] ") for p in prompts())
        assert count().startswith(f"Đã chọn 0/{total}")
        detail = picker.query_one("#pick-detail", Static)
        # the highlighted document whole, however little of it its row shows
        assert str(detail.render()) == picker.options[0][0]
        await pilot.press("down")
        await pilot.pause()
        assert str(detail.render()) == picker.options[1][0]
        await pilot.press("up")
        await pilot.press("space", "down", "space", "space")  # the second marked and unmarked
        await pilot.pause()
        assert prompts()[0].startswith("[x] ") and prompts()[1].startswith("[ ] ")
        assert count().startswith(f"Đã chọn 1/{total}")
        await pilot.press("escape")  # nothing kept
        await wait_idle(app, pilot)
        assert app.screen is screen and screen.view is not None
        assert screen.view.links.get("1.1.2", []) == []
        await pilot.press("f9")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, PickDocuments)
        await pilot.press("down", "space", "enter")  # the second document, kept
        await wait_idle(app, pilot)
        first, second = (rows.get_option_at_index(i).id for i in range(2))
        assert screen.view.links.get("1.1.2") == [int(str(second))]
        await pilot.press("f9")
        await wait_idle(app, pilot)
        again = app.screen
        assert isinstance(again, PickDocuments)
        marked = [str(again.query_one("#pick-docs", OptionList).get_option_at_index(i).prompt)
                  for i in range(total)]  # fmt: skip
        assert marked[1].startswith("[x] ") and marked[0].startswith("[ ] ")
        assert first != second
