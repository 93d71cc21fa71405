"""What both apps are built on: the shared stylesheet, the user's settings (language first,
before any screen asks the catalogue; theme; keymap), crash reports, keys kept in order, the
form guard with its drafts, and the one-copy notice. The officer's app (ui/officer/) and the
review desk (ui/review/) add their screens and their database bridge."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from textual.app import SystemCommand
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender

from cchc_tui.config import Config
from cchc_tui.core.i18n import set_language
from cchc_tui.store.instance import InstanceLock
from cchc_tui.ui.crash import CrashReporting
from cchc_tui.ui.guard import GuardedApp, announce_other_copy, apply_keymap
from cchc_tui.ui.quiet_gc import QuietCollection
from cchc_tui.ui.widgets.viet_input import KeysInOrder


class WholeCellScrollBar(ScrollBarRender):
    """A scroll bar thumb in whole cells: Consolas and Lucida Console have no ▁▂▃▅▆▇ ▉▊▋▍▎▏."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


class CchcAppBase(CrashReporting, QuietCollection, KeysInOrder, GuardedApp):
    CSS_PATH = str(Path(__file__).with_name("cchc.tcss"))
    TITLE = "cchc-tui"

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        set_language(self.config.lang)  # before any screen asks the catalogue
        super().__init__()
        self.instance: InstanceLock | None = None
        self._session_open = False
        self.use_theme(self.config.theme)

    def use_theme(self, name: str) -> None:
        """Switch theme; the ANSI themes (16 colours: old Windows consoles) also draw the
        scroll bars in whole cells, without the eighth blocks their fonts lack."""
        self.theme = name
        ScrollBar.renderer = WholeCellScrollBar if name.startswith("ansi") else ScrollBarRender

    def action_command_palette(self) -> None:
        """The palette, asking in the user's language (ui/palette.py)."""
        from textual.command import CommandPalette

        from cchc_tui.ui.palette import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(Palette())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """None of Textual's own (Theme, Keys, Maximize, Screenshot, Quit, in English): each
        app offers its own, named in the catalogue."""
        del screen
        return ()

    def apply_settings(self) -> None:
        """The user's keymap (an unknown id is said, not ignored); call first in on_mount."""
        apply_keymap(self, self.config.keymap)

    async def open_session(self, db_path: Path, today: date) -> None:
        """Drafts (before the first form can open), the notice of a second copy, and the
        garbage collector run between keys (ui/quiet_gc.py)."""
        await self.start_drafts(db_path)
        self.start_quiet_collection()
        # Taken in the background: the first screen does not wait for filelock's import or the
        # lock file (a second copy's notice comes a moment later).
        self.instance = InstanceLock(db_path)
        self._session_open = True
        self.run_worker(self._announce(self.instance, today), group="instance")

    async def _announce(self, lock: InstanceLock, today: date) -> None:
        await announce_other_copy(self, lock, today)
        if not self._session_open:  # the app closed while the lock was being taken
            lock.release()

    def close_session(self) -> None:
        """What is typed and not saved, written once more; the one-copy lock released."""
        self._session_open = False
        self.close_drafts()
        gc.unfreeze()  # what this session froze can go (tests run many apps in one process)
        if self.instance is not None:
            self.instance.release()
