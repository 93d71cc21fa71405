"""Export and verify from the command line, as an officer and a reviewer would."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest

from cchc_tui.cli import main
from tests import dbcache

CA = "mat-khau-CA-123"
P12 = "mat-khau-can-bo"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as e:  # argparse
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must succeed (exit code 0); its output."""
    code, out, err = run(capsys, *argv)
    assert code == 0, (argv, err)
    return out


def officer_ready(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    db: str,
    agency: str = "918",
    officer: str = "Hương",
    p12: str = "k.p12",
) -> None:
    """In tmp_path (the current folder): the CA (once), a certificate for the officer, their
    database with the key imported, every assigned item given a status and a self-assessment
    (every row at its suggestion). Made once per process and copied (tests/dbcache.py)."""
    name = os.path.relpath(db, tmp_path) if os.path.isabs(db) else db
    dbcache.replayed(
        tmp_path,
        ("officer_ready", name, agency, officer, p12),
        lambda: _officer_ready(capsys, tmp_path, db, agency, officer, p12),
    )


def _officer_ready(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str, agency: str, officer: str, p12: str
) -> None:
    (tmp_path / "ca.pass").write_text(CA, encoding="utf-8")
    (tmp_path / "p12.pass").write_text(P12, encoding="utf-8")
    if not (tmp_path / "ca").exists():
        ok(capsys, "pki", "init-ca", "--dir", "ca", "--passphrase-file", "ca.pass")
    ok(
        capsys,
        "pki",
        "issue",
        "--dir",
        "ca",
        "--passphrase-file",
        "ca.pass",
        "--agency",
        agency,
        "--officer",
        officer,
        "--out",
        p12,
        "--p12-passphrase-file",
        "p12.pass",
    )
    ok(capsys, "--db", db, "init", "--agency", agency, "--officer", officer)
    ok(capsys, "--db", db, "key", "import", p12, "--passphrase-file", "p12.pass")
    out = ok(capsys, "--db", db, "assigned", "--json")
    for item in json.loads(out)["items"]:
        ok(capsys, "--db", db, "progress", "set", item["id"], "--status", "dang")
    assert run(capsys, "--db", db, "score", "set", "1.1.1", "--suggested")[0] == 0
    # every item in progress: the ongoing ones count as done (core/scoring._completion), so 1.1.3
    # suggests points, and points need a document or an explanation before an export
    note = "Tiến độ theo báo cáo quý"
    assert run(capsys, "--db", db, "score", "set", "1.1.3", "--suggested", "--note", note)[0] == 0


def exported(
    capsys: pytest.CaptureFixture[str], db: str, period: str = "Q3", out: str = "."
) -> dict[str, Any]:
    """`cchc --db DB export --period P --out OUT --json` with the officer's key: its answer."""
    code, text, err = run(
        capsys,
        "--db",
        db,
        "export",
        "--period",
        period,
        "--out",
        out,
        "--passphrase-file",
        "p12.pass",
        "--json",
    )
    assert code == 0, err
    return dict(json.loads(text))


