"""The ``cchc`` command as a user meets it: output, JSON, exit codes, one-sentence errors."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_tui.cli import main


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data" / "cchc.sqlite"
    monkeypatch.setenv("CCHC_DB", str(path))
    monkeypatch.setenv("COLUMNS", "140")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ready(db: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, out, _ = run(capsys, "init", "--agency", "quan binh thuy", "--officer", "Nguyễn Văn An")
    assert code == 0 and "Quận Bình Thuỷ (918)" in out
    return db


def test_init_list_update_and_evidence(
    ready: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "assigned")
    assert code == 0
    # 3.25 is led by Sở Nội vụ and delegated bodies only: a district coordinates it
    assert "52 mục được giao" in out and "19 chủ trì, 33 phối hợp" in out
    assert "hd3.8" in out and "chưa cập nhật" in out

    code, out, _ = run(
        capsys,
        "progress",
        "set",
        "3.8",
        "--status",
        "đang thực hiện",
        "--progress",
        "55",
        "--note",
        "Số hóa 1.240/2.260 kết quả",
    )
    assert code == 0 and "hd3.8: đang thực hiện, 55%" in out

    pdf = tmp_path / "kh.pdf"
    pdf.write_bytes(b"%PDF-1.4 demo")
    code, out, err = run(
        capsys,
        "evidence",
        "add",
        "--number",
        "12/KH-UBND",
        "--date",
        "20/01/2022",
        "--issuer",
        "UBND quận Bình Thủy",
        "--title",
        "Kế hoạch CCHC năm 2022",
        "--file",
        str(pdf),
        "--item",
        "3.8",
        "--item",
        "hd3.40",
    )
    assert code == 0 and "#1: 12/KH-UBND" in out and err == ""

    code, out, _ = run(capsys, "assigned", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["agency"] == {"code": "918", "name": "Quận Bình Thuỷ"}
    rows = {r["id"]: r for r in data["items"]}
    assert rows["hd3.8"] == rows["hd3.8"] | {
        "number": "3.8",
        "role": "lead",
        "status": "dang_thuc_hien",
        "progress": 55,
        "evidence_count": 1,
        "due": ["2022-12-31"],
    }
    assert rows["hd3.1"]["role"] == "coordinate" and rows["hd3.1"]["status"] is None
    assert rows["hd3.13"]["ongoing"] is True and rows["hd3.13"]["due"] == []

    code, out, _ = run(capsys, "evidence", "list", "--json")
    assert code == 0
    (ev,) = json.loads(out)
    assert ev["items"] == ["hd3.40", "hd3.8"] and len(ev["sha256"]) == 64

    code, out, _ = run(capsys, "history", "hd3.8", "--json")
    assert code == 0 and [e["action"] for e in json.loads(out)] == ["progress.set"]

    code, out, _ = run(capsys, "db", "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["files_checked"] == 1


def test_unknown_warning_for_odd_doc_number(
    ready: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys,
        "evidence",
        "add",
        "--number",
        "18/BCTĐ-STP",
        "--date",
        "2022-03-01",
        "--issuer",
        "Sở Tư pháp",
        "--title",
        "Báo cáo thẩm định",
    )
    assert code == 0
    assert "Cảnh báo: loại văn bản «BCTĐ» không có trong danh mục" in err


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["progress", "set", "hd3.8", "--status", "gần xong"], 1, "Trạng thái «gần xong»"),
        (["progress", "set", "hd3.8", "--status", "dang", "--progress", "101"], 1, "0 đến 100"),
        (["progress", "set", "hd3.8", "--status", "khong"], 1, "cần nêu lý do"),
        (["progress", "set", "3.18", "--status", "dang"], 1, "hd3.18a, hd3.18b"),
        (["progress", "set", "hd9.9", "--status", "dang"], 1, "Không có mục «hd9.9»"),
        (["progress", "set", "2.1", "--status", "dang"], 1, "hd3.1, hd3.2, hd3.3"),
        (["progress", "set", "hd3.22", "--status", "dang"], 1, "không được giao"),
        (
            ["progress", "set", "hd3.8", "--status", "xong", "--completed", "01/01/2099"],
            1,
            "tương lai",
        ),
        (
            [
                "evidence",
                "add",
                "--number",
                "1/KH-UBND",
                "--date",
                "32/01/2022",
                "--issuer",
                "A",
                "--title",
                "B",
            ],
            1,
            "tháng 1/2022 có 31 ngày",
        ),
        (
            [
                "evidence",
                "add",
                "--number",
                "1/KH-UBND",
                "--date",
                "01/01/2022",
                "--issuer",
                "A",
                "--title",
                "B",
                "--file",
                "/no/such/file.pdf",
            ],
            1,
            "Không tìm thấy tệp",
        ),
        (["assigned", "--agency", "Bộ Ngoại giao"], 1, "Không có cơ quan «Bộ Ngoại giao»"),
        (["assigned", "--agency", "binh thuy"], 1, "918 (Quận Bình Thuỷ)"),
        (["progress", "set", "hd3.8"], 2, "thiếu tham số bắt buộc: --status"),
        # progress goes through the one numeric rule (core.numbers): a sentence and exit 1
        (
            ["progress", "set", "hd3.8", "--status", "dang", "--progress", "nhiều"],
            1,
            "«nhiều» không phải là số hợp lệ cho tiến độ",
        ),
        (["progress", "set", "hd3.8", "--status", "dang", "--progress", "NaN"], 1, "hợp lệ"),
        (["progress", "set", "hd3.8", "--status", "dang", "--progress", "1e2"], 1, "hợp lệ"),
        (["progress", "set", "hd3.8", "--status", "dang", "--progress", "-5"], 1, "không được âm"),
        (["progress", "set", "hd3.8", "--status", "dang", "--progress", "50,5"], 1, "số nguyên"),
    ],
)
def test_bad_input_one_sentence_nonzero_nothing_written(
    ready: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, needle: str
) -> None:
    before = sqlite3.connect(ready).execute("SELECT count(*) FROM audit_log").fetchone()
    if code == 2:
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        got, err = exit_.value.code, capsys.readouterr().err
    else:
        got, _, err = run(capsys, *argv)
    assert got == code
    assert needle in err and "Traceback" not in err
    assert err.startswith(("Lỗi:", "cách dùng: cchc"))
    after = sqlite3.connect(ready).execute("SELECT count(*) FROM audit_log").fetchone()
    assert after == before


def test_english(ready: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--lang", "en", "progress", "set", "hd3.8", "--status", "bogus")
    assert code == 1 and err.startswith("Error: Status “bogus” is not valid")
    code, out, _ = run(capsys, "--lang", "en", "assigned")
    assert code == 0 and "items assigned" in out and "Lead" in out


def test_assigned_without_database(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assigned", "--agency", "SNV", "--role", "lead", "--json")
    ids = [r["id"] for r in json.loads(out)["items"]]
    assert code == 0 and "hd3.40" in ids and "hd3.1" not in ids
    assert not db.exists()
    code, out, _ = run(capsys, "assigned", "--agency", "SNV", "--as-of", "05/10/2022")
    assert code == 0 and "31/03/2022 !" in out
    # 5 past their last due date; 3.1, 3.4 ("Quý I Quý IV") and 3.5 ("Quý III, Quý IV") missed
    # a quarter's milestone with nothing recorded for it
    assert "! quá hạn: 8 mục chưa hoàn thành đã qua hạn cuối hoặc lỡ một mốc" in out
    code, _, err = run(capsys, "assigned")
    assert code == 3 and "cchc init" in err


def test_plan_listing_and_show(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan")
    assert code == 0 and "VII. Công tác chỉ đạo, điều hành" in out and "hd3.18b" in out
    code, out, _ = run(capsys, "plan", "show", "3.45")
    assert code == 0
    assert "Sở Nội vụ; Sở Tư pháp; Sở Thông tin và Truyền thông; Sở Văn hóa" in out
    assert "Nhiệm vụ: 2.33." in out
    code, out, _ = run(capsys, "plan", "show", "nv2.11", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["condition"].startswith("khi có Nghị quyết") and data["lead_names"] == ["Sở Nội vụ"]
    code, out, _ = run(capsys, "plan", "--json")
    assert code == 0 and len(json.loads(out)["item"]) == 57


def test_agencies(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "agencies", "--search", "Bình Thủy", "--json")
    assert code == 0
    assert [a["code"] for a in json.loads(out)][:2] == ["918", "31168"]
    code, out, _ = run(capsys, "agencies", "--level", "district")
    assert code == 0 and out.count("quận, huyện") == 9


def test_demo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo", "--json")
    assert code == 0
    data = json.loads(out[out.index("{") :])
    statuses = {r["id"]: r["status"] for r in data["items"]}
    assert statuses["hd3.40"] == "hoan_thanh" and statuses["nv2.11"] == "khong_thuc_hien_duoc"
    assert data["as_of"] == "2022-09-15"


def test_the_demo_says_where_its_database_is_once_the_app_is_closed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app takes the whole terminal: a path printed before it is wiped. Printed after, the
    officer can open the demo's data again with --db."""
    from cchc_tui.cli import common, officer

    opened: list[Path] = []
    monkeypatch.setattr(common, "require_terminal", lambda: None)
    monkeypatch.setattr(officer, "run_tui", lambda args, db, today: opened.append(db) or 0)
    code, out, _ = run(capsys, "demo")
    assert code == 0 and len(opened) == 1
    assert out.strip() == f"Cơ sở dữ liệu thử: «{opened[0]}» (Quận Bình Thuỷ)."


