"""What every screen needs: the database (reads and writes), the registry, the plan, the
profile and 'today'.

Reads go through the sqlite3 Reader; the Store (SQLAlchemy) is created on first write, or
warmed up in the background once the first screen is up, so that start-up does not wait for
SQLAlchemy to import.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from cchc_tui.core.agencies import Registry
from cchc_tui.core.plan import Plan
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.store.reader import AuditRow, EvidenceView, ProfileView, Reader

if TYPE_CHECKING:
    from cchc_tui.store.service import Store


class FormValuesLike(Protocol):
    @property
    def status(self) -> str: ...
    @property
    def progress_pct(self) -> int: ...
    @property
    def reason(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def completed_on(self) -> date | None: ...


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
                    self._store = Store(self.reader.path)
            return self._store

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

    # Writes (also blocking, also from a worker thread)
    def save_progress(self, item_id: str, values: FormValuesLike) -> None:
        self.store.set_progress(
            self.plan,
            item_id,
            agency=self.agency,
            actor=self.profile.officer,
            status=values.status,
            progress_pct=values.progress_pct,
            reason=values.reason or None,
            note=values.note,
            completed_on=values.completed_on,
            today=self.today,
        )

    def set_links(self, evidence_id: int, item_ids: list[str]) -> None:
        self.store.set_links(
            self.plan, evidence_id, item_ids, agency=self.agency, actor=self.profile.officer
        )

    def history(self, item_id: str) -> list[AuditRow]:
        return self.reader.audit_entries(f"{self.plan.id}/{item_id}")
