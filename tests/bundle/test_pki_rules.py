"""What the offline PKI writes, field by field: the CA certificate (names, validity, a CA that
signs certificates and CRLs and nothing else, no CA under it), an officer's certificate (who,
for how long, signing only, its role, its issuer), the register of what was issued, and the
messages of its refusals. A verifier elsewhere (openssl, a real CA's tools) reads exactly these."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

from cchc_tui.bundle import pki
from cchc_tui.core.errors import UserError

CA_PASS = b"mat-khau-cua-CA"
P12_PASS = b"mat-khau-can-bo"


def names(name: x509.Name) -> list[tuple[str, str]]:
    return [(a.oid.dotted_string, str(a.value)) for a in name]


def issued(tmp_path: Path, out: str, **fields: object) -> tuple[pki.Identity, x509.Certificate]:
    """A certificate issued by the CA in ``tmp_path``/ca, and what pki.issue says it issued."""
    who = pki.issue(tmp_path / "ca", CA_PASS, p12_passphrase=P12_PASS, out=tmp_path / out, **fields)  # type: ignore[arg-type]
    _key, cert, _chain = pki.load_p12(tmp_path / out, P12_PASS)
    return who, cert


def usage(cert: x509.Certificate) -> dict[str, bool]:
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert ku.critical
    v = ku.value
    return {
        "digital_signature": v.digital_signature,
        "content_commitment": v.content_commitment,
        "key_encipherment": v.key_encipherment,
        "data_encipherment": v.data_encipherment,
        "key_agreement": v.key_agreement,
        "key_cert_sign": v.key_cert_sign,
        "crl_sign": v.crl_sign,
    }


def test_the_ca_certificate_field_by_field(tmp_path: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    cert = pki.init_ca(tmp_path / "ca", CA_PASS, days=100)
    after = datetime.now(UTC)
    assert names(cert.subject) == [
        (NameOID.COUNTRY_NAME.dotted_string, "VN"),
        (NameOID.ORGANIZATION_NAME.dotted_string, "UBND thành phố Cần Thơ"),
        (NameOID.COMMON_NAME.dotted_string, "Sở Nội vụ thành phố Cần Thơ"),
    ]
    assert cert.issuer == cert.subject
    start = cert.not_valid_before_utc
    assert before - timedelta(minutes=5) <= start <= after - timedelta(minutes=5)
    assert cert.not_valid_after_utc - start == timedelta(days=100, minutes=5)
    basic = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical and basic.value.ca and basic.value.path_length == 0
    assert usage(cert) == {
        "digital_signature": False,
        "content_commitment": False,
        "key_encipherment": False,
        "data_encipherment": False,
        "key_agreement": False,
        "key_cert_sign": True,
        "crl_sign": True,
    }
    assert (tmp_path / "ca" / pki.ISSUED).read_text("utf-8") == "{}"
    assert (tmp_path / "ca" / pki.REVOKED).read_text("utf-8") == "{}"
    assert (tmp_path / "ca" / pki.CA_CERT).read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")


def test_a_second_ca_in_the_same_folder_is_refused_naming_it(tmp_path: Path) -> None:
    pki.init_ca(tmp_path / "ca", CA_PASS)
    with pytest.raises(UserError) as err:
        pki.init_ca(tmp_path / "ca", CA_PASS)
    assert err.value.message() == pki.PkiError("pki.ca_exists", dir=tmp_path / "ca").message()
    assert str(tmp_path / "ca") in err.value.message()


def test_an_officer_s_certificate_and_the_register_field_by_field(tmp_path: Path) -> None:
    ca = pki.init_ca(tmp_path / "ca", CA_PASS, name="CA thử")
    start = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    who, cert = issued(
        tmp_path,
        "k.p12",
        agency_code="918",
        agency_name="Quận Bình Thuỷ",
        officer="Trần Thị Thu Hương",
        days=30,
        not_before=start,
    )
    assert pki.load_p12(tmp_path / "k.p12", P12_PASS)[2] == [ca]
    assert names(cert.subject) == [
        (NameOID.COUNTRY_NAME.dotted_string, "VN"),
        (NameOID.ORGANIZATION_NAME.dotted_string, "Quận Bình Thuỷ"),
        (NameOID.ORGANIZATIONAL_UNIT_NAME.dotted_string, "918"),
        (NameOID.COMMON_NAME.dotted_string, "Trần Thị Thu Hương"),
    ]
    assert cert.issuer == ca.subject
    assert (cert.not_valid_before_utc, cert.not_valid_after_utc) == (
        start,
        start + timedelta(days=30),
    )
    basic = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical and not basic.value.ca and basic.value.path_length is None
    assert usage(cert) == {
        "digital_signature": True,
        "content_commitment": True,
        "key_encipherment": False,
        "data_encipherment": False,
        "key_agreement": False,
        "key_cert_sign": False,
        "crl_sign": False,
    }
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    assert not eku.critical and list(eku.value) == [pki.ROLE_OID["officer"]]
    aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    ski = ca.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == ski.digest
    assert who == pki.Identity(
        agency_code="918",
        agency_name="Quận Bình Thuỷ",
        officer="Trần Thị Thu Hương",
        serial=cert.serial_number,
        fingerprint=cert.fingerprint(hashes.SHA256()).hex(),
        role="officer",
    )
    register = json.loads((tmp_path / "ca" / pki.ISSUED).read_text("utf-8"))
    assert register == {
        format(cert.serial_number, "x"): {
            "agency": "918",
            "officer": "Trần Thị Thu Hương",
            "fingerprint": who.fingerprint,
            "role": "officer",
            "not_after": (start + timedelta(days=30)).isoformat(),
        }
    }
    assert "Trần Thị Thu Hương" in (tmp_path / "ca" / pki.ISSUED).read_text("utf-8")  # as is


def test_a_reviewer_s_certificate_carries_the_reviewer_s_role(tmp_path: Path) -> None:
    pki.init_ca(tmp_path / "ca", CA_PASS)
    who, cert = issued(
        tmp_path,
        "r.p12",
        agency_code="SNV",
        agency_name="Sở Nội vụ",
        officer="Thẩm định viên",
        role="reviewer",
    )
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [pki.ROLE_OID["reviewer"]] and who.role == "reviewer"
    assert pki.identity(cert).role == "reviewer"
    register = json.loads((tmp_path / "ca" / pki.ISSUED).read_text("utf-8"))
    assert register[format(cert.serial_number, "x")]["role"] == "reviewer"