def _subprocess(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cchc_tui.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


def test_broken_databases_from_the_command_line(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"not sqlite at all" * 64)
    r = _subprocess(["assigned"], {"CCHC_DB": str(corrupt)})
    assert r.returncode == 3 and "bị hỏng" in r.stderr and "Traceback" not in r.stderr
    assert corrupt.read_bytes() == b"not sqlite at all" * 64

    newer = tmp_path / "newer.sqlite"
    assert (
        _subprocess(
            ["init", "--agency", "SNV", "--officer", "B"], {"CCHC_DB": str(newer)}
        ).returncode
        == 0
    )
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num='0099'")
    con.commit()
    con.close()
    r = _subprocess(["--lang", "en", "assigned"], {"CCHC_DB": str(newer)})
    assert r.returncode == 3 and "newer cchc-tui" in r.stderr and "Traceback" not in r.stderr


def test_locked_database_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    assert (
        _subprocess(
            ["init", "--agency", "918", "--officer", "A"], {"CCHC_DB": str(path)}
        ).returncode
        == 0
    )
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        r = _subprocess(
            ["progress", "set", "hd3.8", "--status", "dang"],
            {"CCHC_DB": str(path), "CCHC_BUSY_TIMEOUT_MS": "200"},
        )
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert r.returncode == 3 and "đang bị một chương trình khác khóa" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_bug_is_still_one_sentence(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import cchc_tui.cli.officer as officer

    def boom(_args: object) -> int:
        raise RuntimeError("hỏng")

    monkeypatch.setattr(officer, "cmd_agencies", boom)  # the parser binds each command
    code, _, err = run(capsys, "agencies")
    assert code == 1 and "Lỗi không lường trước: RuntimeError: hỏng" in err
    assert "Traceback" not in err


def test_reason_goes_only_with_blocked(ready: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "progress", "set", "hd3.8", "--status", "dang", "--reason", "x")
    assert code == 1 and "--note" in err


def test_app_refuses_a_broken_database_before_opening(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"PK\x03\x04 a zip, not a database" * 10)
    r = _subprocess([], {"CCHC_DB": str(corrupt)})
    assert r.returncode == 3 and "bị hỏng" in r.stderr and "Traceback" not in r.stderr


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [(), ("evidence", "add"), ("review", "drop"), ("pki", "issue"), ("import",)],
    ids=["top", "evidence-add", "review-drop", "pki-issue", "import"],
)
def test_help_is_in_the_chosen_language_argparse_words_included(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: tuple[str, ...],
) -> None:
    """--lang en, or lang = "en" in the config file (saved by Notepad, with a BOM), gives
    English help everywhere; Vietnamese is the default, argparse's own headings too."""
    monkeypatch.setenv("CCHC_CONFIG", str(tmp_path / "none.toml"))
    vi = _help(capsys, *argv)
    en = _help(capsys, "--lang", "en", *argv)
    config = tmp_path / "config.toml"
    config.write_bytes('\ufefflang = "en"\n'.encode())
    monkeypatch.setenv("CCHC_CONFIG", str(config))
    assert _help(capsys, *argv) == en
    assert vi.startswith("cách dùng: cchc") and "in trợ giúp này rồi thoát" in vi
    assert en.startswith("usage: cchc") and "show this help message and exit" in en
    vietnamese = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")
    # English help names Vietnamese places and terms (Sở Nội vụ), but no sentence is Vietnamese
    for line in en.splitlines():
        words = [w for w in line.split() if vietnamese & set(w.lower())]
        assert len(words) <= 4, line
    assert vi != en


def test_a_condition_from_the_command_line(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """2.11 (Sở Nội vụ leads) waits on a resolution: never overdue until recorded as happened,
    which needs the document; an item with no condition, or a word not understood, is refused
    in one sentence with exit code 1 and nothing stored."""
    assert run(capsys, "init", "--agency", "SNV", "--officer", "An")[0] == 0

    def nv211() -> dict[str, object]:
        out = run(capsys, "--as-of", "15/01/2023", "assigned", "--json")[1]
        return next(i for i in json.loads(out)["items"] if i["id"] == "nv2.11")

    assert (nv211()["overdue"], nv211()["condition_state"]) == (False, None)
    code, _, err = run(capsys, "condition", "2.11", "có")
    assert code == 1 and "ghi văn bản làm căn cứ" in err
    code, _, err = run(capsys, "condition", "3.40", "khong")
    assert code == 1 and err.startswith("Lỗi: Mục 3.40 không có điều kiện nào")
    code, _, err = run(capsys, "condition", "2.11", "co le")
    assert code == 1 and "Dùng: co (đã xảy ra)" in err
    assert nv211()["condition_state"] is None
    code, out, _ = run(capsys, "condition", "2.11", "co", "--doc", "1211/NQ-UBTVQH14")
    assert code == 0 and out.startswith("Đã ghi: mục 2.11, điều kiện «khi có Nghị quyết")
    assert (nv211()["overdue"], nv211()["condition_doc"]) == (True, "1211/NQ-UBTVQH14")
    assert run(capsys, "condition", "2.11", "không xảy ra")[0] == 0
    assert (nv211()["overdue"], nv211()["condition_state"]) == (False, "khong_xay_ra")


def _commands() -> list[tuple[str, ...]]:
    """Every command and sub-command the parser knows (argparse's own tables)."""
    import argparse

    from cchc_tui.cli.parser import build_parser

    found: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append((*path, name))
                    walk(sub, (*path, name))

    walk(build_parser(), ())
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_commands_help_prints(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`cchc indicator --help` once crashed on an unescaped "%" in a help text: every command's
    help prints, in both languages, with exit code 0."""
    commands = _commands()
    assert ("indicator",) in commands and ("condition",) in commands and len(commands) > 30
    for argv in commands:
        assert _help(capsys, "--lang", lang, *argv), argv


def test_no_english_placeholder_in_the_vietnamese_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Tried as an officer: "--status STATUS", "--agency AGENCY" in the Vietnamese help. Every
    placeholder of every command is Vietnamese (or dd/mm/yyyy, N, a list of the values to type);
    in English they stay English."""
    english = re.compile(r"--[a-z0-9-]+ ([A-Z][A-Z0-9_]+)\b")
    for argv in _commands():
        found = {m.group(1) for m in english.finditer(_help(capsys, *argv))} - {"N"}
        assert not found, (argv, found)
    assert "--status STATUS" in _help(capsys, "--lang", "en", "progress")
    assert "--status TRẠNG_THÁI" in _help(capsys, "progress")
