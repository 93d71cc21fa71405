"""The store's plumbing shared by its aggregates: the engine, the transaction API, item ids."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Self

from sqlalchemy.engine import Connection
from sqlmodel import Session, select

from cchc_tui.store import transaction as tx_api
from cchc_tui.store.db import open_engine
from cchc_tui.store.models import (
    PlanItemRecord,
)
from cchc_tui.store.reader import Reader


class StoreBase(Reader):
    """The store's plumbing: the engine, the transaction API, item ids; writes live in the
    aggregate modules (evidence, scoring) and service.py."""

    def __init__(self, path: Path, *, create: bool = False, checked: bool = False) -> None:
        super().__init__(path)  # network_drive: a share (store/location.py)
        self.engine, self.migration_backup = open_engine(
            self.path, create=create, checked=checked, network=self.network_drive
        )
        self._item_id_cache: dict[str, dict[str, int]] = {}

    # -- plumbing ----------------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
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

    _audit = staticmethod(tx_api.audit)
    _check_base = staticmethod(tx_api.check_base)
