"""What an agency changed in its latest bundle since the one before it (v on its screen):
items, self scores and documents, one row each, the highlighted one whole below."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from cchc_tui.core import glyphs, labels
from cchc_tui.core.i18n import t
from cchc_tui.core.text import escape_controls
from cchc_tui.ui.review.base import OnReviewApp, _cell, _local
from cchc_tui.ui.widgets.footer import I18nFooter


class ChangesScreen(OnReviewApp, Screen[None]):
    HELP_TITLE = "ui.review.changes_title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="changes.back"),
    ]

    def __init__(self, agency: str, name: str, period: str) -> None:
        super().__init__()
        self.agency = agency
        self.agency_name = name
        self.period = period
        self.rows: list[tuple[str, str, str, str, str]] = []

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        yield Static(
            t(
                "ui.review.changes_head",
                name=self.agency_name,
                code=self.agency,
                period=self.period,
            ),
            classes="title",
            markup=False,
        )
        yield Static("", id="changes-what", classes="info", markup=False)
        yield DataTable(id="changes", cursor_type="row", zebra_stripes=True)
        yield Static("", id="changes-detail", classes="hint", markup=False)
        yield I18nFooter()

    async def on_mount(self) -> None:
        from cchc_tui.services import review_desk as rs

        app = self.rapp
        got = await app.db(rs.since_previous, app.store, self.agency, app.plan.id, self.period)
        table = self.query_one("#changes", DataTable)
        width = self.app.size.width
        rest = max(20, width - 36)
        table.add_column(t("ui.review.changes.col.kind"), width=8)
        table.add_column(t("ui.review.changes.col.key"), width=12)
        table.add_column(t("ui.review.changes.col.field"), width=10)
        table.add_column(t("ui.review.changes.col.before_after"), width=rest)
        what = self.query_one("#changes-what", Static)
        if got.previous is None:
            what.update(t("ui.review.changes_first"))
            return
        what.update(
            t(
                "ui.review.changes_between",
                before=got.previous.bundle_id[:8],
                before_at=_local(got.previous.received_at),
                after=got.latest.bundle_id[:8],
                after_at=_local(got.latest.received_at),
                count=len(got.changes),
            )
        )
        for n, c in enumerate(got.changes):
            kind = t(labels.CHANGE_KIND[c.kind])
            field = t(labels.CHANGE_FIELD[c.field])
            self.rows.append((kind, c.key, field, c.before, c.after))
            table.add_row(
                kind,
                _cell(c.key),
                field,
                _cell(f"{c.before or '—'} → {c.after or '—'}"),
                key=str(n),
            )
        table.focus()
        if self.rows:
            self._detail(0)

    @on(DataTable.RowHighlighted, "#changes")
    def _moved(self, event: DataTable.RowHighlighted) -> None:
        self._detail(int(event.row_key.value or 0))

    def _detail(self, n: int) -> None:
        kind, key, field, before, after = self.rows[n]
        said = t(
            "ui.review.changes_detail",
            kind=kind,
            key=key,
            field=field,
            before=before or "—",
            after=after or "—",
        )
        self.query_one("#changes-detail", Static).update(escape_controls(said))

    def action_back(self) -> None:
        self.dismiss(None)
