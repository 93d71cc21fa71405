"""Run one blocking action of a dialog in a thread and say how it went in the dialog: "√ …"
(and a notification) or "× " with the user error's sentence; the dialog stays open either way."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from textual.widgets import Static

from cchc_tui.core import glyphs
from cchc_tui.core.errors import UserError

T = TypeVar("T")


async def run_and_say(
    box: Static, work: Callable[[], T], said: Callable[[T], str], *, notify: bool = True
) -> T | None:
    try:
        value = await asyncio.to_thread(work)
    except UserError as e:
        box.update(f"{glyphs.FAIL} " + e.message())
        return None
    message = said(value)
    box.update(f"{glyphs.OK} " + message)
    if notify:
        box.app.notify(message)
    return value
