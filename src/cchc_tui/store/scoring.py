"""Self-assessment writes (criteria sets, scores, report dates, indicators) over a Store."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, select

from cchc_tui.core.criteria import SET_LEVEL, CriteriaSet, parse_criteria
from cchc_tui.core.errors import UserError
from cchc_tui.core.numbers import indicator_value
from cchc_tui.core.plan import Plan
from cchc_tui.core.scoring import check_points
from cchc_tui.core.text import clean, nfc
from cchc_tui.store.models import (
    Assessment,
    CriteriaSetRecord,
    Evidence,
    IndicatorValue,
    ReportSubmission,
    Score,
    ScoreEvidence,
)
from cchc_tui.store.transaction import utcnow

if TYPE_CHECKING:
    from cchc_tui.store.service import Store


class ScoringStore:
    """Self-assessment writes, over a Store (kept apart: the foundation's Store stays small)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- criteria sets ---------------------------------------------------------------------------
    def import_criteria(self, text: str, name: str, *, actor: str, agency: str) -> CriteriaSet:
        text = nfc(text)
        cset = parse_criteria(text, name)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with self.store._write() as s:
            held = s.get(CriteriaSetRecord, cset.id)
            if held is not None:
                if held.source_sha256 != digest:
                    raise UserError("criteria.conflict", id=cset.id)
                return cset
            s.add(
                CriteriaSetRecord(
                    id=cset.id,
                    title=cset.title,
                    level=cset.level,
                    year=cset.year,
                    status=cset.status,
                    source_toml=text,
                    source_sha256=digest,
                    imported_at=utcnow(),
                )
            )
            self.store._audit(
                s,
                actor=actor,
                agency=agency,
                action="criteria.import",
                entity="criteria_set",
                key=cset.id,
                changes={"sha256": (None, digest), "status": (None, cset.status)},
            )
        return cset

    def template_for(self, level: str) -> str:
        """The shipped template set's TOML for an agency level (city/district/commune)."""
        from importlib import resources

        name = f"mau-{SET_LEVEL[level]}-2022.toml"
        return resources.files("cchc_tui.data").joinpath("criteria", name).read_text("utf-8")

    # -- the assessment --------------------------------------------------------------------------
    def _assessment(self, s: Session, agency: str, set_id: str, plan_id: str) -> Assessment:
        row = s.exec(
            select(Assessment).where(Assessment.agency_code == agency, Assessment.set_id == set_id)
        ).first()
        if row is None:
            row = Assessment(agency_code=agency, set_id=set_id, plan_id=plan_id)
            s.add(row)
            s.flush()
        return row

    def set_score(
        self,
        cset: CriteriaSet,
        plan_id: str,
        code: str,
        *,
        agency: str,
        actor: str,
        points: Decimal | None,
        reason: str | None = None,
        note: str | None = None,
        evidence: Sequence[int] | None = None,
        base: int | None = None,
    ) -> None:
        """Record a self score (None: take the suggestion), its reason, note and documents."""
        sub = next((x for x in cset.subs if x.code == code), None)
        if sub is None:
            raise UserError("score.unknown_code", set=cset.id, code=code)
        if sub.is_survey:
            raise UserError("score.survey_not_self", code=code)
        if points is not None:
            check_points(sub, points)
        with self.store._write() as s:
            a = self._assessment(s, agency, cset.id, plan_id)
            if a.finalised_at is not None:
                raise UserError("score.finalised", when=a.finalised_at.strftime("%d/%m/%Y"))
            assert a.id is not None
            self.store._check_base(
                s, agency=agency, action="score.set", key=f"{cset.id}/{code}", base=base
            )
            row = s.exec(
                select(Score).where(Score.assessment_id == a.id, Score.code == code)
            ).first()
            before = (row.points, row.reason, row.note) if row else (None, "", "")
            if row is None:
                row = Score(assessment_id=a.id, code=code, updated_at=utcnow(), updated_by=actor)
            row.points = None if points is None else str(points)
            if reason is not None:
                row.reason = clean(reason)
            if note is not None:
                row.note = nfc(note).strip()
            row.updated_at, row.updated_by = utcnow(), actor
            s.add(row)
            s.flush()
            assert row.id is not None
            changes: dict[str, tuple[Any, Any]] = {
                k: (b, a_)
                for k, b, a_ in zip(
                    ("points", "reason", "note"),
                    before,
                    (row.points, row.reason, row.note),
                    strict=True,
                )
                if b != a_
            }
            if evidence is not None:
                old = {
                    e.evidence_id
                    for e in s.exec(select(ScoreEvidence).where(ScoreEvidence.score_id == row.id))
                }
                for ev_id in evidence:
                    ev = s.get(Evidence, ev_id)
                    if ev is None or ev.agency_code != agency:
                        raise UserError("evidence.unknown", id=ev_id)
                for ev_id in set(evidence) - old:
                    s.add(ScoreEvidence(score_id=row.id, evidence_id=ev_id))
                for ev_id in old - set(evidence):
                    link = s.get(ScoreEvidence, (row.id, ev_id))
                    if link is not None:
                        s.delete(link)
                if set(evidence) != old:
                    changes["evidence"] = (sorted(old), sorted(set(evidence)))
            self.store._audit(
                s,
                actor=actor,
                agency=agency,
                action="score.set",
                entity="score",
                key=f"{cset.id}/{code}",
                changes=changes,
            )

    def set_finalised(
        self,
        cset: CriteriaSet,
        plan_id: str,
        *,
        agency: str,
        actor: str,
        final: bool,
        blocking: Sequence[str] = (),
    ) -> None:
        if final and blocking:
            raise UserError("score.cannot_finalise", count=len(blocking), codes=", ".join(blocking))
        with self.store._write() as s:
            a = self._assessment(s, agency, cset.id, plan_id)
            before = a.finalised_at
            a.finalised_at = utcnow() if final else None
            a.finalised_by = actor if final else ""
            s.add(a)
            self.store._audit(
                s,
                actor=actor,
                agency=agency,
                action="score.finalise" if final else "score.reopen",
                entity="assessment",
                key=cset.id,
                changes={"finalised_at": (before, a.finalised_at)},
            )

    # -- what rules read -------------------------------------------------------------------------
    def set_report_date(
        self, plan: Plan, period: str, when: date, *, agency: str, actor: str
    ) -> None:
        codes = [p.code for p in plan.period]
        if period not in codes:
            raise UserError("report.bad_period", value=period, choices=", ".join(codes))
        with self.store._write() as s:
            row = s.exec(
                select(ReportSubmission).where(
                    ReportSubmission.agency_code == agency,
                    ReportSubmission.plan_id == plan.id,
                    ReportSubmission.period == period,
                )
            ).first()
            before = row.submitted_on if row else None
            if row is None:
                row = ReportSubmission(
                    agency_code=agency,
                    plan_id=plan.id,
                    period=period,
                    submitted_on=when,
                    updated_at=utcnow(),
                    updated_by=actor,
                )
            row.submitted_on, row.updated_at, row.updated_by = when, utcnow(), actor
            s.add(row)
            self.store._audit(
                s,
                actor=actor,
                agency=agency,
                action="report.set",
                entity="report",
                key=f"{plan.id}/{period}",
                changes={"submitted_on": (before, when)},
            )

    def set_indicator(
        self,
        plan: Plan,
        indicator: str,
        *,
        agency: str,
        actor: str,
        value: Decimal | None = None,
        numerator: Decimal | None = None,
        denominator: Decimal | None = None,
        evidence_id: int | None = None,
    ) -> Decimal:
        ids = [i.id for i in plan.indicator]
        if indicator not in ids:
            raise UserError("indicator.unknown", id=indicator, choices=", ".join(ids))
        found = next(i for i in plan.indicator if i.id == indicator)
        # finite, in range for the indicator's unit; a ratio computed, at most 100 %
        value = indicator_value(found, value, numerator, denominator)
        with self.store._write() as s:
            if evidence_id is not None:
                ev = s.get(Evidence, evidence_id)
                if ev is None or ev.agency_code != agency:
                    raise UserError("evidence.unknown", id=evidence_id)
            row = s.exec(
                select(IndicatorValue).where(
                    IndicatorValue.agency_code == agency,
                    IndicatorValue.plan_id == plan.id,
                    IndicatorValue.indicator == indicator,
                )
            ).first()
            before = row.value if row else None
            if row is None:
                row = IndicatorValue(
                    agency_code=agency,
                    plan_id=plan.id,
                    indicator=indicator,
                    value=str(value),
                    updated_at=utcnow(),
                    updated_by=actor,
                )
            row.value = str(value)
            row.numerator = None if numerator is None else str(numerator)
            row.denominator = None if denominator is None else str(denominator)
            row.evidence_id = evidence_id
            row.updated_at, row.updated_by = utcnow(), actor
            s.add(row)
            self.store._audit(
                s,
                actor=actor,
                agency=agency,
                action="indicator.set",
                entity="indicator",
                key=f"{plan.id}/{indicator}",
                changes={"value": (before, str(value))},
            )
        return value