def test_officer_exports_reviewer_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CCHC_DB", str(tmp_path / "c.sqlite"))
    (tmp_path / "ca.pass").write_text(CA + "\n", encoding="utf-8")
    (tmp_path / "p12.pass").write_text(P12 + "\n", encoding="utf-8")
    (tmp_path / "usb").mkdir()
    assert run(capsys, "pki", "init-ca", "--dir", "ca", "--passphrase-file", "ca.pass")[0] == 0
    code, out, _ = run(
        capsys,
        "pki",
        "issue",
        "--dir",
        "ca",
        "--passphrase-file",
        "ca.pass",
        "--agency",
        "918",
        "--officer",
        "Trần Thị Thu Hương",
        "--out",
        "huong.p12",
        "--p12-passphrase-file",
        "p12.pass",
    )
    assert code == 0 and "Quận Bình Thuỷ (918)" in out
    ok(capsys, "init", "--agency", "918", "--officer", "Trần Thị Thu Hương")
    code, out, _ = run(capsys, "key", "import", "huong.p12", "--passphrase-file", "p12.pass")
    assert code == 0 and "Đã nhập chứng thư" in out
    # errors block: items without a status
    code, _, err = run(
        capsys, "export", "--period", "Q3", "--out", "usb", "--passphrase-file", "p12.pass"
    )
    assert code == 1 and "chưa có trạng thái" in err and list((tmp_path / "usb").iterdir()) == []
    out = ok(capsys, "assigned", "--json")
    for item in json.loads(out)["items"]:
        ok(capsys, "progress", "set", item["id"], "--status", "dang", "--progress", "20")
    (tmp_path / "kh.pdf").write_bytes(b"%PDF-1.4 ke hoach")
    ok(
        capsys,
        "evidence",
        "add",
        "--number",
        "12/KH-UBND",
        "--date",
        "20/01/2022",
        "--issuer",
        "UBND",
        "--title",
        "KH",
        "--file",
        "kh.pdf",
        "--item",
        "hd3.40",
    )
    # a wrong passphrase: refused, nothing written
    (tmp_path / "bad.pass").write_text("sai-mat-khau", encoding="utf-8")
    code, _, err = run(
        capsys, "export", "--period", "Q3", "--out", "usb", "--passphrase-file", "bad.pass"
    )
    assert code == 1 and "Sai mật khẩu" in err and list((tmp_path / "usb").iterdir()) == []
    code, out, _ = run(
        capsys,
        "export",
        "--period",
        "Q3",
        "--out",
        "usb",
        "--passphrase-file",
        "p12.pass",
        "--json",
    )
    first = json.loads(out)
    assert code == 0 and first["files"] == 4  # submission, audit, the period report, a document
    # a resubmission names the bundle it supersedes
    code, out, _ = run(
        capsys,
        "export",
        "--period",
        "Q3",
        "--out",
        "usb",
        "--passphrase-file",
        "p12.pass",
        "--json",
    )
    second = json.loads(out)
    assert code == 0 and second["files"] == 4
    with zipfile.ZipFile(second["path"]) as zf:
        info = zf.read(f"{second['bundle_id']}/bag-info.txt").decode()
        manifest = zf.read(f"{second['bundle_id']}/manifest-sha256.txt").decode()
        report = zf.read(f"{second['bundle_id']}/data/report.docx")
    # the period report in the payload, listed in the signed manifest with its hash
    assert f"{hashlib.sha256(report).hexdigest()}  data/report.docx" in manifest.splitlines()
    paragraphs = [p.text for p in docx.Document(io.BytesIO(report)).paragraphs]
    assert "Kết quả thực hiện công tác cải cách hành chính quý III năm 2022" in paragraphs
    # a bag any BagIt tool accepts, its signature one plain openssl accepts, report included
    import shutil
    import subprocess

    import bagit

    with zipfile.ZipFile(second["path"]) as zf:
        zf.extractall(tmp_path / "bag")
    root = tmp_path / "bag" / second["bundle_id"]
    assert bagit.Bag(str(root)).is_valid()
    openssl = shutil.which("openssl")
    if openssl is not None:
        checked = subprocess.run(
            [openssl, "cms", "-verify", "-binary", "-inform", "DER", "-in",
             f"{root}/tagmanifest-sha256.txt.p7s", "-content", f"{root}/tagmanifest-sha256.txt",
             "-CAfile", str(tmp_path / "ca" / "ca.pem"), "-purpose", "any", "-out", os.devnull],
            capture_output=True,
        )  # fmt: skip
        assert checked.returncode == 0, checked.stderr
    assert f"CCHC-Supersedes: {first['bundle_id']}" in info
    assert f"CCHC-Supersedes-SHA256: {first['sha256']}" in info
    # the reviewer's side
    assert (
        run(
            capsys, "pki", "crl", "--dir", "ca", "--passphrase-file", "ca.pass", "--out", "crl.pem"
        )[0]
        == 0
    )
    code, out, _ = run(
        capsys,
        "verify",
        first["path"],
        second["path"],
        "--ca",
        "ca/ca.pem",
        "--crl",
        "crl.pem",
        "--json",
    )
    reports = json.loads(out)
    assert code == 0 and all(r["ok"] for r in reports)
    assert reports[1]["supersedes"] == first["bundle_id"]
    assert reports[0]["signer"] == "Trần Thị Thu Hương"
    code, out, _ = run(capsys, "verify", first["path"])  # no CA given
    assert code == 1 and "Chưa có chứng thư CA" in out
    # revoke the officer: the same bundle now fails
    serial = reports[0]["certificate_serial"]
    ok(capsys, "pki", "revoke", "--dir", "ca", "--passphrase-file", "ca.pass", serial)
    ok(capsys, "pki", "crl", "--dir", "ca", "--passphrase-file", "ca.pass", "--out", "crl.pem")
    code, out, _ = run(capsys, "verify", first["path"], "--ca", "ca/ca.pem", "--crl", "crl.pem")
    assert code == 1 and "đã bị thu hồi" in out


