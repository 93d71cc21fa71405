"""Temp files of interrupted evidence copies: listed, reported by ``cchc db check``, swept."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from cchc_tui.cli import main
from cchc_tui.store.leftovers import incoming_leftovers, sweep_incoming
from cchc_tui.store.service import Store

HOUR = 3600.0


def _leftover(files_dir: Path, name: str, age: float, now: float) -> Path:
    """A temp file as a copy killed ``age`` seconds before ``now`` leaves it."""
    files_dir.mkdir(parents=True, exist_ok=True)
    path = files_dir / name
    path.write_bytes(b"%PDF-1.4 half a fi")
    os.utime(path, (now - age, now - age))
    return path


def test_lists_and_sweeps_only_stale_regular_temp_files(tmp_path: Path) -> None:
    files = tmp_path / "cchc.sqlite.files"
    now = time.time()
    old = _leftover(files, ".incoming-xyz", HOUR, now)
    fresh = _leftover(files, ".incoming-fresh", 5, now)  # another app copying right now
    folder = files / ".incoming-d"
    folder.mkdir()
    os.utime(folder, (now - HOUR, now - HOUR))
    stored = _leftover(files / "ab", "ab12.pdf", HOUR, now)  # a real stored file
    nested = _leftover(files / "ab", ".incoming-nested", HOUR, now)  # not top level
    other = _leftover(files, "incoming-no-dot", HOUR, now)

    assert incoming_leftovers(files) == [fresh, old]
    assert sweep_incoming(files, now=now) == [old]
    assert not old.exists()
    for kept in (fresh, folder, stored, nested, other):
        assert kept.exists()
    assert incoming_leftovers(files) == [fresh]

    # once old enough, the fresh one goes too; a second sweep finds nothing
    assert sweep_incoming(files, now=now + HOUR) == [fresh]
    assert sweep_incoming(files, now=now + HOUR) == []
    assert folder.is_dir()


def test_older_than_is_the_threshold(tmp_path: Path) -> None:
    files = tmp_path / "files"
    now = 1_700_000_000.0
    path = _leftover(files, ".incoming-abc", 60, now)
    assert sweep_incoming(files, older_than=120, now=now) == []
    assert sweep_incoming(files, older_than=30, now=now) == [path]


def test_symlinks_are_not_followed(tmp_path: Path) -> None:
    files = tmp_path / "files"
    now = time.time()
    target = _leftover(tmp_path / "elsewhere", ".incoming-target", HOUR, now)
    files.mkdir()
    link = files / ".incoming-link"
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("cannot make symlinks here")
    assert incoming_leftovers(files) == []
    assert sweep_incoming(files, now=now) == []
    assert target.exists() and link.is_symlink()


def test_missing_or_odd_files_dir(tmp_path: Path) -> None:
    assert incoming_leftovers(tmp_path / "absent") == []
    assert sweep_incoming(tmp_path / "absent") == []
    not_a_dir = tmp_path / "plain"
    not_a_dir.write_text("x")
    assert incoming_leftovers(not_a_dir) == []
    assert sweep_incoming(not_a_dir) == []


def test_a_file_that_cannot_be_removed_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = tmp_path / "files"
    now = time.time()
    gone = _leftover(files, ".incoming-gone", HOUR, now)
    stuck = _leftover(files, ".incoming-stuck", HOUR, now)
    ok = _leftover(files, ".incoming-ok", HOUR, now)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name == ".incoming-gone":  # removed by someone else since the listing
            real_unlink(self)
        if self.name == ".incoming-stuck":
            raise PermissionError(13, "Permission denied", str(self))
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert sweep_incoming(files, now=now) == [ok]
    assert not gone.exists() and stuck.exists()


def test_store_check_reports_leftovers_without_failing(store: Store) -> None:
    assert store.check()["leftovers"] == []
    _leftover(store.files_dir, ".incoming-abc", HOUR, time.time())
    report = store.check()
    assert report["ok"] and report["problems"] == []
    assert report["leftovers"] == [".incoming-abc"]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data" / "cchc.sqlite"
    monkeypatch.setenv("CCHC_DB", str(path))
    monkeypatch.setenv("CCHC_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("COLUMNS", "140")
    assert main(["init", "--agency", "quan binh thuy", "--officer", "Nguyễn Văn An"]) == 0
    return path


def test_cli_db_check_prints_the_leftovers(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    files = db.with_name(db.name + ".files")
    assert main(["db", "check"]) == 0
    assert "Tệp tạm" not in capsys.readouterr().out

    now = time.time()
    _leftover(files, ".incoming-abc", HOUR, now)
    _leftover(files, ".incoming-def", 5, now)
    assert main(["db", "check"]) == 0  # leftovers alone do not fail the check
    out = capsys.readouterr().out
    assert "Cơ sở dữ liệu toàn vẹn." in out
    assert (
        "Tệp tạm của lần chép tài liệu bị ngắt: 2 (.incoming-abc, .incoming-def) — sẽ được xóa "
        "ở lần mở ứng dụng sau." in out
    )

    assert main(["--lang", "en", "db", "check"]) == 0
    out = capsys.readouterr().out
    assert "Temporary files of interrupted document copies: 2 (.incoming-abc, .incoming-def)" in out

    assert main(["db", "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["leftovers"] == [".incoming-abc", ".incoming-def"]


def test_cli_db_check_with_leftovers_and_a_real_problem_fails(
    db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pdf = tmp_path / "kh.pdf"
    pdf.write_bytes(b"%PDF-1.4 demo")
    args = ["--number", "12/KH-UBND", "--date", "20/01/2022", "--issuer", "UBND quận Bình Thủy"]
    assert main(["evidence", "add", *args, "--title", "Kế hoạch", "--file", str(pdf)]) == 0
    files = db.with_name(db.name + ".files")
    (stored,) = [p for p in files.rglob("*.pdf")]
    stored.write_bytes(b"changed")
    _leftover(files, ".incoming-abc", HOUR, time.time())
    capsys.readouterr()
    assert main(["db", "check"]) == 1
    out = capsys.readouterr().out
    assert "Cơ sở dữ liệu có vấn đề: 1 lỗi." in out and "(.incoming-abc)" in out
