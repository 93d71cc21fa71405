"""Parsed copies of the TOML read at every start — the registry shipped with the app, the plan
the database holds — kept as JSON in the user's cache folder.

tomllib is pure Python: parsing those two texts was ~12 ms of every start on the development
machine (bench/bench_startup.py); json, in C, reads the same data in about one. A copy holds
the text it was parsed from and is used only for exactly that text (its name, a CRC-32 and the
length, only finds it: hashlib's import alone cost 2–3 ms), so a changed text is parsed afresh
and never mistaken for an old one; a copy that cannot be read (missing, cut short, damaged) is
ignored and written again; a folder that cannot be written (read-only, full) only costs time.
The folder is the user's own, trusted as the database beside it is.
Only trusted texts come here (the shipped files, a plan Store.import_plan checked when it was
stored): a copy holds exactly what tomllib returned for it — checked on writing — nothing more.

``CCHC_CACHE`` names another folder, or ``off`` for none.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from cchc_tui.core.agencies import Registry, shipped_registry_text
from cchc_tui.paths import APP_NAME

FORMAT = "cchc-toml-json-1"  # in every copy: a new format never reads an old copy
_TAG = "$toml"  # {"$toml": "date", "v": "2022-01-31"}: what JSON has no type for
_KINDS: dict[str, Any] = {"date": date, "datetime": datetime, "time": time}
KEEP = 8  # copies kept: the newest; a plan's text seldom changes


def cache_dir() -> Path | None:
    env = os.environ.get("CCHC_CACHE")
    if env:
        return None if env.lower() == "off" else Path(env).expanduser()
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / "data"


def _encode(value: object) -> dict[str, str]:
    # datetime before date: a datetime is a date too
    for kind in ("datetime", "date", "time"):
        if isinstance(value, _KINDS[kind]):
            return {_TAG: kind, "v": value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not TOML data")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 2 and _TAG in obj:
        return _KINDS[obj[_TAG]].fromisoformat(obj["v"])
    return obj


def parsed_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, from the cached copy when there is one."""
    folder = cache_dir()
    if folder is not None:
        path = folder / f"{zlib.crc32(text.encode()):08x}-{len(text)}.json"
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            copy = json.loads(path.read_bytes(), object_hook=_decode)
            if copy["format"] == FORMAT and copy["text"] == text and isinstance(copy["data"], dict):
                found: dict[str, Any] = copy["data"]
                return found
    import tomllib  # only now: its import too is spared when the copy is there

    data: dict[str, Any] = tomllib.loads(text)
    if folder is not None:
        _write(path, text, data)
    return data


def _write(path: Path, text: str, data: dict[str, Any]) -> None:
    """The copy, whole or not at all (a temporary file renamed over it), and only when it
    reads back as exactly ``data`` (a key named like the tag would not)."""
    copy = {"format": FORMAT, "data": data, "text": text}
    encoded = json.dumps(copy, default=_encode, ensure_ascii=False, separators=(",", ":"))
    if json.loads(encoded, object_hook=_decode) != copy:
        return
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(encoded, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    """Only the newest KEEP copies stay."""
    with contextlib.suppress(OSError):
        copies = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in copies[KEEP:]:
            with contextlib.suppress(OSError):
                old.unlink()


def shipped_registry() -> Registry:
    """The registry that comes with the app, as ``Registry.load()`` builds it."""
    return Registry.from_trusted_data(parsed_toml(shipped_registry_text()))