def test_no_passphrase_without_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CCHC_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "pki", "init-ca", "--dir", str(tmp_path / "ca"))
    assert code == 1 and "Cần mật khẩu" in err
    assert not (tmp_path / "ca").exists()


def test_reviewer_imports_bundles_safely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    monkeypatch.chdir(tmp_path)
    (tmp_path / "usb").mkdir()
    officer_db, reviewer_db = str(tmp_path / "officer.sqlite"), str(tmp_path / "snv.sqlite")
    officer_ready(capsys, tmp_path, officer_db)
    bundles = []
    for _ in range(3):
        out = ok(
            capsys,
            "--db",
            officer_db,
            "export",
            "--period",
            "Q3",
            "--out",
            "usb",
            "--passphrase-file",
            "p12.pass",
            "--json",
        )
        bundles.append(json.loads(out))
    ok(capsys, "--db", reviewer_db, "init", "--agency", "SNV", "--officer", "Phòng CCHC")

    def audit_count() -> int:
        return int(
            sqlite3.connect(reviewer_db).execute("SELECT count(*) FROM audit_log").fetchone()[0]
        )

    # no trust anchor yet
    code, _, err = run(capsys, "--db", reviewer_db, "import", bundles[0]["path"])
    assert code == 1 and "Chưa có CA tin cậy" in err
    code, out, _ = run(
        capsys, "--db", reviewer_db, "import", bundles[0]["path"], "--ca", "ca/ca.pem", "--json"
    )
    first = json.loads(out)[0]
    assert code == 0 and first["ok"] and not first["already"]
    stored = Path(first["stored"])
    assert (stored / "data" / "submission.json").exists() and stored.parent.name == "918"
    before = audit_count()
    # the same bundle again changes nothing (the CA is remembered)
    code, out, _ = run(capsys, "--db", reviewer_db, "import", bundles[0]["path"])
    assert code == 0 and "trước đó" in out and audit_count() == before
    # out of order: the third names the second, which the reviewer has not got
    code, _, err = run(capsys, "--db", reviewer_db, "import", bundles[2]["path"])
    assert code == 1 and "bản mới nhất đã nhận" in err and audit_count() == before
    # a tampered bundle: refused, the reviewer database and folder unchanged
    data = bytearray(Path(bundles[1]["path"]).read_bytes())
    data[len(data) // 3] ^= 0xFF
    bad = tmp_path / "tampered.zip"
    bad.write_bytes(bytes(data))
    listing = sorted(p.name for p in stored.parent.iterdir())
    code, _, err = run(capsys, "--db", reviewer_db, "import", str(bad))
    assert code == 1 and "Không nhận" in err and audit_count() == before
    assert sorted(p.name for p in stored.parent.iterdir()) == listing
    # in order, all is well
    for b in bundles[1:]:
        code, _, _ = run(capsys, "--db", reviewer_db, "import", b["path"])
        assert code == 0
    rows = (
        sqlite3.connect(reviewer_db)
        .execute("SELECT bundle_id, signer, supersedes FROM received_bundle ORDER BY id")
        .fetchall()
    )
    assert [r[0] for r in rows] == [b["bundle_id"] for b in bundles]
    assert rows[1][2] == bundles[0]["bundle_id"] and rows[0][1] == "Hương"
    assert not [p for p in stored.parent.iterdir() if p.name.startswith(".incoming")]


def test_an_export_counts_as_the_period_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_tui.store.reader import Reader

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CCHC_DB", str(tmp_path / "c.sqlite"))
    officer_ready(
        capsys, tmp_path, str(tmp_path / "c.sqlite"), agency="SNV", officer="A", p12="a.p12"
    )
    assert (
        run(capsys, "export", "--period", "Q1", "--out", ".", "--passphrase-file", "p12.pass")[0]
        == 0
    )
    dates = Reader(tmp_path / "c.sqlite").report_dates("SNV", "kh-260-2022")
    assert list(dates) == ["Q1"]
    ok(capsys, "report", "set", "Q1", "--date", "08/03/2022")  # the officer's date wins
    dates = Reader(tmp_path / "c.sqlite").report_dates("SNV", "kh-260-2022")
    assert dates["Q1"].isoformat() == "2022-03-08"


def test_review_overview_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    officer_db, reviewer_db = str(tmp_path / "o.sqlite"), str(tmp_path / "r.sqlite")
    officer_ready(capsys, tmp_path, officer_db)
    sent = exported(capsys, officer_db, "NAM")
    path = sent["path"]
    ok(capsys, "--db", reviewer_db, "init", "--agency", "SNV", "--officer", "Phòng CCHC")
    assert run(capsys, "--db", reviewer_db, "import", path, "--ca", "ca/ca.pem")[0] == 0
    code, out, _ = run(
        capsys, "--db", reviewer_db, "review", "--period", "NAM", "--json", "--csv", "xep-hang.csv"
    )
    data = json.loads(out)
    assert code == 0 and data["expected"] == 31 and data["received"] == 1
    unit = next(u for u in data["units"] if u["code"] == "918")
    assert unit["state"] == "late"  # sent after 10/12/2022
    # every item "in progress", no document: nothing settled, nothing backed by evidence
    full = unit["completeness"]
    assert full["lead_items"] > 0 and (full["lead_settled"], full["lead_percent"]) == (0, "0.0")
    assert (full["scored_backed"], full["documents"]) == (0, 0)
    assert [h["review_state"] for h in unit["history"]] == ["da_nhan"]
    assert unit["history"][0]["bundle_id"] == sent["bundle_id"]
    # the ranking's one CSV writer: a BOM and CRLF rows (Excel), each group named
    csv_bytes = (tmp_path / "xep-hang.csv").read_bytes()
    assert csv_bytes.startswith("\ufeffNhóm,Hạng,Mã,".encode()) and b"\r\n" in csv_bytes
    code, _, err = run(capsys, "--db", reviewer_db, "review", "--period", "Q5")
    assert code == 1 and "Kỳ «Q5» không có" in err
    # the agency's period report, as its bundle carries it, written out for Word
    code, out, err = run(capsys, "--db", reviewer_db, "review", "--period", "NAM", "report",
                         "918", "--out", "918 NAM.docx")  # fmt: skip
    assert code == 0 and out.startswith("Đã ghi báo cáo kỳ của 918"), err
    texts = [p.text for p in docx.Document(str(tmp_path / "918 NAM.docx")).paragraphs]
    assert "Kết quả thực hiện công tác cải cách hành chính năm 2022" in texts
    # the stored copy changed on this disk: refused, nothing written
    (stored,) = (tmp_path / "r.sqlite.bundles").rglob("data/report.docx")
    stored.write_bytes(stored.read_bytes() + b"x")
    code, _, err = run(capsys, "--db", reviewer_db, "review", "--period", "NAM", "report",
                       "918", "--out", "again.docx")  # fmt: skip
    assert code == 1 and "không khớp danh mục đã ký" in err
    assert not (tmp_path / "again.docx").exists()
    # the same item across the city
    code, out, _ = run(
        capsys, "--db", reviewer_db, "review", "--period", "NAM", "--activity", "hd3.8", "--json"
    )
    assert code == 0
    units = json.loads(out)["units"]
    # every expected unit carrying it ("Sở, ban ngành TP, UBND quận, huyện" lead: 20 city
    # bodies and the 9 districts); only 918 sent anything
    by_code = {u["code"]: u for u in units}
    assert by_code["918"] == {
        "code": "918",
        "name": "Quận Bình Thuỷ",
        "role": "lead",
        "status": "dang_thuc_hien",
        "progress": 0,
    }
    assert sum(u["role"] == "lead" for u in units) == 29
    assert {u["status"] for u in units if u["code"] != "918"} == {"missing"}
    code, _, err = run(
        capsys, "--db", reviewer_db, "review", "--period", "NAM", "--activity", "hd9"
    )
    assert code == 1 and "Không có mục «hd9»" in err
    # the appraisal is checked against the bundle's criteria set like a self score
    appraise = ("--db", reviewer_db, "review", "--period", "NAM", "appraise", "918")
    code, _, err = run(capsys, *appraise, "1.1.1", "--points", "0,5")
    assert code == 2 and "--round" in err  # the round is chosen, never guessed
    code, _, err = run(capsys, *appraise, "1.1.1", "--points", "0,75", "--round", "1")
    assert code == 1 and "chỉ cho các mức: 0, 0,5, 1" in err
    code, _, err = run(capsys, *appraise, "9.9.9", "--points", "1", "--round", "1")
    assert code == 1 and "không có tiêu chí thành phần «9.9.9»" in err
    # an appraisal ranks the unit by the appraised total, shown as such: 1.1.1 appraised at 0,
    # every other row keeps the agency's own points
    out = ok(capsys, "--db", officer_db, "score", "--json")
    own = json.loads(out)
    own_111 = next(s["self"] for s in own["subs"] if s["code"] == "1.1.1")
    code, out, _ = run(
        capsys, *appraise, "1.1.1", "--points", "0", "--round", "1", "--reason", "Thiếu"
    )
    assert code == 0 and out.startswith("Đã ghi điểm thẩm định 1.1.1 (vòng 1): 0. Tổng thẩm định")
    out = ok(capsys, "--db", reviewer_db, "review", "--period", "NAM", "--json")
    unit = next(u for u in json.loads(out)["units"] if u["code"] == "918")
    expected = Decimal(unit["self_total"]) - Decimal(own_111 or 0)
    assert Decimal(unit["appraisal_total"]) == expected and unit["rank"] == 1
    # a folder (a USB stick) stands for the bundles in it; already received: nothing changes
    code, out, _ = run(capsys, "--db", reviewer_db, "import", str(tmp_path))
    assert code == 0 and "trước đó" in out


def test_review_receipt_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    monkeypatch.chdir(tmp_path)
    officer, reviewer = str(tmp_path / "o.sqlite"), str(tmp_path / "r.sqlite")
    officer_ready(capsys, tmp_path, officer)
    ok(
        capsys,
        "pki",
        "issue",
        "--dir",
        "ca",
        "--passphrase-file",
        "ca.pass",
        "--agency",
        "SNV",
        "--officer",
        "Thẩm định viên",
        "--out",
        "snv.p12",
        "--p12-passphrase-file",
        "p12.pass",
        "--role",
        "reviewer",
    )
    bundle = exported(capsys, officer, "Q3")["path"]
    ok(capsys, "--db", reviewer, "init", "--agency", "SNV", "--officer", "Thẩm định viên")
    ok(capsys, "--db", reviewer, "key", "import", "snv.p12", "--passphrase-file", "p12.pass")
    ok(capsys, "--db", reviewer, "import", bundle, "--ca", "ca/ca.pem")
    base = ("--db", reviewer, "review", "--period", "Q3")
    assert run(capsys, *base, "state", "918", "--state", "can_bo_sung")[0] == 0
    assert (
        run(
            capsys,
            *base,
            "comment",
            "918",
            "--target",
            "item:hd3.8",
            "--text",
            "Bổ sung quyết định số hóa",
        )[0]
        == 0
    )
    assert run(capsys, *base, "appraise", "918", "1.1.1", "--points", "0,5", "--round", "1")[0] == 0
    code, _, err = run(capsys, *base, "state", "918", "--state", "xong")
    assert code == 1 and "da_duyet" in err
    con = sqlite3.connect(reviewer, isolation_level=None)
    with pytest.raises(sqlite3.IntegrityError, match="cannot be edited"):
        con.execute("UPDATE review_comment SET text = 'khác'")
    con.close()
    assert (
        run(capsys, *base, "receipt", "918", "--out", "phieu.zip", "--passphrase-file", "p12.pass")[
            0
        ]
        == 0
    )
    # the same name again: never overwritten; signed receipts listed, one issued again
    code, _, err = run(
        capsys, *base, "receipt", "918", "--out", "phieu.zip", "--passphrase-file", "p12.pass"
    )
    assert code == 1 and "phiếu không ghi đè tệp nào" in err
    code, out, _ = run(capsys, *base, "receipt", "918", "--list")
    assert code == 0 and out.startswith("  1 · ") and out.rstrip().endswith("phieu.zip")
    Path("lai").mkdir()
    code, out, _ = run(capsys, *base, "receipt", "918", "--reissue", "1", "--out", "lai")
    assert code == 0 and Path("lai/phieu.zip").read_bytes() == Path("phieu.zip").read_bytes()
    # nothing changed since: nothing to sign in one go; the reminder list beside it
    Path("usb").mkdir()
    base_all = (*base, "receipts", "--out", "usb", "--passphrase-file", "p12.pass")
    code, out, _ = run(capsys, *base_all)
    assert code == 0 and out.strip() == "Không còn phiếu nào chờ ký cho kỳ Q3."
    code, _, err = run(
        capsys, "--db", reviewer, "review", "--period", "Q3", "--reminders", "x.xlsx"
    )
    assert code == 0 and "31 đơn vị chưa nộp hoặc nộp trễ" in err and Path("x.xlsx").is_file()
    # the officer's side: verified, for this agency and a bundle it sent
    code, out, err = run(
        capsys, "--db", officer, "receipt", "import", "phieu.zip", "--ca", "ca/ca.pem"
    )
    assert code == 0 and "cần bổ sung, 1 nhận xét" in out, err
    code, out, _ = run(capsys, "--db", officer, "receipt", "import", "phieu.zip")
    assert code == 0 and "trước đó" in out
    code, out, _ = run(capsys, "--db", officer, "receipt", "import", "phieu.zip", "--json")
    again = json.loads(out)
    assert code == 0 and again["new"] is False and again["state"] == "can_bo_sung"
    out = ok(capsys, "--db", officer, "receipt", "list", "--json")
    (r,) = json.loads(out)
    assert r["comments"][0] == r["comments"][0] | {
        "target": "item:hd3.8",
        "text": "Bổ sung quyết định số hóa",
    }
    assert r["appraisal"] == {"1.1.1": {"1": "0.5"}} and r["signer"] == "Thẩm định viên"
    # a receipt changed after signing is refused
    data = bytearray((tmp_path / "phieu.zip").read_bytes())
    data[40] ^= 0x01
    (tmp_path / "sua.zip").write_bytes(bytes(data))
    code, _, err = run(capsys, "--db", officer, "receipt", "import", "sua.zip")
    assert code == 1 and ("phiếu thẩm định" in err or "Chữ ký" in err)


def test_import_of_an_empty_folder_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "usb").mkdir()
    (tmp_path / "ca.pem").write_text("không phải chứng thư", encoding="utf-8")
    ok(capsys, "--db", "r.sqlite", "init", "--agency", "SNV", "--officer", "Thẩm định viên")
    code, _, err = run(capsys, "--db", "r.sqlite", "import", "usb", "--ca", "ca.pem")
    assert code == 1 and "không phải chứng thư số" in err
    (tmp_path / "ca.pass").write_text(CA, encoding="utf-8")
    ok(capsys, "pki", "init-ca", "--dir", "ca", "--passphrase-file", "ca.pass")
    code, _, err = run(capsys, "--db", "r.sqlite", "import", "usb", "--ca", "ca/ca.pem")
    assert code == 1 and "Không có tệp .zip nào trong «usb»" in err


