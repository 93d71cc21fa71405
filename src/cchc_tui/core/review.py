"""The review desk's figures: which units a reviewer expects for a plan and period, who sent
on time, late or not at all, how complete each submission is, and the ranking.

Plain data in, plain data out: the store hands in the latest accepted bundle of each unit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from cchc_tui.core import labels
from cchc_tui.core.agencies import Agency, Registry
from cchc_tui.core.appraisal import Outcome
from cchc_tui.core.assignment import Role, units_assigned
from cchc_tui.core.criteria import TEMPLATE
from cchc_tui.core.dates import local_day
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import whole
from cchc_tui.core.plan import Item, Plan
from cchc_tui.core.scoring import pct1
from cchc_tui.core.submission import Submission, decimal_of

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
    # The day the period's first bundle that counts arrived (set by the reviewer, else the day
    # it was imported): lateness counts from it. A resubmission the reviewer asked for does
    # not make a unit late; a first bundle dropped (foreign, damaged) is not its submission.
    arrived_on: date | None = None
    arrival_note: str = ""
    first_bundle_id: str = ""

    @property
    def arrival(self) -> date:
        return self.arrived_on or local_day(self.received_at)


def _share(part: int, whole: int) -> Decimal | None:
    return None if not whole else (Decimal(part) * 100 / whole).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Completeness:
    """How far a submission backs itself up (docs/review-desk.md, "Completeness"): three
    figures, never one share of "has a status" (export refuses an item without one, so that
    was always 100 %)."""

    lead_items: int = 0  # the items the unit leads (chủ trì) in the plan, as its bundle lists
    lead_settled: int = 0  # of them: done, or "cannot be done" with its reason given
    scored: int = 0  # sub-criteria the unit gave itself points for (above 0)
    scored_backed: int = 0  # of them: citing at least one evidence document
    documents: int = 0  # distinct documents the scored sub-criteria cite
    points: Decimal = Decimal(0)  # the self points of the scored sub-criteria

    @property
    def lead_share(self) -> Decimal | None:
        """Lead items done or justified, in % (None: the unit leads nothing)."""
        return _share(self.lead_settled, self.lead_items)

    @property
    def backed_share(self) -> Decimal | None:
        """Scored sub-criteria backed by evidence, in % (None: nothing scored)."""
        return _share(self.scored_backed, self.scored)

    @property
    def documents_per_point(self) -> Decimal | None:
        """Documents cited per self point scored, to two places (None: no point scored)."""
        if not self.points:
            return None
        return (Decimal(self.documents) / self.points).quantize(Decimal("0.01"))


def completeness(sub: Submission) -> Completeness:
    lead = [i for i in sub.items if i.role == "lead"]
    settled = sum(
        1
        for i in lead
        if i.status == "hoan_thanh" or (i.status == "khong_thuc_hien_duoc" and i.reason.strip())
    )
    scores = sub.first_scores
    scored = [s for s in (scores.subs if scores else []) if (decimal_of(s.self_points) or 0) > 0]
    return Completeness(
        lead_items=len(lead),
        lead_settled=settled,
        scored=len(scored),
        scored_backed=sum(1 for s in scored if s.evidence),
        documents=len({e for s in scored for e in s.evidence}),
        points=sum((decimal_of(s.self_points) or Decimal(0) for s in scored), Decimal(0)),
    )


@dataclass(frozen=True)
class UnitRow:
    agency: Agency
    state: str  # "missing" | "on_time" | "late"
    received: Received | None
    full: Completeness
    self_total: Decimal | None
    grade: str
    days_late: int = 0  # whole days from the due date to the arrival (reviewer's calendar)
    broken: str = ""  # received, but its submission cannot be read: why (shown, not counted)
    self_max: Decimal | None = None  # what the self total is out of (without survey points)
    set_status: str = ""  # the criteria set's status: "mẫu" (a template) or "chính thức"

    def state_label(self) -> str:
        """ "trễ 3 ngày", "đúng hạn", "chưa nộp" or "hỏng: <lý do>" (in the UI language)."""
        if self.broken:
            return t("review.broken", reason=self.broken)
        if self.state == "late":
            return t("ui.review.late_days", days=whole(self.days_late))
        return t(labels.REVIEW_STATE[self.state])


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
            rows.append(UnitRow(agency, "missing", None, Completeness(), None, ""))
            continue
        days_late = max(0, (got.arrival - due).days) if due is not None else 0
        state = "late" if days_late else "on_time"
        sub = got.submission
        if sub is None:  # one unit marked broken, never an overview that fails
            broken = got.broken or t("review.broken_missing")
            rows.append(UnitRow(agency, state, got, Completeness(), None, "", days_late, broken))
            continue
        scores = sub.first_scores
        rows.append(
            UnitRow(
                agency=agency,
                state=state,
                received=got,
                full=completeness(sub),
                self_total=Decimal(scores.total) if scores else None,
                grade=scores.grade if scores else "",
                days_late=days_late,
                self_max=Decimal(scores.max_self) if scores else None,
                set_status=scores.status if scores else "",
            )
        )
    return Overview(plan.id, period, due, rows)


# Ranked apart, each against its own kind (docs/review-desk.md, "Rankings"): departments,
# boards and sectors (the city level, vertical agencies too); districts; communes.
GROUPS = ("city", "district", "commune")


def group_of(agency: Agency) -> str:
    return agency.level if agency.level in GROUPS else "city"


@dataclass(frozen=True)
class Ranked:
    rank: int | None  # in its group; None: listed apart (see ranking)
    row: UnitRow
    total: Decimal
    appraised: bool  # False: the self total (shown as such)
    grade: str
    areas: dict[str, Decimal]  # area code → points (empty when the criteria set is unknown)
    area_ranks: dict[str, int] = field(default_factory=dict)  # area code → rank in the group
    # what the total is out of: the self maximum (no survey points), or the whole maximum once
    # appraised (survey points entered); None: unknown (an old bundle without it)
    maximum: Decimal | None = None
    percent: Decimal | None = None  # total / maximum, the ranking's key

    @property
    def group(self) -> str:
        return group_of(self.row.agency)


def _key(e: Ranked) -> Decimal:
    """Ranked by the share of the maximum that applies to each (a self total out of 84.5 and an
    appraised one out of 100 compare as percentages); the raw total when no maximum is known."""
    return e.percent if e.percent is not None else e.total


def _order(e: Ranked) -> tuple[Decimal, Decimal, str]:
    return (-_key(e), -e.total, e.row.agency.code)


def template_used(view: Overview) -> bool:
    """Whether any unit was scored against a template criteria set (mẫu), not the official."""
    return any(r.set_status == TEMPLATE for r in view.rows)


def _shared_ranks(values: list[Decimal]) -> list[int]:
    """Ranks of values sorted from the highest: equal values share one (1, 2, 2, 4)."""
    ranks: list[int] = []
    for i, value in enumerate(values):
        ranks.append(ranks[-1] if ranks and values[i - 1] == value else i + 1)
    return ranks


def ranking(view: Overview, outcomes: Mapping[str, Outcome] | None = None) -> list[Ranked]:
    """Each group (GROUPS) ranked on its own, groups in that order. Within a group: by the
    appraised total once appraisal has started there (an agency with its self total only is
    listed after, apart, with no rank: the two are not comparable); before that, by self
    totals. Equal totals share a rank; each area ranked the same way. `outcomes` (agency →
    its appraisal or recomputed self-assessment) gives grades and area points; an agency
    without one stands by the self total its bundle carries."""
    outcomes = outcomes or {}
    by_group: dict[str, list[Ranked]] = {g: [] for g in GROUPS}
    for row in view.rows:
        found = outcomes.get(row.agency.code)
        if found is not None:
            entry = Ranked(
                None, row, found.total, found.appraised, found.grade, found.areas(),
                maximum=found.totals.max, percent=found.totals.percent,
            )  # fmt: skip
        elif row.self_total is not None:
            share = pct1(row.self_total * 100 / row.self_max) if row.self_max else None
            entry = Ranked(
                None, row, row.self_total, False, row.grade, {}, maximum=row.self_max,
                percent=share,
            )  # fmt: skip
        else:
            continue
        by_group[group_of(row.agency)].append(entry)
    out: list[Ranked] = []
    for group in GROUPS:
        entries = by_group[group]
        started = any(e.appraised for e in entries)
        ranked = sorted((e for e in entries if e.appraised or not started), key=_order)
        apart = sorted((e for e in entries if started and not e.appraised), key=_order)
        area_ranks: dict[str, dict[str, int]] = defaultdict(dict)
        for area in sorted({a for e in ranked for a in e.areas}):
            having = sorted(
                (e for e in ranked if area in e.areas),
                key=lambda e: (-e.areas[area], e.row.agency.code),
            )
            for e, rank in zip(having, _shared_ranks([e.areas[area] for e in having]), strict=True):
                area_ranks[e.row.agency.code][area] = rank
        keys = [_key(e) for e in ranked]
        for e, rank in zip(ranked, _shared_ranks(keys), strict=True):
            out.append(replace(e, rank=rank, area_ranks=area_ranks[e.row.agency.code]))
        out += apart
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
