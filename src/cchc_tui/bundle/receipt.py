"""Review receipts: what Sở Nội vụ sends back to an agency for one bundle — the review state,
the appraisal points and the comments — signed (detached CMS) with the reviewer's key, in a
small zip: receipt.json and receipt.json.p7s. The officer's app verifies and imports it."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import rsa

from cchc_tui.bundle.bag import canonical_json
from cchc_tui.bundle.cms import sign_detached, verify_detached
from cchc_tui.bundle.pki import Identity, identity
from cchc_tui.core.i18n import UserError

CONTENT = "receipt.json"
SIGNATURE = "receipt.json.p7s"
STATES = ("da_nhan", "can_bo_sung", "da_duyet", "khong_duyet")
MAX_BYTES = 4 * 1024 * 1024


class ReceiptError(UserError):
    pass


def make_receipt(
    content: dict[str, Any],
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    when: datetime,
) -> bytes:
    body = canonical_json(
        {**content, "type": "cchc-receipt", "version": 1, "issued_at": when.isoformat()}
    )
    buf = io.BytesIO()
    date_time = when.timetuple()[:6]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo(CONTENT, date_time=date_time), body)
        zf.writestr(
            zipfile.ZipInfo(SIGNATURE, date_time=date_time),
            sign_detached(body, key, cert, chain, when),
        )
    return buf.getvalue()


@dataclass(frozen=True)
class Receipt:
    content: dict[str, Any]
    signer: Identity
    sha256: str


def read_receipt(data: bytes, ca_pem: bytes, now: datetime | None = None) -> Receipt:
    """Check the receipt's form, signature, chain and validity; return its content."""
    now = now or datetime.now(UTC)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if sorted(i.filename for i in infos) != sorted([CONTENT, SIGNATURE]):
                raise ReceiptError("receipt.bad_form")
            if any(i.file_size > MAX_BYTES for i in infos):
                raise ReceiptError("receipt.bad_form")
            body = zf.read(CONTENT)
            signature = zf.read(SIGNATURE)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise ReceiptError("receipt.bad_form") from None
    signed = verify_detached(signature, body)
    try:
        ca = x509.load_pem_x509_certificate(ca_pem)
        signed.signer.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature):
        raise ReceiptError("receipt.untrusted") from None
    cert = signed.signer
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise ReceiptError("receipt.untrusted")
    try:
        content = json.loads(body)
    except ValueError:
        raise ReceiptError("receipt.bad_form") from None
    if content.get("type") != "cchc-receipt" or content.get("state") not in STATES:
        raise ReceiptError("receipt.bad_form")
    return Receipt(content, identity(cert), hashlib.sha256(data).hexdigest())
