"""Small modal screens: the guard's questions (unsaved changes, quit, restore a draft, a
conflicting save, a destructive key), a list of changes to confirm, one choice among a few, an
item's history."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from typing import ClassVar, Literal, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from cchc_tui.core import glyphs, labels
from cchc_tui.core.i18n import t
from cchc_tui.store.reader import AuditRow

Choice = Literal["save", "discard", "stay"]
_R = TypeVar("_R")


class ButtonDialog(ModalScreen[_R]):
    """A question answered with buttons: ← and → move between them as Tab and Shift+Tab do
    (what an officer tries first: → then Enter chose the first button)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "app.focus_previous", "key.nav.left", id="dialog.left", show=False),
        Binding("right", "app.focus_next", "key.nav.right", id="dialog.right", show=False),
    ]


class ConfirmLeave(ButtonDialog[Choice]):
    """'There are unsaved changes. Save them?' — Save / Discard / Stay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('stay')", "ui.confirm.stay", id="confirm.stay"),
        Binding("ctrl+s,f2", "choose('save')", "ui.confirm.save", id="confirm.save"),
    ]

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("ui.confirm.unsaved", id=self.label))
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


class QuitQuestion(ButtonDialog[Choice]):
    """Ctrl+Q with input not saved: one question for every open form."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('stay')", "ui.confirm.stay", id="quit.stay"),
    ]

    def __init__(self, labels: list[str]) -> None:
        super().__init__()
        self.labels = labels

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("ui.quit.unsaved", count=len(self.labels)))
            yield Static("\n".join(f"  • {label}" for label in self.labels), classes="info")
            with Horizontal(classes="buttons"):
                yield Button(t("ui.quit.save_all"), id="save", variant="primary")
                yield Button(t("ui.quit.discard_all"), id="discard", variant="error")
                yield Button(t("ui.confirm.stay"), id="stay")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("save", "discard", "stay"):
            self.dismiss(event.button.id)  # type: ignore[arg-type]

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)


