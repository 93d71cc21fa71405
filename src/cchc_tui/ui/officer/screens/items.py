"""Nhiệm vụ: every assigned item in a table; single-key filters; / searches as you type. The
columns are short so the text column keeps at least 30 characters at 80 columns, and the line
under the table says the highlighted item in full. Space marks rows ([x]), * marks every row
shown; u sets one status for the marked rows, k carries the last period's status over for the
items untouched since (screens/bulk.py)."""

from __future__ import annotations

import textwrap
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.widgets import DataTable, Header, Static

from cchc_tui.core import glyphs, labels
from cchc_tui.core.dates import format_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.milestones import describe, first_missed
from cchc_tui.core.progress import STATUSES, status_label
from cchc_tui.core.text import fold
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.ui.guard import DbFailed
from cchc_tui.ui.officer.screens.base import BaseScreen
from cchc_tui.ui.widgets.fast_table import FastTable
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput

ROLES = ("lead", "coordinate")
# a row's mark in letters, not colour alone; Text, or the table reads "[x]" as markup
MARK = {True: Text("[x]"), False: Text("[ ]")}


class ItemsScreen(BaseScreen):
    HELP_TITLE = "ui.items.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "key.open", id="items.open", show=False),
        Binding("slash", "search", "key.search", id="items.search"),
        Binding("a", "cycle_area", "key.filter_area", id="items.area"),
        Binding("r", "cycle_role", "key.filter_role", id="items.role"),
        Binding("s", "cycle_status", "key.filter_status", id="items.status"),
        Binding("o", "toggle_overdue", "key.filter_overdue", id="items.overdue"),
        Binding("n", "toggle_commented", "key.filter_commented", id="items.commented"),
        Binding("c", "clear_filters", "key.filter_clear", id="items.clear"),
        Binding("space", "mark", "key.mark", id="items.mark"),
        Binding("asterisk", "mark_all", "key.mark_all", id="items.mark_all", show=False),
        Binding("u", "bulk", "key.bulk", id="items.bulk"),
        Binding("k", "carry_over", "key.carry_over", id="items.carry_over"),
        Binding("escape", "end_search", "key.back", id="items.end_search", show=False),
    ]

    # The filters and the search text: setting one shows the rows it lets through
    area: var[str | None] = var(None, init=False)
    role: var[str | None] = var(None, init=False)
    status: var[str | None] = var("__all__", init=False)  # None: not started
    only_overdue: var[bool] = var(False, init=False)
    only_commented: var[bool] = var(False, init=False)
    query_text: var[str] = var("", init=False)
    # exactly these items (a pre-flight or summary line opened the list): what they are, which
    only: var[tuple[str, frozenset[str]] | None] = var(None, init=False)

    def __init__(self, only: tuple[str, list[str]] | None = None) -> None:
        super().__init__()
        if only is not None:
            self.set_reactive(ItemsScreen.only, (only[0], frozenset(only[1])))
        self.rows: list[ItemStatus] = []
        self.commented: set[str] = set()  # items Sở Nội vụ commented on (imported receipts)
        self._hay: dict[str, str] = {}
        self._cells: dict[str, tuple[str | Text, ...]] = {}
        self._shown: list[str] = []
        self._stale = True
        self.marked: set[str] = set()  # rows marked for a bulk update (Space)

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        yield Static("", id="filters", markup=False)
        search = VietInput(placeholder=t("ui.items.search_placeholder"), id="search")
        search.display = False
        yield search
        yield FastTable(id="items", cursor_type="row", zebra_stripes=True)
        yield Static("", id="item-detail", markup=False)
        yield I18nFooter()

    def on_mount(self) -> None:
        self._columns()
        self.query_one("#items", DataTable).focus()

    def _columns(self) -> None:
        table = self.query_one("#items", DataTable)
        table.clear(columns=True)
        self._stale = True
        table.add_column("", key="mark", width=3)  # [x] / [ ]: says itself
        for label, key, width in (
            ("ui.col.no", "id", 7),
            ("ui.col.role_short", "role", 2),
            ("ui.col.due", "due", 6),
            ("ui.col.status_short", "status", 8),
            ("ui.col.pct", "pct", 3),
            ("ui.col.evidence_short", "ev", 2),
        ):
            table.add_column(t(label), key=key, width=width)
        table.add_column(t("ui.col.text"), key="text", width=self.text_width())

    async def on_screen_resume(self) -> None:
        await self.reload()

    async def reload(self) -> None:
        ctx = self.ctx
        try:
            self.rows = await self.read(ctx.rows)
            comments = await self.read(ctx.reader.reviewer_comments)
        except DbFailed:
            return
        self.commented = {
            str(c.get("target", "")).removeprefix("item:")
            for c in comments
            if str(c.get("target", "")).startswith("item:")
        }
        self._prepare()
        self.refill()

    FIXED_WIDTH = 3 + 7 + 2 + 6 + 8 + 3 + 2  # the columns before the text
    COLUMNS = 8

    def text_width(self) -> int:
        """What is left for the text column, so the table never scrolls sideways."""
        width = self.size.width or self.app.size.width
        # cell padding (one each side of every column), the scroll bar
        return max(12, width - self.FIXED_WIDTH - 2 * self.COLUMNS - 2)

    def on_resize(self) -> None:
        self._columns()
        if self.rows:
            self._prepare()
            self.refill()

    # -- filtering --
    def _filter_changed(self) -> None:
        if self.is_mounted:
            self.refill()

    watch_area = watch_role = watch_status = _filter_changed
    watch_only_overdue = watch_only_commented = watch_query_text = watch_only = _filter_changed

    def visible_rows(self) -> list[ItemStatus]:
        words = fold(self.query_text).split()
        return [
            r
            for r in self.rows
            if (self.area is None or r.item.area == self.area)
            and (self.role is None or r.role == self.role)
            and (self.status == "__all__" or r.status == self.status)
            and (not self.only_overdue or r.overdue)
            and (not self.only_commented or r.item.id in self.commented)
            and (self.only is None or r.item.id in self.only[1])
            and all(w in self._hay[r.item.id] for w in words)
        ]

    def _prepare(self) -> None:
        """Format every row and fold its searchable text once, not on every key."""
        self._stale = True
        width = self.text_width()
        self._hay = {
            r.item.id: fold(f"{r.item.id} {r.item.number} {r.item.text} {r.item.output}")
            for r in self.rows
        }
        self._cells = {}
        for r in self.rows:
            if r.item.ongoing:
                due = t("timing.ongoing_short")
            else:
                # the day and month: the year is the plan's (the pane below says it in full)
                due = r.next_due.strftime("%d/%m") if r.next_due else "—"
            if r.overdue:
                due += "!"
            status = t(labels.STATUS_SHORT[r.status or "none"])
            self._cells[r.item.id] = (
                MARK[r.item.id in self.marked],
                r.item.id,
                t(labels.ROLE_SHORT[r.role]),
                due,
                status if len(status) <= 8 else status[:7] + "…",
                str(r.progress_pct),
                str(r.evidence_count),
                ("» " if r.item.id in self.commented else "") + r.item.short_text(width),
            )

    def refill(self) -> None:
        table = self.query_one("#items", DataTable)
        current = None
        if table.row_count and table.cursor_row < table.row_count:
            current = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if len(self._cells) != len(self.rows):
            self._prepare()
        visible = self.visible_rows()
        shown = [r.item.id for r in visible]
        if shown != self._shown or self._stale:
            # rebuild only when the set of rows changed (typing often does not change it)
            table.clear()
            for r in visible:
                table.add_row(*self._cells[r.item.id], key=r.item.id)
            self._shown, self._stale = shown, False
        if current is not None and any(r.item.id == current for r in visible):
            table.move_cursor(row=table.get_row_index(current))
        self.show_detail()
        all_ = t("ui.items.all")
        self.query_one("#filters", Static).update(
            (t("ui.items.marked", count=len(self.marked)) if self.marked else "")
            + (
                t("ui.items.only", count=len(self.only[1]), what=self.only[0])
                if self.only is not None
                else ""
            )
            + t(
                "ui.items.filters",
                area=self.area or all_,
                role=t(labels.ROLE[self.role]) if self.role else all_,
                status=all_ if self.status == "__all__" else status_label(self.status),
                overdue=(t("ui.items.only_overdue") if self.only_overdue else "")
                + (t("ui.items.only_commented") if self.only_commented else ""),
                search=t("ui.items.searching", text=self.query_text) if self.query_text else "",
                shown=len(visible),
                total=len(self.rows),
            ),
            layout=False,  # one line, set in cchc.tcss
        )

    def highlighted(self) -> ItemStatus | None:
        table = self.query_one("#items", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((r for r in self.rows if r.item.id == key), None)

    def show_detail(self) -> None:
        """The highlighted item in full under the table: role, due date, status, evidence,
        and the whole text (wrapped over the lines the pane has)."""
        row = self.highlighted()
        detail = self.query_one("#item-detail", Static)
        if row is None:
            detail.update(t("ui.items.none_shown") if self.rows else "", layout=False)
            return
        if row.item.ongoing:
            due = t("timing.ongoing")
        elif row.next_due is None:
            due = "—"
        elif row.waiting:
            due = t("ui.items.detail_waiting", date=format_date(row.next_due))
        elif row.overdue and (missed := first_missed(row.milestones)) and missed < row.next_due:
            due = t("ui.items.detail_missed", date=format_date(missed))
        elif row.overdue:
            due = t("ui.items.detail_overdue", date=format_date(row.next_due))
        else:
            due = t("ui.items.detail_due", date=format_date(row.next_due))
        if len(row.milestones) > 1:
            due += f" ({describe(row.milestones)})"
        detail.update(
            t(
                "ui.items.detail",
                id=row.item.id,
                role=t(labels.ROLE[row.role]),
                due=due,
                status=status_label(row.status),
                pct=row.progress_pct,
                evidence=row.evidence_count,
                comment=t("ui.items.detail_comment") if row.item.id in self.commented else "",
                text=self._wrapped(row.item.text, detail.content_region.width or 78),
            ),
            layout=False,  # its height is set (cchc.tcss): a new text needs no new layout
        )

    DETAIL_LINES = 3  # of text under the summary line; Enter opens the item for the rest

    def _wrapped(self, text: str, width: int) -> str:
        lines = textwrap.wrap(" ".join(text.split()), width) or [""]
        if len(lines) > self.DETAIL_LINES:
            lines = lines[: self.DETAIL_LINES]
            lines[-1] = lines[-1][: width - 1].rstrip() + "…"
        return "\n".join(lines)

    @on(DataTable.RowHighlighted, "#items")
    def _highlighted(self) -> None:
        self.show_detail()

    def action_cycle_area(self) -> None:
        areas = [None, *(a.id for a in self.ctx.plan.area)]
        self.area = areas[(areas.index(self.area) + 1) % len(areas)]

    def action_cycle_role(self) -> None:
        roles = [None, *ROLES]
        self.role = roles[(roles.index(self.role) + 1) % len(roles)]

    def action_cycle_status(self) -> None:
        statuses: list[str | None] = ["__all__", None, *STATUSES]
        self.status = statuses[(statuses.index(self.status) + 1) % len(statuses)]

    def action_toggle_overdue(self) -> None:
        self.only_overdue = not self.only_overdue

    def action_toggle_commented(self) -> None:
        self.only_commented = not self.only_commented

    def action_clear_filters(self) -> None:
        # all at once, without a watcher per field, then the rows once
        for name, value in (
            ("area", None),
            ("role", None),
            ("status", "__all__"),
            ("only_overdue", False),
            ("only_commented", False),
            ("query_text", ""),
            ("only", None),
        ):
            self.set_reactive(getattr(ItemsScreen, name), value)
        search = self.query_one("#search", VietInput)
        with search.prevent(VietInput.Changed):
            search.value = ""
        search.display = False
        self.refill()

    # -- search as you type --
    def action_search(self) -> None:
        search = self.query_one("#search", VietInput)
        search.display = True
        search.focus()

    @on(VietInput.Changed, "#search")
    def _typed(self, event: VietInput.Changed) -> None:
        self.query_text = event.value

    @on(VietInput.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one("#items", DataTable).focus()

    def action_end_search(self) -> None:
        search = self.query_one("#search", VietInput)
        if search.has_focus or self.query_text:
            search.value = ""
            search.display = False
            self.query_one("#items", DataTable).focus()
            self.query_text = ""

    # -- marks and bulk updates (screens/bulk.py) --
    def _set_mark(self, item_id: str, on: bool) -> None:
        if on:
            self.marked.add(item_id)
        else:
            self.marked.discard(item_id)
        cells = self._cells.get(item_id)
        if cells is not None:
            mark = MARK[on]
            self._cells[item_id] = (mark, *cells[1:])
            table = self.query_one("#items", DataTable)
            if item_id in self._shown:
                table.update_cell(item_id, "mark", mark)

    def action_mark(self) -> None:
        """Mark or unmark the highlighted row, and go to the next one."""
        row = self.highlighted()
        if row is None:
            return
        self._set_mark(row.item.id, row.item.id not in self.marked)
        table = self.query_one("#items", DataTable)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
        self.refill()

    def action_mark_all(self) -> None:
        """Mark every row shown; when they all are already, unmark them."""
        shown = [r.item.id for r in self.visible_rows()]
        on = not all(i in self.marked for i in shown)
        for item_id in shown:
            self._set_mark(item_id, on)
        self.refill()

    def action_bulk(self) -> None:
        if not self.marked:
            self.notify(t("ui.bulk.none_marked"), severity="warning")
            return
        self.run_worker(self._bulk(), exclusive=True, group="bulk")

    async def _bulk(self) -> None:
        from cchc_tui.ui.dialogs import ConfirmList
        from cchc_tui.ui.officer.screens.bulk import BulkStatus, change_lines

        rows = [r for r in self.rows if r.item.id in self.marked]
        choice = await self.app.push_screen_wait(BulkStatus([r.item.id for r in rows]))
        if choice is None:
            return
        lines = change_lines(rows, choice)
        question = t("ui.bulk.confirm", count=len(rows))
        if not await self.app.push_screen_wait(ConfirmList(question, lines)):
            return
        ctx = self.ctx
        ids = [r.item.id for r in rows]
        try:
            changed = await self.cchc.db(
                ctx.set_progress_many,
                ids,
                status=choice.status,
                progress_pct=choice.progress_pct,
                reason=choice.reason,
            )
        except UserError as e:
            self.notify(e.message(), severity="error", timeout=8)
            return
        except DbFailed:
            return
        self.marked.clear()
        self.notify(t("ui.bulk.done", count=len(changed), same=len(ids) - len(changed)))
        await self.reload()

    def action_carry_over(self) -> None:
        self.run_worker(self._carry_over(), exclusive=True, group="bulk")

    async def _carry_over(self) -> None:
        from cchc_tui.ui.dialogs import ConfirmList
        from cchc_tui.ui.officer.screens.bulk import carry_lines

        ctx = self.ctx
        try:
            now, last, rows = await self.cchc.db(ctx.carry_over_candidates)
        except DbFailed:
            return
        if last is None:
            self.notify(t("ui.carry.first_period", period=now.name), severity="warning")
            return
        if not rows:
            self.notify(t("ui.carry.nothing", period=last.name))
            return
        question = t("ui.carry.confirm", count=len(rows), last=last.name, now=now.name)
        if not await self.app.push_screen_wait(ConfirmList(question, carry_lines(rows))):
            return
        try:
            done = await self.cchc.db(ctx.carry_over, [r.item.id for r in rows], now.code)
        except (UserError, DbFailed) as e:
            if isinstance(e, UserError):
                self.notify(e.message(), severity="error", timeout=8)
            return
        self.notify(t("ui.carry.done", count=done, period=now.name))
        await self.reload()

    # -- open --
    @on(DataTable.RowSelected, "#items")
    async def _selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            await self.open_item(event.row_key.value)

    async def action_open(self) -> None:
        table = self.query_one("#items", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key is not None:
                await self.open_item(key)

    async def open_item(self, item_id: str) -> None:
        from cchc_tui.ui.officer.screens.item import ItemScreen

        await self.app.push_screen(ItemScreen(item_id))
