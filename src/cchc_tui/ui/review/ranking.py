"""Rankings of a period, in separate groups, and their export."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Label, Static

from cchc_tui.core import glyphs, labels
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import num
from cchc_tui.core.plan import Plan
from cchc_tui.core.review import (
    GROUPS,
    Overview,
    Ranked,
    group_of,
    ranking,
    template_used,
)
from cchc_tui.ui.outcome import run_and_say
from cchc_tui.ui.review.agency import open_unit
from cchc_tui.ui.review.base import OnReviewApp, _cell
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput


class RankingScreen(OnReviewApp, Screen[None]):
    """The ranking of the period, one group at a time (g: the next): appraised totals once
    appraisal has started in the group (self totals listed apart, unranked), else self
    totals; equal totals share a rank; x writes every group to XLSX or CSV."""

    HELP_TITLE = "ui.review.ranking"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="ranking.back"),
        Binding("g", "next_group", "ui.review.key_group", id="ranking.group"),
        Binding("x", "export", "ui.review.key_ranking_export", id="ranking.export"),
    ]

    group: reactive[str] = reactive("", init=False)

    def __init__(self, view: Overview) -> None:
        super().__init__()
        self.view = view
        self.ranked: list[Ranked] = []

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        yield Static("", id="ranking-title", classes="title", markup=False)
        yield DataTable(id="ranking", cursor_type="row", zebra_stripes=True)
        yield I18nFooter()

    async def on_mount(self) -> None:
        table = self.query_one("#ranking", DataTable)
        table.add_column(t("ui.review.col.rank"), width=5)
        table.add_column(t("col.code"), width=7)
        table.add_column(t("ui.review.col.points"), width=14)  # "62,25 (73,7%)"
        table.add_column(t("ui.review.col.kind"), width=10)
        table.add_column(t("ui.review.col.grade"), width=10)
        table.add_column(t("col.name"), width=max(14, self.app.size.width - 62))
        await self.fill()
        table.focus()

    def groups(self) -> list[str]:
        """The groups this reviewer expects units of."""
        return [g for g in GROUPS if any(group_of(r.agency) == g for r in self.view.rows)]

    async def on_screen_resume(self) -> None:
        if self.ranked:  # back from an agency: its appraisal may have changed
            await self.fill()

    async def fill(self) -> None:
        from cchc_tui.services.review_desk import outcomes

        latest = {r.agency.code: r.received for r in self.view.rows if r.received}
        found = await self.rapp.db(
            outcomes, self.rapp.store, self.view.plan, self.view.period, latest
        )
        self.ranked = ranking(self.view, found)
        if not self.group:  # the first group with a unit ranked, else the first
            ranked_groups = [g for g in self.groups() if any(r.group == g for r in self.ranked)]
            self.group = (ranked_groups or self.groups() or [GROUPS[0]])[0]
        else:
            self.show()

    def watch_group(self) -> None:
        self.show()

    def show(self) -> None:
        table = self.query_one("#ranking", DataTable)
        cursor = table.cursor_row
        table.clear()
        mine = [r for r in self.ranked if r.group == self.group]
        for r in mine:
            table.add_row(
                "" if r.rank is None else str(r.rank),
                r.row.agency.code,
                num(r.total) + ("" if r.percent is None else f" ({num(r.percent)}%)"),
                _cell(
                    t("ui.review.apart")
                    if r.rank is None
                    else t("ui.review.appraised")
                    if r.appraised
                    else t("ui.review.self")
                ),
                _cell(r.grade),
                r.row.agency.name,
                key=r.row.agency.code,
            )
        for row in self.view.rows:  # received but unreadable: listed, unranked, marked
            if row.broken and group_of(row.agency) == self.group:
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
        started = any(r.appraised for r in mine)
        period = next((p.name for p in self.rapp.plan.period if p.code == self.view.period), "")
        self.query_one("#ranking-title", Static).update(
            t(
                "ui.review.ranking_title",
                group=t(labels.REVIEW_GROUP[self.group]),
                period=period or self.view.period,
                basis=(t("ui.review.template_ranking") if template_used(self.view) else "")
                + t("ui.review.basis_appraised" if started else "ui.review.basis_self"),
            )
        )

    def action_next_group(self) -> None:
        groups = self.groups() or [self.group]
        at = groups.index(self.group) if self.group in groups else -1
        self.group = groups[(at + 1) % len(groups)]

    @on(DataTable.RowSelected, "#ranking")
    async def _open(self, event: DataTable.RowSelected) -> None:
        row = next((r for r in self.view.rows if r.agency.code == event.row_key.value), None)
        if row is not None:
            table = self.query_one("#ranking", DataTable)
            order = [str(k.value) for k in table.rows]
            units = sorted(
                (r for r in self.view.rows if r.agency.code in order),
                key=lambda r: order.index(r.agency.code),
            )
            await open_unit(self, row, self.view.period, units=units)

    async def action_export(self) -> None:
        await self.app.push_screen(RankingExportModal(self.view, self.ranked, self.rapp.plan))

    def action_back(self) -> None:
        self.dismiss(None)


class RankingExportModal(ModalScreen[None]):
    """Write the ranking as XLSX (summary and one sheet per area) or CSV, by the file's ending."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="ranking_export.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="ranking_export.cancel"),
    ]

    def __init__(self, view: Overview, ranked: list[Ranked], plan: Plan | None = None) -> None:
        super().__init__()
        self.view = view
        self.ranked = ranked
        self.plan = plan
        self.replace_ok: Path | None = None  # the existing file the reviewer was asked about

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

    @on(VietInput.Changed, "#ranking-out")
    def _path_changed(self) -> None:
        self.replace_ok = None

    @on(VietInput.Submitted, "#ranking-out")
    async def action_save(self) -> None:
        from cchc_tui.reports.ranking import write_ranking

        out = Path(self.query_one("#ranking-out", VietInput).path_text)
        result = self.query_one("#ranking-result", Static)
        if out.exists() and self.replace_ok != out:
            # a workbook sent to the leaders last week: replaced only when asked twice
            self.replace_ok = out
            result.update(t("ui.review.ranking_exists", path=out))
            return
        self.replace_ok = None
        await run_and_say(
            result,
            lambda: write_ranking(out, self.view, self.ranked, self.plan),
            lambda _: t("ui.review.ranking_written", path=out),
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
