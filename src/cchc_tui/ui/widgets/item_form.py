"""The item's progress form: status, progress, completion date, reason, note, with checks as
you type. Shared by the item screen and the period walk-through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Select, Static

from cchc_tui.core.dates import format_date, parse_date
from cchc_tui.core.i18n import UserError, t
from cchc_tui.core.numbers import parse_progress
from cchc_tui.core.progress import (
    BLOCKED,
    DONE,
    NOT_STARTED,
    STATUSES,
    apply_update,
    status_label,
)
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.ui.widgets.viet_input import VietInput, VietTextArea


@dataclass(frozen=True)
class FormValues:
    status: str
    progress_pct: int
    completed_on: date | None
    reason: str
    note: str


class ItemForm(Vertical):
    """Edits one item's progress; ``values()`` returns the checked values or None."""

    def __init__(self, *, today: date, id: str | None = None) -> None:
        super().__init__(id=id, classes="item-form")
        self.today = today
        self.initial: FormValues | None = None
        self._loaded_raw: tuple[str, str, str, str, str] | None = None
        self._settling: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-row"):
            with Vertical(classes="field"):
                yield Label(t("ui.item.status"))
                yield Select(
                    [(status_label(s), s) for s in STATUSES],
                    allow_blank=True,
                    prompt=status_label(None),
                    id="status",
                )
            with Vertical(classes="field narrow"):
                yield Label(t("ui.item.progress"))
                yield VietInput(id="pct", restrict=r"[0-9]{0,3}", max_length=3)
            with Vertical(classes="field"):
                yield Label(t("ui.item.completed"))
                yield VietInput(id="completed", placeholder="dd/mm/yyyy", max_length=10)
        yield Static("", id="form-error", classes="error")
        with Vertical(id="reason-box"):
            yield Label(t("ui.item.reason"))
            yield VietInput(id="reason")
        yield Label(t("ui.item.note"))
        yield VietTextArea(id="note", soft_wrap=True, show_line_numbers=False)

    # -- loading -------------------------------------------------------------------------------
    def load(self, row: ItemStatus) -> None:
        values = FormValues(
            status=row.status or "",
            progress_pct=row.progress_pct,
            completed_on=row.completed_on,
            reason=row.reason,
            note=row.note,
        )
        self.initial = values
        status = self.query_one("#status", Select)
        new_value = values.status if values.status else Select.NULL
        self._settling = values.status if status.value != new_value else None
        status.value = new_value
        self.query_one("#pct", VietInput).value = str(values.progress_pct) if row.status else ""
        self.query_one("#completed", VietInput).value = format_date(values.completed_on)
        self.query_one("#reason", VietInput).value = values.reason
        self.query_one("#note", VietTextArea).text = values.note
        self._show_reason(values.status)
        self.query_one("#form-error", Static).update("")
        for field in self.query(".invalid"):
            field.remove_class("invalid")
        self._loaded_raw = self._raw()

    def _show_reason(self, status: str) -> None:
        self.query_one("#reason-box").display = status == BLOCKED

    # -- as you type -----------------------------------------------------------------------------
    @on(Select.Changed, "#status")
    def _status_changed(self, event: Select.Changed) -> None:
        status = event.value if isinstance(event.value, str) else ""
        self._show_reason(status)
        if self._settling is not None:
            # the echo of load(): the loaded values stand as they are
            if status == self._settling:
                self._settling = None
            return
        pct = self.query_one("#pct", VietInput)
        completed = self.query_one("#completed", VietInput)
        if status == DONE:
            pct.value = "100"
            if not completed.value:
                completed.value = format_date(self.today)
        elif status == NOT_STARTED:
            pct.value = "0"
            completed.value = ""
        elif status:
            completed.value = ""
            if not pct.value:
                pct.value = "0"
        self._check()

    @on(VietInput.Changed)
    def _changed(self) -> None:
        self._check()

    def _check(self) -> FormValues | None:
        """Check the form; mark the fields that are wrong and say why. None when invalid."""
        error = self.query_one("#form-error", Static)
        for field in self.query(".invalid"):
            field.remove_class("invalid")
        status_value = self.query_one("#status", Select).value
        status = status_value if isinstance(status_value, str) else ""
        pct_field = self.query_one("#pct", VietInput)
        completed_field = self.query_one("#completed", VietInput)
        reason = self.query_one("#reason", VietInput).nfc_value
        note = self.query_one("#note", VietTextArea).nfc_text
        if not status:
            error.update("")
            return None
        try:  # a whole number 0–100 (core.numbers)
            pct = parse_progress(pct_field.value) if pct_field.value.strip() else None
        except UserError:
            pct_field.add_class("invalid")
            error.update(t("ui.item.pct_invalid"))
            return None
        completed: date | None = None
        if completed_field.value.strip():
            try:
                completed = parse_date(completed_field.value, today=self.today)
            except UserError as e:
                completed_field.add_class("invalid")
                error.update(e.message())
                return None
        try:
            new = apply_update(
                None,
                status=status,
                progress_pct=pct,
                reason=reason if status == BLOCKED else None,
                note=note,
                completed_on=completed if status == DONE else None,
                today=self.today,
            )
        except UserError as e:
            selector = {
                "progress.reason_required": "#reason",
                "progress.done_not_100": "#pct",
                "progress.not_started_pct": "#pct",
                "progress.bad_percent": "#pct",
            }.get(e.key)
            if selector:
                self.query_one(selector).add_class("invalid")
            error.update(e.message())
            return None
        error.update("")
        return FormValues(new.status, new.progress_pct, new.completed_on, new.reason, new.note)

    # -- reading -------------------------------------------------------------------------------
    def values(self) -> FormValues | None:
        return self._check()

    def _raw(self) -> tuple[str, str, str, str, str]:
        status_value = self.query_one("#status", Select).value
        return (
            status_value if isinstance(status_value, str) else "",
            self.query_one("#pct", VietInput).value,
            self.query_one("#completed", VietInput).value.strip(),
            self.query_one("#reason", VietInput).nfc_value,
            self.query_one("#note", VietTextArea).nfc_text,
        )

    @property
    def dirty(self) -> bool:
        """Whether any field differs from what was loaded."""
        return self._loaded_raw is not None and self._raw() != self._loaded_raw

    def focus_first(self) -> None:
        self.query_one("#status", Select).focus()
