"""The office PC's habits (issue 16, first part): output redirected or piped in a legacy code
page, no terminal at all (a script, a scheduled task), options that need a period, and a
database path with "%41", "#", spaces and Vietnamese letters."""

from __future__ import annotations

import json
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
    # where to open it instead, for the system it runs on
    where = "Windows Terminal hoặc cmd" if sys.platform == "win32" else "một cửa sổ dòng lệnh,"
    assert f"Hãy mở cchc trong {where}" in got.stderr.decode("utf-8")
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


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from cchc_tui.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_passphrase_file_from_notepad_is_the_same_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notepad = tmp_path / "mật khẩu.txt"
    notepad.write_bytes("\ufeffmat-khau-ca-dai-123\r\n".encode())
    plain = tmp_path / "plain.txt"
    plain.write_text("mat-khau-ca-dai-123\n", encoding="utf-8")
    ca = str(tmp_path / "CA")
    code, _, err = cli(capsys, "pki", "init-ca", "--dir", ca, "--passphrase-file", str(notepad))
    assert code == 0, err
    code, _, err = cli(
        capsys, "pki", "issue", "--dir", ca, "--passphrase-file", str(plain), "--agency", "918",
        "--officer", "Hương", "--out", str(tmp_path / "918.p12"),
        "--p12-passphrase-file", str(notepad),
    )  # fmt: skip
    assert code == 0, err  # the CA's passphrase read the same from both files
    legacy = tmp_path / "cp1252.txt"
    legacy.write_bytes("Hà Nội café".encode("cp1252", "replace"))  # an old editor
    code, _, err = cli(capsys, "pki", "crl", "--dir", ca, "--passphrase-file", str(legacy),
                       "--out", str(tmp_path / "crl.pem"))  # fmt: skip
    assert code == 1 and err.startswith(f"Lỗi: Tệp {legacy} không phải văn bản UTF-8")


def test_criteria_and_plan_files_from_notepad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plan_text: str
) -> None:
    from importlib import resources

    db = str(tmp_path / "cchc.sqlite")
    assert cli(capsys, "--db", db, "init", "--agency", "918", "--officer", "Hương")[0] == 0
    shipped = resources.files("cchc_tui.data").joinpath("criteria", "mau-huyen-2022.toml")
    criteria = tmp_path / "bộ tiêu chí.toml"
    criteria.write_bytes(
        b"\xef\xbb\xbf" + shipped.read_text("utf-8").replace("\n", "\r\n").encode()
    )
    code, out, err = cli(capsys, "--db", db, "criteria", "import", str(criteria))
    assert code == 0 and "mau-huyen-2022" in out, err
    plan = tmp_path / "kế hoạch.toml"
    plan.write_bytes(b"\xef\xbb\xbf" + plan_text.replace("\n", "\r\n").encode())
    code, _, err = cli(capsys, "--db", db, "plan", "import", str(plan))
    assert code == 0, err


def test_verify_takes_a_folder_a_wildcard_and_stray_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.bundle_corpus import make_bundle, make_kit

    kit = make_kit(tmp_path / "kit", ("918",))
    stick = tmp_path / "USB hồ sơ"
    made = make_bundle(kit, "918", stick)
    ca = str(kit.folder / "ca" / "ca.pem")
    for given in (str(stick), str(stick / "*.zip"), f'{stick}"', f'"{made}"'):
        code, out, err = cli(capsys, "verify", given, "--ca", ca, "--json")
        assert code == 0, (given, err)
        assert len(json.loads(out)) == 1
    code, _, err = cli(capsys, "verify", str(stick / "*.rar"), "--ca", ca)
    assert code == 1 and "*.rar" in err
