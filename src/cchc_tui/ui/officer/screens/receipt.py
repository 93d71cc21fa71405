"""Nhận phiếu thẩm định: the officer imports Sở Nội vụ's signed review receipt (from a USB
stick); it is verified against the trusted CA (asked for once, then remembered) and must answer
a bundle this agency sent. Its comments then show on the items and criteria they concern."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from cchc_tui.core import labels
from cchc_tui.core.i18n import t
from cchc_tui.ui.outcome import run_and_say
from cchc_tui.ui.widgets.viet_input import VietInput

if TYPE_CHECKING:
    from cchc_tui.services.officer_desk import Context


class ReceiptImport(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "run", "ui.receipt.key", id="receipt_import.run", priority=True),
        Binding("escape", "close", "key.back", id="receipt_import.close"),
    ]

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.imported = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.receipt.title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.receipt.file"))
                yield VietInput(id="receipt-file", value=str(Path.cwd()) + "/")
            with Horizontal(classes="row", id="receipt-ca-row"):
                yield Label(t("ui.review.import_ca"))
                yield VietInput(id="receipt-ca", placeholder="ca.pem")
            yield Static("", id="receipt-result", markup=False)

    def on_mount(self) -> None:
        self.query_one("#receipt-ca-row").display = self.ctx.reader.trust_ca() is None
        self.query_one("#receipt-file", VietInput).focus()

    async def action_run(self) -> None:
        from cchc_tui.services.anchors import trust_anchors
        from cchc_tui.services.receipts import import_receipt

        path = Path(self.query_one("#receipt-file", VietInput).path_text)
        ca_text = self.query_one("#receipt-ca", VietInput).path_text
        result = self.query_one("#receipt-result", Static)
        store = self.ctx.store

        def run() -> str:
            ca, crl = trust_anchors(store, Path(ca_text) if ca_text else None)
            receipt, new = import_receipt(store, path, ca, crl, registry=self.ctx.registry)
            if not new:
                return t("receipt.already")
            c = receipt.content
            return t(
                "receipt.imported",
                state=t(labels.RECEIPT_STATE[c["state"]]),
                comments=len(c.get("comments", [])),
                signer=receipt.signer.officer,
            )

        if await run_and_say(result, run, lambda message: message, notify=False) is not None:
            self.imported = True
            self.query_one("#receipt-ca-row").display = False

    def action_close(self) -> None:
        self.dismiss(self.imported)
