"""The reads the plan's rules, scoring and the period report need (document dates for the
milestones, conditions recorded, reports sent, indicator values, the report's words and the
last change): a part of store/reader.Reader."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from cchc_tui.core.dates import local_day
from cchc_tui.store.dbtext import _date, _datetime


class PlanRuleReads:
    _conn: Any  # Reader._conn: a fresh sqlite3 connection per call

    def evidence_dates(self, plan_id: str, agency: str) -> dict[str, list[date]]:
        """Item key → the dates of the documents linked to it, in order (milestones)."""
        with self._conn() as con:
            rows = con.execute(
                "SELECT i.key, e.doc_date FROM evidence_link l "
                "JOIN plan_item i ON i.id = l.plan_item_id "
                "JOIN evidence e ON e.id = l.evidence_id "
                "WHERE i.plan_id = ? AND e.agency_code = ? ORDER BY e.doc_date",
                (plan_id, agency),
            ).fetchall()
        out: dict[str, list[date]] = {}
        for key, day in rows:
            out.setdefault(key, []).append(date.fromisoformat(str(day)[:10]))
        return out

    def conditions_of(self, plan_id: str, agency: str) -> dict[str, tuple[str, str]]:
        """Item key → (state, document) of the conditions the officer recorded."""
        with self._conn() as con:
            rows = con.execute(
                "SELECT i.key, c.state, c.document FROM item_condition c "
                "JOIN plan_item i ON i.id = c.plan_item_id "
                "WHERE i.plan_id = ? AND c.agency_code = ?",
                (plan_id, agency),
            ).fetchall()
        return {key: (state, doc) for key, state, doc in rows}

    def report_words(self, agency: str, plan_id: str, period: str) -> dict[str, Any] | None:
        """The officer's words of a period report as kept (services/period_report.py)."""
        with self._conn() as con:
            con.row_factory = sqlite3.Row
            row = con.execute(
                "SELECT number, report_date, signer, opening, strengths, weaknesses, next_steps, "
                "proposals, updated_at FROM period_report_text WHERE agency_code = ? "
                "AND plan_id = ? "
                "AND period = ?",
                (agency, plan_id, period),
            ).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["report_date"] = _date(out["report_date"])
        out["updated_at"] = _datetime(out["updated_at"])
        return out

    def latest_change_at(self, agency: str) -> datetime | None:
        """When the agency's data last changed (its newest audit entry), the report's own words
        left out."""
        with self._conn() as con:
            row = con.execute(
                "SELECT max(at) FROM audit_log WHERE agency_code = ? AND action != 'report.words'",
                (agency,),
            ).fetchone()
        return _datetime(row[0]) if row and row[0] else None

    def report_dates(self, agency: str, plan_id: str) -> dict[str, date]:
        """When each periodic report was sent: the first bundle exported for the period, or
        the date the officer recorded (which wins: it is the date the report really left)."""
        with self._conn() as con:
            sent = {
                period: local_day(_datetime(first))
                for period, first in con.execute(
                    "SELECT period, min(created_at) FROM bundle_export "
                    "WHERE agency_code = ? AND plan_id = ? GROUP BY period",
                    (agency, plan_id),
                )
            }
            sent.update(
                (period, date.fromisoformat(when))
                for period, when in con.execute(
                    "SELECT period, submitted_on FROM report_submission "
                    "WHERE agency_code = ? AND plan_id = ?",
                    (agency, plan_id),
                )
            )
            return sent

    def indicator_values(self, agency: str, plan_id: str) -> dict[str, Decimal]:
        with self._conn() as con:
            return {
                ind: Decimal(value)
                for ind, value in con.execute(
                    "SELECT indicator, value FROM indicator_value "
                    "WHERE agency_code = ? AND plan_id = ?",
                    (agency, plan_id),
                )
            }
