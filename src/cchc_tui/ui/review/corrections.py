"""The review desk's correction dialogs: withdraw a round's appraisal, keep the agency's own
points for a criterion or an area, withdraw a comment, and choose the review state (with a
confirmation; reopening an approved bundle asks why). Each says a refusal in the dialog,
which stays open with what was typed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from cchc_tui.core import labels
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.review import STATES
from cchc_tui.ui.guard import InputsGuard
from cchc_tui.ui.widgets.viet_input import VietInput


class _Form(InputsGuard, ModalScreen[bool]):
    """Two fields, F2 or Enter to save, Esc to leave (asked when something is typed)."""

    TITLE_TEXT = ""
    FIELDS: ClassVar[tuple[tuple[str, str, str, int], ...]] = ()  # id, label key, restrict, max
    HINT = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="correction.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="correction.cancel"),
    ]

    def __init__(
        self,
        title: str,
        facts: str,
        values: dict[str, str],
        submit: Callable[[dict[str, str]], Awaitable[None]],
    ) -> None:
        super().__init__()
        self.title_text = title
        self.facts = facts
        self.values = values
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(self.title_text, classes="title", markup=False)
            if self.facts:
                yield Static(self.facts, classes="hint", markup=False)
            for field, label, restrict, most in self.FIELDS:
                with Horizontal(classes="row"):
                    yield Label(t(label))
                    yield VietInput(
                        self.values.get(field, ""),
                        id=field,
                        restrict=restrict or None,
                        max_length=most,
                    )
            if self.HINT:
                yield Static(t(self.HINT), classes="hint")
            yield Static("", id="form-error", classes="error", markup=False)

    def on_mount(self) -> None:
        empty = [f for f, *_ in self.FIELDS if not self.values.get(f)]
        self.query_one(f"#{(empty or [self.FIELDS[0][0]])[0]}", VietInput).focus()
        self.remember_loaded()

    def guard_label(self) -> str:
        return self.title_text

    @on(VietInput.Submitted)
    def action_save(self) -> None:
        self.app.run_worker(self.save(), group="review-save")

    async def save(self) -> bool:
        typed = {f: self.query_one(f"#{f}", VietInput).nfc_value.strip() for f, *_ in self.FIELDS}
        try:
            await self.submit(typed)
        except UserError as e:
            self.query_one("#form-error", Static).update(e.message())
            return False
        self.saved()
        self.dismiss(True)
        return True

    def action_cancel(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(False))


class WithdrawModal(_Form):
    """Withdraw a round's appraisal of a sub-criterion, with a reason."""

    FIELDS = (
        ("withdraw-round", "ui.review.round", r"[12]?", 1),
        ("withdraw-reason", "ui.review.reason", "", 0),
    )


class AcceptModal(_Form):
    """Keep the agency's own points for an area, a criterion or one sub-criterion."""

    FIELDS = (
        ("accept-scope", "ui.review.accept_scope", r"[0-9.]*", 12),
        ("accept-round", "ui.review.round", r"[12]?", 1),
    )
    HINT = "ui.review.accept_hint"


class WithdrawCommentModal(_Form):
    """Withdraw one of the comments listed (by its number), with a reason."""

    FIELDS = (
        ("uncomment-id", "ui.review.comment_number", r"[0-9]*", 6),
        ("uncomment-reason", "ui.review.reason", "", 0),
    )


class StateModal(InputsGuard, ModalScreen[bool]):
    """The review state, chosen from the list (the current one marked), then confirmed with
    Enter again. An approved bundle is reopened only with a reason, typed first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="state.cancel"),
    ]

    def __init__(
        self, agency: str, current: str, submit: Callable[[str, str], Awaitable[None]]
    ) -> None:
        super().__init__()
        self.agency = agency
        self.current = current
        self.submit = submit
        self.pending: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.state_title", agency=self.agency), classes="title")
            options = [
                Option(
                    ("● " if s == self.current else "  ") + t(labels.RECEIPT_STATE[s]),
                    id=s,
                    disabled=s == self.current,
                )
                for s in STATES
            ]
            yield OptionList(*options, id="state-choices")
            locked = self.current == "da_duyet"
            with Horizontal(classes="row", id="state-reason-row"):
                yield Label(t("ui.review.reason"))
                yield VietInput(id="state-reason")
            yield Static(
                t("ui.review.state_reopen_hint") if locked else "", id="state-hint", classes="hint"
            )
            yield Static("", id="form-error", classes="error", markup=False)

    def on_mount(self) -> None:
        choices = self.query_one("#state-choices", OptionList)
        if self.current == "da_duyet":
            self.query_one("#state-reason", VietInput).focus()
        else:
            choices.focus()
        first = next(i for i, s in enumerate(STATES) if s != self.current)
        choices.highlighted = first
        self.remember_loaded()

    def guard_label(self) -> str:
        return t("ui.review.state_title", agency=self.agency)

    @on(VietInput.Submitted, "#state-reason")
    def _to_choices(self) -> None:
        self.query_one("#state-choices", OptionList).focus()

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        if self.pending is not None:
            self.pending = None
            self.query_one("#form-error", Static).update("")

    @on(OptionList.OptionSelected)
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        state = event.option.id or ""
        reason = self.query_one("#state-reason", VietInput).nfc_value.strip()
        if self.current == "da_duyet" and not reason:  # said before anything is confirmed
            self.pending = None
            self.query_one("#form-error", Static).update(t("review.state_locked"))
            self.query_one("#state-reason", VietInput).focus()
            return
        if self.pending != state:  # first Enter: say what will happen
            self.pending = state
            self.query_one("#form-error", Static).update(
                t(
                    "ui.review.state_confirm",
                    state=t(labels.RECEIPT_STATE[state]),
                    agency=self.agency,
                )
            )
            return
        try:
            await self.submit(state, reason)
        except UserError as e:
            self.pending = None
            self.query_one("#form-error", Static).update(e.message())
            if e.key == "review.state_locked":
                self.query_one("#state-reason", VietInput).focus()
            return
        self.saved()
        self.dismiss(True)

    async def save(self) -> bool:
        self.notify(t("ui.review.state_pick_first"), severity="warning")
        return False

    def action_cancel(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(False))
