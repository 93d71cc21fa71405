"""`cchc verify`, refusal by refusal, each compared whole: the step that refused, that it
failed, and the sentence with every name in it (a test that only asks "was it refused?" cannot
tell a refusal naming the wrong entry, or "None", from the right one). Broken archives are
made here entry by entry; bags that get as far as their signature are genuine bundles changed
and signed again with the officer's genuine key (tests/bundle_corpus.py), so only the rule
under test can refuse them. The genuine bundle's report is compared whole too."""

from __future__ import annotations

import errno
import hashlib
import os
import struct
import zipfile
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cchc_tui.bundle import bag, pki, verify
from cchc_tui.bundle.cms import verify_detached
from cchc_tui.bundle.verify import RATIO_FLOOR, Check, Refused, Report, verify_bundle
from cchc_tui.core.dates import format_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.text import escape_controls
from tests.bundle import test_trust as trust_kit
from tests.bundle_corpus import (
    CA_PASS,
    WHEN,
    Kit,
    declare_size,
    entries_of,
    forge,
    genuine_doc,
    make_bundle,
    make_kit,
)

NOW = datetime.now(UTC)  # the certificates are issued now; the bundles carry a 2022 time
FRESH_NOW = True  # set again when the module runs (tests/bundle/conftest.py)
ID = bag.bundle_id_for("918", "kh-260-2022", "Q3", WHEN)
PDF = b"%PDF-1.4 quyet dinh so hoa\n" * 40
PDF_NAME = f"data/evidence/{hashlib.sha256(PDF).hexdigest()}.pdf"
BAGIT = bag.BAGIT_TXT
FIVE = ("bagit.txt", "bag-info.txt", bag.MANIFEST, bag.TAGMANIFEST, bag.SIGNATURE)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("refusals"), ("918", "916"))


@pytest.fixture(scope="module")
def genuine(kit: Kit) -> Path:
    pdf = kit.folder / "qd.pdf"
    pdf.write_bytes(PDF)
    return make_bundle(kit, "918", kit.folder / "out", evidence_file=pdf)


@pytest.fixture(scope="module")
def crl(kit: Kit) -> bytes:
    out = kit.folder / "ca.crl"
    pki.make_crl(kit.folder / "ca", CA_PASS, out)
    return out.read_bytes()


def check(kit: Kit, path: Path, crl: bytes | None = None) -> Report:
    return verify_bundle(path, kit.ca_pem, crl, NOW)


def last(report: Report) -> tuple[str, bool, str]:
    c = report.checks[-1]
    return c.name, c.ok, c.detail


def refused_at_once(report: Report) -> str:
    """The detail of an archive refused before any check passed."""
    assert [(c.name, c.ok) for c in report.checks] == [("refused", False)], report.checks
    return report.checks[0].detail


