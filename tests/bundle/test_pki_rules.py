"""What the offline PKI writes, field by field: the CA certificate (names, validity, a CA that
signs certificates and CRLs and nothing else, no CA under it), an officer's certificate (who,
for how long, signing only, its role, its issuer), the register of what was issued, and the
messages of its refusals. A verifier elsewhere (openssl, a real CA's tools) reads exactly these."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from cchc_tui.bundle import pki
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t

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


# -- files, numbers and refusals --------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_keys_are_readable_by_their_owner_only_and_the_rest_by_all(tmp_path: Path) -> None:
    pki.init_ca(tmp_path / "ca", CA_PASS)
    issued(tmp_path, "k.p12", agency_code="918", agency_name="Quận Bình Thuỷ", officer="A")
    pki.make_crl(tmp_path / "ca", CA_PASS, tmp_path / "ca.crl")
    modes = {
        p.relative_to(tmp_path).as_posix(): p.stat().st_mode & 0o777
        for p in sorted(tmp_path.rglob("*"))
        if p.is_file()
    }
    assert modes == {
        "ca/ca-key.p12": 0o600,
        "ca/ca.pem": 0o644,
        "ca/crl-number": 0o644,
        "ca/issued.json": 0o644,
        "ca/revoked.json": 0o644,
        "ca.crl": 0o644,
        "k.p12": 0o600,
    }


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ca.pem"
    target.write_bytes(b"old")
    seen: list[str] = []
    seen_in: list[Path] = []

    def fail(src: str, dst: object) -> None:
        seen.append(Path(src).name)
        seen_in.append(Path(src).parent)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pki.os, "replace", fail)
    with pytest.raises(OSError):
        pki.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ca.pem"]
    # while it was written, the new content was a hidden file beside it, named after it
    assert len(seen) == 1 and seen[0].startswith(".ca.pem.")
    assert seen_in == [tmp_path]  # beside it: the rename never crosses file systems


def test_a_certificate_issued_now_is_valid_from_five_minutes_ago(tmp_path: Path) -> None:
    pki.init_ca(tmp_path / "ca", CA_PASS)
    before = datetime.now(UTC).replace(microsecond=0)
    _who, cert = issued(tmp_path, "k.p12", agency_code="918", agency_name="Q", officer="A", days=7)
    after = datetime.now(UTC)
    start = cert.not_valid_before_utc
    assert before - timedelta(minutes=5) <= start <= after - timedelta(minutes=5)
    assert cert.not_valid_after_utc - start == timedelta(days=7)


def test_the_register_is_one_field_a_line_and_a_lost_one_starts_again(tmp_path: Path) -> None:
    pki.init_ca(tmp_path / "ca", CA_PASS)
    (tmp_path / "ca" / pki.ISSUED).unlink()  # a CA folder copied without its register
    who, _cert = issued(tmp_path, "k.p12", agency_code="918", agency_name="Q", officer="Hương")
    text = (tmp_path / "ca" / pki.ISSUED).read_text("utf-8")
    register = json.loads(text)
    assert list(register) == [format(who.serial, "x")]
    assert text == json.dumps(register, ensure_ascii=False, indent=1)  # readable in Notepad
    (tmp_path / "ca" / pki.REVOKED).unlink()
    assert pki.make_crl(tmp_path / "ca", CA_PASS, tmp_path / "ca.crl") == 0


def test_revocation_lists_are_numbered_one_up_and_dated_from_five_minutes_ago(
    tmp_path: Path,
) -> None:
    pki.init_ca(tmp_path / "ca", CA_PASS)
    at = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    numbers = []
    for n in range(3):
        pki.make_crl(tmp_path / "ca", CA_PASS, tmp_path / f"{n}.crl", days=10, now=at)
        crl = x509.load_pem_x509_crl((tmp_path / f"{n}.crl").read_bytes())
        ext = crl.extensions.get_extension_for_class(x509.CRLNumber)
        assert not ext.critical  # RFC 5280 §5.2.3
        numbers.append(ext.value.crl_number)
        assert crl.last_update_utc == at - timedelta(minutes=5)
        assert crl.next_update_utc == at + timedelta(days=10)
    assert numbers == [1, 2, 3]
    assert (tmp_path / "ca" / pki.CRL_NUMBER).read_text() == "3\n"


def test_a_missing_ca_or_key_is_named_by_its_path(tmp_path: Path) -> None:
    with pytest.raises(pki.PkiError) as err:
        pki.load_ca(tmp_path / "nowhere", CA_PASS)
    assert err.value.message() == t("pki.no_ca", dir=tmp_path / "nowhere")
    with pytest.raises(pki.PkiError) as err:
        pki.load_p12(tmp_path / "k.p12", P12_PASS)
    assert err.value.message() == t("pki.no_key", path=tmp_path / "k.p12")


def test_a_ca_key_or_a_key_file_of_another_kind_is_no_ca_and_no_key(tmp_path: Path) -> None:
    """An elliptic-curve key where the CA's RSA key belongs (a legacy PEM), and a PKCS#12 file
    that holds a certificate but no key: each named, not a crash later."""
    ca = pki.init_ca(tmp_path / "ca", CA_PASS)
    (tmp_path / "ca" / pki.CA_KEY).unlink()
    ec_key = ec.generate_private_key(ec.SECP256R1())
    pem = ec_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(CA_PASS),
    )
    (tmp_path / "ca" / pki.LEGACY_CA_KEY).write_bytes(pem)
    with pytest.raises(pki.PkiError) as err:
        pki.load_ca(tmp_path / "ca", CA_PASS)
    assert err.value.message() == t("pki.no_ca", dir=tmp_path / "ca")
    cert_only = pkcs12.serialize_key_and_certificates(
        b"x", None, ca, None, serialization.BestAvailableEncryption(P12_PASS)
    )
    (tmp_path / "c.p12").write_bytes(cert_only)
    with pytest.raises(pki.PkiError) as err:
        pki.load_p12(tmp_path / "c.p12", P12_PASS)
    assert err.value.message() == t("pki.no_key", path=tmp_path / "c.p12")


def test_defaults_ten_years_a_ca_two_years_a_key_thirty_days_a_list(tmp_path: Path) -> None:
    ca = pki.init_ca(tmp_path / "a" / "b" / "ca", CA_PASS)  # folders made as needed
    assert ca.not_valid_after_utc - ca.not_valid_before_utc == timedelta(days=3650, minutes=5)
    who = pki.issue(
        tmp_path / "a" / "b" / "ca",
        CA_PASS,
        agency_code="918",
        agency_name="Q",
        officer="Hương",
        p12_passphrase=P12_PASS,
        out=tmp_path / "k.p12",
    )
    cert = pki.load_p12(tmp_path / "k.p12", P12_PASS)[1]
    assert cert.not_valid_after_utc - cert.not_valid_before_utc == timedelta(days=730)
    for ext in (x509.SubjectKeyIdentifier, x509.AuthorityKeyIdentifier):
        assert not cert.extensions.get_extension_for_class(ext).critical
    at = datetime(2026, 3, 4, tzinfo=UTC)
    pki.make_crl(tmp_path / "a" / "b" / "ca", CA_PASS, tmp_path / "l.crl", now=at)
    crl = x509.load_pem_x509_crl((tmp_path / "l.crl").read_bytes())
    assert crl.next_update_utc == at + timedelta(days=30)
    assert not crl.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).critical
    # friendly names, as a key manager shows them
    p12 = pkcs12.load_pkcs12((tmp_path / "k.p12").read_bytes(), P12_PASS)
    assert p12.cert is not None and p12.cert.friendly_name == "918 Hương".encode()
    ca_p12 = pkcs12.load_pkcs12((tmp_path / "a/b/ca" / pki.CA_KEY).read_bytes(), CA_PASS)
    assert ca_p12.cert is not None and ca_p12.cert.friendly_name == b"CA"
    assert ca_p12.cert.certificate == ca and who.agency_code == "918"


def test_a_passphrase_of_twelve_letters_is_enough_and_eleven_is_not(tmp_path: Path) -> None:
    pki.init_ca(tmp_path / "ok", "Mật khẩu mườ".encode())  # 12 letters, more bytes
    with pytest.raises(pki.PkiError) as err:
        pki.init_ca(tmp_path / "short", b"a" * 11)
    assert err.value.message() == t("pki.weak_passphrase")


def test_a_role_not_known_is_named(tmp_path: Path) -> None:
    pki.init_ca(tmp_path / "ca", CA_PASS)
    with pytest.raises(pki.PkiError) as err:
        issued(tmp_path, "k.p12", agency_code="918", agency_name="Q", officer="A", role="admin")
    assert err.value.message() == t("pki.bad_role", value="admin")


def test_a_certificate_without_agency_fields_says_none(tmp_path: Path) -> None:
    ca = pki.init_ca(tmp_path / "ca", CA_PASS)
    who = pki.identity(ca)
    assert (who.agency_code, who.agency_name, who.role) == ("", "UBND thành phố Cần Thơ", None)


def test_a_legacy_ca_key_in_pem_still_opens(tmp_path: Path) -> None:
    ca = pki.init_ca(tmp_path / "ca", CA_PASS)
    key, _c, _chain = pkcs12.load_key_and_certificates(
        (tmp_path / "ca" / pki.CA_KEY).read_bytes(), CA_PASS
    )
    assert key is not None
    (tmp_path / "ca" / pki.LEGACY_CA_KEY).write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(CA_PASS),
        )
    )
    (tmp_path / "ca" / pki.CA_KEY).unlink()
    cert, opened = pki.load_ca(tmp_path / "ca", CA_PASS)
    assert cert == ca and opened.public_key().public_numbers() == ca.public_key().public_numbers()  # type: ignore[union-attr]


def test_an_empty_number_file_starts_at_one_and_revocations_are_one_a_line(
    tmp_path: Path,
) -> None:
    pki.init_ca(tmp_path / "ca", CA_PASS)
    who, _cert = issued(tmp_path, "k.p12", agency_code="918", agency_name="Q", officer="A")
    (tmp_path / "ca" / pki.CRL_NUMBER).write_text("")
    pki.revoke(tmp_path / "ca", CA_PASS, who.serial)
    pki.make_crl(tmp_path / "ca", CA_PASS, tmp_path / "l.crl")
    crl = x509.load_pem_x509_crl((tmp_path / "l.crl").read_bytes())
    assert crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number == 1
    text = (tmp_path / "ca" / pki.REVOKED).read_text("utf-8")
    assert text == json.dumps(json.loads(text), indent=1) and "\n " in text


@pytest.mark.skipif(not hasattr(__import__("time"), "tzset"), reason="POSIX time zones")
def test_a_key_issued_on_a_pc_in_vietnam_is_valid_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clock read in UTC, not the PC's local time (7 hours ahead of UTC)."""
    import time as clock

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    clock.tzset()
    try:
        pki.init_ca(tmp_path / "ca", CA_PASS)
        _who, cert = issued(tmp_path, "k.p12", agency_code="918", agency_name="Q", officer="A")
    finally:
        monkeypatch.delenv("TZ")
        clock.tzset()
    assert cert.not_valid_before_utc <= datetime.now(UTC)
