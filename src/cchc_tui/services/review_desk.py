"""The reviewer's writes (states, comments, appraisal points, dropping a bundle), each audited,
and what the review desk reads back. Receipts are in receipts.py."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from cchc_tui.bundle.receipt import STATES
from cchc_tui.core import labels
from cchc_tui.core.agencies import Registry
from cchc_tui.core.appraisal import Outcome, outcome, self_points
from cchc_tui.core.comments import parse_target
from cchc_tui.core.criteria import CriteriaSet, parse_criteria
from cchc_tui.core.dates import DateError, format_date, local_day, local_time, parse_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import num
from cchc_tui.core.periods import current_period
from cchc_tui.core.plan import Plan
from cchc_tui.core.resubmission import Change, changes
from cchc_tui.core.review import Overview, Received, expected_units, overview
from cchc_tui.core.scoring import check_points, totals
from cchc_tui.core.submission import Submission, decimal_of
from cchc_tui.core.text import clean, nfc
from cchc_tui.services.received import bundles_dir, latest_for_period, stored_submission
from cchc_tui.store.models import CommentWithdrawal, ReceivedBundle, ReviewComment
from cchc_tui.store.review import ReviewStore
from cchc_tui.store.service import Store


def latest_bundle(store: Store, agency: str, plan: str, period: str) -> ReceivedBundle:
    """The agency's latest bundle for the period that counts (a dropped one does not), or a
    clear error when none came. (The supersedes check at import uses ``latest_received``,
    which sees dropped bundles too: they stay in the resubmission chain.)"""
    row = ReviewStore(store).latest(agency, plan, period, dropped_too=False)
    if row is None:
        raise UserError("review.no_bundle", agency=agency, period=period)
    return row


def find_bundle(store: Store, plan: str, period: str, ref: str) -> ReceivedBundle | None:
    """A received bundle of the period (dropped or not) by its id or the start of it (8
    characters or more, as the review desk shows it); None when none matches."""
    ref = ref.strip().lower()
    if len(ref) < 8:
        return None
    rows = ReviewStore(store).starting_with(plan, period, ref)
    exact = [r for r in rows if r.bundle_id == ref]
    if exact:
        return exact[0]
    if len(rows) > 1:
        choices = ", ".join(sorted(r.bundle_id for r in rows))
        raise UserError("review.drop_ambiguous", ref=ref, choices=choices)
    return rows[0] if rows else None


def drop_bundle(store: Store, bundle: ReceivedBundle, reason: str, *, actor: str) -> Path:
    """Drop a received bundle: it no longer counts for the period (overview, ranking, the
    activity view, receipts, appraisals) but stays in the resubmission chain and the history.
    Its folder is moved aside under ``<db>.bundles/.dropped/<agency>/<bundle id>[-n]`` (kept,
    never deleted), the row marked and the drop audited, all or nothing. Returns where the
    files are kept now."""
    reason = clean(reason)

    def refuse_twice(row: ReceivedBundle) -> None:
        if row.dropped_at is not None:
            raise UserError(
                "review.drop_already",
                id=row.bundle_id,
                when=local_time(row.dropped_at),
                by=row.dropped_by or "—",
            )

    refuse_twice(bundle)
    source = Path(bundle.stored_path)
    kept, moved = source, False
    if source.is_dir():  # a folder removed by hand: the bundle is still dropped
        aside = bundles_dir(store) / ".dropped" / bundle.agency_code
        kept = aside / bundle.bundle_id
        n = 1
        while kept.exists():
            n += 1
            kept = aside / f"{bundle.bundle_id}-{n}"
        try:
            aside.mkdir(parents=True, exist_ok=True)
            os.rename(source, kept)
        except OSError as e:
            raise UserError(
                "review.drop_move_failed", path=source, detail=e.strerror or str(e)
            ) from None
        moved = True

    def check(row: ReceivedBundle | None) -> ReceivedBundle:
        if row is None:
            raise UserError("review.drop_unknown", ref=bundle.bundle_id, period=bundle.period)
        refuse_twice(row)  # another reviewer may just have dropped it
        return row

    try:
        ReviewStore(store).mark_dropped(
            bundle, reason=reason, kept=str(kept), actor=actor, check=check
        )
    except BaseException:
        if moved:
            with contextlib.suppress(OSError):
                os.rename(kept, source)
        raise
    return kept


def opening_period(store: Store, plan: Plan, today: date) -> str:
    """The period the desk opens on: the latest one of the plan (in its order) for which a
    bundle that counts was received, else the period of today."""
    got = ReviewStore(store).received_periods(plan.id)
    latest = [p.code for p in plan.period if p.code in got]
    return latest[-1] if latest else current_period(plan, today).code


@dataclass(frozen=True)
class Resubmission:
    """The agency's latest bundle of the period that counts, the one before it and what
    changed between them (None and [] when it is the first)."""

    latest: ReceivedBundle
    previous: ReceivedBundle | None
    changes: list[Change]


def since_previous(store: Store, agency: str, plan: str, period: str) -> Resubmission:
    """What the agency changed in its latest bundle of the period since the one before it
    (dropped bundles left out), both read from the reviewer's stored copies."""
    rows = ReviewStore(store).in_period(plan, period, agency=agency, dropped_too=False)
    if not rows:
        raise UserError("review.no_bundle", agency=agency, period=period)
    latest = rows[-1]
    if len(rows) < 2:
        return Resubmission(latest, None, [])
    previous = rows[-2]
    new, broken_new = stored_submission(latest)
    old, broken_old = stored_submission(previous)
    for row, got, why in ((latest, new, broken_new), (previous, old, broken_old)):
        if got is None:
            raise UserError("review.broken_bundle", agency=row.agency_code, reason=why)
    assert new is not None and old is not None  # refused above
    return Resubmission(latest, previous, changes(old, new))


