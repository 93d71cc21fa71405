"""The review desk's records (persistence only; the rules are in services/): the bundles
received, their review states and comments, and the appraisal points. Each write is one
transaction with its audit row."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, datetime
from decimal import Decimal

from sqlmodel import col, func, select

from cchc_tui.store.models import (
    Appraisal,
    CommentWithdrawal,
    IssuedReceipt,
    ReceivedBundle,
    ReviewComment,
    ReviewState,
)
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

    def received_periods(self, plan: str) -> set[str]:
        """The periods of the plan for which a bundle that counts was received."""
        with self.store.read() as s:
            return set(
                s.exec(
                    select(ReceivedBundle.period)
                    .where(
                        ReceivedBundle.plan_id == plan,
                        col(ReceivedBundle.dropped_at).is_(None),
                    )
                    .distinct()
                ).all()
            )

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
                raise LookupError
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
    def add_state(self, bundle: ReceivedBundle, state: str, *, actor: str, reason: str) -> None:
        with self.store.transaction(actor=actor, agency=bundle.agency_code) as s:
            s.add(
                ReviewState(
                    bundle_id=bundle.bundle_id, state=state, at=utcnow(), by=actor, reason=reason
                )
            )
            s.record(
                action="review.state",
                entity="bundle",
                key=bundle.bundle_id,
                changes={"state": (None, state), **({"reason": (None, reason)} if reason else {})},
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

    def withdraw_comment(
        self, bundle: ReceivedBundle, comment_id: int, reason: str, *, actor: str
    ) -> None:
        """Take a comment back (it stays as written; the withdrawal is its own row). Raises
        LookupError for a comment not on this bundle, ValueError when already withdrawn."""
        with self.store.transaction(actor=actor, agency=bundle.agency_code) as s:
            comment = s.get(ReviewComment, comment_id)
            if comment is None or comment.bundle_id != bundle.bundle_id:
                raise LookupError
            done = s.exec(
                select(CommentWithdrawal).where(CommentWithdrawal.comment_id == comment_id)
            ).first()
            if done is not None:
                raise ValueError
            row = CommentWithdrawal(comment_id=comment_id, reason=reason, at=utcnow(), by=actor)
            s.add(row)
            s.record(
                action="review.comment_withdraw",
                entity="bundle",
                key=f"{bundle.bundle_id}/{comment_id}",
                changes={"text": (comment.text, None), "reason": (None, reason)},
            )

    def withdrawals(self, comment_ids: Collection[int]) -> dict[int, CommentWithdrawal]:
        with self.store.read() as s:
            rows = s.exec(
                select(CommentWithdrawal).where(
                    col(CommentWithdrawal.comment_id).in_(list(comment_ids))
                )
            ).all()
        return {r.comment_id: r for r in rows}

    # -- receipts signed -------------------------------------------------------------------------
    def add_issued(
        self,
        bundle: ReceivedBundle,
        *,
        state: str,
        data: bytes,
        sha256: str,
        file_for: Callable[[int], str],
        actor: str,
    ) -> IssuedReceipt:
        """Keep a receipt as signed, numbered after the last one for the agency, plan and
        period (the number read and written in one BEGIN IMMEDIATE: two reviewers never get
        the same). ``file_for(number)`` names the file it is written to; audited."""
        with self.store.transaction(actor=actor, agency=bundle.agency_code) as s:
            last = s.exec(
                select(func.max(IssuedReceipt.number)).where(
                    IssuedReceipt.agency_code == bundle.agency_code,
                    IssuedReceipt.plan_id == bundle.plan_id,
                    IssuedReceipt.period == bundle.period,
                )
            ).one()
            number = (last or 0) + 1
            row = IssuedReceipt(
                bundle_id=bundle.bundle_id,
                agency_code=bundle.agency_code,
                plan_id=bundle.plan_id,
                period=bundle.period,
                number=number,
                state=state,
                file=file_for(number),
                sha256=sha256,
                data=data,
                at=utcnow(),
                by=actor,
            )
            s.add(row)
            s.record(
                action="review.receipt",
                entity="bundle",
                key=bundle.bundle_id,
                changes={
                    "number": (None, number),
                    "file": (None, row.file),
                    "state": (None, state),
                },
            )
        rows = self.issued(bundle.agency_code, bundle.plan_id, bundle.period)
        return next(r for r in rows if r.number == number)  # as written

    def note_reissue(self, row: IssuedReceipt, path: str, *, actor: str) -> None:
        with self.store.transaction(actor=actor, agency=row.agency_code) as s:
            s.record(
                action="review.receipt_reissue",
                entity="bundle",
                key=row.bundle_id,
                changes={"number": (None, row.number), "file": (None, path)},
            )

    def issued(self, agency: str, plan: str, period: str) -> list[IssuedReceipt]:
        """The receipts signed for an agency and period, first first."""
        with self.store.read() as s:
            return list(
                s.exec(
                    select(IssuedReceipt)
                    .where(
                        IssuedReceipt.agency_code == agency,
                        IssuedReceipt.plan_id == plan,
                        IssuedReceipt.period == period,
                    )
                    .order_by(col(IssuedReceipt.number))
                ).all()
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

    def comments(self, bundle_id: str | Collection[str]) -> list[ReviewComment]:
        """The comments on a received bundle (or on several), oldest first."""
        ids = [bundle_id] if isinstance(bundle_id, str) else list(bundle_id)
        with self.store.read() as s:
            return list(
                s.exec(
                    select(ReviewComment)
                    .where(col(ReviewComment.bundle_id).in_(ids))
                    .order_by(col(ReviewComment.id))
                ).all()
            )

    # -- appraisal points ------------------------------------------------------------------------
    def set_points(
        self,
        bundle: ReceivedBundle,
        entries: Collection[tuple[str, int, Decimal]],
        *,
        reason: str,
        actor: str,
    ) -> None:
        """Điểm thẩm định for sub-criteria and rounds (replacing earlier entries of this
        bundle), all in one transaction, each audited with the value it replaces."""
        with self.store.transaction(actor=actor, agency=bundle.agency_code) as s:
            for code, round_, value in entries:
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
                        reason=reason,
                    )
                else:
                    row.points, row.at, row.by, row.reason = str(value), now, actor, reason
                s.add(row)
                s.record(
                    action="review.appraise",
                    entity="bundle",
                    key=f"{bundle.bundle_id}/{code}/{round_}",
                    changes={"points": (before, str(value)), "reason": (None, reason)},
                )

    def withdraw_points(
        self,
        agency: str,
        plan: str,
        period: str,
        code: str,
        round_: int,
        reason: str,
        *,
        actor: str,
    ) -> int:
        """Remove a round's appraisal of a sub-criterion, on every bundle of the period that
        counts (else an earlier bundle's entry would surface); each removal audited with the
        value and the reason. Returns how many entries were removed."""
        with self.store.transaction(actor=actor, agency=agency) as s:
            rows = s.exec(
                select(Appraisal)
                .join(ReceivedBundle, col(ReceivedBundle.bundle_id) == col(Appraisal.bundle_id))
                .where(
                    ReceivedBundle.agency_code == agency,
                    ReceivedBundle.plan_id == plan,
                    ReceivedBundle.period == period,
                    col(ReceivedBundle.dropped_at).is_(None),
                    Appraisal.code == code,
                    Appraisal.round == round_,
                )
            ).all()
            for row in rows:
                s.delete(row)
                s.record(
                    action="review.appraise_withdraw",
                    entity="bundle",
                    key=f"{row.bundle_id}/{code}/{round_}",
                    changes={"points": (row.points, None), "reason": (row.reason, reason)},
                )
        return len(rows)

    def reasons_of(self, agency: str, plan: str, period: str) -> dict[str, dict[int, str]]:
        """code → round → the reason given with the entry that counts ('' when none)."""
        out: dict[str, dict[int, str]] = {}
        for a, _b in self._appraisals(plan, period, agency):
            out.setdefault(a.code, {})[a.round] = a.reason
        return out

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
