"""Review receipts as use cases: what a receipt says (from the review desk's records), signing
it with the reviewer's key, and the officer's import of it (verified, for this agency and a
bundle it sent, never older than one already imported); each audited."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cchc_tui.bundle.pki import load_p12, write_new
from cchc_tui.bundle.receipt import CONTENT, Receipt, make_receipt, read_receipt
from cchc_tui.bundle.trust import check_own_key
from cchc_tui.core.agencies import Registry
from cchc_tui.core.appraisal import outcome, self_points
from cchc_tui.core.dates import local_time
from cchc_tui.core.errors import UserError
from cchc_tui.core.review import reviewer_of
from cchc_tui.services.anchors import remembered_anchors
from cchc_tui.services.export import key_path
from cchc_tui.services.review_desk import (
    criteria_of_bundle,
    period_comments,
    rounds_for,
    state_and_comments,
)
from cchc_tui.store.exchange import ExchangeStore
from cchc_tui.store.models import IssuedReceipt, ReceivedBundle, ReceivedReceipt
from cchc_tui.store.review import ReviewStore
from cchc_tui.store.service import Store
from cchc_tui.store.transaction import utcnow


def receipt_content(store: Store, bundle: ReceivedBundle) -> dict[str, Any]:
    state, _comments = state_and_comments(store, bundle.bundle_id)
    review = ReviewStore(store)
    rounds = rounds_for(store, bundle.agency_code, bundle.plan_id, bundle.period)
    said = review.reasons_of(bundle.agency_code, bundle.plan_id, bundle.period)
    appraisal = {
        code: {str(r): format(p, "f") for r, p in sorted(per.items())}
        for code, per in rounds.items()
    }
    reasons = {
        code: {str(r): why for r, why in sorted(per.items()) if why}
        for code, per in said.items()
        if any(per.values())
    }
    totals: dict[str, str] = {}
    if rounds:
        try:
            _set_id, cset, submission = criteria_of_bundle(store, bundle)
            result = outcome(cset, self_points(submission), rounds)
            totals = {
                "total": format(result.total, "f"),
                "percent": format(result.totals.percent, "f"),
                "grade": result.grade,
            }
        except (UserError, OSError, ValueError):
            totals = {}
    comments = period_comments(store, bundle.agency_code, bundle.plan_id, bundle.period)
    return {
        "bundle_id": bundle.bundle_id,
        "bundle_sha256": bundle.sha256,
        "agency": bundle.agency_code,
        "plan": bundle.plan_id,
        "period": bundle.period,
        "state": state,
        "appraisal": appraisal,
        **({"appraisal_reasons": reasons} if reasons else {}),
        "appraisal_total": totals,
        "comments": [  # a withdrawn comment no longer applies: kept at the desk, not sent
            {"target": c.row.target, "text": c.row.text, "at": c.row.at.isoformat(), "by": c.row.by}
            for c in comments
            if c.withdrawn is None
        ],
    }


def receipt_name(agency: str, period: str, number: int) -> str:
    return f"phieu-tham-dinh-{agency}-{period}-{number:02d}.zip"


def _target(out: Path, name: str) -> Path:
    """A folder gets the receipt's own numbered name; a file name is used as given."""
    return out / name if out.is_dir() else out


def _write_new(path: Path, data: bytes) -> None:
    try:
        write_new(path, data)
    except FileExistsError:
        raise UserError("receipt.exists", path=path) from None
    except OSError as e:
        raise UserError("receipt.write_failed", path=path, detail=e.strerror or str(e)) from None


@dataclass(frozen=True)
class Signer:
    """The reviewer's key, opened once (a batch signs many receipts with it)."""

    key: Any
    cert: Any
    chain: list[Any]


def open_signer(store: Store, passphrase: bytes) -> Signer:
    """The reviewer's key from this database, checked as every officer will check it: a
    reviewer's certificate on a path to a trusted CA, valid now (refused here, before a
    receipt every officer would refuse)."""
    p12 = key_path(store)
    if not p12.exists():
        raise UserError("key.missing")
    key, cert, chain = load_p12(p12, passphrase)
    check_own_key(cert, chain, "reviewer", *remembered_anchors(store), datetime.now(UTC))
    return Signer(key, cert, list(chain))


def write_receipt(
    store: Store,
    bundle: ReceivedBundle,
    out: Path,
    passphrase: bytes | Signer,
    *,
    actor: str,
) -> IssuedReceipt:
    """Sign the bundle's receipt and write it under ``out``: a folder (the receipt is named
    phieu-tham-dinh-AGENCY-PERIOD-NN.zip after its number) or a file name. An existing file is
    never replaced. The receipt is kept numbered with its bytes (issued again on request);
    nothing is kept when the file cannot be written."""
    signer = passphrase if isinstance(passphrase, Signer) else open_signer(store, passphrase)
    when = datetime.now(UTC).replace(microsecond=0)
    content = receipt_content(store, bundle)
    data = make_receipt(content, signer.key, signer.cert, signer.chain, when)
    out = out.expanduser()
    if not out.is_dir() and out.exists():
        raise UserError("receipt.exists", path=out)  # said before the number is taken

    def place(number: int) -> str:
        path = _target(out, receipt_name(bundle.agency_code, bundle.period, number))
        _write_new(path, data)
        return str(path)

    return ReviewStore(store).add_issued(
        bundle,
        state=str(content["state"]),
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        file_for=place,
        actor=actor,
    )


