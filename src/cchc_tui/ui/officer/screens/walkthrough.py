"""Cập nhật kỳ báo cáo: one item after another — overdue first, then due this period, then
ongoing — with its form open; a summary at the end of what changed and what is missing."""

from __future__ import annotations

import dataclasses
from collections.abc import Coroutine
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from cchc_tui.core import glyphs
from cchc_tui.core import labels as code_labels
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.progress import status_label
from cchc_tui.core.registry_labels import labels
from cchc_tui.core.tracking import ItemStatus, WalkQueue, walk_queue
from cchc_tui.store.errors import StaleEdit
from cchc_tui.ui.guard import DbFailed, Guarded
from cchc_tui.ui.officer.screens.base import BaseScreen
from cchc_tui.ui.officer.screens.item import chain_text
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.item_form import ItemForm, ask_conflict


class WalkthroughScreen(Guarded, BaseScreen):
    HELP_TITLE = "key.walkthrough"
    DRAFT_FORM = "progress"  # the item form's drafts: one typed here is offered there too
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save_next", "key.save_next", id="walk.save_next", priority=True),
        Binding("pagedown", "next", "key.next", id="walk.next", priority=True),
        Binding("pageup", "previous", "key.previous", id="walk.previous", priority=True),
        Binding("escape", "finish", "key.finish", id="walk.finish"),
        Binding("f9", "documents", "key.evidence_here", id="walk.documents"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.queue: WalkQueue = WalkQueue()
        self.items: list[ItemStatus] = []
        self.index = 0
        self.changed: dict[str, tuple[str | None, str]] = {}
        self.visited: set[str] = set()
        self.versions: dict[str, int] = {}  # item id → version its row was read at

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        yield Static("", id="walk-title", classes="title")
        with VerticalScroll(id="walk-body", can_focus=False):
            yield Static("", id="walk-group", classes="section")
            yield Static("", id="walk-chain")
            yield ItemForm(today=self.cchc.today, id="walk-form")
        yield Static("", id="walk-empty", classes="hint")
        yield I18nFooter()

    async def on_mount(self) -> None:
        ctx = self.ctx
        try:
            rows, self.versions = await self.read(lambda: (ctx.rows(), ctx.progress_versions()))
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
            f"{self.group_of(row)} · {t('col.role')}: {t(code_labels.ROLE[row.role])}"
        )
        self.query_one("#walk-chain", Static).update(
            chain_text(ctx.plan, row.item, labels(ctx.registry, row.item), compact=True, row=row)
        )
        form = self.query_one(ItemForm)
        form.load(row)
        form.focus_first()
        self.query_one("#walk-body", VerticalScroll).scroll_home(animate=False)
        self.offer_draft(row.item.id, form.raw(), self._restore)

    async def action_documents(self) -> None:
        """The current item's documents, without leaving the walk-through (what is typed in
        the form stays: the picker is a dialog over it)."""
        from cchc_tui.ui.officer.screens.item_documents import pick_item_documents

        if not self.items:
            return
        row = self.items[self.index]

        async def counted() -> None:
            try:
                rows = await self.read(self.ctx.rows)
            except DbFailed:  # said on screen already, or the walk was left meanwhile
                return
            fresh = next((r for r in rows if r.item.id == row.item.id), None)
            if fresh is not None:
                count = fresh.evidence_count
                self.items[self.index] = dataclasses.replace(row, evidence_count=count)
                self.notify(t("ui.walk.documents", id=row.item.id, count=count))

        await pick_item_documents(self.cchc, row.item.id, counted)

    # -- the guard --
    def is_dirty(self) -> bool:
        return bool(self.items) and self.query_one(ItemForm).dirty

    def discard(self) -> None:
        if self.items:
            self.query_one(ItemForm).load(self.items[self.index])

    def guard_label(self) -> str:
        return t("ui.guard.item", id=self.items[self.index].item.id) if self.items else ""

    def draft_entries(self) -> dict[str, tuple[str, dict[str, str]]]:
        item_id = self.items[self.index].item.id
        raw = self.query_one(ItemForm).raw()
        base = self.versions.get(item_id, 0)
        return {item_id: (self.guard_label(), {**raw, "_base": str(base)})}

    def _restore(self, payload: dict[str, str]) -> None:
        item_id = self.items[self.index].item.id
        self.versions[item_id] = int(payload.get("_base", 0) or 0)
        self.query_one(ItemForm).set_raw(payload)

    async def save(self) -> bool:
        return await self._save_current()

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
        item_id = row.item.id
        while True:
            try:
                await self.cchc.db(
                    ctx.save_progress, item_id, values, self.versions.get(item_id, 0)
                )
            except StaleEdit as e:
                theirs = await self.cchc.db(ctx.row, item_id)
                self.items[self.index] = theirs
                self.versions[item_id] = e.latest
                if await ask_conflict(self.app, form, item_id, theirs, e) != "mine":
                    if not form.dirty:
                        self.forget_drafts(item_id)
                    return False
                continue
            except UserError as e:
                self.notify(e.message(), severity="error")
                return False
            except DbFailed:
                return False
            break
        self.forget_drafts(item_id)
        before = self.changed.get(item_id, (row.status, ""))[0]
        self.changed[item_id] = (before, values.status)
        updated, self.versions = await self.cchc.db(
            lambda: (ctx.row(item_id), ctx.progress_versions())
        )
        self.items[self.index] = updated
        self.form_loaded(updated)
        self.notify(t("ui.item.saved", id=item_id))
        return True

    def form_loaded(self, row: ItemStatus) -> None:
        """The saved values are the form's new baseline (it is clean again)."""
        self.query_one(ItemForm).load(row)

    # Moving is asked from a worker: a question about unsaved input waits for its answer
    # (PgDn from a dirty form crashed the app with NoActiveWorker).
    def action_save_next(self) -> None:
        if self.items:
            self._in_worker(self._save_next())

    async def _save_next(self) -> None:
        if await self._save_current():
            await self._move(+1, check=False)

    def action_next(self) -> None:
        self._in_worker(self._move(+1))

    def action_previous(self) -> None:
        self._in_worker(self._move(-1))

    def _in_worker(self, flow: Coroutine[Any, Any, None]) -> None:
        self.app.run_worker(flow, group="walk-move")

    async def _move(self, step: int, *, check: bool = True) -> None:
        if not self.items:
            return
        if check and not await self.confirm_leave():
            return
        target = self.index + step
        if target >= len(self.items):
            await self.finish()
            return
        self.index = max(0, target)
        self.show()

    def action_finish(self) -> None:
        self.leave_in_worker(self.finish)

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
    """What changed in the walk-through and what is still missing. The missing lines are a
    list: Enter on one opens that item; on the first, the items list with exactly them."""

    HELP_TITLE = "key.walkthrough"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "done", "key.back", id="summary.done"),
    ]

    def __init__(
        self, period: str, changed: dict[str, tuple[str | None, str]], rows: list[ItemStatus]
    ) -> None:
        super().__init__()
        self.period = period
        self.changed = changed
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        with VerticalScroll(id="summary"):
            yield Static(t("ui.walk.summary", period=self.period), classes="title")
            yield Static(t("ui.walk.changed", count=len(self.changed)), classes="section")
            yield Static(self._changed_text(), id="summary-changed", markup=False)
            missing = self._missing()
            yield Static(t("ui.walk.missing", count=len(missing)), classes="section")
            if missing:
                yield OptionList(
                    Option(t("ui.walk.open_missing", count=len(missing)), id="all"),
                    *(Option(line, id=item_id) for item_id, line in missing),
                    id="summary-missing",
                )
            else:
                yield Static("  " + t("ui.overview.none"))
        yield I18nFooter()

    def on_mount(self) -> None:
        for found in self.query("#summary-missing"):
            found.focus(scroll_visible=False)

    def _changed_text(self) -> str:
        if not self.changed:
            return "  " + t("ui.overview.none")
        return "\n".join(
            f"  {k:<8} {status_label(a)} → {status_label(b)}" for k, (a, b) in self.changed.items()
        )

    def _missing(self) -> list[tuple[str, str]]:
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
                out.append((r.item.id, f"{r.item.id:<8} {', '.join(why)}"))
        return out

    @on(OptionList.OptionSelected, "#summary-missing")
    async def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "all":
            ids = [item_id for item_id, _line in self._missing()]
            self.cchc.show_items_only(t("ui.items.only.walk_missing"), ids)
        elif event.option.id:
            from cchc_tui.ui.officer.screens.item import ItemScreen

            await self.app.push_screen(ItemScreen(event.option.id))

    def action_done(self) -> None:
        self.app.action_show_overview()  # type: ignore[attr-defined]
