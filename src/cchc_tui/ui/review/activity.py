"""One activity of the plan across the city."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Static

from cchc_tui.core import glyphs, labels
from cchc_tui.core.i18n import t
from cchc_tui.core.review import (
    COLUMNS,
    ActivityRow,
    Overview,
    per_activity,
)
from cchc_tui.core.text import fold
from cchc_tui.ui.review.agency import open_unit
from cchc_tui.ui.review.base import OnReviewApp
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput


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
        yield Header(icon=glyphs.ICON)
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
            # on the activity the reviewer came from: c then comments on it, not on hd3.1
            items = self.query_one("#activity-items", DataTable)
            item = items.coordinate_to_cell_key(items.cursor_coordinate).row_key.value
            table = self.query_one("#activity-units", DataTable)
            order = [str(k.value) for k in table.rows]
            units = sorted(
                (r for r in self.view.rows if r.agency.code in order),
                key=lambda r: order.index(r.agency.code),
            )
            await open_unit(self, unit, self.view.period, item=item, units=units)

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
