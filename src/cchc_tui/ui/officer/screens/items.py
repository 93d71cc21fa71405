"""Nhiệm vụ: every assigned item in a table; single-key filters; / searches as you type. The
columns are short so the text column keeps at least 30 characters at 80 columns, and the line
under the table says the highlighted item in full."""

from __future__ import annotations

import textwrap
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.widgets import DataTable, Header, Static

from cchc_tui.core import labels
from cchc_tui.core.dates import format_date
from cchc_tui.core.i18n import t
from cchc_tui.core.progress import STATUSES, status_label
from cchc_tui.core.text import fold
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.ui.guard import DbFailed
from cchc_tui.ui.officer.screens.base import BaseScreen
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput

ROLES = ("lead", "coordinate")


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
        Binding("escape", "end_search", "key.back", id="items.end_search", show=False),
    ]

    # The filters and the search text: setting one shows the rows it lets through
    area: var[str | None] = var(None, init=False)
    role: var[str | None] = var(None, init=False)
    status: var[str | None] = var("__all__", init=False)  # None: not started
    only_overdue: var[bool] = var(False, init=False)
    only_commented: var[bool] = var(False, init=False)
    query_text: var[str] = var("", init=False)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ItemStatus] = []
        self.commented: set[str] = set()  # items Sở Nội vụ commented on (imported receipts)
        self._hay: dict[str, str] = {}
        self._cells: dict[str, tuple[str, ...]] = {}
        self._shown: list[str] = []
        self._stale = True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="filters")
        search = VietInput(placeholder=t("ui.items.search_placeholder"), id="search")
        search.display = False
        yield search
        yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
        yield Static("", id="item-detail", markup=False)
        yield I18nFooter()

    def on_mount(self) -> None:
        self._columns()
        self.query_one("#items", DataTable).focus()

    def _columns(self) -> None:
        table = self.query_one("#items", DataTable)
        table.clear(columns=True)
        self._stale = True
        for label, key, width in (
            ("ui.col.no", "id", 7),
            ("ui.col.role_short", "role", 2),
            ("ui.col.due", "due", 9),
            ("ui.col.status", "status", 10),
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
            self.rows = await self.cchc.db(ctx.rows)
            comments = await self.cchc.db(ctx.reader.reviewer_comments)
        except DbFailed:
            return
        self.commented = {
            str(c.get("target", "")).removeprefix("item:")
            for c in comments
            if str(c.get("target", "")).startswith("item:")
        }
        self._prepare()
        self.refill()

    FIXED_WIDTH = 7 + 2 + 9 + 10 + 3 + 2  # the columns before the text

    def text_width(self) -> int:
        """What is left for the text column, so the table never scrolls sideways."""
        width = self.size.width or self.app.size.width
        return max(12, width - self.FIXED_WIDTH - 2 * 7 - 2)  # cell padding, scroll bar

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
    watch_only_overdue = watch_only_commented = watch_query_text = _filter_changed

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
                due = r.next_due.strftime("%d/%m/%y") if r.next_due else "—"
            if r.overdue:
                due += "!"
            status = t(labels.STATUS_SHORT[r.status or "none"])
            self._cells[r.item.id] = (
                r.item.id,
                t(labels.ROLE_SHORT[r.role]),
                due,
                status if len(status) <= 10 else status[:9] + "…",
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
            t(
                "ui.items.filters",
                area=self.area or all_,
                role=t(labels.ROLE[self.role]) if self.role else all_,
                status=all_ if self.status == "__all__" else status_label(self.status),
                overdue=(t("ui.items.only_overdue") if self.only_overdue else "")
                + (t("ui.items.only_commented") if self.only_commented else ""),
                search=t("ui.items.searching", text=self.query_text) if self.query_text else "",
                shown=len(visible),
                total=len(self.rows),
            )
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
            detail.update(t("ui.items.none_shown") if self.rows else "")
            return
        if row.item.ongoing:
            due = t("timing.ongoing")
        elif row.next_due is None:
            due = "—"
        elif row.overdue:
            due = t("ui.items.detail_overdue", date=format_date(row.next_due))
        else:
            due = t("ui.items.detail_due", date=format_date(row.next_due))
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
            )
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
