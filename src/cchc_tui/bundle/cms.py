"""Detached CMS (PKCS#7) signatures over the bag's tag manifest.

The structure is assembled with asn1crypto and signed with cryptography (RSA PKCS#1 v1.5,
SHA-256), with the signed attributes contentType, signingTime (the export's timestamp, so the
same export is byte-identical) and messageDigest. `openssl cms -verify -binary -inform DER`
accepts it. Verification parses with asn1crypto, checks the message digest against the
content, and the signature over the signed attributes with the certificate's key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import algos, cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from cchc_tui.core.errors import UserError


class SignatureError(UserError):
    pass


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def sign_detached(
    content: bytes,
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    signing_time: datetime,
) -> bytes:
    signer = _asn1_cert(cert)
    attrs = cms.CMSAttributes(
        [
            cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
            cms.CMSAttribute(
                {"type": "signing_time", "values": [cms.Time({"utc_time": signing_time})]}
            ),
            cms.CMSAttribute(
                {"type": "message_digest", "values": [hashlib.sha256(content).digest()]}
            ),
        ]
    )
    signature = key.sign(attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
    signer_info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                        {"issuer": signer.issuer, "serial_number": signer.serial_number}
                    )
                }
            ),
            "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
            "signed_attrs": attrs,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "rsassa_pkcs1v15"}),
            "signature": signature,
        }
    )
    signed_data = cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {"content_type": "data"},
            "certificates": [signer, *(_asn1_cert(c) for c in chain)],
            "signer_infos": [signer_info],
        }
    )
    info = cms.ContentInfo({"content_type": "signed_data", "content": signed_data})
    return bytes(info.dump())


@dataclass(frozen=True)
class Signed:
    signer: x509.Certificate
    certificates: list[x509.Certificate]
    signing_time: datetime | None


def verify_detached(signature: bytes, content: bytes) -> Signed:
    """Check that ``signature`` signs ``content``; return the signer's certificate.

    Trust in that certificate (chain, validity, revocation, agency) is checked by the caller.
    """
    try:
        info = cms.ContentInfo.load(signature)
        if info["content_type"].native != "signed_data":
            raise ValueError  # caught below: not signed data
        sd = info["content"]
        infos = sd["signer_infos"]
        if len(infos) != 1:
            raise ValueError  # caught below: exactly one signer expected
        si = infos[0]
        certs = [x509.load_der_x509_certificate(c.chosen.dump()) for c in sd["certificates"]]
        sid = si["sid"].chosen
        signer = next(
            c
            for c in certs
            if c.serial_number == sid["serial_number"].native
            and c.issuer.public_bytes() == sid["issuer"].dump()
        )
        attrs = si["signed_attrs"]
        digest_alg = si["digest_algorithm"]["algorithm"].native
        found = {a["type"].native: a["values"][0] for a in attrs}
    except Exception:  # asn1crypto raises many kinds on garbage
        raise SignatureError("bundle.bad_signature_file") from None
    if digest_alg != "sha256":
        raise SignatureError("bundle.bad_signature_file")
    if found.get("message_digest") is None or (
        found["message_digest"].native != hashlib.sha256(content).digest()
    ):
        raise SignatureError("bundle.signature_mismatch")
    public = signer.public_key()
    if not isinstance(public, rsa.RSAPublicKey):
        raise SignatureError("bundle.bad_signature_file")
    try:
        public.verify(
            si["signature"].native, attrs.untag().dump(), padding.PKCS1v15(), hashes.SHA256()
        )
    except InvalidSignature:
        raise SignatureError("bundle.signature_mismatch") from None
    when = found["signing_time"].native if "signing_time" in found else None
    return Signed(signer, certs, when)
