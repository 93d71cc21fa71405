"""The offline PKI and detached CMS signatures, checked against openssl where it is present."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509

from cchc_tui.bundle import cms, pki
from tests.keypool import PRODUCTION_KDF_ROUNDS

CA_PASS = b"mat-khau-cua-CA"
P12_PASS = b"mat-khau-can-bo"
OPENSSL = shutil.which("openssl")


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pki") / "ca"
    pki.init_ca(folder, CA_PASS)
    return folder


@pytest.fixture(scope="module")
def officer(ca: Path) -> tuple[Path, pki.Identity]:
    out = ca.parent / "huong.p12"
    who = pki.issue(
        ca,
        CA_PASS,
        agency_code="918",
        agency_name="Quận Bình Thuỷ",
        officer="Trần Thị Thu Hương",
        p12_passphrase=P12_PASS,
        out=out,
    )
    return out, who


def openssl_verify(sig: Path, content: Path, ca_file: Path) -> int:
    return subprocess.run(
        [
            str(OPENSSL),
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            str(sig),
            "-content",
            str(content),
            "-CAfile",
            str(ca_file),
            "-purpose",
            "any",
            "-out",
            "/dev/null",
        ],
        capture_output=True,
    ).returncode


def test_ca_and_certificate(ca: Path, officer: tuple[Path, pki.Identity]) -> None:
    ca_cert = x509.load_pem_x509_certificate((ca / pki.CA_CERT).read_bytes())
    assert ca_cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert (ca / pki.CA_KEY).stat().st_mode & 0o077 == 0  # the CA key is private
    assert b"PRIVATE KEY" not in (ca / pki.CA_KEY).read_bytes()  # no clear PEM key
    p12, who = officer
    _key, cert, chain = pki.load_p12(p12, P12_PASS)
    assert (who.agency_code, who.agency_name, who.officer) == (
        "918",
        "Quận Bình Thuỷ",
        "Trần Thị Thu Hương",
    )
    cert.verify_directly_issued_by(ca_cert)
    assert chain[0] == ca_cert


def test_wrong_passphrases_and_existing_ca(ca: Path, officer: tuple[Path, pki.Identity]) -> None:
    with pytest.raises(pki.PkiError) as err:
        pki.load_p12(officer[0], b"sai-mat-khau")
    assert err.value.key == "pki.bad_passphrase"
    with pytest.raises(pki.PkiError) as err:
        pki.load_ca(ca, b"sai-mat-khau")
    assert err.value.key == "pki.bad_passphrase"
    with pytest.raises(pki.PkiError) as err:
        pki.init_ca(ca, CA_PASS)
    assert err.value.key == "pki.ca_exists"
    for weak in (b"ngan", b"11-ky-tu-ab", "mật khẩu ngắn".encode()[:14]):
        with pytest.raises(pki.PkiError) as err:
            pki.init_ca(ca.parent / "khac", weak)
        assert err.value.key == "pki.weak_passphrase"
    assert not (ca.parent / "khac" / pki.CA_KEY).exists()


@pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed on this machine")
def test_keys_use_a_strong_kdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CA key and an officer's PKCS#12: PBES2, AES-256, PBKDF2 with 600,000 iterations —
    as openssl reads them (made with the product's own count, not the tests' fast one)."""
    assert PRODUCTION_KDF_ROUNDS == 600_000
    monkeypatch.setattr(pki, "KDF_ROUNDS", PRODUCTION_KDF_ROUNDS)
    ca = tmp_path / "ca"
    pki.init_ca(ca, CA_PASS)
    p12 = tmp_path / "can-bo.p12"
    pki.issue(
        ca,
        CA_PASS,
        agency_code="918",
        agency_name="Quận Bình Thuỷ",
        officer="Trần Thị Thu Hương",
        p12_passphrase=P12_PASS,
        out=p12,
    )
    for path, passphrase in ((ca / pki.CA_KEY, CA_PASS), (p12, P12_PASS)):
        info = subprocess.run(
            [str(OPENSSL), "pkcs12", "-info", "-noout", "-in", str(path), "-passin", "stdin"],
            input=passphrase,
            capture_output=True,
        )
        assert info.returncode == 0, info.stderr
        text = info.stderr.decode()
        assert "PBKDF2, AES-256-CBC, Iteration 600000" in text, text