def first_bundle(store: Store, agency: str, plan: str, period: str) -> ReceivedBundle:
    """The agency's first bundle for the period that counts: the one whose arrival day the
    lateness is counted from (a resubmission asked for in review does not make a unit late)."""
    rows = ReviewStore(store).in_period(plan, period, agency=agency, dropped_too=False)
    if not rows:
        raise UserError("review.no_bundle", agency=agency, period=period)
    return rows[0]


def set_arrival(
    store: Store,
    bundle: ReceivedBundle,
    day: date | str,
    note: str = "",
    *,
    actor: str,
    today: date | None = None,
) -> ReceivedBundle:
    """Record the day a bundle arrived (dd/mm/yyyy or a date): not in the future, not before
    the day it was signed (a bundle cannot reach the reviewer before it exists). The note says
    how it is known ("công văn đến ngày…"). Audited; returns the row as written."""
    today = today or date.today()
    if isinstance(day, str):
        day = parse_date(day, today=today)
    elif day > today:
        raise DateError("date.future", value=format_date(day), today=format_date(today))
    if bundle.signing_time is not None:
        signed = local_day(bundle.signing_time)
        if day < signed:
            raise UserError(
                "review.arrival_before_signing", date=format_date(day), signed=format_date(signed)
            )
    return ReviewStore(store).set_arrival(bundle, day, clean(note), actor=actor)


def set_state(
    store: Store, bundle: ReceivedBundle, state: str, *, actor: str, reason: str = ""
) -> str:
    """Set the bundle's review state (audited). Once "đã duyệt", the state stays unless the
    reviewer reopens it with a reason. Returns the state it replaced."""
    if state not in STATES:
        raise UserError("review.bad_state", value=state, choices=", ".join(STATES))
    review = ReviewStore(store)
    current = review.latest_states([bundle.bundle_id])[bundle.bundle_id]
    if state == current:
        raise UserError("review.state_same", state=t(labels.RECEIPT_STATE[state]))
    reason = clean(reason)
    if current == "da_duyet" and not reason:
        raise UserError("review.state_locked")
    review.add_state(bundle, state, actor=actor, reason=reason)
    return current


def add_comment(store: Store, bundle: ReceivedBundle, target: str, text: str, *, actor: str) -> str:
    """A comment on the whole bundle, one of the plan's items or a criterion of the bundle's
    set; the target as typed ("Hoạt động 3.8", "1.1.1", "item:hd3.8"…) is validated and stored
    in its one form, which is returned. Never edited afterwards, only withdrawn."""
    text = nfc(text).strip()
    if not text:
        raise UserError("review.empty_comment")
    plan = store.load_plan(bundle.plan_id)
    codes: set[str] = set()
    with contextlib.suppress(UserError):  # a set not known here: items and general only
        _set_id, cset, _submission = criteria_of_bundle(store, bundle)
        codes = {s.code for s in cset.subs} | {c.code for c in cset.criteria}
        codes |= {a.code for a in cset.areas}
    stored = parse_target(target, plan, codes)
    ReviewStore(store).add_comment(bundle, stored, clean(text), actor=actor)
    return stored


@dataclass(frozen=True)
class Comment:
    """A reviewer's comment as the desk lists it: on which bundle of the period, and whether
    it was withdrawn (then shown struck out, never in a receipt)."""

    row: ReviewComment
    bundle_id: str
    withdrawn: CommentWithdrawal | None


