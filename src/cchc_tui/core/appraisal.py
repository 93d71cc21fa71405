"""Điểm thẩm định: Sở Nội vụ's points beside an agency's self-assessment, by round (round 2
after the agency's explanation, giải trình). Pure: no database, no UI.

A sub-criterion the reviewer has not appraised keeps the agency's self points (the group
accepted it); the latest round of one that was appraised replaces them. Survey sub-criteria
are never self-scored: once Sở Nội vụ entered any of them they count and the percentage is of
the whole maximum, otherwise of the maximum without them. The self score is never changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from cchc_tui.core.criteria import CriteriaSet, Sub
from cchc_tui.core.scoring import Totals, totals
from cchc_tui.core.submission import Submission, decimal_of


@dataclass(frozen=True)
class AppraisedSub:
    sub: Sub
    self_points: Decimal | None
    rounds: Mapping[int, Decimal]  # round → points

    @property
    def final(self) -> Decimal | None:
        if self.rounds:
            return self.rounds[max(self.rounds)]
        return None if self.sub.is_survey else self.self_points

    @property
    def changed(self) -> bool:
        return bool(self.rounds) and self.final != self.self_points


@dataclass(frozen=True)
class Outcome:
    """An agency's standing: the appraisal where one was entered, else its self-assessment."""

    totals: Totals
    appraised: bool  # False: the self-assessment stands in (shown as such)
    subs: list[AppraisedSub]

    @property
    def total(self) -> Decimal:
        return self.totals.total

    @property
    def grade(self) -> str:
        return self.totals.grade

    @property
    def appraised_count(self) -> int:
        return sum(1 for s in self.subs if s.rounds)

    def areas(self) -> dict[str, Decimal]:
        return {a.code: a.points for a in self.totals.areas}


def self_points(submission: Submission) -> dict[str, Decimal | None]:
    """code → the self points a bundle's submission.json carries (its first criteria set)."""
    scores = submission.first_scores
    return {s.code: decimal_of(s.self_points) for s in (scores.subs if scores else [])}


def outcome(
    cset: CriteriaSet,
    selves: Mapping[str, Decimal | None],
    rounds: Mapping[str, Mapping[int, Decimal]],
) -> Outcome:
    subs = [AppraisedSub(s, selves.get(s.code), dict(rounds.get(s.code, {}))) for s in cset.subs]
    appraised = any(s.rounds for s in subs)
    survey = any(s.rounds for s in subs if s.sub.is_survey)
    points = {s.sub.code: (s.final if appraised else s.self_points) for s in subs}
    return Outcome(totals(cset, points, survey=survey), appraised, subs)
