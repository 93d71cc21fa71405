from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import settings

from cchc_tui.core.agencies import Registry
from cchc_tui.core.i18n import set_language
from cchc_tui.core.plan import DEFAULT_PLAN_FILE, Plan
from cchc_tui.store.service import Store
from tests import keypool
from tests.dbcache import profile_db

keypool.install()


def pytest_sessionstart(session: pytest.Session) -> None:
    keypool.new_session()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """mutmut runs one session per mutant in a fork that ends with os._exit: pytest would keep
    each session's temporary folder (its lock never released, so never cleaned: thousands of
    folders, tens of GB in one run). A mutant's session removes its own."""
    if os.environ.get("MUTANT_UNDER_TEST", "") in ("", "stats"):
        return
    factory = getattr(session.config, "_tmp_path_factory", None)
    base = getattr(factory, "_basetemp", None)
    if base is not None:
        shutil.rmtree(base, ignore_errors=True)


# CI and the mutation run (tools/mutation.py sets CCHC_MUTATION) explore the same examples every
# run: a red CI must mean a regression, and a mutant must be caught or survive the same way in
# every run, not by the draw. Local runs keep drawing new ones.
settings.register_profile("ci", derandomize=True, deadline=None, database=None)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") or os.environ.get("CCHC_MUTATION") else "dev")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_896c6acf9bc33f08.txt"
UNITS_CSV = ROOT.parent / "shared" / "reference" / "can-tho-units-2022.csv"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests reading the plan's source text are marked, so `-m plan_source` runs them and
    `-m "not plan_source"` leaves them out; where the text is absent they skip, with a reason."""
    for item in items:
        if "seed_text" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.plan_source)


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.load()


@pytest.fixture(scope="session")
def plan_text() -> str:
    return resources.files("cchc_tui.data").joinpath(DEFAULT_PLAN_FILE).read_text("utf-8")


@pytest.fixture(scope="session")
def plan(plan_text: str) -> Plan:
    return Plan.from_toml(plan_text)


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the plan's text is not beside the repository ({SEED})")
    return unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))


@pytest.fixture
def store(tmp_path: Path, plan_text: str) -> Iterator[Store]:
    db = profile_db(tmp_path / "cchc.sqlite", "918", "Quận Bình Thuỷ", "Nguyễn Văn An", plan_text)
    s = Store(db)
    yield s
    s.close()
