"""Schema version constants and database errors, free of SQLAlchemy (the fast start path and
the reader use them without importing it)."""

from __future__ import annotations

import os
from pathlib import Path

from cchc_tui.core.errors import UserError

SCHEMA_HEAD = "0012"
KNOWN_REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
)
SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000


class StoreError(UserError):
    exit_code = 3


def busy_timeout_ms() -> int:
    try:
        return int(os.environ.get("CCHC_BUSY_TIMEOUT_MS", DEFAULT_BUSY_TIMEOUT_MS))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_MS


def classify_error(err: BaseException, path: Path) -> StoreError:
    """Map a driver error (sqlite3's, or SQLAlchemy's wrapping it) to one clear sentence."""
    orig = getattr(err, "orig", None) or err
    text = str(orig).lower()
    if "locked" in text or "busy" in text:
        return StoreError("db.locked", path=path)
    if "readonly" in text or "read-only" in text:
        return StoreError("db.readonly", path=path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError("db.corrupt", path=path)
    return StoreError("db.unopenable", path=path, detail=str(orig))


class StaleEdit(UserError):
    """A save whose base (the audit id the form was read at) is no longer the latest change
    of that row: someone (another copy of the app, the CLI) saved it in between."""

    exit_code = 5

    def __init__(self, *, latest: int, actor: str, at: str, changes: str) -> None:
        from datetime import UTC, datetime

        when = datetime.fromisoformat(at)
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
        super().__init__("edit.stale", actor=actor, at=when.astimezone().strftime("%H:%M %d/%m/%Y"))
        self.latest = latest  # the audit id to save against once the user has chosen
        self.actor = actor
        self.at = at  # ISO time, UTC
        self.changes = changes  # that change's JSON {"field": [old, new]}