def write_zip(path: Path, entries: dict[str, bytes], *, deflate: bool = True) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zi = zipfile.ZipInfo(name, date_time=(2022, 9, 9, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
            zi.external_attr = 0o100644 << 16
            zf.writestr(zi, data)
    return path


def five(root: str = "r", **over: bytes) -> dict[str, bytes]:
    """The five files of a bag (contents beside the point unless given), below ``root``."""
    files = {name: b"x\n" for name in FIVE} | {"bagit.txt": BAGIT}
    files.update({k.replace("_", "-").replace("-txt", ".txt"): v for k, v in over.items()})
    return {f"{root}/{name}": data for name, data in files.items()}


def rezip(
    genuine: Path,
    out: Path,
    *,
    replace: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
) -> Path:
    """The genuine bundle's entries (below its root), some replaced, added or dropped, not
    signed again."""
    root, files = entries_of(genuine)
    files = {n: d for n, d in files.items() if n not in drop} | (replace or {})
    return write_zip(out, {f"{root}/{n}": d for n, d in files.items()})


def forged(kit: Kit, genuine: Path, out: Path, signer: str = "918", **changes: Any) -> Path:
    officer = kit.officers[signer]
    return forge(genuine, out, officer.key, officer.cert, officer.chain, when=WHEN, **changes)


# -- the genuine bundle, whole ------------------------------------------------------------


def test_the_genuine_bundle_is_reported_step_by_step(kit: Kit, genuine: Path, crl: bytes) -> None:
    report = check(kit, genuine, crl)
    _root, files = entries_of(genuine)
    payload = [n for n in files if n.startswith("data/")]
    cert = kit.officers["918"].cert
    assert [(c.name, c.ok, c.detail, c.warning) for c in report.checks] == [
        ("archive", True, t("verify.ok_archive", count=len(files)), False),
        ("tags", True, t("verify.ok_tags", count=3), False),
        ("signature", True, t("verify.ok_signature", officer="Cán bộ 918"), False),
        ("payload", True, t("verify.ok_payload", count=len(payload)), False),
        ("identifier", True, t("verify.ok_identifier", id=ID), False),
        ("submission", True, t("verify.ok_submission", version=1, items=2, evidence=1), False),
        ("role", True, t("trust.role.officer"), False),
        ("chain", True, t("verify.ok_chain"), False),
        (
            "validity",
            True,
            t("verify.ok_validity", until=format_date(cert.not_valid_after_utc.date())),
            False,
        ),
        ("revocation", True, t("verify.ok_revocation"), False),
        ("agency", True, t("verify.ok_agency", agency="Quận Bình Thuỷ"), False),
    ]
    assert report.ok and report.warnings == []
    assert (report.bundle_id, report.agency_code, report.plan, report.period) == (
        ID,
        "918",
        "kh-260-2022",
        "Q3",
    )
    assert (report.supersedes, report.supersedes_sha256) == ("", "")
    assert report.sha256 == hashlib.sha256(genuine.read_bytes()).hexdigest()


def test_without_a_revocation_list_the_report_says_so_and_warns(kit: Kit, genuine: Path) -> None:
    report = check(kit, genuine)
    assert Check("revocation", True, t("trust.unchecked"), True) in report.checks
    assert report.ok and report.warnings == [t("trust.unchecked")]


def test_without_a_ca_the_chain_is_not_trusted(kit: Kit, genuine: Path) -> None:
    report = verify_bundle(genuine, None, None, NOW)
    assert last(report) == ("chain", False, t("verify.no_ca"))
    assert [c.name for c in report.checks if c.ok] == [
        "archive", "tags", "signature", "payload", "identifier", "submission"
    ]  # fmt: skip


def test_a_bundle_signed_by_another_agencys_officer(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    report = check(kit, forged(kit, genuine, tmp_path / "x.zip", signer="916"))
    assert last(report) == ("agency", False, t("verify.other_agency", cert="916", bag="918"))


def test_a_path_through_an_intermediate_ca_is_counted_and_its_revocation_not_checked(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    """A real CA's root allowing one intermediate: the chain says its depth; the leaf's own
    revocation is in the intermediate's list, which the receiver does not hold; a revoked
    intermediate is named as such (not as the signer)."""
    root = trust_kit.make_ca("Root CA", path_length=1)
    inter = trust_kit.make_ca("Intermediate CA", issuer=root, path_length=0)
    leaf = trust_kit.make_leaf(inter, "918")
    path = forge(genuine, tmp_path / "deep.zip", leaf.key, leaf.cert, [inter.cert], when=WHEN)
    report = verify_bundle(path, trust_kit.pem(root.cert), trust_kit.make_crl(root), NOW)
    assert Check("chain", True, t("verify.ok_chain") + " (2)") in report.checks
    assert Check("revocation", True, t("trust.unchecked_leaf"), True) in report.checks
    assert report.ok and report.warnings == [t("trust.unchecked_leaf")]
    revoked = trust_kit.make_crl(root, [inter.cert])
    report = verify_bundle(path, trust_kit.pem(root.cert), revoked, NOW)
    when = format_date((trust_kit.NOW - timedelta(hours=2)).date())
    assert last(report) == ("revocation", False, t("trust.issuer_revoked", when=when))


def test_a_stale_list_is_one_warning_beside_the_revocation_sentence(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    ca = trust_kit.make_ca(days=(-1, 3650))
    leaf = trust_kit.make_leaf(ca, "918", days=(-1, 3650))
    path = forge(genuine, tmp_path / "stale.zip", leaf.key, leaf.cert, [], when=WHEN)
    stale = trust_kit.make_crl(ca, next_=timedelta(days=1))
    later = trust_kit.NOW + timedelta(days=2)
    report = verify_bundle(path, trust_kit.pem(ca.cert), stale, later)
    next_update = format_date((trust_kit.NOW + timedelta(days=1)).date())
    warning = t("trust.crl_stale_warning", date=next_update)
    said = [(c.detail, c.warning) for c in report.checks if c.name == "revocation"]
    assert said == [(t("verify.ok_revocation"), False), (warning, True)]
    assert report.ok and report.warnings == [warning]


# -- files that are no bundle -------------------------------------------------------------


def test_a_missing_file(kit: Kit, tmp_path: Path) -> None:
    path = tmp_path / "không có.zip"
    assert refused_at_once(check(kit, path)) == t("verify.missing", path=path)


def test_a_path_below_a_file(kit: Kit, tmp_path: Path) -> None:
    (tmp_path / "a.zip").write_bytes(b"")
    path = tmp_path / "a.zip" / "b.zip"
    said = t("verify.not_zip", path=path, detail=os.strerror(errno.ENOTDIR))
    assert refused_at_once(check(kit, path)) == said


def test_a_folder(kit: Kit, tmp_path: Path) -> None:
    assert refused_at_once(check(kit, tmp_path)) == t("verify.not_regular_file", path=tmp_path)


def test_a_cut_zip(kit: Kit, tmp_path: Path) -> None:
    path = tmp_path / "cut.zip"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    said = t("verify.not_zip", path=path, detail=t("verify.no_end"))
    assert refused_at_once(check(kit, path)) == said


# -- archive safety -------------------------------------------------------------------------

UNSAFE = ["r/../x", "/r/x", "r/./x", "r//x", "r/x/", "C:/r/x", "r\\x", "r/a\x00b"]
NUL = "r/a\x00b"  # zipfile cuts a name at NUL when writing: written as r/aXb and patched


@pytest.mark.parametrize("name", UNSAFE)
def test_an_unsafe_name(kit: Kit, tmp_path: Path, name: str) -> None:
    """Each refused by name, before anything else: "r/./x" and "r//x" would otherwise be read
    as "r/x", beside the entry of that name that was checked."""
    path = write_zip(tmp_path / "n.zip", {"r/bagit.txt": BAGIT, name.replace("\x00", "X"): b"x"})
    if name == NUL:
        path.write_bytes(path.read_bytes().replace(b"r/aXb", b"r/a\x00b"))
    shown = escape_controls(name)
    assert refused_at_once(check(kit, path)) == t("verify.unsafe_name", name=shown)


def test_a_name_twice(kit: Kit, tmp_path: Path) -> None:
    with pytest.warns(UserWarning):
        path = write_zip(tmp_path / "d.zip", {"r/a": b"1"})
        with zipfile.ZipFile(path, "a") as zf:
            zf.writestr("r/a", b"2")
    assert refused_at_once(check(kit, path)) == t("verify.duplicate", name="r/a")


def test_a_compression_ratio_over_100_above_a_mebibyte(kit: Kit, tmp_path: Path) -> None:
    bomb = write_zip(tmp_path / "b.zip", {"r/data/zeros": bytes(RATIO_FLOOR + 1)})
    assert refused_at_once(check(kit, bomb)) == t("verify.ratio", name="r/data/zeros")
    # at the floor itself the ratio is not asked: the next rule speaks
    floor = write_zip(tmp_path / "f.zip", {"r/data/zeros": bytes(RATIO_FLOOR)})
    said = refused_at_once(check(kit, floor))
    assert said == t("verify.bad_entry_name", name="r/data/zeros")


def test_two_root_folders(kit: Kit, tmp_path: Path) -> None:
    path = write_zip(tmp_path / "r.zip", {"a/bagit.txt": BAGIT, "b/bagit.txt": BAGIT})
    assert refused_at_once(check(kit, path)) == t("verify.roots", count=2)


def test_a_file_no_bag_has(kit: Kit, tmp_path: Path) -> None:
    path = write_zip(tmp_path / "o.zip", {"r/bagit.txt": BAGIT, "r/ghi-chu.txt": b"x"})
    assert refused_at_once(check(kit, path)) == t("verify.bad_entry_name", name="r/ghi-chu.txt")


@pytest.mark.parametrize("missing", FIVE)
def test_each_file_of_the_bag_is_required(kit: Kit, tmp_path: Path, missing: str) -> None:
    files = {n: d for n, d in five().items() if n != f"r/{missing}"}
    report = check(kit, write_zip(tmp_path / "m.zip", files))
    assert report.checks == [
        Check("archive", True, t("verify.ok_archive", count=4)),
        Check("refused", False, t("verify.missing_file", name=missing)),
    ]


def test_a_bagit_declaration_of_another_version(kit: Kit, tmp_path: Path) -> None:
    other = b"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"
    report = check(kit, write_zip(tmp_path / "v.zip", five(bagit_txt=other)))
    assert last(report) == ("refused", False, t("verify.bad_bagit"))


@pytest.mark.parametrize("line", [1, 2])
def test_a_tag_manifest_line_without_a_digest(kit: Kit, tmp_path: Path, line: int) -> None:
    good = f"{'0' * 64}  bagit.txt\n"
    text = (good if line == 2 else "") + "không phải dòng băm\n"
    files = five() | {f"r/{bag.TAGMANIFEST}": text.encode()}
    report = check(kit, write_zip(tmp_path / "l.zip", files))
    said = t("verify.bad_manifest_line", file=bag.TAGMANIFEST, line=line)
    assert last(report) == ("refused", False, said)


HIDDEN = BAGIT + b"Ghi-Chu: an sau kich thuoc khai bao\n"
STREAMS = {
    # the CRC-32 of the declared part: zipfile alone reads those bytes and passes them
    "longer, the CRC of the declared part": (HIDDEN, len(BAGIT), zlib.crc32(BAGIT), "damaged"),
    # the CRC-32 of one byte more: read one byte over, the CRC holds, the length does not
    "longer, the CRC of one byte more": (
        HIDDEN,
        len(BAGIT),
        zlib.crc32(HIDDEN[: len(BAGIT) + 1]),
        "too_long",
    ),
    # a stream that ends early, with its own CRC-32: zipfile alone stops without a word
    "shorter": (BAGIT, len(BAGIT) + 6, zlib.crc32(BAGIT), "damaged"),
}


@pytest.mark.parametrize("case", STREAMS)
def test_an_entry_whose_stream_is_not_the_size_it_declares(
    kit: Kit, tmp_path: Path, case: str
) -> None:
    """bagit.txt, whose stream inflates to more or fewer bytes than its headers declare, is
    refused (another zip tool would extract something else than what was checked)."""
    stream, size, crc, said = STREAMS[case]
    path = write_zip(tmp_path / "s.zip", five(bagit_txt=stream))
    path.write_bytes(declare_size(path.read_bytes(), b"r/bagit.txt", size, crc))
    report = check(kit, path)
    key = "verify.too_long" if said == "too_long" else "verify.entry_damaged"
    assert last(report) == ("refused", False, t(key, name="r/bagit.txt"))


# -- the bag's checksums and signature -------------------------------------------------------


def test_a_tag_file_changed_after_signing(kit: Kit, genuine: Path, tmp_path: Path) -> None:
    _root, files = entries_of(genuine)
    changed = files["bag-info.txt"] + b"Ghi-Chu: them sau khi ky\n"
    report = check(kit, rezip(genuine, tmp_path / "t.zip", replace={"bag-info.txt": changed}))
    assert [c.name for c in report.checks] == ["archive", "tags"]
    assert last(report) == ("tags", False, t("verify.changed", name="bag-info.txt"))


def test_a_signature_file_that_is_no_signature(kit: Kit, genuine: Path, tmp_path: Path) -> None:
    _root, files = entries_of(genuine)
    with pytest.raises(UserError) as said:
        verify_detached(b"khong phai chu ky", files[bag.TAGMANIFEST])
    path = rezip(genuine, tmp_path / "s.zip", replace={bag.SIGNATURE: b"khong phai chu ky"})
    report = check(kit, path)
    assert [c.name for c in report.checks] == ["archive", "tags", "signature"]
    assert last(report) == ("signature", False, said.value.message())
    assert said.value.key == "bundle.bad_signature_file"


def test_payload_files_the_manifest_does_not_list(kit: Kit, genuine: Path, tmp_path: Path) -> None:
    """The first, in name order, of those added after signing; then of those listed and gone."""
    added = {f"data/evidence/{c * 64}.pdf": b"them" for c in "ba"}
    report = check(kit, rezip(genuine, tmp_path / "u.zip", replace=added))
    first = f"data/evidence/{'a' * 64}.pdf"
    assert last(report) == ("payload", False, t("verify.unlisted", name=first))
    report = check(kit, rezip(genuine, tmp_path / "g.zip", drop=(PDF_NAME,)))
    assert last(report) == ("payload", False, t("verify.unlisted", name=PDF_NAME))


def test_a_payload_file_changed_after_signing(kit: Kit, genuine: Path, tmp_path: Path) -> None:
    path = rezip(genuine, tmp_path / "c.zip", replace={PDF_NAME: PDF + b"sua"})
    report = check(kit, path)
    assert [c.name for c in report.checks] == ["archive", "tags", "signature", "payload"]
    assert last(report) == ("payload", False, t("verify.changed", name=PDF_NAME))


def test_an_evidence_file_named_by_another_hash(kit: Kit, genuine: Path, tmp_path: Path) -> None:
    wrong = f"data/evidence/{'c' * 64}.pdf"
    path = forged(kit, genuine, tmp_path / "e.zip", files={PDF_NAME: None, wrong: PDF})
    assert last(check(kit, path)) == ("payload", False, t("verify.evidence_hash", name=wrong))


def test_payload_oxum_that_does_not_count_the_payload(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    path = forged(kit, genuine, tmp_path / "o.zip", info={"Payload-Oxum": "1.1"})
    assert last(check(kit, path)) == ("payload", False, t("verify.oxum"))


# -- the bag's identity and its submission ---------------------------------------------------

OTHER = "0f0e0d0c-0b0a-5908-8706-050403020100"
LABELS: dict[str, tuple[dict[str, str | None], str, str]] = {  # a label missing: named empty
    "no agency code": ({"CCHC-Agency-Code": None}, "CCHC-Agency-Code", ""),
    "a plan id of 100 letters, shown cut at 80": ({"CCHC-Plan": "x" * 100}, "CCHC-Plan", "x" * 80),
    "a timestamp not in UTC": (
        {"CCHC-Timestamp": "2022-09-09T15:00:00+07:00"},
        "CCHC-Timestamp",
        "2022-09-09T15:00:00+07:00",
    ),
    "a predecessor's hash that is none": (
        {"CCHC-Supersedes": OTHER, "CCHC-Supersedes-SHA256": "zz"},
        "CCHC-Supersedes-SHA256",
        "zz",
    ),
    "no plan": ({"CCHC-Plan": None}, "CCHC-Plan", ""),
    "no period": ({"CCHC-Period": None}, "CCHC-Period", ""),
    "no timestamp": ({"CCHC-Timestamp": None}, "CCHC-Timestamp", ""),
    "a predecessor without its hash": ({"CCHC-Supersedes": OTHER}, "CCHC-Supersedes-SHA256", ""),
    "a hash without its predecessor": (
        {"CCHC-Supersedes-SHA256": "ab" * 32},
        "CCHC-Supersedes",
        "",
    ),
    "a predecessor of 100 letters": (
        {"CCHC-Supersedes": "u" * 100, "CCHC-Supersedes-SHA256": "ab" * 32},
        "CCHC-Supersedes",
        "u" * 80,
    ),
    "a hash of 100 letters": (
        {"CCHC-Supersedes": OTHER, "CCHC-Supersedes-SHA256": "f" * 100},
        "CCHC-Supersedes-SHA256",
        "f" * 80,
    ),
}


@pytest.mark.parametrize("case", LABELS)
def test_a_bag_info_label_of_the_wrong_form(
    kit: Kit, genuine: Path, tmp_path: Path, case: str
) -> None:
    info, label, value = LABELS[case]
    report = check(kit, forged(kit, genuine, tmp_path / "i.zip", info=info))
    assert last(report) == ("identifier", False, t("verify.bad_label", label=label, value=value))


def test_a_bag_without_its_submission(kit: Kit, genuine: Path, tmp_path: Path) -> None:
    path = forged(kit, genuine, tmp_path / "s.zip", files={"data/submission.json": None})
    said = t("verify.missing_file", name="data/submission.json")
    assert last(check(kit, path)) == ("submission", False, said)


def test_a_submission_of_another_agency_than_the_bag(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    doc = genuine_doc("916", kit.folder / "qd.pdf")
    report = check(kit, forged(kit, genuine, tmp_path / "a.zip", submission=doc))
    said = t("verify.submission_mismatch", label="agency.code", value="916", expected="918")
    assert last(report) == ("submission", False, said)


def test_a_signed_bag_info_that_is_not_utf8_is_damage_not_a_crash(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    _root, files = entries_of(genuine)
    latin = (
        files["bag-info.txt"] + b"Ghi-Ch\xfa: B\xecnh Thu\xfd\n"
    )  # Latin-1, as Notepad once saved
    path = forged(kit, genuine, tmp_path / "b.zip", tag_files={"bag-info.txt": latin})
    with pytest.raises(UnicodeDecodeError):
        latin.decode("utf-8")
    said = "Hồ sơ bị hỏng hoặc bị sửa (đọc nội dung thất bại): có văn bản không đọc được (không "
    assert last(check(kit, path)) == ("refused", False, said + "phải UTF-8)")


def test_whatever_else_goes_wrong_is_one_refusal_naming_it(
    kit: Kit, genuine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fail closed: an error nobody foresaw refuses the bundle with its name, never passes."""

    def broken(_text: str) -> dict[str, str]:
        raise RuntimeError("hỏng")

    monkeypatch.setattr(verify, "_bag_info", broken)
    said = t("verify.damaged", detail="RuntimeError: hỏng")
    assert last(check(kit, genuine)) == ("refused", False, said)


# -- the helpers, on their own ---------------------------------------------------------------


def test_manifest_lines_split_at_the_first_two_spaces_and_paths_decoded() -> None:
    digest = "ab" * 32
    text = f"{digest}  data/a  b\n{digest}  data/c%0Ad%0De%25f%0a\n"
    assert verify._parse_manifest(text, "manifest-sha256.txt") == {
        "data/a  b": digest,
        "data/c\nd\re%f%0a": digest,  # RFC 8493 §2.1.3: %0A, %0D and %25 only, upper case
    }
    with pytest.raises(Refused) as e:
        verify._parse_manifest(f"{digest}  ok\n{digest} one-space\n", "manifest-sha256.txt")
    assert str(e.value) == t("verify.bad_manifest_line", file="manifest-sha256.txt", line=2)


def test_a_small_file_is_read_up_to_its_limit_and_not_a_byte_over(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "s.zip", {"r/a": b"12345"})
    with zipfile.ZipFile(path) as zf:
        zi = zf.getinfo("r/a")
        assert verify._read_small(zf, zi, limit=5) == b"12345"
        with pytest.raises(Refused) as e:
            verify._read_small(zf, zi, limit=4)
    assert str(e.value) == t("verify.too_big", name="r/a")


# -- edges the full mutation run found unguarded ---------------------------------------------


def test_a_root_folder_of_100_letters_is_shown_cut_at_80(
    kit: Kit, genuine: Path, tmp_path: Path
) -> None:
    root = "r" * 100
    report = check(kit, forged(kit, genuine, tmp_path / "r.zip", root=root))
    said = t("verify.root_not_id", root="r" * 80, value=ID)
    assert last(report) == ("identifier", False, said)


def test_a_bag_info_label_twice_is_named_cut_at_80() -> None:
    label = "L" * 100
    with pytest.raises(Refused) as e:
        verify._bag_info(f"{label}: 1\nA: 2\n{label}: 3\n")
    assert str(e.value) == t("verify.bag_info_repeated", label="L" * 80)


def test_a_repeated_json_key_is_the_one_named_cut_at_100() -> None:
    assert verify._repeated_key(b'{"a": 1, "b": 2, "b": 3}') == "b"
    assert verify._repeated_key(b'{"a": {"c": 1}, "d": [1]}') == ""


def test_manifest_lines_with_a_bad_digest_or_a_path_twice() -> None:
    digest = "ab" * 32
    with pytest.raises(Refused) as e:
        verify._parse_manifest(f"{digest}  a\n{'zz' * 32}  b\n", "m")
    assert str(e.value) == t("verify.bad_manifest_line", file="m", line=2)
    with pytest.raises(Refused) as e:
        verify._parse_manifest(f"{digest}  data/x\n{digest}  data/y\n{digest}  data/x\n", "m")
    assert str(e.value) == t("verify.duplicate", name="data/x")


def test_a_small_file_over_one_chunk_is_read_whole(tmp_path: Path) -> None:
    data = os.urandom(1024 * 1024 + 10)
    path = write_zip(tmp_path / "big.zip", {"r/a": data})
    with zipfile.ZipFile(path) as zf:
        assert verify._read_small(zf, zf.getinfo("r/a")) == data


def test_a_name_twice_is_the_one_named(kit: Kit, tmp_path: Path) -> None:
    with pytest.warns(UserWarning):
        path = write_zip(tmp_path / "d.zip", {"r/a": b"1", "r/b": b"2"})
        with zipfile.ZipFile(path, "a") as zf:
            zf.writestr("r/b", b"3")
    assert refused_at_once(check(kit, path)) == t("verify.duplicate", name="r/b")


def test_a_lower_case_drive_letter(kit: Kit, tmp_path: Path) -> None:
    path = write_zip(tmp_path / "c.zip", {"r/bagit.txt": BAGIT, "c:/r/x": b"x"})
    assert refused_at_once(check(kit, path)) == t("verify.unsafe_name", name="c:/r/x")


def test_a_compression_ratio_of_exactly_100_passes_that_rule(kit: Kit, tmp_path: Path) -> None:
    """An entry of 100 × its compressed size (its deflate stream padded to that length) is not
    refused by the ratio rule; one byte more compressed… is refused by the next rule instead."""
    size = RATIO_FLOOR + 1000 - (RATIO_FLOOR + 1000) % 100
    path = write_zip(tmp_path / "e.zip", {"r/data/zeros": bytes(size)})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        zi = zf.getinfo("r/data/zeros")
    start = zi.header_offset + 30 + len(zi.filename) + len(zi.extra)
    pad = size // 100 - zi.compress_size
    assert pad > 0
    data[start + zi.compress_size : start + zi.compress_size] = bytes(pad)
    struct.pack_into("<I", data, zi.header_offset + 18, size // 100)
    cd = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 20, size // 100)
    end = len(data) - 22
    struct.pack_into("<I", data, end + 16, cd)  # the directory moved by the padding
    path.write_bytes(bytes(data))
    said = refused_at_once(check(kit, path))
    assert said == t("verify.bad_entry_name", name="r/data/zeros")


def test_a_tag_manifest_that_is_not_utf8_is_read_with_replacement_characters(
    kit: Kit, tmp_path: Path
) -> None:
    """Its undecodable bytes become U+FFFD, so the listed names are compared and the refusal
    names what is missing (not a decoding error)."""
    text = f"{'0' * 64}  bagit\xff.txt\n".encode("latin-1")
    files = five() | {f"r/{bag.TAGMANIFEST}": text}
    report = check(kit, write_zip(tmp_path / "t.zip", files))
    assert last(report) == ("refused", False, t("verify.tag_list", name="bag-info.txt"))
