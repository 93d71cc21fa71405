"""A modal with one line to type (a document's number and date), typed as in every field
(VietInput: Unikey's keys kept in order)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from cchc_tui.core.i18n import t
from cchc_tui.ui.widgets.viet_input import VietInput


class AskText(ModalScreen[str | None]):
    """One line to type (a document's number and date): Enter gives it, Esc gives None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "ui.ask.no", id="ask_text.cancel"),
    ]

    def __init__(self, question: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self.question, self.value, self.hint = question, value, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.question, classes="title")
            yield VietInput(self.value, id="answer")
            yield Static(self.hint or t("ui.ask_text.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#answer").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)
