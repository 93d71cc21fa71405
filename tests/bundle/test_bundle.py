"""Bundles: build, verify, and hostile or broken input — each refused with a clear reason."""

from __future__ import annotations

import hashlib
import random
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import bagit
import pytest

from cchc_tui.bundle import bag, pki
from cchc_tui.bundle.verify import Report, verify_bundle
from tests.bundle_corpus import make_submission

CA_PASS = b"mat-khau-cua-CA"
P12_PASS = b"mat-khau-can-bo"
WHEN = datetime(2022, 9, 9, 8, 0, tzinfo=UTC)
NOW = datetime.now(UTC)  # certificates are issued now; bundles carry a 2022 timestamp
FRESH_NOW = True  # set again when the module runs (tests/bundle/conftest.py)
OPENSSL = shutil.which("openssl")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bundles")
    pki.init_ca(d / "ca", CA_PASS)
    pki.issue(
        d / "ca",
        CA_PASS,
        agency_code="918",
        agency_name="Quận Bình Thuỷ",
        officer="Trần Thị Thu Hương",
        p12_passphrase=P12_PASS,
        out=d / "huong.p12",
    )
    pki.issue(
        d / "ca",
        CA_PASS,
        agency_code="916",
        agency_name="Quận Ninh Kiều",
        officer="Lê Văn Nam",
        p12_passphrase=P12_PASS,
        out=d / "nam.p12",
    )
    pki.init_ca(d / "other-ca", CA_PASS)
    files = []
    for i, size in enumerate([10, 200_000, 1_500_000]):
        p = d / f"tlkc-{i}.pdf"
        p.write_bytes(b"%PDF-1.4 " + random.Random(i).randbytes(size))  # like real scans
        sha = hashlib.sha256(p.read_bytes()).hexdigest()
        files.append(bag.PayloadFile(f"data/evidence/{sha}.pdf", p, sha, p.stat().st_size))
    spec = make_spec(files, "918")
    key, cert, chain = pki.load_p12(d / "huong.p12", P12_PASS)
    (d / "out").mkdir()
    built = bag.build_bundle(spec, key, cert, chain, d / "out")
    key2, cert2, chain2 = pki.load_p12(d / "nam.p12", P12_PASS)
    (d / "out2").mkdir()
    foreign = bag.build_bundle(make_spec(files, "918"), key2, cert2, chain2, d / "out2")
    return {"dir": d, "bundle": built.path, "foreign": foreign.path}


def make_spec(files: list[bag.PayloadFile], agency: str) -> bag.BundleSpec:
    return bag.BundleSpec(
        agency_code=agency,
        agency_name="Quận Bình Thuỷ",
        officer="Trần Thị Thu Hương",
        plan_id="kh-260-2022",
        period="Q3",
        app_version="0.1.0",
        timestamp=WHEN,
        submission=make_submission(
            agency, items=[{"id": "hd3.1", "status": "dang_thuc_hien", "note": "Đã rà soát"}]
        ),
        audit=[{"action": "progress.set", "key": "kh-260-2022/hd3.1"}],
        files=files,
    )


def check(
    path: Path,
    world: dict[str, Path],
    *,
    ca: str = "ca",
    crl: bytes | None = None,
    now: datetime | None = None,
) -> Report:
    ca_pem = (world["dir"] / ca / pki.CA_CERT).read_bytes()
    return verify_bundle(path, ca_pem, crl, now or NOW)


def failed(report: Report) -> str:
    assert not report.ok
    return " ".join(c.detail for c in report.checks if not c.ok)


def test_a_good_bundle_passes_every_check(world: dict[str, Path]) -> None:
    report = check(world["bundle"], world)
    assert report.ok, report.checks
    assert [c.name for c in report.checks] == [
        "archive",
        "tags",
        "signature",
        "payload",
        "identifier",
        "submission",
        "role",
        "chain",
        "validity",
        "revocation",
        "agency",
    ]
    assert report.agency_code == "918" and report.period == "Q3"
    assert report.signer is not None and report.signer.officer == "Trần Thị Thu Hương"
    assert report.signing_time == WHEN
    assert report.sha256 == hashlib.sha256(world["bundle"].read_bytes()).hexdigest()


