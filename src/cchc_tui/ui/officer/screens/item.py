"""One item: objective → task → activity, what it must produce, who leads, when; its progress
form and its evidence. Ctrl+S/F2 saves; Esc leaves, asking first about unsaved changes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from cchc_tui.core import glyphs
from cchc_tui.core.dates import format_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.milestones import describe, describe_condition
from cchc_tui.core.plan import Item, Plan
from cchc_tui.core.registry_labels import labels
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.store.errors import StaleEdit
from cchc_tui.store.reader import EvidenceView
from cchc_tui.ui.guard import DbFailed, Guarded
from cchc_tui.ui.officer.screens.base import BaseScreen
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.item_form import ItemForm, ask_conflict


def chain_text(
    plan: Plan,
    item: Item,
    registry_labels: dict[str, str],
    *,
    compact: bool = False,
    row: ItemStatus | None = None,
) -> Text:
    """The item in its plan; ``compact`` keeps what a quick update needs. With its ``row``,
    each milestone's state and what was recorded about its condition."""
    area, objective, task = plan.chain(item)
    text = Text()

    def line(label: str, value: str, style: str = "") -> None:
        text.append(f"{label}: ", style="bold")
        text.append(value + "\n", style=style)

    if not compact:
        line(t("show.area"), f"{area.number}. {area.title}")
        if objective:
            line(t("show.objective"), f"{objective.number}. {objective.text}")
    if item.kind == "task" or not compact:
        line(t("show.task"), f"{task.number}. {task.text}", "bold" if item.kind == "task" else "")
    if item.kind == "activity":
        line(t("show.activity"), f"{item.number}. {item.text}", "bold")
    line(t("show.output"), item.output or t("show.none"))
    line(t("show.lead"), "; ".join(registry_labels[r] for r in item.lead))
    if item.coordinate and not compact:
        line(t("show.coordinate"), "; ".join(registry_labels[r] for r in item.coordinate))
    due = t("timing.ongoing") if item.ongoing else ", ".join(format_date(d) for d in item.due)
    if row is not None and len(row.milestones) > 1:
        due = describe(row.milestones)
    line(t("show.timing"), f"{item.timing_printed} → {due}")
    if item.condition:
        said = item.condition
        if row is not None:
            said = describe_condition(item.condition, row.condition, row.condition_doc)
        line(t("show.condition"), said, "yellow" if row is not None and row.waiting else "")
    text.rstrip()
    return text


