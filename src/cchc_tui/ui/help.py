"""F1 in both apps: what the work is, in a few lines, and every key of the screen underneath
with what it does."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from cchc_tui.core.i18n import t
from cchc_tui.core.labels import WHERE
from cchc_tui.ui.widgets.footer import describe


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1", "close", "key.back", id="help.close"),
    ]

    def __init__(
        self,
        under: Screen[Any],
        guide: str = "ui.help.guide",
        places: list[tuple[str, Path, bool]] | None = None,
    ) -> None:
        super().__init__()
        self.under = under
        self.guide = guide  # the catalogue key of what the app's work is, in a few lines
        self.places = places or []  # where the database and its files are (`cchc db path`)

    def key_rows(self) -> list[tuple[str, str, str]]:
        """(keys, what they do, binding id) for every key of the screen underneath: its own
        first, then moving around; a Textual key not worth showing in Vietnamese is left out."""
        rows: dict[str, tuple[list[str], str]] = {}
        for active in self.under.active_bindings.values():
            binding = active.binding
            desc = describe(binding.description) if binding.description else ""
            if not desc:
                continue
            display = self.app.get_key_display(binding)
            keys, _id = rows.setdefault(desc, ([], binding.id or ""))
            if display not in keys:
                keys.append(display)
        ours = [d for d, (_k, i) in rows.items() if i]
        theirs = [d for d, (_k, i) in rows.items() if not i]
        return [(" / ".join(rows[d][0]), d, rows[d][1]) for d in ours + theirs]

    def compose(self) -> ComposeResult:
        title_key = getattr(self.under, "HELP_TITLE", "ui.title")
        with Vertical(classes="dialog wide", id="help-dialog"):
            yield Static(t("ui.help.title", screen=t(title_key)), classes="title")
            yield Static(t(self.guide), id="help-guide", markup=False)
            yield DataTable(id="help-keys", cursor_type="row", show_header=False)
            if self.places:  # the database (its folders sit beside it) and the settings
                yield Static(
                    "\n".join(
                        f"{t(WHERE[what])}: {path}"
                        for what, path, _there in self.places
                        if what in ("db", "config")
                    ),
                    id="help-places",
                    markup=False,
                )
            yield Static(t("ui.help.close"), classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_columns("", "", "")
        for keys, desc, binding_id in self.key_rows():
            table.add_row(keys, desc, binding_id)
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
