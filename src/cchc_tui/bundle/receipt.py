"""Review receipts: what Sở Nội vụ sends back to an agency for one bundle — the review state,
the appraisal points and the comments — signed (detached CMS) with the reviewer's key, in a
small zip: receipt.json and receipt.json.p7s. The officer's app verifies and imports it: only
a reviewer's certificate (bundle/trust.py) of this agency's reviewer signs a receipt, and the
file is read as a stream, never whole."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Literal

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
)

from cchc_tui.bundle.bag import canonical_json
from cchc_tui.bundle.cms import sign_detached, verify_detached
from cchc_tui.bundle.pki import Identity, identity
from cchc_tui.bundle.trust import TrustError, check_signer, load_ca, load_crls
from cchc_tui.bundle.zipscan import NotRegular, Unsafe, open_regular, read_entry, scan
from cchc_tui.core.errors import UserError
from cchc_tui.core.submission import no_controls, no_controls_text

CONTENT = "receipt.json"
SIGNATURE = "receipt.json.p7s"
STATES = ("da_nhan", "can_bo_sung", "da_duyet", "khong_duyet")
MAX_BYTES = 4 * 1024 * 1024  # each of the two entries
MAX_FILE = 2 * MAX_BYTES + 64 * 1024  # the whole zip
CHUNK = 1 << 20
FUTURE_SLACK = timedelta(days=1)  # clocks of office PCs drift; a day more is a wrong date


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
    with zipfile.ZipFile(buf, "w") as zf:
        # a ZipInfo carries its own method (stored unless told): the ZipFile's is not used
        for name, data in (
            (CONTENT, body),
            (SIGNATURE, sign_detached(body, key, cert, chain, when)),
        ):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


# no control characters: the officer's app shows these texts on screen
Text = Annotated[str, Field(max_length=20_000), AfterValidator(no_controls_text)]
Short = Annotated[str, Field(max_length=200), AfterValidator(no_controls)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Comment(_Strict):
    target: Short
    text: Text
    at: Short
    by: Short


# what the officer's app turns into numbers: plain decimals (no sign, no exponent), rounds 1 and 2
Points = Annotated[str, Field(pattern=r"^[0-9]{1,4}(\.[0-9]{1,6})?$")]
Round = Literal["1", "2"]


class _Total(_Strict):
    total: Points
    percent: Points
    grade: Short


class _NoTotal(_Strict):
    """{}: the reviewer appraised nothing yet, or the criteria set could not be read."""


class ReceiptContent(_Strict):
    """receipt.json, as make_receipt writes it (docs/bundle-format.md)."""

    type: Literal["cchc-receipt"]
    version: Literal[1]
    issued_at: AwareDatetime = Field(strict=False)
    bundle_id: Short
    bundle_sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    agency: Short
    plan: Short
    period: Short
    state: Literal["da_nhan", "can_bo_sung", "da_duyet", "khong_duyet"]
    appraisal: dict[Short, dict[Round, Points]] = Field(max_length=1000)
    # why a round's points differ from the agency's own or replaced an earlier entry (since
    # 0.10; absent in earlier receipts and when no reason was given)
    appraisal_reasons: dict[Short, dict[Round, Text]] = Field(default_factory=dict, max_length=1000)
    appraisal_total: _Total | _NoTotal
    comments: list[_Comment] = Field(max_length=5000)


@dataclass(frozen=True)
class Receipt:
    content: dict[str, Any]
    signer: Identity
    sha256: str
    issued_at: datetime


def _hash_file(fh: BinaryIO) -> str:
    digest = hashlib.sha256()
    while chunk := fh.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes, exactly as many as it declares (checked ≤ MAX_BYTES before), their
    CRC-32 checked (zipscan.read_entry)."""
    try:
        return b"".join(read_entry(zf, info))
    except Unsafe as e:
        raise ReceiptError("receipt.bad_form_because", detail=str(e)) from None


def read_receipt(
    path: Path,
    ca_pem: bytes,
    crl_pem: bytes | None = None,
    *,
    reviewer: str,
    now: datetime | None = None,
    stale_crl_ok: bool = False,
) -> Receipt:
    """Check the receipt's form, signature, signer (a reviewer's certificate of agency
    ``reviewer``, on a path to the CA, valid now, not revoked) and content."""
    now = now or datetime.now(UTC)
    try:
        fh = open_regular(path)
    except NotRegular as e:
        raise ReceiptError("receipt.bad_form_because", detail=str(e)) from None
    except OSError as e:
        detail = e.strerror or str(e)
        raise UserError("evidence.file_unreadable", path=path, detail=detail) from None
    with fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_FILE:
            raise ReceiptError("receipt.too_big", path=path)
        try:  # the zip's structure, as a bundle's (zipscan), before zipfile reads it
            scan(fh, size, max_size=MAX_FILE, max_entries=2, max_total=2 * MAX_BYTES)
        except Unsafe as e:
            raise ReceiptError("receipt.bad_form_because", detail=str(e)) from None
        return _read_open(
            fh, ca_pem, crl_pem, reviewer=reviewer, now=now, stale_crl_ok=stale_crl_ok
        )


def _read_open(
    fh: BinaryIO,
    ca_pem: bytes,
    crl_pem: bytes | None,
    *,
    reviewer: str,
    now: datetime,
    stale_crl_ok: bool,
) -> Receipt:
    try:
        with zipfile.ZipFile(fh) as zf:
            infos = zf.infolist()
            if sorted(i.filename for i in infos) != sorted([CONTENT, SIGNATURE]):
                raise ReceiptError("receipt.bad_form")
            # encrypted entries and other methods: refused by zipscan before (and zipfile
            # would raise on them, caught below)
            if any(i.file_size > MAX_BYTES for i in infos):
                raise ReceiptError("receipt.bad_form")
            by_name = {i.filename: i for i in infos}
            body = _read_entry(zf, by_name[CONTENT])
            signature = _read_entry(zf, by_name[SIGNATURE])
        fh.seek(0)
        sha256 = _hash_file(fh)
    except (
        zipfile.BadZipFile,
        zlib.error,  # a deflate stream that does not decode (a receipt's entries are deflated)
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ):
        raise ReceiptError("receipt.bad_form") from None
    signed = verify_detached(signature, body)
    cert = signed.signer
    try:
        ca = load_ca(ca_pem)
        crls = load_crls(crl_pem, ca) if crl_pem is not None else None
        check_signer(
            cert,
            signed.certificates,
            ca,
            crls,
            role="reviewer",
            at=now,
            stale_crl_ok=stale_crl_ok,
        )
    except TrustError as e:
        raise ReceiptError("receipt.untrusted_because", reason=e.message()) from None
    who = identity(cert)
    if who.agency_code != reviewer:
        raise ReceiptError(
            "receipt.wrong_reviewer", signer=who.officer, agency=who.agency_code, reviewer=reviewer
        )
    try:
        raw = json.loads(body)
        content = ReceiptContent.model_validate(raw)
    except (ValueError, RecursionError, ValidationError):
        raise ReceiptError("receipt.bad_form") from None
    issued = content.issued_at.astimezone(UTC)
    if issued > now + FUTURE_SLACK:
        # a receipt "from the future" would make every later, genuine one look older
        raise ReceiptError("receipt.future", at=issued.isoformat(timespec="minutes"))
    return Receipt(raw, who, sha256, issued)
