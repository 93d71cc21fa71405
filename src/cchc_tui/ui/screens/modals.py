"""Small modal screens: unsaved-changes question, an item's history, help."""

from __future__ import annotations

import json
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from cchc_tui.core.i18n import CATALOGUE, t
from cchc_tui.store.reader import AuditRow

Choice = Literal["save", "discard", "stay"]


class ConfirmLeave(ModalScreen[Choice]):
    """'There are unsaved changes. Save them?' — Save / Discard / Stay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('stay')", "ui.confirm.stay", id="confirm.stay"),
        Binding("ctrl+s,f2", "choose('save')", "ui.confirm.save", id="confirm.save"),
    ]

    def __init__(self, item_id: str) -> None:
        super().__init__()
        self.item_id = item_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("ui.confirm.unsaved", id=self.item_id))
            with Horizontal(classes="buttons"):
                yield Button(t("ui.confirm.save"), id="save", variant="primary")
                yield Button(t("ui.confirm.discard"), id="discard", variant="error")
                yield Button(t("ui.confirm.stay"), id="stay")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        if choice in ("save", "discard", "stay"):
            self.dismiss(choice)  # type: ignore[arg-type]

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)


class HistoryModal(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f7", "close", "key.back", id="history.close"),
    ]

    def __init__(self, item_id: str, entries: list[AuditRow]) -> None:
        super().__init__()
        self.item_id = item_id
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(t("ui.history.title", id=self.item_id), classes="title")
            with VerticalScroll(id="history"):
                yield Static(self.render_entries() or t("ui.history.empty"))
            yield Static(t("ui.help.close").replace("F1", "F7"), classes="hint")

    def render_entries(self) -> str:
        lines = []
        for e in reversed(self.entries):
            when = e.at.astimezone().strftime("%d/%m/%Y %H:%M")
            action = _label("audit." + e.action, e.action)
            lines.append(f"{when} · {e.actor} · {action}")
            for field, (old, new) in json.loads(e.changes).items():
                name = _label("audit.field." + field, field)
                lines.append(f"    {name}: {_show(old)} → {_show(new)}")
        return "\n".join(lines)

    def on_mount(self) -> None:
        self.query_one("#history", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _label(key: str, fallback: str) -> str:
    return t(key) if key in CATALOGUE else fallback


def _show(value: object) -> str:
    if value in (None, ""):
        return "∅"
    if isinstance(value, str) and value.startswith(("chua_", "dang_", "hoan_", "khong_")):
        from cchc_tui.core.progress import STATUSES, status_label

        if value in STATUSES:
            return status_label(value)
    return str(value)
