"""What the bag writer puts in a bundle, line by line and entry by entry: bag-info.txt's labels
(what a BagIt tool or a reviewer reads), the audit trail as one JSON object a line, the entries'
Unix attributes, evidence streamed in chunks with progress, zip64 headers on evidence, the
file's size and mode, and the refusal when an evidence file is unreadable or changed since it
was recorded."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import struct
import zipfile
import zlib
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_tui.bundle import bag, verify
from cchc_tui.bundle.bag import BundleError, BundleSpec, PayloadFile
from cchc_tui.core.i18n import t
from tests.bundle_corpus import Kit, make_kit, make_submission

WHEN = datetime(2022, 9, 9, 8, 0, tzinfo=UTC)
AUDIT = [
    {"action": "progress.set", "key": "kh-260-2022/hd3.1", "value": 40},
    {"action": "note.set", "key": "kh-260-2022/hd3.1", "value": "Đã rà soát\nxong"},
]


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("bag"))


def spec(files: list[PayloadFile], supersedes: tuple[str, str] | None = None) -> BundleSpec:
    return BundleSpec(
        agency_code="918",
        agency_name="Quận Bình Thuỷ",
        officer="Trần Thị Thu Hương",
        plan_id="kh-260-2022",
        period="Q3",
        app_version="0.9.1",
        timestamp=WHEN,
        submission=make_submission("918"),
        audit=AUDIT,
        files=files,
        supersedes=supersedes,
    )


def payload(path: Path, data: bytes) -> PayloadFile:
    path.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    return PayloadFile(f"data/evidence/{sha}.pdf", path, sha, len(data))


def build(kit: Kit, out: Path, s: BundleSpec, **kw: object) -> bag.Built:
    officer = kit.officers["918"]
    out.mkdir(exist_ok=True)
    return bag.build_bundle(s, officer.key, officer.cert, officer.chain, out, **kw)  # type: ignore[arg-type]


def read(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        root = zf.namelist()[0].split("/")[0]
        return zf.read(f"{root}/{name}")


def test_bag_info_line_by_line(kit: Kit, tmp_path: Path) -> None:
    older = ("0f0e0d0c-0b0a-5908-8706-050403020100", "ab" * 32)
    built = build(kit, tmp_path / "out", spec([], supersedes=older))
    lines = read(built.path, "bag-info.txt").decode("utf-8").splitlines()
    submission = len(bag.canonical_json(make_submission("918").document()))
    audit = len(read(built.path, "data/audit.jsonl"))
    assert lines == [
        "Source-Organization: Quận Bình Thuỷ (918)",
        "Bagging-Date: 2022-09-09",
        f"External-Identifier: {built.bundle_id}",
        f"Payload-Oxum: {submission + audit}.2",
        "Internal-Sender-Identifier: Trần Thị Thu Hương",
        "CCHC-Agency-Code: 918",
        "CCHC-Plan: kh-260-2022",
        "CCHC-Period: Q3",
        "CCHC-Timestamp: 2022-09-09T08:00:00+00:00",
        "CCHC-App-Version: 0.9.1",
        "CCHC-Schema-Version: 1",
        f"CCHC-Supersedes: {older[0]}",
        f"CCHC-Supersedes-SHA256: {older[1]}",
    ]
    assert verify.verify_bundle(built.path, kit.ca_pem, None, datetime.now(UTC)).ok


def test_the_audit_trail_is_one_json_object_a_line(kit: Kit, tmp_path: Path) -> None:
    built = build(kit, tmp_path / "out", spec([]))
    text = read(built.path, "data/audit.jsonl").decode("utf-8")
    assert text.endswith("\n") and text.count("\n") == len(AUDIT)
    assert [json.loads(line) for line in text.splitlines()] == AUDIT


def test_the_zip_file_its_entries_and_its_evidence(kit: Kit, tmp_path: Path) -> None:
    """Entries made on "Unix" (so zip tools read their permission bits) as regular files of
    mode 644; evidence stored with a zip64 local header (a file over 4 GiB streams in one
    pass); the Built's size and SHA-256 those of the file; the file readable by all."""
    big = payload(tmp_path / "scan.pdf", os.urandom(bag.CHUNK * 2 + 1000))
    seen: list[tuple[int, int]] = []
    built = build(kit, tmp_path / "out", spec([big]), progress=lambda d, n: seen.append((d, n)))
    data = built.path.read_bytes()
    assert (built.size, built.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert built.files == 3
    # streamed in chunks, each reported
    assert seen == [(bag.CHUNK, big.size), (2 * bag.CHUNK, big.size), (big.size, big.size)]
    with zipfile.ZipFile(built.path) as zf:
        infos = zf.infolist()
        assert {(zi.create_system, zi.external_attr >> 16) for zi in infos} == {(3, 0o100644)}
        assert {zi.date_time for zi in infos} == {(2022, 9, 9, 8, 0, 0)}  # the export's time
        text = next(zi for zi in infos if zi.filename.endswith("/bag-info.txt"))
        info_bytes = zf.read(text)
    # deflated at level 6 (the same data, the same bytes: a bundle made again is identical)
    name_len, extra_len = struct.unpack_from("<HH", data, text.header_offset + 26)
    start = text.header_offset + 30 + name_len + extra_len
    raw = data[start : start + text.compress_size]
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    assert raw == deflate.compress(info_bytes) + deflate.flush()
    manifest = read(built.path, bag.MANIFEST).decode().splitlines()
    paths = [line.split("  ", 1)[1] for line in manifest]
    assert paths == sorted(paths) == ["data/audit.jsonl", big.bag_path, "data/submission.json"]
    with zipfile.ZipFile(built.path) as zf:
        infos = zf.infolist()
        evidence = next(zi for zi in infos if zi.filename.endswith(big.bag_path))
    assert evidence.compress_type == zipfile.ZIP_STORED
    at = evidence.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, at + 26)
    extra = data[at + 30 + name_len : at + 30 + name_len + extra_len]
    assert extra[:2] == b"\x01\x00"  # the zip64 extended information field
    if os.name != "nt":
        assert built.path.stat().st_mode & 0o777 == 0o644


