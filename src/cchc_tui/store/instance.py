"""Telling a second copy of the app that the database file is already open.

At start the app calls ``InstanceLock(db_path).acquire()``. The first copy gets ``None``: it now
holds an OS file lock on ``<db name>.lock`` beside the database and has written who it is to
``<db name>.open.json`` (pid, host, since). A later copy, on this PC or on another one sharing
the folder, gets an :class:`OtherCopy` read from that file and shows
``other_copy_notice(other, today=...)`` in one line. Nothing is blocked: saves are already
checked for conflicts, the lock is only there so that people know.

The lock is the operating system's (``flock`` on POSIX, ``LockFileEx`` on Windows, through the
``filelock`` package), so it goes away when the holding process dies, even killed: a stale
``.open.json`` left by a crash is then simply overwritten by the next copy that takes the lock.
A second copy does not take the lock later when the first one closes; the notice is given at
start only.

Nothing here raises for a folder that cannot be written or read (a database on a read-only USB
stick, a network share without locks): ``acquire`` then returns ``None`` and does nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from cchc_tui.core.dates import format_date, local_day
from cchc_tui.core.i18n import t

if TYPE_CHECKING:
    from filelock import FileLock

__all__ = ["InstanceLock", "OtherCopy", "info_path", "lock_path", "other_copy_notice"]

_HOST_MAX = 64


def lock_path(db_path: Path) -> Path:
    """``<db name>.lock`` beside the database (the file the OS lock is taken on)."""
    return db_path.with_name(db_path.name + ".lock")


def info_path(db_path: Path) -> Path:
    """``<db name>.open.json`` beside the database: who holds the lock, since when."""
    return db_path.with_name(db_path.name + ".open.json")


@dataclass(frozen=True)
class OtherCopy:
    """Another running copy of the app that holds the database's lock.

    The fields come from its ``.open.json``; all three are ``None`` when that file could not be
    read (missing, damaged, or not written yet because the other copy is just starting).
    """

    since: datetime | None
    """When it took the lock, timezone-aware, in UTC."""
    pid: int | None
    """Its process id (on ``host``)."""
    host: str | None
    """``socket.gethostname()`` of the PC it runs on."""


_UNKNOWN = OtherCopy(since=None, pid=None, host=None)


class InstanceLock:
    """The "this database is open" lock of one copy of the app.

    ``acquire()`` once at start; ``release()`` (or leave the ``with`` block) when the app
    closes. As a context manager, ``__enter__`` calls ``acquire()`` and its result is kept in
    :attr:`other`::

        with InstanceLock(db_path) as instance:
            if instance.other is not None:
                notify(other_copy_notice(instance.other, today=date.today()))
            ...

    On POSIX the empty ``.lock`` file stays beside the database after release (removing a
    ``flock`` file is racy; filelock leaves it on purpose); on Windows filelock removes it.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.lock_path = lock_path(self.db_path)
        self.info_path = info_path(self.db_path)
        self._lock: FileLock | None = None  # made by the first acquire (filelock's import
        # costs ~20 ms: kept off the app's start path, bench/bench_startup.py)
        self._written: dict[str, Any] | None = None
        self.other: OtherCopy | None = None
        """What the last ``acquire()`` returned."""

    @property
    def held(self) -> bool:
        """Whether this object holds the OS lock."""
        return self._lock is not None and self._lock.is_locked

    def _os_lock(self) -> FileLock:
        if self._lock is None:
            from filelock import FileLock

            # Non-blocking, not a per-path singleton and not thread-local, so that a second
            # InstanceLock on the same path in the same process really sees the lock held (as
            # a second copy would) and a release from another thread than the acquiring one
            # works. No soft fallback: a marker file would outlive a killed copy and warn
            # forever.
            self._lock = FileLock(
                self.lock_path,
                timeout=0,
                thread_local=False,
                blocking=False,
                is_singleton=False,
                fallback_to_soft=False,
            )
        return self._lock

    def acquire(self) -> OtherCopy | None:
        """Take the lock without waiting.

        Returns ``None`` when this copy got it (the info file is then written) and also when
        the folder cannot be used for a lock at all (read-only, missing, unreadable): there is
        nothing to tell then. Returns an :class:`OtherCopy` when another process holds it.
        Never raises ``OSError``. Calling it again while held returns ``None``.
        """
        if self.held:
            self.other = None
            return None
        if not self.db_path.parent.is_dir():
            # filelock would create the missing folders; a database that has no folder yet is
            # not open anywhere.
            self.other = None
            return None
        from filelock import Timeout

        try:
            self._os_lock().acquire(timeout=0, blocking=False)
        except Timeout:  # a subclass of OSError: caught first
            self.other = _read_info(self.info_path) or _UNKNOWN
            return self.other
        except OSError:  # read-only or unreadable folder, no lock support on the filesystem
            self.other = None
            return None
        self._write_info()
        self.other = None
        return None

    def release(self) -> None:
        """Drop the lock and remove the info file if it is still the one this copy wrote.

        Does nothing when the lock is not held; never raises ``OSError``.
        """
        if not self.held:
            return
        written, self._written = self._written, None
        if written is not None and _read_raw(self.info_path) == written:
            with contextlib.suppress(OSError):
                self.info_path.unlink()
        with contextlib.suppress(OSError):
            self._os_lock().release()

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def _write_info(self) -> None:
        """Write ``.open.json`` atomically (temporary file, then ``os.replace``); best effort."""
        info: dict[str, Any] = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        folder = self.info_path.parent
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{self.info_path.name}.", suffix=".tmp")
        except OSError:  # the lock file was writable but the folder is not: no info, no harm
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(info, fh, ensure_ascii=False)
            os.replace(tmp, self.info_path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return
        self._written = info


def _read_raw(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing, unreadable, not UTF-8, not JSON
        return None


def _read_info(path: Path) -> OtherCopy | None:
    """The :class:`OtherCopy` in an ``.open.json``, or ``None`` if it is not a valid one."""
    raw = _read_raw(path)
    if not isinstance(raw, dict):
        return None
    pid, host, since = raw.get("pid"), raw.get("host"), raw.get("since")
    if not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(host, str):
        return None
    if not isinstance(since, str):
        return None
    try:
        when = datetime.fromisoformat(since)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return OtherCopy(since=when.astimezone(UTC), pid=pid, host=_clean_host(host))


def _clean_host(host: str) -> str:
    """One line, printable, not too long: the name comes from a file anyone could edit."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in host).strip()
    return cleaned[:_HOST_MAX] or "?"


def other_copy_notice(other: OtherCopy, *, today: date) -> str:
    """The one-line notice for a second copy, in the current language.

    The time is local ``HH:MM``; the date (dd/mm/yyyy) is added when the other copy opened the
    database on another day than ``today`` (a local date).
    """
    if other.since is None or other.host is None:
        return t("instance.other_copy_unknown")
    local = other.since.astimezone()
    time = local.strftime("%H:%M")
    day = local_day(other.since)
    if day == today:
        return t("instance.other_copy", time=time, host=other.host)
    return t("instance.other_copy_day", time=time, date=format_date(day), host=other.host)
