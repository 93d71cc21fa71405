"""Common screen parts: header, translated footer, access to the app and its context."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.screen import Screen

from cchc_tui.services.officer_desk import Context

if TYPE_CHECKING:
    from cchc_tui.ui.officer.app import CchcApp


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
