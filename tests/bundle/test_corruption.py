"""Issue 12: corruption, exhaustively and deterministically. One small but real bundle (fixed
content and times: two evidence files stored, the text files deflated, written as a stream
with data descriptors, as the exporter writes every bundle) and one small genuine receipt;
each byte of their zip structure flipped in turn (every byte of every local header with its
name and extra field, of every data descriptor, of the central directory and of the end
record), and a fixed stride through the data. Each flipped copy is refused with a reason from
the catalogue — never an exception, never accepted — except the few bytes listed by field in
TOLERATED, which no reader acts on.

Every flip is ``byte ^ 0xFF``, written into one work file in place and written back after."""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cchc_tui.bundle import bag, pki
from cchc_tui.bundle.receipt import ReceiptError, make_receipt, read_receipt
from cchc_tui.bundle.verify import Report, verify_bundle
from cchc_tui.cli import main
from cchc_tui.core.i18n import t
from tests.bundle.test_trust import content_for
from tests.bundle_corpus import CA_PASS, P12_PASS, WHEN, Kit, make_bundle, make_kit

NOW = datetime.now(UTC)  # the certificates are issued now; bundle and receipt carry a 2022 time
FRESH_NOW = True  # set again when the module runs (tests/bundle/conftest.py)
STRIDE = 97  # through each entry's data: headers are flipped whole, the data sampled
REVIEWER = "SNV"

# The fields of a central directory record (offsets within it) that no reader acts on: a flip
# there changes nothing that is read, hashed, extracted or shown.
TOLERATED = {
    4: "version made by: the version of the tool that wrote the zip",
    5: "version made by: the system of the tool that wrote the zip",
    36: "internal attributes, low byte: the 'text file' hint",
    37: "internal attributes, high byte: reserved",
    40: "external attributes, Unix permission bits (files are never extracted with them)",
}


@dataclass(frozen=True)
class Entry:
    name: str
    central: int  # offset of its central directory record
    local: int  # offset of its local header
    data: int  # offset of its data
    compressed: int
    end: int  # where the next entry (or the directory) begins: after its data descriptor
    method: int
    flags: int


def layout(zipped: bytes) -> tuple[list[Entry], int]:
    """The entries of a zip (no zip64 end record) read straight from its bytes, and the offset
    of its central directory — independently of the code under test."""
    end = len(zipped) - 22
    sig, count, cd_size, cd_offset = struct.unpack_from("<4s6xHII", zipped, end)
    assert sig == b"PK\x05\x06" and cd_offset + cd_size == end
    records = []
    pos = cd_offset
    for _ in range(count):
        flags, method = struct.unpack_from("<HH", zipped, pos + 8)
        (compressed,) = struct.unpack_from("<I", zipped, pos + 20)
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", zipped, pos + 28)
        (local,) = struct.unpack_from("<I", zipped, pos + 42)
        name = zipped[pos + 46 : pos + 46 + name_len].decode()
        records.append((local, pos, name, compressed, method, flags))
        pos += 46 + name_len + extra_len + comment_len
    records.sort()
    entries = []
    for i, (local, central, name, compressed, method, flags) in enumerate(records):
        name_len, extra_len = struct.unpack_from("<HH", zipped, local + 26)
        data = local + 30 + name_len + extra_len
        following = records[i + 1][0] if i + 1 < len(records) else cd_offset
        entries.append(Entry(name, central, local, data, compressed, following, method, flags))
    return entries, cd_offset


def structure(zipped: bytes) -> list[int]:
    """Every byte of the zip but its entries' data: local headers (with name and extra), data
    descriptors, the central directory and the end record."""
    entries, cd_offset = layout(zipped)
    positions: list[int] = []
    for e in entries:
        positions += range(e.local, e.data)  # the local header, its name and extra field
        positions += range(e.data + e.compressed, e.end)  # the data descriptor
    positions += range(cd_offset, len(zipped))  # the central directory and the end record
    return positions


def sampled_data(zipped: bytes) -> list[int]:
    """A fixed stride through each entry's data, and its last byte (the end of a deflate
    stream, which zipfile alone does not check)."""
    positions: list[int] = []
    for e in layout(zipped)[0]:
        positions += range(e.data, e.data + e.compressed, STRIDE)
        positions.append(e.data + e.compressed - 1)
    return sorted(set(positions))


