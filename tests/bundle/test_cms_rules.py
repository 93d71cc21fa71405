"""Each rule of the detached CMS check, one way of breaking it at a time.

The signatures are built here with asn1crypto around keys from the test pool, so each case
costs milliseconds: the rules are what `verify` relies on before it looks at trust at all.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from cchc_tui.bundle import cms

CONTENT = "tagmanifest: Phường An Hoà\n".encode()
WHEN = datetime(2022, 12, 9, 8, 30, tzinfo=UTC)


def _cert(
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, name: str, serial: int = 7
) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(WHEN - timedelta(days=1))
        .not_valid_after(WHEN + timedelta(days=365))
        .sign(key, hashes.SHA256())
    )


@pytest.fixture(scope="module")
def signer() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key, _cert(key, "Trần Thị Thu Hương")


def _reason(signature: bytes, content: bytes = CONTENT) -> str:
    with pytest.raises(cms.SignatureError) as err:
        cms.verify_detached(signature, content)
    return err.value.key


def _edit(signature: bytes, change: object) -> bytes:
    info = asn1_cms.ContentInfo.load(signature)
    change(info)  # type: ignore[operator]
    return bytes(info.dump(force=True))


def test_a_good_signature_names_its_signer_chain_and_time(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate],
) -> None:
    key, cert = signer
    other = _cert(rsa.generate_private_key(public_exponent=65537, key_size=2048), "CA")
    signed = cms.verify_detached(cms.sign_detached(CONTENT, key, cert, [other], WHEN), CONTENT)
    assert signed.signer == cert
    assert sorted(c.subject.rfc4514_string() for c in signed.certificates) == sorted(
        c.subject.rfc4514_string() for c in (cert, other)
    )
    assert signed.signing_time == WHEN


def test_changed_content_is_a_mismatch(signer: tuple[rsa.RSAPrivateKey, x509.Certificate]) -> None:
    sig = cms.sign_detached(CONTENT, *signer, [], WHEN)
    assert _reason(sig, CONTENT + b"\n") == "bundle.signature_mismatch"
    assert _reason(sig, b"") == "bundle.signature_mismatch"


def test_a_digest_that_matches_but_a_signature_that_does_not_is_a_mismatch(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate],
) -> None:
    """Signed attributes rewritten to the right digest of other content: the RSA check fails."""
    other = b"tagmanifest: forged\n"

    def swap(info: asn1_cms.ContentInfo) -> None:
        for attr in info["content"]["signer_infos"][0]["signed_attrs"]:
            if attr["type"].native == "message_digest":
                attr["values"] = [hashlib.sha256(other).digest()]

    assert _reason(_edit(cms.sign_detached(CONTENT, *signer, [], WHEN), swap), other) == (
        "bundle.signature_mismatch"
    )


def test_a_signature_without_a_message_digest_is_a_mismatch(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate],
) -> None:
    def drop(info: asn1_cms.ContentInfo) -> None:
        si = info["content"]["signer_infos"][0]
        si["signed_attrs"] = asn1_cms.CMSAttributes(
            [a for a in si["signed_attrs"] if a["type"].native != "message_digest"]
        )

    assert _reason(_edit(cms.sign_detached(CONTENT, *signer, [], WHEN), drop)) == (
        "bundle.signature_mismatch"
    )


def test_a_signature_without_a_signing_time_has_none(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate],
) -> None:
    """signingTime is optional in CMS: the check passes when the signer signed the attributes
    without it, and the time is then unknown rather than invented."""
    key, cert = signer
    sig = cms.sign_detached(CONTENT, key, cert, [], WHEN)
    info = asn1_cms.ContentInfo.load(sig)
    si = info["content"]["signer_infos"][0]
    attrs = asn1_cms.CMSAttributes(
        [a for a in si["signed_attrs"] if a["type"].native != "signing_time"]
    )
    si["signed_attrs"] = attrs
    si["signature"] = key.sign(attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
    signed = cms.verify_detached(bytes(info.dump(force=True)), CONTENT)
    assert signed.signing_time is None and signed.signer == cert


def test_a_digest_other_than_sha256_is_refused(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate],
) -> None:
    def sha1(info: asn1_cms.ContentInfo) -> None:
        info["content"]["signer_infos"][0]["digest_algorithm"] = {"algorithm": "sha1"}

    assert _reason(_edit(cms.sign_detached(CONTENT, *signer, [], WHEN), sha1)) == (
        "bundle.bad_signature_file"
    )


def test_not_signed_data_or_not_one_signer_is_refused(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate],
) -> None:
    sig = cms.sign_detached(CONTENT, *signer, [], WHEN)
    data = asn1_cms.ContentInfo({"content_type": "data", "content": CONTENT})
    assert _reason(bytes(data.dump())) == "bundle.bad_signature_file"

    def twice(info: asn1_cms.ContentInfo) -> None:
        sd = info["content"]
        first = sd["signer_infos"][0]
        sd["signer_infos"] = [first, asn1_cms.SignerInfo.load(first.dump())]

    def none(info: asn1_cms.ContentInfo) -> None:
        info["content"]["signer_infos"] = []

    assert _reason(_edit(sig, twice)) == "bundle.bad_signature_file"
    assert _reason(_edit(sig, none)) == "bundle.bad_signature_file"
    assert _reason(b"") == "bundle.bad_signature_file"
    assert _reason(b"not a signature") == "bundle.bad_signature_file"


def test_the_signer_is_the_certificate_named_by_issuer_and_serial(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate],
) -> None:
    """A certificate with the signer's serial under another issuer, or the signer's issuer
    with another serial, placed first in the set, is not taken for the signer."""
    key, cert = signer
    decoy_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    same_serial = _cert(decoy_key, "Sở Nội vụ giả", serial=cert.serial_number)
    same_issuer = _cert(decoy_key, "Trần Thị Thu Hương", serial=cert.serial_number + 1)
    for decoy in (same_serial, same_issuer):
        sig = cms.sign_detached(CONTENT, key, cert, [], WHEN)

        def first(info: asn1_cms.ContentInfo, decoy: x509.Certificate = decoy) -> None:
            sd = info["content"]
            certs = [c.chosen.dump() for c in sd["certificates"]]
            sd["certificates"] = [
                asn1_cms.CertificateChoices(
                    name="certificate",
                    value=asn1_cms.Certificate.load(
                        decoy.public_bytes(encoding=Encoding.DER),
                    ),
                ),
                *(
                    asn1_cms.CertificateChoices(
                        name="certificate", value=asn1_cms.Certificate.load(c)
                    )
                    for c in certs
                ),
            ]

        assert cms.verify_detached(_edit(sig, first), CONTENT).signer == cert

    # and a set without the signer is no signature at all
    def only_decoy(info: asn1_cms.ContentInfo) -> None:
        info["content"]["certificates"] = [
            asn1_cms.CertificateChoices(
                name="certificate",
                value=asn1_cms.Certificate.load(same_serial.public_bytes(encoding=Encoding.DER)),
            )
        ]

    assert _reason(_edit(cms.sign_detached(CONTENT, key, cert, [], WHEN), only_decoy)) == (
        "bundle.bad_signature_file"
    )


def test_a_signer_key_that_is_not_rsa_is_refused() -> None:
    """Only RSA signatures are made and accepted; an EC certificate is a bad signature file,
    not an exception from the wrong verify() call."""
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ec_cert = _cert(ec_key, "Khoá EC", serial=9)
    sig = cms.sign_detached(CONTENT, rsa_key, _cert(rsa_key, "x", serial=9), [], WHEN)

    def swap(info: asn1_cms.ContentInfo) -> None:
        info["content"]["certificates"] = [
            asn1_cms.CertificateChoices(
                name="certificate",
                value=asn1_cms.Certificate.load(ec_cert.public_bytes(encoding=Encoding.DER)),
            )
        ]
        info["content"]["signer_infos"][0]["sid"] = asn1_cms.SignerIdentifier(
            {
                "issuer_and_serial_number": {
                    "issuer": asn1_cms.Certificate.load(
                        ec_cert.public_bytes(encoding=Encoding.DER)
                    ).issuer,
                    "serial_number": 9,
                }
            }
        )

    assert _reason(_edit(sig, swap)) == "bundle.bad_signature_file"
