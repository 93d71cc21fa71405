"""One agency's submission at the review desk: items, scores, evidence, appraisal, state."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Header, Static

from cchc_tui.core import glyphs, labels
from cchc_tui.core.comments import target_label
from cchc_tui.core.dates import format_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import num
from cchc_tui.core.progress import status_label
from cchc_tui.core.review import (
    Received,
    UnitRow,
)
from cchc_tui.core.submission import Submission
from cchc_tui.core.text import escape_controls
from cchc_tui.ui.review.agency_actions import AgencyActions
from cchc_tui.ui.review.base import OnReviewApp, _cell, _local
from cchc_tui.ui.review.dialogs import DropModal
from cchc_tui.ui.widgets.footer import I18nFooter


class ReviewAgencyScreen(AgencyActions):
    """One agency's submission: its items, its self-assessment with the appraisal rounds beside
    it and the totals, the documents with each stored file's hash checked again, the review
    state and the comments (on the bundle, an item or a criterion)."""

    HELP_TITLE = "ui.review.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="agency.back"),
        Binding("t", "state", "ui.review.key_state", id="agency.state"),
        Binding("c", "comment", "ui.review.key_comment", id="agency.comment"),
        Binding("u", "uncomment", "ui.review.key_uncomment", id="agency.uncomment"),
        Binding("p", "appraise", "ui.review.key_appraise", id="agency.appraise"),
        Binding("x", "withdraw", "ui.review.key_withdraw", id="agency.withdraw"),
        Binding("a", "accept", "ui.review.key_accept", id="agency.accept"),
        Binding("n", "receipt", "ui.review.key_receipt", id="agency.receipt"),
        Binding("v", "changes", "ui.review.key_changes", id="agency.changes"),
        Binding("o", "open_file", "ui.review.key_open_file", id="agency.open_file"),
        Binding("w", "open_report", "ui.review.key_report", id="agency.report"),
        Binding("l", "drop", "ui.review.key_drop", id="agency.drop"),
        Binding("greater_than_sign", "step(1)", "ui.review.key_next_unit", id="agency.next"),
        Binding("less_than_sign", "step(-1)", "ui.review.key_prev_unit", id="agency.prev"),
    ]

    def __init__(
        self,
        row: UnitRow,
        period: str,
        *,
        item: str | None = None,
        units: Sequence[UnitRow] = (),
    ) -> None:
        super().__init__()
        self.row = row
        self.period = period
        self.item = item  # the activity the reviewer came from: the cursor starts on it
        self.units = list(units)  # the list it was opened from, for the next and previous unit
        self.state = "da_nhan"
        self.rounds: dict[str, dict[int, Any]] = {}
        self.reasons: dict[str, dict[int, str]] = {}
        self.comments: list[Any] = []
        self.titles: dict[str, tuple[str, Decimal]] = {}  # code → the criterion's title, max

    @property
    def got(self) -> Received:
        assert self.row.received is not None
        return self.row.received

    @property
    def sub(self) -> Submission:
        """The submission shown, read through the schema (a broken one never opens here)."""
        assert self.got.submission is not None
        return self.got.submission

    def compose(self) -> ComposeResult:
        got = self.got
        yield Header(icon=glyphs.ICON)
        with VerticalScroll(id="review-agency"):
            yield Static(
                f"{self.row.agency.name} ({self.row.agency.code}) · {self.period}", classes="title"
            )
            self._bundle_line = t(
                "ui.review.bundle",
                id=got.bundle_id[:8],
                count=got.count,
                received=_local(got.received_at),
                signed=_local(got.signing_time) if got.signing_time else "—",
            )
            yield Static(self._bundle_line, classes="info", id="agency-bundle")
            yield Static("", id="agency-history", classes="hint", markup=False)
            yield Static("", id="agency-review", classes="section", markup=False)
            yield DataTable(id="agency-items", cursor_type="row", zebra_stripes=True)
            yield Static("", id="agency-item", classes="hint", markup=False)
            yield Static(t("ui.review.scores"), classes="section")
            yield Static("", id="agency-totals", classes="info", markup=False)
            yield DataTable(id="agency-scores", cursor_type="row", zebra_stripes=True)
            yield Static("", id="agency-score", classes="hint", markup=False)
            yield Static(t("ui.review.evidence"), classes="section")
            yield DataTable(id="agency-evidence", cursor_type="row", zebra_stripes=True)
            yield Static("", id="agency-document", classes="hint", markup=False)
        yield I18nFooter()

    async def on_mount(self) -> None:
        width = self.app.size.width
        table = self.query_one("#agency-items", DataTable)
        table.add_column(t("col.id"), width=8)
        table.add_column(t("col.status"), width=16)
        table.add_column("%", width=4)
        table.add_column(t("ui.item.note"), width=max(20, width - 46))
        for item in self.sub.items:
            table.add_row(
                item.id,
                status_label(item.status),
                str(item.progress),
                _cell(item.note),
                key=f"item:{item.id}",
            )
        scores = self.query_one("#agency-scores", DataTable)
        scores.add_column(t("ui.score.col.code"), key="code", width=7)
        scores.add_column(t("ui.score.col.self"), key="self", width=7)
        scores.add_column(t("ui.review.col.round1"), key="r1", width=5)
        scores.add_column(t("ui.review.col.round2"), key="r2", width=5)
        scores.add_column(t("ui.review.col.why"), key="why", width=max(20, width - 40))
        evidence = self.query_one("#agency-evidence", DataTable)
        evidence.add_column(t("col.number"), width=16)
        evidence.add_column(t("ui.review.col.hash"), key="hash", width=12)
        evidence.add_column(t("col.file"), width=max(20, width - 40))
        for e in self.sub.evidence:
            evidence.add_row(
                _cell(e.number),
                t("ui.review.hash.checking") if e.path else t("ui.review.hash.none"),
                _cell(e.path or e.file_name),
                key=str(e.id),
            )
        if self.sub.evidence:
            self._document_detail(str(self.sub.evidence[0].id))
        scores_of = self.sub.first_scores
        if scores_of is not None:
            from cchc_tui.services import review_desk as rs

            found = await self.rapp.db(rs.criteria_for, self.rapp.store, scores_of.set_id)
            self.titles = {x.code: (x.title, x.max) for x in found.subs} if found else {}
        await self.show_history()
        await self.refresh_review()
        await self.refresh_scores()
        if self.item is not None and f"item:{self.item}" in table.rows:
            table.move_cursor(row=table.get_row_index(f"item:{self.item}"))
        table.focus()
        self.check_files()

    @on(DataTable.RowHighlighted, "#agency-items")
    def show_item(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted item as the plan prints it, what the agency said and its documents."""
        key = str(event.row_key.value or "").removeprefix("item:")
        item = next((i for i in self.rapp.plan.item if i.id == key), None)
        sent = next((i for i in self.sub.items if i.id == key), None)
        docs = [e.number for e in self.sub.evidence if key in e.items]
        parts = [f"{item.number} {' '.join(item.text.split())}" if item else key]
        if sent is not None and sent.completed_on is not None:
            parts.append(t("ui.review.item_done", date=format_date(sent.completed_on)))
        if sent is not None and sent.reason:
            parts.append(sent.reason)
        parts.append(t("ui.review.item_docs", docs=", ".join(docs) if docs else "—"))
        # markup=False: the agency's words are shown as written, control characters escaped
        self.query_one("#agency-item", Static).update(escape_controls(" · ".join(parts)))

    @on(DataTable.RowHighlighted, "#agency-evidence")
    def show_document(self, event: DataTable.RowHighlighted) -> None:
        self._document_detail(str(event.row_key.value))

    def _document_detail(self, key: str) -> None:
        """The highlighted document whole: number, date, issuer, title, the file's own name
        and the items it is cited for (its row shows the number and the file only)."""
        doc = next((e for e in self.sub.evidence if str(e.id) == key), None)
        if doc is None:
            return
        said = t(
            "ui.review.document_detail",
            number=doc.number,
            date=format_date(doc.doc_date),
            issuer=doc.issuer or "—",
            title=doc.title or "—",
            file=doc.file_name or "—",
            items=", ".join(doc.items) or "—",
        )
        self.query_one("#agency-document", Static).update(escape_controls(said))

    @on(DataTable.RowHighlighted, "#agency-scores")
    def show_score(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted sub-criterion: the agency's explanation and the documents it linked,
        next to which the reviewer appraises."""
        code = str(event.row_key.value or "")
        scores = self.sub.first_scores
        sub = next((x for x in scores.subs if x.code == code), None) if scores else None
        numbers = {e.id: e.number for e in self.sub.evidence}
        docs = [numbers.get(i, f"#{i}") for i in (sub.evidence if sub else [])]
        title = self.titles.get(code)
        parts = (
            [t("ui.review.sub_line", code=code, title=title[0], max=num(title[1]))]
            if title
            else [code]
        )
        if sub is not None and sub.note:
            parts.append(t("ui.review.score_note", note=sub.note))
        parts += [
            t("ui.review.reason_of_round", round=r, reason=why)
            for r, why in sorted(self.reasons.get(code, {}).items())
            if why
        ]
        parts.append(t("ui.review.item_docs", docs=", ".join(docs) if docs else "—"))
        self.query_one("#agency-score", Static).update(escape_controls(" · ".join(parts)))

    @work(thread=True, exclusive=True, group="hashes")
    def check_files(self) -> None:
        """Hash every stored evidence file again (the reviewer's copy) and show the result."""
        from cchc_tui.services import review_desk as rs

        bundle = rs.latest_bundle(
            self.rapp.store, self.row.agency.code, self.rapp.plan.id, self.period
        )
        if bundle.bundle_id != self.got.bundle_id:
            return
        for check in rs.check_evidence(Path(bundle.stored_path), self.sub):
            self.app.call_from_thread(self._show_check, check)

    def _show_check(self, check: Any) -> None:
        """One file's hash result in its row (on the UI thread)."""
        table = self.query_one("#agency-evidence", DataTable)
        table.update_cell(check.key, "hash", t(labels.EVIDENCE_HASH[check.state]))
        if check.path is not None:
            table.update_cell_at(
                Coordinate(table.get_row_index(check.key), 2), _cell(str(check.path))
            )

    def _load(self) -> tuple[str, list[Any], dict[str, dict[int, Any]], Any]:
        """(review state, the period's comments, appraisal rounds, the appraisal outcome)."""
        from cchc_tui.services import review_desk as rs

        app, code = self.rapp, self.row.agency.code
        state, _comments = rs.state_and_comments(app.store, self.got.bundle_id)
        comments = rs.period_comments(app.store, code, app.plan.id, self.period)
        found = rs.outcomes(app.store, app.plan.id, self.period, {code: self.got})
        rounds = rs.rounds_for(app.store, code, app.plan.id, self.period)
        self.reasons = rs.reasons_for(app.store, code, app.plan.id, self.period)
        return state, comments, rounds, found.get(code)

    async def show_history(self) -> None:
        """The bundles sent before this one for the period (a resubmission keeps them)."""
        from cchc_tui.services import review_desk as rs

        app = self.rapp
        rows = await app.db(rs.history, app.store, self.row.agency.code, app.plan.id, self.period)
        # whether the bundle shown carries its period report (w opens it; older bundles do not)
        shown = next((b for b, _state in rows if b.bundle_id == self.got.bundle_id), None)
        if shown is not None:
            carries = (Path(shown.stored_path) / "data" / "report.docx").is_file()
            info = self.query_one("#agency-bundle", Static)
            said = t("ui.review.has_report" if carries else "ui.review.no_report_short")
            info.update(f"{self._bundle_line} · {said}")
        box = self.query_one("#agency-history", Static)
        box.display = len(rows) > 1
        box.update(
            "\n".join(
                t(
                    "ui.review.history_line",
                    n=n,
                    id=b.bundle_id[:8],
                    signed=_local(b.signing_time, short=True) if b.signing_time else "—",
                    received=_local(b.received_at, short=True),
                    state=t("ui.review.dropped_state")
                    if b.dropped_at is not None
                    else t(labels.RECEIPT_STATE[state]),
                    latest=t("ui.review.history_latest")
                    if b.bundle_id == self.got.bundle_id
                    else "",
                )
                for n, (b, state) in enumerate(rows, 1)
            )
        )

    async def refresh_review(self) -> None:
        """The state and every comment of the period's bundles: numbered (u withdraws one by
        its number), what it is about in words, an earlier bundle's marked, a withdrawn one
        struck out with why."""
        state, comments, _rounds, _outcome = await self.rapp.db(self._load)
        if state != self.state:
            await self.show_history()  # the bundle lines carry the state too
        self.state, self.comments = state, comments
        text = Text(t("ui.review.current_state", state=t(labels.RECEIPT_STATE[state])))
        for c in comments:
            about = target_label(c.row.target, self.rapp.plan)
            earlier = "" if c.bundle_id == self.got.bundle_id else t("ui.review.earlier_bundle")
            line = escape_controls(f"#{c.row.id} [{about}]{earlier} {c.row.text} — {c.row.by}")
            text.append("\n  ")
            if c.withdrawn is None:
                text.append(line)
            else:
                text.append(line, style="strike")
                why = escape_controls(c.withdrawn.reason)
                text.append(" " + t("ui.review.comment_was_withdrawn", reason=why))
        self.query_one("#agency-review", Static).update(text)

    async def refresh_scores(self) -> None:
        _state, _comments, rounds, found = await self.rapp.db(self._load)
        self.rounds = rounds
        table = self.query_one("#agency-scores", DataTable)
        cursor = table.cursor_row
        table.clear()
        scores = self.sub.first_scores
        for sub in scores.subs if scores else []:
            code = sub.code
            mine = rounds.get(code, {})
            table.add_row(
                code,
                num(Decimal(sub.self_points)) if sub.self_points is not None else "",
                num(mine[1]) if 1 in mine else "",
                num(mine[2]) if 2 in mine else "",
                _cell(sub.explanation),
                key=code,
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        self_total = self.row.self_total
        text = t(
            "ui.review.totals_self",
            total=num(self_total) if self_total is not None else "—",
            grade=self.row.grade or "—",
        )
        if found is not None and found.appraised:
            text += " · " + t(
                "ui.review.totals_appraised",
                total=num(found.total),
                percent=num(found.totals.percent),
                grade=found.grade,
                done=found.appraised_count,
                count=len(found.subs),
            )
        self.query_one("#agency-totals", Static).update(text)

    def _target(self) -> str:
        """item:ID or criterion:CODE of the row under the cursor, else the whole bundle."""
        focused = self.focused
        if isinstance(focused, DataTable) and focused.row_count:
            key = focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key.value or ""
            if focused.id == "agency-items":
                return key
            if focused.id == "agency-scores":
                return f"criterion:{key}"
        return "general"

    async def action_drop(self) -> None:
        """Drop the bundle shown, after a confirmation with a reason; then back to the overview,
        recomputed without it (its files are kept aside, the history still lists it)."""
        from cchc_tui.services import review_desk as rs

        app, got = self.rapp, self.got

        def drop(reason: str) -> Path:
            bundle = rs.find_bundle(app.store, app.plan.id, self.period, got.bundle_id)
            if bundle is None:
                raise UserError("review.drop_unknown", ref=got.bundle_id, period=self.period)
            return rs.drop_bundle(app.store, bundle, reason, actor=app.profile.officer)

        async def done(reason: str | None) -> None:
            if reason is None:
                return
            try:
                kept = await app.db(drop, reason)
            except UserError:
                return
            app.notify(
                t(
                    "review.dropped",
                    id=got.bundle_id[:8],
                    agency=self.row.agency.code,
                    period=self.period,
                    path=kept,
                )
            )
            # a ranking or activity view opened on the way was computed with the bundle: back
            # to the overview, which recomputes when it shows again
            overview = next((s for s in app.screen_stack if getattr(s, "IS_HOME", False)), None)
            while overview is not None and app.screen is not overview:
                await app.pop_screen()

        await self.app.push_screen(DropModal(got.bundle_id, self.row.agency.code), done)

    def action_back(self) -> None:
        self.dismiss(None)

    async def action_changes(self) -> None:
        from cchc_tui.ui.review.changes import ChangesScreen

        await self.app.push_screen(
            ChangesScreen(self.row.agency.code, self.row.agency.name, self.period)
        )

    async def action_open_file(self) -> None:
        """The highlighted document's stored file, with the system's viewer, once its hash is
        checked again (a file changed on this disk is not opened)."""
        from cchc_tui.services import review_desk as rs
        from cchc_tui.ui import opener

        table = self.query_one("#agency-evidence", DataTable)
        if not table.row_count:
            return
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        app = self.rapp

        def check() -> Any:
            bundle = rs.latest_bundle(app.store, self.row.agency.code, app.plan.id, self.period)
            found = rs.check_evidence(Path(bundle.stored_path), self.sub)
            return next((c for c in found if c.key == key), None)

        got = await app.db(check)
        if got is None or got.path is None or got.state != "ok":
            where = got.path if got is not None and got.path is not None else key
            self.notify(t("review.file_not_ok", path=where), severity="error", markup=False)
            return
        try:
            opener.open_with_system(got.path)
        except OSError as e:
            said = t("review.file_open_failed", path=got.path, detail=e.strerror or str(e))
            self.notify(said, severity="error", markup=False)
            return
        self.notify(t("review.file_opened", path=got.path), markup=False)

    async def action_open_report(self) -> None:
        from cchc_tui.ui.review.unit_report import open_unit_report

        await open_unit_report(self, self.row.agency.code, self.period)

    async def action_step(self, by: int) -> None:
        """The next (or previous) unit of the list this one was opened from that sent a
        readable bundle; the same screen for it, in place of this one."""
        codes = [u.agency.code for u in self.units]
        if self.row.agency.code not in codes:
            return
        at = codes.index(self.row.agency.code)
        for k in range(1, len(codes)):
            other = self.units[(at + by * k) % len(codes)]
            if other.received is not None and not other.broken:
                await self.app.switch_screen(
                    ReviewAgencyScreen(other, self.period, item=self.item, units=self.units)
                )
                return


async def open_unit(
    screen: OnReviewApp,
    row: UnitRow,
    period: str,
    *,
    item: str | None = None,
    units: Sequence[UnitRow] = (),
) -> None:
    """One agency's submission (on ``item`` when opened from an activity; ``units`` the list
    it was opened from, for > and <); for a bundle whose submission cannot be read, why."""
    if row.received is None:
        return
    if row.broken:
        screen.rapp.notify(
            t("review.broken_bundle", agency=row.agency.code, reason=row.broken),
            severity="warning",
            markup=False,
        )
        return
    await screen.rapp.push_screen(ReviewAgencyScreen(row, period, item=item, units=units))
