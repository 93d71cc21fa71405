"""The rules of opening and writing the database file, each read back from SQLite itself.

What ``store/db.py`` promises on every connection (the pragmas, the busy timeout, WAL), what
opening a file does (the copy taken before a migration, its name and content, the versions
recorded, each failure as the right sentence with the file named), and what
``store/transaction.py`` writes (the audit row, field by field, its JSON exactly) and refuses
(``check_base``: a save whose form was read before the row's latest change).
"""

from __future__ import annotations

import errno
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import exc
from sqlalchemy.engine import Engine

from cchc_tui import __version__
from cchc_tui.store import db as db_module
from cchc_tui.store.db import SCHEMA_HEAD, StoreError, classify_error, make_engine, migrate
from cchc_tui.store.db import open_engine as _open_engine
from cchc_tui.store.errors import DEFAULT_BUSY_TIMEOUT_MS, SQLITE_MAGIC, StaleEdit
from cchc_tui.store.transaction import audit, check_base, write_conn, write_session

OLD = "0007"  # the revision before the head: an "older database" that one migration upgrades


@pytest.fixture(autouse=True)
def _default_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CCHC_BUSY_TIMEOUT_MS", raising=False)


@pytest.fixture
def engines() -> Iterator[list[Engine]]:
    """Engines a test opens, disposed at the end whatever happened."""
    opened: list[Engine] = []
    yield opened
    for engine in opened:
        engine.dispose()


