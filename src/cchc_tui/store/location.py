"""Where the database file lives: on this machine's disk, or on a network share.

SQLite's write-ahead log needs shared memory between the processes that open the file, which a
network file system does not give (sqlite.org/wal.html, "WAL does not work over a network
filesystem"): two PCs opening `\\\\server\\share\\cchc.sqlite` in WAL mode can each see their own
version of the database. There the store uses SQLite's rollback journal (journal_mode=DELETE),
whose locks go through the file system, and says so once. Refusing would leave offices that keep
the file on a share with nothing; the one-copy lock (store/instance.py) still warns of a
second copy on the same share.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

# file system types of network mounts as /proc/self/mounts names them
NETWORK_FS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "fuse.sshfs",
        "fuse.davfs2",
        "davfs",
        "fuse.rclone",
        "fuse.gvfsd-fuse",
    }
)
DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive (a mapped Z:)


def _is_unc(text: str) -> bool:
    r"""\\server\share\…, //server/share/…, \\?\UNC\server\… (not \\?\C:\…, a local disk)."""
    t = text.replace("/", "\\")
    if t.upper().startswith("\\\\?\\UNC\\"):
        return True
    if t.startswith("\\\\?\\") or t.startswith("\\\\.\\"):
        return False
    return t.startswith("\\\\") and len(t) > 2 and t[2] != "\\"


def _windows_drive_type(drive: str) -> int:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return int(kernel32.GetDriveTypeW(f"{drive}\\"))


def _mount_type(path: Path, mounts: str) -> str | None:
    """The file system type of the mount holding ``path`` (the longest mount point that is a
    prefix of it), from the text of /proc/self/mounts."""
    best, kind = "", None
    target = str(path)
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind


def is_network_path(
    path: Path | str,
    *,
    platform: str = sys.platform,
    mounts: str | None = None,
    drive_type: object = None,
) -> bool:
    """Whether the database at ``path`` is on a network share (UNC path, a mapped network
    drive on Windows, an NFS/SMB/SSHFS mount elsewhere). ``mounts`` and ``drive_type`` stand in
    for the system's answers in tests."""
    text = str(path)
    if platform == "win32":
        if sys.platform == "win32":  # pragma: no cover - a relative path is on the cwd's drive
            text = os.path.abspath(text)
        if _is_unc(text):
            return True
        drive = PureWindowsPath(text).drive
        if len(drive) == 2 and drive[1] == ":":
            ask = drive_type if callable(drive_type) else _windows_drive_type
            try:
                return bool(ask(drive.upper()) == DRIVE_REMOTE)
            except OSError:
                return False
        return False
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    try:
        resolved = Path(path).resolve()
    except OSError:
        resolved = Path(path).absolute()
    return _mount_type(resolved, mounts) in NETWORK_FS


def use_rollback_journal(path: Path) -> None:
    """Switch an existing database on a share to the rollback journal, once, before this
    process holds any other connection to it (a switch away from WAL needs the file to
    itself; later connections then find it in that mode and keep it)."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        if con.execute("PRAGMA journal_mode").fetchone()[0] != "delete":
            con.execute("PRAGMA journal_mode = DELETE")
    finally:
        con.close()
