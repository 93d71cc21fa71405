"""The reviewer's writes (states, comments, appraisal points, receipts) and the officer's
receipt import; each audited."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from cchc_tui.bundle.export import key_path
from cchc_tui.bundle.pki import load_p12
from cchc_tui.bundle.receipt import STATES, Receipt, make_receipt, read_receipt
from cchc_tui.core.i18n import UserError
from cchc_tui.core.text import clean, nfc
from cchc_tui.store.models import (
    Appraisal,
    BundleExport,
    ReceivedBundle,
    ReceivedReceipt,
    ReviewComment,
    ReviewState,
)
from cchc_tui.store.service import Store, utcnow


def latest_bundle(store: Store, agency: str, plan: str, period: str) -> ReceivedBundle:
    with store._read() as s:
        row = s.exec(
            select(ReceivedBundle)
            .where(
                ReceivedBundle.agency_code == agency,
                ReceivedBundle.plan_id == plan,
                ReceivedBundle.period == period,
            )
            .order_by(col(ReceivedBundle.id).desc())
        ).first()
    if row is None:
        raise UserError("review.no_bundle", agency=agency, period=period)
    return row


def set_state(store: Store, bundle: ReceivedBundle, state: str, *, actor: str) -> None:
    if state not in STATES:
        raise UserError("review.bad_state", value=state, choices=", ".join(STATES))
    with store._write() as s:
        s.add(ReviewState(bundle_id=bundle.bundle_id, state=state, at=utcnow(), by=actor))
        store._audit(
            s,
            actor=actor,
            agency=bundle.agency_code,
            action="review.state",
            entity="bundle",
            key=bundle.bundle_id,
            changes={"state": (None, state)},
        )


def add_comment(
    store: Store, bundle: ReceivedBundle, target: str, text: str, *, actor: str
) -> None:
    text = nfc(text).strip()
    if not text:
        raise UserError("review.empty_comment")
    if target != "general" and not target.startswith(("item:", "criterion:")):
        raise UserError("review.bad_target", value=target)
    with store._write() as s:
        s.add(
            ReviewComment(
                bundle_id=bundle.bundle_id, target=clean(target), text=text, at=utcnow(), by=actor
            )
        )
        store._audit(
            s,
            actor=actor,
            agency=bundle.agency_code,
            action="review.comment",
            entity="bundle",
            key=bundle.bundle_id,
            changes={target: (None, text)},
        )


def appraise(
    store: Store, bundle: ReceivedBundle, code: str, points: str, *, round_: int, actor: str
) -> Decimal:
    try:
        value = Decimal(points.replace(",", "."))
    except InvalidOperation:
        raise UserError("score.bad_points", value=points) from None
    if value < 0:
        raise UserError("score.bad_points", value=points)
    with store._write() as s:
        row = s.exec(
            select(Appraisal).where(
                Appraisal.bundle_id == bundle.bundle_id,
                Appraisal.code == code,
                Appraisal.round == round_,
            )
        ).first()
        before = row.points if row else None
        if row is None:
            row = Appraisal(
                bundle_id=bundle.bundle_id,
                code=code,
                round=round_,
                points=str(value),
                at=utcnow(),
                by=actor,
            )
        row.points, row.at, row.by = str(value), utcnow(), actor
        s.add(row)
        store._audit(
            s,
            actor=actor,
            agency=bundle.agency_code,
            action="review.appraise",
            entity="bundle",
            key=f"{bundle.bundle_id}/{code}/{round_}",
            changes={"points": (before, str(value))},
        )
    return value


def receipt_content(store: Store, bundle: ReceivedBundle) -> dict[str, Any]:
    with store._read() as s:
        states = s.exec(
            select(ReviewState)
            .where(ReviewState.bundle_id == bundle.bundle_id)
            .order_by(col(ReviewState.id))
        ).all()
        comments = s.exec(
            select(ReviewComment)
            .where(ReviewComment.bundle_id == bundle.bundle_id)
            .order_by(col(ReviewComment.id))
        ).all()
        points = s.exec(
            select(Appraisal)
            .where(Appraisal.bundle_id == bundle.bundle_id)
            .order_by(col(Appraisal.code), col(Appraisal.round))
        ).all()
    appraisal: dict[str, dict[str, str]] = {}
    for p in points:
        appraisal.setdefault(p.code, {})[str(p.round)] = p.points
    return {
        "bundle_id": bundle.bundle_id,
        "bundle_sha256": bundle.sha256,
        "agency": bundle.agency_code,
        "plan": bundle.plan_id,
        "period": bundle.period,
        "state": states[-1].state if states else "da_nhan",
        "appraisal": appraisal,
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
    when = datetime.now(UTC).replace(microsecond=0)
    data = make_receipt(receipt_content(store, bundle), key, cert, chain, when)
    from cchc_tui.bundle.pki import _write_atomic

    _write_atomic(out, data)
    with store._write() as s:
        store._audit(
            s,
            actor=actor,
            agency=bundle.agency_code,
            action="review.receipt",
            entity="bundle",
            key=bundle.bundle_id,
            changes={"file": (None, str(out))},
        )
    return out


def import_receipt(store: Store, path: Path, ca_pem: bytes) -> tuple[Receipt, bool]:
    """The officer's side: verify; the receipt must be for this agency and a bundle it sent."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UserError(
            "evidence.file_unreadable", path=path, detail=e.strerror or str(e)
        ) from None
    receipt = read_receipt(data, ca_pem)
    prof = store.require_profile()
    content = receipt.content
    if content.get("agency") != prof.agency_code:
        raise UserError("receipt.other_agency", agency=content.get("agency"))
    with store._read() as s:
        sent = s.exec(
            select(BundleExport).where(BundleExport.bundle_id == content.get("bundle_id"))
        ).first()
        seen = s.exec(
            select(ReceivedReceipt).where(ReceivedReceipt.sha256 == receipt.sha256)
        ).first()
    if sent is None or sent.sha256 != content.get("bundle_sha256"):
        raise UserError("receipt.unknown_bundle", bundle=content.get("bundle_id"))
    if seen is not None:
        return receipt, False
    import json

    with store._write() as s:
        s.add(
            ReceivedReceipt(
                sha256=receipt.sha256,
                bundle_id=str(content["bundle_id"]),
                state=str(content["state"]),
                content=json.dumps(content, ensure_ascii=False),
                signer=receipt.signer.officer,
                received_at=utcnow(),
            )
        )
        store._audit(
            s,
            actor=prof.officer,
            agency=prof.agency_code,
            action="receipt.import",
            entity="bundle",
            key=str(content["bundle_id"]),
            changes={"state": (None, content["state"])},
        )
    return receipt, True


def appraisal_totals(store: Store, bundles: dict[str, str]) -> dict[str, Decimal]:
    """agency → the sum of its latest-round appraisal points, for agencies appraised at all."""
    with store._read() as s:
        rows = s.exec(
            select(Appraisal)
            .where(col(Appraisal.bundle_id).in_(list(bundles.values())))
            .order_by(col(Appraisal.round))
        ).all()
    by_bundle: dict[str, dict[str, Decimal]] = {}
    for a in rows:  # later rounds overwrite earlier ones
        by_bundle.setdefault(a.bundle_id, {})[a.code] = Decimal(a.points)
    return {
        agency: sum(by_bundle[b].values(), Decimal(0))
        for agency, b in bundles.items()
        if b in by_bundle
    }
