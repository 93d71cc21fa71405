"""Survey points (điều tra xã hội học) for many units from one table (y on the overview):
↑↓ move between units while the points field keeps the focus, Enter saves and goes to the
next unit. A change of points already entered needs a reason, said under the table."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Static

from cchc_tui.core import glyphs
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import num
from cchc_tui.core.review import Overview
from cchc_tui.ui.guard import InputsGuard
from cchc_tui.ui.review.base import OnReviewApp
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput


class SurveyScreen(InputsGuard, OnReviewApp, Screen[None]):
    HELP_TITLE = "ui.review.key_survey"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="survey.back"),
        Binding("up", "move(-1)", show=False, id="survey.up"),
        Binding("down", "move(1)", show=False, id="survey.down"),
    ]

    def __init__(self, view: Overview) -> None:
        super().__init__()
        self.view = view
        self.rows: list[Any] = []
        self.names = {r.agency.code: r.agency.name for r in view.rows}

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        yield Static(t("ui.review.survey_title", period=self.view.period), classes="title")
        yield DataTable(id="survey", cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="row"):
            yield Label(t("ui.review.col.points"))
            yield VietInput(id="survey-points", restrict=r"[0-9.,]*", max_length=6)
        with Horizontal(classes="row"):
            yield Label(t("ui.review.reason"))
            yield VietInput(id="survey-reason")
        yield Static(t("ui.review.survey_hint"), classes="hint")
        yield Static("", id="survey-result", markup=False)
        yield I18nFooter()

    async def on_mount(self) -> None:
        table = self.query_one("#survey", DataTable)
        table.can_focus = False  # the points field keeps the focus; ↑↓ move the cursor
        table.add_column(t("col.code"), key="code", width=6)
        table.add_column(t("ui.review.changes.kind.score"), key="sub", width=8)
        table.add_column(t("ui.review.col.max"), key="max", width=6)
        table.add_column(t("ui.review.col.points"), key="points", width=6)
        table.add_column(t("col.name"), key="name", width=max(20, self.app.size.width - 36))
        await self.fill()
        self.query_one("#survey-points", VietInput).focus()
        self.remember_loaded()

    def guard_label(self) -> str:
        return t("ui.review.survey_title", period=self.view.period)

    async def save(self) -> bool:
        """Asked on the way out with points typed: saved for the highlighted unit."""
        return await self._save()

    async def fill(self) -> None:
        from cchc_tui.services.appraising import survey_rows

        app = self.rapp
        codes = [r.agency.code for r in self.view.rows]
        self.rows = await app.db(survey_rows, app.store, app.plan.id, self.view.period, codes)
        table = self.query_one("#survey", DataTable)
        cursor = table.cursor_row
        table.clear()
        for r in self.rows:
            table.add_row(
                r.agency,
                r.code,
                num(r.max),
                num(r.points) if r.points is not None else "",
                self.names.get(r.agency, ""),
                key=f"{r.agency}/{r.code}",
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    def action_move(self, by: int) -> None:
        table = self.query_one("#survey", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + by)))

    @on(DataTable.RowHighlighted, "#survey")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The unit's points as entered, to keep or change; what was typed for another unit
        never stays in the field."""
        row = self.rows[event.cursor_row] if event.cursor_row < len(self.rows) else None
        points = num(row.points) if row is not None and row.points is not None else ""
        self.query_one("#survey-points", VietInput).value = points
        self.query_one("#survey-reason", VietInput).value = ""
        self.remember_loaded()

    @on(VietInput.Submitted)
    async def _submitted(self) -> None:
        await self._save()

    async def _save(self) -> bool:
        from cchc_tui.services import review_desk as rs
        from cchc_tui.services.appraising import set_survey

        table = self.query_one("#survey", DataTable)
        if not table.row_count:
            return False
        row = self.rows[table.cursor_row]
        field = self.query_one("#survey-points", VietInput)
        reason = self.query_one("#survey-reason", VietInput)
        points = field.value.strip()
        if not points:
            return False
        app, result = self.rapp, self.query_one("#survey-result", Static)

        def write() -> Any:
            bundle = rs.latest_bundle(app.store, row.agency, app.plan.id, self.view.period)
            return set_survey(
                app.store,
                bundle,
                row.code,
                points,
                actor=app.profile.officer,
                reason=reason.nfc_value.strip(),
            )

        try:
            value = await app.db(write)
        except UserError as e:
            result.update(e.message())
            return False
        result.update(
            t("ui.review.survey_saved", agency=row.agency, code=row.code, points=num(value))
        )
        self.saved()
        await self.fill()
        self.action_move(1)
        field.focus()
        return True

    def action_back(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(None))
