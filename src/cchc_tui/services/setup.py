"""Setting a database up for an agency, the same from `cchc init` and the app's first run:
its profile (agency, officer) and the shipped plan, in that order; a plan imported later; and
another agency or officer later (`cchc profile`, the app's palette)."""

from __future__ import annotations

from cchc_tui.core.agencies import Agency
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import DEFAULT_PLAN_FILE, Plan
from cchc_tui.core.shipped import shipped_text
from cchc_tui.store.reader import ProfileView
from cchc_tui.store.service import Store


def shipped_plan_text() -> str:
    """The plan this version ships (data/), as TOML text."""
    return shipped_text(DEFAULT_PLAN_FILE)


def set_up_agency(store: Store, agency: Agency, officer: str) -> tuple[ProfileView, Plan]:
    """The database's agency and officer, and the shipped plan imported under their names."""
    profile = store.init_profile(agency.code, agency.name, officer)
    plan = store.import_plan(shipped_plan_text(), actor=officer, agency=agency.code)
    return profile, plan


def import_plan(store: Store, text: str) -> Plan:
    """Another version of the plan (TOML text), imported under the database's officer."""
    profile = store.require_profile()
    return store.import_plan(text, actor=profile.officer, agency=profile.agency_code)


def left_behind(store: Store, agency: Agency) -> str:
    """The warning before the database changes to ``agency``: what the current agency has
    recorded, which stays under its code ("" when the agency stays or nothing was recorded)."""
    current = store.require_profile()
    if agency.code == current.agency_code:
        return ""
    held = store.held_by(current.agency_code)
    if not any(held.values()):
        return ""
    return t(
        "profile.left_behind",
        old=f"{current.agency_name} ({current.agency_code})",
        new=agency.name,
        **held,
    )


def change_profile(store: Store, agency: Agency, officer: str) -> ProfileView:
    """The database's agency and officer from now on, audited under the officer who was."""
    current = store.require_profile()
    return store.change_profile(agency.code, agency.name, officer, actor=current.officer)
