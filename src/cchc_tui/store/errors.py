"""Schema version constants and database errors, free of SQLAlchemy (the fast start path and
the reader use them without importing it)."""

from __future__ import annotations

import os
from pathlib import Path

from cchc_tui.core.i18n import UserError

SCHEMA_HEAD = "0007"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
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
