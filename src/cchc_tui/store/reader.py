"""Reading the database with the standard library's sqlite3 only.

Every read of the app goes through here; the Store adds writes (SQLModel/SQLAlchemy) on top.
Keeping reads free of SQLAlchemy lets the app show its first screen before that large library
has finished importing, and keeps the listing queries as cheap as plain SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from cchc_tui.core.agencies import Registry
from cchc_tui.core.assignment import assigned_items
from cchc_tui.core.errors import UserError
from cchc_tui.core.plan import Plan
from cchc_tui.core.tracking import ItemStatus, status_row
from cchc_tui.datacache import parsed_toml
from cchc_tui.store.dbtext import _date, _datetime
from cchc_tui.store.errors import (
    KNOWN_REVISIONS,
    SCHEMA_HEAD,
    SQLITE_MAGIC,
    StoreError,
    busy_timeout_ms,
    classify_error,
)
from cchc_tui.store.location import is_network_path, use_rollback_journal
from cchc_tui.store.reader_rules import PlanRuleReads

if TYPE_CHECKING:  # scoring's modules load when scoring is first opened, not at start
    from cchc_tui.core.criteria import CriteriaSet, HeldSet
    from cchc_tui.core.scoring import Inputs, SelfScore


@dataclass(frozen=True)
class ProfileView:
    agency_code: str
    agency_name: str
    officer: str
    lang: str


@dataclass(frozen=True)
class PlanHeld:
    id: str
    number: str
    year: int
    title: str


@dataclass(frozen=True)
class ProgressRow:
    status: str
    progress_pct: int
    note: str
    reason: str
    completed_on: date | None
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class EvidenceView:
    id: int
    number: str
    family: str
    doc_type: str
    doc_date: date
    issuer: str
    title: str
    file_name: str
    file_path: str
    sha256: str
    size: int | None
    items: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    agency_code: str
    action: str
    entity: str
    entity_key: str
    changes: str  # JSON: {"field": [old, new]}

    @property
    def change_map(self) -> dict[str, list[Any]]:
        return dict(json.loads(self.changes))


class NeedsUpgrade(Exception):
    """The database's schema is older than this program's: open it with the Store."""


def check_file(path: Path) -> None:
    """Refuse, with one sentence, what is not there or is not a SQLite file.

    Only before this process opens a connection to ``path``: closing any other descriptor of
    the file drops the POSIX locks SQLite holds on it, and another process closing its own
    connection then deletes the WAL under our feet — saves said "Đã lưu" and vanished
    (tests/test_durability.py::test_a_second_process_never_takes_our_wal)."""
    if not path.exists():
        raise StoreError("db.missing", path=path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except IsADirectoryError:
        raise StoreError("db.unopenable", path=path, detail="là thư mục") from None
    except OSError as e:
        raise StoreError("db.unopenable", path=path, detail=e.strerror or str(e)) from None
    if head and head != SQLITE_MAGIC:
        raise StoreError("db.corrupt", path=path)


class AssessmentView(NamedTuple):
    """An agency's self-assessment under one criteria set."""

    id: int
    plan_id: str
    finalised_at: datetime | None


