"""Drafts: what was typed in a form and not saved yet, kept in the database file itself.

One row per (form, target): ``form`` names the kind of input ("progress", "score",
"evidence", "comment"…), ``target`` what it is about (an item id, a criterion code…), and
``payload`` the raw field texts as JSON, NFC. Plain sqlite3 on its own connection: a draft
write is a single small statement, run by the draft writer's thread, never on the UI thread.

Drafts are not decisions, so they never reach the audit log.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cchc_tui.core.text import nfc
from cchc_tui.store.errors import StoreError, busy_timeout_ms, classify_error


@dataclass(frozen=True)
class Draft:
    form: str
    target: str
    payload: dict[str, str]
    label: str
    saved_at: datetime  # aware, UTC


def _clean(payload: dict[str, str]) -> dict[str, str]:
    return {str(k): nfc(str(v)) for k, v in payload.items()}


class DraftStore:
    """Reads and writes the ``draft`` table. Thread-safe (one lock around one connection)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            try:
                con = sqlite3.connect(
                    self.path,
                    timeout=busy_timeout_ms() / 1000,
                    check_same_thread=False,
                    isolation_level=None,  # autocommit: each statement is its own transaction
                )
                con.execute("PRAGMA synchronous = FULL")  # a draft must survive a power cut
            except sqlite3.Error as e:
                raise classify_error(e, self.path) from None
            self._con = con
        return self._con

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def all(self) -> list[Draft]:
        with self._lock:
            try:
                rows = (
                    self._connection()
                    .execute(
                        "SELECT form, target, payload, label, saved_at FROM draft "
                        "ORDER BY saved_at DESC"
                    )
                    .fetchall()
                )
            except sqlite3.Error as e:
                raise classify_error(e, self.path) from None
        out = []
        for form, target, payload, label, saved_at in rows:
            try:
                data = json.loads(payload)
            except ValueError:
                continue  # a damaged draft is not worth a crash; it is replaced on next typing
            if not isinstance(data, dict):
                continue
            when = datetime.fromisoformat(str(saved_at))
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            out.append(Draft(form, target, _clean(data), label, when))
        return out

    def put(self, form: str, target: str, payload: dict[str, str], *, label: str = "") -> datetime:
        at = datetime.now(UTC)
        text = json.dumps(_clean(payload), ensure_ascii=False, sort_keys=True)
        with self._lock:
            try:
                self._connection().execute(
                    "INSERT INTO draft (form, target, payload, label, saved_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (form, target) DO UPDATE SET "
                    "payload = excluded.payload, label = excluded.label, "
                    "saved_at = excluded.saved_at",
                    (form, target, text, nfc(label), at.isoformat()),
                )
            except sqlite3.Error as e:
                raise classify_error(e, self.path) from None
        return at

    def drop(self, form: str, target: str) -> None:
        with self._lock:
            try:
                self._connection().execute(
                    "DELETE FROM draft WHERE form = ? AND target = ?", (form, target)
                )
            except sqlite3.Error as e:
                raise classify_error(e, self.path) from None


_Key = tuple[str, str]


class DraftWriter:
    """Writes drafts in one background thread, in the order they were asked for.

    ``put`` and ``drop`` are called on the UI thread and return at once; ``known`` (what the
    database holds once the queue is written) is kept on the caller's side, so that the UI
    reads it without touching the database. ``flush`` waits for the queue to be written (at
    quit, and when the app crashes)."""

    def __init__(
        self, store: DraftStore, *, on_error: Callable[[StoreError], None] | None = None
    ) -> None:
        self.store = store
        self.known: dict[_Key, Draft] = {}
        self.write_seconds: list[float] = []  # how long each write took (bench_keys reads it)
        self.write_threads: set[str] = set()  # which threads wrote (never the UI's)
        self._on_error = on_error
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._thread: threading.Thread | None = None

    def load(self) -> list[Draft]:
        """Read the drafts left by an earlier run (blocking: call it from a worker thread)."""
        drafts = self.store.all()
        for d in drafts:
            self.known.setdefault((d.form, d.target), d)
        return drafts

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="cchc-drafts", daemon=True)
            self._thread.start()

    def of_form(self, form: str) -> list[Draft]:
        return [d for (f, _), d in self.known.items() if f == form]

    def get(self, form: str, target: str) -> Draft | None:
        return self.known.get((form, target))

    def put(self, form: str, target: str, payload: dict[str, str], *, label: str = "") -> None:
        draft = Draft(form, target, _clean(payload), nfc(label), datetime.now(UTC))
        self.known[(form, target)] = draft
        self._queue.put(("put", draft))

    def drop(self, form: str, target: str) -> None:
        if self.known.pop((form, target), None) is not None or self._thread is not None:
            self._queue.put(("drop", (form, target)))

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything asked so far is written; False when it took too long."""
        if self._thread is None or not self._thread.is_alive():
            self._drain()  # no thread (tests, or it died): write here
            return True
        done = threading.Event()
        self._queue.put(("flush", done))
        return done.wait(timeout)

    def close(self) -> None:
        self.flush()
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(("stop", None))
            self._thread.join(timeout=5)
        self.store.close()

    # -- the writer thread ------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            op, arg = self._queue.get()
            if op == "stop":
                return
            self._apply(op, arg)

    def _drain(self) -> None:
        while True:
            try:
                op, arg = self._queue.get_nowait()
            except queue.Empty:
                return
            if op != "stop":
                self._apply(op, arg)

    def _apply(self, op: str, arg: Any) -> None:
        if op == "flush":
            arg.set()
            return
        started = time.perf_counter()
        self.write_threads.add(threading.current_thread().name)
        try:
            if op == "put":
                d: Draft = arg
                self.store.put(d.form, d.target, d.payload, label=d.label)
            elif op == "drop":
                self.store.drop(*arg)
        except StoreError as e:
            if self._on_error is not None:
                self._on_error(e)
        self.write_seconds.append(time.perf_counter() - started)
