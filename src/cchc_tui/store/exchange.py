"""What an officer's database keeps of its exchanges with the reviewer (persistence only; the
rules are in services/): the bundles exported (the resubmission chain), the receipts taken in,
and the trust anchors both apps check signatures against. Each write is one transaction with
its audit row."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import text
from sqlmodel import Session, col, select

from cchc_tui.store.models import BundleExport, ReceivedReceipt
from cchc_tui.store.service import Store
from cchc_tui.store.transaction import AuditedSession

ANCHOR_KEYS = ("trust_ca_pem", "trust_crl_pem")
_ANCHORS = text("SELECT key, value FROM app_meta WHERE key IN ('trust_ca_pem', 'trust_crl_pem')")


class ChainForked(Exception):
    """Another export of the same period was recorded since this one was prepared."""

    def __init__(self, latest: str) -> None:
        super().__init__()
        self.latest = latest


def _latest_export(s: Session, agency: str, plan_id: str, period: str) -> BundleExport | None:
    return s.exec(
        select(BundleExport)
        .where(
            BundleExport.agency_code == agency,
            BundleExport.plan_id == plan_id,
            BundleExport.period == period,
        )
        .order_by(col(BundleExport.id).desc())
        .limit(1)
    ).first()


class ExchangeStore:
    """Exports, receipts and trust anchors, over a Store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- bundles exported ------------------------------------------------------------------------
    def latest_export(self, agency: str, plan_id: str, period: str) -> BundleExport | None:
        with self.store.read() as s:
            return _latest_export(s, agency, plan_id, period)

    def export_by_id(self, bundle_id: str) -> BundleExport | None:
        with self.store.read() as s:
            return s.exec(select(BundleExport).where(BundleExport.bundle_id == bundle_id)).first()

    def add_export(self, row: BundleExport, *, expected_latest: str) -> int:
        """Record an export, if the period's chain still ends at ``expected_latest`` (checked
        inside the write, BEGIN IMMEDIATE: no other export can come in between); else
        ChainForked and nothing written. Returns the row's id."""
        with self.store.transaction(actor=row.created_by, agency=row.agency_code) as s:
            latest = _latest_export(s, row.agency_code, row.plan_id, row.period)
            if (latest.bundle_id if latest else "") != expected_latest:
                raise ChainForked(latest.bundle_id if latest else "")
            s.add(row)
            s.record(
                action="bundle.export",
                entity="bundle",
                key=row.bundle_id,
                changes={"sha256": (None, row.sha256), "period": (None, row.period)},
            )
            s.flush()
            assert row.id is not None
            return row.id

    def take_back_export(
        self, row_id: int, *, bundle_id: str, sha256: str, error: str, actor: str, agency: str
    ) -> None:
        """Remove the record of an export whose file could not be named (the audit log is
        append-only: a second entry says the export failed, and why)."""
        with self.store.transaction(actor=actor, agency=agency) as s:
            row = s.get(BundleExport, row_id)
            if row is not None:
                s.delete(row)
            s.record(
                action="bundle.export_failed",
                entity="bundle",
                key=bundle_id,
                changes={"sha256": (sha256, None), "error": (None, error)},
            )

    # -- receipts taken in -----------------------------------------------------------------------
    def receipt_by_sha256(self, sha256: str) -> ReceivedReceipt | None:
        with self.store.read() as s:
            return s.exec(select(ReceivedReceipt).where(ReceivedReceipt.sha256 == sha256)).first()

    def add_receipt(
        self,
        row: ReceivedReceipt,
        issued: datetime,
        *,
        actor: str,
        agency: str,
        check: Callable[[ReceivedReceipt | None], None],
    ) -> None:
        """Keep a receipt; ``check`` sees the newest receipt kept for the same bundle, as the
        write reads it, and raises to refuse."""
        with self.store.transaction(actor=actor, agency=agency) as s:
            newest = s.exec(
                select(ReceivedReceipt)
                .where(ReceivedReceipt.bundle_id == row.bundle_id)
                .order_by(col(ReceivedReceipt.issued_at).desc())
                .limit(1)
            ).first()
            check(newest)
            s.add(row)
            s.record(
                action="receipt.import",
                entity="bundle",
                key=row.bundle_id,
                changes={"state": (None, row.state), "issued_at": (None, issued.isoformat())},
            )

    def receipts(self) -> list[ReceivedReceipt]:
        """Every receipt taken in, oldest first."""
        with self.store.read() as s:
            return list(s.exec(select(ReceivedReceipt).order_by(col(ReceivedReceipt.id))).all())

    # -- trust anchors ---------------------------------------------------------------------------
    def anchors(self) -> dict[str, bytes]:
        """The remembered CA certificate and revocation list (PEM), by key."""
        with self.store.read() as s:
            return _anchors(s)

    def update_anchors(
        self,
        decide: Callable[[dict[str, bytes]], dict[str, bytes | None]],
        *,
        actor: str,
        agency: str,
    ) -> dict[str, bytes | None]:
        """Read the anchors, let ``decide`` say what they become (it may raise to refuse), and
        write what changed, each change audited with the hashes before and after; all in one
        transaction."""
        with self.store.transaction(actor=actor, agency=agency) as s:
            rows = _anchors(s)
            wanted = decide(rows)
            for key in ANCHOR_KEYS:
                _write_anchor(s, key, rows.get(key), wanted.get(key))
        return wanted


def _anchors(s: Session) -> dict[str, bytes]:
    return {str(k): str(v).encode() for k, v in s.connection().execute(_ANCHORS).all()}


def _digest(pem: bytes | None) -> str | None:
    return None if pem is None else hashlib.sha256(pem).hexdigest()


def _write_anchor(s: AuditedSession, key: str, old: bytes | None, new: bytes | None) -> None:
    if old == new:
        return
    conn = s.connection()
    if new is None:
        conn.execute(text("DELETE FROM app_meta WHERE key = :k"), {"k": key})
    else:
        conn.execute(
            text("INSERT OR REPLACE INTO app_meta (key, value) VALUES (:k, :v)"),
            {"k": key, "v": new.decode()},  # PEM blocks (services.anchors): ASCII
        )
    s.record(
        action="trust.anchor",
        entity="trust",
        key=key.removeprefix("trust_").removesuffix("_pem"),
        changes={"sha256": (_digest(old), _digest(new))},
    )
