"""Several items at once, from the items list: one status (with its progress or reason) for
the marked rows, and "carry over" the last period's status for the items nobody touched since.
Both show what they will do, item by item, before it is done."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import parse_progress
from cchc_tui.core.progress import BLOCKED, DONE, IN_PROGRESS, STATUSES, status_label
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.ui.guard import InputsGuard
from cchc_tui.ui.widgets.viet_input import VietInput


@dataclass(frozen=True)
class BulkChoice:
    status: str
    progress_pct: int | None = None
    reason: str | None = None


class BulkStatus(InputsGuard, ModalScreen[BulkChoice | None]):
    """Which status the marked items get; then their progress (đang thực hiện) or the reason
    (không thực hiện được). Enter goes on, Esc cancels. A progress or reason typed is guarded
    as every form is: Esc and Ctrl+Q ask, a draft is kept for the same marked items, offered
    back when the dialog opens on them again."""

    DRAFT_FORM = "bulk"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.back", id="bulk.cancel"),
    ]

    def __init__(self, item_ids: list[str]) -> None:
        super().__init__()
        self.count = len(item_ids)
        self.status: str | None = None
        self.draft_target = ",".join(sorted(item_ids))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("ui.bulk.title", count=self.count), classes="title")
            yield OptionList(*(Option(status_label(s), id=s) for s in STATUSES), id="bulk-status")
            pct = VietInput(placeholder=t("ui.bulk.pct_placeholder"), id="bulk-pct")
            reason = VietInput(placeholder=t("ui.bulk.reason_placeholder"), id="bulk-reason")
            pct.display = reason.display = False
            yield pct
            yield reason
            yield Static("", id="bulk-error", markup=False)
            yield Static(t("ui.bulk.hint"), classes="hint")

    def on_mount(self) -> None:
        options = self.query_one("#bulk-status", OptionList)
        options.highlighted = 0
        options.focus()
        self.remember_loaded()

    def guard_label(self) -> str:
        return t("ui.guard.bulk", count=self.count)

    def put_raw(self, payload: dict[str, str]) -> None:
        """A draft brought back: its field shown and focused, its status chosen again."""
        super().put_raw(payload)
        for status, field in ((IN_PROGRESS, "#bulk-pct"), (BLOCKED, "#bulk-reason")):
            if payload.get(field[1:]):
                self._ask(status, field)

    async def save(self) -> bool:
        # "save" from a leave or quit question: a bulk change is made with Enter and its
        # confirmation, never as a side effect of leaving
        self.notify(t("ui.bulk.confirm_first"), severity="warning")
        return False

    def _ask(self, status: str, field: str) -> None:
        self.status = status
        for other in ("#bulk-pct", "#bulk-reason"):
            self.query_one(other, VietInput).display = other == field
        self.query_one(field, VietInput).focus()

    @on(OptionList.OptionSelected, "#bulk-status")
    def _status(self, event: OptionList.OptionSelected) -> None:
        self.status = event.option.id
        ask = {IN_PROGRESS: "#bulk-pct", BLOCKED: "#bulk-reason"}.get(self.status or "")
        if ask is None:
            assert self.status is not None
            self.dismiss(BulkChoice(self.status))
            return
        self._ask(self.status or "", ask)

    @on(VietInput.Submitted, "#bulk-pct")
    def _pct(self, event: VietInput.Submitted) -> None:
        try:
            pct = parse_progress(event.value)
        except UserError as e:
            self.query_one("#bulk-error", Static).update(e.message())
            return
        self.saved()
        self.dismiss(BulkChoice(IN_PROGRESS, progress_pct=pct))

    @on(VietInput.Submitted, "#bulk-reason")
    def _reason(self, event: VietInput.Submitted) -> None:
        reason = " ".join(event.value.split())
        if not reason:
            self.query_one("#bulk-error", Static).update(t("progress.reason_required"))
            return
        self.saved()
        self.dismiss(BulkChoice(BLOCKED, reason=reason))

    def action_cancel(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(None))


def _said(status: str | None, pct: int | None = None) -> str:
    """A status as the lists say it, with a progress when one is given."""
    return status_label(status) + (f" {pct}%" if pct is not None else "")


def _now(r: ItemStatus) -> str:
    """What an item has now: its progress told only while it is in progress."""
    return _said(r.status, r.progress_pct if r.status == IN_PROGRESS else None)


def change_lines(rows: list[ItemStatus], choice: BulkChoice) -> list[str]:
    """One line per item: its number, what it has now and what it will have."""
    after = _said(choice.status, 100 if choice.status == DONE else choice.progress_pct)
    return [f"{r.item.id:<8} {_now(r)} → {after}" for r in rows]


def carry_lines(rows: list[ItemStatus]) -> list[str]:
    """One line per item carried over: its number, the status it keeps, its text."""
    return [f"{r.item.id:<8} {_now(r)} · {r.item.short_text(40)}" for r in rows]
