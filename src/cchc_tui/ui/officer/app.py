"""The officer's app: first run, overview, assigned items, item form, walk-through, evidence."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from cchc_tui.config import Config
from cchc_tui.core.agencies import Registry
from cchc_tui.core.asof import AsOf, as_of
from cchc_tui.core.dates import format_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Plan
from cchc_tui.core.text import fold
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.datacache import shipped_registry
from cchc_tui.services.officer_desk import Context
from cchc_tui.store.errors import StoreError
from cchc_tui.store.leftovers import sweep_incoming
from cchc_tui.store.reader import NeedsUpgrade, ProfileView, Reader
from cchc_tui.ui.base_app import CchcAppBase
from cchc_tui.ui.guard import DbFailed
from cchc_tui.ui.widgets.footer import describe

T = TypeVar("T")


class Navigation(Provider):
    """Command palette: every screen and app action, by its Vietnamese (or English) name."""

    async def search(self, query: str) -> Hits:
        app = self.app
        assert isinstance(app, CchcApp)
        # accent-insensitive: "qua han" finds "Quá hạn"
        matcher = self.matcher(fold(query))

        def hit(label: str) -> tuple[float, Content]:
            folded = fold(label)
            score = matcher.match(folded)
            shown = Content(label)
            if score > 0 and len(folded) == len(label):
                for span in matcher.highlight(folded).spans:
                    shown = shown.stylize(span.style, span.start, span.end)
            return score, shown

        seen: set[str] = set()
        for label, action in app.palette_commands():
            seen.add(label)
            score, shown = hit(label)
            if score > 0:
                yield Hit(score, shown, partial(app.run_action, action))
        # and every key of the screen underneath, so that the palette reaches every action
        for active in self.screen.active_bindings.values():
            binding = active.binding
            label = describe(binding.description) if binding.description else ""
            if not label or label in seen:
                continue
            seen.add(label)
            score, shown = hit(label)
            if score > 0:
                yield Hit(
                    score,
                    shown,
                    partial(app.run_action, binding.action, active.node),
                    help=app.get_key_display(binding),
                )


class CchcApp(CchcAppBase):
    ENABLE_COMMAND_PALETTE = True
    COMMANDS: ClassVar = App.COMMANDS | {Navigation}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "key.help", id="app.help"),
        Binding("f3", "show_overview", "key.overview", id="app.overview"),
        Binding("f4", "show_items", "key.items", id="app.items"),
        Binding("f5", "show_evidence", "key.evidence", id="app.evidence"),
        Binding("f6", "walkthrough", "key.walkthrough", id="app.walkthrough"),
        Binding("f7", "show_scoring", "key.scoring", id="app.scoring"),
        Binding("f8", "show_export", "key.export", id="app.export"),
        Binding("ctrl+q", "quit", "key.quit", id="app.quit", priority=True, show=False),
    ]

    def __init__(
        self,
        db_path: Path,
        config: Config | None = None,
        *,
        today: date | None = None,
        registry: Registry | None = None,
        reader: Reader | None = None,
    ) -> None:
        super().__init__(config)
        self.db_path = Path(db_path)
        self.given_day = today  # --as-of (or the demo's day); None: from the plan's year
        self.today = today or date.today()  # until the plan is read (settle_day)
        self.as_of = AsOf(self.today, given=today is not None)
        self.registry = registry or shipped_registry()
        self.ctx: Context | None = None
        self._first_view: tuple[list[ItemStatus], dict[str, Any] | None] | None = None
        self._opened: Context | Exception | None = None  # read at load (on_load)
        self._reader = reader  # opened and checked by the command line: not opened again
        self.plans_held = 1  # the palette offers a choice when there are more
        self.title = t("ui.title")

    # -- start -----------------------------------------------------------------------------
    def on_load(self) -> None:
        """The database read before the terminal is taken over, in this thread (nothing is on
        screen yet to keep alive), so that the first frame drawn is the overview with its data:
        read in a worker once the app ran, an empty screen was drawn first and the read shared
        the interpreter with it (bench/bench_startup.py). What went wrong is said at mount."""
        try:
            self._opened = self._open_existing()
        except Exception as e:
            self._opened = e
        if isinstance(self._opened, Context):  # the overview names the drafts kept
            self.load_drafts(self.db_path)

    def get_default_screen(self) -> Screen[Any]:
        """The overview itself, when the database was read at load: the screen at the bottom of
        the stack (switch_to goes back to it), drawn first and once. Else an empty base, under
        the first-run screen."""
        if not isinstance(self._opened, Context):
            return super().get_default_screen()
        from cchc_tui.ui.officer.screens.overview import OverviewScreen

        self.ctx = self._opened
        self._name_header(self.ctx)
        first, self._first_view = self._first_view, None
        return OverviewScreen(first)

    async def _opened_at_load(self) -> Context | None:
        opened, self._opened = self._opened, None
        if isinstance(opened, Exception):
            raise opened
        return opened

    async def on_mount(self) -> None:
        self.apply_settings()
        try:
            ctx = await self._saying_errors(self._opened_at_load())
        except DbFailed:
            ctx = None
        if ctx is None:
            from cchc_tui.ui.officer.screens.first_run import FirstRunScreen

            await self.push_screen(FirstRunScreen())
        else:
            await self.start(ctx)
        self.collect_after_first_screen()

    def _open_existing(self) -> Context | None:
        if not self.db_path.exists():
            return None
        reader: Reader
        try:
            reader, self._reader = self._reader or Reader.open_current(self.db_path), None
        except NeedsUpgrade:
            from cchc_tui.store.service import Store  # migrates, after a backup copy

            reader = Store(self.db_path)
        profile = reader.profile()
        if profile is None:
            return None
        plan = reader.load_plan()
        self.plans_held = len(reader.plan_ids())
        self.settle_day(plan)
        ctx = Context(reader, self.registry, plan, profile, self.today)
        # the first screen's data, read here in the same thread: drawn once, with its data
        self._first_view = (ctx.rows(), reader.newest_receipt())
        return ctx

    def settle_day(self, plan: Plan) -> None:
        """The day the app works as of, now that the plan's year is known (core/asof.py)."""
        self.as_of = as_of(plan.plan.year, date.today(), self.given_day)
        self.today = self.as_of.day

    async def start(self, ctx: Context) -> None:
        from cchc_tui.ui.officer.screens.overview import OverviewScreen

        self.ctx = ctx
        self._name_header(ctx)
        await self.open_session(self.db_path, self.today)
        if not isinstance(self.screen_stack[0], OverviewScreen):  # after the first-run screen
            await self.switch_to(OverviewScreen())
        if ctx.reader.network_drive:  # rollback journal: store/location.py
            self.notify(t("db.network_drive_short"), severity="warning", timeout=12)
        if self.several_plans:
            self.notify(t("ui.plan.several", count=self.plans_held, plan=ctx.plan.plan.number))
        if self.as_of.ended:
            self.notify(
                t("ui.plan_ended", year=ctx.plan.plan.year, day=format_date(self.as_of.day)),
                timeout=12,
            )
        # Open the writer (SQLAlchemy) in the background once the first screen has drawn;
        # started at once, its imports would compete with that first screen for the GIL.
        self.set_timer(0.5, lambda: self.run_worker(self._warm_up, thread=True, group="warm"))

    def _name_header(self, ctx: Context) -> None:
        self.sub_title = f"{ctx.profile.agency_name} · {ctx.plan.plan.number}"
        if self.as_of.shown:  # first: at 80 columns the end of the header is cut off
            day = t("ui.as_of", day=format_date(self.as_of.day))
            self.sub_title = f"{day} · {self.sub_title}"

    async def use_profile(self, profile: ProfileView) -> None:
        """Go on as the database's new agency/officer (after `change_profile`): the same
        database and plan, everything shown again from the overview."""
        from cchc_tui.ui.officer.screens.overview import OverviewScreen

        assert self.ctx is not None
        self.ctx = replace(self.ctx, profile=profile)
        self._name_header(self.ctx)
        await self.switch_to(OverviewScreen())

    @property
    def several_plans(self) -> bool:
        return self.plans_held > 1

    def action_choose_plan(self) -> None:
        """Several plans held (another year's, a revised one): work on another."""
        if self.ctx is not None:
            self.run_worker(self._choose_plan(), group="nav")

    async def _choose_plan(self) -> None:
        from cchc_tui.ui.dialogs import ChooseOne
        from cchc_tui.ui.officer.screens.overview import OverviewScreen

        ctx = self.ctx
        assert ctx is not None
        try:
            held = await self.db(ctx.reader.plan_list)
        except DbFailed:
            return
        lines = [
            (p.id, t("ui.plan.choice", number=p.number, year=p.year, title=p.title)) for p in held
        ]
        chosen = await self.push_screen_wait(
            ChooseOne(t("ui.plan.choose"), lines, current=ctx.plan.id)
        )
        if chosen is None or chosen == ctx.plan.id:
            return
        if not await self.leave_all():  # what is typed: saved, dropped or kept first
            return
        try:
            plan = await self.db(ctx.reader.load_plan, chosen)
        except DbFailed:
            return
        self.settle_day(plan)
        self.ctx = replace(ctx, plan=plan, today=self.today)
        self._name_header(self.ctx)
        await self.switch_to(OverviewScreen())

    def action_change_profile(self) -> None:
        if self.ctx is not None:
            from cchc_tui.ui.officer.screens.first_run import ChangeProfileScreen

            self.push_screen(ChangeProfileScreen(self.ctx.profile))

    def _warm_up(self) -> None:
        if self.ctx is not None:
            with contextlib.suppress(StoreError):  # said again, on screen, when a save needs it
                self.ctx.store  # noqa: B018 - opening it is the point
            # temp files of evidence copies cut short by a crash (old enough not to be a
            # second copy's copy in progress)
            sweep_incoming(self.db_path.with_name(self.db_path.name + ".files"))

    async def switch_to(self, screen: Screen[Any]) -> None:
        """Replace everything above the base screen by ``screen``. When the base is the
        overview (get_default_screen) and ``screen`` is one too, the base is shown again and
        read afresh instead."""
        from cchc_tui.ui.officer.screens.overview import OverviewScreen

        popped = len(self.screen_stack) > 1
        while len(self.screen_stack) > 1:
            self.pop_screen()
        base = self.screen_stack[0]
        if isinstance(screen, OverviewScreen) and isinstance(base, OverviewScreen):
            if not popped:  # shown again (resumed) reads afresh by itself
                await base.refresh_data()
            return
        await self.push_screen(screen)

    def on_unmount(self) -> None:
        self.close_session()
        if self.ctx is not None:
            self.ctx.close()

    # -- database calls in a worker thread -------------------------------------------------------
    async def db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn`` in a thread; a database or input error is a message, not a crash."""
        return await self._saying_errors(asyncio.to_thread(fn, *args, **kwargs))

    async def _saying_errors(self, work: Awaitable[T]) -> T:
        try:
            got = await work
        except StoreError as e:
            self.notify(e.message(), title=t("error.prefix"), severity="error", timeout=8)
            raise DbFailed(e.key) from e
        except UserError:
            raise
        except Exception as e:  # a bug: keep the app alive and say so
            self.notify(
                t("ui.db_error", detail=f"{type(e).__name__}: {e}"),
                severity="error",
                timeout=10,
            )
            raise DbFailed(str(e)) from e
        self.note_new_data()
        return got

    # -- actions ---------------------------------------------------------------------------------
    def _has_ctx(self) -> bool:
        return self.ctx is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {
            "show_overview",
            "show_items",
            "show_evidence",
            "walkthrough",
            "show_scoring",
            "show_export",
        }:
            return self._has_ctx()
        return True

    def action_show_overview(self) -> None:
        from cchc_tui.ui.officer.screens.overview import OverviewScreen

        if isinstance(self.screen, OverviewScreen):  # F3 on the overview: read it afresh
            self.run_worker(self.screen.refresh_data(), group="nav")
            return
        self.run_worker(self._show(OverviewScreen), group="nav")

    def action_show_items(self) -> None:
        from cchc_tui.ui.officer.screens.items import ItemsScreen

        self.run_worker(self._show(ItemsScreen), group="nav")

    def show_items_only(self, what: str, item_ids: list[str]) -> None:
        """The items list with exactly these items (c shows them all again)."""
        from cchc_tui.ui.officer.screens.items import ItemsScreen

        async def show() -> None:
            if self._has_ctx() and await self.leave_all():
                await self.switch_to(ItemsScreen(only=(what, item_ids)))

        self.run_worker(show(), group="nav")

    def action_show_evidence(self) -> None:
        from cchc_tui.ui.officer.screens.evidence import EvidenceScreen

        self.run_worker(self._show(EvidenceScreen), group="nav")

    def action_show_scoring(self) -> None:
        from cchc_tui.ui.officer.screens.scoring import ScoringScreen

        self.run_worker(self._show(ScoringScreen), group="nav")

    def action_show_export(self) -> None:
        from cchc_tui.ui.officer.screens.export import ExportScreen

        self.run_worker(self._show(ExportScreen), group="nav")

    def action_show_period_report(self) -> None:
        from cchc_tui.ui.officer.screens.period_report import PeriodReportScreen

        if self._has_ctx() and not isinstance(self.screen, PeriodReportScreen):
            self.push_screen(PeriodReportScreen())

    def action_walkthrough(self) -> None:
        from cchc_tui.ui.officer.screens.walkthrough import WalkthroughScreen

        self.run_worker(self._show(WalkthroughScreen), group="nav")

    async def _show(self, cls: type[Screen[Any]]) -> None:
        if not self._has_ctx():
            return
        if isinstance(self.screen, cls):
            return
        if not await self.leave_all():  # every dirty form in the stack: saved, dropped or kept
            return
        await self.switch_to(cls())

    def action_help(self) -> None:
        from cchc_tui.config import config_path
        from cchc_tui.services.backup import locations
        from cchc_tui.ui.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            config = self.config.path or config_path()
            places = locations(self.db_path.absolute(), config)
            self.push_screen(HelpScreen(self.screen, places=places))

    def palette_commands(self) -> list[tuple[str, str]]:
        cmds = [
            (t("key.help"), "help"),
            (t("key.quit"), "quit"),
            (t("ui.cmd.theme"), "toggle_ansi"),
        ]
        if self._has_ctx():
            cmds = [
                (t("ui.overview.title"), "show_overview"),
                (t("ui.items.title"), "show_items"),
                (t("ui.evidence.title"), "show_evidence"),
                (t("key.walkthrough"), "walkthrough"),
                (t("ui.score.title"), "show_scoring"),
                (t("ui.export.title"), "show_export"),
                (t("ui.report.title"), "show_period_report"),
                (t("ui.change_profile.title"), "change_profile"),
                *([(t("ui.plan.choose"), "choose_plan")] if self.several_plans else []),
                *cmds,
            ]
        return cmds

    def action_toggle_ansi(self) -> None:
        self.use_theme("textual-dark" if self.theme.startswith("ansi") else "ansi-dark")

    @property
    def ascii_bars(self) -> bool:
        return self.theme.startswith("ansi")