def test_same_data_same_timestamp_same_bytes(world: dict[str, Path], tmp_path: Path) -> None:
    d = world["dir"]
    key, cert, chain = pki.load_p12(d / "huong.p12", P12_PASS)
    with zipfile.ZipFile(world["bundle"]) as zf:
        names = [n for n in zf.namelist() if "/data/evidence/" in n]
    files = []
    for i in range(3):
        p = d / f"tlkc-{i}.pdf"
        sha = hashlib.sha256(p.read_bytes()).hexdigest()
        files.append(bag.PayloadFile(f"data/evidence/{sha}.pdf", p, sha, p.stat().st_size))
    again = bag.build_bundle(make_spec(files, "918"), key, cert, chain, tmp_path)
    assert again.path.read_bytes() == world["bundle"].read_bytes()
    assert len(names) == 3


def test_external_checks_bagit_and_openssl(world: dict[str, Path], tmp_path: Path) -> None:
    with zipfile.ZipFile(world["bundle"]) as zf:
        zf.extractall(tmp_path)
    (root,) = list(tmp_path.iterdir())
    assert bagit.Bag(str(root)).is_valid()
    if OPENSSL is None:
        pytest.skip("openssl is not installed on this machine")
    result = subprocess.run(
        [
            OPENSSL,
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            str(root / bag.SIGNATURE),
            "-content",
            str(root / bag.TAGMANIFEST),
            "-CAfile",
            str(world["dir"] / "ca" / pki.CA_CERT),
            "-purpose",
            "any",
            "-out",
            "/dev/null",
        ],
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr


def rewrite(src: Path, dst: Path, change: dict[str, bytes]) -> Path:
    """Copy a bundle, replacing the content of some entries (by name ending)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for zi in zin.infolist():
            data = zin.read(zi)
            for suffix, new in change.items():
                if zi.filename.endswith(suffix):
                    data = new
            zout.writestr(zi, data)
    return dst


def test_a_flipped_byte_in_any_file_is_found(world: dict[str, Path], tmp_path: Path) -> None:
    with zipfile.ZipFile(world["bundle"]) as zf:
        entries = {zi.filename: zf.read(zi) for zi in zf.infolist()}
    for name, data in entries.items():
        if not data:
            continue
        flipped = bytearray(data)
        flipped[len(flipped) // 2] ^= 0x01
        out = rewrite(world["bundle"], tmp_path / "x.zip", {name: bytes(flipped)})
        report = check(out, world)
        assert not report.ok, name


def hostile(tmp_path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    out = tmp_path / "hostile.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return out


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([("root/../../etc/passwd", b"x")], "không an toàn"),
        ([("/root/abs.txt", b"x")], "không an toàn"),
        ([("root\\win.txt", b"x")], "không an toàn"),
        ([("root/a.txt", b"x"), ("other/b.txt", b"y")], "đúng một thư mục gốc"),
        ([("root/bagit.txt", bag.BAGIT_TXT)], "thiếu tệp"),
    ],
)
def test_hostile_names(
    tmp_path: Path, world: dict[str, Path], entries: list[tuple[str, bytes]], expected: str
) -> None:
    assert expected in failed(check(hostile(tmp_path, entries), world))


def test_symlink_and_duplicate_entries(tmp_path: Path, world: dict[str, Path]) -> None:
    link = zipfile.ZipInfo("root/link")
    link.external_attr = 0o120777 << 16
    assert "không phải tệp thường" in failed(
        check(hostile(tmp_path, [(link, b"/etc/passwd")]), world)
    )
    with pytest.warns(UserWarning):
        out = hostile(tmp_path, [("root/a.txt", b"1"), ("root/a.txt", b"2")])
    assert "bị trùng" in failed(check(out, world))


def test_zip_bomb_and_many_entries(tmp_path: Path, world: dict[str, Path]) -> None:
    bomb = hostile(tmp_path, [("root/zeros.bin", b"\0" * (50 * 1024 * 1024))])
    assert bomb.stat().st_size < 200_000
    assert "bom nén" in failed(check(bomb, world))
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w", zipfile.ZIP_STORED) as zf:
        for i in range(100_000):
            zf.writestr(f"root/data/{i}", b"")
    assert "vượt giới hạn" in failed(check(many, world))


def test_truncated_and_not_a_zip(tmp_path: Path, world: dict[str, Path]) -> None:
    data = world["bundle"].read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: len(data) // 2])
    assert "không phải tệp zip" in failed(check(cut, world))
    assert "Không có tệp" in failed(check(tmp_path / "none.zip", world))


def test_trust_failures(world: dict[str, Path], tmp_path: Path) -> None:
    assert "không do CA tin cậy cấp" in failed(check(world["bundle"], world, ca="other-ca"))
    late = check(world["bundle"], world, now=NOW + timedelta(days=3 * 365))
    assert "không còn hiệu lực" in failed(late)
    early = check(world["bundle"], world, now=NOW - timedelta(days=1))
    assert "không còn hiệu lực" in failed(early)
    assert "cơ quan 916" in failed(check(world["foreign"], world))
    # revoked: a CRL naming the signer's serial
    d = world["dir"]
    _key, cert, _chain = pki.load_p12(d / "huong.p12", P12_PASS)
    ca_copy = tmp_path / "ca"
    shutil.copytree(d / "ca", ca_copy)
    pki.revoke(ca_copy, CA_PASS, cert.serial_number)
    pki.make_crl(ca_copy, CA_PASS, tmp_path / "crl.pem")
    crl = (tmp_path / "crl.pem").read_bytes()
    assert "đã bị thu hồi" in failed(check(world["bundle"], world, crl=crl))
    other_crl = tmp_path / "other-crl.pem"
    pki.make_crl(d / "other-ca", CA_PASS, other_crl)
    assert "CRL" in failed(check(world["bundle"], world, crl=other_crl.read_bytes()))


def test_an_evidence_file_changed_since_it_was_recorded_stops_the_export(
    world: dict[str, Path], tmp_path: Path
) -> None:
    d = world["dir"]
    p = tmp_path / "doi.pdf"
    p.write_bytes(b"original")
    sha = hashlib.sha256(b"original").hexdigest()
    p.write_bytes(b"changed!")
    key, cert, chain = pki.load_p12(d / "huong.p12", P12_PASS)
    spec = make_spec([bag.PayloadFile(f"data/evidence/{sha}.pdf", p, sha, 8)], "918")
    with pytest.raises(bag.BundleError) as err:
        bag.build_bundle(spec, key, cert, chain, tmp_path)
    assert err.value.key == "bundle.file_changed"
    assert [x.name for x in tmp_path.iterdir()] == ["doi.pdf"]  # nothing half-written


def test_bytes_are_streamed(world: dict[str, Path]) -> None:
    """The zip is written as a stream (data descriptors), so its hash needs no second read."""
    with zipfile.ZipFile(world["bundle"]) as zf:
        big = max(zf.infolist(), key=lambda zi: zi.file_size)
        assert big.flag_bits & 0x08


def test_bundles_on_a_stick_subfolders_included_hidden_files_not(tmp_path: Path) -> None:
    """One folder per agency is a common layout; macOS leaves "._" copies and ".Trashes" on FAT
    sticks. An agency's bundles come in the order they were made (their names end with it)."""
    from cchc_tui.services.importer import bundles_in

    names = {
        "918/cchc-918-kh-260-2022-Q3-20220912T010000Z.zip": b"PK",
        "918/cchc-918-kh-260-2022-Q3-20220909T010000Z.zip": b"PK",
        "916/cchc-916-kh-260-2022-Q3-20220908T010000Z.zip": b"PK",
        "918/._cchc-918-kh-260-2022-Q3-20220909T010000Z.zip": b"junk",
        ".Trashes/cchc-917-kh-260-2022-Q3-20220901T010000Z.zip": b"PK",
        "ghi-chu.txt": b"",
    }
    for name, data in names.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    assert [str(p.relative_to(tmp_path)) for p in bundles_in(tmp_path)] == [
        "916/cchc-916-kh-260-2022-Q3-20220908T010000Z.zip",
        "918/cchc-918-kh-260-2022-Q3-20220909T010000Z.zip",
        "918/cchc-918-kh-260-2022-Q3-20220912T010000Z.zip",
    ]
