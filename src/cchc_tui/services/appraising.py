"""Appraisal as the reviewer does it and corrects it: points for one sub-criterion and an
explicit round, a reason for every deduction and every change, withdrawing a round's entry
(with a reason), and accepting the agency's own points for a criterion or a whole area in one
step. Every write audited (store/review.py)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cchc_tui.core.appraisal import self_points
from cchc_tui.core.criteria import CriteriaSet, Sub
from cchc_tui.core.errors import UserError
from cchc_tui.core.numbers import num, parse_points
from cchc_tui.core.scoring import check_points
from cchc_tui.core.text import clean
from cchc_tui.services.review_desk import criteria_of_bundle
from cchc_tui.store.models import ReceivedBundle
from cchc_tui.store.review import ReviewStore
from cchc_tui.store.service import Store

ROUNDS = (1, 2)  # vòng 1; vòng 2 after the agency's explanation (giải trình)


@dataclass(frozen=True)
class Entry:
    """What stands for one sub-criterion: the agency's own points and each round's entry with
    the reason given for it (what the appraisal dialog shows while editing)."""

    sub: Sub
    self_points: Decimal | None
    rounds: dict[int, Decimal]
    reasons: dict[int, str]


def entry(store: Store, bundle: ReceivedBundle, code: str) -> Entry:
    set_id, cset, submission = criteria_of_bundle(store, bundle)
    sub = _sub(cset, set_id, code)
    review = ReviewStore(store)
    rounds = review.rounds_of(bundle.agency_code, bundle.plan_id, bundle.period).get(code, {})
    reasons = review.reasons_of(bundle.agency_code, bundle.plan_id, bundle.period).get(code, {})
    return Entry(sub, self_points(submission).get(code), dict(rounds), dict(reasons))


def _sub(cset: CriteriaSet, set_id: str, code: str) -> Sub:
    sub = next((x for x in cset.subs if x.code == code), None)
    if sub is None:
        raise UserError("score.unknown_code", set=set_id, code=code)
    return sub


def _round(round_: int | str | None) -> int:
    """The round the reviewer chose: 1 or 2, never a default."""
    if round_ in (None, ""):
        raise UserError("review.pick_round")
    chosen = str(round_).strip()
    if chosen not in {str(r) for r in ROUNDS}:
        raise UserError("review.bad_round", value=round_)
    return int(chosen)


def appraise(
    store: Store,
    bundle: ReceivedBundle,
    code: str,
    points: str,
    *,
    round_: int | str | None,
    actor: str,
    reason: str = "",
) -> Decimal:
    """Record điểm thẩm định for one sub-criterion and round; checked against the bundle's
    criteria set like a self score (survey points: any hundredth up to the maximum). Points
    below the agency's own (a deduction) and a value replacing an earlier entry of the round
    need a reason, which the receipt carries."""
    chosen = _round(round_)
    value = parse_points(points)  # finite, 0–100, hundredths (core.numbers)
    now = entry(store, bundle, code)
    check_points(now.sub, value)
    reason = clean(reason)
    before = now.rounds.get(chosen)
    if not reason:
        if before is not None and before != value:
            raise UserError(
                "review.reason_change",
                code=code,
                round=chosen,
                before=num(before),
                after=num(value),
            )
        if now.self_points is not None and value < now.self_points:
            raise UserError(
                "review.reason_deduction", code=code, own=num(now.self_points), after=num(value)
            )
    ReviewStore(store).set_points(bundle, [(code, chosen, value)], reason=reason, actor=actor)
    return value


def withdraw(
    store: Store,
    bundle: ReceivedBundle,
    code: str,
    *,
    round_: int | str | None,
    reason: str,
    actor: str,
) -> Decimal:
    """Take back a round's appraisal of a sub-criterion (the agency's own points, or the
    other round, stand again), with a reason; audited with the value removed. Returns it."""
    chosen = _round(round_)
    now = entry(store, bundle, code)
    before = now.rounds.get(chosen)
    if before is None:
        raise UserError("review.nothing_to_withdraw", code=code, round=chosen)
    reason = clean(reason)
    if not reason:
        raise UserError("review.reason_withdraw", code=code, round=chosen)
    ReviewStore(store).withdraw_points(
        bundle.agency_code, bundle.plan_id, bundle.period, code, chosen, reason, actor=actor
    )
    return before


def scope_subs(cset: CriteriaSet, scope: str) -> list[Sub]:
    """The sub-criteria of an area ("1"), a criterion ("1.1") or one sub-criterion ("1.1.1")."""
    areas = {c.code: c.parent for c in cset.criteria}
    return [s for s in cset.subs if scope in (s.code, s.criterion, areas.get(s.criterion))]


def accept_self(
    store: Store, bundle: ReceivedBundle, scope: str, *, round_: int | str | None, actor: str
) -> list[str]:
    """Appraise every sub-criterion of an area, a criterion or one sub-criterion at the
    agency's own points, in one step (one transaction): the ones the agency scored and this
    round has not appraised yet (a survey sub-criterion has no own points; an entry already
    made is never overwritten). Returns the codes appraised."""
    chosen = _round(round_)
    set_id, cset, submission = criteria_of_bundle(store, bundle)
    scope = scope.strip()
    subs = scope_subs(cset, scope)
    if not subs:
        raise UserError("review.unknown_scope", scope=scope, set=set_id)
    own = self_points(submission)
    done = ReviewStore(store).rounds_of(bundle.agency_code, bundle.plan_id, bundle.period)
    entries = [
        (s.code, chosen, own[s.code])
        for s in subs
        if not s.is_survey and own.get(s.code) is not None and chosen not in done.get(s.code, {})
    ]
    if not entries:
        raise UserError("review.accept_none", scope=scope, round=chosen)
    ReviewStore(store).set_points(
        bundle,
        [(c, r, v) for c, r, v in entries if v is not None],
        reason="",
        actor=actor,
    )
    return [c for c, _r, _v in entries]


@dataclass(frozen=True)
class SurveyRow:
    """One unit's survey sub-criterion (điều tra xã hội học), which only Sở Nội vụ scores."""

    agency: str
    code: str
    max: Decimal
    points: Decimal | None  # entered (round 1), or None


SURVEY_ROUND = 1  # the survey is entered once, with the first round


def survey_rows(store: Store, plan: str, period: str, agencies: list[str]) -> list[SurveyRow]:
    """Every unit of ``agencies`` with a bundle that counts and a criteria set known here, with
    its survey sub-criteria and the points entered, in the order given (one query for the
    points)."""
    review = ReviewStore(store)
    entered = review.rounds(plan, period)
    out = []
    for agency in agencies:
        bundle = review.latest(agency, plan, period, dropped_too=False)
        if bundle is None:
            continue
        try:
            _set_id, cset, _submission = criteria_of_bundle(store, bundle)
        except UserError:
            continue  # a broken bundle or an unknown set: nothing to enter against
        for sub in cset.subs:
            if sub.is_survey:
                points = entered.get(agency, {}).get(sub.code, {}).get(SURVEY_ROUND)
                out.append(SurveyRow(agency, sub.code, sub.max, points))
    return out


def set_survey(
    store: Store,
    bundle: ReceivedBundle,
    code: str,
    points: str,
    *,
    actor: str,
    reason: str = "",
) -> Decimal:
    """Survey points for one unit (any hundredth up to the maximum); a change needs a reason,
    as every appraisal does."""
    now = entry(store, bundle, code)
    if not now.sub.is_survey:
        raise UserError("review.not_survey", code=code)
    return appraise(store, bundle, code, points, round_=SURVEY_ROUND, actor=actor, reason=reason)
