"""Textual's command palette, speaking the user's language and drawing only console glyphs:
its placeholder, its "No matches found" (English, and shown to an officer typing Vietnamese),
and its 🔎 icon (an emoji no Windows console font has)."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, SearchIcon
from textual.widgets.option_list import Option

from cchc_tui.core import glyphs
from cchc_tui.core.i18n import t


class Palette(CommandPalette):
    def __init__(self) -> None:
        super().__init__(id="--command-palette", placeholder=t("ui.palette.placeholder"))

    def on_mount(self) -> None:
        self.query_one(SearchIcon).icon = glyphs.OPENS

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's own (textual/command.py, 8.x), with the sentence from the catalogue."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(t("ui.palette.no_match"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