def period_comments(store: Store, agency: str, plan: str, period: str) -> list[Comment]:
    """Every comment on the agency's bundles of the period that count (a round-1 comment on
    the first bundle stays in view when the agency resubmits), oldest first."""
    review = ReviewStore(store)
    ids = [r.bundle_id for r in review.in_period(plan, period, agency=agency, dropped_too=False)]
    rows = review.comments(ids)
    gone = review.withdrawals([c.id for c in rows if c.id is not None])
    return [Comment(c, c.bundle_id, gone.get(c.id)) for c in rows if c.id is not None]


def withdraw_comment(
    store: Store, bundle: ReceivedBundle, comment_id: int, reason: str, *, actor: str
) -> None:
    """Take a comment back with a reason: it stays in the record and the audit, struck out."""
    reason = clean(reason)
    if not reason:
        raise UserError("review.reason_comment_withdraw")
    review = ReviewStore(store)
    for row in review.in_period(bundle.plan_id, bundle.period, agency=bundle.agency_code):
        if any(c.id == comment_id for c in review.comments(row.bundle_id)):
            bundle = row
            break
    try:
        review.withdraw_comment(bundle, comment_id, reason, actor=actor)
    except LookupError:
        raise UserError("review.comment_unknown", id=comment_id) from None
    except ValueError:
        raise UserError("review.comment_already_withdrawn", id=comment_id) from None


def criteria_for(store: Store, set_id: str) -> CriteriaSet | None:
    """The criteria set a bundle was scored under: held in this database, or a shipped
    template of that id; None when the reviewer has not imported it."""
    text = store.criteria_text(set_id)
    if text is None:
        from importlib import resources

        shipped = resources.files("cchc_tui.data").joinpath("criteria", f"{set_id}.toml")
        if not (set_id.replace("-", "").isalnum() and shipped.is_file()):
            return None
        text = shipped.read_text("utf-8")
    return _parsed(text, set_id)


def check_self_assessment(store: Store, submission: Submission) -> None:
    """A bundle's self-assessment as this reviewer's copy of its criteria set computes it: the
    set is known here, every self score is one its rule can give, and the total, percentage
    and grade the bundle states are what those points give. The agency names its own set and
    states its own total: neither is believed, so a ranking never shows a figure the points
    do not give (UserError naming what does not hold)."""
    for scores in submission.scores:
        cset = criteria_for(store, scores.set_id)
        if cset is None:
            raise UserError("import.unknown_set", set=scores.set_id)
        by_code = {s.code: s for s in cset.subs}
        points: dict[str, Decimal | None] = {}
        for given in scores.subs:
            sub = by_code.get(given.code)
            if sub is None:
                raise UserError("import.unknown_sub", code=given.code, set=scores.set_id)
            value = decimal_of(given.self_points)
            if value is not None:
                if sub.is_survey:
                    raise UserError("score.survey_not_self", code=given.code)
                try:
                    check_points(sub, value)
                except UserError as e:
                    reason = e.message()
                    raise UserError(
                        "import.bad_self_score", code=given.code, reason=reason
                    ) from None

            points[given.code] = value
        result = totals(cset, points)
        stated = (decimal_of(scores.total), decimal_of(scores.percent), scores.grade)
        if stated != (result.total, result.percent, result.grade):
            raise UserError(
                "import.self_total_mismatch",
                set=scores.set_id,
                stated=f"{scores.total} = {scores.percent}% ({scores.grade})",
                computed=f"{num(result.total)} = {num(result.percent)}% ({result.grade})",
            )


@lru_cache(maxsize=8)
def _parsed(text: str, set_id: str) -> CriteriaSet:
    """Sets are read-only once parsed; the review desk asks for the same few on every refresh."""
    return parse_criteria(text, set_id)


def criteria_of_bundle(store: Store, bundle: ReceivedBundle) -> tuple[str, CriteriaSet, Submission]:
    """The set id of a received bundle's self-assessment, the set itself and the submission
    (read through the schema), or a clear error."""
    submission, broken = stored_submission(bundle)
    if submission is None:
        raise UserError("review.broken_bundle", agency=bundle.agency_code, reason=broken)
    scores = submission.first_scores
    if scores is None:
        raise UserError("review.no_scores")
    cset = criteria_for(store, scores.set_id)
    if cset is None:
        ids = ", ".join(i.id for i in store.criteria_ids()) or "—"
        raise UserError("criteria.unknown", id=scores.set_id, choices=ids)
    return scores.set_id, cset, submission


def rounds_for(store: Store, agency: str, plan: str, period: str) -> dict[str, dict[int, Decimal]]:
    """code → round → points over every bundle the agency sent for the period, in the order
    they came (round 1 on the first bundle and round 2 on the one sent with the explanation
    both count; a later bundle's entry for the same round replaces an earlier one)."""
    return ReviewStore(store).rounds_of(agency, plan, period)


