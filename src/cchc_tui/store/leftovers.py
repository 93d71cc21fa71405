"""Temporary files left behind by evidence copies that were interrupted.

``Store._copy_in`` writes each incoming file to ``<db>.files/.incoming-*`` (only at the top
level of that folder) and renames it into place once it is complete. If the process is killed
mid-copy the temporary file stays. It is harmless — nothing in the database points at it — but
it takes space, so ``cchc db check`` lists such files and the app sweeps the stale ones when it
starts.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

INCOMING_PREFIX = ".incoming-"
"""The prefix ``Store._copy_in`` gives its temporary files (``tempfile.mkstemp(prefix=...)``)."""

DEFAULT_MIN_AGE = 900.0
"""Seconds a leftover must have been untouched before it is removed (see ``sweep_incoming``)."""


def _incoming(files_dir: Path) -> list[tuple[Path, float]]:
    """(path, mtime) of every regular ``.incoming-*`` file directly in ``files_dir``, sorted."""
    found: list[tuple[Path, float]] = []
    try:
        with os.scandir(files_dir) as it:
            entries = list(it)
    except OSError:  # missing, not a folder, unreadable: nothing to report
        return []
    for entry in entries:
        if not entry.name.startswith(INCOMING_PREFIX):
            continue
        try:
            # lstat: a symlink is not ours (mkstemp never makes one) and is never followed.
            st = entry.stat(follow_symlinks=False)
        except OSError:  # vanished since the listing
            continue
        if stat.S_ISREG(st.st_mode):
            found.append((Path(entry.path), st.st_mtime))
    found.sort(key=lambda pm: pm[0].name)
    return found


def incoming_leftovers(files_dir: Path) -> list[Path]:
    """The ``.incoming-*`` regular files directly in ``files_dir``, sorted by name.

    Symlinks, folders and anything else named like that are left out; a missing or unreadable
    ``files_dir`` gives ``[]``. A copy in progress in another process is listed too: its file
    looks the same until it is renamed.
    """
    return [p for p, _ in _incoming(files_dir)]


def sweep_incoming(
    files_dir: Path, *, older_than: float = DEFAULT_MIN_AGE, now: float | None = None
) -> list[Path]:
    """Remove the ``.incoming-*`` leftovers last modified more than ``older_than`` seconds ago.

    Another copy of the app may be copying a file right now: its temporary file is being
    written, so its mtime is fresh and it is kept. ``now`` (a ``time.time()`` value) is for
    tests. Never follows symlinks and never raises: a file that vanished or cannot be removed
    is skipped. Returns the paths actually removed, sorted by name.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    for path, mtime in _incoming(files_dir):
        if now - mtime <= older_than:
            continue
        try:
            path.unlink()  # unlink removes a link itself, never its target
        except OSError:  # vanished, permission denied, read-only medium…
            continue
        removed.append(path)
    return removed
