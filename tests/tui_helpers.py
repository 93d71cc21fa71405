"""Shared set-up for the TUI tests: a demo database and an app on it at a fixed date."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from cchc_tui.config import Config
from cchc_tui.core.agencies import Registry
from cchc_tui.demo import DEMO_TODAY, build_demo
from cchc_tui.ui.officer.app import CchcApp
from tests.dbcache import copied

REGISTRY = Registry.load()


def demo_db(folder: Path, plan_text: str) -> Path:
    """A copy of the demo database (built once per process: tests/dbcache.py)."""

    def build(path: Path) -> None:
        store, _ = build_demo(path, plan_text, REGISTRY)
        store.close()

    return copied(folder / "demo.sqlite", ("demo", plan_text), build)


def make_app(db: Path, today: date = DEMO_TODAY, **config: str) -> CchcApp:
    cfg = Config(**config)  # type: ignore[arg-type]
    return CchcApp(db, cfg, today=today, registry=REGISTRY)


def cli(*argv: str) -> str:
    """Run the `cchc` command in-process; its output, asserting success."""
    import contextlib
    import io

    from cchc_tui.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(list(argv)) == 0, argv
    return out.getvalue()


def person_with_key(db: str, agency: str, officer: str, role: str = "officer") -> None:
    """In the current folder (CA "ca", passphrase file "p"): a certificate for the person (an
    officer's signs bundles, a reviewer's receipts), a database for their agency and the key
    imported into it."""
    p12 = f"{agency}-{role}.p12"
    cli(
        "pki",
        "issue",
        "--dir",
        "ca",
        "--passphrase-file",
        "p",
        "--agency",
        agency,
        "--officer",
        officer,
        "--out",
        p12,
        "--p12-passphrase-file",
        "p",
        "--role",
        role,
    )
    cli("--db", db, "init", "--agency", agency, "--officer", officer)
    cli("--db", db, "key", "import", p12, "--passphrase-file", "p")


def officer_bundle(
    folder: Path,
    db: str,
    agency: str,
    officer: str,
    *,
    status: str = "dang",
    out: str = ".",
    score: bool = False,
) -> str:
    """In ``folder`` (the current directory): the CA (once, passphrase file "p"), a certificate
    for the officer, their database with every assigned item given ``status``, and a signed
    Q3 bundle written to ``out``; returns the bundle's path. Made once per process and copied
    (tests/dbcache.py)."""
    from tests import dbcache

    return dbcache.replayed(
        folder,
        ("officer_bundle", _relative(db, folder), agency, officer, status, out, score),
        lambda: _officer_bundle(folder, db, agency, officer, status=status, out=out, score=score),
    )


def _relative(path: str, folder: Path) -> str:
    import os

    return os.path.relpath(path, folder) if os.path.isabs(path) else path


def _officer_bundle(
    folder: Path, db: str, agency: str, officer: str, *, status: str, out: str, score: bool
) -> str:
    import json

    (folder / "p").write_text("mat-khau-dai-123", encoding="utf-8")
    if not (folder / "ca").exists():
        cli("pki", "init-ca", "--dir", "ca", "--passphrase-file", "p")
    person_with_key(db, agency, officer)
    for item in json.loads(cli("--db", db, "assigned", "--json"))["items"]:
        cli("--db", db, "progress", "set", item["id"], "--status", status)
    # ongoing items in progress count as done: 1.1.3 suggests points, which need a note
    cli("--db", db, "score", "set", "1.1.3", "--suggested", "--note", "Theo báo cáo quý")
    if score:
        cli("--db", db, "score", "set", "1.1.2", "--points", "1", "--note", "Có kế hoạch")
    exported = cli(
        "--db", db, "export", "--period", "Q3", "--out", out, "--passphrase-file", "p", "--json"
    )
    path = Path(json.loads(exported)["path"])
    # relative to the folder: the set-up is replayed into other tests' folders (tests/dbcache.py),
    # and the first test's folder may be gone by then
    return os.path.relpath(path, folder) if path.is_absolute() else str(path)


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type as a person does, a key at a time (accented letters go in as themselves)."""
    for ch in text:
        await pilot.press(ch if ch != " " else "space")


async def wait_idle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the app's workers (database work in threads) are done and the screen caught up."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for(pilot: Any, check: Callable[[], bool], tries: int = 60) -> None:
    """Pause until ``check()`` holds (screens pushed from workers arrive a few frames later);
    fail after ``tries`` × 50 ms."""
    for _ in range(tries):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError("the screen never got there")
