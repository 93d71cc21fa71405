"""The bundle format's rules, checked against a corpus of hostile bundles made here: each one a
genuine bag changed and signed again with the officer's genuine key (an officer of another
agency holds a real certificate from the same CA), so that only the rule under test can refuse
it — identifiers, entry names, the tag manifest, the submission schema — and broken zips that
must be one refusal each, never an exception, found by the cheap checks before any hashing."""

from __future__ import annotations

import copy
import hashlib
import json
import struct
import time
import unicodedata
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cchc_tui.bundle import bag
from cchc_tui.bundle.verify import MAX_ZIP, Report, verify_bundle
from cchc_tui.core.i18n import t
from tests.bundle_corpus import WHEN, Kit, forge, genuine_doc, make_bundle, make_kit

NOW = datetime.now(UTC)  # the certificates are issued now; the bundles carry a 2022 time
FRESH_NOW = True  # set again when the module runs (tests/bundle/conftest.py)
ID = bag.bundle_id_for("918", "kh-260-2022", "Q3", WHEN)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("format"))


@pytest.fixture(scope="module")
def pdf(kit: Kit) -> Path:
    path = kit.folder / "qd.pdf"
    path.write_bytes(b"%PDF-1.4 quyet dinh so hoa\n" * 40)
    return path


@pytest.fixture(scope="module")
def genuine(kit: Kit, pdf: Path) -> Path:
    return make_bundle(kit, "918", kit.folder / "out", evidence_file=pdf)


def check(kit: Kit, path: Path) -> Report:
    return verify_bundle(path, kit.ca_pem, None, NOW)


def refusal(report: Report) -> str:
    assert not report.ok, report.checks
    return " ".join(c.detail for c in report.checks if not c.ok)


def forged(kit: Kit, genuine: Path, out: Path, **changes: Any) -> Report:
    officer = kit.officers["918"]
    forge(genuine, out, officer.key, officer.cert, officer.chain, when=WHEN, **changes)
    return check(kit, out)


