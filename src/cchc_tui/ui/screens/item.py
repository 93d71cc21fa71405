"""One item: objective → task → activity, what it must produce, who leads, when; its progress
form and its evidence. Ctrl+S/F2 saves; Esc leaves, asking first about unsaved changes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from cchc_tui.core.dates import format_date
from cchc_tui.core.i18n import UserError, t
from cchc_tui.core.plan import Item, Plan
from cchc_tui.core.registry_labels import labels
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.store.reader import EvidenceView
from cchc_tui.ui.app import DbFailed
from cchc_tui.ui.screens.base import BaseScreen
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.item_form import ItemForm


def chain_text(
    plan: Plan, item: Item, registry_labels: dict[str, str], *, compact: bool = False
) -> Text:
    """The item in its plan; ``compact`` keeps what a quick update needs."""
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
    line(t("show.timing"), f"{item.timing_printed} → {due}")
    if item.condition:
        line(t("show.condition"), item.condition)
    text.rstrip()
    return text


class ItemScreen(BaseScreen):
    HELP_TITLE = "key.items"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="item.save", priority=True),
        Binding("escape", "leave", "key.back", id="item.back"),
        Binding("f7", "history", "key.history", id="item.history"),
        Binding("f8", "new_evidence", "key.new_evidence", id="item.new_evidence"),
        Binding("f9", "link_evidence", "key.link_evidence", id="item.link_evidence"),
        Binding("delete", "unlink", "key.unlink_evidence", id="item.unlink", show=False),
    ]

    def __init__(self, item_id: str) -> None:
        super().__init__()
        self.item_id = item_id
        self.row: ItemStatus | None = None
        self.evidence: list[EvidenceView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="item-body"):
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
            row, evidence, comments = await self.cchc.db(
                lambda: (
                    ctx.row(self.item_id),
                    ctx.evidence_of(self.item_id),
                    ctx.comments_on(f"item:{self.item_id}"),
                )
            )
        except DbFailed:
            return
        self.row, self.evidence = row, evidence
        box = self.query_one("#review-comments", Static)
        box.display = bool(comments)
        box.update(
            "\n".join(t("ui.item.review_comment", by=c["signer"], text=c["text"]) for c in comments)
        )
        self.sub_title = t("ui.item.title", id=self.item_id)
        self.query_one("#chain", Static).update(
            chain_text(ctx.plan, row.item, labels(ctx.registry, row.item))
        )
        if load_form:
            self.query_one(ItemForm).load(row)
        self.query_one("#evidence-title", Static).update(t("ui.item.evidence", count=len(evidence)))
        table = self.query_one("#evidence", DataTable)
        table.clear()
        for e in evidence:
            table.add_row(e.number, format_date(e.doc_date), e.title, e.file_name, key=str(e.id))

    # -- saving --
    async def save(self) -> bool:
        form = self.query_one(ItemForm)
        values = form.values()
        if values is None:
            self.notify(t("ui.item.invalid"), severity="warning")
            return False
        if not form.dirty:
            self.notify(t("ui.item.unchanged"))
            return True
        ctx = self.ctx
        try:
            await self.cchc.db(ctx.save_progress, self.item_id, values)
        except UserError as e:
            self.notify(e.message(), severity="error")
            return False
        except DbFailed:
            return False
        self.notify(t("ui.item.saved", id=self.item_id))
        await self.reload(load_form=True)
        return True

    async def action_save(self) -> None:
        await self.save()

    async def can_leave(self) -> bool:
        if not self.query_one(ItemForm).dirty:
            return True
        from cchc_tui.ui.screens.modals import ConfirmLeave

        choice = await self.app.push_screen_wait(ConfirmLeave(self.item_id))
        if choice == "save":
            return await self.save()
        return choice == "discard"

    async def action_leave(self) -> None:
        self.run_worker(self._leave(), exclusive=True, group="leave")

    async def _leave(self) -> None:
        if await self.can_leave():
            self.dismiss(None)

    # -- history and evidence --
    async def action_history(self) -> None:
        from cchc_tui.ui.screens.modals import HistoryModal

        ctx = self.ctx
        try:
            entries = await self.cchc.db(ctx.history, self.item_id)
        except DbFailed:
            return
        await self.app.push_screen(HistoryModal(self.item_id, entries))

    async def action_new_evidence(self) -> None:
        from cchc_tui.ui.screens.evidence import EvidenceForm

        def done(result: int | None) -> None:
            if result is not None:
                self.run_worker(self.reload(load_form=False))

        await self.app.push_screen(EvidenceForm(items=[self.item_id]), done)

    async def action_link_evidence(self) -> None:
        from cchc_tui.ui.screens.evidence import PickEvidence

        def done(result: bool | None) -> None:
            if result:
                self.run_worker(self.reload(load_form=False))

        await self.app.push_screen(PickEvidence(self.item_id), done)

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
