"""Which plan items an agency carries, as lead (chủ trì) or coordinator (phối hợp)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from cchc_tui.core.agencies import GROUP_PREFIX, Registry
from cchc_tui.core.plan import Item, Plan

Role = Literal["lead", "coordinate"]


@dataclass(frozen=True)
class Assignment:
    item: Item
    role: Role
    via: str  # the reference that names the agency: its own code or a group


def _named_by(refs: list[str], code: str, groups: frozenset[str]) -> str | None:
    for ref in refs:
        if ref == code or (ref.startswith(GROUP_PREFIX) and ref in groups):
            return ref
    return None


def assigned_items(plan: Plan, registry: Registry, agency_code: str) -> list[Assignment]:
    """Items naming ``agency_code`` (or a group containing it); lead wins over coordination."""
    if agency_code not in registry.agencies:
        raise KeyError(agency_code)
    groups = registry.groups_of(agency_code)
    result: list[Assignment] = []
    for item in plan.item:
        via = _named_by(item.lead, agency_code, groups)
        if via:
            result.append(Assignment(item, "lead", via))
            continue
        via = _named_by(item.coordinate, agency_code, groups)
        if via:
            result.append(Assignment(item, "coordinate", via))
    return result


def units_assigned(plan: Plan, registry: Registry, item: Item) -> dict[str, Role]:
    """Every agency code the item names, with its role."""
    out: dict[str, Role] = {}
    for ref in item.coordinate:
        for code in registry.expand(ref):
            out[code] = "coordinate"
    for ref in item.lead:
        for code in registry.expand(ref):
            out[code] = "lead"
    return out
