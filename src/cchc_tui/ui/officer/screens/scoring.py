"""Chấm điểm: the criteria tree with maximum, suggested and self points, documents and
warnings per row; an edit panel for the chosen sub-criterion; totals always visible."""

from __future__ import annotations

import contextlib
import dataclasses
from decimal import Decimal
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Label, Static
from textual.widgets.data_table import CellDoesNotExist, ColumnDoesNotExist, RowDoesNotExist

from cchc_tui.core import glyphs, labels
from cchc_tui.core.dates import format_date, local_day
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import num
from cchc_tui.core.scoring import SubResult
from cchc_tui.services.officer_desk import ScoringView
from cchc_tui.ui.guard import DbFailed, Guarded
from cchc_tui.ui.officer.screens import scoring_edit as edit
from cchc_tui.ui.officer.screens import scoring_find as find
from cchc_tui.ui.officer.screens.base import BaseScreen
from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.pick_documents import PickDocuments, document_options
from cchc_tui.ui.widgets.viet_input import VietInput


class ScoringScreen(Guarded, BaseScreen):
    """Typed points, reasons and notes are kept per criterion (``pending``) until saved: moving
    the cursor, the documents (F9), report dates (b) and indicators (i) leave them intact."""

    HELP_TITLE = "ui.score.title"
    DRAFT_FORM = "score"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", "key.save", id="score.save", priority=True),
        # Enter on a sub-criterion moves to its points at once (a priority binding runs when
        # the key is read): the letters typed right after it land there, not on the table
        Binding("enter", "edit_row", "key.edit", id="score.edit", priority=True, show=False),
        Binding("escape", "to_table", "key.back", id="score.back", show=False),
        Binding("f9", "documents", "key.link_evidence", id="score.documents"),
        Binding("f", "finalise", "ui.score.key_finalise", id="score.finalise"),
        Binding("u", "use_suggestion", "ui.score.key_suggestion", id="score.suggestion"),
        Binding("b", "reports", "ui.score.key_reports", id="score.reports"),
        Binding("i", "indicators", "ui.score.key_indicators", id="score.indicators"),
        Binding("slash", "find", "ui.score.key_find", id="score.find"),
        Binding("n", "next_flag", "ui.score.key_next_flag", id="score.next_flag"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: ScoringView | None = None
        self.code: str | None = None
        self.pending: dict[str, dict[str, str]] = {}  # code → typed points/reason/note/_base
        self.versions: dict[str, int] = {}  # code → version its score was read at
        self.rows: list[find.Row] = []  # the tree's rows, in order, for `/` and `n`
        self.find_from = -1  # the row a search started at

    def compose(self) -> ComposeResult:
        yield Header(icon=glyphs.ICON)
        yield Static("", id="score-totals", classes="title")
        yield VietInput(id="score-find", placeholder=t("ui.score.find_placeholder"))
        yield DataTable(id="score-tree", cursor_type="row", zebra_stripes=True)
        with Vertical(id="score-panel"):
            # the highlighted row in full (the tree cuts titles at 80 columns), then its hints
            yield Static("", id="score-explain", classes="info", markup=False)
            with Horizontal(classes="row"):
                yield Label(t("ui.score.points"))
                yield VietInput(id="score-points", restrict=r"[0-9.,]*", max_length=6)
                yield Label(t("ui.score.reason"))
                yield VietInput(id="score-reason")
            with Horizontal(classes="row"):
                yield Label(t("ui.score.note"))
                yield VietInput(id="score-note")
            yield Static("", id="score-error", classes="error")
        yield I18nFooter()

    async def on_mount(self) -> None:
        table = self.query_one("#score-tree", DataTable)
        table.add_column(t("ui.score.col.code"), key="code", width=6)
        table.add_column(
            t("ui.score.col.title"), key="title", width=max(16, self.app.size.width - 56)
        )
        table.add_column(t("ui.score.col.max"), key="max", width=6)
        table.add_column(t("ui.score.col.suggested"), key="sug", width=5)
        table.add_column(t("ui.score.col.self"), key="self", width=7)
        table.add_column(t("ui.review.col.appraisal_short"), key="appr", width=5)
        table.add_column(t("ui.col.evidence"), key="ev", width=4)
        table.add_column("!", key="warn", width=1)
        await self.reload()
        table.focus()
        self._offer_drafts()

    async def reload(self, written: str | None = None) -> None:
        ctx = self.ctx
        try:
            view = await self.read(ctx.scoring_view)
            versions = await self.read(ctx.score_versions, view.cset.id)
        except DbFailed:
            return
        self.view = view
        for code in {*versions, *self.versions}:
            # a code being typed in keeps the version its typing started from
            if code not in self.pending or code == written:
                self.versions[code] = versions.get(code, 0)
        if written in self.pending:
            self.pending[written]["_base"] = str(self.versions.get(written, 0))
        self.show()

    # -- the guard ---------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        self._typing()  # the panel as it is now
        return bool(self.pending)

    def guard_label(self) -> str:
        return t("ui.guard.score", codes=", ".join(sorted(self.pending)))

    def discard(self) -> None:
        self.pending.clear()
        if self.view is not None:
            self.show()

    def draft_entries(self) -> dict[str, tuple[str, dict[str, str]]]:
        return {
            code: (t("ui.guard.score", codes=code), dict(raw)) for code, raw in self.pending.items()
        }

    async def save(self) -> bool:
        """Save every criterion typed in (the guard's Lưu)."""
        for code in sorted(self.pending):
            if not await self._save_code(code):
                return False
        return True

    def _offer_drafts(self) -> None:
        writer = self.draft_writer
        view = self.view
        if writer is None or view is None:
            return
        codes = {s.code for s in view.cset.subs}
        drafts = [d for d in writer.of_form(self.DRAFT_FORM) if d.target in codes]
        if not drafts:
            return
        from cchc_tui.ui.dialogs import RestoreDraft

        def answered(keep: bool | None) -> None:
            for d in drafts:
                if keep:
                    self.pending[d.target] = dict(d.payload)
                    self.__dict__.setdefault("_draft_sent", {})[d.target] = d.payload
                elif keep is False:  # [Bỏ]; Esc leaves them for next time
                    self.forget_drafts(d.target)
            self.show()

        label = t("ui.guard.score", codes=", ".join(sorted(d.target for d in drafts)))
        self.app.push_screen(RestoreDraft(max(d.saved_at for d in drafts), label), answered)

    def _stored(self, code: str) -> dict[str, str]:
        own = self.view.selves.get(code) if self.view else None
        return {
            "points": "" if own is None or own.points is None else num(own.points),
            "reason": own.reason if own else "",
            "note": own.note if own else "",
        }

    def _typed(self) -> dict[str, str]:
        return {
            "points": self.query_one("#score-points", VietInput).value.strip(),
            "reason": self.query_one("#score-reason", VietInput).nfc_value,
            "note": self.query_one("#score-note", VietInput).nfc_value,
        }

    @on(VietInput.Changed, "#score-panel VietInput")
    def _typing(self) -> None:
        code = self.code
        if code is None or self.view is None:
            return
        typed = self._typed()
        was = code in self.pending
        if typed == self._stored(code):
            self.pending.pop(code, None)
        else:
            base = self.pending.get(code, {}).get("_base", str(self.versions.get(code, 0)))
            self.pending[code] = {**typed, "_base": base}
        if was != (code in self.pending):
            self._mark(code)

    def _mark(self, code: str) -> None:
        """* in the row of a criterion typed in and not saved."""
        table = self.query_one("#score-tree", DataTable)
        r = (
            next((x for x in self.view.result.subs if x.sub.code == code), None)
            if self.view
            else None
        )
        mark = (
            glyphs.EDITED if code in self.pending else ("!" if r is not None and r.warnings else "")
        )
        self.rows = [
            dataclasses.replace(row, flagged=bool(mark)) if row.key == f"s:{code}" else row
            for row in self.rows
        ]
        try:
            table.update_cell(f"s:{code}", "warn", mark)
        except (CellDoesNotExist, ColumnDoesNotExist, RowDoesNotExist):
            return  # a row not shown (yet): nothing to mark

    def show(self) -> None:
        view = self.view
        assert view is not None
        res = view.result
        state = (
            t("ui.score.finalised", when=format_date(local_day(view.finalised_at)))
            if view.finalised_at
            else t("ui.score.open")
        )
        totals = t(
            "ui.score.totals",
            total=num(res.total),
            max=num(res.max_self),
            pct=num(res.percent),
            grade=res.grade,
            state=state,
            warnings=len(res.blocking),
            status=view.cset.status,
        )
        appraised: dict[str, str] = {}
        if view.receipt:
            for code, rounds in view.receipt.get("appraisal", {}).items():
                appraised[code] = num(Decimal(rounds[max(rounds, key=int)]))
            total = view.receipt.get("appraisal_total") or {}
            if total:
                totals += "\n" + t(
                    "ui.score.appraised_total",
                    total=num(Decimal(total["total"])),
                    pct=num(Decimal(total["percent"])),
                    grade=total["grade"],
                    state=t(labels.RECEIPT_STATE[view.receipt.get("state", "da_nhan")]),
                )
        self.query_one("#score-totals", Static).update(totals)
        table = self.query_one("#score-tree", DataTable)
        current = self._row_key()
        scrolled = table.scroll_y
        table.clear()
        self.rows = []
        by_code = {r.sub.code: r for r in res.subs}
        crit = {c.code: c for c in res.criteria}
        area = {a.code: a for a in res.areas}
        for a in view.cset.areas:
            table.add_row(
                a.code,
                a.title.upper(),
                num(a.max),
                "",
                num(area[a.code].points),
                "",
                "",
                "",
                key=f"a:{a.code}",
            )
            self.rows.append(find.Row(f"a:{a.code}", a.code, a.title))
            for c in view.cset.criteria_of(a.code):
                table.add_row(
                    c.code,
                    "  " + c.title,
                    num(c.max),
                    "",
                    num(crit[c.code].points),
                    "",
                    "",
                    "",
                    key=f"c:{c.code}",
                )
                self.rows.append(find.Row(f"c:{c.code}", c.code, c.title))
                for s in view.cset.subs_of(c.code):
                    r = by_code[s.code]
                    table.add_row(
                        s.code,
                        "    " + s.title,
                        num(s.max),
                        "" if r.suggestion.points is None else num(r.suggestion.points),
                        "" if r.self_points is None else num(r.self_points),
                        appraised.get(s.code, ""),
                        str(len(view.links.get(s.code, []))),
                        glyphs.EDITED if s.code in self.pending else ("!" if r.warnings else ""),
                        key=f"s:{s.code}",
                    )
                    flagged = s.code in self.pending or bool(r.warnings)
                    self.rows.append(find.Row(f"s:{s.code}", s.code, s.title, flagged))
        # the cursor stays on its row (any row: an area, a criterion), the view where it was
        if current is not None:
            with contextlib.suppress(RowDoesNotExist):
                table.move_cursor(row=table.get_row_index(current), scroll=False)
        table.scroll_to(y=scrolled, animate=False)
        self._fill_panel()

    def _row_key(self) -> str | None:
        table = self.query_one("#score-tree", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    # -- finding a row (scoring_find.py) -----------------------------------------------------
    def _go(self, index: int | None) -> bool:
        if index is None:
            return False
        self.query_one("#score-tree", DataTable).move_cursor(row=index)
        return True

    def action_find(self) -> None:
        field = self.query_one("#score-find", VietInput)
        self.find_from = self.query_one("#score-tree", DataTable).cursor_row
        field.display = True
        field.focus()

    @on(VietInput.Changed, "#score-find")
    def _finding(self, event: VietInput.Changed) -> None:
        query = event.value
        # as it is typed: the first match from the row the search started at, that row included
        self._go(find.next_index(self.rows, self.find_from - 1, lambda r: find.matches(r, query)))

    def find_next(self) -> None:
        query = self.query_one("#score-find", VietInput).value
        table = self.query_one("#score-tree", DataTable)
        found = find.next_index(self.rows, table.cursor_row, lambda r: find.matches(r, query))
        if not self._go(found) and query.strip():
            self.notify(t("ui.score.not_found", query=query), severity="warning")

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.app.focused is self.query_one("#score-find"):
            event.stop()
            event.prevent_default()
            self.find_next()

    @on(VietInput.Submitted, "#score-find")
    def _found(self) -> None:
        self.close_find()

    def close_find(self) -> None:
        self.query_one("#score-find", VietInput).display = False
        self.query_one("#score-tree", DataTable).focus()

    def action_next_flag(self) -> None:
        table = self.query_one("#score-tree", DataTable)
        if not self._go(find.next_index(self.rows, table.cursor_row, lambda r: r.flagged)):
            self.notify(t("ui.score.no_flags"))

    def _row(self) -> find.Row | None:
        """The highlighted row (an area, a criterion or a sub-criterion)."""
        key = self._row_key()
        return next((r for r in self.rows if r.key == key), None)

    def selected(self) -> SubResult | None:
        table = self.query_one("#score-tree", DataTable)
        if not table.row_count or self.view is None:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        if not key.startswith("s:"):
            return None
        code = key[2:]
        return next(r for r in self.view.result.subs if r.sub.code == code)

    @on(DataTable.RowHighlighted, "#score-tree")
    def _highlighted(self) -> None:
        self._fill_panel()

    def _fill_panel(self) -> None:
        r = self.selected()
        explain = self.query_one("#score-explain", Static)
        self.query_one("#score-error", Static).update("")
        if r is None or self.view is None:
            # an area or criterion row: nothing to type into (typing would go nowhere)
            self.code = None
            row = self._row()
            title = "" if row is None else t("ui.score.row_title", code=row.code, title=row.title)
            explain.update("\n".join(filter(None, [title, t("ui.score.pick")])))
            for field in self.query("#score-panel VietInput").results(VietInput):
                field.value = ""
                field.disabled = True
            return
        self.code = r.sub.code
        lines = [
            t("ui.score.sub_title", code=r.sub.code, title=r.sub.title, max=num(r.sub.max)),
            f"{t('ui.score.suggestion')}: {r.suggestion.explanation}",
        ]
        lines += [f"! {w}" for w in r.warnings]
        receipt = self.view.receipt or {}
        rounds = receipt.get("appraisal", {}).get(r.sub.code)
        if rounds:
            lines.append(
                t(
                    "ui.score.appraised_rounds",
                    rounds=" · ".join(
                        f"{t('ui.review.round')} {k}: {num(Decimal(v))}"
                        for k, v in sorted(rounds.items())
                    ),
                )
            )
        lines += [
            f"» {c['text']} — {c.get('signer', '')}" for c in self.view.comments.get(r.sub.code, [])
        ]
        explain.update("\n".join(lines))
        shown = self.pending.get(r.sub.code) or self._stored(r.sub.code)
        self.query_one("#score-points", VietInput).value = shown["points"]
        self.query_one("#score-reason", VietInput).value = shown["reason"]
        self.query_one("#score-note", VietInput).value = shown["note"]
        disabled = r.sub.is_survey or self.view.finalised_at is not None
        for panel_field in self.query("#score-panel VietInput"):
            panel_field.disabled = disabled

    @on(DataTable.RowSelected, "#score-tree")
    def _chosen(self) -> None:
        if self.selected() is not None:
            self.query_one("#score-points", VietInput).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit_row":
            table = self.query_one("#score-tree", DataTable)
            return self.app.focused is table and self.selected() is not None
        return True

    def action_edit_row(self) -> None:
        points = self.query_one("#score-points", VietInput)
        if not points.disabled:
            self.set_focus(points)  # now, not after the keys already read (Widget.focus waits)

    def action_to_table(self) -> None:
        self.close_find()

    async def action_documents(self) -> None:
        r = self.selected()
        view = self.view
        if r is None or view is None:
            return
        try:
            docs = await self.read(self.ctx.evidence)
        except DbFailed:
            return
        options = document_options(docs)
        chosen = set(view.links.get(r.sub.code, []))

        async def done(result: list[int] | None) -> None:
            if result is not None and set(result) != chosen:
                await self._write_links(r.sub.code, result)

        await self.app.push_screen(
            PickDocuments(t("ui.score.pick_docs", code=r.sub.code), options, chosen), done
        )

    async def action_reports(self) -> None:
        from cchc_tui.ui.officer.screens.score_data import ReportDates

        ctx = self.ctx
        sent = await self.cchc.db(ctx.reader.report_dates, ctx.agency, ctx.plan.id)

        async def done(changed: bool | None) -> None:
            if changed:
                await self.reload()

        await self.app.push_screen(ReportDates(sent), done)

    async def action_indicators(self) -> None:
        from cchc_tui.ui.officer.screens.score_data import IndicatorValues

        ctx = self.ctx
        values = await self.cchc.db(ctx.reader.indicator_values, ctx.agency, ctx.plan.id)

        async def done(changed: bool | None) -> None:
            if changed:
                await self.reload()

        await self.app.push_screen(IndicatorValues(values), done)

    # -- writing (scoring_edit.py) ----------------------------------------------------------
    def action_save(self) -> None:
        edit.action_save(self)

    async def _save_code(self, code: str) -> bool:
        return await edit.save_code(self, code)

    async def _write_links(self, code: str, evidence: list[int]) -> None:
        await edit.write_links(self, code, evidence)

    def action_use_suggestion(self) -> None:
        edit.action_use_suggestion(self)

    def action_finalise(self) -> None:
        edit.action_finalise(self)
