"""The first screen (issue 16, start-up): the overview is read before the terminal is taken
over and is itself the screen at the bottom of the stack, drawn once with its data; F3 goes
back to that same screen and reads it afresh."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Static

from cchc_tui.ui.officer.screens.items import ItemsScreen
from cchc_tui.ui.officer.screens.overview import OverviewScreen
from tests.tui_helpers import cli, demo_db, make_app, wait_for, wait_idle


def _text(screen: OverviewScreen, wid: str) -> str:
    return str(screen.query_one(wid, Static).render())


async def test_the_overview_is_the_first_screen_and_the_bottom_of_the_stack(
    tmp_path: Path, plan_text: str
) -> None:
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.screen
        assert isinstance(first, OverviewScreen)
        assert app.screen_stack == [first]  # no empty screen under it
        assert "mục được giao" in _text(first, "#ov-counts")  # with its data from the start
        await wait_idle(app, pilot)
        assert app.screen is first


async def test_f3_goes_back_to_the_same_overview_read_afresh(
    tmp_path: Path, plan_text: str
) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        first = app.screen
        assert isinstance(first, OverviewScreen)
        before = _text(first, "#ov-status")
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemsScreen))
        # another copy of the app, or the command line, changes an item meanwhile
        cli("--db", str(db), "progress", "set", "hd3.8", "--status", "hoan_thanh")
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.screen is first)
        assert app.screen_stack == [first]
        await wait_for(pilot, lambda: _text(first, "#ov-status") != before)
        # F3 on the overview itself reads it afresh too (nothing pushed)
        after = _text(first, "#ov-status")
        cli("--db", str(db), "progress", "set", "hd3.9", "--status", "hoan_thanh")
        await pilot.press("f3")
        await wait_for(pilot, lambda: _text(first, "#ov-status") != after)
        assert app.screen_stack == [first]


async def test_a_read_that_comes_back_after_its_screen_was_left_is_dropped(
    tmp_path: Path, plan_text: str
) -> None:
    """A screen's read that ends after the screen was left (F3 while the register still read
    its list; a document form's "saved" arriving for a register already gone): the answer is
    dropped, no crash (found by the random walk: NoMatches '#register' on EvidenceScreen)."""
    from cchc_tui.ui.officer.screens.evidence import EvidenceScreen

    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, EvidenceScreen))
        await wait_idle(app, pilot)
        register = app.screen
        assert isinstance(register, EvidenceScreen)
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
        await wait_idle(app, pilot)
        assert not register.is_attached
        app.run_worker(register.reload())  # what the stale "saved" callback starts
        await wait_idle(app, pilot)
        await pilot.pause(0.2)
        assert app._exception is None
        assert app.return_code is None and isinstance(app.screen, OverviewScreen)


@pytest.mark.parametrize(
    ("day", "past"),
    [(date(2022, 9, 15), False), (date(2022, 12, 10), False), (date(2022, 12, 31), True)],
)
async def test_the_periods_deadline_says_when_it_has_passed(
    tmp_path: Path, plan_text: str, day: date, past: bool
) -> None:
    """After the plan year (the app then works as of 31/12) the year report's 10/12 deadline
    is not shown as if still ahead."""
    app = make_app(demo_db(tmp_path, plan_text), today=day)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        line = _text(screen, "#ov-period")
        assert line.endswith("đã qua)") is past, line