class RestoreDraft(ButtonDialog[bool | None]):
    """Khôi phục bản nháp lúc 14:32? [Khôi phục] [Bỏ]. Esc decides nothing: the draft stays,
    offered again next time (only [Bỏ] drops it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "ui.draft.later", id="draft.later"),
    ]

    def __init__(self, saved_at: datetime, label: str = "") -> None:
        super().__init__()
        self.saved_at = saved_at
        self.label = label

    def compose(self) -> ComposeResult:
        when = self.saved_at.astimezone().strftime("%H:%M %d/%m/%Y")
        with Vertical(classes="dialog"):
            yield Static(t("ui.draft.offer", when=when, label=self.label))
            with Horizontal(classes="buttons"):
                yield Button(t("ui.draft.restore"), id="restore", variant="primary")
                yield Button(t("ui.draft.drop"), id="drop", variant="error")

    def on_mount(self) -> None:
        self.query_one("#restore", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "restore")

    def action_later(self) -> None:
        self.dismiss(None)


Resolution = Literal["mine", "theirs", "merge"]


class ConflictModal(ButtonDialog[Resolution]):
    """A save refused because someone saved the same row in between: both versions side by
    side (who, when, each field), and keep mine / keep theirs / merge by hand."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('merge')", "ui.conflict.merge", id="conflict.merge"),
    ]

    def __init__(self, title: str, who: str, when: str, fields: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.title_text, self.who, self.when, self.fields = title, who, when, fields

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="conflict"):
            yield Static(self.title_text, classes="title")
            yield Static(t("ui.conflict.intro", who=self.who, when=self.when), classes="info")
            with VerticalScroll(id="conflict-fields"):  # Tab to it to scroll a long note
                with Horizontal(classes="conflict-row"):
                    yield Static("", classes="conflict-label")
                    yield Static(t("ui.conflict.mine"), classes="conflict-head")
                    yield Static(t("ui.conflict.theirs"), classes="conflict-head")
                for label, mine, theirs in self.fields:
                    mark = "" if mine == theirs else f" {glyphs.DIFFERS}"
                    with Horizontal(classes="conflict-row"):
                        yield Static(label + mark, classes="conflict-label")
                        yield Static(mine or glyphs.EMPTY, classes="conflict-mine")
                        yield Static(theirs or glyphs.EMPTY, classes="conflict-theirs")
            with Horizontal(classes="buttons"):
                yield Button(t("ui.conflict.keep_mine"), id="mine", variant="primary")
                yield Button(t("ui.conflict.keep_theirs"), id="theirs", variant="error")
                yield Button(t("ui.conflict.merge"), id="merge")

    def on_mount(self) -> None:
        self.query_one("#merge", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("mine", "theirs", "merge"):
            self.dismiss(event.button.id)  # type: ignore[arg-type]

    def action_choose(self, choice: Resolution) -> None:
        self.dismiss(choice)


class AskYesNo(ButtonDialog[bool]):
    """A destructive single key asks first: what changes, [Đồng ý] [Không]."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose(False)", "ui.ask.no", id="ask.no"),
    ]

    def __init__(
        self,
        question: str,
        *,
        yes: str | None = None,
        no: str | None = None,
        focus_yes: bool = False,
    ) -> None:
        super().__init__()
        self.question = question
        self.yes = yes or t("ui.ask.yes")
        self.no = no or t("ui.ask.no")
        self.focus_yes = focus_yes  # a confirmation, not a destructive key: Enter says yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question)
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="warning")
                yield Button(self.no, id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.focus_yes else "#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_choose(self, yes: bool) -> None:
        self.dismiss(yes)


class ConfirmList(ButtonDialog[bool]):
    """A change to several records, shown line by line before it is made: the question, the
    lines (scrolling), [Đồng ý] focused (Enter) and [Không] (Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose(False)", "ui.ask.no", id="confirm_list.no"),
    ]

    def __init__(self, question: str, lines: list[str], *, yes: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.lines = lines
        self.yes = yes or t("ui.ask.yes")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.question, classes="title")
            with VerticalScroll(id="confirm-lines"):
                yield Static("\n".join(self.lines), markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="warning")
                yield Button(t("ui.ask.no"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_choose(self, yes: bool) -> None:
        self.dismiss(yes)


class ChooseOne(ModalScreen[str | None]):
    """One of a few choices (id, line), the current one highlighted: Enter takes the
    highlighted, Esc keeps what was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "ui.ask.no", id="choose_one.cancel"),
    ]

    def __init__(self, question: str, choices: list[tuple[str, str]], current: str) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.question, classes="title")
            yield OptionList(*(Option(line, id=key) for key, line in self.choices), id="choices")
            yield Static(t("ui.choose_one.hint"), classes="hint")

    def on_mount(self) -> None:
        found = self.query_one("#choices", OptionList)
        with contextlib.suppress(OptionDoesNotExist):
            found.highlighted = found.get_option_index(self.current)
        found.focus()

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


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
            action = _label(labels.AUDIT_ACTION, e.action)
            lines.append(f"{when} · {e.actor} · {action}")
            for field, (old, new) in json.loads(e.changes).items():
                name = _label(labels.AUDIT_FIELD, field)
                lines.append(f"    {name}: {_show(old)} → {_show(new)}")
        return "\n".join(lines)

    def on_mount(self) -> None:
        self.query_one("#history", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _label(table: dict[str, str], code: str) -> str:
    return t(table[code]) if code in table else code


def _show(value: object) -> str:
    if value in (None, ""):
        return glyphs.EMPTY
    if isinstance(value, str) and value.startswith(("chua_", "dang_", "hoan_", "khong_")):
        from cchc_tui.core.progress import STATUSES, status_label

        if value in STATUSES:
            return status_label(value)
    return str(value)