@pytest.fixture
def vietnam_time() -> Iterator[None]:
    """The local clock at UTC+7, as on the officers' machines: a local-time stamp shows."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "ICT-7"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def open_db(
    engines: list[Engine], path: Path, *, create: bool = False, checked: bool = False
) -> tuple[Engine, Path | None]:
    engine, backup = _open_engine(path, create=create, checked=checked)
    engines.append(engine)
    return engine, backup


def raw(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def meta(path: Path) -> dict[str, str]:
    return dict(raw(path, "SELECT key, value FROM app_meta"))


def pragmas(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        return read_pragmas(conn)


def read_pragmas(conn: Any) -> dict[str, Any]:
    return {
        name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
    }


ON_EVERY_CONNECTION = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "busy_timeout": DEFAULT_BUSY_TIMEOUT_MS,
}


def older_database(path: Path, *, created_by: str = "0.0.1") -> None:
    """A database at ``OLD`` with one row of data and the versions an older app recorded."""
    engine = make_engine(path)
    migrate(engine, OLD)
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO officer (name, created_at) VALUES ('Cũ', '2022-01-01 00:00:00')")
    con.execute(
        "INSERT INTO app_meta (key, value) VALUES ('created_by_version', ?), "
        "('written_by_version', ?)",
        (created_by, created_by),
    )
    con.commit()
    con.close()


# -- every connection: pragmas, busy timeout, WAL, any thread ------------------------------------


def test_every_connection_has_the_pragmas(tmp_path: Path, engines: list[Engine]) -> None:
    engine, _ = open_db(engines, tmp_path / "cchc.sqlite", create=True)
    with engine.connect() as first, engine.connect() as second:  # two pooled connections
        assert read_pragmas(first) == ON_EVERY_CONNECTION
        assert read_pragmas(second) == ON_EVERY_CONNECTION
    assert raw(tmp_path / "cchc.sqlite", "PRAGMA journal_mode") == [("wal",)]  # in the file


def test_a_database_on_a_network_share_gets_the_rollback_journal(tmp_path: Path) -> None:
    """WAL needs memory shared between the processes, which a network share does not give
    (store/location.py): there every connection uses the rollback journal; back on a local
    disk, WAL again. A bare engine is a local one."""
    path = tmp_path / "cchc.sqlite"
    engine, _ = _open_engine(path, create=True, network=True)
    try:
        assert pragmas(engine)["journal_mode"] == "delete"
    finally:
        engine.dispose()
    assert raw(path, "PRAGMA journal_mode") == [("delete",)]
    local = make_engine(path)
    try:
        assert pragmas(local)["journal_mode"] == "wal"
    finally:
        local.dispose()


def test_busy_timeout_comes_from_the_environment(
    tmp_path: Path, engines: list[Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_BUSY_TIMEOUT_MS", "1234")
    engine, _ = open_db(engines, tmp_path / "cchc.sqlite", create=True)
    assert pragmas(engine)["busy_timeout"] == 1234


def test_a_worker_thread_uses_a_pooled_connection(tmp_path: Path, engines: list[Engine]) -> None:
    path = tmp_path / "cchc.sqlite"
    engine, _ = open_db(engines, path, create=True)
    assert pragmas(engine) == ON_EVERY_CONNECTION  # the connection now waits in the pool
    seen: list[object] = []

    def work() -> None:
        try:
            seen.append(pragmas(engine))
            with write_conn(engine, path) as conn:
                conn.exec_driver_sql("INSERT INTO app_meta (key, value) VALUES ('thread', 'ok')")
        except Exception as e:  # reported to the test thread
            seen.append(e)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert seen == [ON_EVERY_CONNECTION]
    assert meta(path)["thread"] == "ok"


def test_read_only_engine_reads_but_never_writes(tmp_path: Path, engines: list[Engine]) -> None:
    folder = tmp_path / "Báo cáo 100%41 #2"  # URI syntax in the path, quoted
    folder.mkdir()
    path = folder / "cchc.sqlite"
    engine, _ = open_db(engines, path, create=True)
    engine.dispose()
    ro = make_engine(path, read_only=True)
    engines.append(ro)
    with ro.connect() as conn:
        assert read_pragmas(conn) == ON_EVERY_CONNECTION  # the file is WAL already
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            SCHEMA_HEAD
        )
        with pytest.raises(exc.OperationalError) as refused:
            conn.exec_driver_sql("INSERT INTO app_meta (key, value) VALUES ('x', 'y')")
    assert classify_error(refused.value, path).key == "db.readonly"
    assert "x" not in meta(path)
    # its pooled connection serves a worker thread too (the apps read in threads)
    import threading

    got: list[object] = []
    worker = threading.Thread(
        target=lambda: got.append(ro.connect().exec_driver_sql("SELECT 1").scalar())
    )
    worker.start()
    worker.join()
    assert got == [1]
    missing = make_engine(tmp_path / "none.sqlite", read_only=True)
    engines.append(missing)
    with pytest.raises(exc.OperationalError):
        missing.connect()
    assert not (tmp_path / "none.sqlite").exists()  # read-only never creates the file


# -- opening: versions recorded, the copy before a migration -------------------------------------


def test_a_new_database_records_its_versions_and_takes_no_copy(
    tmp_path: Path, engines: list[Engine]
) -> None:
    path = tmp_path / "cchc.sqlite"
    _, backup = open_db(engines, path, create=True)
    assert backup is None
    assert raw(path, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    assert meta(path) == {"created_by_version": __version__, "written_by_version": __version__}
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == []


def test_a_current_database_is_opened_as_it_is(tmp_path: Path, engines: list[Engine]) -> None:
    path = tmp_path / "cchc.sqlite"
    open_db(engines, path, create=True)[0].dispose()
    raw_con = sqlite3.connect(path)
    raw_con.execute("UPDATE app_meta SET value = '0.0.9' WHERE key = 'written_by_version'")
    raw_con.commit()
    raw_con.close()
    _, backup = open_db(engines, path)
    assert backup is None
    assert meta(path)["written_by_version"] == "0.0.9"  # nothing migrated, nothing recorded
    assert [p.name for p in tmp_path.iterdir() if ".bak" in p.name] == []


def test_an_older_database_is_copied_before_the_migration(
    tmp_path: Path, engines: list[Engine], vietnam_time: None
) -> None:
    path = tmp_path / "cchc.sqlite"
    older_database(path)
    start = datetime.now(UTC).replace(microsecond=0)
    _, backup = open_db(engines, path)
    end = datetime.now(UTC)
    assert backup is not None and backup.parent == tmp_path
    name = re.fullmatch(
        rf"cchc\.sqlite\.pre-{SCHEMA_HEAD}-from-{OLD}-(\d{{8}}T\d{{6}}Z)\.bak", backup.name
    )
    assert name, backup.name
    stamp = datetime.strptime(name[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert start <= stamp <= end  # UTC, whatever the local clock says
    # the copy is the database as it was: the old revision, its data, its versions
    assert raw(backup, "SELECT version_num FROM alembic_version") == [(OLD,)]
    assert raw(backup, "SELECT name FROM officer") == [("Cũ",)]
    assert meta(backup) == {"created_by_version": "0.0.1", "written_by_version": "0.0.1"}
    assert [p for p in tmp_path.iterdir() if ".bak" in p.name] == [backup]
    # the database itself is at the head, with its data; who created it is kept
    assert raw(path, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    assert raw(path, "SELECT name FROM officer") == [("Cũ",)]
    assert meta(path) == {"created_by_version": "0.0.1", "written_by_version": __version__}


def test_an_empty_version_table_is_a_new_database(tmp_path: Path, engines: list[Engine]) -> None:
    """Alembic's own table, created and never filled (a first run cut short): not a foreign
    file, and no revision yet."""
    path = tmp_path / "cchc.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.commit()
    con.close()
    _, backup = open_db(engines, path)
    assert backup is None
    assert raw(path, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    assert meta(path) == {"created_by_version": __version__, "written_by_version": __version__}


# -- opening: each failure as its sentence, naming the file --------------------------------------


def test_a_missing_database_is_named_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite"
    with pytest.raises(StoreError) as err:
        _open_engine(path)
    assert (err.value.key, err.value.params) == ("db.missing", {"path": path})
    assert str(path) in err.value.message()
    assert not path.exists()


def test_create_makes_the_missing_folders(tmp_path: Path, engines: list[Engine]) -> None:
    path = tmp_path / "a" / "b" / "cchc.sqlite"
    open_db(engines, path, create=True)
    assert raw(path, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]


def test_a_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("a file where the folder should be")
    path = tmp_path / "notes.txt" / "data" / "cchc.sqlite"
    with pytest.raises(StoreError) as err:
        _open_engine(path, create=True)
    detail = os.strerror(errno.ENOTDIR)
    assert (err.value.key, err.value.params) == ("db.unopenable", {"path": path, "detail": detail})
    assert str(path) in err.value.message() and detail in err.value.message()


def test_an_error_without_strerror_still_says_what_happened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError("ổ đĩa từ chối")

    monkeypatch.setattr(Path, "mkdir", refuse)
    path = tmp_path / "new" / "cchc.sqlite"
    with pytest.raises(StoreError) as err:
        _open_engine(path, create=True)
    assert (err.value.key, err.value.params) == (
        "db.unopenable",
        {"path": path, "detail": "ổ đĩa từ chối"},
    )


def test_a_folder_in_place_of_the_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "cchc.sqlite"
    path.mkdir()
    with pytest.raises(StoreError) as err:
        _open_engine(path)
    assert (err.value.key, err.value.params) == (
        "db.unopenable",
        {"path": path, "detail": "là thư mục"},
    )


def test_the_file_is_checked_unless_this_process_checked_it(
    tmp_path: Path, engines: list[Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cchc.sqlite"
    open_db(engines, path, create=True)[0].dispose()
    calls: list[Path] = []
    monkeypatch.setattr(db_module, "check_file", calls.append)
    open_db(engines, path, checked=True)
    assert calls == []  # once this process holds a connection, no other descriptor
    open_db(engines, path)
    assert calls == [path]


def test_a_newer_database_is_refused_with_its_revision(
    tmp_path: Path, engines: list[Engine]
) -> None:
    path = tmp_path / "cchc.sqlite"
    open_db(engines, path, create=True)[0].dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        _open_engine(path)
    assert (err.value.key, err.value.params) == ("db.newer", {"path": path, "found": "9999"})
    assert [p for p in tmp_path.iterdir() if ".bak" in p.name] == []


def test_a_foreign_database_is_refused_and_named(tmp_path: Path) -> None:
    path = tmp_path / "contacts.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        _open_engine(path)
    assert (err.value.key, err.value.params) == ("db.corrupt", {"path": path})
    assert raw(path, "SELECT name FROM sqlite_master") == [("contacts",)]


def test_a_damaged_file_behind_a_good_header_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "cchc.sqlite"
    path.write_bytes(SQLITE_MAGIC + b"\xff" * 4080)
    with pytest.raises(StoreError) as err:
        _open_engine(path)
    assert (err.value.key, err.value.params) == ("db.corrupt", {"path": path})


def test_a_locked_file_is_named_as_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cchc.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    monkeypatch.setenv("CCHC_BUSY_TIMEOUT_MS", "50")
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as err:
            _open_engine(path)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert (err.value.key, err.value.params) == ("db.locked", {"path": path})
    assert str(path) in err.value.message()


# -- the audit row and the stale-edit check ------------------------------------------------------

CHANGES: dict[str, tuple[Any, Any]] = {
    "title": ("Kế hoạch", "Kế hoạch cải cách hành chính"),
    "doc_date": (date(2022, 1, 20), date(2022, 2, 1)),
    "updated_at": (None, datetime(2022, 2, 1, 8, 30, tzinfo=UTC)),
    "progress_pct": (0, 50),
}
CHANGES_JSON = (
    '{"title": ["Kế hoạch", "Kế hoạch cải cách hành chính"], '
    '"doc_date": ["2022-01-20", "2022-02-01"], '
    '"updated_at": [null, "2022-02-01T08:30:00+00:00"], '
    '"progress_pct": [0, 50]}'
)


@pytest.mark.parametrize("path_kind", ["core", "orm"])
def test_the_audit_row_is_written_field_by_field(
    tmp_path: Path, engines: list[Engine], path_kind: str
) -> None:
    path = tmp_path / "cchc.sqlite"
    engine, _ = open_db(engines, path, create=True)
    start = datetime.now(UTC).replace(tzinfo=None)
    fields = {"actor": "Nguyễn Văn An", "agency": "918", "action": "evidence.update"}
    if path_kind == "core":
        with write_conn(engine, path) as conn:
            audit(conn, **fields, entity="evidence", key="7", changes=CHANGES)
    else:
        with write_session(engine, path) as session:
            audit(session, **fields, entity="evidence", key="7", changes=CHANGES)
    end = datetime.now(UTC).replace(tzinfo=None)
    rows = raw(
        path,
        "SELECT id, actor, agency_code, action, entity, entity_key, changes, at FROM audit_log",
    )
    assert [r[:7] for r in rows] == [
        (1, "Nguyễn Văn An", "918", "evidence.update", "evidence", "7", CHANGES_JSON)
    ]
    assert start <= datetime.fromisoformat(rows[0][7]) <= end  # UTC
    assert json.loads(rows[0][6])["doc_date"] == ["2022-01-20", "2022-02-01"]


def test_check_base_refuses_only_a_stale_save(tmp_path: Path, engines: list[Engine]) -> None:
    path = tmp_path / "cchc.sqlite"
    engine, _ = open_db(engines, path, create=True)
    row = {"agency": "918", "action": "progress.set", "key": "hd3.8"}
    with write_conn(engine, path) as conn:
        check_base(conn, **row, base=0)  # no entry yet, and the form saw none
        check_base(conn, **row, base=None)  # the CLI: no check
        audit(conn, actor="An", **row, entity="progress", changes={"status": (None, "xong")})
        for other in ({"key": "hd3.9"}, {"action": "evidence.update"}, {"agency": "SNV"}):
            # later entries of another row, action or agency do not count
            audit(conn, actor="Bình", **(row | other), entity="progress", changes={})
    with write_session(engine, path) as session:
        check_base(session, **row, base=1)  # the form saw the latest entry
        check_base(session, **row, base=None)
        with pytest.raises(StaleEdit) as stale:
            check_base(session, **row, base=0)  # read before An's save
    assert (stale.value.latest, stale.value.actor) == (1, "An")
    assert stale.value.changes == '{"status": [null, "xong"]}'
    assert stale.value.key == "edit.stale" and "An" in stale.value.message()
    at = datetime.fromisoformat(stale.value.at)
    assert abs(datetime.now(UTC).replace(tzinfo=None) - at) < timedelta(minutes=1)