def reasons_for(store: Store, agency: str, plan: str, period: str) -> dict[str, dict[int, str]]:
    """code → round → the reason given with the entry that counts ('' when none)."""
    return ReviewStore(store).reasons_of(agency, plan, period)


def all_rounds(store: Store, plan: str, period: str) -> dict[str, dict[str, dict[int, Decimal]]]:
    """agency → code → round → points, in one query."""
    return ReviewStore(store).rounds(plan, period)


def outcomes(
    store: Store, plan: str, period: str, latest: Mapping[str, Received]
) -> dict[str, Outcome]:
    """agency → its appraisal (or, not yet appraised, its self-assessment recomputed) for every
    received agency whose criteria set is known here."""
    sets: dict[str, CriteriaSet | None] = {}
    rounds = all_rounds(store, plan, period) if latest else {}
    out = {}
    for agency, got in latest.items():
        scores = got.submission.first_scores if got.submission else None
        if got.submission is None or scores is None:
            continue  # a broken bundle, or no self-assessment
        set_id = scores.set_id
        if set_id not in sets:
            sets[set_id] = criteria_for(store, set_id)
        cset = sets[set_id]
        if cset is None:
            continue
        out[agency] = outcome(cset, self_points(got.submission), rounds.get(agency, {}))
    return out


def history(store: Store, agency: str, plan: str, period: str) -> list[tuple[ReceivedBundle, str]]:
    """Every bundle the agency sent for the period, in the order received, with its review
    state: the latest counts, the earlier ones stay visible (a dropped one too: its
    ``dropped_at`` says so)."""
    rows = ReviewStore(store).in_period(plan, period, agency=agency)
    states = latest_states(store, [r.bundle_id for r in rows])
    return [(r, states[r.bundle_id]) for r in rows]


def histories(store: Store, plan: str, period: str) -> dict[str, list[tuple[ReceivedBundle, str]]]:
    """agency → its :func:`history`, for every agency that sent anything for the period (a unit
    whose only bundle was dropped included), in two queries."""
    rows = ReviewStore(store).in_period(plan, period)
    states = latest_states(store, [r.bundle_id for r in rows])
    out: dict[str, list[tuple[ReceivedBundle, str]]] = {}
    for r in rows:
        out.setdefault(r.agency_code, []).append((r, states[r.bundle_id]))
    return out


def latest_states(store: Store, bundle_ids: Collection[str]) -> dict[str, str]:
    """bundle id → its current review state, for the bundles given (one query)."""
    return ReviewStore(store).latest_states(bundle_ids)


def state_and_comments(store: Store, bundle_id: str) -> tuple[str, list[ReviewComment]]:
    """A received bundle's current review state (đã nhận until one is set) and its comments,
    oldest first."""
    review = ReviewStore(store)
    return review.latest_states([bundle_id])[bundle_id], review.comments(bundle_id)


@dataclass(frozen=True)
class EvidenceCheck:
    key: str  # the document's id in the submission
    state: str  # ok | mismatch | missing | none (no file attached)
    path: Path | None  # where the reviewer's copy is stored


def check_evidence(bundle_dir: Path, submission: Submission) -> Iterator[EvidenceCheck]:
    """Hash every evidence file stored with a received bundle again, one at a time."""
    root = bundle_dir.resolve()
    for e in submission.evidence:
        key, rel, digest = str(e.id), e.path, e.sha256
        if not rel or not digest:
            yield EvidenceCheck(key, "none", None)
            continue
        path = (root / str(rel)).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            yield EvidenceCheck(key, "missing", path)
            continue
        h = hashlib.sha256()
        try:
            with path.open("rb") as f:
                while chunk := f.read(1 << 20):
                    h.update(chunk)
        except OSError:
            yield EvidenceCheck(key, "missing", path)
            continue
        yield EvidenceCheck(key, "ok" if h.hexdigest() == digest else "mismatch", path)


@dataclass(frozen=True)
class PeriodView:
    """What the review desk shows of a period: the overview of the units this reviewer
    expects, each received unit's standing (appraisal or self) and its latest review state."""

    overview: Overview
    outcomes: dict[str, Outcome]
    states: dict[str, str]
    expected: frozenset[str]


def period_view(
    store: Store, registry: Registry, plan: Plan, reviewer: str, period: str
) -> PeriodView:
    """The one computation of a period's overview, for the review desk app and `cchc review`."""
    expected = frozenset(a.code for a in expected_units(registry, plan, reviewer))
    latest = latest_for_period(store, plan.id, period, expected)
    view = overview(registry, plan, reviewer, period, latest)
    by_bundle = latest_states(store, [r.bundle_id for r in latest.values()])
    states = {code: by_bundle[r.bundle_id] for code, r in latest.items()}
    return PeriodView(view, outcomes(store, plan.id, period, latest), states, expected)
