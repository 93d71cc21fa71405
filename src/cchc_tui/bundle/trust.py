"""Who may sign what, and whether a signer's certificate holds: the trust model of bundles and
receipts (docs/bundle-format.md, "Mô hình tin cậy / Trust model").

- Two roles, each marked in the certificate by an extended key usage of the project:
  an officer's certificate signs submission bundles only, a reviewer's (Sở Nội vụ, or a
  district's Phòng Nội vụ for its communes) signs review receipts only.
- The leaf is checked here first, so each refusal has its own sentence: not a CA, carries
  digitalSignature, carries the role's mark, valid at the time.
- The path from the leaf to the trusted CA is built and checked by cryptography's verifier
  (every issuer a CA with keyCertSign, within its path length, valid at the time; the
  project's own CA allows no intermediate, a real CA's root may).
- Revocation: every certificate of the path issued by the trusted CA is looked up in the CA's
  revocation list (signature, issuer and dates checked when the list is loaded); a path
  without a list says so ("chưa kiểm tra thu hồi"), a list past its nextUpdate is a warning or
  a refusal, as the caller chooses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509 import verification as xv

from cchc_tui.core import labels
from cchc_tui.core.dates import format_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.text import escape_controls

# 2.25.<uuid as an integer> (ITU-T X.667): OIDs of the project's own, with no registration.
# uuid5(NAMESPACE_URL, "urn:cchc-tui:cchc-tui bundle signing") and "... receipt signing".
OID_BUNDLE_SIGNING = x509.ObjectIdentifier("2.25.156739084943616042736629316962126030960")
OID_RECEIPT_SIGNING = x509.ObjectIdentifier("2.25.193057499508372412745346253079819991924")

Role = Literal["officer", "reviewer"]
ROLES: tuple[Role, ...] = ("officer", "reviewer")
ROLE_OID: dict[Role, x509.ObjectIdentifier] = {
    "officer": OID_BUNDLE_SIGNING,
    "reviewer": OID_RECEIPT_SIGNING,
}
CLOCK_SKEW = timedelta(minutes=5)  # a CRL issued "a little in the future" by a fast clock
MAX_CHAIN_DEPTH = 4
_PEM_CRL = re.compile(rb"-----BEGIN X509 CRL-----.+?-----END X509 CRL-----", re.S)


class TrustError(UserError):
    """A certificate or revocation list that cannot be trusted; ``check`` names the step."""

    def __init__(self, check: str, key: str, /, **params: object) -> None:
        super().__init__(key, **params)
        self.check = check


def role_of(cert: x509.Certificate) -> Role | None:
    """The project role a certificate is marked for (None: no mark, or both)."""
    try:
        eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return None
    roles = [r for r in ROLES if ROLE_OID[r] in eku]
    return roles[0] if len(roles) == 1 else None


def load_ca(pem: bytes) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(pem)
    except ValueError:
        raise TrustError("chain", "verify.bad_ca") from None


def crl_number(crl: x509.CertificateRevocationList) -> int | None:
    try:
        return crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    except x509.ExtensionNotFound:
        return None


def load_crls(pem: bytes, ca: x509.Certificate) -> list[x509.CertificateRevocationList]:
    """The revocation lists in a PEM file (one or several), each signed by the trusted CA and
    issued by it; a list "issued" in the future is refused (its dates are signed, so it was
    made on a wrong clock or on purpose)."""
    blocks = _PEM_CRL.findall(pem)
    if not blocks:
        raise TrustError("revocation", "verify.bad_crl")
    crls = []
    for block in blocks:
        try:
            crl = x509.load_pem_x509_crl(block)
        except ValueError:
            raise TrustError("revocation", "verify.bad_crl") from None
        if crl.issuer != ca.subject or not crl.is_signature_valid(ca.public_key()):  # type: ignore[arg-type]
            raise TrustError("revocation", "trust.crl_foreign")
        crls.append(crl)
    return crls


def newest(crls: Iterable[x509.CertificateRevocationList]) -> x509.CertificateRevocationList:
    """The highest CRL number (a list numbered 0 included), then the latest issued."""

    def order(crl: x509.CertificateRevocationList) -> tuple[int, datetime]:
        number = crl_number(crl)
        return (-1 if number is None else number, crl.last_update_utc)

    return max(crls, key=order)


def check_replacement(
    old: x509.CertificateRevocationList, new: x509.CertificateRevocationList
) -> None:
    """A remembered revocation list is never replaced by an older one (by CRL number, else by
    thisUpdate), nor by another list of the same number."""
    old_n, new_n = crl_number(old), crl_number(new)
    if old_n is not None and new_n is not None:
        if new_n < old_n or (
            new_n == old_n
            and new.public_bytes(serialization.Encoding.DER)
            != old.public_bytes(serialization.Encoding.DER)
        ):
            raise TrustError("revocation", "trust.crl_older", new=new_n, old=old_n)
        return
    if new.last_update_utc < old.last_update_utc:
        raise TrustError(
            "revocation",
            "trust.crl_older",
            new=format_date(new.last_update_utc.date()),
            old=format_date(old.last_update_utc.date()),
        )


@dataclass
class Verdict:
    """A signer that holds: the path (leaf first, the trusted CA last) and what to say."""

    chain: list[x509.Certificate]
    revocation: str  # the sentence for the report
    warnings: list[str] = field(default_factory=list)


def _leaf(cert: x509.Certificate, role: Role, at: datetime) -> None:
    exts = cert.extensions
    try:
        if exts.get_extension_for_class(x509.BasicConstraints).value.ca:
            raise TrustError("role", "trust.leaf_is_ca")
    except x509.ExtensionNotFound:
        pass
    try:
        ku = exts.get_extension_for_class(x509.KeyUsage).value
        if not ku.digital_signature:
            raise TrustError("role", "trust.no_digital_signature")
    except x509.ExtensionNotFound:
        raise TrustError("role", "trust.no_digital_signature") from None
    has = role_of(cert)
    if has is None:
        raise TrustError("role", "trust.no_role_mark", role=t(labels.TRUST_ROLE[role]))
    if has != role:
        raise TrustError(
            "role",
            "trust.wrong_role",
            role=t(labels.TRUST_ROLE[role]),
            has=t(labels.TRUST_ROLE[has]),
        )
    if not cert.not_valid_before_utc <= at <= cert.not_valid_after_utc:
        raise TrustError(
            "validity",
            "verify.bad_validity",
            since=format_date(cert.not_valid_before_utc.date()),
            until=format_date(cert.not_valid_after_utc.date()),
        )


def _ee_policy(role: Role) -> xv.ExtensionPolicy:
    """The same leaf rules, again inside the verifier (defence in depth)."""

    def eku(_p: xv.Policy, _c: x509.Certificate, ext: x509.ExtendedKeyUsage | None) -> None:
        if ext is None or ROLE_OID[role] not in ext:
            raise ValueError("role")

    def bc(_p: xv.Policy, _c: x509.Certificate, ext: x509.BasicConstraints | None) -> None:
        if ext is not None and ext.ca:
            raise ValueError("leaf is a CA")

    def ku(_p: xv.Policy, _c: x509.Certificate, ext: x509.KeyUsage | None) -> None:
        if ext is None or not ext.digital_signature:
            raise ValueError("digitalSignature")

    return (
        xv.ExtensionPolicy.permit_all()
        .require_present(x509.ExtendedKeyUsage, xv.Criticality.AGNOSTIC, eku)
        .require_present(x509.KeyUsage, xv.Criticality.AGNOSTIC, ku)
        .may_be_present(x509.BasicConstraints, xv.Criticality.AGNOSTIC, bc)
    )


# what cryptography's verifier says, in the user's words (anything else is shown as it is)
_PATH_REASONS = {
    "signature does not match": "trust.path.not_issued",
    "basicConstraints.cA must be asserted": "trust.path.issuer_not_ca",
    "keyCertSign must be asserted": "trust.path.no_key_cert_sign",
    "path length constraint violated": "trust.path.too_long",
    "not valid at validation time": "trust.path.validity",
    "no issuer": "trust.path.not_issued",
}


def _path_detail(message: str) -> str:
    for needle, key in _PATH_REASONS.items():
        if needle in message:
            return t(key)
    return escape_controls(message.removeprefix("validation failed: ").split(" (encountered")[0])


def check_signer(
    cert: x509.Certificate,
    bundled: Iterable[x509.Certificate],
    ca: x509.Certificate,
    crls: list[x509.CertificateRevocationList] | None,
    *,
    role: Role,
    at: datetime,
    stale_crl_ok: bool,
) -> Verdict:
    """Check a signer's certificate for ``role`` at time ``at``; raise TrustError naming the
    first thing that does not hold. Every caller says whether a revocation list past its next
    update is only a warning (``stale_crl_ok``) or a refusal."""
    _leaf(cert, role, at)
    verifier = (
        xv.PolicyBuilder()
        .store(xv.Store([ca]))
        .time(at)
        .max_chain_depth(MAX_CHAIN_DEPTH)
        .extension_policies(
            ca_policy=xv.ExtensionPolicy.webpki_defaults_ca(), ee_policy=_ee_policy(role)
        )
        .build_client_verifier()
    )
    intermediates = [c for c in bundled if c != cert and c != ca]
    if any(c.subject == ca.subject for c in intermediates):
        # a certificate bearing the trusted CA's name that is not the CA: a home-made CA
        # passing as Sở Nội vụ's. Said here, the same on every cryptography version (from 45
        # to 49 the verifier names the root's pathLen first, from 50 the signature).
        raise TrustError(
            "chain",
            "trust.bad_path",
            issuer=escape_controls(cert.issuer.rfc4514_string()),
            detail=t("trust.path.not_issued"),
        )
    try:
        chain = list(verifier.verify(cert, intermediates).chain)
    except xv.VerificationError as e:
        raise TrustError(
            "chain",
            "trust.bad_path",
            issuer=escape_controls(cert.issuer.rfc4514_string()),
            detail=_path_detail(str(e)),
        ) from None
    verdict = Verdict(chain, t("verify.ok_revocation"))
    if not crls:
        verdict.revocation = t("trust.unchecked")
        verdict.warnings.append(t("trust.unchecked"))
        return verdict
    crl = newest(crls)
    if crl.last_update_utc > at + CLOCK_SKEW:
        raise TrustError(
            "revocation", "trust.crl_future", date=format_date(crl.last_update_utc.date())
        )
    next_update = crl.next_update_utc
    if next_update is not None and next_update < at:
        if not stale_crl_ok:
            raise TrustError("revocation", "trust.crl_stale", date=format_date(next_update.date()))
        verdict.warnings.append(t("trust.crl_stale_warning", date=format_date(next_update.date())))
    unchecked = False
    for member in chain[:-1]:  # the trusted CA itself is the anchor
        if member.issuer != ca.subject:
            unchecked = True  # issued by an intermediate, whose own list we do not hold
            continue
        revoked = crl.get_revoked_certificate_by_serial_number(member.serial_number)
        if revoked is not None:
            raise TrustError(
                "revocation",
                "verify.revoked" if member is chain[0] else "trust.issuer_revoked",
                when=format_date(revoked.revocation_date_utc.date()),
            )
    if unchecked:
        verdict.revocation = t("trust.unchecked_leaf")
        verdict.warnings.append(t("trust.unchecked_leaf"))
    return verdict


def check_own_key(
    cert: x509.Certificate,
    chain: Iterable[x509.Certificate],
    role: Role,
    ca_pem: bytes | None,
    crl_pem: bytes | None,
    at: datetime,
) -> None:
    """Before signing: the key is for ``role`` (else UserError ``trust.role_for_<role>``) and,
    as far as this database knows the trust anchors, would be accepted — valid now, on a path
    to the CA, not revoked — so nothing is written that the receiver must refuse."""
    has = role_of(cert)
    if has != role:
        raise UserError(
            "trust.role_for_export" if role == "officer" else "trust.role_for_receipt",
            has=t(labels.TRUST_ROLE[has]) if has else t("trust.role.none"),
        )
    try:
        if ca_pem is None:
            _leaf(cert, role, at)
            return
        ca = load_ca(ca_pem)
        crls = load_crls(crl_pem, ca) if crl_pem is not None else None
        check_signer(cert, chain, ca, crls, role=role, at=at, stale_crl_ok=True)
    except TrustError as e:
        raise UserError("trust.own_key_bad", reason=e.message()) from None
