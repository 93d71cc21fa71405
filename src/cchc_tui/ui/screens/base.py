"""Common screen parts: header, translated footer, access to the app and its context."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from cchc_tui.ui.context import Context

if TYPE_CHECKING:
    from cchc_tui.ui.app import CchcApp


class BaseScreen(Screen[Any]):
    HELP_TITLE = "ui.title"

    @property
    def cchc(self) -> CchcApp:
        from cchc_tui.ui.app import CchcApp

        assert isinstance(self.app, CchcApp)
        return self.app

    @property
    def ctx(self) -> Context:
        ctx = self.cchc.ctx
        assert ctx is not None
        return ctx
