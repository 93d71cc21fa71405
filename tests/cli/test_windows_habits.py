"""The office PC's habits (issue 16, first part): output redirected or piped in a legacy code
page, no terminal at all (a script, a scheduled task), options that need a period, and a
database path with "%41", "#", spaces and Vietnamese letters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CCHC = [sys.executable, "-m", "cchc_tui.cli"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*CCHC, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("codepage", ["cp1258", "cp1252"])
def test_piped_output_is_utf8_whatever_the_code_page(tmp_path: Path, codepage: str) -> None:
    db = tmp_path / "cchc.sqlite"
    assert run("--db", str(db), "init", "--agency", "918", "--officer", "Hương").returncode == 0
    got = run("--db", str(db), "assigned", env={"PYTHONIOENCODING": codepage})
    assert got.returncode == 0, got.stderr.decode("utf-8", "replace")
    text = got.stdout.decode("utf-8")  # UTF-8, not the code page (which has no "ữ")
    assert text.startswith("Quận Bình Thuỷ (918): 52 mục được giao")
    bad = run("--db", str(db), "score", "--set", "không-có", env={"PYTHONIOENCODING": codepage})
    assert bad.returncode != 0 and "không" in bad.stderr.decode("utf-8").lower()


def test_no_terminal_no_app(tmp_path: Path) -> None:
    db = tmp_path / "cchc.sqlite"
    got = run("--db", str(db))
    assert got.returncode == 2
    assert got.stderr.decode("utf-8").startswith("Lỗi: Không có cửa sổ dòng lệnh để mở ứng dụng")
    got = run("--db", str(db), "review")
    assert got.returncode == 2 and "Không có cửa sổ dòng lệnh" in got.stderr.decode("utf-8")
    got = run("--db", str(db), "review", "--csv", str(tmp_path / "x.csv"))
    assert got.returncode == 2
    assert "--csv cần --period (Q1, 6T, Q3, NAM)" in got.stderr.decode("utf-8")
    assert not (tmp_path / "x.csv").exists()


def test_a_database_path_with_percent_hash_spaces_and_accents(tmp_path: Path) -> None:
    folder = tmp_path / "Báo cáo 100%41 #2 (bản sao)"
    folder.mkdir()
    db = folder / "cchc.sqlite"
    assert run("--db", str(db), "init", "--agency", "918", "--officer", "Hương").returncode == 0
    got = run("--db", str(db), "assigned", "--json")
    assert got.returncode == 0 and b'"agency"' in got.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]  # no "100A" beside it
    assert db.is_file()
