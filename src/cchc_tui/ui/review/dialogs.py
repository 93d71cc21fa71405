"""The review desk's dialogs: a comment, an appraisal, an arrival day, dropping a bundle,
signing a receipt."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.ui.guard import InputsGuard
from cchc_tui.ui.outcome import run_and_say
from cchc_tui.ui.review.base import OnReviewApp
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
            except UserError:
                return False  # said by the app's notice; the dialog and its text stay
        self.saved()
        self.dismiss(True)
        return True

    def action_cancel(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(False))


class AppraiseModal(InputsGuard, ModalScreen[bool]):
    """Điểm thẩm định for one sub-criterion: the points and the round (2 after the agency's
    explanation). The self score beside it is never changed. A refused value is said in the
    dialog, which stays open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="appraise.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="appraise.cancel"),
    ]

    def __init__(
        self,
        code: str,
        self_points: str,
        round_: int,
        submit: Callable[[str, int], Awaitable[None]],
    ) -> None:
        super().__init__()
        self.code = code
        self.self_points = self_points
        self.round = round_
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="comment-form"):
            yield Static(t("ui.review.appraise_title", code=self.code), classes="title")
            yield Static(t("ui.review.self_was", points=self.self_points or "—"), classes="hint")
            with Horizontal(classes="row"):
                yield Label(t("ui.review.col.appraisal"))
                yield VietInput(id="appraise-points", restrict=r"[0-9.,]*", max_length=6)
            with Horizontal(classes="row"):
                yield Label(t("ui.review.round"))
                yield VietInput(
                    str(self.round), id="appraise-round", restrict=r"[12]?", max_length=1
                )
            yield Static(t("ui.review.round_hint"), classes="hint")
            yield Static("", id="appraise-error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#appraise-points", VietInput).focus()
        self.remember_loaded()

    def guard_label(self) -> str:
        return t("ui.review.appraise_title", code=self.code)

    @on(VietInput.Submitted)
    def action_save(self) -> None:
        self.app.run_worker(self.save(), group="review-save")

    async def save(self) -> bool:
        points = self.query_one("#appraise-points", VietInput).value.strip()
        round_ = self.query_one("#appraise-round", VietInput).value.strip() or "1"
        if not points:
            self.query_one("#appraise-points", VietInput).focus()
            return False
        try:
            await self.submit(points, int(round_))
        except UserError as e:
            self.query_one("#appraise-error", Static).update(e.message())
            self.query_one("#appraise-points", VietInput).focus()
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
    Sở Nội vụ's key and write it where the reviewer says (a USB stick)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "ui.review.key_receipt", id="receipt.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="receipt.cancel"),
    ]

    def __init__(self, agency: str, period: str) -> None:
        super().__init__()
        self.agency = agency
        self.period = period

    def compose(self) -> ComposeResult:
        name = f"phieu-tham-dinh-{self.agency}-{self.period}.zip"
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.receipt_title", agency=self.agency), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.review.out_file"))
                yield VietInput(id="receipt-out", value=str(Path.cwd() / name))
            with Horizontal(classes="row"):
                yield Label(t("ui.export.passphrase"))
                yield VietInput(id="receipt-pass", password=True)
            yield Static("", id="receipt-result", markup=False)

    def on_mount(self) -> None:
        self.query_one("#receipt-pass", VietInput).focus()

    async def action_save(self) -> None:
        from cchc_tui.services import review_desk as rs

        field = self.query_one("#receipt-pass", VietInput)
        secret = field.value.encode("utf-8")
        field.value = ""  # never kept
        out = Path(self.query_one("#receipt-out", VietInput).nfc_value.strip())
        result = self.query_one("#receipt-result", Static)
        app = self.rapp

        def write() -> Path:
            bundle = rs.latest_bundle(app.store, self.agency, app.plan.id, self.period)
            from cchc_tui.services.receipts import write_receipt

            return write_receipt(app.store, bundle, out, secret, actor=app.profile.officer)

        await run_and_say(result, write, lambda path: t("receipt.written", path=path))

    def action_cancel(self) -> None:
        self.dismiss(None)
