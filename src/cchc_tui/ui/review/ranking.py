"""Rankings of a period, in separate groups, and their export."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Label, Static

from cchc_tui.core import glyphs
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import num
from cchc_tui.core.review import (
    Overview,
    Ranked,
    ranking,
)
from cchc_tui.ui.outcome import run_and_say
from cchc_tui.ui.review.agency import open_unit
from cchc_tui.ui.review.base import OnReviewApp, _cell
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput


class RankingScreen(OnReviewApp, Screen[None]):
    """The ranking of the period: appraised totals where there are appraisals, else the self
    total (marked), equal totals sharing a rank; x writes it to XLSX or CSV."""

    HELP_TITLE = "ui.review.ranking"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="ranking.back"),
        Binding("x", "export", "ui.review.key_ranking_export", id="ranking.export"),
    ]

    def __init__(self, view: Overview) -> None:
        super().__init__()
        self.view = view
        self.ranked: list[Ranked] = []

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        yield Static(t("ui.review.ranking_title", period=self.view.period), classes="title")
        yield DataTable(id="ranking", cursor_type="row", zebra_stripes=True)
        yield I18nFooter()

    async def on_mount(self) -> None:
        table = self.query_one("#ranking", DataTable)
        table.add_column(t("ui.review.col.rank"), width=5)
        table.add_column(t("col.code"), width=7)
        table.add_column(t("ui.review.col.points"), width=8)
        table.add_column(t("ui.review.col.kind"), width=10)
        table.add_column(t("ui.review.col.grade"), width=10)
        table.add_column(t("col.name"), width=max(20, self.app.size.width - 56))
        await self.fill()
        table.focus()

    async def on_screen_resume(self) -> None:
        if self.ranked:  # back from an agency: its appraisal may have changed
            await self.fill()

    async def fill(self) -> None:
        from cchc_tui.services.review_desk import outcomes

        table = self.query_one("#ranking", DataTable)
        cursor = table.cursor_row
        table.clear()
        latest = {r.agency.code: r.received for r in self.view.rows if r.received}
        found = await self.rapp.db(
            outcomes, self.rapp.store, self.view.plan, self.view.period, latest
        )
        self.ranked = ranking(self.view, found)
        for r in self.ranked:
            table.add_row(
                str(r.rank),
                r.row.agency.code,
                num(r.total),
                t("ui.review.appraised") if r.appraised else t("ui.review.self"),
                _cell(r.grade),
                r.row.agency.name,
                key=r.row.agency.code,
            )
        for row in self.view.rows:  # received but unreadable: listed, unranked, marked
            if row.broken:
                table.add_row(
                    "",
                    row.agency.code,
                    "",
                    _cell(row.state_label()),
                    "",
                    row.agency.name,
                    key=row.agency.code,
                )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    @on(DataTable.RowSelected, "#ranking")
    async def _open(self, event: DataTable.RowSelected) -> None:
        row = next((r for r in self.view.rows if r.agency.code == event.row_key.value), None)
        if row is not None:
            await open_unit(self, row, self.view.period)

    async def action_export(self) -> None:
        await self.app.push_screen(RankingExportModal(self.view, self.ranked))

    def action_back(self) -> None:
        self.dismiss(None)


class RankingExportModal(ModalScreen[None]):
    """Write the ranking as XLSX (summary and one sheet per area) or CSV, by the file's ending."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="ranking_export.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="ranking_export.cancel"),
    ]

    def __init__(self, view: Overview, ranked: list[Ranked]) -> None:
        super().__init__()
        self.view = view
        self.ranked = ranked

    def compose(self) -> ComposeResult:
        name = f"xep-hang-{self.view.period}.xlsx"
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.ranking_export_title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.review.out_file"))
                yield VietInput(id="ranking-out", value=str(Path.cwd() / name))
            yield Static(t("ui.review.ranking_export_hint"), classes="hint")
            yield Static("", id="ranking-result", markup=False)

    def on_mount(self) -> None:
        self.query_one("#ranking-out", VietInput).focus()

    @on(VietInput.Submitted, "#ranking-out")
    async def action_save(self) -> None:
        from cchc_tui.reports.ranking import write_ranking

        out = Path(self.query_one("#ranking-out", VietInput).nfc_value.strip())
        result = self.query_one("#ranking-result", Static)
        await run_and_say(
            result,
            lambda: write_ranking(out, self.view, self.ranked),
            lambda _: t("ui.review.ranking_written", path=out),
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
