"""The review desk's records (persistence only; the rules are in services/): the bundles
received, their review states and comments, and the appraisal points. Each write is one
transaction with its audit row."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, datetime
from decimal import Decimal

from sqlmodel import col, select

from cchc_tui.store.models import Appraisal, ReceivedBundle, ReviewComment, ReviewState
from cchc_tui.store.service import Store
from cchc_tui.store.transaction import utcnow

UNREVIEWED = "da_nhan"  # the state of a received bundle until the reviewer sets one


class ChainMoved(Exception):
    """Another import came in for the same agency, plan and period since the chain was read."""

    def __init__(self, latest: str) -> None:
        super().__init__()
        self.latest = latest


class ReviewStore:
    """Received bundles and their review, over a Store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- received bundles ------------------------------------------------------------------------
    def latest(
        self, agency: str, plan: str, period: str, *, dropped_too: bool = True
    ) -> ReceivedBundle | None:
        """The agency's latest bundle for the period (``dropped_too``: a dropped one included,
        as the resubmission chain sees it; else the latest one that counts)."""
        query = select(ReceivedBundle).where(
            ReceivedBundle.agency_code == agency,
            ReceivedBundle.plan_id == plan,
            ReceivedBundle.period == period,
        )
        if not dropped_too:
            query = query.where(col(ReceivedBundle.dropped_at).is_(None))
        with self.store.read() as s:
            return s.exec(query.order_by(col(ReceivedBundle.id).desc()).limit(1)).first()

    def by_sha256(self, sha256: str) -> ReceivedBundle | None:
        with self.store.read() as s:
            return s.exec(select(ReceivedBundle).where(ReceivedBundle.sha256 == sha256)).first()

    def by_id(self, bundle_id: str) -> ReceivedBundle | None:
        with self.store.read() as s:
            return s.exec(
                select(ReceivedBundle).where(ReceivedBundle.bundle_id == bundle_id)
            ).first()

    def starting_with(self, plan: str, period: str, prefix: str) -> list[ReceivedBundle]:
        with self.store.read() as s:
            return list(
                s.exec(
                    select(ReceivedBundle).where(
                        ReceivedBundle.plan_id == plan,
                        ReceivedBundle.period == period,
                        col(ReceivedBundle.bundle_id).startswith(prefix, autoescape=True),
                    )
                ).all()
            )

    def in_period(
        self, plan: str, period: str, *, agency: str | None = None, dropped_too: bool = True
    ) -> list[ReceivedBundle]:
        """The bundles received for a plan and period, in the order they came."""
        query = select(ReceivedBundle).where(
            ReceivedBundle.plan_id == plan, ReceivedBundle.period == period
        )
        if agency is not None:
            query = query.where(ReceivedBundle.agency_code == agency)
        if not dropped_too:
            query = query.where(col(ReceivedBundle.dropped_at).is_(None))
        with self.store.read() as s:
            return list(s.exec(query.order_by(col(ReceivedBundle.id))).all())

    def add_received(self, row: ReceivedBundle, *, expected_latest: str, actor: str) -> None:
        """Record a bundle received, if the agency's chain still ends at ``expected_latest``
        (checked again inside the write, BEGIN IMMEDIATE: another import may have come in
        since); else ChainMoved and nothing written."""
        with self.store.transaction(actor=actor, agency=row.agency_code) as s:
            now_latest = s.exec(
                select(ReceivedBundle.bundle_id)
                .where(
                    ReceivedBundle.agency_code == row.agency_code,
                    ReceivedBundle.plan_id == row.plan_id,
                    ReceivedBundle.period == row.period,
                )
                .order_by(col(ReceivedBundle.id).desc())
                .limit(1)
            ).first()
            if (now_latest or "") != expected_latest:
                raise ChainMoved(now_latest or "")
            s.add(row)
            s.record(
                action="bundle.import",
                entity="bundle",
                key=row.bundle_id,
                changes={"sha256": (None, row.sha256), "supersedes": (None, row.supersedes)},
            )

    def mark_dropped(
        self,
        bundle: ReceivedBundle,
        *,
        reason: str,
        kept: str,
        actor: str,
        check: Callable[[ReceivedBundle | None], ReceivedBundle],
    ) -> datetime:
        """Mark a bundle dropped, its files now at ``kept``; ``check`` sees the row as the write
        reads it (None: gone) and raises to refuse. Returns when."""
        now = utcnow()
        with self.store.transaction(actor=actor, agency=bundle.agency_code) as s:
            row = check(s.get(ReceivedBundle, bundle.id))
            source = row.stored_path
            row.dropped_at, row.dropped_by, row.drop_reason = now, actor, reason
            row.stored_path = kept
            s.add(row)
            s.record(
                action="bundle.drop",
                entity="bundle",
                key=row.bundle_id,
                changes={
                    "dropped_at": (None, now),
                    "reason": (None, reason),
                    "stored_path": (source, kept),
                },
            )
        return now

    def set_arrival(
        self, bundle: ReceivedBundle, day: date, note: str, *, actor: str
    ) -> ReceivedBundle:
        """Record the day the bundle arrived, with the reviewer's note; audited with the day
        it replaces. Returns the row as written."""
        with self.store.transaction(actor=actor, agency=bundle.agency_code) as s:
            row = s.get(ReceivedBundle, bundle.id)
            if row is None:
                raise LookupError(bundle.bundle_id)
            before = (row.arrived_on, row.arrival_note)
            row.arrived_on, row.arrival_note = day, note
            s.add(row)
            s.record(
                action="review.arrival",
                entity="bundle",
                key=row.bundle_id,
                changes={"arrived_on": (before[0], day), "note": (before[1], note)},
            )
        written = self.by_id(bundle.bundle_id)
        assert written is not None  # written above, and bundles are never deleted
        return written

    # -- states and comments ---------------------------------------------------------------------
    def add_state(self, bundle: ReceivedBundle, state: str, *, actor: str) -> None:
        with self.store.transaction(actor=actor, agency=bundle.agency_code) as s:
            s.add(ReviewState(bundle_id=bundle.bundle_id, state=state, at=utcnow(), by=actor))
            s.record(
                action="review.state",
                entity="bundle",
                key=bundle.bundle_id,
                changes={"state": (None, state)},
            )

    def add_comment(self, bundle: ReceivedBundle, target: str, text: str, *, actor: str) -> None:
        with self.store.transaction(actor=actor, agency=bundle.agency_code) as s:
            s.add(
                ReviewComment(
                    bundle_id=bundle.bundle_id, target=target, text=text, at=utcnow(), by=actor
                )
            )
            s.record(
                action="review.comment",
                entity="bundle",
                key=bundle.bundle_id,
                changes={target: (None, text)},
            )

    def note_receipt(self, bundle: ReceivedBundle, path: str, *, actor: str) -> None:
        """The audit row of a receipt signed for the bundle (the file is the receipt)."""
        with self.store.transaction(actor=actor, agency=bundle.agency_code) as s:
            s.record(
                action="review.receipt",
                entity="bundle",
                key=bundle.bundle_id,
                changes={"file": (None, path)},
            )

    def latest_states(self, bundle_ids: Collection[str]) -> dict[str, str]:
        """bundle id → its current review state, for the bundles given (one query)."""
        with self.store.read() as s:
            rows = s.exec(
                select(ReviewState)
                .where(col(ReviewState.bundle_id).in_(list(bundle_ids)))
                .order_by(col(ReviewState.id))
            ).all()
        out = dict.fromkeys(bundle_ids, UNREVIEWED)
        for r in rows:
            out[r.bundle_id] = r.state
        return out

    def comments(self, bundle_id: str) -> list[ReviewComment]:
        """A received bundle's comments, oldest first."""
        with self.store.read() as s:
            return list(
                s.exec(
                    select(ReviewComment)
                    .where(ReviewComment.bundle_id == bundle_id)
                    .order_by(col(ReviewComment.id))
                ).all()
            )

    # -- appraisal points ------------------------------------------------------------------------
    def set_points(
        self, bundle: ReceivedBundle, code: str, round_: int, value: Decimal, *, actor: str
    ) -> None:
        """Điểm thẩm định for one sub-criterion and round (replacing an earlier entry)."""
        with self.store.transaction(actor=actor, agency=bundle.agency_code) as s:
            row = s.exec(
                select(Appraisal).where(
                    Appraisal.bundle_id == bundle.bundle_id,
                    Appraisal.code == code,
                    Appraisal.round == round_,
                )
            ).first()
            before = row.points if row else None
            now = utcnow()
            if row is None:
                row = Appraisal(
                    bundle_id=bundle.bundle_id,
                    code=code,
                    round=round_,
                    points=str(value),
                    at=now,
                    by=actor,
                )
            else:
                row.points, row.at, row.by = str(value), now, actor
            s.add(row)
            s.record(
                action="review.appraise",
                entity="bundle",
                key=f"{bundle.bundle_id}/{code}/{round_}",
                changes={"points": (before, str(value))},
            )

    def rounds(self, plan: str, period: str) -> dict[str, dict[str, dict[int, Decimal]]]:
        """agency → code → round → points over every bundle that counts (a dropped bundle's
        appraisal is void), in the order they came: a later bundle's entry for the same round
        replaces an earlier one. One query."""
        out: dict[str, dict[str, dict[int, Decimal]]] = {}
        for a, b in self._appraisals(plan, period, None):
            out.setdefault(b.agency_code, {}).setdefault(a.code, {})[a.round] = Decimal(a.points)
        return out

    def rounds_of(self, agency: str, plan: str, period: str) -> dict[str, dict[int, Decimal]]:
        """code → round → points of one agency, as :meth:`rounds` counts them."""
        out: dict[str, dict[int, Decimal]] = {}
        for a, _b in self._appraisals(plan, period, agency):
            out.setdefault(a.code, {})[a.round] = Decimal(a.points)
        return out

    def _appraisals(
        self, plan: str, period: str, agency: str | None
    ) -> list[tuple[Appraisal, ReceivedBundle]]:
        query = (
            select(Appraisal, ReceivedBundle)
            .join(ReceivedBundle, col(ReceivedBundle.bundle_id) == col(Appraisal.bundle_id))
            .where(
                ReceivedBundle.plan_id == plan,
                ReceivedBundle.period == period,
                col(ReceivedBundle.dropped_at).is_(None),
            )
            .order_by(col(ReceivedBundle.id))  # one row per bundle, code and round
        )
        if agency is not None:
            query = query.where(ReceivedBundle.agency_code == agency)
        with self.store.read() as s:
            return list(s.exec(query).all())
