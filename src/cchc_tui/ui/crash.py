"""A crash is never silent: an unhandled exception in an app leaves a report beside the
database (versions, time, screens, the last keys, the traceback), keeps what was typed as a
draft when the app can, and then ends the app as Textual does (return code 1). The CLI says
where the report is and exits non-zero.

The last keys are kept by name only: a printable key (a letter typed into a field) is noted
as "·", so nothing the officer typed reaches the report; F2, Esc, Ctrl+Q, arrows… are named.
"""

from __future__ import annotations

import contextlib
import inspect
import sys
import tempfile
import traceback
from collections import deque
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import events

KEYS_KEPT = 50
TYPED = "·"  # a printable key, in place of its character


def key_name(event: events.Key) -> str:
    """How a key is noted: "·" for one that types a character, else its name (f2, escape…)."""
    return TYPED if event.is_printable else event.key


def _safe(fn: Callable[[], str]) -> str:
    try:
        return fn()
    except Exception as e:  # a part of the report that cannot be known is said so, no more
        return f"? ({type(e).__name__})"


def _version() -> str:
    from cchc_tui import __version__  # the one version source (pyproject reads it too)

    return __version__


class CrashReporting:
    """App mixin, first among the bases: notes the last keys and, on an unhandled exception,
    flushes drafts (``flush_drafts()``, when the app has it) and writes a crash report
    ``<db stem>-crash-YYYYMMDD-HHMMSS.txt`` beside ``self.db_path`` (else in the current
    folder, else the temp folder) before Textual's own handling."""

    crash_report: Path | None = None
    """Where the report was written; None until a crash (or when no folder would take it)."""
    crash_drafts_kept: bool = False
    """True when, at the crash, the app's ``flush_drafts()`` ran without error."""
    _last_keys: deque[str] | None = None
    _crash_handled: bool = False

    # -- the last keys -------------------------------------------------------------------------
    @property
    def last_keys(self) -> list[str]:
        return list(self._last_keys or ())

    def _note_key(self, event: events.Key) -> None:
        if self._last_keys is None:
            self._last_keys = deque(maxlen=KEYS_KEPT)
        self._last_keys.append(key_name(event))

    async def on_event(self, event: events.Event) -> None:
        if not (isinstance(event, events.Key) and not event.is_forwarded):
            await super().on_event(event)  # type: ignore[misc]
            return
        # noted before it acts: the key that crashes the app is the one most worth seeing
        self._note_key(event)
        await super().on_event(event)  # type: ignore[misc]
        held = getattr(self, "_held_keys", None) or ()
        if any(e is event for e in held) and self._last_keys:
            # KeysInOrder held it back; it is posted again when released, and noted then
            self._last_keys.pop()

    # -- the crash -----------------------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        if not self._crash_handled:
            self._crash_handled = True  # one report, for the first error: not one per echo
            with contextlib.suppress(Exception):  # nothing here may hide the crash itself
                self._keep_drafts()
                self.crash_report = self._write_crash_report(error)
        super()._handle_exception(error)  # type: ignore[misc]

    def _keep_drafts(self) -> None:
        flush = getattr(self, "flush_drafts", None)
        if not callable(flush):
            return
        try:
            result = flush()
        except Exception:
            return
        if inspect.isawaitable(result):
            # a coroutine cannot be awaited here (the app is going down): not kept
            if inspect.iscoroutine(result):
                result.close()
            return
        self.crash_drafts_kept = True

    def crash_report_text(self, error: BaseException) -> str:
        import platform  # here, not at start: nothing needs it before a crash

        app: Any = self
        stack = _safe(lambda: " > ".join(type(s).__name__ for s in app.screen_stack))
        lines = [
            "cchc-tui crash report",
            f"version: {_version()}",
            f"python: {sys.version.split()[0]} ({platform.python_implementation()})",
            f"platform: {_safe(platform.platform)}",
            f"time: {datetime.now().astimezone().isoformat(timespec='seconds')}",
            f"app: {type(self).__name__}",
            f"drafts kept: {'yes' if self.crash_drafts_kept else 'no'}",
            f"screen: {_safe(lambda: type(app.screen).__name__)}",
            f"screen stack: {stack}",
            f"last keys ({len(self.last_keys)}, oldest first; {TYPED} = a typed character): "
            + " ".join(self.last_keys),
            "",
            "traceback:",
            "".join(traceback.format_exception(error)).rstrip("\n"),
            "",
        ]
        return "\n".join(lines)

    def _write_crash_report(self, error: BaseException) -> Path | None:
        text = self.crash_report_text(error)
        db_path = getattr(self, "db_path", None)
        stem = Path(db_path).stem if db_path is not None else "cchc"
        name = f"{stem}-crash-{datetime.now():%Y%m%d-%H%M%S}"
        folders: list[Path] = []
        if db_path is not None:
            folders.append(Path(db_path).resolve().parent)
        with contextlib.suppress(OSError):  # unless the current folder was removed
            folders.append(Path.cwd())
        folders.append(Path(tempfile.gettempdir()))
        for folder in folders:
            for n in range(1, 10):
                path = folder / (f"{name}.txt" if n == 1 else f"{name}-{n}.txt")
                try:
                    f = path.open("x", encoding="utf-8", newline="\n")
                except FileExistsError:
                    continue
                except OSError:
                    break  # this folder will not take it: the next one
                try:
                    with f:
                        f.write(text)
                except OSError:  # a disk full half-way: no half report, the next folder
                    with contextlib.suppress(OSError):
                        path.unlink(missing_ok=True)
                    break
                return path
        return None
