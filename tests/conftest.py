from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import settings

from cchc_tui.core import i18n
from cchc_tui.core.agencies import Registry
from cchc_tui.core.i18n import set_language
from cchc_tui.core.plan import DEFAULT_PLAN_FILE, Plan
from cchc_tui.store.service import Store
from tests import keypool
from tests.dbcache import profile_db

keypool.install()


# Each session's own home for what the app keeps per user (its database, config.toml, its
# data folders): a test that forgets --db or CCHC_CONFIG must not read or change the real ones
# on a developer's machine, nor what another session (mutmut runs two at once, one per mutant)
# left there.
_HOME_VARS = ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
              "APPDATA", "LOCALAPPDATA", "CCHC_CONFIG", "CCHC_DB")  # fmt: skip
_saved_env: dict[str, str | None] = {}
_session_home: list[Path] = []


def pytest_sessionstart(session: pytest.Session) -> None:
    keypool.new_session()
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="cchc-test-home-"))
    _session_home[:] = [home]
    for name in _HOME_VARS:
        _saved_env[name] = os.environ.get(name)
    os.environ.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        CCHC_CONFIG=str(home / "config.toml"),
        CCHC_DB=str(home / "cchc.sqlite"),
    )


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """In a control session of the mutation run (tools/mutation.py: the tests of a mutant run
    with no mutant), a failure is the tests' own: written down for the run's report. In a
    mutant's session, the test that caught it is written down beside its function: the run puts
    it first for the function's other mutants (tools/mutation.py, Killers)."""
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    if not report.failed or "." not in mutant:
        return
    # ROOT is the copy mutmut runs in (mutants/): the run reads these files there
    if mutant.startswith("cchc_tui.mutation_control."):
        with (ROOT / "control-failures.txt").open("a", encoding="utf-8") as out:
            out.write(f"== {report.nodeid} ({report.when})\n{report.longreprtext[-4000:]}\n")
    elif "__mutmut_" in mutant:
        with (ROOT / "mutation-killers.txt").open("a", encoding="utf-8") as out:
            out.write(f"{mutant.rsplit('__mutmut_', 1)[0]}\t{report.nodeid}\n")


def pytest_sessionfinish(session: pytest.Session) -> None:
    """mutmut runs one session per mutant in a fork that ends with os._exit: pytest would keep
    each session's temporary folder (its lock never released, so never cleaned: thousands of
    folders, tens of GB in one run). A mutant's session removes its own."""
    for name, value in _saved_env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    for home in _session_home:
        shutil.rmtree(home, ignore_errors=True)
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


# A message parameter that is None would show "None" to the user: in tests it is an error.
i18n.STRICT = True
