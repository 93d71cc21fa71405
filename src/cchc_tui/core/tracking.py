"""What the officer sees: assigned items with their recorded state, the overview's figures and
the order of the period walk-through. Plain data; the store fills it, the UI shows it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from cchc_tui.core.assignment import Assignment, Role
from cchc_tui.core.milestones import Milestone, milestones, overdue, waiting_on_condition
from cchc_tui.core.periods import current_period, next_deadline, next_due, period_end
from cchc_tui.core.plan import Item, Period, Plan
from cchc_tui.core.progress import DONE, STATUSES


class ProgressLike(Protocol):
    @property
    def status(self) -> str: ...
    @property
    def progress_pct(self) -> int: ...
    @property
    def note(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def completed_on(self) -> date | None: ...


@dataclass(frozen=True)
class ItemStatus:
    """One assigned item with what was recorded for it."""

    item: Item
    role: Role
    via: str
    status: str | None
    progress_pct: int
    note: str
    reason: str
    completed_on: date | None
    evidence_count: int
    next_due: date | None
    overdue: bool
    milestones: tuple[Milestone, ...] = ()
    condition: str | None = None  # "xay_ra" | "khong_xay_ra" | None (core/milestones.py)
    condition_doc: str = ""

    @property
    def done(self) -> bool:
        return self.status == DONE

    @property
    def waiting(self) -> bool:
        """A conditional item whose condition is not recorded yet (chờ điều kiện)."""
        return waiting_on_condition(self.item, self.condition) and self.condition is None


def status_row(
    a: Assignment,
    p: ProgressLike | None,
    counts: Mapping[str, int],
    today: date,
    *,
    dates: Mapping[str, Sequence[date]] | None = None,
    condition: tuple[str | None, str] = (None, ""),
) -> ItemStatus:
    """An assigned item with what was recorded for it (``p`` None: nothing yet). ``dates``:
    the dates of the documents linked to each item (its milestones are met by them);
    ``condition``: what the officer recorded about the item's condition, and the document."""
    status = p.status if p else None
    marks = milestones(
        a.item,
        today,
        done=status == DONE,
        completed_on=p.completed_on if p else None,
        evidence_dates=(dates or {}).get(a.item.id, ()),
        note=p.note if p else "",
    )
    return ItemStatus(
        item=a.item,
        role=a.role,
        via=a.via,
        status=status,
        progress_pct=p.progress_pct if p else 0,
        note=p.note if p else "",
        reason=p.reason if p else "",
        completed_on=p.completed_on if p else None,
        evidence_count=counts.get(a.item.id, 0),
        next_due=next_due(a.item, today),
        overdue=overdue(
            a.item,
            today,
            status=status,
            reason=p.reason if p else "",
            condition=condition[0],
            marks=marks,
        ),
        milestones=tuple(marks),
        condition=condition[0],
        condition_doc=condition[1],
    )


@dataclass(frozen=True)
class AreaProgress:
    area: str
    title: str
    items: int
    done: int
    mean_pct: float


@dataclass(frozen=True)
class Overview:
    period: Period
    deadline_when: date | None
    deadline_what: str
    days_left: int | None
    by_status: dict[str | None, int]
    areas: list[AreaProgress]
    overdue: list[ItemStatus]
    done_without_evidence: list[ItemStatus]
    total: int
    lead: int
    waiting: list[ItemStatus] = field(default_factory=list)  # chờ điều kiện


def overview(plan: Plan, rows: list[ItemStatus], today: date) -> Overview:
    counts: Counter[str | None] = Counter(r.status for r in rows)
    by_status: dict[str | None, int] = {None: counts.get(None, 0)}
    for s in STATUSES:
        by_status[s] = counts.get(s, 0)
    areas = []
    for area in plan.area:
        mine = [r for r in rows if r.item.area == area.id]
        if not mine:
            continue
        areas.append(
            AreaProgress(
                area=area.number,
                title=area.title,
                items=len(mine),
                done=sum(1 for r in mine if r.done),
                mean_pct=sum(r.progress_pct for r in mine) / len(mine),
            )
        )
    deadline = next_deadline(plan, today)
    return Overview(
        period=current_period(plan, today),
        deadline_when=deadline.when if deadline else None,
        deadline_what=deadline.what if deadline else "",
        days_left=deadline.days_left if deadline else None,
        by_status=by_status,
        areas=areas,
        overdue=[r for r in rows if r.overdue],
        done_without_evidence=[r for r in rows if r.done and r.evidence_count == 0],
        total=len(rows),
        lead=sum(1 for r in rows if r.role == "lead"),
        waiting=[r for r in rows if r.waiting and not r.done],
    )


@dataclass
class WalkQueue:
    """The items a period update should visit, in the order it visits them."""

    overdue: list[ItemStatus] = field(default_factory=list)
    due_this_period: list[ItemStatus] = field(default_factory=list)
    ongoing: list[ItemStatus] = field(default_factory=list)

    @property
    def items(self) -> list[ItemStatus]:
        return [*self.overdue, *self.due_this_period, *self.ongoing]


def walk_queue(plan: Plan, rows: list[ItemStatus], today: date) -> WalkQueue:
    """Overdue first, then due by the end of the current period, then ongoing ones.

    Items already done are left out; so is work due in a later period.
    """
    period = current_period(plan, today)
    horizon = period_end(plan.plan.year, period.code)
    q = WalkQueue()
    for r in rows:
        if r.done or r.condition == "khong_xay_ra":  # done, or its condition never arose
            continue
        if r.overdue:
            q.overdue.append(r)
        elif r.item.ongoing:
            q.ongoing.append(r)
        elif r.next_due is not None and r.next_due <= horizon:
            q.due_this_period.append(r)
        elif r.status is None:
            # never touched at all: it needs a first status this period
            q.due_this_period.append(r)

    def by_due(r: ItemStatus) -> tuple[date, str]:
        return (r.next_due or date.max, r.item.id)

    q.overdue.sort(key=by_due)
    q.due_this_period.sort(key=by_due)
    return q
