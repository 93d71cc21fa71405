"""The review desk (reviewer mode, `cchc review`): the expected units of a period with what was
received, late or missing, completeness and self totals; one agency's submission next to the
reviewer's state and comments. Keyboard only, Vietnamese first, 80×24."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from rich.markup import escape as escape_markup
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.coordinate import Coordinate
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Label, ProgressBar, Select, Static

from cchc_tui.config import Config
from cchc_tui.core import labels
from cchc_tui.core.agencies import Registry
from cchc_tui.core.appraisal import Outcome
from cchc_tui.core.dates import format_date
from cchc_tui.core.i18n import UserError, set_language, t
from cchc_tui.core.numbers import num
from cchc_tui.core.periods import current_period
from cchc_tui.core.plan import Plan
from cchc_tui.core.progress import status_label
from cchc_tui.core.review import (
    COLUMNS,
    ActivityRow,
    Overview,
    Ranked,
    Received,
    UnitRow,
    expected_units,
    overview,
    per_activity,
    ranking,
)
from cchc_tui.core.review import STATES as _STATES
from cchc_tui.core.submission import Submission
from cchc_tui.core.text import escape_controls, fold
from cchc_tui.store.instance import InstanceLock
from cchc_tui.store.service import Store
from cchc_tui.ui.crash import CrashReporting
from cchc_tui.ui.guard import GuardedApp, InputsGuard, announce_other_copy, apply_keymap
from cchc_tui.ui.outcome import run_and_say
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import KeysInOrder, VietInput

T = TypeVar("T")
FILTERS = ("all", "missing", "late", "on_time")
SORTS = ("code", "state", "completeness", "total")


class ReviewApp(CrashReporting, KeysInOrder, GuardedApp):
    CSS_PATH = "cchc.tcss"
    TITLE = "cchc-tui"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "key.quit", id="review.quit", priority=True, show=False),
    ]

    def __init__(self, db: Path, config: Config | None = None, *, today: date | None = None):
        self.config = config or Config()
        set_language(self.config.lang)
        super().__init__()
        self.db_path = Path(db)  # a crash report goes beside it
        self.store = Store(db)
        self.registry = Registry.load()
        self.plan: Plan = self.store.load_plan()
        self.profile = self.store.require_profile()
        self.reviewer = self.profile.agency_code
        self.today = today or date.today()
        self.theme = self.config.theme
        self.title = t("ui.review.title")
        self.sub_title = self.profile.agency_name
        self.instance: InstanceLock | None = None

    async def on_mount(self) -> None:
        apply_keymap(self, self.config.keymap)
        await self.start_drafts(self.store.path)
        self.instance = await announce_other_copy(self, self.store.path, self.today)
        await self.push_screen(ReviewOverviewScreen())

    def on_unmount(self) -> None:
        self.close_drafts()
        if self.instance is not None:
            self.instance.release()
        self.store.close()

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            return await asyncio.to_thread(fn, *args)
        except UserError as e:
            self.notify(e.message(), severity="error", timeout=8)
            raise

    def compute(self, period: str) -> tuple[Overview, dict[str, Outcome], dict[str, str]]:
        """The overview of a period, each received agency's standing (appraisal or self) and
        the review state of its latest bundle."""
        from cchc_tui.services.importer import latest_for_period
        from cchc_tui.services.review_desk import latest_states, outcomes

        expected = {a.code for a in expected_units(self.registry, self.plan, self.reviewer)}
        latest = latest_for_period(self.store, self.plan.id, period, expected)
        view = overview(self.registry, self.plan, self.reviewer, period, latest)
        by_bundle = latest_states(self.store, [r.bundle_id for r in latest.values()])
        states = {code: by_bundle[r.bundle_id] for code, r in latest.items()}
        return view, outcomes(self.store, self.plan.id, period, latest), states


class OnReviewApp:
    """For the review desk's screens: the app as a ReviewApp (its store, plan, profile)."""

    app: Any

    @property
    def rapp(self) -> ReviewApp:
        assert isinstance(self.app, ReviewApp)
        return self.app

    async def open_unit(self, row: UnitRow, period: str) -> None:
        """One agency's submission; for a bundle whose submission cannot be read, why."""
        if row.received is None:
            return
        if row.broken:
            self.rapp.notify(
                t("review.broken_bundle", agency=row.agency.code, reason=row.broken),
                severity="warning",
                markup=False,
            )
            return
        await self.rapp.push_screen(ReviewAgencyScreen(row, period))


