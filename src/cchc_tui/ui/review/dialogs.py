"""The review desk's dialogs: a comment, an appraisal, an arrival day, dropping a bundle,
signing a receipt."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from cchc_tui.core import labels
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.ui.guard import InputsGuard
from cchc_tui.ui.outcome import run_and_say
from cchc_tui.ui.review.base import OnReviewApp, _cell
from cchc_tui.ui.widgets.viet_input import VietInput


class CommentModal(InputsGuard, ModalScreen[bool]):
    """A comment on the item or criterion under the cursor (or the whole bundle): once saved it
    cannot be edited, only followed by another."""

    DRAFT_FORM = "comment"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="comment.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="comment.cancel"),
    ]

    def __init__(
        self,
        target: str = "general",
        submit: Callable[[str, str], Awaitable[None]] | None = None,
        *,
        draft_key: str = "",
    ) -> None:
        super().__init__()
        self.target = target
        self.submit = submit
        self.draft_target = draft_key

    def guard_label(self) -> str:
        return t("ui.review.comment_title")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.comment_title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.review.target"))
                yield VietInput(id="comment-target", value=self.target)
            with Horizontal(classes="row"):
                yield Label(t("ui.review.text"))
                yield VietInput(id="comment-text")
            yield Static(t("ui.review.comment_final"), classes="hint")
            yield Static("", id="comment-error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#comment-text", VietInput).focus()
        self.remember_loaded()

    def action_save(self) -> None:
        self.app.run_worker(self.save(), group="review-save")

    async def save(self) -> bool:
        target = self.query_one("#comment-target", VietInput).nfc_value.strip()
        text = self.query_one("#comment-text", VietInput).nfc_value
        if self.submit is not None:
            try:
                await self.submit(target, text)
            except UserError as e:  # said in the dialog, which stays open with the text
                self.query_one("#comment-error", Static).update(e.message())
                field = (
                    "#comment-target"
                    if "target" in e.key or "unknown" in e.key
                    else "#comment-text"
                )
                self.query_one(field, VietInput).focus()
                return False
        self.saved()
        self.dismiss(True)
        return True

    def action_cancel(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(False))


class AppraiseModal(InputsGuard, ModalScreen[bool]):
    """Điểm thẩm định for one sub-criterion in a round chosen explicitly: the agency's own
    points and each round's current entry (with its reason) stay in view; choosing a round
    puts its current value in the points field. A deduction or a change needs a reason. A
    refused value is said in the dialog, which stays open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="appraise.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="appraise.cancel"),
    ]

    def __init__(
        self,
        code: str,
        now: str,
        rounds: dict[int, str],
        submit: Callable[[str, int | None, str], Awaitable[None]],
    ) -> None:
        super().__init__()
        self.code = code
        self.now = now  # "Tự chấm: 1 · vòng 1: 0,5 · vòng 2: —" and the reasons given
        self.current = rounds  # round → points as shown
        self.submit = submit

    def compose(self) -> ComposeResult:
        first = "" if self.current else "1"  # a second entry: the round is chosen, not guessed
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.appraise_title", code=self.code), classes="title")
            yield Static(self.now, id="appraise-now", classes="hint", markup=False)
            with Horizontal(classes="row"):
                yield Label(t("ui.review.round"))
                yield VietInput(first, id="appraise-round", restrict=r"[12]?", max_length=1)
            with Horizontal(classes="row"):
                yield Label(t("ui.review.col.appraisal"))
                yield VietInput(
                    self.current.get(1, "") if first else "",
                    id="appraise-points",
                    restrict=r"[0-9.,]*",
                    max_length=6,
                )
            with Horizontal(classes="row"):
                yield Label(t("ui.review.reason"))
                yield VietInput(id="appraise-reason")
            yield Static(t("ui.review.appraise_reason_hint"), classes="hint")
            yield Static("", id="appraise-error", classes="error", markup=False)

    def on_mount(self) -> None:
        first = "#appraise-points" if not self.current else "#appraise-round"
        self.query_one(first, VietInput).focus()
        self.remember_loaded()

    def guard_label(self) -> str:
        return t("ui.review.appraise_title", code=self.code)

    @on(VietInput.Changed, "#appraise-round")
    def _round_chosen(self, event: VietInput.Changed) -> None:
        """The chosen round's current value in the points field, to change or keep."""
        if event.value in ("1", "2"):
            self.query_one("#appraise-points", VietInput).value = self.current.get(
                int(event.value), ""
            )

    @on(VietInput.Submitted)
    def action_save(self) -> None:
        self.app.run_worker(self.save(), group="review-save")

    async def save(self) -> bool:
        points = self.query_one("#appraise-points", VietInput).value.strip()
        chosen = self.query_one("#appraise-round", VietInput).value.strip()
        reason = self.query_one("#appraise-reason", VietInput).nfc_value.strip()
        error = self.query_one("#appraise-error", Static)
        if not chosen:
            error.update(t("review.pick_round"))
            self.query_one("#appraise-round", VietInput).focus()
            return False
        if not points:
            self.query_one("#appraise-points", VietInput).focus()
            return False
        try:
            await self.submit(points, int(chosen), reason)
        except UserError as e:
            error.update(e.message())
            field = "#appraise-reason" if e.key.startswith("review.reason") else "#appraise-points"
            self.query_one(field, VietInput).focus()
            return False
        self.saved()
        self.dismiss(True)
        return True

    def action_cancel(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(False))


