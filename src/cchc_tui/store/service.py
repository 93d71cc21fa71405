"""The store API: every read and write the CLI and the TUI make, each write one transaction
with its audit entries. Sessions are short-lived and per call, so any thread may use a Store."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import Table, bindparam
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Plan
from cchc_tui.core.progress import ProgressValues, apply_update
from cchc_tui.core.text import clean, nfc
from cchc_tui.store.db import StoreError
from cchc_tui.store.evidence import EvidenceWrites, sha256_file
from cchc_tui.store.leftovers import incoming_leftovers
from cchc_tui.store.models import (
    Evidence,
    ItemCondition,
    Officer,
    PlanItemRecord,
    PlanRecord,
    Profile,
    Progress,
)
from cchc_tui.store.reader import ProfileView
from cchc_tui.store.transaction import utcnow


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
        self.touch_progress = (
            progress.update()
            .where(c.id == bindparam("row_id"))
            .values(updated_at=bindparam("at"), updated_by=bindparam("by"))
        )


_SQL = _Statements()


class Store(EvidenceWrites):
    """Reads (inherited, plain sqlite3) and writes (SQLModel), each write one transaction."""

    # -- profile -----------------------------------------------------------------------------
    def init_profile(self, agency_code: str, agency_name: str, officer: str) -> ProfileView:
        officer = clean(officer)
        if not officer:
            raise UserError("evidence.field_required", field=t("help.init.officer"))
        existing = self.profile()
        if existing is not None:
            raise StoreError("db.exists", path=self.path, agency=existing.agency_name)
        with self._write() as s:
            s.add(
                Profile(
                    agency_code=agency_code,
                    agency_name=nfc(agency_name),
                    officer_id=_new_officer(s, officer),
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

    def change_profile(
        self, agency_code: str, agency_name: str, officer: str, *, actor: str
    ) -> ProfileView:
        """Another agency or officer for this database (audited). What was recorded stays
        under the agency it was recorded for: progress, documents, scores and exports are kept
        by agency code, so the new agency starts with none of them (``held_by`` says how much
        the old one leaves)."""
        officer = clean(officer)
        if not officer:
            raise UserError("evidence.field_required", field=t("help.init.officer"))
        with self._write() as s:
            prof = s.exec(select(Profile).order_by(col(Profile.id))).first()
            if prof is None:
                raise StoreError("db.not_initialised", path=self.path)
            old = s.get(Officer, prof.officer_id)
            before = (prof.agency_code, old.name if old else "")
            lang = prof.lang
            if before == (agency_code, officer):
                raise UserError(
                    "profile.unchanged", agency=f"{agency_name} ({agency_code})", officer=officer
                )
            if old is None or old.name != officer:  # a new row: history keeps the old name
                prof.officer_id = _new_officer(s, officer)
            prof.agency_code, prof.agency_name = agency_code, nfc(agency_name)
            s.add(prof)
            self._audit(
                s,
                actor=actor,
                agency=agency_code,
                action="profile.change",
                entity="profile",
                key=agency_code,
                changes={"agency": (before[0], agency_code), "officer": (before[1], officer)},
            )
        return ProfileView(agency_code, nfc(agency_name), officer, lang)

    def held_by(self, agency: str) -> dict[str, int]:
        """How much this database holds for an agency: items updated, documents, sub-criteria
        scored, bundles exported (what changing the agency leaves behind)."""
        out = {}
        with self._conn() as con:
            for name, sql in (
                ("progress", "SELECT COUNT(*) FROM progress WHERE agency_code = ?"),
                ("evidence", "SELECT COUNT(*) FROM evidence WHERE agency_code = ?"),
                (
                    "scores",
                    "SELECT COUNT(*) FROM score s JOIN assessment a ON a.id = s.assessment_id"
                    " WHERE a.agency_code = ?",
                ),
                ("exports", "SELECT COUNT(*) FROM bundle_export WHERE agency_code = ?"),
            ):
                out[name] = int(con.execute(sql, (agency,)).fetchone()[0])
        return out

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
        with self._write_conn() as conn:
            ids = self._item_ids(conn, plan.id)
            self._check_base(
                conn, agency=agency, action="progress.set", key=f"{plan.id}/{item_key}", base=base
            )
            return self._set_progress_row(
                conn,
                plan,
                ids,
                item_key,
                agency=agency,
                actor=actor,
                update={
                    "status": status,
                    "progress_pct": progress_pct,
                    "reason": reason,
                    "note": note,
                    "completed_on": completed_on,
                },
                today=today or date.today(),
            )

    def set_condition(
        self,
        plan: Plan,
        item_key: str,
        *,
        agency: str,
        actor: str,
        state: str | None,
        document: str = "",
        note: str = "",
    ) -> dict[str, tuple[Any, Any]]:
        """Record whether an item's printed condition happened ("xay_ra", with the document that
        says so) or did not ("khong_xay_ra"); ``None`` takes the record back (the item waits
        again). One transaction with its audit entry; what changed."""
        item = plan.items_by_id.get(item_key)
        if item is None:
            raise UserError("item.unknown", ref=item_key, plan=plan.id, hint="")
        if not item.condition:
            raise UserError("condition.none", item=item.number)
        document, note = clean(document), clean(note)
        if state not in (None, "xay_ra", "khong_xay_ra"):
            raise UserError("condition.bad_state", state=state)
        if state == "xay_ra" and not document:
            raise UserError("condition.needs_doc", item=item.number)
        with self._write() as s:
            item_id = self._item_ids(s, plan.id)[item_key]
            row = s.exec(
                select(ItemCondition).where(
                    ItemCondition.agency_code == agency, ItemCondition.plan_item_id == item_id
                )
            ).first()
            before = (row.state, row.document, row.note) if row else (None, "", "")
            after = (state, document if state else "", note if state else "")
            changes = {
                name: (old, new)
                for name, old, new in zip(("state", "document", "note"), before, after, strict=True)
                if old != new
            }
            if not changes:
                return {}
            if state is None:
                assert row is not None
                s.delete(row)
            else:
                row = row or ItemCondition(
                    agency_code=agency,
                    plan_item_id=item_id,
                    state=state,
                    updated_at=utcnow(),
                    updated_by=actor,
                )
                row.state, row.document, row.note = state, after[1], after[2]
                row.updated_at, row.updated_by = utcnow(), actor
                s.add(row)
            self._audit(
                s,
                actor=actor,
                agency=agency,
                action="condition.set",
                entity="item_condition",
                key=f"{plan.id}/{item_key}",
                changes=changes,
            )
        return changes

    def set_progress_many(
        self,
        plan: Plan,
        item_keys: list[str],
        *,
        agency: str,
        actor: str,
        status: str,
        progress_pct: int | None = None,
        reason: str | None = None,
        today: date | None = None,
    ) -> dict[str, dict[str, tuple[Any, Any]]]:
        """The same status (and progress, reason) for several items, all or none, in one
        transaction with an audit entry per item that changed. What changed, per item."""
        changed: dict[str, dict[str, tuple[Any, Any]]] = {}
        with self._write_conn() as conn:
            ids = self._item_ids(conn, plan.id)
            for key in item_keys:
                _new, changes = self._set_progress_row(
                    conn,
                    plan,
                    ids,
                    key,
                    agency=agency,
                    actor=actor,
                    update={"status": status, "progress_pct": progress_pct, "reason": reason},
                    today=today or date.today(),
                )
                if changes:
                    changed[key] = changes
        return changed

    def carry_over(
        self, plan: Plan, item_keys: list[str], *, agency: str, actor: str, period: str
    ) -> int:
        """The status each item has stands for ``period`` too: checked and kept, with an audit
        entry per item saying so (what it kept). Items with no status are left out. How many
        were carried over."""
        done = 0
        with self._write_conn() as conn:
            ids = self._item_ids(conn, plan.id)
            for key in item_keys:
                item_id = ids.get(key)
                if item_id is None:
                    raise UserError("item.unknown", ref=key, plan=plan.id, hint="")
                row = conn.execute(
                    _SQL.select_progress, {"agency": agency, "item": item_id}
                ).first()
                if row is None:
                    continue
                conn.execute(_SQL.touch_progress, {"row_id": row[0], "at": utcnow(), "by": actor})
                self._audit(
                    conn,
                    actor=actor,
                    agency=agency,
                    action="progress.carry_over",
                    entity="progress",
                    key=f"{plan.id}/{key}",
                    changes={"period": (None, period), "status": (row[1], row[1])},
                )
                done += 1
        return done

    def _set_progress_row(
        self,
        conn: Any,
        plan: Plan,
        ids: dict[str, int],
        item_key: str,
        *,
        agency: str,
        actor: str,
        update: dict[str, Any],
        today: date,
    ) -> tuple[ProgressValues, dict[str, tuple[Any, Any]]]:
        item_id = ids.get(item_key)
        if item_id is None:
            raise UserError("item.unknown", ref=item_key, plan=plan.id, hint="")
        row = conn.execute(_SQL.select_progress, {"agency": agency, "item": item_id}).first()
        old = ProgressValues(*row[1:]) if row else None
        new = apply_update(old, today=today, **update)
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


def _new_officer(s: Any, name: str) -> int:
    """An officer row (a name once given stays in the history: a change adds a row)."""
    off = Officer(name=name, created_at=utcnow())
    s.add(off)
    s.flush()
    assert off.id is not None
    return off.id
