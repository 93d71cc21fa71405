"""Changing the database's agency or officer later (issue 14): `cchc profile` shows them,
changes them with an audit entry, asks for --yes when the current agency has recorded
anything (and says what stays behind), refuses a change that changes nothing (an export with
the old agency's key: tests/bundle/test_export_rules.py)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cchc_tui.cli import main
from cchc_tui.store.service import Store


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cchc.sqlite"
    monkeypatch.setenv("CCHC_DB", str(path))
    assert main(["init", "--agency", "918", "--officer", "Hương"]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def changes(db: Path) -> list[tuple[str, str, dict[str, list[str]]]]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT actor, agency_code, changes FROM audit_log WHERE action = 'profile.change'"
        " ORDER BY id"
    ).fetchall()
    con.close()
    return [(a, b, json.loads(c)) for a, b, c in rows]


def test_shown_then_changed_with_an_audit_entry(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "profile") == (0, "Cơ quan: Quận Bình Thuỷ (918) · cán bộ: Hương\n", "")
    code, out, _ = run(capsys, "profile", "--officer", "Lê Thị Mai")
    assert (
        code == 0 and out == "Đã đổi: Quận Bình Thuỷ (918), cán bộ Lê Thị Mai (có ghi nhật ký).\n"
    )
    code, out, _ = run(capsys, "profile", "--agency", "926")  # nothing recorded: no question
    assert code == 0 and "Huyện Phong Điền (926), cán bộ Lê Thị Mai" in out
    assert changes(db) == [
        ("Hương", "918", {"agency": ["918", "918"], "officer": ["Hương", "Lê Thị Mai"]}),
        ("Lê Thị Mai", "926", {"agency": ["918", "926"], "officer": ["Lê Thị Mai", "Lê Thị Mai"]}),
    ]
    with Store(db) as store:
        prof = store.require_profile()
    assert (prof.agency_code, prof.agency_name, prof.officer) == (
        "926",
        "Huyện Phong Điền",
        "Lê Thị Mai",
    )


def test_recorded_data_needs_yes_and_is_named(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "set", "hd3.1", "--status", "dang", "--progress", "10"]) == 0
    code, out, err = run(capsys, "profile", "--agency", "926", "--officer", "Lê Văn Tám")
    assert code == 1 and out == ""
    assert "Quận Bình Thuỷ (918): 1 mục đã cập nhật, 0 TLKC, 0 điểm tự chấm, 0 hồ sơ đã xuất" in err
    assert err.rstrip().endswith("Thêm --yes để vẫn đổi.")
    assert changes(db) == []
    code, out, _ = run(capsys, "profile", "--agency", "926", "--officer", "Lê Văn Tám", "--yes")
    assert code == 0 and "1 mục đã cập nhật" in out and "Huyện Phong Điền (926)" in out
    with Store(db) as store:  # what 918 recorded stays under 918; 926 starts empty
        assert store.held_by("918")["progress"] == 1
        assert store.held_by("926") == {"progress": 0, "evidence": 0, "scores": 0, "exports": 0}


def test_a_change_that_changes_nothing_or_has_no_name(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "profile", "--agency", "918", "--officer", "Hương")
    assert code == 1
    assert "Cơ sở dữ liệu đã thuộc Quận Bình Thuỷ (918), cán bộ Hương: không có gì để đổi." in err
    code, _, err = run(capsys, "profile", "--officer", "   ")
    assert code == 1 and "Chưa nhập họ tên cán bộ." in err
    code, _, err = run(capsys, "profile", "--agency", "phong dien")
    assert code == 1 and "926 (Huyện Phong Điền)" in err  # ambiguous: the codes to choose from
    assert changes(db) == []