def test_the_genuine_bundle_and_a_forged_copy_with_nothing_changed_pass(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    """The corpus is honest: re-signing alone changes nothing, so each refusal below is the
    rule under test."""
    report = check(kit, genuine)
    assert report.ok, report.checks
    assert report.bundle_id == ID and genuine.name.startswith("cchc-918-kh-260-2022-Q3-")
    names = [c.name for c in report.checks]
    assert names.index("identifier") == names.index("payload") + 1
    assert names.index("submission") == names.index("identifier") + 1
    again = forged(kit, genuine, tmp_path / "copy.zip")
    assert again.ok, again.checks


def _derived(agency: str) -> str:
    return bag.bundle_id_for(agency, "kh-260-2022", "Q3", WHEN)


OTHER = str(uuid.uuid5(bag.NAMESPACE, "some other bundle"))
IDENTIFIERS: dict[str, tuple[dict[str, Any], str]] = {
    "upper-case id": (
        {"root": ID.upper(), "info": {"External-Identifier": ID.upper()}},
        t("verify.bad_identifier", value=ID.upper()),
    ),
    "id in braces": (
        {"root": f"{{{ID}}}", "info": {"External-Identifier": f"{{{ID}}}"}},
        "không phải UUID ở dạng chuẩn",
    ),
    "id without hyphens": (
        {"root": ID.replace("-", ""), "info": {"External-Identifier": ID.replace("-", "")}},
        "không phải UUID ở dạng chuẩn",
    ),
    "urn id": (
        {"root": f"urn:uuid:{ID}", "info": {"External-Identifier": f"urn:uuid:{ID}"}},
        t("verify.bad_identifier", value=f"urn:uuid:{ID}"),
    ),
    "root folder not the id": ({"root": OTHER}, t("verify.root_not_id", root=OTHER, value=ID)),
    "id not derived": (
        {"root": OTHER, "info": {"External-Identifier": OTHER}},
        t("verify.id_not_derived", value=OTHER, expected=ID),
    ),
    "no id": ({"info": {"External-Identifier": None}}, t("verify.bad_identifier", value="")),
    "agency code with a slash": (
        {
            "root": _derived("918/../SNV"),
            "info": {
                "External-Identifier": _derived("918/../SNV"),
                "CCHC-Agency-Code": "918/../SNV",
            },
        },
        "CCHC-Agency-Code «918/../SNV» không hợp lệ",
    ),
    "agency code ..": (
        {
            "root": _derived(".."),
            "info": {"External-Identifier": _derived(".."), "CCHC-Agency-Code": ".."},
        },
        "CCHC-Agency-Code «..» không hợp lệ",
    ),
    "agency code a Windows device": (
        {
            "root": _derived("CON"),
            "info": {"External-Identifier": _derived("CON"), "CCHC-Agency-Code": "CON"},
        },
        "CCHC-Agency-Code «CON» không hợp lệ",
    ),
    "period not one of the four": (
        {
            "root": bag.bundle_id_for("918", "kh-260-2022", "Q5", WHEN),
            "info": {
                "External-Identifier": bag.bundle_id_for("918", "kh-260-2022", "Q5", WHEN),
                "CCHC-Period": "Q5",
            },
        },
        "CCHC-Period «Q5» không hợp lệ",
    ),
    "plan id with a slash": (
        {
            "root": bag.bundle_id_for("918", "kh/../x", "Q3", WHEN),
            "info": {
                "External-Identifier": bag.bundle_id_for("918", "kh/../x", "Q3", WHEN),
                "CCHC-Plan": "kh/../x",
            },
        },
        "CCHC-Plan «kh/../x» không hợp lệ",
    ),
    "time without a zone": (
        {"info": {"CCHC-Timestamp": "2022-09-09T08:00:00"}},
        "CCHC-Timestamp",
    ),
    "time in another zone": (
        {"info": {"CCHC-Timestamp": "2022-09-09T15:00:00+07:00"}},
        "CCHC-Timestamp",
    ),
    "a label given twice": ({"info_tail": "CCHC-Agency-Code: 916\n"}, "nhiều lần"),
    "a long id cut at 80": (
        {"root": "x" * 100, "info": {"External-Identifier": "x" * 100}},
        t("verify.bad_identifier", value="x" * 80),
    ),
    "supersedes not an id": (
        {"info": {"CCHC-Supersedes": "../x", "CCHC-Supersedes-SHA256": "0" * 64}},
        "CCHC-Supersedes «../x» không hợp lệ",
    ),
}


@pytest.mark.parametrize("case", sorted(IDENTIFIERS))
def test_hostile_identifiers(case: str, kit: Kit, genuine: Path, tmp_path: Path) -> None:
    changes, expected = IDENTIFIERS[case]
    assert expected in refusal(forged(kit, genuine, tmp_path / "x.zip", **changes))


def test_the_tag_manifest_lists_exactly_the_three_tag_files(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    fewer = forged(kit, genuine, tmp_path / "a.zip", tag_names=["bagit.txt", bag.MANIFEST])
    assert "tagmanifest phải liệt kê đúng" in refusal(fewer) and "bag-info.txt" in refusal(fewer)
    more = ["bagit.txt", "bag-info.txt", bag.MANIFEST, "data/submission.json"]
    extra = forged(kit, genuine, tmp_path / "b.zip", tag_names=more)
    assert "«data/submission.json»" in refusal(extra)


def _hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


EXTRA = b"%PDF-1.4 mot tai lieu khac\n"
H = _hex(EXTRA)
NAMES = {
    "a file at the root": "README.txt",
    "a Windows device at the root": "CON",
    "a case twin of bagit.txt": "BagIt.txt",
    "a case twin of the submission": "data/Submission.json",
    "a name in NFD": unicodedata.normalize("NFD", "data/evidence/tài-liệu.pdf"),
    "a Windows device as evidence": "data/evidence/CON",
    "a colon (an NTFS stream)": f"data/evidence/{H}.pdf:Zone.Identifier",
    "a trailing dot": "data/audit.jsonl.",
    "evidence not named by a hash": "data/evidence/quyet-dinh.pdf",
    "an upper-case hash": f"data/evidence/{H.upper()}.pdf",
    "an upper-case extension": f"data/evidence/{H}.PDF",
    "an extension too long": f"data/evidence/{H}.abcdefghijk",
    "no extension": f"data/evidence/{H}",
    "a sub-folder of evidence": f"data/evidence/x/{H}.pdf",
    "another payload file": "data/extra.txt",
}


@pytest.mark.parametrize("case", sorted(NAMES))
def test_only_the_names_of_the_format(case: str, kit: Kit, genuine: Path, tmp_path: Path) -> None:
    name = NAMES[case]
    report = forged(kit, genuine, tmp_path / "x.zip", files={name: EXTRA})
    assert "không được phép trong hồ sơ" in refusal(report)
    assert name in refusal(report)


def test_an_evidence_file_must_hash_to_its_name(kit: Kit, genuine: Path, tmp_path: Path) -> None:
    name = f"data/evidence/{'0' * 64}.pdf"
    report = forged(kit, genuine, tmp_path / "x.zip", files={name: EXTRA})
    assert "khác mã băm trong tên" in refusal(report)


def _doc(pdf: Path, change: Any) -> dict[str, Any]:
    doc = copy.deepcopy(genuine_doc("918", pdf))
    change(doc)
    return doc


def _set(*path: Any) -> Any:
    *where, last = path[:-1]
    value = path[-1]

    def change(doc: dict[str, Any]) -> None:
        target = doc
        for key in where:
            target = target[key]
        target[last] = value

    return change


SCHEMA: dict[str, tuple[Any, str]] = {
    "a string for a number": (_set("items", 1, "progress", "50"), "«items.1.progress: sai kiểu"),
    "a float for a number": (_set("items", 1, "progress", 50.0), "«items.1.progress: sai kiểu"),
    "a bool for a number": (_set("items", 1, "progress", True), "«items.1.progress: sai kiểu"),
    "a number for a string": (_set("items", 0, "note", 5), "«items.0.note: sai kiểu"),
    "a progress of 101": (_set("items", 1, "progress", 101), "«items.1.progress: ngoài giới"),
    "a huge number": (_set("items", 1, "progress", 10**40), "«items.1.progress:"),
    "NaN points": (_set("scores", 0, "total", "NaN"), "«scores.0.total: không phải số thập"),
    "infinite points": (_set("scores", 0, "total", "Infinity"), "«scores.0.total: không phải"),
    "1e999 points": (_set("scores", 0, "total", "1e999"), "«scores.0.total: phải từ 0 đến 1000"),
    "negative points": (_set("scores", 0, "subs", 1, "self", "-1"), "phải từ 0 đến 1000"),
    "five decimals": (_set("scores", 0, "total", "1.00001"), "quá 4 chữ số thập phân"),
    "a percentage of 101": (_set("scores", 0, "percent", "101"), "phải từ 0 đến 100"),
    "points with spaces": (_set("scores", 0, "total", " 1"), "không phải số thập phân"),
    "a date not ISO": (_set("items", 1, "completed_on", "01/09/2022"), "completed_on: sai kiểu"),
    "a status not known": (_set("items", 0, "status", "da_xong"), "không phải giá trị cho phép"),
    "an escape in a note": (_set("items", 0, "note", "a\x1b[2Jb"), "chứa ký tự điều khiển"),
    "a CR in a note": (_set("items", 0, "note", "ok\rĐẠT"), "chứa ký tự điều khiển"),
    "a bidi override": (_set("officer", "Lê \u202eVăn"), "«officer: chứa ký tự điều khiển"),
    "a C1 control": (_set("agency", "name", "Quận\x9b2J"), "«agency.name: chứa ký tự"),
    "a line break in a one-line field": (_set("items", 0, "number", "3.1\nĐẠT"), "chứa ký tự"),
    "a grade that is a formula": (
        _set("scores", 0, "grade", "=HYPERLINK(1)"),
        "«scores.0.grade: không đúng dạng",
    ),
    "a field more": (_set("extra", 1), "«extra: trường không có trong lược đồ»"),
    "a field less": (lambda d: d.pop("indicators"), "«indicators: thiếu»"),
    "a note too long": (_set("items", 0, "note", "x" * 4001), "dài quá 4000 ký tự"),
    "too many documents": (_set("evidence", [{}] * 20_001), "nhiều quá 20000"),
    "another agency": (_set("agency", "code", "916"), "agency.code «916»"),
    "another plan": (_set("plan", "kh-999-2022"), "plan «kh-999-2022»"),
    "another period": (_set("period", "NAM"), "period «NAM»"),
    "schema 2": (_set("schema_version", 2), "«schema_version: không phải giá trị"),
    "a document whose file is not in the bag": (
        _set("evidence", 0, "path", f"data/evidence/{'1' * 64}.pdf"),
        "«evidence.0:",
    ),
    "a file of another document": (
        lambda d: d["evidence"].append(
            {
                **d["evidence"][0],
                "id": 2,
                "sha256": "1" * 64,
                "path": f"data/evidence/{'1' * 64}.pdf",
            }
        ),
        "không có trong hồ sơ",
    ),
}


@pytest.mark.parametrize("case", sorted(SCHEMA))
def test_the_submission_must_fit_the_schema(
    case: str, kit: Kit, genuine: Path, pdf: Path, tmp_path: Path
) -> None:
    change, expected = SCHEMA[case]
    report = forged(kit, genuine, tmp_path / "x.zip", submission=_doc(pdf, change))
    assert expected in refusal(report)
    assert [c.name for c in report.checks if not c.ok] == ["submission"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"agency": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "lồng nhau quá sâu"),
        (b"[" * 100_000 + b"]" * 100_000, "lồng nhau quá sâu"),
        (b"not json", "không phải JSON hợp lệ"),
        (b"\xff\xfe{}", "không phải JSON hợp lệ"),
        (b"[]", "sai kiểu dữ liệu"),
        (b"null", "sai kiểu dữ liệu"),
        (b'{"items": [NaN]}', "không đúng lược đồ"),
    ],
    ids=["deep", "deep list", "not json", "not utf-8", "a list", "null", "bare NaN"],
)
def test_an_unreadable_submission_is_refused(
    raw: bytes, expected: str, kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    report = forged(kit, genuine, tmp_path / "x.zip", files={"data/submission.json": raw})
    assert expected in refusal(report)


# -- the cheap checks and broken zips --------------------------------------------------------


def _timed(kit: Kit, path: Path) -> tuple[Report, float]:
    start = time.perf_counter()
    report = check(kit, path)
    return report, time.perf_counter() - start


def test_a_4_gib_sparse_file_or_file_of_junk_is_refused_at_once(kit: Kit, tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.zip"
    with sparse.open("wb") as f:
        f.truncate(4 * 1024**3)
    report, took = _timed(kit, sparse)
    assert "không bắt đầu bằng một mục zip" in refusal(report) and took < 0.5
    junk = tmp_path / "junk.zip"
    with junk.open("wb") as f:  # a zip's first bytes, then junk, with no end record
        f.write(b"PK\x03\x04" + bytes(range(256)) * 64)
        f.seek(4 * 1024**3 - 4096)
        f.write(bytes(reversed(range(256))) * 16)
    report, took = _timed(kit, junk)
    assert "không phải tệp zip" in refusal(report) and took < 0.5
    assert report.sha256 == ""  # nothing was hashed
    huge = tmp_path / "huge.zip"
    with huge.open("wb") as f:
        f.write(b"PK\x03\x04")
        f.truncate(MAX_ZIP + 1)
    report, took = _timed(kit, huge)
    assert "vượt giới hạn của một hồ sơ" in refusal(report) and took < 0.5


def test_junk_around_the_zip_or_a_comment_is_refused(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    data = genuine.read_bytes()
    front = tmp_path / "front.zip"
    front.write_bytes(b"MZ junk" + data)
    assert "dữ liệu lạ ở đầu tệp" in refusal(check(kit, front))
    back = tmp_path / "back.zip"
    back.write_bytes(data + b"\0" * 100)
    assert "không nằm ở cuối tệp" in refusal(check(kit, back))
    commented = tmp_path / "comment.zip"
    commented.write_bytes(data)
    with zipfile.ZipFile(commented, "a") as zf:
        zf.comment = "ĐẠT".encode()
    assert "chú thích zip" in refusal(check(kit, commented))


def _directory(data: bytes) -> list[tuple[int, int]]:
    """(central record offset, local header offset) of every entry."""
    end = len(data) - 22
    count, _size, offset = struct.unpack_from("<HII", data, end + 10)
    out = []
    pos = offset
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
        (local,) = struct.unpack_from("<I", data, pos + 42)
        out.append((pos, local))
        pos += 46 + name_len + extra_len + comment_len
    return out


def _patched(data: bytes, entry: int, flags: int | None = None, method: int | None = None) -> bytes:
    out = bytearray(data)
    central, local = _directory(data)[entry]
    if flags is not None:
        for at in (central + 8, local + 6):
            out[at : at + 2] = struct.pack("<H", struct.unpack_from("<H", data, at)[0] | flags)
    if method is not None:
        for at in (central + 10, local + 8):
            out[at : at + 2] = struct.pack("<H", method)
    return bytes(out)


def test_an_encrypted_entry_or_another_compression_is_refused_by_name(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    data = genuine.read_bytes()
    out = tmp_path / "x.zip"
    out.write_bytes(_patched(data, 0, flags=0x1))
    text = refusal(check(kit, out))
    assert "được mã hóa" in text and "data/submission.json" in text
    for method in (12, 14, 99):  # bzip2, lzma, AES
        out.write_bytes(_patched(data, 1, method=method))
        text = refusal(check(kit, out))
        assert f"phương pháp {method}" in text and "audit.jsonl" in text
    real = tmp_path / "bz.zip"
    with zipfile.ZipFile(real, "w", zipfile.ZIP_BZIP2) as zf:
        zf.writestr(f"{ID}/bagit.txt", bag.BAGIT_TXT)
    assert "phương pháp 12" in refusal(check(kit, real))


def test_entries_that_overlap_are_refused(kit: Kit, genuine: Path, tmp_path: Path) -> None:
    data = bytearray(genuine.read_bytes())
    (_first_central, first_local), (second_central, _second) = _directory(bytes(data))[:2]
    data[second_central + 42 : second_central + 46] = struct.pack("<I", first_local)
    out = tmp_path / "x.zip"
    out.write_bytes(bytes(data))
    assert "không khớp với danh mục zip" in refusal(check(kit, out))


def test_the_exporter_names_evidence_only_as_the_format_allows() -> None:
    from cchc_tui.services.export import bag_suffix

    assert bag_suffix("ab/abc.PDF") == "pdf"
    assert bag_suffix("ab/abc.tar.gz") == "gz"
    for odd in ("ab/abc", "ab/abc.", "ab/abc.pdf:x", "ab/abc.tài", "ab/abc.abcdefghijk", "a.p f"):
        assert bag_suffix(odd) == "bin", odd


def test_the_published_schema_is_current() -> None:
    from tools.write_submission_schema import SCHEMA_FILE, schema_text

    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "docs/submission.schema.json is out of date: python tools/write_submission_schema.py"
    )
    assert json.loads(schema_text())["properties"]["schema_version"]["const"] == 1


def test_an_export_of_odd_file_names_verifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Evidence files named "Biên bản.PDF", "ghi-chu" (no extension) and "so-lieu.tài" go into
    the bag as <sha256>.pdf, <sha256>.bin and <sha256>.bin; the bundle verifies."""
    from tests.tui_helpers import cli, officer_bundle

    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "o.sqlite")
    officer_bundle(tmp_path, db, "918", "Hương", out=".")
    for i, name in enumerate(["Biên bản.PDF", "ghi-chu", "so-lieu.tài"]):
        (tmp_path / name).write_bytes(f"%PDF-1.4 tai lieu {i}\n".encode() * 20)
        cli("--db", db, "evidence", "add", "--number", f"{i + 1}/QĐ-UBND", "--date",
            "20/09/2022", "--issuer", "UBND quận Bình Thủy", "--title", f"Tài liệu {i}",
            "--file", name, "--item", "hd3.8")  # fmt: skip
    out = tmp_path / "usb"
    out.mkdir()
    exported = cli("--db", db, "export", "--period", "Q3", "--out", "usb",
                   "--passphrase-file", "p", "--json")  # fmt: skip
    path = Path(json.loads(exported)["path"])
    with zipfile.ZipFile(path) as zf:
        names = sorted(n.split("/", 1)[1] for n in zf.namelist() if "/data/evidence/" in n)
    assert sorted(n.rsplit(".", 1)[1] for n in names) == ["bin", "bin", "pdf"]
    verified = json.loads(cli("verify", str(path), "--ca", "ca/ca.pem", "--json"))
    assert verified[0]["ok"], verified[0]["checks"]


def test_the_genuine_bundle_s_report_says_each_check_in_words(kit: Kit, genuine: Path) -> None:
    """What the reviewer reads for a good bundle, check by check, with its numbers."""
    import zipfile

    from cchc_tui.core.dates import format_date

    report = check(kit, genuine)
    with zipfile.ZipFile(genuine) as zf:
        entries = len(zf.infolist())
        payload = len(zf.read(f"{ID}/{bag.MANIFEST}").splitlines())  # submission, audit, the PDF
    officer = kit.officers["918"]
    assert [(c.name, c.ok, c.detail) for c in report.checks] == [
        ("archive", True, t("verify.ok_archive", count=entries)),
        ("tags", True, t("verify.ok_tags", count=3)),
        ("signature", True, t("verify.ok_signature", officer="Cán bộ 918")),
        ("payload", True, t("verify.ok_payload", count=payload)),
        ("identifier", True, t("verify.ok_identifier", id=ID)),
        ("submission", True, t("verify.ok_submission", version=1, items=2, evidence=1)),
        ("role", True, report.checks[6].detail),
        ("chain", True, t("verify.ok_chain")),
        (
            "validity",
            True,
            t("verify.ok_validity", until=format_date(officer.cert.not_valid_after_utc.date())),
        ),
        ("revocation", True, t("trust.unchecked")),  # no CRL given: said, not hidden
        ("agency", True, t("verify.ok_agency", agency="Quận Bình Thuỷ")),
    ]
    assert payload == 3 and report.plan == "kh-260-2022" and report.period == "Q3"
