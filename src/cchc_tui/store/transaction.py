"""One write transaction and the audit entry that goes with each change.

Every write of the store goes through here. The public API is ``transaction`` (as
``Store.transaction(actor=…, agency=…)``): one ``BEGIN IMMEDIATE`` transaction — all of it is
saved, or none — in an ``AuditedSession`` whose ``record`` adds the audit row inside that same
transaction; a transaction that changed rows without recording them is refused and rolled back
(``UnauditedWrite``). ``check_base`` refuses a save whose form was read before the row's
latest change. ``write_session``/``write_conn`` (Core, the hot paths) and ``audit`` are the
same, for the store's own modules. Database errors come out as ``StoreError``.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, exc
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from cchc_tui.store.db import classify_error, writer
from cchc_tui.store.errors import StaleEdit
from cchc_tui.store.models import AuditEntry

_AUDIT: Table = AuditEntry.__table__  # type: ignore[attr-defined]
_INSERT_AUDIT = _AUDIT.insert()


def utcnow() -> datetime:
    return datetime.now(UTC)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


@contextlib.contextmanager
def read_session(engine: Engine, path: Path) -> Iterator[Session]:
    try:
        with Session(engine) as session:
            yield session
    except (exc.DBAPIError, OSError) as e:
        raise classify_error(e, path) from None


@contextlib.contextmanager
def write_session(engine: Engine, path: Path) -> Iterator[Session]:
    """One write transaction (BEGIN IMMEDIATE … COMMIT): all of it is saved, or none."""
    try:
        with Session(writer(engine)) as session, session.begin():
            yield session
    except (exc.DBAPIError, OSError) as e:
        raise classify_error(e, path) from None


class UnauditedWrite(RuntimeError):
    """A programming error: a transaction changed rows and recorded no audit entry."""


class AuditedSession(Session):
    """The session of one write transaction, knowing who writes for which agency."""

    def __init__(self, engine: Engine, *, actor: str, agency: str) -> None:
        super().__init__(engine)
        self.actor = actor
        self.agency = agency
        self.recorded = False  # an audit row was written in this transaction

    def record(
        self,
        *,
        action: str,
        entity: str,
        key: str,
        changes: dict[str, tuple[Any, Any]],
        agency: str | None = None,
        actor: str | None = None,
    ) -> None:
        """The audit row of one change, in this transaction (agency and actor: the
        transaction's unless the change is another agency's, e.g. an imported bundle)."""
        audit(
            self,
            actor=self.actor if actor is None else actor,
            agency=self.agency if agency is None else agency,
            action=action,
            entity=entity,
            key=key,
            changes=changes,
        )
        self.recorded = True


def _row_changes(session: Session) -> int:
    return int(session.connection().exec_driver_sql("SELECT total_changes()").scalar_one())


@contextlib.contextmanager
def transaction(engine: Engine, path: Path, *, actor: str, agency: str) -> Iterator[AuditedSession]:
    """One write transaction whose every change is recorded (see the module's docstring)."""
    try:
        with (
            AuditedSession(writer(engine), actor=actor, agency=agency) as session,
            session.begin(),
        ):
            before = _row_changes(session)
            yield session
            session.flush()
            if not session.recorded and _row_changes(session) != before:
                raise UnauditedWrite("rows changed without an audit entry; nothing was saved")
    except (exc.DBAPIError, OSError) as e:
        raise classify_error(e, path) from None


@contextlib.contextmanager
def write_conn(engine: Engine, path: Path) -> Iterator[Connection]:
    """A Core connection in one write transaction, for the hot paths (no ORM flush)."""
    try:
        with writer(engine).begin() as conn:
            yield conn
    except (exc.DBAPIError, OSError) as e:
        raise classify_error(e, path) from None


def audit(
    session: Session | Connection,
    *,
    actor: str,
    agency: str,
    action: str,
    entity: str,
    key: str,
    changes: dict[str, tuple[Any, Any]],
) -> None:
    """The audit row of one change, in the transaction of the change."""
    values: dict[str, Any] = {
        "at": utcnow(),
        "actor": actor,
        "agency_code": agency,
        "action": action,
        "entity": entity,
        "entity_key": key,
        "changes": json.dumps(
            {k: [_jsonable(a), _jsonable(b)] for k, (a, b) in changes.items()},
            ensure_ascii=False,
        ),
    }
    if isinstance(session, Session):
        session.add(AuditEntry(**values))
    else:
        session.execute(_INSERT_AUDIT, values)


def check_base(
    session: Session | Connection, *, agency: str, action: str, key: str, base: int | None
) -> None:
    """Refuse a save whose form was read before the row's latest change (StaleEdit).

    ``base`` is the id of the latest ``action`` audit entry for ``key`` when the form was
    read (0: none yet); None skips the check (the CLI, imports). Runs inside the write
    transaction, which holds the write lock (BEGIN IMMEDIATE): no one can slip in between.
    """
    if base is None:
        return
    conn = session.connection() if isinstance(session, Session) else session
    row = conn.exec_driver_sql(
        "SELECT id, actor, at, changes FROM audit_log WHERE agency_code = ? AND action = ? "
        "AND entity_key = ? ORDER BY id DESC LIMIT 1",
        (agency, action, key),
    ).first()
    if row is not None and int(row[0]) != base:
        raise StaleEdit(latest=int(row[0]), actor=row[1], at=str(row[2]), changes=row[3])
