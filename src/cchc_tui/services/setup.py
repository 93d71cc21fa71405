"""Setting a database up for an agency, the same from `cchc init` and the app's first run:
its profile (agency, officer) and the shipped plan, in that order; and a plan imported later."""

from __future__ import annotations

from importlib import resources

from cchc_tui.core.agencies import Agency
from cchc_tui.core.plan import DEFAULT_PLAN_FILE, Plan
from cchc_tui.store.reader import ProfileView
from cchc_tui.store.service import Store


def shipped_plan_text() -> str:
    """The plan this version ships (data/), as TOML text."""
    return resources.files("cchc_tui.data").joinpath(DEFAULT_PLAN_FILE).read_text("utf-8")


def set_up_agency(store: Store, agency: Agency, officer: str) -> tuple[ProfileView, Plan]:
    """The database's agency and officer, and the shipped plan imported under their names."""
    profile = store.init_profile(agency.code, agency.name, officer)
    plan = store.import_plan(shipped_plan_text(), actor=officer, agency=agency.code)
    return profile, plan


def import_plan(store: Store, text: str) -> Plan:
    """Another version of the plan (TOML text), imported under the database's officer."""
    profile = store.require_profile()
    return store.import_plan(text, actor=profile.officer, agency=profile.agency_code)
