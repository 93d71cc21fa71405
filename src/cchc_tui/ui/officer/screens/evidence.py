"""Tài liệu kiểm chứng: the register, the add/edit form (checked as you type, the file copied
and hashed in the background with a progress bar), and the picker that links documents to an
item."""

from __future__ import annotations

import asyncio
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Label, ProgressBar, Static

from cchc_tui.core import glyphs, labels
from cchc_tui.core.dates import format_date, parse_date
from cchc_tui.core.docnumber import parse_doc_number
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.store.errors import StaleEdit
from cchc_tui.store.reader import EvidenceView
from cchc_tui.ui.guard import DbFailed, Guarded
from cchc_tui.ui.officer.screens.base import BaseScreen
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.path_input import PathSuggester, human_size
from cchc_tui.ui.widgets.viet_input import VietInput

if TYPE_CHECKING:
    from cchc_tui.ui.officer.app import CchcApp


class EvidenceForm(Guarded, ModalScreen[int | None]):
    """Add (or correct) one evidence document. Returns its id, or None when cancelled."""

    DRAFT_FORM = "evidence"
    FIELDS = ("ev-number", "ev-date", "ev-issuer", "ev-title", "ev-file")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="evidence_form.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="evidence_form.cancel"),
    ]

    def __init__(self, *, items: list[str] | None = None, edit: EvidenceView | None = None):
        super().__init__()
        self.items = items or []
        self.edit = edit
        self.busy = False
        self.loaded: dict[str, str] = {}
        self.base = 0  # the version of the record being corrected

    @property
    def cchc(self) -> CchcApp:
        return cast("CchcApp", self.app)

    def compose(self) -> ComposeResult:
        title = (
            t("ui.evidence.form_edit", id=self.edit.id) if self.edit else t("ui.evidence.form_new")
        )
        with Vertical(classes="dialog wide", id="evidence-form"):
            yield Static(title, classes="title")
            with Horizontal(classes="row"):
                yield Label(t("ui.evidence.number"))
                yield VietInput(id="ev-number", placeholder="12/KH-UBND")
            yield Static("", id="ev-number-info", classes="info")
            with Horizontal(classes="row"):
                yield Label(t("ui.evidence.date"))
                yield VietInput(id="ev-date", placeholder="dd/mm/yyyy", max_length=10)
            with Horizontal(classes="row"):
                yield Label(t("ui.evidence.issuer"))
                yield VietInput(id="ev-issuer")
            with Horizontal(classes="row"):
                yield Label(t("ui.evidence.title_field"))
                yield VietInput(id="ev-title")
            if self.edit is None:
                with Horizontal(classes="row"):
                    yield Label(t("ui.evidence.file"))
                    yield VietInput(id="ev-file", suggester=PathSuggester())
            else:
                yield Static(
                    t(
                        "ui.evidence.file_kept",
                        name=self.edit.file_name or "—",
                        size=human_size(self.edit.size),
                    ),
                    classes="info",
                )
            yield Static(t("ui.evidence.items", items=", ".join(self.items) or "—"), classes="info")
            yield Static("", id="ev-error", classes="error")
            bar = ProgressBar(id="ev-progress", show_eta=False)
            bar.display = False
            yield bar

    def on_mount(self) -> None:
        if self.edit:
            self.query_one("#ev-number", VietInput).value = self.edit.number
            self.query_one("#ev-date", VietInput).value = format_date(self.edit.doc_date)
            self.query_one("#ev-issuer", VietInput).value = self.edit.issuer
            self.query_one("#ev-title", VietInput).value = self.edit.title
        self.query_one("#ev-number", VietInput).focus()
        self.loaded = self.raw()
        if self.edit is not None:
            self.run_worker(self._read_version(self.edit.id))
        self.offer_draft(self.target, self.loaded, self._restore)

    async def _read_version(self, evidence_id: int) -> None:
        ctx = self.cchc.ctx
        assert ctx is not None
        try:
            self.base = await self.cchc.db(ctx.evidence_version, evidence_id)
        except DbFailed:
            return

    # -- the guard --
    @property
    def target(self) -> str:
        return str(self.edit.id) if self.edit else "new:" + ",".join(self.items)

    def raw(self) -> dict[str, str]:
        return {
            name: self.query_one(f"#{name}", VietInput).nfc_value
            for name in self.FIELDS
            if self.query(f"#{name}")
        }

    def _restore(self, payload: dict[str, str]) -> None:
        for name, value in payload.items():
            if name in self.FIELDS and self.query(f"#{name}"):
                self.query_one(f"#{name}", VietInput).value = value
        if self.edit is not None and payload.get("_base"):
            self.base = int(payload["_base"])

    def is_dirty(self) -> bool:
        return bool(self.loaded) and self.raw() != self.loaded

    def discard(self) -> None:
        self._restore(self.loaded)

    def guard_label(self) -> str:
        if self.edit is not None:
            return t("ui.guard.evidence", id=self.edit.id)
        return t("ui.guard.evidence_new")

    def draft_entries(self) -> dict[str, tuple[str, dict[str, str]]]:
        return {self.target: (self.guard_label(), {**self.raw(), "_base": str(self.base)})}

    # -- checks as you type --
    @on(VietInput.Changed)
    def _changed(self, event: VietInput.Changed) -> None:
        self.check(final=False)

    def check(self, *, final: bool) -> dict[str, object] | None:
        """Mark wrong fields and say why; the values when every field is right."""
        error = self.query_one("#ev-error", Static)
        info = self.query_one("#ev-number-info", Static)
        for w in self.query(".invalid"):
            w.remove_class("invalid")
        problems: list[tuple[str, str]] = []
        number = self.query_one("#ev-number", VietInput).nfc_value
        if number.strip():
            parsed = parse_doc_number(number)
            kind = parsed.type_name or (parsed.type_code or "")
            text = t(labels.FAMILY[parsed.family]) + (f" · {kind}" if kind else "")
            if parsed.warnings:
                text += " — " + t("warning.prefix").lower() + ": " + "; ".join(parsed.warnings)
            info.update(text)
        else:
            info.update("")
            if final:
                problems.append(("#ev-number", t("docno.empty")))
        date_text = self.query_one("#ev-date", VietInput).value
        when: date | None = None
        if date_text.strip():
            try:
                when = parse_date(date_text, today=self.cchc.today)
            except UserError as e:
                problems.append(("#ev-date", e.message()))
        elif final:
            problems.append(("#ev-date", t("date.empty")))
        issuer = self.query_one("#ev-issuer", VietInput).nfc_value.strip()
        title = self.query_one("#ev-title", VietInput).nfc_value.strip()
        if final and not issuer:
            problems.append(("#ev-issuer", t("evidence.field_required", field=t("field.issuer"))))
        if final and not title:
            problems.append(("#ev-title", t("evidence.field_required", field=t("field.title"))))
        file: Path | None = None
        if self.edit is None:
            file_text = self.query_one("#ev-file", VietInput).path_text
            if file_text:
                file = Path(os.path.expanduser(file_text))
                try:
                    is_dir, exists, usable = file.is_dir(), file.exists(), True
                except OSError as e:  # a name too long for the disk, a bad character…
                    is_dir, exists, usable = False, False, False
                    problems.append(
                        ("#ev-file", t("ui.evidence.bad_path", detail=e.strerror or str(e)))
                    )
                if is_dir:
                    problems.append(("#ev-file", t("ui.evidence.is_dir")))
                elif final and usable and not exists:
                    # while typing, a partial name is normal: the completion offers the rest
                    problems.append(("#ev-file", t("evidence.file_missing", path=file)))
        for selector, _ in problems:
            self.query_one(selector).add_class("invalid")
        error.update("\n".join(msg for _, msg in problems))
        if problems:
            return None
        return {"number": number, "doc_date": when, "issuer": issuer, "title": title, "file": file}

    # -- saving --
    def action_save(self) -> None:
        if not self.busy:
            self.app.run_worker(self.save(), group="evidence-save")

    async def save(self) -> bool:
        """Check, copy and hash the file in a thread (progress bar), save; a correction saved
        by someone else in between is shown beside this one."""
        if self.busy:
            return False
        values = self.check(final=True)
        if values is None:
            self.notify(t("ui.item.invalid"), severity="warning")
            return False
        self.busy = True
        if values["file"] is not None:
            bar = self.query_one("#ev-progress", ProgressBar)
            bar.display = True
            self.query_one("#ev-error", Static).update(t("ui.evidence.copying"))
        while True:
            try:
                result = await asyncio.to_thread(self._save_blocking, values, self.base)
            except StaleEdit as e:
                self.busy = False
                if await self._conflict(values, e) != "mine":
                    return False
                self.busy = True
                continue
            except UserError as e:
                self._failed(e.message())
                return False
            except Exception as e:  # keep the app alive: the store has rolled back
                self._failed(t("ui.db_error", detail=f"{type(e).__name__}: {e}"))
                return False
            break
        self.forget_drafts(self.target)
        self.loaded = self.raw()
        self._saved(result)
        return True

    def _show_progress(self, done: int, total: int) -> None:
        """The bytes copied so far (called from the saving thread)."""
        self.query_one("#ev-progress", ProgressBar).update(total=max(total, 1), progress=done)

    def _save_blocking(self, values: dict[str, object], base: int) -> int:
        """Runs in a thread: widgets only through call_from_thread."""
        app = self.cchc
        ctx = app.ctx
        assert ctx is not None

        def progress(done: int, total: int) -> None:
            app.call_from_thread(self._show_progress, done, total)

        if self.edit is not None:
            ctx.update_evidence(
                self.edit.id,
                number=str(values["number"]),
                doc_date=values["doc_date"],  # type: ignore[arg-type]
                issuer=str(values["issuer"]),
                title=str(values["title"]),
                base=base,
            )
            return self.edit.id
        return ctx.add_evidence(
            number=str(values["number"]),
            doc_date=values["doc_date"],  # type: ignore[arg-type]
            issuer=str(values["issuer"]),
            title=str(values["title"]),
            file=values["file"],  # type: ignore[arg-type]
            items=self.items,
            progress=progress,
        ).id

    async def _conflict(self, values: dict[str, object], error: StaleEdit) -> str:
        from cchc_tui.ui.dialogs import ConflictModal
        from cchc_tui.ui.widgets.item_form import merge_text

        ctx = self.cchc.ctx
        assert ctx is not None and self.edit is not None
        edit_id = self.edit.id
        try:
            now = await self.cchc.db(ctx.evidence)
        except DbFailed:
            return "stay"
        theirs_ev = next((e for e in now if e.id == edit_id), None)
        if theirs_ev is None:
            return "stay"
        theirs = {
            "ev-number": theirs_ev.number,
            "ev-date": format_date(theirs_ev.doc_date),
            "ev-issuer": theirs_ev.issuer,
            "ev-title": theirs_ev.title,
        }
        mine = self.raw()
        labels = {
            "ev-number": t("ui.evidence.number"),
            "ev-date": t("ui.evidence.date"),
            "ev-issuer": t("ui.evidence.issuer"),
            "ev-title": t("ui.evidence.title_field"),
        }
        choice = await self.app.push_screen_wait(
            ConflictModal(
                t("ui.conflict.title", label=self.guard_label()),
                error.actor,
                error.params["at"],
                [(labels[k], mine.get(k, ""), v) for k, v in theirs.items()],
            )
        )
        self.base = error.latest
        if choice in ("theirs", "merge"):
            self.edit = theirs_ev
            self._restore(theirs)
            self.loaded = self.raw()
            if choice == "merge" and mine["ev-title"] != theirs["ev-title"]:
                self.query_one("#ev-title", VietInput).value = merge_text(
                    theirs["ev-title"], mine["ev-title"], one_line=True
                )
            else:
                self.forget_drafts(self.target)
        return str(choice)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.query_one("#ev-progress", ProgressBar).display = False
        self.query_one("#ev-error", Static).update(message)
        self.notify(message, severity="error")

    def _saved(self, evidence_id: int) -> None:
        self.notify(t("ui.evidence.saved", id=evidence_id))
        self.dismiss(evidence_id)

    def action_cancel(self) -> None:
        if not self.busy:
            self.leave_in_worker(lambda: self.dismiss(None))


