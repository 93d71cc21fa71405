"""Backup, restore and "where is everything": one archive to move the work to a USB stick or a
new PC.

What belongs to a database: the SQLite file, and beside it ``<db>.files/`` (evidence copies),
``<db>.keys/`` (the signing key, passphrase-protected), ``<db>.bundles/`` (bundles received by
the review desk); and the user's ``config.toml``. Copying ``cchc.sqlite`` alone while the app
runs loses what is still in its write-ahead log; here the database is copied with SQLite's
backup API (a consistent snapshot, the log included) and every other file as it is.

The archive is a zip (``cchc-backup-YYYYMMDD-HHMMSS.zip``) holding ``manifest.json`` (format,
date, program version, schema, and each entry's size and SHA-256) and the files under
``db/``, ``files/``, ``keys/``, ``bundles/`` and ``config/``. Restore reads the manifest
first, refuses an archive whose entries differ from it in any way (a name, a size, a hash, one
missing or one more), and writes only into an empty place: no database, no side folders there.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from cchc_tui import __version__
from cchc_tui.core.errors import UserError
from cchc_tui.store.evidence import sha256_file

FORMAT = "cchc-backup/1"
SIDES = {"files": ".files", "keys": ".keys", "bundles": ".bundles"}
CHUNK = 1 << 20


def side_folder(db: Path, part: str) -> Path:
    return db.with_name(db.name + SIDES[part])


def locations(db: Path, config: Path) -> list[tuple[str, Path, bool]]:
    """What `cchc db path` and F1 show: (what, where, whether it exists)."""
    places = [("db", db), *((part, side_folder(db, part)) for part in SIDES), ("config", config)]
    return [(what, where, where.exists()) for what, where in places]


def _snapshot(db: Path, target: Path) -> str | None:
    """The database copied with SQLite's backup API; its schema revision."""
    src = sqlite3.connect(db)  # a path, never a URI: "%41", "#" and spaces stay letters
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            row = dst.execute(
                "SELECT version_num FROM alembic_version"
                " WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'alembic_version')"
            ).fetchone()
            dst.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
        finally:
            dst.close()
    finally:
        src.close()
    return str(row[0]) if row else None


@dataclass
class BackupResult:
    archive: Path
    entries: int
    size: int


def write_backup(db: Path, config: Path, out_dir: Path, *, now: datetime) -> BackupResult:
    """One archive in ``out_dir`` (which must exist: a USB stick's folder); never replaces a
    file; nothing left behind when it fails."""
    if not db.is_file():
        raise UserError("db.missing", path=db)
    if not out_dir.is_dir():
        raise UserError("backup.no_folder", path=out_dir)
    name = f"cchc-backup-{now:%Y%m%d-%H%M%S}"
    archive = out_dir / f"{name}.zip"
    n = 2
    while archive.exists():
        archive = out_dir / f"{name}-{n}.zip"
        n += 1
    with tempfile.TemporaryDirectory(prefix="cchc-backup-") as tmp:
        snapshot = Path(tmp) / db.name
        schema = _snapshot(db, snapshot)
        members: list[tuple[str, Path]] = [(f"db/{db.name}", snapshot)]
        for part in SIDES:
            folder = side_folder(db, part)
            if folder.is_dir():
                for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                    members.append((f"{part}/{path.relative_to(folder).as_posix()}", path))
        if config.is_file():
            members.append((f"config/{config.name}", config))
        entries = [
            {"path": arc, "size": path.stat().st_size, "sha256": sha256_file(path)}
            for arc, path in members
        ]
        manifest = {
            "format": FORMAT,
            "created": now.isoformat(timespec="seconds"),
            "app_version": __version__,
            "schema": schema,
            "db_name": db.name,
            "entries": entries,
        }
        partial = archive.with_name(archive.name + ".part")
        try:
            with zipfile.ZipFile(partial, "x", zipfile.ZIP_DEFLATED) as z:
                z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
                for arc, path in members:
                    z.write(path, arc)
            with partial.open("rb") as f:
                os.fsync(f.fileno())
            os.replace(partial, archive)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return BackupResult(archive, len(entries), archive.stat().st_size)


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return (
        not name.startswith("/")
        and "\\" not in name
        and ":" not in name
        and all(p not in ("", ".", "..") for p in parts)
    )


