"""Báo cáo kỳ: the officer's words of the current period's report (its number, date, signer,
the opening, III.1 ưu điểm, III.2 tồn tại, IV. phương hướng, V. đề xuất), prefilled with a draft
of facts when nothing was kept; Ctrl+S/F2 keeps them (the export then puts them in the bundle's
report), Ctrl+O writes the .docx to a path; Esc leaves, asking about unsaved changes. Drafts as
for every other form."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Label, Static

from cchc_tui.core import glyphs
from cchc_tui.core.dates import DateError, format_date, parse_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.period_report import Words
from cchc_tui.core.periods import current_period
from cchc_tui.core.text import mid_sentence
from cchc_tui.ui.guard import DbFailed, Guarded
from cchc_tui.ui.officer.screens.base import BaseScreen
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput
from cchc_tui.ui.widgets.viet_text_area import VietTextArea

LINES = ("number", "date", "signer")
PARTS = ("opening", "strengths", "weaknesses", "next_steps", "proposals")
LABEL = {
    "number": "ui.report.number",
    "date": "ui.report.date",
    "signer": "ui.report.signer",
    "opening": "ui.report.opening",
    "strengths": "ui.report.strengths",
    "weaknesses": "ui.report.weaknesses",
    "next_steps": "ui.report.next_steps",
    "proposals": "ui.report.proposals",
}


class PeriodReportScreen(Guarded, BaseScreen):
    HELP_TITLE = "ui.report.title"
    DRAFT_FORM = "period_report"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="report.save", priority=True),
        Binding("ctrl+o", "write_docx", "ui.report.key_docx", id="report.docx"),
        Binding("escape", "leave", "key.back", id="report.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.period = ""
        self.loaded: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        with VerticalScroll(id="report-body", can_focus=False):
            yield Static("", id="report-title", classes="title")
            for name in LINES:
                yield Label(t(LABEL[name]))
                yield VietInput(id=f"r-{name}")
            for name in PARTS:
                yield Label(t(LABEL[name]))
                yield VietTextArea(id=f"r-{name}", classes="report-part")
        yield I18nFooter()

    async def on_mount(self) -> None:
        from cchc_tui.services.period_report import kept, period_report

        ctx = self.ctx
        self.period = current_period(ctx.plan, ctx.today).code
        try:
            (stored, meta), draft = await self.read(
                lambda: (
                    kept(ctx.reader, ctx.agency, ctx.plan.id, self.period),
                    period_report(ctx, self.period),
                )
            )
        except DbFailed:
            return
        parts = {p.heading: "\n".join(p.paragraphs) for p in draft.parts}
        drafted = {
            "opening": draft.opening,
            "strengths": parts.get("1. Ưu điểm", ""),
            "weaknesses": parts.get("2. Tồn tại, hạn chế và nguyên nhân", ""),
            "next_steps": "",
            "proposals": "",
        }
        values = {
            "number": meta["number"] or "",
            "date": format_date(meta["report_date"] or ctx.today),
            "signer": meta["signer"] or "",
            **{k: getattr(stored, k) or drafted[k] for k in PARTS},
        }
        self.loaded = values
        self.set_raw(values)
        period = next(p.name for p in ctx.plan.period if p.code == self.period)
        self.query_one("#report-title", Static).update(t("ui.report.heading", period=period))
        self.offer_draft(self.period, self.raw(), self.set_raw)
        # the page opens at its top (the period named first), the number field focused
        self.query_one("#r-number", VietInput).focus(scroll_visible=False)
        body = self.query_one("#report-body", VerticalScroll)
        self.call_after_refresh(body.scroll_home, animate=False)

    # -- the fields --
    def raw(self) -> dict[str, str]:
        out = {n: self.query_one(f"#r-{n}", VietInput).value for n in LINES}
        out.update({n: self.query_one(f"#r-{n}", VietTextArea).text for n in PARTS})
        return out

    def set_raw(self, values: dict[str, str]) -> None:
        for n in LINES:
            self.query_one(f"#r-{n}", VietInput).value = values.get(n, "")
        for n in PARTS:
            self.query_one(f"#r-{n}", VietTextArea).text = values.get(n, "")

    # -- the guard --
    def is_dirty(self) -> bool:
        return bool(self.loaded) and self.raw() != self.loaded

    def discard(self) -> None:
        self.set_raw(self.loaded)

    def guard_label(self) -> str:
        name = self.ctx.plan.period_by_code(self.period).name
        return t("ui.report.guard", report=mid_sentence(name))

    def draft_entries(self) -> dict[str, tuple[str, dict[str, str]]]:
        return {self.period: (self.guard_label(), self.raw())} if self.is_dirty() else {}

    # -- saving --
    async def save(self) -> bool:
        values = self.raw()
        try:
            day = parse_date(values["date"], allow_future=True) if values["date"].strip() else None
        except DateError as e:
            self.notify(e.message(), severity="error")
            return False
        words = Words(**{k: values[k] for k in PARTS})
        ctx = self.ctx
        try:
            await self.cchc.db(
                ctx.save_report_words, self.period, words, number=values["number"],
                report_date=day, signer=values["signer"],
            )  # fmt: skip
        except UserError as e:
            self.notify(e.message(), severity="error")
            return False
        except DbFailed:
            return False
        self.loaded = values
        self.forget_drafts(self.period)
        self.notify(t("period_report.words_saved", period=self.period, count=len(PARTS)))
        return True

    def action_save(self) -> None:
        self.app.run_worker(self.save(), group="report-save")

    def action_leave(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(None))

    def action_write_docx(self) -> None:
        self.app.run_worker(self._write_docx(), group="report-docx")

    async def _write_docx(self) -> None:
        """Kept first (the file says what the bundle will), then written where the officer
        says (a USB stick, a folder; quotes from "Copy as path" taken off)."""
        from cchc_tui.core.text import unquote_path
        from cchc_tui.reports.report_docx import write_report_docx
        from cchc_tui.services.period_report import period_report
        from cchc_tui.ui.widgets.ask_text import AskText

        if self.is_dirty() and not await self.save():
            return
        name = f"Bao-cao-CCHC-{self.period}-{self.ctx.plan.plan.year}.docx"
        typed = await self.app.push_screen_wait(
            AskText(t("ui.report.where"), str(Path.cwd() / name), t("ui.report.where_hint"))
        )
        if not typed:
            return
        path = Path(unquote_path(typed))
        ctx = self.ctx
        try:
            report = await self.cchc.db(period_report, ctx, self.period)
            await self.cchc.db(write_report_docx, report, path)
        except UserError as e:
            self.notify(e.message(), severity="error")
            return
        except DbFailed:
            return
        c = report.counts
        self.notify(
            t("period_report.saved", period=self.period, path=path, items=c["items"],
              done=c["done"], overdue=c["overdue"]),
            timeout=12,
        )  # fmt: skip
