"""The files shipped with the app (data/, installed as the package ``cchc_tui.data``): the plan,
the agency registry, the criteria sets.

Read from the installed package's folder. ``importlib.resources`` finds them too, and is what
a package that may run from a zip needs; but the app is only ever installed as files on disk
(a wheel, the install kit), and that module's import (with zipfile) cost ~10 ms of every start
on the development machine (bench/bench_startup.py). tests/unit/test_datacache.py checks that
both read the same text for every shipped file.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path


def shipped_path(name: str) -> Path:
    """``name`` ("agencies.toml", "criteria/...") inside the shipped data folder (where the
    package is: data/ in a checkout, cchc_tui/data/ in an installed copy)."""
    data = import_module("cchc_tui.data")
    assert data.__file__ is not None
    return Path(data.__file__).parent / name


def shipped_text(name: str) -> str:
    return shipped_path(name).read_text(encoding="utf-8")
