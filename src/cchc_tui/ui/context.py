"""What every screen needs: the store, the registry, the plan, the profile and 'today'."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cchc_tui.core.agencies import Registry
from cchc_tui.core.plan import Plan
from cchc_tui.core.tracking import ItemStatus
from cchc_tui.store.service import EvidenceView, ProfileView, Store


@dataclass
class Context:
    store: Store
    registry: Registry
    plan: Plan
    profile: ProfileView
    today: date

    @property
    def agency(self) -> str:
        return self.profile.agency_code

    # Blocking calls: screens run them in a worker thread through App.db(...)
    def rows(self) -> list[ItemStatus]:
        return self.store.assigned_status(self.plan, self.registry, self.agency, self.today)

    def row(self, item_id: str) -> ItemStatus:
        for r in self.rows():
            if r.item.id == item_id:
                return r
        raise KeyError(item_id)

    def evidence(self) -> list[EvidenceView]:
        return self.store.list_evidence(self.agency)

    def evidence_of(self, item_id: str) -> list[EvidenceView]:
        return [e for e in self.evidence() if item_id in e.items]
