"""A receipt's form, read rule by rule with receipts made here (no bundle, no command line):
each refusal is the sentence the officer reads, with the names and times it should carry; a
genuine receipt of any size up to the limit reads whole, and its hash is of the file."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import time
import zipfile
import zlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cchc_tui.bundle.receipt import CONTENT, MAX_BYTES, SIGNATURE, ReceiptError, read_receipt
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from tests.bundle_corpus import declare_size

from .test_trust import NOW, Party, content_for, make_ca, make_crl, make_leaf, pem, write_receipt


@pytest.fixture(scope="module")
def ca() -> Party:
    return make_ca()


@pytest.fixture(scope="module")
def reviewer(ca: Party) -> Party:
    return make_leaf(ca, "SNV", role="reviewer", officer="Thẩm định viên")


def read(path: Path, ca: Party, crl: bytes | None = None, **kw: Any) -> Any:
    return read_receipt(path, pem(ca.cert), crl, reviewer="SNV", now=NOW, **kw)


def refused(path: Path, ca: Party, **kw: Any) -> ReceiptError:
    with pytest.raises(ReceiptError) as err:
        read(path, ca, **kw)
    return err.value


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(path: Path, files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return path


def test_a_genuine_receipt_reads_whole_with_the_hash_of_its_file(
    ca: Party, reviewer: Party, tmp_path: Path
) -> None:
    # a long one: its content is more than one read of 1 MiB
    comments = [{"target": "general", "text": "Bổ sung " * 2400, "at": "x", "by": "T"}] * 70
    content = content_for("b", "0" * 64, "918", comments=comments)
    path = write_receipt(tmp_path / "phieu.zip", reviewer, content)
    assert len(entries(path)[CONTENT]) > 1024**2
    got = read(path, ca)
    assert got.content["comments"] == comments
    assert got.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert got.signer.agency_code == "SNV" and got.issued_at == NOW
    with zipfile.ZipFile(path) as zf:  # compressed, and dated when it was signed (as unzip shows)
        for info in zf.infolist():
            assert info.compress_type == zipfile.ZIP_DEFLATED
            assert info.date_time == (*NOW.timetuple()[:5], NOW.second // 2 * 2)  # 2 s steps


@pytest.mark.parametrize("hidden", [5000, 10, -10])
def test_compressed_data_past_the_declared_size_is_refused(
    ca: Party, reviewer: Party, tmp_path: Path, hidden: int
) -> None:
    """An entry whose deflate stream holds more (or fewer) bytes than its headers say, with the
    CRC-32 of what it kept: zipfile alone would stop at the declared size (or at the
    stream's end) without a word, and another zip tool would show other content — refused.
    10 bytes more fit in zipfile's first read, where nothing is left over to notice."""
    files = entries(write_receipt(tmp_path / "p.zip", reviewer, content_for("b", "0" * 64, "918")))
    body = files[CONTENT]
    stream = body + b" " * hidden if hidden > 0 else body[:hidden]
    path = rezip(tmp_path / "x.zip", {CONTENT: stream, SIGNATURE: files[SIGNATURE]})
    crc = zlib.crc32(stream[: len(body)])  # of what zipfile alone would read
    path.write_bytes(declare_size(path.read_bytes(), CONTENT.encode(), len(body), crc))
    err = refused(path, ca)
    detail = t("verify.entry_damaged", name=CONTENT)
    assert (err.key, err.message()) == (
        "receipt.bad_form_because",
        t("receipt.bad_form_because", detail=detail),
    )


@pytest.mark.parametrize(
    ("shape", "why"),
    [
        ("extra entry", t("verify.too_many", count=3, limit=2)),
        ("bzip2", t("verify.method", name=CONTENT, method=12)),
        ("not a zip", t("verify.no_end")),
        ("no signature", None),
    ],
)
def test_a_receipt_of_another_shape_is_not_a_receipt(
    ca: Party, reviewer: Party, tmp_path: Path, shape: str, why: str | None
) -> None:
    good = write_receipt(tmp_path / "phieu.zip", reviewer, content_for("b", "0" * 64, "918"))
    files = entries(good)
    path = tmp_path / "x.zip"
    if shape == "extra entry":
        rezip(path, {**files, "README.txt": b"hi"})
    elif shape == "no signature":
        rezip(path, {CONTENT: files[CONTENT]})
    elif shape == "bzip2":
        rezip(path, files, zipfile.ZIP_BZIP2)
    else:
        path.write_bytes(b"PK\x03\x04 not really")
    err = refused(path, ca)
    if why is None:  # a zip of a receipt's structure, without the receipt's two entries
        assert (err.key, err.message()) == ("receipt.bad_form", t("receipt.bad_form"))
    else:  # the structure check names what it found
        assert err.message() == t("receipt.bad_form_because", detail=why)


def test_an_entry_over_the_limit_is_not_read(ca: Party, reviewer: Party, tmp_path: Path) -> None:
    files = entries(write_receipt(tmp_path / "p.zip", reviewer, content_for("b", "0" * 64, "918")))
    over = rezip(
        tmp_path / "over.zip", {CONTENT: b" " * (MAX_BYTES + 1), SIGNATURE: files[SIGNATURE]}
    )
    assert refused(over, ca).key == "receipt.bad_form"
    # exactly the limit is read (and then fails its signature, not its form)
    at = rezip(tmp_path / "at.zip", {CONTENT: b" " * MAX_BYTES, SIGNATURE: files[SIGNATURE]})
    with pytest.raises(UserError) as err:
        read(at, ca)
    assert err.value.key == "bundle.signature_mismatch"  # read whole, then checked


def test_a_receipt_from_another_unit_names_its_signer(ca: Party, tmp_path: Path) -> None:
    other = make_leaf(ca, "916", role="reviewer", officer="Người khác")
    path = write_receipt(tmp_path / "p.zip", other, content_for("b", "0" * 64, "918"))
    err = refused(path, ca)
    assert err.message() == t(
        "receipt.wrong_reviewer", signer="Người khác", agency="916", reviewer="SNV"
    )


def test_a_receipt_signed_tomorrow_says_when(ca: Party, reviewer: Party, tmp_path: Path) -> None:
    content = content_for("b", "0" * 64, "918")
    # a day ahead is a clock that drifts: taken
    read(write_receipt(tmp_path / "d.zip", reviewer, content, NOW + timedelta(days=1)), ca)
    when = NOW + timedelta(days=1, minutes=1)
    err = refused(write_receipt(tmp_path / "p.zip", reviewer, content, when), ca)
    assert err.message() == t("receipt.future", at=when.isoformat(timespec="minutes"))
    assert when.isoformat(timespec="minutes").endswith("+00:00")  # in UTC, whatever the PC's zone


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="no tzset on this system")
def test_the_signing_time_is_said_in_utc_on_a_pc_in_vietnam(
    ca: Party, reviewer: Party, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        when = NOW + timedelta(days=2)
        content = content_for("b", "0" * 64, "918")
        err = refused(write_receipt(tmp_path / "p.zip", reviewer, content, when), ca)
        assert err.message() == t("receipt.future", at=when.isoformat(timespec="minutes"))
        ok = read(write_receipt(tmp_path / "q.zip", reviewer, content), ca)
        assert ok.issued_at.utcoffset() == timedelta(0)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_stale_revocation_list_only_when_allowed(
    ca: Party, reviewer: Party, tmp_path: Path
) -> None:
    path = write_receipt(tmp_path / "p.zip", reviewer, content_for("b", "0" * 64, "918"))
    stale = make_crl(ca, last=timedelta(days=-60), next_=timedelta(days=-30))
    assert read(path, ca, stale, stale_crl_ok=True).signer.agency_code == "SNV"
    with pytest.raises(ReceiptError) as err:
        read(path, ca, stale)
    assert err.value.key == "receipt.untrusted_because"


def test_two_entries_over_the_limit_are_refused_by_their_total_unread(
    ca: Party, tmp_path: Path
) -> None:
    """The total the two entries declare is checked with the zip's structure, before either
    is inflated: one byte over twice the limit is said as such."""
    over = rezip(
        tmp_path / "o.zip", {CONTENT: b" " * (MAX_BYTES + 1), SIGNATURE: b" " * (MAX_BYTES + 1)}
    )
    err = refused(over, ca)
    said = t("verify.too_large", limit=2 * MAX_BYTES // 1024**2)
    assert (err.key, err.message()) == (
        "receipt.bad_form_because",
        t("receipt.bad_form_because", detail=said),
    )


def test_a_folder_or_a_path_below_a_file_is_said_so(ca: Party, tmp_path: Path) -> None:
    err = refused(tmp_path, ca)
    detail = t("verify.not_regular_file", path=tmp_path)
    assert err.message() == t("receipt.bad_form_because", detail=detail)
    (tmp_path / "a.zip").write_bytes(b"")
    below = tmp_path / "a.zip" / "p.zip"
    with pytest.raises(UserError) as e:
        read(below, ca)
    why = os.strerror(errno.ENOTDIR)
    assert e.value.message() == t("evidence.file_unreadable", path=below, detail=why)


def test_a_file_of_the_size_limit_is_read_and_one_byte_more_is_not(
    ca: Party, tmp_path: Path
) -> None:
    from cchc_tui.bundle.receipt import MAX_FILE

    at = tmp_path / "at.zip"
    at.write_bytes(b"PK\x03\x04" + bytes(MAX_FILE - 4))  # read: then no zip
    assert refused(at, ca).key == "receipt.bad_form_because"
    over = tmp_path / "over.zip"
    over.write_bytes(b"PK\x03\x04" + bytes(MAX_FILE - 3))
    err = refused(over, ca)
    assert (err.key, err.message()) == ("receipt.too_big", t("receipt.too_big", path=over))


def test_whatever_zipfile_raises_after_the_scan_is_a_bad_form(
    ca: Party, reviewer: Party, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fail closed: should zipfile refuse what the structural scan passed, the receipt is
    refused as not a receipt, never a crash."""
    from cchc_tui.bundle import receipt

    path = write_receipt(tmp_path / "p.zip", reviewer, content_for("b", "0" * 64, "918"))

    def broken(*_a: object, **_k: object) -> zipfile.ZipFile:
        raise zipfile.BadZipFile("hỏng")

    monkeypatch.setattr(receipt.zipfile, "ZipFile", broken)
    err = refused(path, ca)
    assert (err.key, err.message()) == ("receipt.bad_form", t("receipt.bad_form"))
