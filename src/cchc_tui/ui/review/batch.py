"""The desk's batch work from the overview: every pending receipt of the period signed into
one folder (k), and the units missing or late written as a workbook for the reminder letter
(m)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from cchc_tui.core.i18n import t
from cchc_tui.core.review import Overview
from cchc_tui.ui.outcome import run_and_say
from cchc_tui.ui.review.base import OnReviewApp
from cchc_tui.ui.widgets.viet_input import VietInput


class SignAllModal(OnReviewApp, ModalScreen[None]):
    """Sign every pending receipt of the period into one folder, the key opened once. As in
    the single receipt's dialog, the passphrase is the only field Tab reaches (F4: folder)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "ui.review.key_sign_all", id="sign_all.save", priority=True),
        Binding("f4", "edit_path", "ui.review.key_receipt_path", id="sign_all.path"),
        Binding("escape", "cancel", "key.cancel", id="sign_all.cancel"),
    ]

    def __init__(self, view: Overview, agencies: list[str]) -> None:
        super().__init__()
        self.view = view
        self.agencies = agencies

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.sign_all_title", period=self.view.period), classes="title")
            yield Static("", id="sign-all-pending", classes="hint", markup=False)
            with Horizontal(classes="row"):
                yield Label(t("ui.export.passphrase"))
                yield VietInput(id="sign-all-pass", password=True)
            with Horizontal(classes="row"):
                yield Label(t("ui.review.folder"))
                path = VietInput(id="sign-all-out", value=str(Path.cwd()))
                path.can_focus = False
                yield path
            yield Static("", id="sign-all-result", markup=False)

    async def on_mount(self) -> None:
        self.query_one("#sign-all-pass", VietInput).focus()
        await self.show_pending()

    async def show_pending(self) -> None:
        from cchc_tui.services.receipts import pending_receipts

        app = self.rapp
        rows = await app.db(
            pending_receipts, app.store, app.plan.id, self.view.period, self.agencies
        )
        codes = ", ".join(r.agency_code for r in rows) or "—"
        self.query_one("#sign-all-pending", Static).update(
            t("ui.review.sign_all_pending", count=len(rows), codes=codes)
        )

    def action_edit_path(self) -> None:
        field = self.query_one("#sign-all-out", VietInput)
        field.can_focus = True
        field.focus()

    @on(VietInput.Submitted, "#sign-all-out")
    def _path_done(self) -> None:
        self.query_one("#sign-all-out", VietInput).can_focus = False
        self.query_one("#sign-all-pass", VietInput).focus()

    @on(VietInput.Submitted, "#sign-all-pass")
    async def action_save(self) -> None:
        from cchc_tui.services.receipts import sign_pending

        field = self.query_one("#sign-all-pass", VietInput)
        secret = field.value.encode("utf-8")
        field.value = ""  # never kept
        folder = Path(self.query_one("#sign-all-out", VietInput).path_text or ".")
        app = self.rapp

        def sign() -> Any:
            return sign_pending(
                app.store,
                app.plan.id,
                self.view.period,
                self.agencies,
                folder,
                secret,
                actor=app.profile.officer,
            )

        def said(rows: Any) -> str:
            if not rows:
                return t("receipts.none_pending", period=self.view.period)
            return t("receipts.signed_all", count=len(rows), path=folder)

        await run_and_say(self.query_one("#sign-all-result", Static), sign, said)
        await self.show_pending()

    def action_cancel(self) -> None:
        self.dismiss(None)


class RemindersModal(OnReviewApp, ModalScreen[None]):
    """The units missing or late, as a workbook for the reminder letter; an existing file is
    replaced only when asked twice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="reminders.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="reminders.cancel"),
    ]

    def __init__(self, view: Overview) -> None:
        super().__init__()
        self.view = view
        self.replace_ok: Path | None = None

    def compose(self) -> ComposeResult:
        name = f"don-doc-{self.view.period}.xlsx"
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.reminders_title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.review.out_file"))
                yield VietInput(id="reminders-out", value=str(Path.cwd() / name))
            yield Static("", id="reminders-result", markup=False)

    def on_mount(self) -> None:
        self.query_one("#reminders-out", VietInput).focus()

    @on(VietInput.Changed, "#reminders-out")
    def _path_changed(self) -> None:
        self.replace_ok = None

    @on(VietInput.Submitted, "#reminders-out")
    async def action_save(self) -> None:
        from cchc_tui.reports.reminders import write_reminders

        out = Path(self.query_one("#reminders-out", VietInput).path_text)
        result = self.query_one("#reminders-result", Static)
        if out.exists() and self.replace_ok != out:
            self.replace_ok = out
            result.update(t("ui.review.ranking_exists", path=out))
            return
        self.replace_ok = None
        done = await run_and_say(
            result,
            lambda: write_reminders(out, self.view, self.rapp.plan),
            lambda count: t("reminders.written", count=count, path=out),
        )
        if done is not None:  # said in a notice too: back to the overview
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