def _said(data: bytes) -> dict[str, Any]:
    """What a receipt this desk signed says, without when it was signed."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        content = json.loads(zf.read(CONTENT))
    return {k: v for k, v in content.items() if k not in ("issued_at", "type", "version")}


def pending_receipts(
    store: Store, plan: str, period: str, agencies: Iterable[str]
) -> list[ReceivedBundle]:
    """The agencies' latest bundles of the period whose receipt would say something the last
    one signed for that bundle did not (never signed, or the state, an appraisal or a comment
    changed since), by agency code."""
    review = ReviewStore(store)
    out = []
    for code in sorted(set(agencies)):
        bundle = review.latest(code, plan, period, dropped_too=False)
        if bundle is None:
            continue
        signed = [r for r in review.issued(code, plan, period) if r.bundle_id == bundle.bundle_id]
        if signed and _said(signed[-1].data) == receipt_content(store, bundle):
            continue
        out.append(bundle)
    return out


def sign_pending(
    store: Store,
    plan: str,
    period: str,
    agencies: Iterable[str],
    folder: Path,
    passphrase: bytes,
    *,
    actor: str,
) -> list[IssuedReceipt]:
    """Every pending receipt of the period signed into one folder (a USB stick), the key opened
    once. A receipt that cannot be written stops the batch with its reason; those signed
    before it are kept (each is whole, numbered and audited)."""
    folder = folder.expanduser()
    if not folder.is_dir():
        raise UserError("receipt.not_a_folder", path=folder)
    bundles = pending_receipts(store, plan, period, agencies)
    if not bundles:
        return []
    signer = open_signer(store, passphrase)
    return [write_receipt(store, b, folder, signer, actor=actor) for b in bundles]


def issued_receipts(store: Store, agency: str, plan: str, period: str) -> list[IssuedReceipt]:
    """The receipts signed for an agency and period, first first."""
    return ReviewStore(store).issued(agency, plan, period)


def reissue_receipt(
    store: Store, agency: str, plan: str, period: str, number: int, out: Path, *, actor: str
) -> tuple[IssuedReceipt, Path]:
    """Write an earlier receipt again, byte for byte as signed (the agency may hold it
    already; a lost stick): to a folder under its own name, or to a file name. Never over an
    existing file; audited."""
    rows = issued_receipts(store, agency, plan, period)
    row = next((r for r in rows if r.number == number), None)
    if row is None:
        raise UserError(
            "receipt.unknown_number",
            agency=agency,
            period=period,
            number=number,
            numbers=", ".join(str(r.number) for r in rows) or "—",
        )
    path = _target(out.expanduser(), Path(row.file).name)
    _write_new(path, row.data)
    ReviewStore(store).note_reissue(row, str(path), actor=actor)
    return row, path


def import_receipt(
    store: Store,
    path: Path,
    ca_pem: bytes,
    crl_pem: bytes | None = None,
    *,
    registry: Registry,
    stale_crl_ok: bool = False,
) -> tuple[Receipt, bool]:
    """The officer's side: verify (a reviewer's certificate of this agency's reviewer); the
    receipt must be for this agency and a bundle it sent, and newer than any receipt already
    imported for that bundle."""
    prof = store.require_profile()
    receipt = read_receipt(
        path,
        ca_pem,
        crl_pem,
        reviewer=reviewer_of(registry, prof.agency_code),
        stale_crl_ok=stale_crl_ok,
    )
    content = receipt.content
    if content.get("agency") != prof.agency_code:
        raise UserError("receipt.other_agency", agency=content.get("agency"))
    exchange = ExchangeStore(store)
    sent = exchange.export_by_id(str(content.get("bundle_id")))
    if sent is None or sent.sha256 != content.get("bundle_sha256"):
        raise UserError("receipt.unknown_bundle", bundle=content.get("bundle_id"))
    if exchange.receipt_by_sha256(receipt.sha256) is not None:
        return receipt, False
    issued = receipt.issued_at

    def newer_only(newest: ReceivedReceipt | None) -> None:
        if newest is not None and newest.issued_at is not None and issued <= newest.issued_at:
            raise UserError(
                "receipt.older",
                issued=local_time(receipt.issued_at),
                newest=local_time(newest.issued_at),
            )

    exchange.add_receipt(
        ReceivedReceipt(
            sha256=receipt.sha256,
            bundle_id=str(content["bundle_id"]),
            state=str(content["state"]),
            content=json.dumps(content, ensure_ascii=False),
            signer=receipt.signer.officer,
            received_at=utcnow(),
            issued_at=issued,
        ),
        issued,
        actor=prof.officer,
        agency=prof.agency_code,
        check=newer_only,
    )
    return receipt, True


def received_receipts(store: Store) -> list[dict[str, Any]]:
    """Every receipt this database took in, oldest first: its content, who signed it, when."""
    return [
        json.loads(r.content) | {"signer": r.signer, "received_at": r.received_at.isoformat()}
        for r in ExchangeStore(store).receipts()
    ]