class ArrivalModal(InputsGuard, ModalScreen[bool]):
    """The day a unit's submission actually arrived (the stick handed over, the letter
    registered), with a note: lateness counts from it. Opens on the day recorded now; a
    refused day is said in the dialog, which stays open."""

    DRAFT_FORM = "arrival"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="arrival.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="arrival.cancel"),
    ]

    def __init__(
        self,
        agency: str,
        facts: str,
        day: str,
        note: str,
        submit: Callable[[str, str], Awaitable[None]],
        *,
        draft_key: str = "",
    ) -> None:
        super().__init__()
        self.agency = agency
        self.facts = facts
        self.day = day
        self.note = note
        self.submit = submit
        self.draft_target = draft_key

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.arrival_title", agency=self.agency), classes="title")
            yield Static(self.facts, classes="hint", markup=False)
            with Horizontal(classes="row"):
                yield Label(t("ui.review.arrival_day"))
                yield VietInput(self.day, id="arrival-day", restrict=r"[0-9/.\-]*", max_length=10)
            with Horizontal(classes="row"):
                yield Label(t("ui.review.arrival_note"))
                yield VietInput(self.note, id="arrival-note")
            yield Static(t("ui.review.arrival_hint"), classes="hint")
            yield Static("", id="arrival-error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#arrival-day", VietInput).focus()
        self.remember_loaded()

    def guard_label(self) -> str:
        return t("ui.review.arrival_title", agency=self.agency)

    @on(VietInput.Submitted)
    def action_save(self) -> None:
        self.app.run_worker(self.save(), group="review-save")

    async def save(self) -> bool:
        day = self.query_one("#arrival-day", VietInput).value.strip()
        note = self.query_one("#arrival-note", VietInput).nfc_value.strip()
        try:
            await self.submit(day, note)
        except UserError as e:
            self.query_one("#arrival-error", Static).update(e.message())
            self.query_one("#arrival-day", VietInput).focus()
            return False
        self.saved()
        self.dismiss(True)
        return True

    def action_cancel(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(False))


class DropModal(InputsGuard, ModalScreen[str | None]):
    """Confirm dropping an agency's bundle, with a reason (kept in the record and the audit).
    Esc with a reason typed asks; quitting never drops a bundle on the way out."""

    DRAFT_FORM = "drop"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "confirm", "ui.review.key_drop", id="drop.confirm", priority=True),
        Binding("escape", "cancel", "key.cancel", id="drop.cancel"),
    ]

    def __init__(self, bundle_id: str, agency: str) -> None:
        super().__init__()
        self.bundle_id = bundle_id
        self.agency = agency
        self.draft_target = bundle_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(
                t("ui.review.drop_title", id=self.bundle_id[:8], agency=self.agency),
                classes="title",
            )
            yield Static(t("ui.review.drop_hint"), classes="hint")
            with Horizontal(classes="row"):
                yield Label(t("ui.review.drop_reason"))
                yield VietInput(id="drop-reason")

    def on_mount(self) -> None:
        self.query_one("#drop-reason", VietInput).focus()
        self.remember_loaded()

    def guard_label(self) -> str:
        return t("ui.review.drop_title", id=self.bundle_id[:8], agency=self.agency)

    async def save(self) -> bool:
        # "save" from the quit question: dropping is done with F2 in the dialog, never as a
        # side effect of leaving
        self.notify(t("ui.review.drop_confirm_first"), severity="warning")
        return False

    def action_confirm(self) -> None:
        self.saved()
        self.dismiss(self.query_one("#drop-reason", VietInput).nfc_value.strip())

    def action_cancel(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(None))


