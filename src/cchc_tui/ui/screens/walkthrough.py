"""Cập nhật kỳ báo cáo: one item after another — overdue first, then due this period, then
ongoing — with its form open; a summary at the end of what changed and what is missing."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from cchc_tui.core.i18n import UserError, t
from cchc_tui.core.progress import status_label
from cchc_tui.core.registry_labels import labels
from cchc_tui.core.tracking import ItemStatus, WalkQueue, walk_queue
from cchc_tui.ui.app import DbFailed
from cchc_tui.ui.screens.base import BaseScreen
from cchc_tui.ui.screens.item import chain_text
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.item_form import ItemForm


class WalkthroughScreen(BaseScreen):
    HELP_TITLE = "key.walkthrough"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save_next", "key.save_next", id="walk.save_next", priority=True),
        Binding("pagedown", "next", "key.next", id="walk.next", priority=True),
        Binding("pageup", "previous", "key.previous", id="walk.previous", priority=True),
        Binding("escape", "finish", "key.finish", id="walk.finish"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.queue: WalkQueue = WalkQueue()
        self.items: list[ItemStatus] = []
        self.index = 0
        self.changed: dict[str, tuple[str | None, str]] = {}
        self.visited: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="walk-title", classes="title")
        with VerticalScroll(id="walk-body"):
            yield Static("", id="walk-group", classes="section")
            yield Static("", id="walk-chain")
            yield ItemForm(today=self.cchc.today, id="walk-form")
        yield Static("", id="walk-empty", classes="hint")
        yield I18nFooter()

    async def on_mount(self) -> None:
        ctx = self.ctx
        try:
            rows = await self.cchc.db(ctx.rows)
        except DbFailed:
            return
        self.queue = walk_queue(ctx.plan, rows, ctx.today)
        self.items = self.queue.items
        if not self.items:
            self.query_one("#walk-body").display = False
            self.query_one("#walk-empty", Static).update(t("ui.walk.empty"))
            return
        self.show()

    def group_of(self, row: ItemStatus) -> str:
        if row in self.queue.overdue:
            return t("ui.walk.group.overdue")
        if row in self.queue.due_this_period:
            return t("ui.walk.group.due")
        return t("ui.walk.group.ongoing")

    def show(self) -> None:
        ctx = self.ctx
        row = self.items[self.index]
        self.visited.add(row.item.id)
        self.query_one("#walk-title", Static).update(
            t(
                "ui.walk.title",
                period=ctx.plan.period_by_code(self.period_code).name,
                n=self.index + 1,
                total=len(self.items),
            )
        )
        self.query_one("#walk-group", Static).update(
            f"{self.group_of(row)} · {t('col.role')}: {t(f'role.{row.role}')}"
        )
        self.query_one("#walk-chain", Static).update(
            chain_text(ctx.plan, row.item, labels(ctx.registry, row.item), compact=True)
        )
        form = self.query_one(ItemForm)
        form.load(row)
        form.focus_first()
        self.query_one("#walk-body", VerticalScroll).scroll_home(animate=False)

    @property
    def period_code(self) -> str:
        from cchc_tui.core.periods import current_period

        return current_period(self.ctx.plan, self.ctx.today).code

    # -- moving --
    async def _save_current(self) -> bool:
        """Save the current item if it changed; False when the form is wrong."""
        form = self.query_one(ItemForm)
        if not form.dirty:
            return True
        values = form.values()
        if values is None:
            self.notify(t("ui.item.invalid"), severity="warning")
            return False
        ctx = self.ctx
        row = self.items[self.index]
        try:
            await self.cchc.db(ctx.save_progress, row.item.id, values)
        except UserError as e:
            self.notify(e.message(), severity="error")
            return False
        except DbFailed:
            return False
        before = self.changed.get(row.item.id, (row.status, ""))[0]
        self.changed[row.item.id] = (before, values.status)
        updated = await self.cchc.db(ctx.row, row.item.id)
        self.items[self.index] = updated
        self.notify(t("ui.item.saved", id=row.item.id))
        return True

    async def action_save_next(self) -> None:
        if not self.items:
            return
        if await self._save_current():
            await self._move(+1, check=False)

    async def action_next(self) -> None:
        await self._move(+1)

    async def action_previous(self) -> None:
        await self._move(-1)

    async def _move(self, step: int, *, check: bool = True) -> None:
        if not self.items:
            return
        if check and not await self.can_leave():
            return
        target = self.index + step
        if target >= len(self.items):
            await self.finish()
            return
        self.index = max(0, target)
        self.show()

    async def can_leave(self) -> bool:
        if not self.items or not self.query_one(ItemForm).dirty:
            return True
        from cchc_tui.ui.screens.modals import ConfirmLeave

        choice = await self.app.push_screen_wait(ConfirmLeave(self.items[self.index].item.id))
        if choice == "save":
            return await self._save_current()
        return choice == "discard"

    def action_finish(self) -> None:
        self.run_worker(self._finish_flow(), exclusive=True, group="walk")

    async def _finish_flow(self) -> None:
        if await self.can_leave():
            await self.finish()

    async def finish(self) -> None:
        ctx = self.ctx
        try:
            rows = await self.cchc.db(ctx.rows)
        except DbFailed:
            return
        in_queue = {r.item.id for r in self.items}
        now = [r for r in rows if r.item.id in in_queue]
        await self.cchc.switch_to(
            WalkSummary(ctx.plan.period_by_code(self.period_code).name, self.changed, now)
        )


class WalkSummary(BaseScreen):
    HELP_TITLE = "key.walkthrough"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "done", "key.back", id="summary.done"),
    ]

    def __init__(
        self, period: str, changed: dict[str, tuple[str | None, str]], rows: list[ItemStatus]
    ) -> None:
        super().__init__()
        self.period = period
        self.changed = changed
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="summary"):
            yield Static(t("ui.walk.summary", period=self.period), classes="title")
            yield Static(t("ui.walk.changed", count=len(self.changed)), classes="section")
            yield Static(self._changed_text(), id="summary-changed")
            missing = self._missing()
            yield Static(t("ui.walk.missing", count=len(missing)), classes="section")
            yield Static("\n".join(missing) or "  " + t("ui.overview.none"), id="summary-missing")
        yield I18nFooter()

    def _changed_text(self) -> str:
        if not self.changed:
            return "  " + t("ui.overview.none")
        return "\n".join(
            f"  {k:<8} {status_label(a)} → {status_label(b)}" for k, (a, b) in self.changed.items()
        )

    def _missing(self) -> list[str]:
        out = []
        for r in self.rows:
            why = []
            if r.status is None:
                why.append(t("ui.walk.missing.status"))
            if r.done and r.evidence_count == 0:
                why.append(t("ui.walk.missing.evidence"))
            if r.overdue:
                why.append(t("ui.walk.missing.overdue"))
            if why:
                out.append(f"  {r.item.id:<8} {', '.join(why)}")
        return out

    def action_done(self) -> None:
        self.app.action_show_overview()  # type: ignore[attr-defined]