def test_while_it_is_written_the_bundle_is_a_hidden_zip(kit: Kit, tmp_path: Path) -> None:
    officer = kit.officers["918"]
    out = tmp_path / "out"
    out.mkdir()
    staged = bag.write_bundle(spec([]), officer.key, officer.cert, officer.chain, out)
    assert staged.path.parent == out
    assert staged.path.name.startswith(".cchc-export-") and staged.path.suffix == ".zip"


def test_an_unreadable_or_changed_evidence_file_is_named_and_leaves_nothing(
    kit: Kit, tmp_path: Path
) -> None:
    folder = tmp_path / "hồ sơ"
    folder.mkdir()
    gone = PayloadFile(f"data/evidence/{'a' * 64}.pdf", folder, "a" * 64, 1)  # a folder
    with pytest.raises(BundleError) as err:
        build(kit, tmp_path / "out", spec([gone]))
    why = os.strerror(errno.EACCES if os.name == "nt" else errno.EISDIR)  # as the OS says it
    assert err.value.message() == t("bundle.file_unreadable", path=folder, detail=why)
    changed = payload(tmp_path / "qd.pdf", b"%PDF ban dau")
    (tmp_path / "qd.pdf").write_bytes(b"%PDF da sua sau khi them")
    with pytest.raises(BundleError) as err:
        build(kit, tmp_path / "out", spec([changed]))
    assert err.value.message() == t("bundle.file_changed", path=tmp_path / "qd.pdf")
    assert list((tmp_path / "out").iterdir()) == []


def test_canonical_json_sorted_indented_nfc_and_dates_as_text() -> None:
    value = {"b": Decimal("1.5"), "a": date(2022, 1, 2), "c": "Thuy\u0309"}
    assert bag.canonical_json(value) == (
        '{\n "a": "2022-01-02",\n "b": "1.5",\n "c": "Thuỷ"\n}\n'.encode()
    )


def test_manifest_paths_encode_only_percent_cr_and_lf() -> None:
    path = "data/a%b\rc\nd e"
    encoded = bag._encode_path(path)
    assert encoded == "data/a%25b%0Dc%0Ad e"
    assert verify._parse_manifest(f"{'0' * 64}  {encoded}\n", "m") == {path: "0" * 64}


def test_manifest_lines_are_in_path_order_whatever_the_hashes(kit: Kit, tmp_path: Path) -> None:
    """A reviewer reading manifest-sha256.txt finds the files in path order: two documents
    whose contents hash to 0… and f… (their names are their hashes) around the audit trail and
    the submission, so that hash order and path order differ."""

    def content(first: str) -> bytes:
        n = 0
        while not hashlib.sha256(b"%d" % n).hexdigest().startswith(first):
            n += 1
        return b"%d" % n

    low = payload(tmp_path / "a.pdf", content("0"))
    high = payload(tmp_path / "b.pdf", content("f"))
    built = build(kit, tmp_path / "out", spec([high, low]))
    lines = [line.split("  ", 1) for line in read(built.path, bag.MANIFEST).decode().splitlines()]
    paths = [p for _h, p in lines]
    assert paths == ["data/audit.jsonl", low.bag_path, high.bag_path, "data/submission.json"]
    assert sorted(lines) != lines  # by hash they would come in another order