class ItemScreen(Guarded, BaseScreen):
    HELP_TITLE = "key.items"
    DRAFT_FORM = "progress"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="item.save", priority=True),
        Binding("escape", "leave", "key.back", id="item.back"),
        # F7 and F8 are scoring and export everywhere: an item's own keys are others
        Binding("f10", "history", "key.history", id="item.history"),
        Binding("f9", "link_evidence", "key.evidence_here", id="item.link_evidence"),
        Binding("delete", "unlink", "key.unlink_evidence", id="item.unlink", show=False),
        # only for an item whose timing prints a condition ("khi có Nghị quyết …")
        Binding("ctrl+t", "condition", "key.condition", id="item.condition"),
    ]

    def __init__(self, item_id: str) -> None:
        super().__init__()
        self.item_id = item_id
        self.row: ItemStatus | None = None
        self.evidence: list[EvidenceView] = []
        self.base = 0  # the version of the progress row the form was read at

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        with VerticalScroll(id="item-body", can_focus=False):
            yield Static("", id="chain")
            yield Static("", id="review-comments", classes="info")
            yield ItemForm(today=self.cchc.today, id="form")
            yield Static("", id="evidence-title", classes="section")
            yield DataTable(id="evidence", cursor_type="row")
        yield I18nFooter()

    async def on_mount(self) -> None:
        table = self.query_one("#evidence", DataTable)
        table.add_columns(t("ui.col.number"), t("ui.col.date"), t("ui.col.title"), t("ui.col.file"))
        await self.reload(load_form=True)
        self.query_one(ItemForm).focus_first()

    async def reload(self, *, load_form: bool) -> None:
        ctx = self.ctx
        try:
            row, evidence, comments, base = await self.read(
                lambda: (
                    ctx.row(self.item_id),
                    ctx.evidence_of(self.item_id),
                    ctx.comments_on(f"item:{self.item_id}"),
                    ctx.progress_versions().get(self.item_id, 0),
                )
            )
        except DbFailed:
            return
        self.row, self.evidence = row, evidence
        self.refresh_bindings()  # Ctrl+T shows for an item with a condition
        box = self.query_one("#review-comments", Static)
        box.display = bool(comments)
        box.update(
            "\n".join(t("ui.item.review_comment", by=c["signer"], text=c["text"]) for c in comments)
        )
        self.sub_title = t("ui.item.title", id=self.item_id)
        self.query_one("#chain", Static).update(
            chain_text(ctx.plan, row.item, labels(ctx.registry, row.item), row=row)
        )
        if load_form:
            form = self.query_one(ItemForm)
            form.load(row)
            self.base = base
            self.offer_draft(self.item_id, form.raw(), self._restore)
        self.query_one("#evidence-title", Static).update(t("ui.item.evidence", count=len(evidence)))
        table = self.query_one("#evidence", DataTable)
        table.clear()
        for e in evidence:
            table.add_row(e.number, format_date(e.doc_date), e.title, e.file_name, key=str(e.id))

    # -- the guard --
    def is_dirty(self) -> bool:
        return self.query_one(ItemForm).dirty

    def discard(self) -> None:
        if self.row is not None:
            self.query_one(ItemForm).load(self.row)

    def guard_label(self) -> str:
        return t("ui.guard.item", id=self.item_id)

    def draft_entries(self) -> dict[str, tuple[str, dict[str, str]]]:
        raw = self.query_one(ItemForm).raw()
        return {self.item_id: (self.guard_label(), {**raw, "_base": str(self.base)})}

    def _restore(self, payload: dict[str, str]) -> None:
        self.base = int(payload.get("_base", self.base) or 0)
        self.query_one(ItemForm).set_raw(payload)

    # -- saving --
    async def save(self) -> bool:
        """Save the form (in a worker: a conflicting save asks what to keep)."""
        form = self.query_one(ItemForm)
        while True:
            values = form.values()
            if values is None:
                self.notify(t("ui.item.invalid"), severity="warning")
                return False
            if not form.dirty:
                self.notify(t("ui.item.unchanged"))
                self.forget_drafts(self.item_id)
                return True
            ctx = self.ctx
            try:
                await self.cchc.db(ctx.save_progress, self.item_id, values, self.base)
            except StaleEdit as e:
                theirs = await self.cchc.db(ctx.row, self.item_id)
                self.row = theirs
                self.base = e.latest
                choice = await ask_conflict(self.app, form, self.item_id, theirs, e)
                if choice == "mine":
                    continue  # the same values, against the version just seen
                if choice == "theirs":
                    self.forget_drafts(self.item_id)
                return False
            except UserError as e:
                self.notify(e.message(), severity="error")
                return False
            except DbFailed:
                return False
            break
        self.forget_drafts(self.item_id)
        self.notify(t("ui.item.saved", id=self.item_id))
        await self.reload(load_form=True)
        return True

    def action_save(self) -> None:
        self.app.run_worker(self.save(), group="item-save")

    def action_leave(self) -> None:
        self.leave_in_worker(lambda: self.dismiss(None))

    # -- history and evidence --
    async def action_history(self) -> None:
        from cchc_tui.ui.dialogs import HistoryModal

        ctx = self.ctx
        try:
            entries = await self.read(ctx.history, self.item_id)
        except DbFailed:
            return
        await self.app.push_screen(HistoryModal(self.item_id, entries))

    async def action_link_evidence(self) -> None:
        from cchc_tui.ui.officer.screens.item_documents import pick_item_documents

        await pick_item_documents(self.cchc, self.item_id, lambda: self.reload(load_form=False))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "condition":  # shown only for an item whose timing prints a condition
            return self.row is not None and bool(self.row.item.condition)
        return True

    def action_condition(self) -> None:
        from cchc_tui.ui.officer.screens.item_condition import record_condition

        if self.row is not None:
            row = self.row
            self.app.run_worker(
                record_condition(self.cchc, row, lambda: self.reload(load_form=False)),
                group="item-condition",
            )

    async def action_unlink(self) -> None:
        table = self.query_one("#evidence", DataTable)
        if not table.has_focus or not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        ev = next((e for e in self.evidence if str(e.id) == key), None)
        if ev is None:
            return
        ctx = self.ctx
        keep = [k for k in ev.items if k != self.item_id]
        try:
            await self.cchc.db(ctx.set_links, ev.id, keep)
        except DbFailed:
            return
        await self.reload(load_form=False)
