"""F1: every key of the screen underneath, with what it does."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from cchc_tui.core.i18n import t
from cchc_tui.ui.widgets.footer import describe


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.back", id="help.close"),
    ]

    def __init__(self, under: Screen[Any]) -> None:
        super().__init__()
        self.under = under

    def key_rows(self) -> list[tuple[str, str]]:
        seen: dict[str, list[str]] = {}
        for key, active in self.under.active_bindings.items():
            binding = active.binding
            if not binding.description:
                continue
            desc = describe(binding.description)
            display = self.app.get_key_display(binding)
            keys = seen.setdefault(desc, [])
            if display not in keys:
                keys.append(display)
            del key
        return [(" / ".join(keys), desc) for desc, keys in seen.items()]

    def compose(self) -> ComposeResult:
        title_key = getattr(self.under, "HELP_TITLE", "ui.title")
        with Vertical(classes="dialog wide"):
            yield Static(t("ui.help.title", screen=t(title_key)), classes="title")
            yield DataTable(id="help-keys", cursor_type="row", show_header=False)
            yield Static(t("ui.help.close"), classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_columns("", "")
        for keys, desc in self.key_rows():
            table.add_row(keys, desc)
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
