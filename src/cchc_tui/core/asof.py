"""The day the app works as of: today while the plan's year runs; the plan's last day once it
has ended (its final state, not every item "overdue" years later); or the day the officer gives
(``--as-of dd/mm/yyyy``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AsOf:
    day: date
    given: bool = False  # the officer chose the day (--as-of)
    ended: bool = False  # the plan's year has ended: the day is its last

    @property
    def shown(self) -> bool:
        """Whether the header says which day this is (it is not simply today)."""
        return self.given or self.ended


def plan_end(year: int) -> date:
    return date(year, 12, 31)


def as_of(plan_year: int, today: date, given: date | None = None) -> AsOf:
    if given is not None:
        return AsOf(given, given=True)
    end = plan_end(plan_year)
    if today > end:
        return AsOf(end, ended=True)
    return AsOf(today)
