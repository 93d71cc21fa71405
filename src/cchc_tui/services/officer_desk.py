"""What every screen needs: the database (reads and writes), the registry, the plan, the
profile and 'today'.

Reads go through the sqlite3 Reader; the Store (SQLAlchemy) is created on first write, or
warmed up in the background once the first screen is up, so that start-up does not wait for
SQLAlchemy to import.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_tui.core.agencies import Registry
from cchc_tui.core.errors import UserError
from cchc_tui.core.plan import Period, Plan
from cchc_tui.core.progress import ProgressValues
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.store.reader import AuditRow, EvidenceView, ProfileView, Reader

if TYPE_CHECKING:
    from cchc_tui.core.criteria import CriteriaSet
    from cchc_tui.core.scoring import Result, SelfScore
    from cchc_tui.store.evidence import SavedEvidence
    from cchc_tui.store.service import Store


@dataclass(frozen=True)
class ScoringView:
    cset: CriteriaSet
    result: Result
    finalised_at: datetime | None
    links: dict[str, list[int]]
    selves: dict[str, SelfScore]
    receipt: dict[str, Any] | None = None  # Sở Nội vụ's latest receipt with an appraisal
    comments: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # code → comments


@dataclass
class Context:
    reader: Reader
    registry: Registry
    plan: Plan
    profile: ProfileView
    today: date
    _store: Store | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def agency(self) -> str:
        return self.profile.agency_code

    @property
    def store(self) -> Store:
        """The writer, opened on first use (blocking: call it from a worker thread)."""
        from cchc_tui.store.service import Store

        with self._lock:
            if self._store is None:
                if isinstance(self.reader, Store):
                    self._store = self.reader
                else:
                    # checked at start: the drafts' connection is open by now (check_file)
                    self._store = Store(self.reader.path, checked=True)
            return self._store

    @classmethod
    def on_store(
        cls, store: Store, registry: Registry, plan_id: str | None = None, today: date | None = None
    ) -> Context:
        """The desk of the database's own agency over an open Store (the command line)."""
        return cls(
            reader=store,
            registry=registry,
            plan=store.load_plan(plan_id),
            profile=store.require_profile(),
            today=today or date.today(),
            _store=store,
        )

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()

    # Blocking calls: screens run them in a worker thread through App.db(...)
    def rows(self) -> list[ItemStatus]:
        return self.reader.assigned_status(self.plan, self.registry, self.agency, self.today)

    def row(self, item_id: str) -> ItemStatus:
        for r in self.rows():
            if r.item.id == item_id:
                return r
        raise KeyError(item_id)

    def evidence(self) -> list[EvidenceView]:
        return self.reader.list_evidence(self.agency)

    def evidence_of(self, item_id: str) -> list[EvidenceView]:
        return [e for e in self.evidence() if item_id in e.items]

    def comments_on(self, target: str) -> list[dict[str, str]]:
        """Sở Nội vụ's comments (from imported receipts) on "item:ID" or "criterion:CODE"."""
        return [c for c in self.reader.reviewer_comments() if c.get("target") == target]

    # Versions: the audit id each row was read at (a save against an older one is refused)
    def progress_versions(self) -> dict[str, int]:
        prefix = self.plan.id + "/"
        return {
            k.removeprefix(prefix): v
            for k, v in self.reader.versions(self.agency, "progress.set").items()
            if k.startswith(prefix)
        }

    def score_versions(self, set_id: str) -> dict[str, int]:
        prefix = set_id + "/"
        return {
            k.removeprefix(prefix): v
            for k, v in self.reader.versions(self.agency, "score.set").items()
            if k.startswith(prefix)
        }

    def evidence_version(self, evidence_id: int) -> int:
        return self.reader.versions(self.agency, "evidence.update").get(str(evidence_id), 0)

    # Writes (also blocking, also from a worker thread)
    def save_progress(self, item_id: str, values: ProgressValues, base: int | None = None) -> None:
        """What the item form holds, saved whole (a stale form refused)."""
        self.set_progress(
            item_id,
            status=values.status,
            progress_pct=values.progress_pct,
            reason=values.reason or None,
            note=values.note,
            completed_on=values.completed_on,
            base=base,
        )

    def set_progress(
        self,
        item_id: str,
        *,
        status: str,
        progress_pct: int | None = None,
        reason: str | None = None,
        note: str | None = None,
        completed_on: date | None = None,
        base: int | None = None,
    ) -> ProgressValues:
        """An item's progress (a field left None keeps what is stored, by core.progress's
        rules); only an item assigned to this agency. The values now stored."""
        self._check_mine([item_id])
        values, _changes = self.store.set_progress(
            self.plan,
            item_id,
            agency=self.agency,
            actor=self.profile.officer,
            status=status,
            progress_pct=progress_pct,
            reason=reason,
            note=note,
            completed_on=completed_on,
            today=self.today,
            base=base,
        )
        return values

    def save_report_words(
        self, period: str, words: Any, *, number: str = "", report_date: date | None = None,
        signer: str = "",
    ) -> dict[str, tuple[Any, Any]]:  # fmt: skip
        """Keep the officer's words of a period report (store/period_report.py)."""
        from cchc_tui.store.period_report import PeriodReportStore

        return PeriodReportStore(self.store).save(
            self.plan, period, words, agency=self.agency, actor=self.profile.officer,
            number=number, report_date=report_date, signer=signer,
        )  # fmt: skip

    def set_condition(
        self, item_id: str, state: str | None, *, document: str = "", note: str = ""
    ) -> dict[str, tuple[Any, Any]]:
        """Whether an assigned item's printed condition happened (core/milestones.py); what
        changed (empty when nothing did)."""
        self._check_mine([item_id])
        return self.store.set_condition(
            self.plan,
            item_id,
            agency=self.agency,
            actor=self.profile.officer,
            state=state,
            document=document,
            note=note,
        )

    def set_progress_many(
        self,
        item_ids: list[str],
        *,
        status: str,
        progress_pct: int | None = None,
        reason: str | None = None,
    ) -> dict[str, dict[str, tuple[Any, Any]]]:
        """One status (and progress, reason) for several items at once, all or none, audited
        per item; what changed, per item (an item already so is left as it is)."""
        self._check_mine(item_ids)
        return self.store.set_progress_many(
            self.plan,
            item_ids,
            agency=self.agency,
            actor=self.profile.officer,
            status=status,
            progress_pct=progress_pct,
            reason=reason,
            today=self.today,
        )

    def carry_over_candidates(self) -> tuple[Period, Period | None, list[ItemStatus]]:
        """The period now, the one before it, and the items whose status was last set on or
        before the previous period's report deadline: what "carry over" would keep. None
        before the first period's report."""
        from cchc_tui.core.periods import current_period

        now = current_period(self.plan, self.today)
        earlier = [p for p in self.plan.period if p.due < now.due]
        if not earlier:
            return now, None, []
        last = max(earlier, key=lambda p: p.due)
        stored = self.reader.progress_of(self.plan.id, self.agency)
        untouched = [
            r
            for r in self.rows()
            if r.status is not None
            and r.item.id in stored
            and stored[r.item.id].updated_at.astimezone().date() <= last.due
        ]
        return now, last, untouched

    def carry_over(self, item_ids: list[str], period: str) -> int:
        """Keep the status of these items for ``period`` (audited per item); how many."""
        self._check_mine(item_ids)
        return self.store.carry_over(
            self.plan, item_ids, agency=self.agency, actor=self.profile.officer, period=period
        )

    def _check_mine(self, item_ids: list[str]) -> None:
        from cchc_tui.core.assignment import assigned_items

        mine = {a.item.id for a in assigned_items(self.plan, self.registry, self.agency)}
        for item_id in item_ids:
            if item_id not in mine:
                raise UserError(
                    "progress.not_assigned", item=item_id, agency=self.profile.agency_name
                )

    def add_evidence(
        self,
        *,
        number: str,
        doc_date: str | date,
        issuer: str,
        title: str,
        file: Path | None,
        items: list[str],
        doc_type: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> SavedEvidence:
        """A new verification document (its file copied in), linked to ``items``."""
        return self.store.add_evidence(
            agency=self.agency,
            actor=self.profile.officer,
            number=number,
            doc_date=doc_date,
            issuer=issuer,
            title=title,
            doc_type=doc_type,
            file=file,
            plan=self.plan,
            items=items,
            today=self.today,
            progress=progress,
        )

    def update_evidence(
        self,
        evidence_id: int,
        *,
        number: str,
        doc_date: str | date,
        issuer: str,
        title: str,
        base: int | None = None,
    ) -> None:
        """A document's number, date, issuer and title changed (a stale form refused)."""
        self.store.update_evidence(
            evidence_id,
            agency=self.agency,
            actor=self.profile.officer,
            number=number,
            doc_date=doc_date,
            issuer=issuer,
            title=title,
            today=self.today,
            base=base,
        )

    def set_links(self, evidence_id: int, item_ids: list[str]) -> None:
        self.store.set_links(
            self.plan, evidence_id, item_ids, agency=self.agency, actor=self.profile.officer
        )

    # Self-assessment
    def scoring_view(self, requested: str | None = None) -> ScoringView:
        """The agency's criteria set (official, else the template, imported on first use;
        ``requested``: a held set asked for by id), its scored result, whether it is
        finalised, and the documents linked per code."""
        from cchc_tui.core.criteria import choose_set
        from cchc_tui.core.scoring import score
        from cchc_tui.services.self_assessment import applicable_set

        set_id = requested or choose_set(
            self.reader.criteria_ids(), self.registry.agencies[self.agency].level
        )
        if set_id is None:  # the shipped template, imported on first use
            set_id = applicable_set(
                self.store, self.registry, self.agency, actor=self.profile.officer
            ).id
        cset = self.reader.load_criteria(set_id)
        found = self.reader.assessment(self.agency, cset.id)
        selves = self.reader.self_scores(found.id) if found else {}
        links = self.reader.score_evidence(found.id) if found else {}
        inputs = self.reader.scoring_inputs(
            self.plan, self.registry, self.agency, self.today, found.id if found else None
        )
        comments: dict[str, list[dict[str, Any]]] = {}
        for c in self.reader.reviewer_comments():
            target = str(c.get("target", ""))
            if target.startswith("criterion:"):
                comments.setdefault(target.removeprefix("criterion:"), []).append(c)
        return ScoringView(
            cset,
            score(cset, inputs, selves),
            found.finalised_at if found else None,
            links,
            selves,
            self.reader.latest_receipt(),
            comments,
        )

    def save_score(
        self,
        view: ScoringView,
        code: str,
        points: Decimal | None,
        reason: str | None,
        note: str | None,
        evidence: list[int] | None = None,
        base: int | None = None,
    ) -> None:
        from cchc_tui.store.scoring import ScoringStore

        ScoringStore(self.store).set_score(
            view.cset,
            self.plan.id,
            code,
            agency=self.agency,
            actor=self.profile.officer,
            points=points,
            reason=reason,
            note=note,
            evidence=evidence,
            base=base,
        )

    def set_finalised(self, view: ScoringView, final: bool) -> None:
        from cchc_tui.store.scoring import ScoringStore

        ScoringStore(self.store).set_finalised(
            view.cset,
            self.plan.id,
            agency=self.agency,
            actor=self.profile.officer,
            final=final,
            blocking=[r.sub.code for r in view.result.blocking],
        )

    def set_report_date(self, period: str, when: date) -> None:
        from cchc_tui.store.scoring import ScoringStore

        ScoringStore(self.store).set_report_date(
            self.plan, period, when, agency=self.agency, actor=self.profile.officer
        )

    def set_indicator(
        self, indicator: str, values: dict[str, Decimal], evidence_id: int | None = None
    ) -> Decimal:
        """An indicator's value, or numerator and denominator; the value now stored."""
        from cchc_tui.store.scoring import ScoringStore

        return ScoringStore(self.store).set_indicator(
            self.plan,
            indicator,
            agency=self.agency,
            actor=self.profile.officer,
            value=values.get("value"),
            numerator=values.get("numerator"),
            denominator=values.get("denominator"),
            evidence_id=evidence_id,
        )

    def history(self, item_id: str) -> list[AuditRow]:
        return self.reader.audit_entries(f"{self.plan.id}/{item_id}")
