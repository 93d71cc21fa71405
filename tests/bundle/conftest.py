"""Fixtures of the bundle tests: the reviewer's database (Sở Nội vụ, the plan imported), a copy
of one built once per process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cchc_tui.store.service import Store
from tests.dbcache import profile_db


@pytest.fixture(scope="module", autouse=True)
def _now_is_when_the_module_runs(request: pytest.FixtureRequest) -> None:
    """A test module's NOW (the receiver's clock its checks use; its own certificates are made
    around it) is set when the module's tests start, before its other fixtures, not when it was
    imported. mutmut imports the tests once and forks a session per mutant from that process for
    most of an hour; a test CA or certificate issued in a session (valid from five minutes
    before it was made) was then "not yet valid" at a NOW taken at import, every test of it
    failed with no mutant active, and each mutant it ran for counted as caught. Only in the
    modules that check certificates issued by the clock (FRESH_NOW = True); the others make
    their own around their NOW, and share it with the modules that import it."""
    module = request.module
    old = getattr(module, "NOW", None)
    if getattr(module, "FRESH_NOW", False) and isinstance(old, datetime):
        now = datetime.now(UTC)
        module.NOW = now.replace(microsecond=0) if old.microsecond == 0 else now


@pytest.fixture
def reviewer(tmp_path: Path, plan_text: str) -> Iterator[Store]:
    db = profile_db(tmp_path / "rev" / "r.sqlite", "SNV", "Sở Nội vụ", "Thẩm định viên", plan_text)
    store = Store(db)
    yield store
    store.close()
