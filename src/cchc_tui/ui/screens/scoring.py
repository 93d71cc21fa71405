"""Chấm điểm: the criteria tree with maximum, suggested and self points, documents and
warnings per row; an edit panel for the chosen sub-criterion; totals always visible."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Label, SelectionList, Static

from cchc_tui.core.dates import format_date, local_day
from cchc_tui.core.i18n import UserError, t
from cchc_tui.core.numbers import parse_points
from cchc_tui.core.scoring import SubResult, num
from cchc_tui.ui.app import DbFailed
from cchc_tui.ui.context import ScoringView
from cchc_tui.ui.screens.base import BaseScreen
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput


class PickDocuments(ModalScreen[list[int] | None]):
    """Choose the documents that prove a score: Space toggles, Enter/F2 keeps the choice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2,enter", "save", "key.save", id="pick_docs.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="pick_docs.cancel"),
    ]

    def __init__(self, title: str, options: list[tuple[str, int]], chosen: set[int]) -> None:
        super().__init__()
        self.title_text, self.options, self.chosen = title, options, chosen

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.title_text, classes="title")
            yield SelectionList[int](
                *[(label, value, value in self.chosen) for label, value in self.options],
                id="pick-docs",
            )

    def on_mount(self) -> None:
        self.query_one("#pick-docs", SelectionList).focus()

    def action_save(self) -> None:
        self.dismiss(list(self.query_one("#pick-docs", SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ScoringScreen(BaseScreen):
    HELP_TITLE = "ui.score.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="score.save", priority=True),
        Binding("escape", "to_table", "key.back", id="score.back", show=False),
        Binding("f9", "documents", "key.link_evidence", id="score.documents"),
        Binding("f", "finalise", "ui.score.key_finalise", id="score.finalise"),
        Binding("u", "use_suggestion", "ui.score.key_suggestion", id="score.suggestion"),
        Binding("b", "reports", "ui.score.key_reports", id="score.reports"),
        Binding("i", "indicators", "ui.score.key_indicators", id="score.indicators"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: ScoringView | None = None
        self.code: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="score-totals", classes="title")
        yield DataTable(id="score-tree", cursor_type="row", zebra_stripes=True)
        with Vertical(id="score-panel"):
            yield Static("", id="score-explain", classes="info")
            with Horizontal(classes="row"):
                yield Label(t("ui.score.points"))
                yield VietInput(id="score-points", restrict=r"[0-9.,]*", max_length=6)
                yield Label(t("ui.score.reason"))
                yield VietInput(id="score-reason")
            with Horizontal(classes="row"):
                yield Label(t("ui.score.note"))
                yield VietInput(id="score-note")
            yield Static("", id="score-error", classes="error")
        yield I18nFooter()

    async def on_mount(self) -> None:
        table = self.query_one("#score-tree", DataTable)
        table.add_column(t("ui.score.col.code"), key="code", width=6)
        table.add_column(
            t("ui.score.col.title"), key="title", width=max(16, self.app.size.width - 56)
        )
        table.add_column(t("ui.score.col.max"), key="max", width=6)
        table.add_column(t("ui.score.col.suggested"), key="sug", width=5)
        table.add_column(t("ui.score.col.self"), key="self", width=7)
        table.add_column(t("ui.review.col.appraisal_short"), key="appr", width=5)
        table.add_column(t("ui.col.evidence"), key="ev", width=4)
        table.add_column("!", key="warn", width=1)
        await self.reload()
        table.focus()

    async def reload(self) -> None:
        try:
            self.view = await self.cchc.db(self.ctx.scoring_view)
        except DbFailed:
            return
        self.show()

    def show(self) -> None:
        view = self.view
        assert view is not None
        res = view.result
        state = (
            t("ui.score.finalised", when=format_date(local_day(view.finalised_at)))
            if view.finalised_at
            else t("ui.score.open")
        )
        totals = t(
            "ui.score.totals",
            total=num(res.total),
            max=num(res.max_self),
            pct=num(res.percent),
            grade=res.grade,
            state=state,
            warnings=len(res.blocking),
            status=view.cset.status,
        )
        appraised: dict[str, str] = {}
        if view.receipt:
            for code, rounds in view.receipt.get("appraisal", {}).items():
                appraised[code] = num(Decimal(rounds[max(rounds, key=int)]))
            total = view.receipt.get("appraisal_total") or {}
            if total:
                totals += "\n" + t(
                    "ui.score.appraised_total",
                    total=num(Decimal(total["total"])),
                    pct=num(Decimal(total["percent"])),
                    grade=total["grade"],
                    state=t(f"ui.review.rstate.{view.receipt.get('state', 'da_nhan')}"),
                )
        self.query_one("#score-totals", Static).update(totals)
        table = self.query_one("#score-tree", DataTable)
        current = self.code
        table.clear()
        by_code = {r.sub.code: r for r in res.subs}
        crit = {c.code: c for c in res.criteria}
        area = {a.code: a for a in res.areas}
        for a in view.cset.areas:
            table.add_row(
                a.code,
                a.title.upper(),
                num(a.max),
                "",
                num(area[a.code].points),
                "",
                "",
                "",
                key=f"a:{a.code}",
            )
            for c in view.cset.criteria_of(a.code):
                table.add_row(
                    c.code,
                    "  " + c.title,
                    num(c.max),
                    "",
                    num(crit[c.code].points),
                    "",
                    "",
                    "",
                    key=f"c:{c.code}",
                )
                for s in view.cset.subs_of(c.code):
                    r = by_code[s.code]
                    table.add_row(
                        s.code,
                        "    " + s.title,
                        num(s.max),
                        "" if r.suggestion.points is None else num(r.suggestion.points),
                        "" if r.self_points is None else num(r.self_points),
                        appraised.get(s.code, ""),
                        str(len(view.links.get(s.code, []))),
                        "!" if r.warnings else "",
                        key=f"s:{s.code}",
                    )
        if current is not None:
            table.move_cursor(row=table.get_row_index(f"s:{current}"))
        self._fill_panel()

    def selected(self) -> SubResult | None:
        table = self.query_one("#score-tree", DataTable)
        if not table.row_count or self.view is None:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        if not key.startswith("s:"):
            return None
        code = key[2:]
        return next(r for r in self.view.result.subs if r.sub.code == code)

    @on(DataTable.RowHighlighted, "#score-tree")
    def _highlighted(self) -> None:
        self._fill_panel()

    def _fill_panel(self) -> None:
        r = self.selected()
        explain = self.query_one("#score-explain", Static)
        self.query_one("#score-error", Static).update("")
        if r is None or self.view is None:
            self.code = None
            explain.update(t("ui.score.pick"))
            return
        self.code = r.sub.code
        own = self.view.selves.get(r.sub.code)
        lines = [f"{r.sub.code} · {t('ui.score.suggestion')}: {r.suggestion.explanation}"]
        lines += [f"! {w}" for w in r.warnings]
        receipt = self.view.receipt or {}
        rounds = receipt.get("appraisal", {}).get(r.sub.code)
        if rounds:
            lines.append(
                t(
                    "ui.score.appraised_rounds",
                    rounds=" · ".join(
                        f"{t('ui.review.round')} {k}: {num(Decimal(v))}"
                        for k, v in sorted(rounds.items())
                    ),
                )
            )
        lines += [
            f"» {c['text']} — {c.get('signer', '')}" for c in self.view.comments.get(r.sub.code, [])
        ]
        explain.update("\n".join(lines))
        points = self.query_one("#score-points", VietInput)
        points.value = "" if own is None or own.points is None else num(own.points)
        self.query_one("#score-reason", VietInput).value = own.reason if own else ""
        self.query_one("#score-note", VietInput).value = own.note if own else ""
        disabled = r.sub.is_survey or self.view.finalised_at is not None
        for field in self.query("#score-panel VietInput"):
            field.disabled = disabled

    @on(DataTable.RowSelected, "#score-tree")
    def _chosen(self) -> None:
        if self.selected() is not None:
            self.query_one("#score-points", VietInput).focus()

    def action_to_table(self) -> None:
        self.query_one("#score-tree", DataTable).focus()

    # -- writing -------------------------------------------------------------------------------
    async def action_save(self) -> None:
        r = self.selected()
        if r is None or self.view is None:
            return
        raw = self.query_one("#score-points", VietInput).value.strip()
        try:
            points = parse_points(raw) if raw else None  # finite, 0–100, hundredths
        except UserError as e:
            self.query_one("#score-error", Static).update(e.message())
            return
        reason = self.query_one("#score-reason", VietInput).nfc_value
        note = self.query_one("#score-note", VietInput).nfc_value
        await self._write(r.sub.code, points, reason, note, None)

    async def _write(
        self, code: str, points: Decimal | None, reason: str, note: str, evidence: list[int] | None
    ) -> None:
        assert self.view is not None
        try:
            await self.cchc.db(self.ctx.save_score, self.view, code, points, reason, note, evidence)
        except UserError as e:
            self.query_one("#score-error", Static).update(e.message())
            self.notify(e.message(), severity="error")
            return
        except DbFailed:
            return
        self.notify(t("score.saved", code=code))
        await self.reload()
        self.query_one("#score-tree", DataTable).focus()

    async def action_use_suggestion(self) -> None:
        r = self.selected()
        if r is not None and self.view is not None:
            own = self.view.selves.get(r.sub.code)
            await self._write(r.sub.code, None, "", own.note if own else "", None)

    async def action_documents(self) -> None:
        r = self.selected()
        view = self.view
        if r is None or view is None:
            return
        try:
            docs = await self.cchc.db(self.ctx.evidence)
        except DbFailed:
            return
        options = [(f"{d.number:<18} {format_date(d.doc_date)}  {d.title}", d.id) for d in docs]
        chosen = set(view.links.get(r.sub.code, []))
        own = view.selves.get(r.sub.code)

        async def done(result: list[int] | None) -> None:
            if result is not None and set(result) != chosen:
                await self._write(
                    r.sub.code,
                    own.points if own else None,
                    own.reason if own else "",
                    own.note if own else "",
                    result,
                )

        await self.app.push_screen(
            PickDocuments(t("ui.score.pick_docs", code=r.sub.code), options, chosen), done
        )

    async def action_reports(self) -> None:
        from cchc_tui.ui.screens.score_data import ReportDates

        ctx = self.ctx
        sent = await self.cchc.db(ctx.reader.report_dates, ctx.agency, ctx.plan.id)

        async def done(changed: bool | None) -> None:
            if changed:
                await self.reload()

        await self.app.push_screen(ReportDates(sent), done)

    async def action_indicators(self) -> None:
        from cchc_tui.ui.screens.score_data import IndicatorValues

        ctx = self.ctx
        values = await self.cchc.db(ctx.reader.indicator_values, ctx.agency, ctx.plan.id)

        async def done(changed: bool | None) -> None:
            if changed:
                await self.reload()

        await self.app.push_screen(IndicatorValues(values), done)

    async def action_finalise(self) -> None:
        view = self.view
        if view is None:
            return
        try:
            await self.cchc.db(self.ctx.set_finalised, view, view.finalised_at is None)
        except UserError as e:
            self.notify(e.message(), severity="error", timeout=8)
            return
        except DbFailed:
            return
        self.notify(t("score.done_finalise" if view.finalised_at is None else "score.done_reopen"))
        await self.reload()
