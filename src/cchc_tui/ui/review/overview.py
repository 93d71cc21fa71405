"""The review desk's home: the expected units of a period, what came, sorted and filtered."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Select, Static

from cchc_tui.core import glyphs, labels
from cchc_tui.core.appraisal import Outcome
from cchc_tui.core.dates import format_date, local_time
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import num, share
from cchc_tui.core.review import STATES as _STATES
from cchc_tui.core.review import (
    Overview,
    UnitRow,
    ranking,
)
from cchc_tui.core.text import fold
from cchc_tui.ui.review.activity import ActivityScreen
from cchc_tui.ui.review.agency import open_unit
from cchc_tui.ui.review.base import FILTERS, SORTS, OnReviewApp, _cell
from cchc_tui.ui.review.dialogs import ArrivalModal
from cchc_tui.ui.review.importing import ImportScreen
from cchc_tui.ui.review.ranking import RankingScreen
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput


class ReviewOverviewScreen(OnReviewApp, Screen[None]):
    IS_HOME = True
    HELP_TITLE = "ui.review.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "ui.review.key_sort", id="review.sort"),
        Binding("f", "filter", "ui.review.key_filter", id="review.filter"),
        Binding("d", "review_filter", "ui.review.key_rfilter", id="review.rfilter"),
        Binding("slash", "search", "key.search", id="review.search"),
        Binding("r", "ranking", "ui.review.key_ranking", id="review.ranking"),
        Binding("a", "activity", "ui.review.key_activity", id="review.activity"),
        Binding("i", "import", "ui.review.key_import", id="review.import"),
        Binding("n", "arrival", "ui.review.key_arrival", id="review.arrival"),
        Binding("k", "sign_all", "ui.review.key_sign_all", id="review.sign_all"),
        Binding("m", "reminders", "ui.review.key_reminders", id="review.reminders"),
        Binding("y", "survey", "ui.review.key_survey", id="review.survey"),
        Binding("escape", "end_search", "key.back", id="review.end_search", show=False),
    ]

    # what the table shows: any change of these fills it again (watch_*)
    sort: reactive[str] = reactive("code", init=False)
    filter: reactive[str] = reactive("all", init=False)  # on time, late, missing
    rfilter: reactive[str] = reactive("all", init=False)  # review state
    query_text: reactive[str] = reactive("", init=False)

    def __init__(self) -> None:
        super().__init__()
        self.view: Overview | None = None
        self.found: dict[str, Outcome] = {}
        self.reviewed: dict[str, str] = {}  # agency → review state of its latest bundle

    def _shown_changed(self) -> None:
        if self.view is not None and self.is_mounted:
            self.refill()

    watch_sort = watch_filter = watch_rfilter = watch_query_text = _shown_changed

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        with Horizontal(classes="row", id="review-top"):
            yield Label(t("ui.export.period"))
            yield Select(
                [(p.name, p.code) for p in self.rapp.plan.period],
                allow_blank=False,
                id="review-period",
            )
        yield Static("", id="review-stats", classes="title")
        search = VietInput(placeholder=t("ui.items.search_placeholder"), id="review-search")
        search.display = False
        yield search
        yield DataTable(id="review-units", cursor_type="row", zebra_stripes=True)
        # the highlighted unit in full (its name and state are cut in the table at 80 columns)
        yield Static("", id="review-unit-detail", markup=False)
        yield I18nFooter()

    async def on_mount(self) -> None:
        table = self.query_one("#review-units", DataTable)
        for key, label, width in (
            ("rank", "ui.review.col.rank", 4),
            ("code", "col.code", 6),
            ("state", "col.status", 14),  # "trễ 1.544 ngày"
            ("lead", "ui.review.col.lead", 4),  # whole percents here, tenths below
            ("backed", "ui.review.col.backed", 4),
            ("total", "ui.score.col.self", 7),
            ("appraised", "ui.review.col.appraisal", 9),
            # the rest (at 80 columns 14; the name in full on the line below)
            ("name", "col.name", max(14, self.app.size.width - 66)),
        ):
            table.add_column(t(label), key=key, width=width)
        from cchc_tui.services.review_desk import opening_period

        app = self.rapp
        period = await app.db(opening_period, app.store, app.plan, app.today)
        self.query_one("#review-period", Select).value = period
        table.focus()

    @on(Select.Changed, "#review-period")
    async def _period(self) -> None:
        await self.recompute(str(self.query_one("#review-period", Select).value))

    async def recompute(self, period: str) -> None:
        self.view, self.found, self.reviewed = await self.rapp.db(self.rapp.compute, period)
        self.refill()

    async def on_screen_resume(self) -> None:
        if self.view is not None:
            await self.recompute(self.view.period)

    def rows(self) -> list[UnitRow]:
        assert self.view is not None
        words = fold(self.query_text).split()
        rows = [
            r
            for r in self.view.rows
            if (self.filter == "all" or r.state == self.filter)
            and (self.rfilter == "all" or self.reviewed.get(r.agency.code) == self.rfilter)
            and all(w in fold(f"{r.agency.code} {r.agency.name}") for w in words)
        ]
        order = {"missing": 0, "late": 1, "on_time": 2}
        key: dict[str, Callable[[UnitRow], Any]] = {
            "code": lambda r: r.agency.code,
            "state": lambda r: (order[r.state], r.agency.code),
            "completeness": lambda r: (
                -(r.full.lead_share or -1),
                -(r.full.backed_share or -1),
                r.agency.code,
            ),
            "total": lambda r: (-(r.self_total or -1), r.agency.code),
        }
        return sorted(rows, key=key[self.sort])

    def refill(self) -> None:
        view = self.view
        assert view is not None
        ranks = {r.row.agency.code: r.rank for r in ranking(view, self.found)}
        appraised = {c: num(o.total) for c, o in self.found.items() if o.appraised}
        table = self.query_one("#review-units", DataTable)
        was = self.highlighted()  # kept under the cursor when it is still shown
        table.clear()
        for r in self.rows():
            table.add_row(
                str(ranks.get(r.agency.code) or ""),  # in its group (the detail line)
                r.agency.code,
                _cell(r.state_label()),
                share(r.full.lead_share, 0),
                share(r.full.backed_share, 0),
                "" if r.self_total is None else num(r.self_total),
                appraised.get(r.agency.code, ""),
                r.agency.name,
                key=r.agency.code,
            )
        if was is not None and was.agency.code in table.rows:
            table.move_cursor(row=table.get_row_index(was.agency.code))
        self.show_detail()
        counts = {state: 0 for state in _STATES}
        for state in self.reviewed.values():
            counts[state] += 1
        self.query_one("#review-stats", Static).update(
            t(
                "ui.review.stats",
                received=view.received,
                expected=view.expected,
                rate=num(view.on_time_rate),
                due=format_date(view.due),
                sort=t(labels.REVIEW_SORT[self.sort]),
                filter=t(labels.REVIEW_FILTER[self.filter]),
            )
            + "\n"
            + t(
                "ui.review.stats_review",
                **counts,
                rfilter=t("ui.review.filter.all")
                if self.rfilter == "all"
                else t(labels.RECEIPT_STATE[self.rfilter]),
            )
        )

    @on(DataTable.RowHighlighted, "#review-units")
    def show_detail(self) -> None:
        table = self.query_one("#review-units", DataTable)
        detail = self.query_one("#review-unit-detail", Static)
        if self.view is None or not table.row_count:
            detail.update("")
            return
        code = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        row = next((r for r in self.view.rows if r.agency.code == code), None)
        if row is None:
            return
        found = self.found.get(row.agency.code)
        got = row.received
        arrival = ""
        if got is not None:
            arrival = t(
                "ui.review.arrival_line",
                arrived=format_date(got.arrival),
                note=f" ({got.arrival_note})" if got.arrival_note else "",
                signed=local_time(got.signing_time) if got.signing_time else "—",
                imported=local_time(got.received_at),
            )
        full = ""
        if got is not None and not row.broken:
            f = row.full
            full = t(
                "ui.review.full_line",
                settled=f.lead_settled,
                lead=f.lead_items,
                lead_pct=share(f.lead_share),
                backed=f.scored_backed,
                scored=f.scored,
                backed_pct=share(f.backed_share),
                per_point="—" if f.documents_per_point is None else num(f.documents_per_point),
            )
        detail.update(
            t(
                "ui.review.unit_detail",
                full=full,
                arrival=arrival,
                code=row.agency.code,
                name=row.agency.name,
                state=row.state_label(),
                self=t("ui.review.none") if row.self_total is None else num(row.self_total),
                appraised=num(found.total) if found is not None and found.appraised else "—",
                grade=row.grade or "—",
            )
        )

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]

    def action_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]

    def action_review_filter(self) -> None:
        order = ("all", *_STATES)
        self.rfilter = order[(order.index(self.rfilter) + 1) % len(order)]

    def action_search(self) -> None:
        box = self.query_one("#review-search", VietInput)
        box.display = True
        box.focus()

    @on(VietInput.Changed, "#review-search")
    def _typed(self, event: VietInput.Changed) -> None:
        self.query_text = event.value

    @on(VietInput.Submitted, "#review-search")
    def _search_done(self) -> None:
        self.query_one("#review-units", DataTable).focus()

    def action_end_search(self) -> None:
        box = self.query_one("#review-search", VietInput)
        box.value, box.display = "", False
        self.query_one("#review-units", DataTable).focus()
        self.query_text = ""  # the table fills again if a search was shown

    async def action_import(self) -> None:
        async def done(changed: bool | None) -> None:
            if changed and self.view is not None:
                await self.recompute(self.view.period)

        await self.app.push_screen(ImportScreen(), done)

    def highlighted(self) -> UnitRow | None:
        table = self.query_one("#review-units", DataTable)
        if self.view is None or not table.row_count:
            return None
        code = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((r for r in self.view.rows if r.agency.code == code), None)

    async def action_arrival(self) -> None:
        """Record the day the highlighted unit's submission arrived (its first bundle of the
        period that counts: lateness is counted from it)."""
        from cchc_tui.services import review_desk as rs
        from cchc_tui.services.received import arrival_day

        row = self.highlighted()
        if row is None or self.view is None:
            return
        if row.received is None:
            self.notify(t("ui.review.arrival_missing", code=row.agency.code), severity="warning")
            return
        app, period, code = self.rapp, self.view.period, row.agency.code
        first = await app.db(rs.first_bundle, app.store, code, app.plan.id, period)
        facts = t(
            "ui.review.arrival_facts",
            id=first.bundle_id[:12],
            signed=local_time(first.signing_time) if first.signing_time else "—",
            imported=local_time(first.received_at),
        )

        async def submit(day: str, note: str) -> None:
            def write() -> None:
                rs.set_arrival(
                    app.store, first, day, note, actor=app.profile.officer, today=app.today
                )

            await asyncio.to_thread(write)

        async def done(saved: bool | None) -> None:
            if saved:
                await self.recompute(period)

        await self.app.push_screen(
            ArrivalModal(
                code,
                facts,
                format_date(arrival_day(first)),
                first.arrival_note,
                submit,
                draft_key=first.bundle_id,
            ),
            done,
        )

    async def action_ranking(self) -> None:
        if self.view is not None:
            await self.app.push_screen(RankingScreen(self.view))

    async def action_sign_all(self) -> None:
        from cchc_tui.ui.review.batch import SignAllModal

        if self.view is not None:
            agencies = [r.agency.code for r in self.view.rows]
            await self.app.push_screen(SignAllModal(self.view, agencies))

    async def action_survey(self) -> None:
        from cchc_tui.ui.review.survey import SurveyScreen

        if self.view is not None:
            await self.app.push_screen(SurveyScreen(self.view))

    async def action_reminders(self) -> None:
        from cchc_tui.ui.review.batch import RemindersModal

        if self.view is not None:
            await self.app.push_screen(RemindersModal(self.view))

    async def action_activity(self) -> None:
        if self.view is not None:
            await self.app.push_screen(ActivityScreen(self.view))

    @on(DataTable.RowSelected, "#review-units")
    async def _open(self, event: DataTable.RowSelected) -> None:
        assert self.view is not None
        row = next(r for r in self.view.rows if r.agency.code == event.row_key.value)
        await open_unit(self, row, self.view.period, units=self.rows())