def test_a_district_reviews_its_communes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Phòng Nội vụ of Quận Bình Thủy receives a ward's bundle the same way Sở Nội vụ does:
    it expects its 8 wards, appraises under the commune-level set, and says so in English."""
    monkeypatch.chdir(tmp_path)
    officer_ready(capsys, tmp_path, "ward.sqlite", agency="31168", officer="Mai", p12="w.p12")
    bundle = exported(capsys, "ward.sqlite", "Q3")["path"]
    ok(capsys, "--db", "pnv.sqlite", "init", "--agency", "918", "--officer", "Phòng Nội vụ")
    assert run(capsys, "--db", "pnv.sqlite", "import", bundle, "--ca", "ca/ca.pem")[0] == 0
    base = ("--db", "pnv.sqlite", "review", "--period", "Q3")
    assert run(
        capsys, *base, "appraise", "31168", "1.1.1", "--points", "0", "--round", "1",
        "--reason", "No evidence",
    )[0] == 0  # fmt: skip
    code, out, _ = run(capsys, "--db", "pnv.sqlite", "--lang", "en", "review", "--period", "Q3")
    lines = out.splitlines()
    assert code == 0 and "received 1/8" in lines[0]
    assert lines[1].split()[:7] == ["Rank", "Code", "Status", "Done", "Evid.", "Self", "Appraised"]
    assert lines[3].split()[:2] == ["1", "31168"] and " d late " in lines[3]
    out = ok(capsys, *base, "--json")
    unit = next(u for u in json.loads(out)["units"] if u["code"] == "31168")
    assert unit["appraisal_total"] is not None and unit["rank"] == 1
