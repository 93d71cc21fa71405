"""A second copy of the app is told at start that the database is already open (issue 11)."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cchc_tui.core.i18n import set_language
from cchc_tui.store.instance import InstanceLock, OtherCopy, other_copy_notice

ODD_FOLDER = "Thư mục 100% Cải cách hành chính"
ODD_NAME = "dữ liệu CCHC %20 Cần Thơ.db"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cchc.db"


@pytest.fixture
def first(db: Path) -> Iterator[InstanceLock]:
    lock = InstanceLock(db)
    yield lock
    lock.release()


def _near_now(when: datetime | None) -> bool:
    assert when is not None and when.tzinfo is not None
    return abs(datetime.now(UTC) - when) < timedelta(seconds=30)


def test_first_copy_gets_the_lock_and_writes_who_it_is(db: Path, first: InstanceLock) -> None:
    assert first.acquire() is None
    assert first.held
    info = json.loads((db.parent / "cchc.db.open.json").read_text(encoding="utf-8"))
    assert info["pid"] == os.getpid()
    assert info["host"] == socket.gethostname()
    assert _near_now(datetime.fromisoformat(info["since"]))
    assert (db.parent / "cchc.db.lock").exists()
    assert not db.exists()  # the database itself is not touched


def test_second_copy_is_told_who_has_it(db: Path, first: InstanceLock) -> None:
    assert first.acquire() is None
    second = InstanceLock(db)
    other = second.acquire()
    assert other is not None
    assert other.pid == os.getpid()
    assert other.host == socket.gethostname()
    assert _near_now(other.since)
    assert other.since is not None and other.since.utcoffset() == timedelta(0)
    assert not second.held
    assert second.other == other
    # the second copy leaves the first one's info alone
    second.release()
    assert (db.parent / "cchc.db.open.json").exists()
    assert InstanceLock(db).acquire() is not None


def test_after_release_the_next_copy_gets_it_and_the_info_file_is_gone(
    db: Path, first: InstanceLock
) -> None:
    assert first.acquire() is None
    first.release()
    assert not first.held
    assert not (db.parent / "cchc.db.open.json").exists()
    first.release()  # twice is harmless
    with InstanceLock(db) as again:
        assert again.held and again.other is None
        assert (db.parent / "cchc.db.open.json").exists()
        assert InstanceLock(db).acquire() is not None
    assert not again.held
    assert not (db.parent / "cchc.db.open.json").exists()
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_release_keeps_an_info_file_that_is_not_ours(db: Path, first: InstanceLock) -> None:
    assert first.acquire() is None
    info = db.parent / "cchc.db.open.json"
    info.write_text('{"pid": 1, "host": "khác", "since": "2025-01-01T00:00:00+00:00"}', "utf-8")
    first.release()
    assert info.exists()


def test_path_with_spaces_percent_and_vietnamese(tmp_path: Path) -> None:
    folder = tmp_path / ODD_FOLDER
    folder.mkdir()
    db = folder / ODD_NAME
    with InstanceLock(db) as one:
        assert one.other is None and one.held
        assert (folder / f"{ODD_NAME}.lock").exists()
        assert (folder / f"{ODD_NAME}.open.json").exists()
        other = InstanceLock(db).acquire()
        assert other is not None and other.pid == os.getpid()
    assert not (folder / f"{ODD_NAME}.open.json").exists()
    assert InstanceLock(db).acquire() is None


def test_unreadable_info_file_still_tells(db: Path, first: InstanceLock) -> None:
    assert first.acquire() is None
    (db.parent / "cchc.db.open.json").write_bytes(b"\xff not json")
    assert InstanceLock(db).acquire() == OtherCopy(since=None, pid=None, host=None)
    (db.parent / "cchc.db.open.json").write_text('{"pid": "1", "host": "x"}', "utf-8")
    assert InstanceLock(db).acquire() == OtherCopy(since=None, pid=None, host=None)
    (db.parent / "cchc.db.open.json").unlink()
    assert InstanceLock(db).acquire() == OtherCopy(since=None, pid=None, host=None)


def test_host_from_the_file_is_made_one_line(db: Path, first: InstanceLock) -> None:
    assert first.acquire() is None
    (db.parent / "cchc.db.open.json").write_text(
        json.dumps({"pid": 7, "host": "PC\nKẾ\x1bTOÁN", "since": "2025-03-10T01:15:00"}), "utf-8"
    )
    other = InstanceLock(db).acquire()
    assert other == OtherCopy(
        since=datetime(2025, 3, 10, 1, 15, tzinfo=UTC), pid=7, host="PC KẾ TOÁN"
    )


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from cchc_tui.store.instance import InstanceLock
    lock = InstanceLock(Path(sys.argv[1]))
    assert lock.acquire() is None
    print("ready", flush=True)
    time.sleep(120)
    """
)


