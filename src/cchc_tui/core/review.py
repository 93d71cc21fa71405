"""The review desk's figures: which units a reviewer expects for a plan and period, who sent
on time, late or not at all, how complete each submission is, and the ranking.

Plain data in, plain data out: the store hands in the latest accepted bundle of each unit.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from cchc_tui.core import labels
from cchc_tui.core.agencies import Agency, Registry
from cchc_tui.core.appraisal import Outcome
from cchc_tui.core.assignment import Role, units_assigned
from cchc_tui.core.dates import local_day
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Item, Plan
from cchc_tui.core.submission import Submission

REVIEWER_OF_CITY = "SNV"
STATES = ("da_nhan", "can_bo_sung", "da_duyet", "khong_duyet")


def reviewer_of(registry: Registry, agency: str) -> str:
    """Who appraises a unit and signs its receipts: a commune's district (its Phòng Nội vụ),
    Sở Nội vụ for everyone else."""
    found = registry.agencies.get(agency)
    if found is not None and found.level == "commune" and found.parent:
        return found.parent
    return REVIEWER_OF_CITY


def expected_units(registry: Registry, plan: Plan, reviewer: str) -> list[Agency]:
    """Sở Nội vụ expects the units the plan's reporting obligations name (departments,
    districts, vertical agencies); a district's Phòng Nội vụ expects its communes."""
    if reviewer == REVIEWER_OF_CITY:
        codes: set[str] = set()
        for ob in plan.obligation:
            if ob.kind == "report":
                for ref in ob.applies_to:
                    codes |= registry.expand(ref)
        return sorted((registry.agencies[c] for c in codes), key=lambda a: (a.level, a.code))
    if registry.agencies[reviewer].level == "district":
        return sorted(registry.children(reviewer), key=lambda a: a.code)
    return []


@dataclass(frozen=True)
class Received:
    """The latest accepted bundle of one unit for the plan and period."""

    agency_code: str
    bundle_id: str
    received_at: datetime
    signing_time: datetime | None
    submission: Submission | None  # None: the stored submission cannot be read (`broken`)
    count: int  # bundles received for the period (1 + resubmissions)
    broken: str = ""  # why the stored submission.json is missing or does not fit the schema


@dataclass(frozen=True)
class UnitRow:
    agency: Agency
    state: str  # "missing" | "on_time" | "late"
    received: Received | None
    items_total: int
    items_with_status: int
    points_total: int  # self-scored sub-criteria with points
    points_with_evidence: int
    self_total: Decimal | None
    grade: str
    days_late: int = 0  # whole days after the due date (on the reviewer's calendar)
    broken: str = ""  # received, but its submission cannot be read: why (shown, not counted)

    def state_label(self) -> str:
        """ "trễ 3 ngày", "đúng hạn", "chưa nộp" or "hỏng: <lý do>" (in the UI language)."""
        if self.broken:
            return t("review.broken", reason=self.broken)
        if self.state == "late":
            return t("ui.review.late_days", days=self.days_late)
        return t(labels.REVIEW_STATE[self.state])

    @property
    def completeness(self) -> Decimal:
        parts = self.items_total + self.points_total
        if not parts:
            return Decimal(0)
        return (Decimal(self.items_with_status + self.points_with_evidence) * 100 / parts).quantize(
            Decimal("0.1")
        )


@dataclass(frozen=True)
class Overview:
    plan: str
    period: str
    due: date | None
    rows: list[UnitRow]

    @property
    def expected(self) -> int:
        return len(self.rows)

    @property
    def received(self) -> int:
        return sum(1 for r in self.rows if r.received)

    @property
    def on_time_rate(self) -> Decimal:
        if not self.rows:
            return Decimal(0)
        on_time = sum(1 for r in self.rows if r.state == "on_time")
        return (Decimal(on_time) * 100 / len(self.rows)).quantize(Decimal("0.1"))