class ReceiptModal(OnReviewApp, ModalScreen[None]):
    """Sign the review receipt (state, appraisal, comments) of the agency's latest bundle with
    Sở Nội vụ's key, numbered, into a folder (a USB stick) or a file name that does not exist
    yet; and the receipts signed before, any of which is written again as signed (r).

    The passphrase field is the only field Tab reaches: the folder is changed with F4 and
    Enter goes back to the passphrase, so a passphrase is never typed into the path, in clear
    text on screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "ui.review.key_receipt", id="receipt.save", priority=True),
        Binding("f4", "edit_path", "ui.review.key_receipt_path", id="receipt.path"),
        Binding("ctrl+r", "reissue", "ui.review.key_reissue", id="receipt.reissue", priority=True),
        Binding("escape", "cancel", "key.cancel", id="receipt.cancel"),
    ]

    def __init__(self, agency: str, period: str) -> None:
        super().__init__()
        self.agency = agency
        self.period = period

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.receipt_title", agency=self.agency), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.export.passphrase"))
                yield VietInput(id="receipt-pass", password=True)
            with Horizontal(classes="row"):
                yield Label(t("ui.review.out_file"))
                path = VietInput(id="receipt-out", value=str(Path.cwd()))
                path.can_focus = False
                yield path
            yield Static(t("ui.review.receipt_hint"), classes="hint")
            yield DataTable(id="receipt-history", cursor_type="row", show_header=False)
            yield Static("", id="receipt-result", markup=False)

    async def on_mount(self) -> None:
        self.query_one("#receipt-pass", VietInput).focus()
        await self.show_history()

    async def show_history(self) -> None:
        from cchc_tui.core.dates import local_time
        from cchc_tui.services.receipts import issued_receipts

        app = self.rapp
        rows = await app.db(issued_receipts, app.store, self.agency, app.plan.id, self.period)
        table = self.query_one("#receipt-history", DataTable)
        table.clear(columns=True)
        table.add_columns("", "", "", "")
        for r in rows:
            table.add_row(
                f"{r.number:>2}",
                local_time(r.at),
                t(labels.RECEIPT_STATE[r.state]),
                _cell(Path(r.file).name),
                key=str(r.number),
            )
        table.display = bool(rows)

    def action_edit_path(self) -> None:
        field = self.query_one("#receipt-out", VietInput)
        field.can_focus = True
        field.focus()

    @on(VietInput.Submitted, "#receipt-out")
    def _path_done(self) -> None:
        field = self.query_one("#receipt-out", VietInput)
        field.can_focus = False
        self.query_one("#receipt-pass", VietInput).focus()

    @on(VietInput.Submitted, "#receipt-pass")
    async def _pass_done(self) -> None:
        await self.action_save()

    def _out(self) -> Path:
        return Path(self.query_one("#receipt-out", VietInput).path_text or ".")

    async def action_save(self) -> None:
        from cchc_tui.services import review_desk as rs

        field = self.query_one("#receipt-pass", VietInput)
        secret = field.value.encode("utf-8")
        field.value = ""  # never kept
        out = self._out()
        result = self.query_one("#receipt-result", Static)
        app = self.rapp

        def write() -> Any:
            bundle = rs.latest_bundle(app.store, self.agency, app.plan.id, self.period)
            from cchc_tui.services.receipts import write_receipt

            return write_receipt(app.store, bundle, out, secret, actor=app.profile.officer)

        def said(row: Any) -> str:
            state = t(labels.RECEIPT_STATE[row.state])
            return t("receipt.written_numbered", number=row.number, state=state, path=row.file)

        if await run_and_say(result, write, said):
            await self.show_history()

    async def action_reissue(self) -> None:
        """Write the highlighted earlier receipt again, byte for byte, under the folder."""
        from cchc_tui.core.dates import local_time
        from cchc_tui.services.receipts import reissue_receipt

        table = self.query_one("#receipt-history", DataTable)
        if not table.row_count:
            return
        table.focus()  # ↑↓ pick the receipt; the passphrase field takes no other input
        number = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or 0)
        out, app = self._out(), self.rapp

        def write() -> Any:
            return reissue_receipt(
                app.store,
                self.agency,
                app.plan.id,
                self.period,
                number,
                out,
                actor=app.profile.officer,
            )

        await run_and_say(
            self.query_one("#receipt-result", Static),
            write,
            lambda done: t(
                "receipt.reissued", number=done[0].number, when=local_time(done[0].at), path=done[1]
            ),
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