class EvidenceScreen(BaseScreen):
    HELP_TITLE = "ui.evidence.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "key.new_evidence", id="evidence.new"),
        Binding("enter", "edit", "key.edit", id="evidence.edit", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.evidence: list[EvidenceView] = []

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        yield Static(t("ui.evidence.title"), classes="title", id="evidence-heading")
        yield DataTable(id="register", cursor_type="row", zebra_stripes=True)
        yield Static("", id="evidence-empty", classes="hint")
        # the highlighted document in full: the table keeps the number, type, date and title
        yield Static("", id="evidence-detail", markup=False)
        yield I18nFooter()

    def on_mount(self) -> None:
        table = self.query_one("#register", DataTable)
        table.add_column(t("ui.col.number"), key="number", width=16)
        table.add_column(t("ui.col.type"), key="type", width=4)
        table.add_column(t("ui.col.date"), key="date", width=10)
        # the title gets what is left (each column pads 1 either side; 2 for the scrollbar)
        rest = self.app.size.width - (16 + 4 + 10) - 4 * 2 - 2
        if self.app.size.width >= 110:  # room for the issuer and the items as well
            table.add_column(t("ui.col.issuer"), key="issuer", width=16)
            table.add_column(t("ui.col.items"), key="items", width=12)
            rest -= 16 + 12 + 2 * 2
        table.add_column(t("ui.col.title"), key="title", width=max(20, rest))
        table.focus()

    async def on_screen_resume(self) -> None:
        await self.reload()

    async def reload(self) -> None:
        try:
            self.evidence = await self.read(self.ctx.evidence)
        except DbFailed:
            return
        table = self.query_one("#register", DataTable)
        wide = "issuer" in table.columns
        table.clear()
        for e in self.evidence:
            cells = [e.number, e.doc_type, format_date(e.doc_date)]
            if wide:
                cells += [e.issuer, ", ".join(e.items)]
            table.add_row(*cells, e.title, key=str(e.id))
        self.query_one("#evidence-empty", Static).update(
            "" if self.evidence else t("ui.evidence.none")
        )
        self.show_detail()

    @on(DataTable.RowHighlighted, "#register")
    def show_detail(self) -> None:
        table = self.query_one("#register", DataTable)
        detail = self.query_one("#evidence-detail", Static)
        if not table.row_count:
            detail.update("")
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        ev = next((e for e in self.evidence if str(e.id) == key), None)
        if ev is None:
            return
        detail.update(
            t(
                "ui.evidence.detail",
                number=ev.number,
                type=ev.doc_type or "—",
                date=format_date(ev.doc_date),
                issuer=ev.issuer or "—",
                title=ev.title or "—",
                items=", ".join(ev.items) or "—",
                file=ev.file_name or t("ui.evidence.no_file"),
            )
        )

    async def action_new(self) -> None:
        def done(result: int | None) -> None:
            if result is not None:
                self.run_worker(self.reload())

        await self.app.push_screen(EvidenceForm(), done)

    @on(DataTable.RowSelected, "#register")
    async def _selected(self, event: DataTable.RowSelected) -> None:
        await self._edit(event.row_key.value)

    async def action_edit(self) -> None:
        table = self.query_one("#register", DataTable)
        if table.row_count:
            await self._edit(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    async def _edit(self, key: str | None) -> None:
        ev = next((e for e in self.evidence if str(e.id) == key), None)
        if ev is None:
            return

        def done(result: int | None) -> None:
            if result is not None:
                self.run_worker(self.reload())

        await self.app.push_screen(EvidenceForm(items=ev.items, edit=ev), done)