def tolerated(zipped: bytes) -> set[int]:
    return {e.central + at for e in layout(zipped)[0] for at in TOLERATED}


@contextlib.contextmanager
def flipping(
    genuine: Path, work: Path
) -> Iterator[Callable[[int], contextlib.AbstractContextManager[None]]]:
    """``with flipping(...) as flip: with flip(pos): ...``: ``work`` holds the genuine bytes
    with the one at ``pos`` flipped, inside the inner block (one file, changed in place)."""
    original = genuine.read_bytes()
    shutil.copyfile(genuine, work)
    with work.open("r+b") as fh:

        @contextlib.contextmanager
        def flip(pos: int) -> Iterator[None]:
            fh.seek(pos)
            fh.write(bytes([original[pos] ^ 0xFF]))
            fh.flush()
            try:
                yield
            finally:
                fh.seek(pos)
                fh.write(original[pos : pos + 1])
                fh.flush()

        yield flip


# -- the bundle ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("corruption"))


@pytest.fixture(scope="module")
def bundle(kit: Kit) -> Path:
    scan = kit.folder / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban kiem tra\n" * 30)
    plan = kit.folder / "ke-hoach.pdf"
    plan.write_bytes(b"%PDF-1.4 ke hoach cai cach hanh chinh\n" + bytes(range(256)))
    return make_bundle(kit, "918", kit.folder / "out", evidence_file=scan, more_evidence=[plan])


def check(kit: Kit, path: Path) -> Report:
    return verify_bundle(path, kit.ca_pem, None, NOW)


CATCH_ALL = t("verify.damaged", detail="")  # whatever else was raised: not a reason


def refusal(report: Report, where: object) -> str:
    """The reasons of a refused report; each failing check has one, from the catalogue."""
    failing = [c for c in report.checks if not c.ok]
    assert failing, (where, report.checks)
    for c in failing:
        assert c.detail.strip(), (where, report.checks)
        assert not c.detail.startswith(CATCH_ALL), (where, c.detail)
    return " ".join(c.detail for c in failing)


def test_the_bundle_is_real_and_holds_both_kinds_of_entry(kit: Kit, bundle: Path) -> None:
    report = check(kit, bundle)
    assert report.ok, report.checks
    assert report.submission is not None and len(report.submission.evidence) == 2
    entries = layout(bundle.read_bytes())[0]
    evidence = [e for e in entries if "/data/evidence/" in e.name]
    assert len(evidence) == 2 and {e.method for e in evidence} == {zipfile.ZIP_STORED}
    assert zipfile.ZIP_DEFLATED in {e.method for e in entries}
    assert all(e.flags & 0x08 for e in entries)  # streamed: each with a data descriptor
    assert bundle.stat().st_size < 16 * 1024


def test_every_byte_of_the_zip_structure_and_a_stride_of_the_data_flipped_is_refused(
    kit: Kit, bundle: Path, tmp_path: Path
) -> None:
    zipped = bundle.read_bytes()
    positions = sorted(set(structure(zipped)) | set(sampled_data(zipped)))
    assert len(positions) > 1500
    accepted = []
    with flipping(bundle, tmp_path / "flipped.zip") as flip:
        for pos in positions:
            with flip(pos):
                report = check(kit, tmp_path / "flipped.zip")
            assert report.checks, pos
            if report.ok:
                accepted.append(pos)
            else:
                refusal(report, pos)
    assert set(accepted) == tolerated(zipped)


def test_a_damaged_end_of_a_deflate_stream_is_refused_by_its_entry(
    kit: Kit, bundle: Path, tmp_path: Path
) -> None:
    """zipfile keeps what it decoded when a stream's last block is damaged (its CRC-32 then
    holds): the entry is refused by name, as other zip readers would."""
    entries = layout(bundle.read_bytes())[0]
    deflated = [e for e in entries if e.method == zipfile.ZIP_DEFLATED]
    with flipping(bundle, tmp_path / "flipped.zip") as flip:
        for e in deflated:
            with flip(e.data + e.compressed - 1):
                text = refusal(check(kit, tmp_path / "flipped.zip"), e.name)
            assert t("verify.entry_damaged", name=e.name) in text