def read_manifest(z: zipfile.ZipFile, archive: Path) -> dict[str, Any]:
    """The manifest, checked against the archive's entries (names, sizes; hashes on restore)."""
    try:
        manifest = json.loads(z.read("manifest.json").decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError):
        raise UserError("backup.not_backup", path=archive) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError("backup.not_backup", path=archive)
    entries = manifest.get("entries")
    if not isinstance(entries, list) or not entries:
        raise UserError("backup.not_backup", path=archive)
    listed = {str(e.get("path")): e for e in entries if isinstance(e, dict)}
    names = [i.filename for i in z.infolist() if i.filename != "manifest.json"]
    if (
        len(listed) != len(entries)
        or sorted(names) != sorted(listed)
        or len(set(names)) != len(names)
    ):
        raise UserError("backup.entries_differ", path=archive)
    db_name = manifest.get("db_name")
    for name, entry in listed.items():
        if not _safe_name(name) or name.split("/")[0] not in {"db", "config", *SIDES}:
            raise UserError("backup.bad_entry", path=archive, entry=name)
        if z.getinfo(name).file_size != entry.get("size"):
            raise UserError("backup.damaged", path=archive, entry=name)
    if f"db/{db_name}" not in listed:
        raise UserError("backup.not_backup", path=archive)
    return manifest


@dataclass
class RestoreResult:
    db: Path
    entries: int
    config: Path | None  # where the backup's config.toml went (None: none in the backup)
    config_kept: bool = False  # an existing config.toml was left as it was
    folders: list[Path] = field(default_factory=list)


def restore_backup(archive: Path, db: Path, config: Path) -> RestoreResult:
    """Check the whole archive, then write it into an empty place: ``db`` and its side folders
    must not exist. An existing config.toml is kept; the backup's goes beside it."""
    if not archive.is_file():
        raise UserError("evidence.file_missing", path=archive)
    taken = [p for p in (db, *(side_folder(db, s) for s in SIDES)) if p.exists()]
    if taken:
        raise UserError("backup.place_taken", path=taken[0])
    try:
        z = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError):
        raise UserError("backup.not_backup", path=archive) from None
    with z, tempfile.TemporaryDirectory(prefix="cchc-restore-", dir=_temp_near(db)) as tmp:
        manifest = read_manifest(z, archive)
        staged = Path(tmp)
        for entry in manifest["entries"]:
            name = entry["path"]
            target = staged.joinpath(*PurePosixPath(name).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            h = hashlib.sha256()
            try:
                with z.open(name) as src, target.open("wb") as dst:
                    while chunk := src.read(CHUNK):
                        h.update(chunk)
                        dst.write(chunk)
            except (zipfile.BadZipFile, OSError, EOFError):
                raise UserError("backup.damaged", path=archive, entry=name) from None
            if h.hexdigest() != entry["sha256"]:
                raise UserError("backup.damaged", path=archive, entry=name)
        snapshot = staged / "db" / manifest["db_name"]
        con = sqlite3.connect(snapshot)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            ok = False
        finally:
            con.close()
        if not ok:
            raise UserError("backup.damaged", path=archive, entry=f"db/{manifest['db_name']}")
        # all checked: into place, the database last (a place with the database in it is a
        # whole restore)
        db.parent.mkdir(parents=True, exist_ok=True)
        result = RestoreResult(db, len(manifest["entries"]), None)
        for part, suffix in SIDES.items():
            if (staged / part).is_dir():
                shutil.move(staged / part, db.with_name(db.name + suffix))
                result.folders.append(db.with_name(db.name + suffix))
        kept = staged / "config" / "config.toml"
        if kept.is_file():
            if config.exists():
                result.config, result.config_kept = (
                    config.with_name("config.from-backup.toml"),
                    True,
                )
            else:
                result.config = config
            result.config.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(kept, result.config)
        shutil.move(snapshot, db)
    return result


def _temp_near(db: Path) -> str | None:
    """Stage beside the target when its folder exists (moves within one disk are renames)."""
    parent = db.parent
    return str(parent) if parent.is_dir() else None