def _cell(text: str) -> str:
    """Text from a bundle for a DataTable cell, which reads a str as Rich markup: shown
    literally ("[b red]ĐẠT[/]" stays that), with control characters written out."""
    return escape_markup(escape_controls(text))


class ReviewOverviewScreen(OnReviewApp, Screen[None]):
    HELP_TITLE = "ui.review.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "ui.review.key_sort", id="review.sort"),
        Binding("f", "filter", "ui.review.key_filter", id="review.filter"),
        Binding("d", "review_filter", "ui.review.key_rfilter", id="review.rfilter"),
        Binding("slash", "search", "key.search", id="review.search"),
        Binding("r", "ranking", "ui.review.key_ranking", id="review.ranking"),
        Binding("a", "activity", "ui.review.key_activity", id="review.activity"),
        Binding("i", "import", "ui.review.key_import", id="review.import"),
        Binding("escape", "end_search", "key.back", id="review.end_search", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: Overview | None = None
        self.found: dict[str, Outcome] = {}
        self.reviewed: dict[str, str] = {}  # agency → review state of its latest bundle
        self.sort = "code"
        self.filter = "all"
        self.rfilter = "all"
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Header()
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
        yield I18nFooter()

    async def on_mount(self) -> None:
        table = self.query_one("#review-units", DataTable)
        for key, label, width in (
            ("rank", "ui.review.col.rank", 4),
            ("code", "col.code", 7),
            ("state", "col.status", 12),
            ("full", "ui.review.col.full", 5),
            ("total", "ui.score.col.self", 7),
            ("appraised", "ui.review.col.appraisal", 9),
            ("name", "col.name", max(20, self.app.size.width - 68)),
        ):
            table.add_column(t(label), key=key, width=width)
        period = current_period(self.rapp.plan, self.rapp.today).code
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
            "completeness": lambda r: (-r.completeness, r.agency.code),
            "total": lambda r: (-(r.self_total or -1), r.agency.code),
        }
        return sorted(rows, key=key[self.sort])

    def refill(self) -> None:
        view = self.view
        assert view is not None
        ranks = {r.row.agency.code: r.rank for r in ranking(view, self.found)}
        appraised = {c: num(o.total) for c, o in self.found.items() if o.appraised}
        table = self.query_one("#review-units", DataTable)
        table.clear()
        for r in self.rows():
            table.add_row(
                str(ranks.get(r.agency.code, "")),
                r.agency.code,
                _cell(r.state_label()),
                f"{num(r.completeness)}%",
                "" if r.self_total is None else num(r.self_total),
                appraised.get(r.agency.code, ""),
                r.agency.name,
                key=r.agency.code,
            )
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

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refill()

    def action_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.refill()

    def action_review_filter(self) -> None:
        order = ("all", *_STATES)
        self.rfilter = order[(order.index(self.rfilter) + 1) % len(order)]
        self.refill()

    def action_search(self) -> None:
        box = self.query_one("#review-search", VietInput)
        box.display = True
        box.focus()

    @on(VietInput.Changed, "#review-search")
    def _typed(self, event: VietInput.Changed) -> None:
        self.query_text = event.value
        self.refill()

    @on(VietInput.Submitted, "#review-search")
    def _search_done(self) -> None:
        self.query_one("#review-units", DataTable).focus()

    def action_end_search(self) -> None:
        box = self.query_one("#review-search", VietInput)
        box.value, box.display, self.query_text = "", False, ""
        self.query_one("#review-units", DataTable).focus()
        self.refill()

    async def action_import(self) -> None:
        async def done(changed: bool | None) -> None:
            if changed and self.view is not None:
                await self.recompute(self.view.period)

        await self.app.push_screen(ImportScreen(), done)

    async def action_ranking(self) -> None:
        if self.view is not None:
            await self.app.push_screen(RankingScreen(self.view))

    async def action_activity(self) -> None:
        if self.view is not None:
            await self.app.push_screen(ActivityScreen(self.view))

    @on(DataTable.RowSelected, "#review-units")
    async def _open(self, event: DataTable.RowSelected) -> None:
        assert self.view is not None
        row = next(r for r in self.view.rows if r.agency.code == event.row_key.value)
        await self.open_unit(row, self.view.period)


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