def test_a_version_a_reader_does_not_support_is_a_reason_not_a_crash(
    kit: Kit, bundle: Path, tmp_path: Path
) -> None:
    """The reviewer's finding: "version needed to extract" flipped (2.0 to 23.5) made zipfile
    raise NotImplementedError."""
    entries = layout(bundle.read_bytes())[0]
    with flipping(bundle, tmp_path / "flipped.zip") as flip:
        for e in entries:
            with flip(e.central + 6):
                text = refusal(check(kit, tmp_path / "flipped.zip"), e.name)
            assert "đòi phiên bản zip" in text and e.name in text


@pytest.mark.parametrize(
    "added",
    [
        "data/evidence/{sha}.pdf",  # a name the format allows: the signed manifest refuses it
        "data/ghi-chu.txt",  # a name the format does not allow
    ],
)
def test_a_file_added_under_data_after_signing_is_refused(
    kit: Kit, bundle: Path, tmp_path: Path, added: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bag genuinely signed, then one more file put under data/ and the zip written again:
    refused by verify_bundle and by `cchc verify`."""
    content = b"%PDF-1.4 them vao sau khi ky\n"
    root = layout(bundle.read_bytes())[0][0].name.split("/")[0]
    name = f"{root}/{added.format(sha=hashlib.sha256(content).hexdigest())}"
    out = tmp_path / "them.zip"
    shutil.copyfile(bundle, out)
    with zipfile.ZipFile(out, "a") as zf:
        zi = zipfile.ZipInfo(name, date_time=WHEN.timetuple()[:6])
        zi.external_attr = 0o100644 << 16
        zf.writestr(zi, content)
    text = refusal(check(kit, out), added)
    assert name.split("/", 1)[1] in text
    capsys.readouterr()
    assert main(["verify", str(out), "--ca", str(kit.ca_file), "--json"]) == 1
    (printed,) = json.loads(capsys.readouterr().out)
    assert printed["ok"] is False
    assert name.split("/", 1)[1] in " ".join(c["detail"] for c in printed["checks"] if not c["ok"])


# -- the receipt --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def receipt(kit: Kit) -> Path:
    p12 = kit.folder / "snv.p12"
    pki.issue(
        kit.folder / "ca",
        CA_PASS,
        agency_code=REVIEWER,
        agency_name="Sở Nội vụ thành phố Cần Thơ",
        officer="Nguyễn Thị Thẩm Định",
        p12_passphrase=P12_PASS,
        out=p12,
        role="reviewer",
    )
    key, cert, chain = pki.load_p12(p12, P12_PASS)
    path = kit.folder / "phieu.zip"
    bundle_id = bag.bundle_id_for("918", "kh-260-2022", "Q3", WHEN)
    content = content_for(bundle_id, "0" * 64, "918")
    path.write_bytes(make_receipt(content, key, cert, chain, WHEN))
    return path


def read(kit: Kit, path: Path) -> Any:
    return read_receipt(path, kit.ca_pem, None, reviewer=REVIEWER, now=NOW)


def test_the_receipt_is_genuine(kit: Kit, receipt: Path) -> None:
    assert read(kit, receipt).signer.agency_code == REVIEWER
    assert receipt.stat().st_size < 8 * 1024


def test_every_byte_of_a_receipt_flipped_is_refused_with_a_reason(
    kit: Kit, receipt: Path, tmp_path: Path
) -> None:
    zipped = receipt.read_bytes()
    accepted = []
    with flipping(receipt, tmp_path / "phieu.zip") as flip:
        for pos in range(len(zipped)):
            with flip(pos):
                try:
                    read(kit, tmp_path / "phieu.zip")
                except ReceiptError as e:
                    assert e.message().strip(), pos
                except Exception as e:  # any other exception is the failure
                    pytest.fail(f"byte {pos}: {type(e).__name__}: {e}")
                else:
                    accepted.append(pos)
    assert set(accepted) == tolerated(zipped)


def test_a_receipt_with_data_after_its_end_record_or_a_comment_is_refused(
    kit: Kit, receipt: Path, tmp_path: Path
) -> None:
    out = tmp_path / "phieu.zip"
    out.write_bytes(receipt.read_bytes() + b"\0" * 16)
    with pytest.raises(ReceiptError) as err:
        read(kit, out)
    assert err.value.key == "receipt.bad_form_because"
    shutil.copyfile(receipt, out)
    with zipfile.ZipFile(out, "a") as zf:
        zf.comment = "ĐẠT".encode()
    with pytest.raises(ReceiptError) as err:
        read(kit, out)
    assert "chú thích zip" in err.value.message()