def test_revocation_list(ca: Path, officer: tuple[Path, pki.Identity]) -> None:
    _p12, who = officer
    crl_path = ca.parent / "crl.pem"
    assert pki.make_crl(ca, CA_PASS, crl_path) == 0
    pki.revoke(ca, CA_PASS, who.serial)
    assert pki.make_crl(ca, CA_PASS, crl_path) == 1
    crl = x509.load_pem_x509_crl(crl_path.read_bytes())
    ca_cert = x509.load_pem_x509_certificate((ca / pki.CA_CERT).read_bytes())
    assert crl.is_signature_valid(ca_cert.public_key())
    assert crl.get_revoked_certificate_by_serial_number(who.serial) is not None
    with pytest.raises(pki.PkiError):
        pki.revoke(ca, CA_PASS, 12345)


def test_signature_is_deterministic_and_verifies(
    tmp_path: Path, ca: Path, officer: tuple[Path, pki.Identity]
) -> None:
    key, cert, chain = pki.load_p12(officer[0], P12_PASS)
    content = "tagmanifest: Bình Thủy\n".encode()
    when = datetime(2022, 12, 9, 8, 30, tzinfo=UTC)
    sig = cms.sign_detached(content, key, cert, chain, when)
    assert sig == cms.sign_detached(content, key, cert, chain, when)
    signed = cms.verify_detached(sig, content)
    assert signed.signer == cert and signed.signing_time == when
    with pytest.raises(cms.SignatureError) as err:
        cms.verify_detached(sig, content + b" ")
    assert err.value.key == "bundle.signature_mismatch"
    with pytest.raises(cms.SignatureError) as err:
        cms.verify_detached(b"not a signature", content)
    assert err.value.key == "bundle.bad_signature_file"
    flipped = bytearray(sig)
    flipped[-10] ^= 0x01  # inside the RSA signature value
    with pytest.raises(cms.SignatureError):
        cms.verify_detached(bytes(flipped), content)


@pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed on this machine")
def test_openssl_accepts_ours_and_refuses_tampering(
    tmp_path: Path, ca: Path, officer: tuple[Path, pki.Identity]
) -> None:
    key, cert, chain = pki.load_p12(officer[0], P12_PASS)
    content = tmp_path / "tagmanifest-sha256.txt"
    content.write_bytes(b"abc  bagit.txt\n")
    sig = tmp_path / "tagmanifest-sha256.txt.p7s"
    sig.write_bytes(
        cms.sign_detached(content.read_bytes(), key, cert, chain, datetime(2022, 12, 9, tzinfo=UTC))
    )
    assert openssl_verify(sig, content, ca / pki.CA_CERT) == 0
    content.write_bytes(b"abd  bagit.txt\n")
    assert openssl_verify(sig, content, ca / pki.CA_CERT) != 0
    other = tmp_path / "other-ca"
    pki.init_ca(other, CA_PASS)
    content.write_bytes(b"abc  bagit.txt\n")
    assert openssl_verify(sig, content, other / pki.CA_CERT) != 0


@pytest.mark.parametrize(
    "typed", ["1f2a", "1F2A", "0x1f2a", "0X1F2A", "1f:2a", "1F:2A", " 0x1f:2a \n"]
)
def test_a_serial_is_read_as_openssl_and_windows_print_it(typed: str) -> None:
    assert pki.parse_serial(typed) == 0x1F2A


@pytest.mark.parametrize("typed", ["", "xyz", "1f;2a", "số 12"])
def test_a_serial_that_is_not_hex_is_refused_naming_it(typed: str) -> None:
    with pytest.raises(pki.PkiError) as err:
        pki.parse_serial(typed)
    assert err.value.key == "pki.bad_serial" and err.value.params == {"serial": typed}
