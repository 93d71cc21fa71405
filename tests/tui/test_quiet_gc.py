"""The garbage collector runs while the officer is not typing (ui/quiet_gc.py): a full pass
at the first quiet moment after input or new data, what survives frozen; never while keys are
coming; nothing left frozen after the app closes."""

from __future__ import annotations

import asyncio
import gc
import time
import weakref
from pathlib import Path

import pytest

from cchc_tui.ui import quiet_gc
from cchc_tui.ui.quiet_gc import QuietCollection
from tests.tui_helpers import demo_db, make_app, wait_idle


def test_a_pass_only_when_quiet_and_something_happened() -> None:
    q = QuietCollection()
    q._last_input = time.monotonic()
    assert not q.collect_if_quiet()  # a key just now
    q._last_input = time.monotonic() - quiet_gc.QUIET_SECONDS - 0.1
    try:
        assert q.collect_if_quiet()
        assert gc.get_freeze_count() > 0  # what survived is out of later passes
        assert q.passes == 1
        assert not q.collect_if_quiet()  # nothing since
        q.note_new_data()
        assert q.collect_if_quiet() and q.passes == 2
    finally:
        gc.unfreeze()


def test_garbage_of_frozen_objects_is_collected_at_the_next_pass() -> None:
    """A pass unfreezes first: a screen closed after a pass (its widgets refer to each other)
    is not kept for good."""

    class Node:
        def __init__(self) -> None:
            self.me = self  # a cycle: only the collector frees it

    q = QuietCollection()
    q._last_input = 0.0
    node = Node()
    ref = weakref.ref(node)
    try:
        q.collect_if_quiet()  # node alive: frozen
        del node
        q.note_new_data()
        q.collect_if_quiet()
        assert ref() is None
    finally:
        gc.unfreeze()


async def test_the_app_collects_when_quiet_not_while_typing(
    tmp_path: Path, plan_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quiet_gc, "QUIET_SECONDS", 1.0)  # wide: CI machines are busy
    monkeypatch.setattr(quiet_gc, "CHECK_SECONDS", 0.05)
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await asyncio.sleep(1.5)
        assert app.passes >= 1 and gc.get_freeze_count() > 0
        before = app.passes
        for _ in range(10):  # keys 0.1 s apart: never quiet for 1 s
            await pilot.press("down")
            await asyncio.sleep(0.1)
        assert app.passes == before
        await asyncio.sleep(1.5)
        assert app.passes == before + 1  # one pass once the keys stopped, not one per check
    assert gc.get_freeze_count() == 0  # closing the session unfreezes