def test_a_copy_in_another_process_is_seen_and_its_death_frees_the_lock(tmp_path: Path) -> None:
    folder = tmp_path / ODD_FOLDER
    folder.mkdir()
    db = folder / ODD_NAME
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(db)],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        other = InstanceLock(db).acquire()
        assert other is not None
        assert other.pid == proc.pid
        assert other.host == socket.gethostname()
        assert _near_now(other.since)
    finally:
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no cleanup runs
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()
    info = folder / f"{ODD_NAME}.open.json"
    stale = json.loads(info.read_text(encoding="utf-8"))
    assert stale["pid"] == proc.pid  # the killed copy could not clean up
    with InstanceLock(db) as after:  # ... but the OS released its lock
        assert after.held and after.other is None
        assert json.loads(info.read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_read_only_folder_gives_none_without_raising(tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    db = folder / "cchc.db"
    db.write_bytes(b"")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("chmod does not restrict this user (root?)")
        lock = InstanceLock(db)
        assert lock.acquire() is None
        assert not lock.held
        lock.release()
        assert sorted(p.name for p in folder.iterdir()) == ["cchc.db"]
    finally:
        folder.chmod(stat.S_IRWXU)


def test_folder_that_cannot_hold_a_lock_gives_none(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_bytes(b"")
    assert InstanceLock(not_a_folder / "cchc.db").acquire() is None
    missing = tmp_path / "missing" / "cchc.db"
    assert InstanceLock(missing).acquire() is None
    assert not missing.parent.exists()  # nothing created for a database that has no folder


def test_lock_without_a_writable_folder_for_the_info_file(
    db: Path, first: InstanceLock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lock file that can be opened in a folder that cannot be written: locked, no info."""

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "read-only folder")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # the module calls tempfile.mkstemp
    assert first.acquire() is None and first.held
    assert not (db.parent / "cchc.db.open.json").exists()
    assert InstanceLock(db).acquire() == OtherCopy(since=None, pid=None, host=None)


def test_lock_errors_become_none(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lock = InstanceLock(db)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(lock._os_lock(), "acquire", refuse)
    assert lock.acquire() is None
    assert not lock.held


# -- the notice --------------------------------------------------------------------------------


def _since(local_naive: datetime) -> datetime:
    """A wall-clock time here, stored as the info file stores it (UTC)."""
    return local_naive.astimezone().astimezone(UTC)


def test_notice_today_shows_the_local_time_only() -> None:
    other = OtherCopy(since=_since(datetime(2025, 12, 2, 8, 15)), pid=42, host="PC-KETOAN")
    today = date(2025, 12, 2)
    assert other_copy_notice(other, today=today) == (
        "Một bản khác của ứng dụng đang mở cơ sở dữ liệu này từ 08:15 (máy PC-KETOAN); lưu cùng "
        "lúc sẽ được kiểm tra xung đột."
    )
    set_language("en")
    assert other_copy_notice(other, today=today) == (
        "Another copy of the app (on PC-KETOAN) has had this database open since 08:15; saves "
        "are checked for conflicts."
    )


def test_notice_another_day_shows_the_date_too() -> None:
    other = OtherCopy(since=_since(datetime(2025, 12, 1, 17, 5)), pid=42, host="máy-văn-thư")
    today = date(2025, 12, 2)
    assert other_copy_notice(other, today=today) == (
        "Một bản khác của ứng dụng đang mở cơ sở dữ liệu này từ 17:05 ngày 01/12/2025 (máy "
        "máy-văn-thư); lưu cùng lúc sẽ được kiểm tra xung đột."
    )
    set_language("en")
    assert "since 17:05 on 01/12/2025" in other_copy_notice(other, today=today)


def test_notice_without_the_info() -> None:
    other = OtherCopy(since=None, pid=None, host=None)
    assert other_copy_notice(other, today=date(2025, 12, 2)) == (
        "Một bản khác của ứng dụng đang mở cơ sở dữ liệu này; lưu cùng lúc sẽ được kiểm tra "
        "xung đột."
    )
    assert "\n" not in other_copy_notice(other, today=date(2025, 12, 2))


def test_release_from_another_thread(db: Path) -> None:
    lock = InstanceLock(db)
    assert lock.acquire() is None
    worker = threading.Thread(target=lock.release)
    worker.start()
    worker.join(timeout=30)
    assert not lock.held
    with InstanceLock(db) as again:
        assert again.held
