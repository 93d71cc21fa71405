"""The store API: every read and write the CLI and the TUI make, each write one transaction
with its audit entries. Sessions are short-lived and per call, so any thread may use a Store.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Connection
from sqlmodel import Session, select

from cchc_tui.core.criteria import SET_LEVEL, CriteriaSet, parse_criteria
from cchc_tui.core.dates import DateError, format_date, parse_date
from cchc_tui.core.docnumber import DocNumber, parse_doc_number
from cchc_tui.core.i18n import UserError, t
from cchc_tui.core.numbers import indicator_value
from cchc_tui.core.plan import Plan
from cchc_tui.core.progress import ProgressValues, apply_update
from cchc_tui.core.scoring import check_points
from cchc_tui.core.text import clean, nfc
from cchc_tui.store import transaction as tx_api
from cchc_tui.store.db import StoreError, open_engine
from cchc_tui.store.leftovers import incoming_leftovers
from cchc_tui.store.models import (
    Assessment,
    CriteriaSetRecord,
    Evidence,
    EvidenceLink,
    IndicatorValue,
    Officer,
    PlanItemRecord,
    PlanRecord,
    Profile,
    Progress,
    ReportSubmission,
    Score,
    ScoreEvidence,
)
from cchc_tui.store.reader import ProfileView, Reader
from cchc_tui.store.transaction import utcnow

CHUNK = 1024 * 1024


class _Statements:
    """Core statements of the hot write path, built once (SQLAlchemy then caches their SQL)."""

    def __init__(self) -> None:
        progress: Table = Progress.__table__  # type: ignore[attr-defined]
        c = progress.c
        self.select_progress = sa_select(
            c.id, c.status, c.progress_pct, c.reason, c.note, c.completed_on
        ).where(c.agency_code == bindparam("agency"), c.plan_item_id == bindparam("item"))
        self.insert_progress = progress.insert()
        self.update_progress = progress.update().where(c.id == bindparam("row_id"))


_SQL = _Statements()


@dataclass(frozen=True)
class SavedEvidence:
    id: int
    parsed: DocNumber
    sha256: str
    size: int | None


class Store(Reader):
    """Reads (inherited, plain sqlite3) and writes (SQLModel), each write one transaction."""

    def __init__(self, path: Path, *, create: bool = False, checked: bool = False) -> None:
        super().__init__(path)
        self.engine, self.migration_backup = open_engine(self.path, create=create, checked=checked)
        self._item_id_cache: dict[str, dict[str, int]] = {}

    # -- plumbing ----------------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def files_dir(self) -> Path:
        return self.path.with_name(self.path.name + ".files")

    # -- the transaction API (store/transaction.py) ------------------------------------------
    def read(self) -> contextlib.AbstractContextManager[Session]:
        """A session for reading; database errors come out as StoreError."""
        return tx_api.read_session(self.engine, self.path)

    def transaction(
        self, *, actor: str, agency: str
    ) -> contextlib.AbstractContextManager[tx_api.AuditedSession]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT): all of it is saved, or none; each
        change recorded with ``record(action=…, entity=…, key=…, changes=…)`` in it."""
        return tx_api.transaction(self.engine, self.path, actor=actor, agency=agency)

    # the same, for the store's own modules
    def _read(self) -> contextlib.AbstractContextManager[Session]:
        return tx_api.read_session(self.engine, self.path)

    def _write(self) -> contextlib.AbstractContextManager[Session]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT): all of it is saved, or none."""
        return tx_api.write_session(self.engine, self.path)

    def _write_conn(self) -> contextlib.AbstractContextManager[Connection]:
        """A Core connection in one write transaction, for the hot paths (no ORM flush)."""
        return tx_api.write_conn(self.engine, self.path)

    _audit = staticmethod(tx_api.audit)
    _check_base = staticmethod(tx_api.check_base)

    # -- profile -----------------------------------------------------------------------------
    def init_profile(self, agency_code: str, agency_name: str, officer: str) -> ProfileView:
        officer = clean(officer)
        if not officer:
            raise UserError("evidence.field_required", field="officer")
        existing = self.profile()
        if existing is not None:
            raise StoreError("db.exists", path=self.path, agency=existing.agency_name)
        with self._write() as s:
            off = Officer(name=officer, created_at=utcnow())
            s.add(off)
            s.flush()
            assert off.id is not None
            s.add(
                Profile(
                    agency_code=agency_code,
                    agency_name=nfc(agency_name),
                    officer_id=off.id,
                    created_at=utcnow(),
                )
            )
            self._audit(
                s,
                actor=officer,
                agency=agency_code,
                action="profile.init",
                entity="profile",
                key=agency_code,
                changes={"agency": (None, agency_code), "officer": (None, officer)},
            )
        return ProfileView(agency_code, agency_name, officer, "vi")

    # -- plans -------------------------------------------------------------------------------
    def import_plan(self, toml_text: str, *, actor: str = "", agency: str = "") -> Plan:
        """Add a plan (idempotent for the same text; a different text under the same id is
        refused)."""
        text = nfc(toml_text)
        plan = Plan.from_toml(text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with self._write() as s:
            existing = s.get(PlanRecord, plan.id)
            if existing is not None:
                if existing.source_sha256 != digest:
                    raise UserError("plan.conflict", plan=plan.id)
                return plan
            s.add(
                PlanRecord(
                    id=plan.id,
                    number=plan.plan.number,
                    year=plan.plan.year,
                    title=plan.plan.title,
                    issued=plan.plan.issued,
                    source_toml=text,
                    source_sha256=digest,
                    imported_at=utcnow(),
                )
            )
            s.flush()
            for it in plan.item:
                s.add(
                    PlanItemRecord(
                        plan_id=plan.id,
                        key=it.id,
                        kind=it.kind,
                        number=it.number,
                        area=it.area,
                        text=it.text,
                    )
                )
            self._audit(
                s,
                actor=actor,
                agency=agency,
                action="plan.import",
                entity="plan",
                key=plan.id,
                changes={"sha256": (None, digest)},
            )
        self._plans[plan.id] = plan
        return plan

    def _item_ids(self, conn: Session | Connection, plan_id: str) -> dict[str, int]:
        """Item key → row id for a plan (imported plans never change, so this is cached)."""
        cached = self._item_id_cache.get(plan_id)
        if cached is not None:
            return cached
        stmt = select(PlanItemRecord.key, PlanItemRecord.id).where(
            PlanItemRecord.plan_id == plan_id
        )
        rows = conn.exec(stmt) if isinstance(conn, Session) else conn.execute(stmt)
        ids = {k: i for k, i in rows if i is not None}
        if ids:
            self._item_id_cache[plan_id] = ids
        return ids

    # -- progress ----------------------------------------------------------------------------
    def set_progress(
        self,
        plan: Plan,
        item_key: str,
        *,
        agency: str,
        actor: str,
        status: str,
        progress_pct: int | None = None,
        reason: str | None = None,
        note: str | None = None,
        completed_on: date | None = None,
        today: date | None = None,
        base: int | None = None,
    ) -> tuple[ProgressValues, dict[str, tuple[Any, Any]]]:
        """Save an item's progress in one transaction with its audit entry.

        Returns the values now stored and what changed (empty when nothing did).
        """
        today = today or date.today()
        with self._write_conn() as conn:
            item_id = self._item_ids(conn, plan.id).get(item_key)
            if item_id is None:
                raise UserError("item.unknown", ref=item_key, plan=plan.id, hint="")
            self._check_base(
                conn, agency=agency, action="progress.set", key=f"{plan.id}/{item_key}", base=base
            )
            row = conn.execute(_SQL.select_progress, {"agency": agency, "item": item_id}).first()
            old = ProgressValues(*row[1:]) if row else None
            new = apply_update(
                old,
                status=status,
                progress_pct=progress_pct,
                reason=reason,
                note=note,
                completed_on=completed_on,
                today=today,
            )
            before = old or ProgressValues(status="")
            changes = {
                name: (getattr(before, name), getattr(new, name))
                for name in ("status", "progress_pct", "reason", "note", "completed_on")
                if getattr(before, name) != getattr(new, name)
            }
            if old is not None and not changes:
                return new, {}
            values = {
                "status": new.status,
                "progress_pct": new.progress_pct,
                "reason": new.reason,
                "note": new.note,
                "completed_on": new.completed_on,
                "updated_at": utcnow(),
                "updated_by": actor,
            }
            if row is None:
                conn.execute(
                    _SQL.insert_progress, {"agency_code": agency, "plan_item_id": item_id, **values}
                )
            else:
                conn.execute(_SQL.update_progress, {"row_id": row[0], **values})
            self._audit(
                conn,
                actor=actor,
                agency=agency,
                action="progress.set",
                entity="progress",
                key=f"{plan.id}/{item_key}",
                changes=changes,
            )
        return new, changes

    # -- assigned items ----------------------------------------------------------------------
    def _copy_in(
        self, source: Path, progress: Callable[[int, int], None] | None = None
    ) -> tuple[str, int, Path, bool]:
        """Copy ``source`` into the managed folder, hashing as it goes.

        Returns (sha256, size, stored path, whether this call created the stored file). The
        file is written to a temporary name, flushed to disk and renamed into place.
        """
        self.files_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.files_dir)
        tmp = Path(tmp_name)
        total = source.stat().st_size
        try:
            with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    dst.write(chunk)
                    if progress is not None:
                        progress(size, total)
                dst.flush()
                os.fsync(dst.fileno())
            sha = digest.hexdigest()
            target = self.files_dir / sha[:2] / (sha + source.suffix.lower())
            target.parent.mkdir(exist_ok=True)
            if target.exists():
                tmp.unlink()
                return sha, size, target, False
            os.replace(tmp, target)
            return sha, size, target, True
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def add_evidence(
        self,
        *,
        agency: str,
        actor: str,
        number: str,
        doc_date: str | date,
        issuer: str,
        title: str,
        doc_type: str | None = None,
        file: Path | None = None,
        plan: Plan | None = None,
        items: Sequence[str] = (),
        today: date | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> SavedEvidence:
        """Validate, copy the file (if any), then save the record and its links at once."""
        parsed, when, issuer_c, title_c = check_metadata(number, doc_date, issuer, title, today)
        source: Path | None = None
        if file is not None:
            source = Path(file)
            if not source.exists():
                raise UserError("evidence.file_missing", path=source)
            if not source.is_file():
                raise UserError("evidence.not_a_file", path=source)
            try:
                with source.open("rb"):
                    pass
            except OSError as e:
                raise UserError(
                    "evidence.file_unreadable", path=source, detail=e.strerror or str(e)
                ) from None
        if items and plan is None:
            raise ValueError("items need a plan")
        sha, size, stored, created = "", None, None, False
        if source is not None:
            try:
                sha, size, stored, created = self._copy_in(source, progress)
            except OSError as e:
                raise UserError(
                    "evidence.file_unreadable", path=source, detail=e.strerror or str(e)
                ) from None
        try:
            with self._write() as s:
                item_ids: list[int] = []
                if plan is not None and items:
                    known = self._item_ids(s, plan.id)
                    for key in items:
                        if key not in known:
                            raise UserError("item.unknown", ref=key, plan=plan.id, hint="")
                        item_ids.append(known[key])
                ev = Evidence(
                    agency_code=agency,
                    number=parsed.text,
                    family=parsed.family,
                    doc_type=clean(doc_type) if doc_type else (parsed.type_code or ""),
                    doc_date=when,
                    issuer=issuer_c,
                    title=title_c,
                    file_name=nfc(source.name) if source else "",
                    file_path=stored.relative_to(self.files_dir).as_posix() if stored else "",
                    sha256=sha,
                    size=size,
                    created_at=utcnow(),
                    created_by=actor,
                )
                s.add(ev)
                s.flush()
                assert ev.id is not None
                for iid in dict.fromkeys(item_ids):
                    s.add(EvidenceLink(evidence_id=ev.id, plan_item_id=iid))
                self._audit(
                    s,
                    actor=actor,
                    agency=agency,
                    action="evidence.add",
                    entity="evidence",
                    key=str(ev.id),
                    changes={
                        "number": (None, ev.number),
                        "doc_date": (None, when),
                        "issuer": (None, issuer_c),
                        "title": (None, title_c),
                        "sha256": (None, sha),
                        "items": (None, list(items)),
                    },
                )
                ev_id = ev.id
        except BaseException:
            if created and stored is not None:
                with contextlib.suppress(OSError):
                    stored.unlink()
            raise
        return SavedEvidence(ev_id, parsed, sha, size)

    def set_links(
        self, plan: Plan, evidence_id: int, item_keys: Sequence[str], *, agency: str, actor: str
    ) -> None:
        """Make ``item_keys`` the items of ``plan`` this evidence proves (links in other plans
        stay)."""
        with self._write() as s:
            ev = s.get(Evidence, evidence_id)
            if ev is None or ev.agency_code != agency:
                raise UserError("evidence.unknown", id=evidence_id)
            known = self._item_ids(s, plan.id)
            by_id = {v: k for k, v in known.items()}
            for key in item_keys:
                if key not in known:
                    raise UserError("item.unknown", ref=key, plan=plan.id, hint="")
            current = {
                by_id[link.plan_item_id]
                for link in s.exec(
                    select(EvidenceLink).where(EvidenceLink.evidence_id == evidence_id)
                )
                if link.plan_item_id in by_id
            }
            wanted = set(item_keys)
            if wanted == current:
                return
            for key in wanted - current:
                s.add(EvidenceLink(evidence_id=evidence_id, plan_item_id=known[key]))
            for key in current - wanted:
                link = s.get(EvidenceLink, (evidence_id, known[key]))
                if link is not None:
                    s.delete(link)
            self._audit(
                s,
                actor=actor,
                agency=agency,
                action="evidence.links",
                entity="evidence",
                key=str(evidence_id),
                changes={"items": (sorted(current), sorted(wanted))},
            )
            for key in wanted ^ current:
                self._audit(
                    s,
                    actor=actor,
                    agency=agency,
                    action="evidence.link" if key in wanted else "evidence.unlink",
                    entity="progress",
                    key=f"{plan.id}/{key}",
                    changes={
                        "evidence": (None, evidence_id) if key in wanted else (evidence_id, None)
                    },
                )

    def update_evidence(
        self,
        evidence_id: int,
        *,
        agency: str,
        actor: str,
        number: str,
        doc_date: str | date,
        issuer: str,
        title: str,
        doc_type: str | None = None,
        today: date | None = None,
        base: int | None = None,
    ) -> DocNumber:
        """Correct an evidence record's metadata (the file, once stored, is not replaced)."""
        parsed, when, issuer_c, title_c = check_metadata(number, doc_date, issuer, title, today)
        with self._write() as s:
            ev = s.get(Evidence, evidence_id)
            if ev is None or ev.agency_code != agency:
                raise UserError("evidence.unknown", id=evidence_id)
            self._check_base(
                s, agency=agency, action="evidence.update", key=str(evidence_id), base=base
            )
            new = {
                "number": parsed.text,
                "family": parsed.family,
                "doc_type": clean(doc_type) if doc_type else (parsed.type_code or ""),
                "doc_date": when,
                "issuer": issuer_c,
                "title": title_c,
            }
            changes = {k: (getattr(ev, k), v) for k, v in new.items() if getattr(ev, k) != v}
            if not changes:
                return parsed
            for k, v in new.items():
                setattr(ev, k, v)
            s.add(ev)
            self._audit(
                s,
                actor=actor,
                agency=agency,
                action="evidence.update",
                entity="evidence",
                key=str(evidence_id),
                changes=changes,
            )
        return parsed

    # -- checks ------------------------------------------------------------------------------
    def check(self) -> dict[str, Any]:
        """integrity_check, foreign_key_check, and every managed file against its hash.

        Also lists (``"leftovers"``) the temp files of interrupted evidence copies; they do not
        make the check fail.
        """
        problems: list[str] = []
        with self._read() as s:
            conn = s.connection()
            integrity = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                problems += [f"integrity_check: {r}" for r in integrity]
            fk = list(conn.exec_driver_sql("PRAGMA foreign_key_check"))
            problems += [f"foreign_key_check: {tuple(r)}" for r in fk]
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            files = s.exec(select(Evidence).where(Evidence.file_path != "")).all()
        checked = 0
        for ev in files:
            p = self.files_dir / ev.file_path
            if not p.is_file():
                problems.append(f"evidence #{ev.id}: thiếu tệp {ev.file_path}")
                continue
            if sha256_file(p) != ev.sha256:
                problems.append(f"evidence #{ev.id}: tệp {ev.file_path} đã bị thay đổi")
            checked += 1
        # Temp files of interrupted copies are reported but are not problems: nothing in the
        # database points at them, and the app sweeps the stale ones when it starts.
        leftovers = [p.name for p in incoming_leftovers(self.files_dir)]
        return {
            "ok": not problems,
            "path": str(self.path),
            "schema": revision,
            "integrity": integrity,
            "foreign_key_violations": len(fk),
            "files_checked": checked,
            "problems": problems,
            "leftovers": leftovers,
        }


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_metadata(
    number: str, doc_date: str | date, issuer: str, title: str, today: date | None
) -> tuple[DocNumber, date, str, str]:
    """An evidence document's number, date (not in the future), issuer and title, checked."""
    parsed = parse_doc_number(number)
    today = today or date.today()
    when = doc_date if isinstance(doc_date, date) else parse_date(doc_date, today=today)
    if when > today:
        raise DateError("date.future", value=format_date(when), today=format_date(today))
    issuer_c, title_c = clean(issuer), clean(title)
    if not issuer_c:
        raise UserError("evidence.field_required", field=t("field.issuer"))
    if not title_c:
        raise UserError("evidence.field_required", field=t("field.title"))
    return parsed, when, issuer_c, title_c


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
