"""The review desk (reviewer mode, `cchc review`): the expected units of a period with what was
received, late or missing, completeness and self totals; one agency's submission next to the
reviewer's state and comments. Keyboard only, Vietnamese first, 80×24."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Label, ProgressBar, Select, Static

from cchc_tui.config import Config
from cchc_tui.core.agencies import Registry
from cchc_tui.core.dates import format_date
from cchc_tui.core.i18n import UserError, set_language, t
from cchc_tui.core.periods import current_period
from cchc_tui.core.plan import Plan
from cchc_tui.core.progress import status_label
from cchc_tui.core.review import STATES as _STATES
from cchc_tui.core.review import Overview, UnitRow, overview, ranking
from cchc_tui.core.scoring import num
from cchc_tui.core.text import fold
from cchc_tui.store.service import Store
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput

T = TypeVar("T")
FILTERS = ("all", "missing", "late", "on_time")
SORTS = ("code", "state", "completeness", "total")


class ReviewApp(App[None]):
    CSS_PATH = "cchc.tcss"
    TITLE = "cchc-tui"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "key.quit", id="review.quit", priority=True, show=False),
    ]

    def __init__(self, db: Path, config: Config | None = None, *, today: date | None = None):
        self.config = config or Config()
        set_language(self.config.lang)
        super().__init__()
        self.store = Store(db)
        self.registry = Registry.load()
        self.plan: Plan = self.store.load_plan()
        self.profile = self.store.require_profile()
        self.today = today or date.today()
        self.theme = self.config.theme
        self.title = t("ui.review.title")
        self.sub_title = self.profile.agency_name

    async def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        await self.push_screen(ReviewOverviewScreen())

    def on_unmount(self) -> None:
        self.store.close()

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            return await asyncio.to_thread(fn, *args)
        except UserError as e:
            self.notify(e.message(), severity="error", timeout=8)
            raise

    def compute(self, period: str) -> Overview:
        from cchc_tui.bundle.importer import latest_for_period

        return overview(
            self.registry,
            self.plan,
            self.profile.agency_code,
            period,
            latest_for_period(self.store, self.plan.id, period),
        )


class ReviewOverviewScreen(Screen[None]):
    HELP_TITLE = "ui.review.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "ui.review.key_sort", id="review.sort"),
        Binding("f", "filter", "ui.review.key_filter", id="review.filter"),
        Binding("slash", "search", "key.search", id="review.search"),
        Binding("r", "ranking", "ui.review.key_ranking", id="review.ranking"),
        Binding("a", "activity", "ui.review.key_activity", id="review.activity"),
        Binding("i", "import", "ui.review.key_import", id="review.import"),
        Binding("escape", "end_search", "key.back", id="review.end_search", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: Overview | None = None
        self.sort = "code"
        self.filter = "all"
        self.query_text = ""

    @property
    def rapp(self) -> ReviewApp:
        assert isinstance(self.app, ReviewApp)
        return self.app

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
            ("state", "col.status", 10),
            ("full", "ui.review.col.full", 7),
            ("total", "ui.score.col.self", 7),
            ("name", "col.name", max(20, self.app.size.width - 58)),
        ):
            table.add_column(t(label), key=key, width=width)
        period = current_period(self.rapp.plan, self.rapp.today).code
        self.query_one("#review-period", Select).value = period
        table.focus()

    @on(Select.Changed, "#review-period")
    async def _period(self) -> None:
        period = self.query_one("#review-period", Select).value
        self.view = await self.rapp.db(self.rapp.compute, str(period))
        self.refill()

    async def on_screen_resume(self) -> None:
        if self.view is not None:
            self.view = await self.rapp.db(self.rapp.compute, self.view.period)
            self.refill()

    def rows(self) -> list[UnitRow]:
        assert self.view is not None
        words = fold(self.query_text).split()
        rows = [
            r
            for r in self.view.rows
            if (self.filter == "all" or r.state == self.filter)
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
        ranks = {r.row.agency.code: r.rank for r in ranking(view)}
        table = self.query_one("#review-units", DataTable)
        table.clear()
        for r in self.rows():
            table.add_row(
                str(ranks.get(r.agency.code, "")),
                r.agency.code,
                t(f"ui.review.state.{r.state}"),
                f"{num(r.completeness)}%",
                "" if r.self_total is None else num(r.self_total),
                r.agency.name,
                key=r.agency.code,
            )
        self.query_one("#review-stats", Static).update(
            t(
                "ui.review.stats",
                received=view.received,
                expected=view.expected,
                rate=num(view.on_time_rate),
                due=format_date(view.due),
                sort=t(f"ui.review.sort.{self.sort}"),
                filter=t(f"ui.review.filter.{self.filter}"),
            )
        )

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refill()

    def action_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.refill()

    def action_search(self) -> None:
        box = self.query_one("#review-search", VietInput)
        box.display = True
        box.focus()

    @on(VietInput.Changed, "#review-search")
    def _typed(self, event: VietInput.Changed) -> None:
        self.query_text = event.value
        self.refill()

    def action_end_search(self) -> None:
        box = self.query_one("#review-search", VietInput)
        box.value, box.display, self.query_text = "", False, ""
        self.query_one("#review-units", DataTable).focus()
        self.refill()

    async def action_import(self) -> None:
        async def done(changed: bool | None) -> None:
            if changed and self.view is not None:
                self.view = await self.rapp.db(self.rapp.compute, self.view.period)
                self.refill()

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
        if row.received is not None:
            await self.app.push_screen(ReviewAgencyScreen(row, self.view.period))


class CommentModal(ModalScreen[tuple[str, str] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="comment.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="comment.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.comment_title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.review.target"))
                yield VietInput(id="comment-target", value="general")
            with Horizontal(classes="row"):
                yield Label(t("ui.review.text"))
                yield VietInput(id="comment-text")

    def on_mount(self) -> None:
        self.query_one("#comment-text", VietInput).focus()

    def action_save(self) -> None:
        self.dismiss(
            (
                self.query_one("#comment-target", VietInput).nfc_value.strip(),
                self.query_one("#comment-text", VietInput).nfc_value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class AppraiseModal(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2,enter", "save", "key.save", id="appraise.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="appraise.cancel"),
    ]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="comment-form"):
            yield Static(t("ui.review.appraise_title", code=self.code), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.review.col.appraisal"))
                yield VietInput(id="appraise-points", restrict=r"[0-9.,]*", max_length=6)

    def on_mount(self) -> None:
        self.query_one("#appraise-points", VietInput).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one("#appraise-points", VietInput).value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReviewAgencyScreen(Screen[None]):
    HELP_TITLE = "ui.review.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="agency.back"),
        Binding("t", "state", "ui.review.key_state", id="agency.state"),
        Binding("c", "comment", "ui.review.key_comment", id="agency.comment"),
        Binding("p", "appraise", "ui.review.key_appraise", id="agency.appraise"),
    ]

    def __init__(self, row: UnitRow, period: str) -> None:
        super().__init__()
        self.row = row
        self.period = period

    @property
    def rapp(self) -> ReviewApp:
        assert isinstance(self.app, ReviewApp)
        return self.app

    def compose(self) -> ComposeResult:
        got = self.row.received
        assert got is not None
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
                    received=got.received_at.strftime("%d/%m/%Y %H:%M"),
                    signed=got.signing_time.strftime("%d/%m/%Y %H:%M") if got.signing_time else "—",
                ),
                classes="info",
            )
            yield Static("", id="agency-review", classes="section", markup=False)
            yield DataTable(id="agency-items", cursor_type="row", zebra_stripes=True)
            yield Static(t("ui.review.scores"), classes="section")
            yield DataTable(id="agency-scores", cursor_type="row", zebra_stripes=True)
        yield I18nFooter()

    async def on_mount(self) -> None:
        table = self.query_one("#agency-items", DataTable)
        table.add_column(t("col.id"), width=8)
        table.add_column(t("col.status"), width=16)
        table.add_column("%", width=4)
        table.add_column(t("ui.item.note"), width=max(20, self.app.size.width - 40))
        got = self.row.received
        assert got is not None
        for item in got.submission.get("items", []):
            table.add_row(
                item.get("id", ""),
                status_label(item.get("status")),
                str(item.get("progress", "")),
                item.get("note", ""),
            )
        scores = self.query_one("#agency-scores", DataTable)
        scores.add_column(t("ui.score.col.code"), key="code", width=7)
        scores.add_column(t("ui.score.col.self"), key="self", width=8)
        scores.add_column(t("ui.review.col.appraisal"), key="appraisal", width=9)
        scores.add_column(
            t("ui.score.suggestion"), key="why", width=max(20, self.app.size.width - 34)
        )
        await self.refresh_review()
        await self.refresh_scores()
        table.focus()

    def _appraisals(self) -> dict[str, str]:
        from sqlmodel import col, select

        from cchc_tui.store.models import Appraisal

        got = self.row.received
        assert got is not None
        with self.rapp.store._read() as s:
            rows = s.exec(
                select(Appraisal)
                .where(Appraisal.bundle_id == got.bundle_id)
                .order_by(col(Appraisal.round))
            ).all()
        return {a.code: a.points for a in rows}  # the latest round wins

    async def refresh_scores(self) -> None:
        got = self.row.received
        assert got is not None
        appraised = await self.rapp.db(self._appraisals)
        table = self.query_one("#agency-scores", DataTable)
        table.clear()
        for sub in ((got.submission.get("scores") or [{}])[0]).get("subs", []):
            code = str(sub.get("code"))
            table.add_row(
                code,
                sub.get("self") or "",
                appraised.get(code, ""),
                sub.get("explanation", ""),
                key=code,
            )

    async def action_appraise(self) -> None:
        from cchc_tui.bundle import review_store as rs

        table = self.query_one("#agency-scores", DataTable)
        if not table.row_count:
            return
        code = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""

        async def done(points: str | None) -> None:
            if not points:
                return
            bundle = await self.rapp.db(
                rs.latest_bundle,
                self.rapp.store,
                self.row.agency.code,
                self.rapp.plan.id,
                self.period,
            )
            try:
                await self.rapp.db(
                    lambda: rs.appraise(
                        self.rapp.store,
                        bundle,
                        code,
                        points,
                        round_=1,
                        actor=self.rapp.profile.officer,
                    )
                )
            except UserError:
                return
            await self.refresh_scores()

        await self.app.push_screen(AppraiseModal(code), done)

    def _review_text(self) -> str:
        from sqlmodel import col, select

        from cchc_tui.store.models import ReviewComment, ReviewState

        got = self.row.received
        assert got is not None
        with self.rapp.store._read() as s:
            states = s.exec(
                select(ReviewState)
                .where(ReviewState.bundle_id == got.bundle_id)
                .order_by(col(ReviewState.id))
            ).all()
            comments = s.exec(
                select(ReviewComment)
                .where(ReviewComment.bundle_id == got.bundle_id)
                .order_by(col(ReviewComment.id))
            ).all()
        state = states[-1].state if states else "da_nhan"
        lines = [t("ui.review.current_state", state=t(f"ui.review.rstate.{state}"))]
        lines += [f"  [{c.target}] {c.text} — {c.by}" for c in comments]
        return "\n".join(lines)

    async def refresh_review(self) -> None:
        self.query_one("#agency-review", Static).update(await self.rapp.db(self._review_text))

    async def action_state(self) -> None:
        from cchc_tui.bundle import review_store as rs

        text = await self.rapp.db(self._review_text)
        current = next(
            (s for s in _STATES if t(f"ui.review.rstate.{s}") in text.splitlines()[0]), "da_nhan"
        )
        nxt = _STATES[(_STATES.index(current) + 1) % len(_STATES)]
        bundle = await self.rapp.db(
            rs.latest_bundle, self.rapp.store, self.row.agency.code, self.rapp.plan.id, self.period
        )
        await self.rapp.db(
            lambda: rs.set_state(self.rapp.store, bundle, nxt, actor=self.rapp.profile.officer)
        )
        await self.refresh_review()

    async def action_comment(self) -> None:
        from cchc_tui.bundle import review_store as rs

        async def done(result: tuple[str, str] | None) -> None:
            if not result:
                return
            target, text = result
            bundle = await self.rapp.db(
                rs.latest_bundle,
                self.rapp.store,
                self.row.agency.code,
                self.rapp.plan.id,
                self.period,
            )
            try:
                await self.rapp.db(
                    lambda: rs.add_comment(
                        self.rapp.store, bundle, target, text, actor=self.rapp.profile.officer
                    )
                )
            except UserError:
                return
            await self.refresh_review()

        await self.app.push_screen(CommentModal(), done)

    def action_back(self) -> None:
        self.dismiss(None)


class RankingScreen(Screen[None]):
    """The ranking of the period: appraised totals where there are appraisals, else the self
    total (marked), equal totals sharing a rank."""

    HELP_TITLE = "ui.review.ranking"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="ranking.back"),
    ]

    def __init__(self, view: Overview) -> None:
        super().__init__()
        self.view = view

    @property
    def rapp(self) -> ReviewApp:
        assert isinstance(self.app, ReviewApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("ui.review.ranking_title", period=self.view.period), classes="title")
        yield DataTable(id="ranking", cursor_type="row", zebra_stripes=True)
        yield I18nFooter()

    async def on_mount(self) -> None:
        from cchc_tui.bundle.review_store import appraisal_totals

        table = self.query_one("#ranking", DataTable)
        table.add_column(t("ui.review.col.rank"), width=5)
        table.add_column(t("col.code"), width=7)
        table.add_column(t("ui.review.col.points"), width=8)
        table.add_column(t("ui.review.col.kind"), width=10)
        table.add_column(t("ui.review.col.grade"), width=10)
        table.add_column(t("col.name"), width=max(20, self.app.size.width - 50))
        bundles = {r.agency.code: r.received.bundle_id for r in self.view.rows if r.received}
        appraised = await self.rapp.db(appraisal_totals, self.rapp.store, bundles)
        for r in ranking(self.view, appraised):
            table.add_row(
                str(r.rank),
                r.row.agency.code,
                num(r.total),
                t("ui.review.appraised") if r.appraised else t("ui.review.self"),
                r.row.grade,
                r.row.agency.name,
            )
        table.focus()

    def action_back(self) -> None:
        self.dismiss(None)


class ActivityScreen(Screen[None]):
    """One activity across the units: who reports it done, in progress or not started."""

    HELP_TITLE = "ui.review.key_activity"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="activity.back"),
    ]

    def __init__(self, view: Overview) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="row", id="activity-top"):
            yield Label(t("ui.review.activity_label"))
            yield VietInput(id="activity-id", placeholder="hd3.8")
        yield Static("", id="activity-summary", classes="title")
        yield DataTable(id="activity-units", cursor_type="row", zebra_stripes=True)
        yield I18nFooter()

    def on_mount(self) -> None:
        table = self.query_one("#activity-units", DataTable)
        table.add_column(t("col.code"), width=7)
        table.add_column(t("col.role"), width=9)
        table.add_column(t("col.status"), width=16)
        table.add_column("%", width=4)
        table.add_column(t("col.name"), width=max(20, self.app.size.width - 46))
        self.query_one("#activity-id", VietInput).focus()

    @on(VietInput.Changed, "#activity-id")
    def _typed(self, event: VietInput.Changed) -> None:
        item_id = fold(event.value).strip()
        table = self.query_one("#activity-units", DataTable)
        table.clear()
        counts: dict[str, int] = {}
        for r in self.view.rows:
            if r.received is None or not item_id:
                continue
            items = r.received.submission.get("items", [])
            item = next((i for i in items if fold(str(i.get("id", ""))) == item_id), None)
            if item is None:
                continue
            status = item.get("status")
            counts[status_label(status)] = counts.get(status_label(status), 0) + 1
            role = item.get("role")
            table.add_row(
                r.agency.code,
                t(f"role.{role}") if role else "",
                status_label(status),
                str(item.get("progress", "")),
                r.agency.name,
            )
        self.query_one("#activity-summary", Static).update(
            " · ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
        )

    def action_back(self) -> None:
        self.dismiss(None)


class ImportScreen(ModalScreen[bool]):
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

    @property
    def rapp(self) -> ReviewApp:
        assert isinstance(self.app, ReviewApp)
        return self.app

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="comment-form"):
            yield Static(t("ui.review.import_title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.export.out"))
                yield VietInput(id="import-dir", value=str(Path.cwd()))
            bar = ProgressBar(id="import-progress", show_eta=False)
            yield bar
            yield Static("", id="import-log", markup=False)

    def on_mount(self) -> None:
        self.query_one("#import-dir", VietInput).focus()

    def action_run(self) -> None:
        if not self.busy:
            self.busy = True
            self.run_import(Path(self.query_one("#import-dir", VietInput).nfc_value.strip()))

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, folder: Path) -> None:
        from cchc_tui.bundle.importer import ImportRefused, import_bundle

        app = self.rapp
        bar = self.query_one("#import-progress", ProgressBar)
        log = self.query_one("#import-log", Static)
        paths = sorted(folder.glob("*.zip")) if folder.is_dir() else []
        lines: list[str] = [] if paths else [t("ui.review.import_none", dir=folder)]
        ca = app.store.trust_ca()
        for n, path in enumerate(paths, 1):
            try:
                if ca is None:
                    raise ImportRefused("import.no_ca")
                done = import_bundle(app.store, path, ca[0], ca[1], actor=app.profile.officer)
                lines.append(("= " if done.already else "✓ ") + f"{path.name}")
                self.changed = self.changed or not done.already
            except UserError as e:
                lines.append(f"✗ {path.name}: {e.message()}")
            app.call_from_thread(bar.update, total=len(paths), progress=n)
            app.call_from_thread(log.update, "\n".join(lines[-12:]))
        app.call_from_thread(log.update, "\n".join(lines[-12:]))
        self.busy = False

    def action_close(self) -> None:
        if not self.busy:
            self.dismiss(self.changed)
