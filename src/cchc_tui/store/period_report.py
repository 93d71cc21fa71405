"""The officer's words of each period report, over a Store: one row per agency, plan and
period, written in one transaction with its audit entry (`report.words`)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlmodel import select

from cchc_tui.core.errors import UserError
from cchc_tui.core.period_report import Words
from cchc_tui.core.plan import Plan
from cchc_tui.core.text import clean
from cchc_tui.store.models import PeriodReportText
from cchc_tui.store.transaction import utcnow

if TYPE_CHECKING:
    from cchc_tui.store.service import Store

FIELDS = ("number", "report_date", "signer", "opening", "strengths", "weaknesses",
          "next_steps", "proposals")  # fmt: skip


class PeriodReportStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def save(
        self,
        plan: Plan,
        period: str,
        words: Words,
        *,
        agency: str,
        actor: str,
        number: str = "",
        report_date: date | None = None,
        signer: str = "",
    ) -> dict[str, tuple[Any, Any]]:
        """Keep the report's words (NFC, spaces tidied); what changed."""
        codes = [p.code for p in plan.period]
        if period not in codes:
            raise UserError("report.bad_period", value=period, choices=", ".join(codes))
        new: dict[str, Any] = {k: clean(v) for k, v in asdict(words).items()}
        new.update(number=clean(number), report_date=report_date, signer=clean(signer))
        with self.store._write() as s:
            row = s.exec(
                select(PeriodReportText).where(
                    PeriodReportText.agency_code == agency,
                    PeriodReportText.plan_id == plan.id,
                    PeriodReportText.period == period,
                )
            ).first()
            old = {k: getattr(row, k) for k in FIELDS} if row else dict.fromkeys(FIELDS)
            changes = {k: (old[k], new[k]) for k in FIELDS if (old[k] or None) != (new[k] or None)}
            if not changes:
                return {}
            row = row or PeriodReportText(
                agency_code=agency, plan_id=plan.id, period=period, updated_at=utcnow(),
                updated_by=actor,
            )  # fmt: skip
            for k in FIELDS:
                setattr(row, k, new[k])
            row.updated_at, row.updated_by = utcnow(), actor
            s.add(row)
            self.store._audit(
                s, actor=actor, agency=agency, action="report.words", entity="period_report",
                key=f"{plan.id}/{period}",
                changes={k: (str(a or ""), str(b or "")) for k, (a, b) in changes.items()},
            )  # fmt: skip
        return changes
