"""Review receipts as use cases: what a receipt says (from the review desk's records), signing
it with the reviewer's key, and the officer's import of it (verified, for this agency and a
bundle it sent, never older than one already imported); each audited."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cchc_tui.bundle.pki import load_p12, write_atomic
from cchc_tui.bundle.receipt import Receipt, make_receipt, read_receipt
from cchc_tui.bundle.trust import check_own_key
from cchc_tui.core.agencies import Registry
from cchc_tui.core.appraisal import outcome, self_points
from cchc_tui.core.dates import local_time
from cchc_tui.core.errors import UserError
from cchc_tui.core.review import reviewer_of
from cchc_tui.services.anchors import remembered_anchors
from cchc_tui.services.export import key_path
from cchc_tui.services.review_desk import criteria_of_bundle, rounds_for, state_and_comments
from cchc_tui.store.exchange import ExchangeStore
from cchc_tui.store.models import ReceivedBundle, ReceivedReceipt
from cchc_tui.store.review import ReviewStore
from cchc_tui.store.service import Store
from cchc_tui.store.transaction import utcnow


def receipt_content(store: Store, bundle: ReceivedBundle) -> dict[str, Any]:
    state, comments = state_and_comments(store, bundle.bundle_id)
    rounds = rounds_for(store, bundle.agency_code, bundle.plan_id, bundle.period)
    appraisal = {
        code: {str(r): format(p, "f") for r, p in sorted(per.items())}
        for code, per in rounds.items()
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
    return {
        "bundle_id": bundle.bundle_id,
        "bundle_sha256": bundle.sha256,
        "agency": bundle.agency_code,
        "plan": bundle.plan_id,
        "period": bundle.period,
        "state": state,
        "appraisal": appraisal,
        "appraisal_total": totals,
        "comments": [
            {"target": c.target, "text": c.text, "at": c.at.isoformat(), "by": c.by}
            for c in comments
        ],
    }


def write_receipt(
    store: Store, bundle: ReceivedBundle, out: Path, passphrase: bytes, *, actor: str
) -> Path:
    p12 = key_path(store)
    if not p12.exists():
        raise UserError("key.missing")
    key, cert, chain = load_p12(p12, passphrase)
    # refused here, before a receipt every officer would refuse
    check_own_key(cert, chain, "reviewer", *remembered_anchors(store), datetime.now(UTC))
    when = datetime.now(UTC).replace(microsecond=0)
    data = make_receipt(receipt_content(store, bundle), key, cert, chain, when)
    write_atomic(out, data)
    ReviewStore(store).note_receipt(bundle, str(out), actor=actor)
    return out


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
