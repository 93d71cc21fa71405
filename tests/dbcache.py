"""The databases tests start from, built once per process and copied for each test.

Creating a database runs the migrations and imports the plan (0.1–0.8 s, far more on a loaded
machine), and the demo database also builds its evidence files; most tests then change a
handful of rows. A copy of a database made earlier costs a few milliseconds. Each template is
made by the same code a test would call, closed (so its write-ahead log is folded into the file),
then copied with its sibling folders (``<name>.files``, ``.keys``, ``.bundles``) next to the
path the test asked for. Within one process — a pytest-xdist worker, or mutmut's process whose
forked children run one session each per mutant — every test after the first gets a copy.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_templates: dict[Hashable, Path] = {}
_root: list[Path] = []


def _home() -> Path:
    if not _root or not _root[0].is_dir():
        _root[:] = [Path(tempfile.mkdtemp(prefix="cchc-test-dbs-"))]
        owner = os.getpid()
        folder = _root[0]

        def remove() -> None:  # only by the process that made it, not by a forked child
            if os.getpid() == owner:
                shutil.rmtree(folder, ignore_errors=True)

        atexit.register(remove)
    return _root[0]


def _siblings(db: Path) -> list[Path]:
    return [p for p in db.parent.iterdir() if p.name.startswith(db.name) and p != db]


def folder_for() -> Path:
    """A new folder for a template, removed at exit. Named by mkdtemp: mutmut runs two forked
    sessions at once in this folder, and a name counted from what is there could be taken by
    the other in between (a FileExistsError: a mutant "killed" by the tests' set-up)."""
    return Path(tempfile.mkdtemp(dir=_home()))


def copied(dest: Path, key: Hashable, build: Callable[[Path], None]) -> Path:
    """``dest``: a copy of the database ``build(path)`` makes (built once per process for each
    ``key``), with its sibling folders. Returns ``dest``."""
    template = _templates.get(key)
    if template is None or not template.is_file():
        template = folder_for() / dest.name
        build(template)
        _templates[key] = template
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, dest)
    for sibling in _siblings(template):
        target = dest.parent / (dest.name + sibling.name[len(template.name) :])
        if sibling.is_dir():
            shutil.copytree(sibling, target)
        else:
            shutil.copyfile(sibling, target)
    return dest


def profile_db(dest: Path, agency: str, name: str, officer: str, plan_text: str | None) -> Path:
    """A database with a profile (and the plan imported, when given)."""
    from cchc_tui.store.service import Store

    def build(path: Path) -> None:
        with Store(path, create=True) as store:
            store.init_profile(agency, name, officer)
            if plan_text is not None:
                store.import_plan(plan_text)

    return copied(dest, ("profile", agency, name, officer, plan_text), build)


_setups: dict[Hashable, list[tuple[Path, object, list[int]]]] = {}


def _state(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.stat().st_size)
        for p in folder.rglob("*")
        if p.is_file()
    }


def replayed(folder: Path, key: Hashable, setup: Callable[[], T]) -> T:
    """What ``setup()`` returns, having made its files in ``folder`` — run once per process for
    each ``key`` and set of names already in the folder, then its files are copied in. For
    set-ups through the command line (a CA, an officer's key and database, an export): seconds
    each, where a copy costs milliseconds. The test keys the set-up drew are claimed for the
    session (tests/keypool.py), so later keys stay distinct from its certificates'."""
    from tests import keypool

    before = _state(folder)
    full = (key, frozenset(before))  # the names there before, not their times
    for template, value, keys in _setups.get(full, []):
        if template.is_dir() and keypool.claim(keys):
            shutil.copytree(template, folder, dirs_exist_ok=True)
            return value  # type: ignore[return-value]
    with keypool.recording() as keys:
        value = setup()
    template = folder_for()
    for name, stamp in _state(folder).items():
        if before.get(name) != stamp:
            (template / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(folder / name, template / name)
    _setups.setdefault(full, []).append((template, value, list(keys)))
    return value
