"""Opening the SQLite file: pragmas, error mapping, version checks and migrations.

Every connection gets ``foreign_keys=ON``, ``journal_mode=WAL`` and ``synchronous=FULL``; the
driver runs in autocommit mode and SQLAlchemy's ``begin`` emits ``BEGIN`` itself, so that DDL
(migrations) is transactional too and a write transaction can take the lock up front
(``BEGIN IMMEDIATE``) instead of failing half-way when another writer is busy.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, event, exc
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

from cchc_tui.store.errors import (
    KNOWN_REVISIONS,
    SCHEMA_HEAD,
    StoreError,
    busy_timeout_ms,
    classify_error,
)
from cchc_tui.store.reader import check_file

__all__ = ["KNOWN_REVISIONS", "SCHEMA_HEAD", "StoreError", "classify_error", "open_engine"]


def make_engine(path: Path, *, read_only: bool = False, network: bool = False) -> Engine:
    # The file is opened by sqlite3 itself, never through a URL: SQLAlchemy decodes "%41" in a
    # URL's path ("C:\\Báo cáo\\100%41\\cchc.sqlite" opened another file).
    # The default queue pool: a connection is checked out by one session (so by one thread) at
    # a time and reused afterwards, which keeps the pragmas and the page cache warm;
    # check_same_thread is off so that a worker thread may use a pooled connection.
    target = str(path)

    def connect() -> sqlite3.Connection:
        if read_only:  # a URI, its path quoted: "#", "?", "%" and spaces are URI syntax
            uri = f"file:{quote(Path(target).absolute().as_posix(), safe='/:')}?mode=ro"
            return sqlite3.connect(uri, uri=True, check_same_thread=False)
        return sqlite3.connect(target, check_same_thread=False)

    # a file's pool (QueuePool), not the one SQLAlchemy gives a URL without a file (memory)
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    timeout = busy_timeout_ms()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see module doc)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {timeout}")
        cur.execute("PRAGMA foreign_keys = ON")
        if not read_only:  # on a network share, the rollback journal (store/location.py)
            cur.execute(f"PRAGMA journal_mode = {'DELETE' if network else 'WAL'}")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions take the write lock at BEGIN."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")


def schema_revision(conn: Connection) -> str | None:
    has = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).first()
    if not has:
        return None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return str(row[0]) if row else None


def _table_count(conn: Connection) -> int:
    """Tables other than SQLite's own and Alembic's bookkeeping."""
    row = conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND name != 'alembic_version'"
    ).one()
    return int(row[0])


def backup_copy(path: Path, label: str) -> Path:
    """A consistent copy of the database (SQLite backup API, WAL included)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(engine: Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    from cchc_tui.store import migrations

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    with writer(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def _record_version(engine: Engine, *, created: bool) -> None:
    from cchc_tui import __version__

    with writer(engine).begin() as conn:
        if created:
            conn.exec_driver_sql(
                "INSERT OR REPLACE INTO app_meta (key, value) VALUES ('created_by_version', ?)",
                (__version__,),
            )
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO app_meta (key, value) VALUES ('written_by_version', ?)",
            (__version__,),
        )


def open_engine(
    path: Path, *, create: bool = False, checked: bool = False, network: bool = False
) -> tuple[Engine, Path | None]:
    """Open (or create) the database at ``path`` and bring its schema to the head revision.

    Returns the engine and, when a migration ran, the path of the copy taken before it.
    ``checked``: the file was already checked by this process (see ``check_file``: once this
    process holds a connection, the file must not be opened any other way). ``network``: the
    file is on a network share (rollback journal, not WAL: store/location.py).
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise StoreError("db.missing", path=path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError("db.unopenable", path=path, detail=e.strerror or str(e)) from None
    elif not checked:
        check_file(path)
    engine = make_engine(path, network=network)
    backup: Path | None = None
    try:
        with engine.connect() as conn:
            revision = schema_revision(conn)
            tables = _table_count(conn)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise StoreError("db.newer", path=path, found=revision)
        if revision is None and tables:
            raise StoreError("db.corrupt", path=path)
        if revision != SCHEMA_HEAD:
            if revision is not None:
                backup = backup_copy(path, f"pre-{SCHEMA_HEAD}-from-{revision}")
            migrate(engine)
            _record_version(engine, created=revision is None)
    except StoreError:
        engine.dispose()
        raise
    except (exc.DBAPIError, sqlite3.Error) as e:
        engine.dispose()
        raise classify_error(e, path) from None
    return engine, backup
