"""Reporting periods, deadlines and what an item needs in a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cchc_tui.core.plan import Item, Period, Plan

PERIOD_ORDER = ("Q1", "6T", "Q3", "NAM")
PERIOD_ENDS = {"Q1": (3, 31), "6T": (6, 30), "Q3": (9, 30), "NAM": (12, 31)}


def period_end(year: int, code: str) -> date:
    month, day = PERIOD_ENDS[code]
    return date(year, month, day)


def current_period(plan: Plan, today: date) -> Period:
    """The period whose report is due next (the last one once the year's report is past)."""
    periods = sorted(plan.period, key=lambda p: p.due)
    for p in periods:
        if today <= p.due:
            return p
    return periods[-1]


@dataclass(frozen=True)
class Deadline:
    when: date
    what: str
    days_left: int


def next_deadline(plan: Plan, today: date) -> Deadline | None:
    """The nearest report or obligation deadline on or after ``today``."""
    candidates: list[tuple[date, str]] = [(p.due, p.name) for p in plan.period]
    candidates += [(o.due, o.title) for o in plan.obligation if o.due]
    upcoming = sorted(c for c in candidates if c[0] >= today)
    if not upcoming:
        return None
    when, what = upcoming[0]
    return Deadline(when, what, (when - today).days)


def next_due(item: Item, today: date) -> date | None:
    """The item's next due date on or after ``today``; the last one if all are past."""
    if not item.due:
        return None
    for d in item.due:
        if d >= today:
            return d
    return item.due[-1]