class ReviewAgencyScreen(OnReviewApp, Screen[None]):
    """One agency's submission: its items, its self-assessment with the appraisal rounds beside
    it and the totals, the documents with each stored file's hash checked again, the review
    state and the comments (on the bundle, an item or a criterion)."""

    HELP_TITLE = "ui.review.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="agency.back"),
        Binding("t", "state", "ui.review.key_state", id="agency.state"),
        Binding("c", "comment", "ui.review.key_comment", id="agency.comment"),
        Binding("p", "appraise", "ui.review.key_appraise", id="agency.appraise"),
        Binding("n", "receipt", "ui.review.key_receipt", id="agency.receipt"),
        Binding("l", "drop", "ui.review.key_drop", id="agency.drop"),
    ]

    def __init__(self, row: UnitRow, period: str) -> None:
        super().__init__()
        self.row = row
        self.period = period
        self.state = "da_nhan"
        self.rounds: dict[str, dict[int, Any]] = {}

    @property
    def got(self) -> Received:
        assert self.row.received is not None
        return self.row.received

    @property
    def sub(self) -> Submission:
        """The submission shown, read through the schema (a broken one never opens here)."""
        assert self.got.submission is not None
        return self.got.submission

    def compose(self) -> ComposeResult:
        got = self.got
        yield Header()
        with VerticalScroll(id="review-agency"):
            yield Static(
                f"{self.row.agency.name} ({self.row.agency.code}) · {self.period}", classes="title"
            )
            yield Static(
                t(
                    "ui.review.bundle",
                    id=got.bundle_id[:8],
                    count=got.count,
                    received=_local(got.received_at),
                    signed=_local(got.signing_time) if got.signing_time else "—",
                ),
                classes="info",
            )
            yield Static("", id="agency-history", classes="hint", markup=False)
            yield Static("", id="agency-review", classes="section", markup=False)
            yield DataTable(id="agency-items", cursor_type="row", zebra_stripes=True)
            yield Static("", id="agency-item", classes="hint", markup=False)
            yield Static(t("ui.review.scores"), classes="section")
            yield Static("", id="agency-totals", classes="info", markup=False)
            yield DataTable(id="agency-scores", cursor_type="row", zebra_stripes=True)
            yield Static("", id="agency-score", classes="hint", markup=False)
            yield Static(t("ui.review.evidence"), classes="section")
            yield DataTable(id="agency-evidence", cursor_type="row", zebra_stripes=True)
        yield I18nFooter()

    async def on_mount(self) -> None:
        width = self.app.size.width
        table = self.query_one("#agency-items", DataTable)
        table.add_column(t("col.id"), width=8)
        table.add_column(t("col.status"), width=16)
        table.add_column("%", width=4)
        table.add_column(t("ui.item.note"), width=max(20, width - 46))
        for item in self.sub.items:
            table.add_row(
                item.id,
                status_label(item.status),
                str(item.progress),
                _cell(item.note),
                key=f"item:{item.id}",
            )
        scores = self.query_one("#agency-scores", DataTable)
        scores.add_column(t("ui.score.col.code"), key="code", width=7)
        scores.add_column(t("ui.score.col.self"), key="self", width=7)
        scores.add_column(t("ui.review.col.round1"), key="r1", width=5)
        scores.add_column(t("ui.review.col.round2"), key="r2", width=5)
        scores.add_column(t("ui.review.col.why"), key="why", width=max(20, width - 40))
        evidence = self.query_one("#agency-evidence", DataTable)
        evidence.add_column(t("col.number"), width=16)
        evidence.add_column(t("ui.review.col.hash"), key="hash", width=12)
        evidence.add_column(t("col.file"), width=max(20, width - 40))
        for e in self.sub.evidence:
            evidence.add_row(
                _cell(e.number),
                t("ui.review.hash.checking") if e.path else t("ui.review.hash.none"),
                _cell(e.path or e.file_name),
                key=str(e.id),
            )
        await self.show_history()
        await self.refresh_review()
        await self.refresh_scores()
        table.focus()
        self.check_files()

    @on(DataTable.RowHighlighted, "#agency-items")
    def show_item(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted item as the plan prints it, what the agency said and its documents."""
        key = str(event.row_key.value or "").removeprefix("item:")
        item = next((i for i in self.rapp.plan.item if i.id == key), None)
        sent = next((i for i in self.sub.items if i.id == key), None)
        docs = [e.number for e in self.sub.evidence if key in e.items]
        parts = [f"{item.number} {item.short_text(60)}" if item else key]
        if sent is not None and sent.completed_on is not None:
            parts.append(t("ui.review.item_done", date=format_date(sent.completed_on)))
        if sent is not None and sent.reason:
            parts.append(sent.reason)
        parts.append(t("ui.review.item_docs", docs=", ".join(docs) if docs else "—"))
        # markup=False: the agency's words are shown as written, control characters escaped
        self.query_one("#agency-item", Static).update(escape_controls(" · ".join(parts)))

    @on(DataTable.RowHighlighted, "#agency-scores")
    def show_score(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted sub-criterion: the agency's explanation and the documents it linked,
        next to which the reviewer appraises."""
        code = str(event.row_key.value or "")
        scores = self.sub.first_scores
        sub = next((x for x in scores.subs if x.code == code), None) if scores else None
        numbers = {e.id: e.number for e in self.sub.evidence}
        docs = [numbers.get(i, f"#{i}") for i in (sub.evidence if sub else [])]
        parts = [code]
        if sub is not None and sub.note:
            parts.append(t("ui.review.score_note", note=sub.note))
        parts.append(t("ui.review.item_docs", docs=", ".join(docs) if docs else "—"))
        self.query_one("#agency-score", Static).update(escape_controls(" · ".join(parts)))

    @work(thread=True, exclusive=True, group="hashes")
    def check_files(self) -> None:
        """Hash every stored evidence file again (the reviewer's copy) and show the result."""
        from cchc_tui.services import review_desk as rs

        bundle = rs.latest_bundle(
            self.rapp.store, self.row.agency.code, self.rapp.plan.id, self.period
        )
        if bundle.bundle_id != self.got.bundle_id:
            return
        table = self.query_one("#agency-evidence", DataTable)
        for check in rs.check_evidence(Path(bundle.stored_path), self.sub):
            self.app.call_from_thread(
                table.update_cell, check.key, "hash", t(labels.EVIDENCE_HASH[check.state])
            )
            if check.path is not None:
                self.app.call_from_thread(
                    table.update_cell_at,
                    Coordinate(table.get_row_index(check.key), 2),
                    _cell(str(check.path)),
                )

    def _load(self) -> tuple[str, list[Any], dict[str, dict[int, Any]], Any]:
        """(review state, comments, appraisal rounds, the appraisal outcome) of this bundle."""
        from cchc_tui.services import review_desk as rs

        app, code = self.rapp, self.row.agency.code
        state, comments = rs.state_and_comments(app.store, self.got.bundle_id)
        found = rs.outcomes(app.store, app.plan.id, self.period, {code: self.got})
        rounds = rs.rounds_for(app.store, code, app.plan.id, self.period)
        return state, comments, rounds, found.get(code)

    async def show_history(self) -> None:
        """The bundles sent before this one for the period (a resubmission keeps them)."""
        from cchc_tui.services import review_desk as rs

        app = self.rapp
        rows = await app.db(rs.history, app.store, self.row.agency.code, app.plan.id, self.period)
        box = self.query_one("#agency-history", Static)
        box.display = len(rows) > 1
        box.update(
            "\n".join(
                t(
                    "ui.review.history_line",
                    n=n,
                    id=b.bundle_id[:8],
                    signed=_local(b.signing_time, short=True) if b.signing_time else "—",
                    received=_local(b.received_at, short=True),
                    state=t("ui.review.dropped_state")
                    if b.dropped_at is not None
                    else t(labels.RECEIPT_STATE[state]),
                    latest=t("ui.review.history_latest")
                    if b.bundle_id == self.got.bundle_id
                    else "",
                )
                for n, (b, state) in enumerate(rows, 1)
            )
        )

    async def refresh_review(self) -> None:
        state, comments, _rounds, _outcome = await self.rapp.db(self._load)
        self.state = state
        lines = [t("ui.review.current_state", state=t(labels.RECEIPT_STATE[state]))]
        lines += [f"  [{c.target}] {c.text} — {c.by}" for c in comments]
        self.query_one("#agency-review", Static).update("\n".join(lines))

    async def refresh_scores(self) -> None:
        _state, _comments, rounds, found = await self.rapp.db(self._load)
        self.rounds = rounds
        table = self.query_one("#agency-scores", DataTable)
        cursor = table.cursor_row
        table.clear()
        scores = self.sub.first_scores
        for sub in scores.subs if scores else []:
            code = sub.code
            mine = rounds.get(code, {})
            table.add_row(
                code,
                num(Decimal(sub.self_points)) if sub.self_points is not None else "",
                num(mine[1]) if 1 in mine else "",
                num(mine[2]) if 2 in mine else "",
                _cell(sub.explanation),
                key=code,
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        self_total = self.row.self_total
        text = t(
            "ui.review.totals_self",
            total=num(self_total) if self_total is not None else "—",
            grade=self.row.grade or "—",
        )
        if found is not None and found.appraised:
            text += " · " + t(
                "ui.review.totals_appraised",
                total=num(found.total),
                percent=num(found.totals.percent),
                grade=found.grade,
                done=found.appraised_count,
                count=len(found.subs),
            )
        self.query_one("#agency-totals", Static).update(text)

    async def action_appraise(self) -> None:
        from cchc_tui.services import review_desk as rs

        table = self.query_one("#agency-scores", DataTable)
        if not table.row_count:
            return
        code = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        own = str(table.get_cell(code, "self"))
        round_ = 2 if 1 in self.rounds.get(code, {}) else 1
        app = self.rapp

        async def submit(points: str, chosen: int) -> None:
            def write() -> None:
                bundle = rs.latest_bundle(app.store, self.row.agency.code, app.plan.id, self.period)
                rs.appraise(
                    app.store, bundle, code, points, round_=chosen, actor=app.profile.officer
                )

            await asyncio.to_thread(write)

        async def done(saved: bool | None) -> None:
            if saved:
                await self.refresh_scores()

        await self.app.push_screen(AppraiseModal(code, own, round_, submit), done)

    async def action_state(self) -> None:
        from cchc_tui.services import review_desk as rs

        nxt = _STATES[(_STATES.index(self.state) + 1) % len(_STATES)]
        bundle = await self.rapp.db(
            rs.latest_bundle, self.rapp.store, self.row.agency.code, self.rapp.plan.id, self.period
        )
        await self.rapp.db(
            lambda: rs.set_state(self.rapp.store, bundle, nxt, actor=self.rapp.profile.officer)
        )
        await self.refresh_review()

    def _target(self) -> str:
        """item:ID or criterion:CODE of the row under the cursor, else the whole bundle."""
        focused = self.focused
        if isinstance(focused, DataTable) and focused.row_count:
            key = focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key.value or ""
            if focused.id == "agency-items":
                return key
            if focused.id == "agency-scores":
                return f"criterion:{key}"
        return "general"

    async def action_comment(self) -> None:
        from cchc_tui.services import review_desk as rs

        async def submit(target: str, text: str) -> None:
            bundle = await self.rapp.db(
                rs.latest_bundle,
                self.rapp.store,
                self.row.agency.code,
                self.rapp.plan.id,
                self.period,
            )
            await self.rapp.db(
                lambda: rs.add_comment(
                    self.rapp.store, bundle, target, text, actor=self.rapp.profile.officer
                )
            )

        async def done(saved: bool | None) -> None:
            if saved:
                await self.refresh_review()

        target = self._target()
        key = f"{self.row.agency.code}/{self.period}/{target}"
        await self.app.push_screen(CommentModal(target, submit, draft_key=key), done)

    async def action_receipt(self) -> None:
        await self.app.push_screen(ReceiptModal(self.row.agency.code, self.period))

    async def action_drop(self) -> None:
        """Drop the bundle shown, after a confirmation with a reason; then back to the overview,
        recomputed without it (its files are kept aside, the history still lists it)."""
        from cchc_tui.services import review_desk as rs

        app, got = self.rapp, self.got

        def drop(reason: str) -> Path:
            bundle = rs.find_bundle(app.store, app.plan.id, self.period, got.bundle_id)
            if bundle is None:
                raise UserError("review.drop_unknown", ref=got.bundle_id, period=self.period)
            return rs.drop_bundle(app.store, bundle, reason, actor=app.profile.officer)

        async def done(reason: str | None) -> None:
            if reason is None:
                return
            try:
                kept = await app.db(drop, reason)
            except UserError:
                return
            app.notify(
                t(
                    "review.dropped",
                    id=got.bundle_id[:8],
                    agency=self.row.agency.code,
                    period=self.period,
                    path=kept,
                )
            )
            # a ranking or activity view opened on the way was computed with the bundle: back
            # to the overview, which recomputes when it shows again
            overview = next(
                (s for s in app.screen_stack if isinstance(s, ReviewOverviewScreen)), None
            )
            while overview is not None and app.screen is not overview:
                await app.pop_screen()

        await self.app.push_screen(DropModal(got.bundle_id, self.row.agency.code), done)

    def action_back(self) -> None:
        self.dismiss(None)


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


def _local(when: datetime, *, short: bool = False) -> str:
    """A stored UTC time as the reviewer's local clock shows it (short: without the year)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%d/%m %H:%M" if short else "%d/%m/%Y %H:%M")


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
        yield Header()
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
            await self.open_unit(row, self.view.period)

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


class ActivityScreen(OnReviewApp, Screen[None]):
    """Each item of the plan across the units this reviewer expects: how many report it done,
    in progress, not started, cannot be done, give no status or sent nothing; below, the units
    of the highlighted item. Lead items by default; v adds the coordinators."""

    HELP_TITLE = "ui.review.key_activity"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="activity.back"),
        Binding("v", "roles", "ui.review.key_roles", id="activity.roles"),
        Binding("slash", "search", "key.search", id="activity.search"),
    ]

    def __init__(self, view: Overview) -> None:
        super().__init__()
        self.view = view
        self.roles: tuple[str, ...] = ("lead",)
        self.rows: list[ActivityRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="row", id="activity-top"):
            yield Label(t("ui.review.activity_label"))
            yield VietInput(id="activity-id", placeholder=t("ui.review.activity_placeholder"))
        yield Static("", id="activity-summary", classes="title")
        yield DataTable(id="activity-items", cursor_type="row", zebra_stripes=True)
        yield Static("", id="activity-item", classes="info", markup=False)
        yield DataTable(id="activity-units", cursor_type="row", zebra_stripes=True)
        yield I18nFooter()

    def on_mount(self) -> None:
        items = self.query_one("#activity-items", DataTable)
        items.add_column(t("col.number"), key="number", width=6)
        for state in COLUMNS:
            items.add_column(t(labels.REVIEW_ACT[state]), key=state, width=4)
        items.add_column(t("col.text"), key="text", width=max(20, self.app.size.width - 56))
        units = self.query_one("#activity-units", DataTable)
        units.add_column(t("col.code"), width=7)
        units.add_column(t("col.role"), width=9)
        units.add_column(t("col.status"), width=16)
        units.add_column("%", width=4)
        units.add_column(t("col.name"), width=max(20, self.app.size.width - 52))
        self.compute()
        items.focus()

    def compute(self) -> None:
        self.rows = per_activity(self.rapp.registry, self.rapp.plan, self.view, roles=self.roles)
        self.fill()

    def fill(self) -> None:
        words = fold(self.query_one("#activity-id", VietInput).value).split()
        items = self.query_one("#activity-items", DataTable)
        items.clear()

        def matches(r: ActivityRow) -> bool:
            text = fold(f"{r.item.id} {r.item.number} {r.item.text}")
            return all(w in text for w in words)

        shown = [r for r in self.rows if matches(r)]
        for r in shown:
            items.add_row(
                r.item.number,
                *[str(r.count(state) or "") for state in COLUMNS],
                r.item.text,
                key=r.item.id,
            )
        units = sum(len(r.units) for r in shown)
        done = sum(r.count("hoan_thanh") for r in shown)
        self.query_one("#activity-summary", Static).update(
            t(
                "ui.review.activity_summary",
                items=len(shown),
                roles=t("ui.review.roles.lead" if len(self.roles) == 1 else "ui.review.roles.both"),
                done=done,
                units=units,
            )
        )
        self.show_units()

    @on(DataTable.RowHighlighted, "#activity-items")
    def show_units(self) -> None:
        items = self.query_one("#activity-items", DataTable)
        table = self.query_one("#activity-units", DataTable)
        table.clear()
        label = self.query_one("#activity-item", Static)
        if not items.row_count:
            label.update("")
            return
        key = items.coordinate_to_cell_key(items.cursor_coordinate).row_key.value
        row = next((r for r in self.rows if r.item.id == key), None)
        if row is None:
            return
        label.update(f"{row.item.number} ({row.item.id}) · {row.item.output or row.item.text}")
        for u in row.units:
            table.add_row(
                u.agency.code,
                t(labels.ROLE[u.role]),
                t(labels.REVIEW_ACT_LONG[u.state]),
                "" if u.progress is None else str(u.progress),
                u.agency.name,
                key=u.agency.code,
            )

    @on(DataTable.RowSelected, "#activity-units")
    async def _open_unit(self, event: DataTable.RowSelected) -> None:
        unit = next((r for r in self.view.rows if r.agency.code == event.row_key.value), None)
        if unit is not None:
            await self.open_unit(unit, self.view.period)

    @on(VietInput.Changed, "#activity-id")
    def _typed(self) -> None:
        self.fill()

    @on(VietInput.Submitted, "#activity-id")
    def _activity_done(self) -> None:
        self.query_one("#activity-items", DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#activity-id", VietInput).focus()

    def action_roles(self) -> None:
        self.roles = ("lead", "coordinate") if self.roles == ("lead",) else ("lead",)
        self.compute()

    def action_back(self) -> None:
        self.dismiss(None)


class ImportScreen(OnReviewApp, ModalScreen[bool]):
    """Import every bundle of a folder (a USB stick): a progress bar and one line per bundle —
    received, already there, or refused with its reason (never half-imported)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "run", "ui.review.key_import", id="import.run", priority=True),
        Binding("escape", "close", "key.back", id="import.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.import_title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.export.out"))
                yield VietInput(id="import-dir", value=str(Path.cwd()))
            with Horizontal(classes="row", id="import-ca-row"):
                yield Label(t("ui.review.import_ca"))
                yield VietInput(id="import-ca", placeholder="ca/ca.pem")
            bar = ProgressBar(id="import-progress", show_eta=False)
            yield bar
            yield Static("", id="import-log", markup=False)

    def on_mount(self) -> None:
        # the CA is asked for only until one is remembered (then `cchc import --ca` changes it)
        self.query_one("#import-ca-row").display = self.rapp.store.trust_ca() is None
        self.query_one("#import-dir", VietInput).focus()

    def action_run(self) -> None:
        if not self.busy:
            self.busy = True
            ca = self.query_one("#import-ca", VietInput).nfc_value.strip()
            self.run_import(
                Path(self.query_one("#import-dir", VietInput).nfc_value.strip()),
                Path(ca) if ca else None,
            )

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, folder: Path, ca_file: Path | None) -> None:
        from cchc_tui.services.anchors import trust_anchors
        from cchc_tui.services.importer import bundles_in, import_bundle

        app = self.rapp
        bar = self.query_one("#import-progress", ProgressBar)
        log = self.query_one("#import-log", Static)
        try:
            ca = trust_anchors(app.store, ca_file)
        except UserError as e:
            app.call_from_thread(log.update, "✗ " + e.message())
            self.busy = False
            return
        if ca_file is not None:
            app.call_from_thread(setattr, self.query_one("#import-ca-row"), "display", False)
        paths = bundles_in(folder) if folder.is_dir() else []
        lines: list[str] = [] if paths else [t("ui.review.import_none", dir=folder)]
        warnings: set[str] = set()
        for n, path in enumerate(paths, 1):
            try:
                done = import_bundle(app.store, path, ca[0], ca[1], actor=app.profile.officer)
                lines.append(("= " if done.already else "✓ ") + escape_controls(path.name))
                warnings.update(done.report.warnings)
                self.changed = self.changed or not done.already
            except UserError as e:
                lines.append(f"✗ {escape_controls(path.name)}: {escape_controls(e.message())}")
            except Exception as e:  # one line too (the disk full, a bug): the rest goes on
                detail = escape_controls(f"{type(e).__name__}: {e}")
                lines.append(
                    f"✗ {escape_controls(path.name)}: {t('error.unexpected', detail=detail)}"
                )
            app.call_from_thread(bar.update, total=len(paths), progress=n)
            app.call_from_thread(log.update, "\n".join(lines[-12:]))
        lines += [f"! {escape_controls(w)}" for w in sorted(warnings)]  # once, after the list
        app.call_from_thread(log.update, "\n".join(lines[-12:]))
        self.busy = False

    def action_close(self) -> None:
        if not self.busy:
            self.dismiss(self.changed)
