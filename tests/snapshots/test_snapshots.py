"""SVG snapshots of every screen at 80×24 and 120×40 (pytest-textual-snapshot).

Update after an intended change with:
    python -m pytest tests/snapshots/test_snapshots.py --snapshot-update
and look at the pictures (snapshot_report.html) before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.tui_helpers import demo_db, make_app

SIZES = [(80, 24), (120, 40)]
OCT = date(2022, 10, 5)


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for w in pilot.app.screen.query("*"):
        if isinstance(w, Input | TextArea):
            w.cursor_blink = False
    await pilot.pause()


def keys(*presses: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for k in presses:
            await pilot.press(k)
            await settle(pilot)

    return run


SCREENS: dict[str, tuple[str, ...]] = {
    "overview": (),
    "items": ("f4",),
    "items_overdue_lead": ("f4", "o", "r"),
    "item": ("f4", "enter"),
    "evidence": ("f5",),
    "evidence_form": ("f5", "n"),
    "walkthrough": ("f6",),
    "summary": ("f6", "escape"),
    "help": ("f4", "f1"),
    "scoring": ("f7",),
    "scoring_row": ("f7", "down", "down"),
    "scoring_indicators": ("f7", "i"),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_screen(
    screen: str,
    size: tuple[int, int],
    snap_compare: Any,
    tmp_path: Path,
    plan_text: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # F1 lists where the files are: the same folder in every run, as on an office PC
    office = Path("C:/Users/canbo/AppData/Local/cchc-tui")
    monkeypatch.setattr(
        "cchc_tui.services.backup.locations",
        lambda db, config: [
            ("db", office / "cchc.sqlite", True),
            ("files", office / "cchc.sqlite.files", True),
            ("keys", office / "cchc.sqlite.keys", False),
            ("bundles", office / "cchc.sqlite.bundles", False),
            ("config", office / "config.toml", False),
        ],
    )
    app = make_app(demo_db(tmp_path, plan_text), today=OCT)
    assert snap_compare(app, terminal_size=size, run_before=keys(*SCREENS[screen]))


@pytest.mark.parametrize(
    ("screen", "config"),
    [("evidence", {"lang": "en"}), ("scoring_row", {"theme": "ansi-light"})],
    ids=["evidence-en", "scoring_row-ansi_light"],
)
def test_screen_in_english_or_the_light_ansi_theme(
    screen: str, config: dict[str, str], snap_compare: Any, tmp_path: Path, plan_text: str
) -> None:
    """The detail lines of issue 14 in English, and in the 16-colour light theme (box lines,
    no eighth blocks)."""
    app = make_app(demo_db(tmp_path, plan_text), today=OCT, **config)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys(*SCREENS[screen]))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_first_run(size: tuple[int, int], snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(tmp_path / "new.sqlite", today=OCT)
    assert snap_compare(app, terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_sixteen_colours(size: tuple[int, int], snap_compare: Any, tmp_path: Path,
                         plan_text: str) -> None:  # fmt: skip
    app = make_app(demo_db(tmp_path, plan_text), today=OCT, theme="ansi-dark")
    assert snap_compare(app, terminal_size=size, run_before=keys())


@pytest.fixture(scope="module")
def reviewer_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A reviewer database holding one district's bundle (built through the CLI)."""
    import os

    from tests.tui_helpers import cli, officer_bundle

    d = tmp_path_factory.mktemp("review")
    old = os.getcwd()
    os.chdir(d)
    try:
        path = officer_bundle(d, str(d / "o.sqlite"), "918", "Hương", score=True)
        cli("--db", str(d / "r.sqlite"), "init", "--agency", "SNV", "--officer", "Thẩm định viên")
        cli("--db", str(d / "r.sqlite"), "import", path, "--ca", "ca/ca.pem")
    finally:
        os.chdir(old)
    return d / "r.sqlite"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review_desk_overview(
    size: tuple[int, int], snap_compare: Any, fixed_reviewer_db: Path
) -> None:
    from cchc_tui.ui.review.app import ReviewApp

    app = ReviewApp(fixed_reviewer_db, today=date(2022, 8, 1))
    assert snap_compare(app, terminal_size=size, run_before=keys("s"))


@pytest.fixture
def fixed_reviewer_db(reviewer_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the reviewer database with the bundle's id and times fixed (they come from the
    clock at export and import), shown in UTC, so the review desk draws the same every day:
    signed 09/09/2022, received 12/09/2022 — two days after the Q3 due date."""
    import shutil
    import sqlite3
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    db = tmp_path / "r.sqlite"
    shutil.copy(reviewer_db, db)
    con = sqlite3.connect(db)
    con.execute(
        "UPDATE received_bundle SET bundle_id = '0a1b2c3d-0000-5000-8000-000000000000', "
        "signing_time = '2022-09-09 08:00:00', received_at = '2022-09-12 08:30:00'"
    )
    con.commit()
    con.close()
    return db


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    "screen",
    ["agency", "agency_scores", "appraise", "ranking", "state", "changes", "survey", "help"],
)
def test_review_desk_screens(
    screen: str, size: tuple[int, int], snap_compare: Any, fixed_reviewer_db: Path
) -> None:
    from cchc_tui.ui.review.app import ReviewApp

    open_918 = ("slash", "9", "1", "8", "enter", "enter")
    presses = {
        "agency": open_918,
        "agency_scores": (*open_918, "tab", "down"),
        "appraise": (*open_918, "tab", "down", "p"),
        "ranking": ("r",),
        "state": (*open_918, "t"),  # the state picked from a list, then confirmed
        "changes": (*open_918, "v"),
        "survey": ("y",),
        "help": ("f1",),
    }[screen]
    app = ReviewApp(fixed_reviewer_db, today=date(2022, 8, 1))
    assert snap_compare(app, terminal_size=size, run_before=keys(*presses))