def overview(
    registry: Registry, plan: Plan, reviewer: str, period: str, latest: dict[str, Received]
) -> Overview:
    due = next((p.due for p in plan.period if p.code == period), None)
    rows = []
    for agency in expected_units(registry, plan, reviewer):
        got = latest.get(agency.code)
        if got is None:
            rows.append(UnitRow(agency, "missing", None, 0, 0, 0, 0, None, ""))
            continue
        # the day it arrived on the reviewer's calendar (stored times are UTC)
        arrived = local_day(got.received_at)
        days_late = max(0, (arrived - due).days) if due is not None else 0
        state = "late" if days_late else "on_time"
        sub = got.submission
        if sub is None:  # one unit marked broken, never an overview that fails
            broken = got.broken or t("review.broken_missing")
            rows.append(UnitRow(agency, state, got, 0, 0, 0, 0, None, "", days_late, broken))
            continue
        scores = sub.first_scores
        subs = scores.subs if scores else []
        pointed = [s for s in subs if s.self_points not in (None, "0")]
        rows.append(
            UnitRow(
                agency=agency,
                state=state,
                received=got,
                items_total=len(sub.items),
                items_with_status=sum(1 for i in sub.items if i.status),
                points_total=len(pointed),
                points_with_evidence=sum(1 for s in pointed if s.evidence or s.note),
                self_total=Decimal(scores.total) if scores else None,
                grade=scores.grade if scores else "",
                days_late=days_late,
            )
        )
    return Overview(plan.id, period, due, rows)


@dataclass(frozen=True)
class Ranked:
    rank: int
    row: UnitRow
    total: Decimal
    appraised: bool  # False: the self total stands in (shown as such)
    grade: str
    areas: dict[str, Decimal]  # area code → points (empty when the criteria set is unknown)


def ranking(view: Overview, outcomes: Mapping[str, Outcome] | None = None) -> list[Ranked]:
    """By appraisal total, else self total; equal totals share a rank (1, 2, 2, 4). `outcomes`
    (agency → its appraisal or recomputed self-assessment) gives grades and area points; an
    agency without one ranks by the self total its bundle carries."""
    outcomes = outcomes or {}
    scored: list[tuple[Decimal, bool, str, dict[str, Decimal], UnitRow]] = []
    for row in view.rows:
        found = outcomes.get(row.agency.code)
        if found is not None:
            scored.append((found.total, found.appraised, found.grade, found.areas(), row))
        elif row.self_total is not None:
            scored.append((row.self_total, False, row.grade, {}, row))
    scored.sort(key=lambda x: (-x[0], x[4].agency.code))
    out: list[Ranked] = []
    for i, (total, appraised, grade, areas, row) in enumerate(scored):
        rank = out[-1].rank if out and out[-1].total == total else i + 1
        out.append(Ranked(rank, row, total, appraised, grade, areas))
    return out


REPORTED = ("hoan_thanh", "dang_thuc_hien", "chua_thuc_hien", "khong_thuc_hien_duoc")
# then: no status given / nothing sent / a bundle whose submission cannot be read
COLUMNS = (*REPORTED, "no_status", "missing", "broken")


@dataclass(frozen=True)
class UnitOnItem:
    agency: Agency
    role: Role
    state: str  # one of COLUMNS
    progress: int | None
    note: str  # the agency's note on the item (a broken bundle: why it is broken)


@dataclass(frozen=True)
class ActivityRow:
    item: Item
    units: list[UnitOnItem]

    def count(self, state: str) -> int:
        return sum(1 for u in self.units if u.state == state)


def per_activity(
    registry: Registry, plan: Plan, view: Overview, *, roles: Collection[str] = ("lead",)
) -> list[ActivityRow]:
    """For every item of the plan, the units this reviewer expects that carry it (as lead, or
    also as coordinator) and what each reports: done, in progress, not started, cannot be
    done, no status given, or nothing sent for the period."""
    rows = {r.agency.code: r for r in view.rows}
    out = []
    for item in plan.item:
        units = []
        for code, role in sorted(units_assigned(plan, registry, item).items()):
            unit = rows.get(code)
            if unit is None or role not in roles:
                continue
            if unit.received is None:
                units.append(UnitOnItem(unit.agency, role, "missing", None, ""))
                continue
            sub = unit.received.submission
            if sub is None:
                units.append(UnitOnItem(unit.agency, role, "broken", None, unit.broken))
                continue
            got = next((i for i in sub.items if i.id == item.id), None)
            status = got.status if got else None
            units.append(
                UnitOnItem(
                    unit.agency,
                    role,
                    status if status in REPORTED else "no_status",
                    got.progress if got else None,
                    got.note if got else "",
                )
            )
        if units:
            out.append(ActivityRow(item, units))
    return out
