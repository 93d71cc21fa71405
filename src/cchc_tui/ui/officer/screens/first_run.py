"""First run: choose the agency (accent-insensitive search; Enter takes the highlighted hit,
Up/Down move among the hits without leaving the search), enter the officer's name, confirm.
The same screen later changes them (the palette's "Đổi cơ quan, cán bộ"): the current ones
filled in, the confirmation saying what the current agency leaves behind, Esc to go back."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Label, Static
from textual.widgets.data_table import RowDoesNotExist

from cchc_tui.core import glyphs
from cchc_tui.core.agencies import Agency
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.services.officer_desk import Context
from cchc_tui.store.reader import ProfileView
from cchc_tui.ui.guard import DbFailed, Guarded
from cchc_tui.ui.officer.screens.base import BaseScreen
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput

PROVINCE = "Thành phố Cần Thơ"


class FirstRunScreen(Guarded, BaseScreen):
    """No database yet, so no draft: Ctrl+Q with a name typed or an agency chosen asks."""

    HELP_TITLE = "ui.first_run.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "create", "key.create", id="first_run.create"),
        Binding("down", "hit(1)", "key.nav.down", id="first_run.next_hit", show=False),
        Binding("up", "hit(-1)", "key.nav.up", id="first_run.previous_hit", show=False),
        Binding("escape", "back", "key.back", id="first_run.back", show=False),
    ]

    def __init__(self, current: ProfileView | None = None) -> None:
        super().__init__()
        self.current = current  # changing the database's agency/officer, not creating it
        self.chosen: Agency | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        with Vertical(id="first-run"):
            title = "ui.change_profile.title" if self.current else "ui.first_run.title"
            yield Static(t(title), classes="title")
            yield VietInput(placeholder=t("ui.first_run.search"), id="search")
            yield DataTable(id="agencies", cursor_type="row", zebra_stripes=True)
            yield Label(t("ui.first_run.none"), id="chosen")
            yield Label(t("ui.first_run.officer"))
            yield VietInput(id="officer")
            yield Static("", id="first-run-error", classes="error")
            yield Static(t("ui.first_run.hint"), classes="hint", id="first-run-hint")
        yield I18nFooter()

    def on_mount(self) -> None:
        table = self.query_one("#agencies", DataTable)
        table.add_column(t("col.code"), width=6)
        table.add_column(t("col.name"), width=34)
        table.add_column(t("col.parent"))
        self._fill("")
        if self.current is not None:
            self.query_one("#officer", VietInput).value = self.current.officer
            self._choose_code(self.current.agency_code)
            table = self.query_one("#agencies", DataTable)
            with contextlib.suppress(RowDoesNotExist):  # Enter keeps the agency it has
                table.move_cursor(row=table.get_row_index(self.current.agency_code))
            self.query_one("#first-run-hint", Static).update(t("ui.change_profile.hint"))
        self.query_one("#search", VietInput).focus()

    def action_back(self) -> None:
        """Esc: back to where the change was asked from (nothing to go back to at first run)."""
        if self.current is not None:
            self.leave_in_worker(self.dismiss)

    def _fill(self, query: str) -> None:
        registry = self.cchc.registry
        if query.strip():
            agencies = [h.agency for h in registry.search(query, limit=30)]
        else:
            agencies = registry.by_level(["district"]) + [
                a for a in registry.by_level(["city"]) if a.kind in ("cqcm", "ban-quan-ly")
            ]
        table = self.query_one("#agencies", DataTable)
        table.clear()
        for a in agencies:
            parent = registry.agencies.get(a.parent)
            table.add_row(a.code, a.name, parent.name if parent else PROVINCE, key=a.code)

    @on(VietInput.Changed, "#search")
    def _search(self, event: VietInput.Changed) -> None:
        self._fill(event.value)

    def action_hit(self, step: int) -> None:
        """Up/Down in the search move the highlight among the hits (the table's own keys when
        it has focus)."""
        table = self.query_one("#agencies", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    @on(VietInput.Submitted, "#search")
    def _take_highlighted(self) -> None:
        """Enter in the search chooses the highlighted hit (the top one unless Up/Down moved)."""
        table = self.query_one("#agencies", DataTable)
        if not table.row_count:
            self.query_one("#first-run-error", Static).update(t("ui.first_run.no_match"))
            return
        code = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        assert code is not None
        self._choose_code(code)

    @on(DataTable.RowSelected, "#agencies")
    def _choose(self, event: DataTable.RowSelected) -> None:
        code = event.row_key.value
        assert code is not None
        self._choose_code(code)

    def _choose_code(self, code: str) -> None:
        self.chosen = self.cchc.registry.agencies[code]
        self.query_one("#first-run-error", Static).update("")
        self.query_one("#chosen", Label).update(
            t("ui.first_run.chosen", agency=f"{self.chosen.name} ({self.chosen.code})")
        )
        self.query_one("#officer", VietInput).focus()

    # -- the guard --
    def is_dirty(self) -> bool:
        officer = self.query_one("#officer", VietInput).value.strip()
        if self.current is not None:
            return (self.chosen is not None and self.chosen.code != self.current.agency_code) or (
                officer != self.current.officer
            )
        return self.chosen is not None or bool(officer)

    def discard(self) -> None:
        self.chosen = None
        self.query_one("#officer", VietInput).value = ""

    def guard_label(self) -> str:
        return t("ui.first_run.title")

    async def save(self) -> bool:
        return await self._create_flow(confirm=False)  # the guard has just asked

    @on(VietInput.Submitted, "#officer")
    def _officer_done(self) -> None:
        self.action_create()

    def action_create(self) -> None:
        # the app's worker, not the screen's: creating the database replaces this screen
        self.app.run_worker(self._create_flow(confirm=True), exclusive=True, group="first-run")

    async def _create_flow(self, *, confirm: bool) -> bool:
        error = self.query_one("#first-run-error", Static)
        officer = self.query_one("#officer", VietInput).nfc_value.strip()
        if self.chosen is None:
            error.update(t("ui.first_run.none"))
            self.query_one("#search", VietInput).focus()
            return False
        if not officer:
            error.update(t("ui.first_run.need_officer"))
            self.query_one("#officer", VietInput).focus()
            return False
        error.update("")
        agency = self.chosen
        if self.current is not None:
            return await self._change_flow(agency, officer, confirm=confirm)
        if confirm:
            from cchc_tui.ui.dialogs import AskYesNo

            question = t(
                "ui.first_run.confirm", agency=agency.name, code=agency.code, officer=officer
            )
            sure = await self.app.push_screen_wait(
                AskYesNo(
                    question,
                    yes=t("ui.first_run.confirm_yes"),
                    no=t("ui.first_run.confirm_no"),
                    focus_yes=True,
                )
            )
            if not sure:
                self.query_one("#search", VietInput).focus()
                return False
        try:
            ctx = await self.cchc.db(self._create, agency, officer)
        except DbFailed:
            return False
        self.chosen = None
        self.notify(t("ui.first_run.created", agency=agency.name))
        await self.cchc.start(ctx)
        return True

    def _create(self, agency: Agency, officer: str) -> Context:
        from cchc_tui.services.setup import set_up_agency
        from cchc_tui.store.service import Store

        app = self.cchc
        store = Store(app.db_path, create=True)
        profile, plan = set_up_agency(store, agency, officer)
        app.settle_day(plan)
        return Context(store, app.registry, plan, profile, app.today, _store=store)

    async def _change_flow(self, agency: Agency, officer: str, *, confirm: bool) -> bool:
        """Another agency or officer for the open database: confirmed with what the current
        agency leaves behind, written (audited), then the app goes on as the new one."""
        from cchc_tui.services import setup
        from cchc_tui.ui.dialogs import AskYesNo

        ctx = self.cchc.ctx
        assert ctx is not None and self.current is not None
        if (agency.code, officer) == (self.current.agency_code, self.current.officer):
            self.leave_in_worker(self.dismiss)  # nothing to change
            return True
        try:
            warning = await self.cchc.db(setup.left_behind, ctx.store, agency)
        except DbFailed:
            return False
        if confirm or warning:  # the guard's "save" still hears what stays behind
            question = t(
                "ui.change_profile.confirm", agency=agency.name, code=agency.code, officer=officer
            )
            sure = await self.app.push_screen_wait(
                AskYesNo(
                    f"{warning}\n\n{question}" if warning else question,
                    yes=t("ui.change_profile.yes"),
                    no=t("ui.first_run.confirm_no"),
                    focus_yes=not warning,
                )
            )
            if not sure:
                self.query_one("#search", VietInput).focus()
                return False
        try:
            profile = await self.cchc.db(setup.change_profile, ctx.store, agency, officer)
        except DbFailed:
            return False
        except UserError as e:
            self.query_one("#first-run-error", Static).update(e.message())
            return False
        self.current = profile  # nothing left unsaved
        self.notify(t("ui.change_profile.done", agency=agency.name, officer=officer))
        await self.cchc.use_profile(profile)
        return True


class ChangeProfileScreen(FirstRunScreen):
    """The same screen, later: F2/Ctrl+S changes (not creates), Esc goes back."""

    HELP_TITLE = "ui.change_profile.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "create", "key.change_profile", id="change_profile.save"),
    ]

    def __init__(self, current: ProfileView) -> None:
        super().__init__(current)