class Reader(PlanRuleReads):
    """Reads of one database file; a fresh sqlite3 connection per call, so any thread may
    use it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._plans: dict[str, Plan] = {}
        self.network_drive = is_network_path(self.path)  # rollback journal there, not WAL
        if self.network_drive and self.path.is_file():
            try:
                use_rollback_journal(self.path)
            except sqlite3.Error as e:
                raise classify_error(e, self.path) from None

    @classmethod
    def open_current(cls, path: Path) -> Reader:
        """A reader for a database at the current schema; NeedsUpgrade when older."""
        path = Path(path)
        check_file(path)
        reader = cls(path)
        revision = reader.revision()
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise StoreError("db.newer", path=path, found=revision)
        if revision != SCHEMA_HEAD:
            raise NeedsUpgrade(revision)
        return reader

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        try:
            con = sqlite3.connect(self.path, timeout=busy_timeout_ms() / 1000)
        except sqlite3.Error as e:
            raise classify_error(e, self.path) from None
        try:
            yield con
        except sqlite3.Error as e:
            raise classify_error(e, self.path) from None
        finally:
            con.close()

    def revision(self) -> str | None:
        with self._conn() as con:
            has = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if not has:
                return None
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return str(row[0]) if row else None

    # -- profile and plans ---------------------------------------------------------------------
    def profile(self) -> ProfileView | None:
        with self._conn() as con:
            row = con.execute(
                "SELECT p.agency_code, p.agency_name, o.name, p.lang FROM profile p "
                "JOIN officer o ON o.id = p.officer_id ORDER BY p.id LIMIT 1"
            ).fetchone()
        return ProfileView(*row) if row else None

    def require_profile(self) -> ProfileView:
        prof = self.profile()
        if prof is None:
            raise StoreError("db.not_initialised", path=self.path)
        return prof

    def plan_list(self) -> list[PlanHeld]:
        """The plans held, oldest year first (as plan_ids)."""
        with self._conn() as con:
            return [
                PlanHeld(r[0], r[1], int(r[2]), r[3])
                for r in con.execute("SELECT id, number, year, title FROM plan ORDER BY year, id")
            ]

    def plan_ids(self) -> list[str]:
        with self._conn() as con:
            return [r[0] for r in con.execute("SELECT id FROM plan ORDER BY year, id")]

    def load_plan(self, plan_id: str | None = None) -> Plan:
        """A plan stored in this database (the latest year's when ``plan_id`` is None)."""
        ids = self.plan_ids()
        if plan_id is None:
            if not ids:
                raise StoreError("db.not_initialised", path=self.path)
            plan_id = ids[-1]
        if plan_id in self._plans:
            return self._plans[plan_id]
        with self._conn() as con:
            row = con.execute("SELECT source_toml FROM plan WHERE id = ?", (plan_id,)).fetchone()
        if row is None:
            raise UserError("plan.unknown", plan=plan_id, choices=", ".join(ids) or "—")
        # checked by import_plan when stored; parsed once, then read from a JSON copy
        plan = Plan.from_trusted_data(parsed_toml(row[0]))
        self._plans[plan_id] = plan
        return plan

    # -- progress ------------------------------------------------------------------------------
    def progress_of(self, plan_id: str, agency: str) -> dict[str, ProgressRow]:
        with self._conn() as con:
            rows = con.execute(
                "SELECT i.key, p.status, p.progress_pct, p.note, p.reason, p.completed_on, "
                "p.updated_at, p.updated_by FROM progress p "
                "JOIN plan_item i ON i.id = p.plan_item_id "
                "WHERE i.plan_id = ? AND p.agency_code = ?",
                (plan_id, agency),
            ).fetchall()
        return {
            key: ProgressRow(status, pct, note, reason, _date(done), _datetime(at), by)
            for key, status, pct, note, reason, done, at, by in rows
        }

    def evidence_counts(self, plan_id: str, agency: str) -> dict[str, int]:
        with self._conn() as con:
            rows = con.execute(
                "SELECT i.key, count(*) FROM evidence_link l "
                "JOIN plan_item i ON i.id = l.plan_item_id "
                "JOIN evidence e ON e.id = l.evidence_id "
                "WHERE i.plan_id = ? AND e.agency_code = ? GROUP BY i.key",
                (plan_id, agency),
            ).fetchall()
        return {k: int(n) for k, n in rows}

    def assigned_status(
        self, plan: Plan, registry: Registry, agency: str, today: date | None = None
    ) -> list[ItemStatus]:
        today = today or date.today()
        assignments = assigned_items(plan, registry, agency)
        progress = self.progress_of(plan.id, agency)
        dates = self.evidence_dates(plan.id, agency)
        counts = {key: len(days) for key, days in dates.items()}
        conditions = self.conditions_of(plan.id, agency)
        return [
            status_row(
                a,
                progress.get(a.item.id),
                counts,
                today,
                dates=dates,
                condition=conditions.get(a.item.id, (None, "")),
            )
            for a in assignments
        ]

    # -- evidence and history -------------------------------------------------------------------
    def list_evidence(self, agency: str) -> list[EvidenceView]:
        with self._conn() as con:
            rows = con.execute(
                "SELECT id, number, family, doc_type, doc_date, issuer, title, file_name, "
                "file_path, sha256, size FROM evidence WHERE agency_code = ? "
                "ORDER BY doc_date, id",
                (agency,),
            ).fetchall()
            links: dict[int, list[str]] = {}
            for ev_id, key in con.execute(
                "SELECT l.evidence_id, i.key FROM evidence_link l "
                "JOIN plan_item i ON i.id = l.plan_item_id "
                "JOIN evidence e ON e.id = l.evidence_id WHERE e.agency_code = ?",
                (agency,),
            ):
                links.setdefault(ev_id, []).append(key)
        return [
            EvidenceView(
                id=r[0],
                number=r[1],
                family=r[2],
                doc_type=r[3],
                doc_date=date.fromisoformat(r[4]),
                issuer=r[5],
                title=r[6],
                file_name=r[7],
                file_path=r[8],
                sha256=r[9],
                size=r[10],
                items=sorted(links.get(r[0], [])),
            )
            for r in rows
        ]

    # -- self-assessment ---------------------------------------------------------------------
    def criteria_ids(self) -> list[HeldSet]:
        from cchc_tui.core.criteria import HeldSet

        """Every criteria set held (id, level, year, status), newest year first."""
        with self._conn() as con:
            return [
                HeldSet(r[0], r[1], int(r[2]), r[3])
                for r in con.execute(
                    "SELECT id, level, year, status FROM criteria_set ORDER BY year DESC, id"
                )
            ]

    def criteria_text(self, set_id: str) -> str | None:
        """The TOML of a criteria set held here, as imported."""
        with self._conn() as con:
            row = con.execute(
                "SELECT source_toml FROM criteria_set WHERE id = ?", (set_id,)
            ).fetchone()
        return None if row is None else str(row[0])

    def load_criteria(self, set_id: str) -> CriteriaSet:
        text = self.criteria_text(set_id)
        if text is None:
            ids = ", ".join(i.id for i in self.criteria_ids()) or "—"
            raise UserError("criteria.unknown", id=set_id, choices=ids)
        from cchc_tui.core.criteria import parse_criteria

        return parse_criteria(text, set_id)

    def assessment(self, agency: str, set_id: str) -> AssessmentView | None:
        """The agency's assessment under a set (id, plan id, finalised at)."""
        with self._conn() as con:
            row = con.execute(
                "SELECT id, plan_id, finalised_at FROM assessment "
                "WHERE agency_code = ? AND set_id = ?",
                (agency, set_id),
            ).fetchone()
        if row is None:
            return None
        return AssessmentView(int(row[0]), str(row[1]), _datetime(row[2]) if row[2] else None)

    def self_scores(self, assessment_id: int) -> dict[str, SelfScore]:
        from cchc_tui.core.scoring import SelfScore

        with self._conn() as con:
            counts = dict(
                con.execute(
                    "SELECT s.code, count(e.evidence_id) FROM score s LEFT JOIN score_evidence e "
                    "ON e.score_id = s.id WHERE s.assessment_id = ? GROUP BY s.code",
                    (assessment_id,),
                ).fetchall()
            )
            rows = con.execute(
                "SELECT code, points, reason, note FROM score WHERE assessment_id = ?",
                (assessment_id,),
            ).fetchall()
        return {
            code: SelfScore(
                Decimal(points) if points is not None else None,
                reason,
                note,
                int(counts.get(code, 0)),
            )
            for code, points, reason, note in rows
        }

    def score_evidence(self, assessment_id: int) -> dict[str, list[int]]:
        with self._conn() as con:
            out: dict[str, list[int]] = {}
            for code, ev in con.execute(
                "SELECT s.code, e.evidence_id FROM score_evidence e JOIN score s "
                "ON s.id = e.score_id WHERE s.assessment_id = ? ORDER BY e.evidence_id",
                (assessment_id,),
            ):
                out.setdefault(code, []).append(int(ev))
        return out

    def scoring_inputs(
        self,
        plan: Plan,
        registry: Registry,
        agency: str,
        today: date | None = None,
        assessment: int | None = None,
    ) -> Inputs:
        """What the rules read; with ``assessment``, the documents linked to each of its
        sub-criteria (a document rule takes the one the officer linked)."""
        from cchc_tui.core.scoring import Inputs

        return Inputs(
            plan=plan,
            rows=self.assigned_status(plan, registry, agency, today),
            documents=list(self.list_evidence(agency)),
            reports=self.report_dates(agency, plan.id),
            indicators=self.indicator_values(agency, plan.id),
            marked=self.score_evidence(assessment) if assessment is not None else {},
        )

    def trust_ca(self) -> tuple[bytes, bytes | None] | None:
        """The CA (and CRL) a reviewer gave to `cchc import`, remembered in app_meta."""
        with self._conn() as con:
            rows = dict(
                con.execute(
                    "SELECT key, value FROM app_meta WHERE key IN ('trust_ca_pem', 'trust_crl_pem')"
                ).fetchall()
            )
        if "trust_ca_pem" not in rows:
            return None
        crl = rows.get("trust_crl_pem")
        return rows["trust_ca_pem"].encode(), crl.encode() if crl else None

    def reviewer_comments(self) -> list[dict[str, Any]]:
        """Comments of the imported review receipts, newest receipt last (with its state)."""
        with self._conn() as con:
            rows = con.execute(
                "SELECT content, signer FROM received_receipt ORDER BY id"
            ).fetchall()
        out = []
        for content, signer in rows:
            data = json.loads(content)
            for c in data.get("comments", []):
                out.append({**c, "state": data.get("state", ""), "signer": signer})
        return out

    def newest_receipt(self) -> dict[str, Any] | None:
        """The review receipt imported last (its content, signer and when it came), if any."""
        with self._conn() as con:
            row = con.execute(
                "SELECT content, signer, received_at FROM received_receipt ORDER BY id DESC"
            ).fetchone()
        if row is None:
            return None
        return {**json.loads(row[0]), "signer": row[1], "received_at": _datetime(row[2])}

    def latest_receipt(self) -> dict[str, Any] | None:
        """The newest imported review receipt that carries an appraisal (its content, signer)."""
        with self._conn() as con:
            rows = con.execute(
                "SELECT content, signer FROM received_receipt ORDER BY id DESC"
            ).fetchall()
        for content, signer in rows:
            data = json.loads(content)
            if data.get("appraisal"):
                return {**data, "signer": signer}
        return None

    def versions(self, agency: str, action: str) -> dict[str, int]:
        """Each row's version: the id of its latest ``action`` audit entry, by entity key.

        A form remembers the version it was read at and saves against it (Store refuses a
        stale one); a row never changed has no entry (version 0)."""
        with self._conn() as con:
            rows = con.execute(
                "SELECT entity_key, max(id) FROM audit_log WHERE agency_code = ? AND action = ? "
                "GROUP BY entity_key",
                (agency, action),
            ).fetchall()
        return {str(k): int(v) for k, v in rows}

    def audit_entry(self, entry_id: int) -> AuditRow | None:
        with self._conn() as con:
            r = con.execute(
                "SELECT id, at, actor, agency_code, action, entity, entity_key, changes "
                "FROM audit_log WHERE id = ?",
                (entry_id,),
            ).fetchone()
        return None if r is None else AuditRow(r[0], _datetime(r[1]), *r[2:])

    def audit_entries(self, entity_key: str | None = None) -> list[AuditRow]:
        sql = (
            "SELECT id, at, actor, agency_code, action, entity, entity_key, changes FROM audit_log"
        )
        params: tuple[str, ...] = ()
        if entity_key is not None:
            sql += " WHERE entity_key = ?"
            params = (entity_key,)
        with self._conn() as con:
            rows = con.execute(sql + " ORDER BY id", params).fetchall()
        return [AuditRow(r[0], _datetime(r[1]), *r[2:]) for r in rows]
