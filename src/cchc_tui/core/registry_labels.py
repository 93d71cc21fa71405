"""Display names for an item's lead and coordination references."""

from __future__ import annotations

from cchc_tui.core.agencies import Registry
from cchc_tui.core.plan import Item


def labels(registry: Registry, item: Item) -> dict[str, str]:
    return {ref: registry.label(ref) for ref in [*item.lead, *item.coordinate]}
