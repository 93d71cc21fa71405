"""The item's progress form: status, progress, completion date, reason, note, with checks as
you type. Shared by the item screen and the period walk-through."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.widgets import Label, Select, Static

from cchc_tui.core.dates import format_date, parse_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import parse_progress
from cchc_tui.core.progress import (
    BLOCKED,
    DONE,
    NOT_STARTED,
    STATUSES,
    ProgressValues,
    apply_update,
    status_label,
)
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.ui.widgets.viet_input import VietInput
from cchc_tui.ui.widgets.viet_text_area import VietTextArea

if TYPE_CHECKING:
    from textual.app import App

    from cchc_tui.store.errors import StaleEdit


class ItemForm(Vertical):
    """Edits one item's progress; ``values()`` returns the checked values or None."""

    def __init__(self, *, today: date, id: str | None = None) -> None:
        super().__init__(id=id, classes="item-form")
        self.today = today
        self.initial: ProgressValues | None = None
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
        values = ProgressValues(  # an item with no status yet loads as the empty form
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

    def _check(self) -> ProgressValues | None:
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
        return new

    # -- reading -------------------------------------------------------------------------------
    def values(self) -> ProgressValues | None:
        """The checked values to save, or None with the wrong fields marked and why said —
        including "no status yet", which the checks as you type leave unsaid (a note is often
        typed before the status is chosen)."""
        found = self._check()
        if found is None and not self._raw()[0]:
            self.query_one("#status", Select).add_class("invalid")
            self.query_one("#form-error", Static).update(t("ui.item.status_required"))
        return found

    def _raw(self) -> tuple[str, str, str, str, str]:
        status_value = self.query_one("#status", Select).value
        return (
            status_value if isinstance(status_value, str) else "",
            self.query_one("#pct", VietInput).value,
            self.query_one("#completed", VietInput).value.strip(),
            self.query_one("#reason", VietInput).nfc_value,
            self.query_one("#note", VietTextArea).nfc_text,
        )

    RAW_FIELDS = ("status", "pct", "completed", "reason", "note")

    def raw(self) -> dict[str, str]:
        """The fields as typed (a draft's payload)."""
        return dict(zip(self.RAW_FIELDS, self._raw(), strict=True))

    def set_raw(self, raw: dict[str, str]) -> None:
        """Put typed texts back (a draft, or a merge): the loaded values stay the baseline, so
        the form is dirty when they differ."""
        status = raw.get("status", "")
        select = self.query_one("#status", Select)
        new_value = status if status in STATUSES else Select.NULL
        self._settling = status if select.value != new_value else None
        select.value = new_value
        self.query_one("#pct", VietInput).value = raw.get("pct", "")
        self.query_one("#completed", VietInput).value = raw.get("completed", "")
        self.query_one("#reason", VietInput).value = raw.get("reason", "")
        self.query_one("#note", VietTextArea).text = raw.get("note", "")
        self._show_reason(status)
        self._check()

    @property
    def dirty(self) -> bool:
        """Whether any field differs from what was loaded."""
        return self._loaded_raw is not None and self._raw() != self._loaded_raw

    def focus_first(self) -> None:
        self.query_one("#status", Select).focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Back on the first field (Tab round from the last): what is above the form (the
        item's place in the plan) in view again. The screen's scrolling body is no focus stop
        of its own (it showed no focus, and restyled all it holds on every pass)."""
        if event.widget.id == "status" and isinstance(self.parent, ScrollableContainer):
            self.parent.scroll_home(animate=False)


def conflict_fields(mine: dict[str, str], theirs: ItemStatus) -> list[tuple[str, str, str]]:
    """Field by field: what this form holds, what the other save stored."""
    status = mine.get("status", "")
    return [
        (
            t("ui.item.status"),
            status_label(status or None),
            status_label(theirs.status),
        ),
        (t("ui.item.progress"), mine.get("pct", ""), str(theirs.progress_pct)),
        (t("ui.item.completed"), mine.get("completed", ""), format_date(theirs.completed_on)),
        (t("ui.item.reason"), mine.get("reason", ""), theirs.reason),
        (t("ui.item.note"), mine.get("note", ""), theirs.note),
    ]


async def ask_conflict(
    app: App[None], form: ItemForm, item_id: str, theirs: ItemStatus, error: StaleEdit
) -> str:
    """Show both versions; apply "theirs" or "merge" to the form; return the choice."""
    from cchc_tui.ui.dialogs import ConflictModal

    mine = form.raw()
    choice = await app.push_screen_wait(
        ConflictModal(
            t("ui.conflict.title", label=t("ui.guard.item", id=item_id)),
            error.actor,
            error.params["at"],
            conflict_fields(mine, theirs),
        )
    )
    if choice == "theirs":
        form.load(theirs)
    elif choice == "merge":
        form.load(theirs)
        merged = dict(form.raw())
        if mine["note"] and mine["note"] != theirs.note:
            merged["note"] = merge_text(theirs.note, mine["note"])
        if mine["reason"] and mine["reason"] != theirs.reason:
            merged["reason"] = merge_text(theirs.reason, mine["reason"], one_line=True)
        form.set_raw(merged)
    return choice


def merge_text(theirs: str, mine: str, *, one_line: bool = False) -> str:
    """Both texts, theirs first, with a line that says where mine starts."""
    if not theirs:
        return mine
    if one_line:
        return f"{theirs} | {mine}"
    return f"{theirs}\n{t('ui.conflict.mine_marker')}\n{mine}"
