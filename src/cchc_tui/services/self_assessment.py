"""Which criteria set scores an agency, for every front door: the official set of its level,
else a template held, else the shipped template imported on first use (core.criteria.choose_set
says which of the held ones); and a set imported from a file."""

from __future__ import annotations

from cchc_tui.core.agencies import Registry
from cchc_tui.core.criteria import CriteriaSet, choose_set
from cchc_tui.store.scoring import ScoringStore
from cchc_tui.store.service import Store


def applicable_set(
    store: Store, registry: Registry, agency: str, *, actor: str, requested: str | None = None
) -> CriteriaSet:
    """The criteria set an agency's self-assessment uses (``requested``: a set id asked for
    by name, e.g. ``cchc score --set``)."""
    set_id = requested or choose_set(store.criteria_ids(), registry.agencies[agency].level)
    if set_id is None:
        scoring = ScoringStore(store)
        text = scoring.template_for(registry.agencies[agency].level)
        set_id = scoring.import_criteria(text, "mẫu", actor=actor, agency=agency).id
    return store.load_criteria(set_id)


def import_criteria(store: Store, text: str, source: str) -> CriteriaSet:
    """A criteria set (TOML text; ``source`` names the file in messages) imported under the
    database's officer."""
    profile = store.require_profile()
    return ScoringStore(store).import_criteria(
        text, source, actor=profile.officer, agency=profile.agency_code
    )
