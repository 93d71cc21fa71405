"""Common screen parts: header, translated footer, access to the app and its context."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.screen import Screen

from cchc_tui.services.officer_desk import Context
from cchc_tui.ui.guard import ScreenLeft

if TYPE_CHECKING:
    from cchc_tui.ui.officer.app import CchcApp


T = TypeVar("T")


class BaseScreen(Screen[Any]):
    HELP_TITLE = "ui.title"

    @property
    def cchc(self) -> CchcApp:
        return cast("CchcApp", self.app)  # the only app these screens are pushed on

    @property
    def ctx(self) -> Context:
        ctx = self.cchc.ctx
        assert ctx is not None
        return ctx

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        """``app.db(fn, …)`` for what this screen shows: when the answer comes after the screen
        was left (a key pressed while it read), ScreenLeft — a DbFailed, so the caller's
        ``except DbFailed: return`` ends quietly instead of querying widgets that are gone."""
        got = await self.cchc.db(fn, *args)
        if not self.is_attached:
            raise ScreenLeft()
        return got
