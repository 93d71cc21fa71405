"""Xuất hồ sơ: pre-flight (errors block, warnings do not; Enter on a line that names items
opens the items list with exactly those), the passphrase, a progress bar with bytes per second
while evidence is hashed and written, then the bundle's path and SHA-256."""

from __future__ import annotations

import time
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Label, OptionList, ProgressBar, Select, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from cchc_tui.core import glyphs
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.periods import current_period
from cchc_tui.services.export import PERIODS, Preflight, export_bundle, key_path, preflight
from cchc_tui.ui.guard import DbFailed
from cchc_tui.ui.officer.screens.base import BaseScreen
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput


class ExportScreen(BaseScreen):
    HELP_TITLE = "ui.export.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "export", "ui.export.key", id="export.run", priority=True),
        Binding("ctrl+r", "receipt", "ui.receipt.key", id="export.receipt"),
        Binding("ctrl+b", "backup", "ui.export.backup_key", id="export.backup"),
        Binding("ctrl+o", "app.show_period_report", "ui.report.title", id="export.report"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self.pre: Preflight | None = None
        self._lines: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        with VerticalScroll(id="export"):
            yield Static(t("ui.export.title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.export.period"))
                periods: dict[str, str] = {p.code: p.name for p in self.ctx.plan.period}
                yield Select(
                    [(f"{periods.get(p, p)} ({p})", p) for p in PERIODS],
                    allow_blank=False,
                    id="export-period",
                )
            with Horizontal(classes="row"):
                yield Label(t("ui.export.out"))
                yield VietInput(id="export-out", value=str(Path.cwd()))
            with Horizontal(classes="row"):
                yield Label(t("ui.export.passphrase"))
                yield VietInput(id="export-pass", password=True)
            yield OptionList(id="export-checks")
            bar = ProgressBar(id="export-progress", show_eta=False)
            bar.display = False
            yield bar
            yield Static("", id="export-speed", classes="info")
            yield Static("", id="export-result", classes="title")
        yield I18nFooter()

    async def on_mount(self) -> None:
        code = current_period(self.ctx.plan, self.ctx.today).code
        self.query_one("#export-period", Select).value = code
        await self.check()
        self.query_one("#export-pass", VietInput).focus()

    @on(Select.Changed, "#export-period")
    async def _period(self) -> None:
        await self.check()

    async def check(self) -> None:
        ctx = self.ctx

        chosen = self.query_one("#export-period", Select).value
        period = chosen if isinstance(chosen, str) else ""

        def run() -> tuple[Preflight, bool]:
            pre = preflight(ctx.store, ctx.plan, ctx.registry, ctx.agency, ctx.today, period)
            return pre, key_path(ctx.store).exists()

        try:
            pre, has_key = await self.read(run)
        except DbFailed:
            return
        self.pre = pre
        lines = [(glyphs.FAIL, "bold red", e) for e in pre.errors]
        lines += [("!", "bold yellow", w) for w in pre.warnings]
        if not has_key:
            lines.append((glyphs.FAIL, "bold red", t("key.missing")))
        if not lines:
            lines = [(glyphs.OK, "bold green", t("ui.export.ready"))]
        checks = self.query_one("#export-checks", OptionList)
        checks.clear_options()
        for n, (mark, style, line) in enumerate(lines):
            opens = line in pre.named
            prompt = Text.assemble(
                (mark, style), " ", line, (f" {glyphs.OPENS}" if opens else "", "dim")
            )
            checks.add_option(Option(prompt, id=f"named:{n}" if opens else None))
        self._lines = [line for _m, _s, line in lines]

    @on(OptionList.OptionSelected, "#export-checks")
    def _open_named(self, event: OptionList.OptionSelected) -> None:
        """A line that names items opens the items list with exactly those."""
        if self.pre is None or not (event.option.id or "").startswith("named:"):
            return
        what, ids = self.pre.named[self._lines[int((event.option.id or "")[6:])]]
        self.cchc.show_items_only(what, ids)

    async def action_receipt(self) -> None:
        """Import Sở Nội vụ's review receipt for a bundle sent from here."""
        from cchc_tui.ui.officer.screens.receipt import ReceiptImport

        await self.app.push_screen(ReceiptImport(self.ctx))

    def action_export(self) -> None:
        if self.busy:
            return
        if self.pre is not None and not self.pre.ok:
            self.notify(t("ui.export.blocked"), severity="error")
            return
        period = self.query_one("#export-period", Select).value
        out = Path(self.query_one("#export-out", VietInput).path_text or ".")
        passphrase = self.query_one("#export-pass", VietInput).value.encode()
        self.busy = True
        self.query_one("#export-progress", ProgressBar).display = True
        self.query_one("#export-result", Static).update(t("ui.evidence.copying"))
        self.run_export(str(period), out, passphrase)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, period: str, out: Path, passphrase: bytes) -> None:
        app = self.cchc
        ctx = self.ctx
        worker = get_current_worker()
        started = time.perf_counter()
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.perf_counter()
            if worker.is_cancelled or (now - last[0] < 0.1 and done < total):
                return
            last[0] = now
            rate = done / max(now - started, 1e-6) / 1024**2
            app.call_from_thread(self._show_progress, done, total, rate)

        try:
            built = export_bundle(
                ctx.store,
                ctx.registry,
                plan=ctx.plan,
                period=period,
                out_dir=out,
                passphrase=passphrase,
                today=ctx.today,
                progress=progress,
            )
        except UserError as e:
            app.call_from_thread(self._done, e.message(), False)
            return
        except Exception as e:  # the store rolled back; the temporary zip was removed
            app.call_from_thread(
                self._done, t("ui.db_error", detail=f"{type(e).__name__}: {e}"), False
            )
            return
        short = " ".join(built.sha256[i : i + 4] for i in range(0, 16, 4))
        done = t("export.done", path=built.path, sha=built.sha256, short=short)
        app.call_from_thread(self._done, f"{done}\n{t('ui.export.backup_offer')}", True)

    def action_backup(self) -> None:
        """Ctrl+B: the whole database, its files, key and settings in one archive, into the
        export folder (the USB stick the bundle just went to): services/backup.py."""
        if self.busy:
            return
        out = Path(self.query_one("#export-out", VietInput).path_text or ".")
        self.busy = True
        self.query_one("#export-result", Static).update(t("ui.export.backing_up", path=out))
        self.run_backup(out)

    @work(thread=True, exclusive=True, group="export")
    def run_backup(self, out: Path) -> None:
        from datetime import datetime

        from cchc_tui.config import config_path
        from cchc_tui.core.numbers import size_text
        from cchc_tui.services.backup import write_backup

        app = self.cchc
        config = app.config.path or config_path()
        try:
            done = write_backup(app.db_path, config, out, now=datetime.now())
        except UserError as e:
            app.call_from_thread(self._done, e.message(), False)
            return
        except OSError as e:  # the stick pulled out, full, read-only
            detail = e.strerror or str(e)
            app.call_from_thread(self._done, t("ui.db_error", detail=detail), False)
            return
        size = size_text(done.size)
        message = t("backup.written", path=done.archive, entries=done.entries, size=size)
        app.call_from_thread(self._done, message, True)

    def _show_progress(self, done: int, total: int, rate: float) -> None:
        """The bytes hashed so far and the speed (called from the export thread)."""
        self.query_one("#export-progress", ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#export-speed", Static).update(
            t("ui.export.speed", mb=f"{done / 1024**2:.1f}", rate=f"{rate:.1f}")
        )

    def _done(self, message: str, ok: bool) -> None:
        self.busy = False
        self.query_one("#export-pass", VietInput).value = ""  # never kept
        self.query_one("#export-result", Static).update(message)
        self.notify(message.splitlines()[0], severity="information" if ok else "error")
