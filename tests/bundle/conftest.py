"""Fixtures of the bundle tests: the reviewer's database (Sở Nội vụ, the plan imported), a copy
of one built once per process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_tui.store.service import Store
from tests.dbcache import profile_db


@pytest.fixture
def reviewer(tmp_path: Path, plan_text: str) -> Iterator[Store]:
    db = profile_db(tmp_path / "rev" / "r.sqlite", "SNV", "Sở Nội vụ", "Thẩm định viên", plan_text)
    store = Store(db)
    yield store
    store.close()
