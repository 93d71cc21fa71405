"""Boundaries: every date rule on the day, the day before and the day after; every band edge,
cap and floor of the scoring reached and exceeded, also through totals the review desk computes
from an agency's own (possibly inflated) submission; properties whose inputs reach those bounds.

Dates of plan 260/KH-UBND (2022): reports due on the 10th of the period's last month ("chậm
nhất là ngày 10"): Q1 10/03, 6T 10/06, Q3 10/09, NAM 10/12; the agency's own CCHC plan is due
"trước ngày 31 tháng 01 năm 2022"; the year's data cut-off ends 04/12/2022. Rules whose current
behaviour on the day differs from the plain words carry ``# on-the-day: current rule, see issue
17``."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_tui.core.agencies import Registry
from cchc_tui.core.appraisal import outcome, self_points
from cchc_tui.core.assignment import Assignment
from cchc_tui.core.criteria import CriteriaSet, Sub, parse_criteria
from cchc_tui.core.dates import DateError, parse_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.milestones import milestones
from cchc_tui.core.milestones import overdue as milestone_overdue
from cchc_tui.core.periods import current_period, next_deadline, next_due
from cchc_tui.core.plan import Item, Plan
from cchc_tui.core.progress import DONE, IN_PROGRESS, ProgressValues
from cchc_tui.core.review import Received, overview
from cchc_tui.core.scoring import Totals, band_for, check_points, suggest, totals
from cchc_tui.core.submission import SubmissionError, parse_submission
from cchc_tui.core.timing import TimingError, parse_timing, quarter_end, quarter_start
from cchc_tui.core.tracking import ItemStatus, status_row, walk_queue
from tests.bundle_corpus import make_submission, submission_doc

from .test_scoring import ROOT, SMALL, Doc, inputs, rows

D = Decimal
ONE = timedelta(days=1)
YEAR = 2022
DUE = {
    "Q1": date(2022, 3, 10),
    "6T": date(2022, 6, 10),
    "Q3": date(2022, 9, 10),
    "NAM": date(2022, 12, 10),
}
NEXT = {"Q1": "6T", "6T": "Q3", "Q3": "NAM"}
PLAN_DUE = date(2022, 1, 31)  # "trước ngày 31 tháng 01 năm 2022" (obligation, due_rule "before")
YEAR_CUTOFF = date(2022, 12, 4)  # "chốt số liệu … đến ngày 04/12/2022"
QUARTER_END = {
    1: date(2022, 3, 31),
    2: date(2022, 6, 30),
    3: date(2022, 9, 30),
    4: date(2022, 12, 31),
}


def around(day: date, before: Any, on: Any, after: Any, name: str) -> list[Any]:
    """(day − 1, expected), (day, expected), (day + 1, expected) as parameters."""
    return [
        pytest.param(day - ONE, before, id=f"{name}-before"),
        pytest.param(day, on, id=f"{name}-on"),
        pytest.param(day + ONE, after, id=f"{name}-after"),
    ]


def test_the_plan_has_the_dates_these_tests_assume(plan: Plan) -> None:
    assert {p.code: p.due for p in plan.period} == DUE
    assert plan.period_by_code("NAM").cutoff_end == YEAR_CUTOFF
    first = next(o for o in plan.obligation if o.due is not None)
    assert (first.due, first.due_rule) == (PLAN_DUE, "before")
    assert "trước ngày 31 tháng 01 năm 2022" in first.printed


@pytest.fixture(scope="module")
def q1_item(plan: Plan) -> Item:
    """hd3.7, "Quý I": due 31/03/2022."""
    item = plan.items_by_id["hd3.7"]
    assert item.due == [QUARTER_END[1]]
    return item


@pytest.fixture(scope="module")
def q1_q4_item(plan: Plan) -> Item:
    """hd3.1, "Quý I Quý IV": due 31/03 and 31/12/2022."""
    item = plan.items_by_id["hd3.1"]
    assert item.due == [QUARTER_END[1], QUARTER_END[4]]
    return item


def due_on(item: Item, *days: date) -> Item:
    return dataclasses.replace(item, due=list(days))


# == timing.py ====================================================================================


@pytest.mark.parametrize("q", [1, 2, 3, 4])
def test_a_quarter_is_due_on_its_last_day_and_the_next_starts_the_day_after(q: int) -> None:
    roman = ["I", "II", "III", "IV"][q - 1]
    timing = parse_timing(f"Quý {roman}", YEAR)
    assert timing.due == [QUARTER_END[q]] and timing.start == quarter_start(YEAR, q)
    assert quarter_end(YEAR, q) == QUARTER_END[q]
    if q < 4:
        assert quarter_end(YEAR, q) + ONE == quarter_start(YEAR, q + 1)
    else:
        assert quarter_end(YEAR, q) + ONE == date(YEAR + 1, 1, 1)


@pytest.mark.parametrize(
    ("printed", "valid"),
    [
        pytest.param("Quý II - I", False, id="last-before-first"),
        pytest.param("Quý II - II", False, id="last-is-first"),  # a range of one quarter: refused
        pytest.param("Quý II - III", True, id="last-after-first"),
    ],
)
def test_a_quarter_range_must_end_after_it_starts(printed: str, valid: bool) -> None:
    """timing.py: ``quarters[0] >= quarters[1]`` refuses the range."""
    if valid:
        timing = parse_timing(printed, YEAR)
        assert (timing.start, timing.due) == (date(2022, 4, 1), [QUARTER_END[3]])
    else:
        with pytest.raises(TimingError):
            parse_timing(printed, YEAR)


# == dates.py (what a person may type) ==========================================================

TODAY = date(2022, 9, 10)


@pytest.mark.parametrize(("day", "accepted"), around(TODAY, True, True, False, "today"))
def test_a_typed_date_may_be_today_but_not_tomorrow(day: date, accepted: bool) -> None:
    """dates.py: ``parsed > today`` refuses a date in the future."""
    text = day.strftime("%d/%m/%Y")
    if accepted:
        assert parse_date(text, today=TODAY) == day
    else:
        with pytest.raises(DateError) as err:
            parse_date(text, today=TODAY)
        assert err.value.key == "date.future"
    assert parse_date(text, today=TODAY, allow_future=True) == day


@pytest.mark.parametrize(
    ("day", "accepted"), around(date(1945, 1, 1), False, True, True, "year-1945")
)
def test_a_typed_date_is_from_1945_on(day: date, accepted: bool) -> None:
    """dates.py: ``parsed.year < 1945`` refuses it."""
    text = day.strftime("%d/%m/%Y")
    if accepted:
        assert parse_date(text, today=TODAY) == day
    else:
        with pytest.raises(DateError) as err:
            parse_date(text, today=TODAY)
        assert err.value.key == "date.too_early"


# == periods.py ===================================================================================


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        param
        for code, due in DUE.items()
        # the report is due on ``due`` ("chậm nhất là ngày 10"): the period is current up to and
        # including that day, the next one from the day after (the year's stays last)
        for param in around(due, code, code, NEXT.get(code, "NAM"), code)
    ],
)
def test_the_current_period_turns_the_day_after_its_report_is_due(
    plan: Plan, today: date, expected: str
) -> None:
    """periods.py: ``today <= p.due``."""
    assert current_period(plan, today).code == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        # "trước ngày 31/01" read plainly ends on 30/01: on 31/01 the deadline has passed, yet
        # it is still shown as due today with 0 days left
        *around(
            PLAN_DUE,
            (PLAN_DUE, 1),
            (PLAN_DUE, 0),  # on-the-day: current rule, see issue 17
            (DUE["Q1"], (DUE["Q1"] - PLAN_DUE).days - 1),
            "plan-obligation",
        ),
        *[
            param
            for code, due in DUE.items()
            for param in around(
                due,
                (due, 1),
                (due, 0),
                (DUE[NEXT[code]], (DUE[NEXT[code]] - due).days - 1) if code in NEXT else None,
                code,
            )
        ],
    ],
)
def test_the_next_deadline_includes_today(
    plan: Plan, today: date, expected: tuple[date, int] | None
) -> None:
    """periods.py: ``c[0] >= today``: a deadline stays the next one on its own day."""
    got = next_deadline(plan, today)
    assert (None if got is None else (got.when, got.days_left)) == expected
    if got is not None and got.when in DUE.values():
        assert got.what == next(p.name for p in plan.period if p.due == got.when)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        *around(QUARTER_END[1], QUARTER_END[1], QUARTER_END[1], QUARTER_END[4], "first-due"),
        # all past: the last one
        *around(QUARTER_END[4], QUARTER_END[4], QUARTER_END[4], QUARTER_END[4], "last-due"),
    ],
)
def test_next_due_is_the_first_due_date_on_or_after_today(
    q1_q4_item: Item, today: date, expected: date
) -> None:
    """periods.py: ``d >= today``."""
    assert next_due(q1_q4_item, today) == expected


def test_an_ongoing_item_has_no_due_date_and_is_never_overdue(plan: Plan) -> None:
    ongoing = plan.items_by_id["hd3.11"]
    assert ongoing.ongoing and next_due(ongoing, date(2022, 6, 1)) is None
    assert not is_overdue(ongoing, date(2023, 6, 1), False)


def is_overdue(
    item: Item, today: date, done: bool, evidence: tuple[date, ...] = (), note: str = ""
) -> bool:
    """milestones.py, as tracking.status_row calls it."""
    marks = milestones(item, today, done=done, evidence_dates=evidence, note=note)
    return milestone_overdue(item, today, status=DONE if done else IN_PROGRESS, marks=marks)


@pytest.mark.parametrize(
    ("today", "overdue"),
    # due "Quý I" (31/03): still on time on the day, overdue from the day after
    around(QUARTER_END[1], False, False, True, "Q1-item"),
)
def test_an_item_is_overdue_from_the_day_after_its_due_date(
    q1_item: Item, today: date, overdue: bool
) -> None:
    """periods.py: ``item.due[-1] < today``."""
    assert is_overdue(q1_item, today, done=False) is overdue
    assert not is_overdue(q1_item, today, done=True)


@pytest.mark.parametrize(
    ("today", "overdue"),
    # "Quý I Quý IV": each quarter is a milestone; with nothing for Q1 the item is overdue from
    # 01/04, not only from 01/01 next year
    [
        *around(QUARTER_END[1], False, False, True, "first-due"),
        *around(QUARTER_END[4], True, True, True, "final-due"),
    ],
)
def test_an_item_due_twice_is_overdue_after_a_missed_milestone(
    q1_q4_item: Item, today: date, overdue: bool
) -> None:
    assert is_overdue(q1_q4_item, today, done=False) is overdue


@pytest.mark.parametrize(
    ("today", "overdue"),
    # a document dated in Q1 meets the first milestone: overdue only after the final one
    [
        *around(QUARTER_END[1], False, False, False, "first-due"),
        *around(QUARTER_END[4], False, False, True, "final-due"),
    ],
)
def test_a_milestone_met_by_a_document_dated_in_its_window(
    q1_q4_item: Item, today: date, overdue: bool
) -> None:
    in_q1 = (date(2022, 3, 31),)
    assert is_overdue(q1_q4_item, today, done=False, evidence=in_q1) is overdue
    # a note explains a missed milestone, never a passed final due date
    assert is_overdue(q1_q4_item, today, done=False, note="Lùi sang quý II") is overdue


# == tracking.py ==================================================================================


def row(item: Item, today: date, status: str | None = IN_PROGRESS) -> ItemStatus:
    progress = None
    if status is not None:
        progress = ProgressValues(
            status=status,
            progress_pct=100 if status == DONE else 50,
            completed_on=today if status == DONE else None,
        )
    return status_row(Assignment(item, "lead", "918"), progress, {}, today)


WALK_DAY = date(2022, 3, 1)  # current period Q1, whose horizon is 31/03


def walked(plan: Plan, r: ItemStatus, today: date) -> str | None:
    """Where the period walk puts ``r``: overdue, due_this_period, ongoing, or left out."""
    q = walk_queue(plan, [r], today)
    for name in ("overdue", "due_this_period", "ongoing"):
        if r in getattr(q, name):
            return name
    return None


@pytest.mark.parametrize(
    ("due", "where"),
    # an item already under way is visited when due by the end of the current period
    around(QUARTER_END[1], "due_this_period", "due_this_period", None, "Q1-horizon"),
)
def test_the_walk_visits_items_due_by_the_end_of_the_current_period(
    plan: Plan, q1_item: Item, due: date, where: str | None
) -> None:
    """tracking.py: ``r.next_due <= horizon`` (horizon = the current period's last day)."""
    r = row(due_on(q1_item, due), WALK_DAY)
    assert walked(plan, r, WALK_DAY) == where
    # never touched at all: visited whatever its date
    fresh = row(due_on(q1_item, due), WALK_DAY, status=None)
    assert walked(plan, fresh, WALK_DAY) == "due_this_period"


@pytest.mark.parametrize(
    ("today", "where"),
    # an item due 30/06 (6T's last day) joins the walk once 6T is current: the day after Q1's
    # report is due (10/03)
    around(DUE["Q1"], None, None, "due_this_period", "Q1-report"),
)
def test_the_walk_moves_to_the_next_period_the_day_after_the_report(
    plan: Plan, q1_item: Item, today: date, where: str | None
) -> None:
    r = row(due_on(q1_item, QUARTER_END[2]), today)
    assert walked(plan, r, today) == where


@pytest.mark.parametrize(
    ("today", "expected"),
    around(
        QUARTER_END[1],
        ("due_this_period", False),
        ("due_this_period", False),
        ("overdue", True),
        "Q1-item",
    ),
)
def test_an_overdue_row_is_walked_first_from_the_day_after(
    plan: Plan, q1_item: Item, today: date, expected: tuple[str, bool]
) -> None:
    """tracking.py status_row → periods.is_overdue; walk_queue puts it first."""
    r = row(q1_item, today)
    assert (walked(plan, r, today), r.overdue) == expected
    done = row(q1_item, today, status=DONE)
    assert not done.overdue and walked(plan, done, today) is None


# == scoring.py: dates ============================================================================

NO_AT = SMALL.replace(", at = 2022-12-04 }", " }", 1)


def completion(cset_text: str) -> Sub:
    return next(s for s in parse_criteria(cset_text).subs if s.code == "1.1.2")


@pytest.mark.parametrize(
    ("done_on", "points"),
    # every lead item done: counted when done on or before the cut-off ("đến ngày 04/12")
    around(YEAR_CUTOFF, D(2), D(2), D(0), "cutoff-at"),
)
def test_completion_counts_items_done_by_the_cut_off(
    plan: Plan, done_on: date, points: Decimal
) -> None:
    """scoring.py: ``r.completed_on <= at`` (``at`` given by the set)."""
    got = suggest(completion(SMALL), inputs(plan, rows=rows(10, 10, at=done_on)), "district")
    assert got.points == points, got.explanation


@pytest.mark.parametrize(
    ("done_on", "points"), around(YEAR_CUTOFF, D(2), D(2), D(0), "cutoff-of-the-year-report")
)
def test_completion_without_a_date_counts_to_the_year_reports_cut_off(
    plan: Plan, done_on: date, points: Decimal
) -> None:
    source = completion(NO_AT).source
    assert source is not None and "at" not in source.params
    got = suggest(completion(NO_AT), inputs(plan, rows=rows(10, 10, at=done_on)), "district")
    assert got.points == points, got.explanation


@pytest.mark.parametrize(
    ("done_on", "points"), around(date(2022, 12, 31), D(2), D(2), D(0), "year-end")
)
def test_completion_without_any_cut_off_counts_to_the_years_end(
    plan: Plan, done_on: date, points: Decimal
) -> None:
    periods = [dataclasses.replace(p, cutoff_end=None) for p in plan.period]
    bare = dataclasses.replace(plan, period=periods)
    got = suggest(completion(NO_AT), inputs(bare, rows=rows(10, 10, at=done_on)), "district")
    assert got.points == points, got.explanation


@pytest.mark.parametrize(
    ("issued", "points"),
    # 1.1.1 "trước ngày 31/01/2022": on time 1, late 0.5. Read plainly, a plan issued on 31/01
    # is not "before 31/01"; the rule counts it on time.
    around(
        PLAN_DUE,
        D(1),
        D(1),  # on-the-day: current rule, see issue 17
        D("0.5"),
        "plan-deadline",
    ),
)
def test_a_document_is_on_time_up_to_its_deadline(
    plan: Plan, issued: date, points: Decimal
) -> None:
    """scoring.py: ``first.doc_date <= deadline`` (evidence_before)."""
    sub = parse_criteria(SMALL).subs[0]
    assert sub.source is not None and sub.source.params["deadline"] == PLAN_DUE
    docs = [Doc("12/KH-UBND", "KH", issued)]
    assert suggest(sub, inputs(plan, documents=docs), "district").points == points
    # the earliest matching document decides, whatever order they come in
    later = Doc("20/KH-UBND", "KH", issued + 10 * ONE)
    assert suggest(sub, inputs(plan, documents=[later, *docs]), "district").points == points


@pytest.mark.parametrize(
    ("code", "sent", "points"),
    [
        # "chậm nhất là ngày 10": sent on the 10th is on time
        (code, sent, points)
        for code, due in DUE.items()
        for sent, points in ((due - ONE, D(1)), (due, D(1)), (due + ONE, D(0)))
    ],
    ids=lambda v: v.isoformat() if isinstance(v, date) else str(v),
)
def test_a_report_is_on_time_up_to_its_due_date(
    plan: Plan, code: str, sent: date, points: Decimal
) -> None:
    """scoring.py: ``inputs.reports[pd.code] <= pd.due`` (reports_on_time, yes/no)."""
    sub = next(s for s in parse_criteria(SMALL).subs if s.code == "1.1.3")
    reports = {**DUE, code: sent}
    got = suggest(sub, inputs(plan, reports=reports), "district")
    assert got.points == points, got.explanation


# == review.py: lateness of a submission =========================================================


def arrived(code: str, day: date, submission: Any = None) -> Received:
    """A bundle that arrived at noon on ``day`` on this machine's calendar."""
    at = datetime(day.year, day.month, day.day, 12).astimezone()
    return Received(code, f"b-{code}", at, None, submission or make_submission(code), 1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        *around(DUE["Q3"], ("on_time", 0), ("on_time", 0), ("late", 1), "Q3-due"),
        pytest.param(DUE["Q3"] - 30 * ONE, ("on_time", 0), id="a-month-early"),
        pytest.param(DUE["Q3"] + 12 * ONE, ("late", 12), id="twelve-days-late"),
    ],
)
def test_a_submission_is_late_from_the_day_after_the_report_is_due(
    registry: Registry, plan: Plan, day: date, expected: tuple[str, int]
) -> None:
    """review.py: ``days_late = max(0, (arrived - due).days)``; late when above 0."""
    view = overview(registry, plan, "SNV", "Q3", {"918": arrived("918", day)})
    got = next(r for r in view.rows if r.agency.code == "918")
    assert (got.state, got.days_late) == expected
    assert view.on_time_rate == (D(0) if expected[0] == "late" else D("3.2"))  # 1 of 31


# == criteria.py / scoring.py: band edges and grades =============================================


def template(level: str) -> CriteriaSet:
    return parse_criteria(
        (ROOT / "data" / "criteria" / f"mau-{level}-2022.toml").read_text("utf-8")
    )


SO = template("so")
SUBS = {s.code: s for s in SO.subs}
STEP = D("0.01")


@pytest.mark.parametrize(
    ("x", "points"),
    [
        # > 90% → 2; 70–90% → 1 (both ends in); < 70% → 0 (1.1.3 of the templates, 1.1.2 of SMALL)
        (D(0), D(0)),
        (D(70) - STEP, D(0)),
        (D(70), D(1)),
        (D(70) + STEP, D(1)),
        (D(90) - STEP, D(1)),
        (D(90), D(1)),
        (D(90) + STEP, D(2)),
        (D(100), D(2)),
        (D(100) + STEP, None),
        (-STEP, None),
    ],
    ids=str,
)
def test_completion_band_edges(x: Decimal, points: Decimal | None) -> None:
    """criteria.py Band.contains: ``x > lo`` / ``x >= lo``, ``x < hi`` / ``x <= hi``."""
    for bands in (SUBS["1.1.3"].rule.bands, completion(SMALL).rule.bands):
        found = band_for(bands, x)
        assert (found.points if found else None) == points
        assert sum(b.contains(x) for b in bands) == (0 if points is None else 1)


@pytest.mark.parametrize(
    ("x", "points"),
    [
        # 100% → 3.5; [80, 100) → 2; [0, 80) → 0 (3.2.1)
        (D(80) - STEP, D(0)),
        (D(80), D(2)),
        (D(80) + STEP, D(2)),
        (D(100) - STEP, D(2)),
        (D(100), D("3.5")),
        (D(100) + STEP, None),
    ],
    ids=str,
)
def test_target_band_edges(x: Decimal, points: Decimal | None) -> None:
    bands = SUBS["3.2.1"].rule.bands
    found = band_for(bands, x)
    assert (found.points if found else None) == points
    assert sum(b.contains(x) for b in bands) == (0 if points is None else 1)


@pytest.mark.parametrize(
    ("done", "total", "points"),
    [
        (699, 1000, D(0)),  # 69.9%
        (700, 1000, D(1)),  # 70.0%
        (701, 1000, D(1)),  # 70.1%
        (899, 1000, D(1)),
        (900, 1000, D(1)),  # 90.0%: not above 90
        (901, 1000, D(2)),
        (999, 1000, D(2)),
        (1000, 1000, D(2)),
    ],
)
def test_completion_share_on_its_band_edges(
    plan: Plan, done: int, total: int, points: Decimal
) -> None:
    got = suggest(completion(SMALL), inputs(plan, rows=rows(done, total)), "district")
    assert got.points == points, got.explanation


@pytest.mark.parametrize(
    ("value", "points"),
    [
        # city target 50%: the measure is value / 50, capped at 100%
        (D(0), D(0)),
        (D("39.99"), D(0)),  # 79.98%
        (D(40), D(2)),  # 80%
        (D("40.01"), D(2)),
        (D("49.99"), D(2)),  # 99.98%
        (D(50), D("3.5")),  # 100%
        (D("50.01"), D("3.5")),  # 100.02% → 100%
        (D(100), D("3.5")),  # 200% → 100%
    ],
    ids=str,
)
def test_an_indicator_above_its_target_counts_as_100_percent(
    plan: Plan, value: Decimal, points: Decimal
) -> None:
    """scoring.py: ``min(Decimal(100), value * 100 / target)`` (at least)."""
    got = suggest(SUBS["3.2.1"], inputs(plan, indicators={"so-hoa-ket-qua-tthc": value}), "city")
    assert got.points == points, got.explanation


AT_MOST = SMALL.replace(
    'rule = { kind = "manual", step = 0.25 }',
    'rule = { kind = "percent_bands", bands = [\n'
    "  { from = 100, to = 100, points = 1 },\n"
    "  { from = 80, to = 100, to_open = true, points = 0.5 },\n"
    "  { from = 0, to = 80, to_open = true, points = 0 },\n"
    '] }\nsource = { kind = "indicator", indicator = "xep-hang-chi-so" }',
    1,
)


@pytest.mark.parametrize(
    ("rank", "points"),
    [
        # "nhóm 25 dẫn đầu": rank 25 or better is 100% (target / rank, capped at 100%)
        (D(1), D(1)),  # 2500% → 100%
        (D(24), D(1)),  # 104.2% → 100%
        (D(25), D(1)),
        (D(26), D("0.5")),  # 96.2%
        (D("31.25"), D("0.5")),  # 80%
        (D("31.26"), D(0)),  # 79.97%
    ],
    ids=str,
)
def test_a_rank_better_than_its_target_counts_as_100_percent(
    plan: Plan, rank: Decimal, points: Decimal
) -> None:
    """scoring.py: ``min(Decimal(100), target * 100 / value)`` (at most)."""
    sub = next(s for s in parse_criteria(AT_MOST).subs if s.code == "1.1.4")
    got = suggest(sub, inputs(plan, indicators={"xep-hang-chi-so": rank}), "district")
    assert got.points == points, got.explanation


@pytest.mark.parametrize(
    ("percent", "grade"),
    [
        (D("89.9"), "Tốt"),
        (D(90), "Rất tốt"),
        (D("90.1"), "Rất tốt"),
        (D("79.9"), "Khá"),
        (D(80), "Tốt"),
        (D("69.9"), "Trung bình"),
        (D(70), "Khá"),
        (D("49.9"), "Kém"),
        (D(50), "Trung bình"),
        (D(0), "Kém"),
        (D(100), "Rất tốt"),
    ],
    ids=str,
)
def test_grade_edges(percent: Decimal, grade: str) -> None:
    """criteria.py: ``percent >= g.min``."""
    assert SO.grade_for(percent) == grade


# == scoring.py: caps and floors ==================================================================

SMALL_SET = parse_criteria(SMALL)
FULL = {"1.1.1": D(1), "1.1.2": D(2), "1.1.3": D(1), "1.1.4": D(1)}  # criterion 1.1 at its 5
ZEROS = dict.fromkeys(FULL, D(0))


def crit(result: Totals, code: str) -> Decimal:
    return next(c.points for c in result.criteria if c.code == code)


def area(result: Totals, code: str) -> Decimal:
    return next(a.points for a in result.areas if a.code == code)


@pytest.mark.parametrize(
    ("manual", "criterion"),
    [(D("0.75"), D("4.75")), (D(1), D(5)), (D("1.25"), D(5)), (D(50), D(5))],
    ids=["below", "reached", "one-step-over", "inflated"],
)
def test_a_criterion_counts_at_most_its_maximum(manual: Decimal, criterion: Decimal) -> None:
    """scoring.py: ``min(pts, c.max)`` for each criterion (1.1: max 5)."""
    got = totals(SMALL_SET, {**FULL, "1.1.4": manual})
    assert crit(got, "1.1") == criterion
    assert got.base == criterion and got.total == criterion


@pytest.mark.parametrize(
    ("manual", "area_points"),
    [(D("0.5"), D("4.5")), (D("0.75"), D("4.75")), (D(1), D("4.75"))],
    ids=["below", "reached", "over"],
)
def test_an_area_counts_at_most_its_maximum(manual: Decimal, area_points: Decimal) -> None:
    """scoring.py: ``min(pts, a.max)`` for each area. A set as parse_criteria accepts it never
    lets the criteria of an area add up past the area's maximum, so this cap is shown on a set
    whose area 1 was lowered to 4.75 after it was read."""
    lowered = dataclasses.replace(
        SMALL_SET,
        areas=[
            dataclasses.replace(a, max=D("4.75")) if a.code == "1" else a for a in SMALL_SET.areas
        ],
    )
    got = totals(lowered, {**FULL, "1.1.4": manual})
    assert crit(got, "1.1") == min(D(5), D(4) + manual)
    assert area(got, "1") == area_points and got.base == area_points


@pytest.mark.parametrize(
    ("bonus", "counted", "total"),
    [
        (D("0.75"), D("0.75"), D("3.75")),
        (D(1), D(1), D(4)),  # the cap, reached
        (D("1.25"), D(1), D(4)),  # one step over
        (D(50), D(1), D(4)),
    ],
    ids=["below", "reached", "one-step-over", "inflated"],
)
def test_bonus_counts_at_most_its_cap(bonus: Decimal, counted: Decimal, total: Decimal) -> None:
    """scoring.py: ``min(points, s.rule.cap)`` (1.1.5: cap 1); base 3 leaves room below the max."""
    got = totals(SMALL_SET, {**FULL, "1.1.2": D(0), "1.1.5": bonus})
    assert got.base == 3 and got.bonus == counted and got.total == total


@pytest.mark.parametrize(
    ("penalty", "counted", "total"),
    [
        (D("0.75"), D("0.75"), D("4.25")),
        (D(1), D(1), D(4)),  # the cap, reached
        (D("1.25"), D(1), D(4)),  # one step over
        (D(50), D(1), D(4)),
    ],
    ids=["below", "reached", "one-step-over", "inflated"],
)
def test_penalty_takes_at_most_its_cap(penalty: Decimal, counted: Decimal, total: Decimal) -> None:
    """scoring.py: ``min(points, s.rule.cap)`` (1.1.6: cap 1)."""
    got = totals(SMALL_SET, {**FULL, "1.1.6": penalty})
    assert got.base == 5 and got.penalty == counted and got.total == total


@pytest.mark.parametrize(
    ("manual", "bonus", "total"),
    [
        (D("0.75"), D("0.25"), D(5)),  # 4.75 + 0.25: the maximum, reached
        (D("0.75"), D("0.5"), D(5)),  # 4.75 + 0.5: over, cut to the maximum
        (D(1), D(1), D(5)),
        (D("0.5"), D("0.25"), D("4.75")),  # below
    ],
    ids=["reached", "over", "full-plus-bonus", "below"],
)
def test_the_total_with_bonus_is_at_most_the_maximum(
    manual: Decimal, bonus: Decimal, total: Decimal
) -> None:
    """scoring.py: ``min(limit, base + bonus)`` (the maximum without the survey: 5)."""
    got = totals(SMALL_SET, {**FULL, "1.1.4": manual, "1.1.5": bonus})
    assert got.max == 5 and got.total == total
    assert got.percent == total * 20 and got.grade == ("Tốt" if total >= 4 else "Kém")


@pytest.mark.parametrize(
    ("points", "penalty", "total"),
    [
        (D("0.75"), D("0.5"), D("0.25")),  # above the floor
        (D("0.5"), D("0.5"), D(0)),  # the floor, reached
        (D("0.25"), D("0.5"), D(0)),  # below: floored
        (D(0), D(1), D(0)),
        (D(-3), D(0), D(0)),  # negative points (never through the schema): floored
    ],
    ids=["above", "reached", "below", "nothing-but-penalty", "negative-points"],
)
def test_the_total_is_never_below_zero(points: Decimal, penalty: Decimal, total: Decimal) -> None:
    """scoring.py: ``max(ZERO, …)``."""
    got = totals(SMALL_SET, {**ZEROS, "1.1.4": points, "1.1.6": penalty})
    assert got.total == total and got.percent == total * 20


def test_survey_points_count_at_most_their_criterion() -> None:
    """With the survey entered the maximum is the whole 10; 2.1 (max 5) caps survey points."""
    for survey, expected in ((D("4.75"), D("9.75")), (D(5), D(10)), (D("5.01"), D(10))):
        got = totals(SMALL_SET, {**FULL, "2.1.1": survey}, survey=True)
        assert got.max == 10 and got.total == expected and got.percent <= 100


def test_a_negative_penalty_never_lifts_the_total_above_the_maximum() -> None:
    """Unreachable through the schema (points ≥ 0) and check_points; totals() floors it too."""
    got = totals(SMALL_SET, {**FULL, "1.1.6": D(-3)})
    assert got.total <= got.max and got.penalty >= 0


def test_an_inflated_sub_criterion_counts_at_most_its_own_maximum() -> None:
    """1.1.4 (max 1) given 3 fills criterion 1.1's room left by the others; refused on import
    by check_points, and capped by totals() too."""
    got = totals(SMALL_SET, {**ZEROS, "1.1.4": D(3)})
    assert crit(got, "1.1") <= 1


# -- check_points: the sub-criterion's own maximum, the extras' caps ----------------------------


@pytest.mark.parametrize(
    ("code", "points", "ok"),
    [
        ("1.1.4", D(0), True),  # manual, max 1, step 0.25: the floor
        ("1.1.4", D("-0.25"), False),
        ("1.1.4", D(1), True),  # the maximum
        ("1.1.4", D("1.25"), False),
        ("1.1.5", D(1), True),  # bonus: its cap
        ("1.1.5", D("1.25"), False),
        ("1.1.6", D(1), True),  # penalty: its cap
        ("1.1.6", D("1.25"), False),
        ("2.1.1", D(5), True),  # survey: any hundredth up to its maximum
        ("2.1.1", D("5.01"), False),
        ("2.1.1", D(0), True),
    ],
    ids=str,
)
def test_points_are_checked_against_the_maximum_and_the_cap(
    code: str, points: Decimal, ok: bool
) -> None:
    """scoring.py check_points: ``ZERO <= points <= limit``."""
    sub = next(s for s in SMALL_SET.subs if s.code == code)
    if ok:
        check_points(sub, points)
    else:
        with pytest.raises(UserError):
            check_points(sub, points)


LOW_CAPS = parse_criteria(
    SMALL.replace('{ kind = "bonus", cap = 1,', '{ kind = "bonus", cap = 0.5,', 1).replace(
        '{ kind = "penalty", cap = 1,', '{ kind = "penalty", cap = 0.75,', 1
    )
)


@pytest.mark.parametrize(
    ("code", "points", "ok", "counted"),
    [
        ("1.1.5", D("0.5"), True, D("0.5")),  # bonus: max 1, cap 0.5
        ("1.1.5", D("0.75"), False, D("0.5")),
        ("1.1.5", D(1), False, D("0.5")),
        ("1.1.6", D("0.75"), True, D("0.75")),  # penalty: max 1, cap 0.75
        ("1.1.6", D(1), False, D("0.75")),
    ],
    ids=str,
)
def test_an_extra_is_checked_and_counted_against_its_cap_not_its_maximum(
    code: str, points: Decimal, ok: bool, counted: Decimal
) -> None:
    """scoring.py: ``limit = sub.rule.cap if sub.is_extra else sub.max``."""
    sub = next(s for s in LOW_CAPS.subs if s.code == code)
    assert sub.max == 1 and sub.rule.cap < sub.max
    if ok:
        check_points(sub, points)
    else:
        with pytest.raises(UserError):
            check_points(sub, points)
    got = totals(LOW_CAPS, {**ZEROS, "1.1.4": D(1), code: points})
    assert (got.bonus if code == "1.1.5" else got.penalty) == counted


# -- the review desk: totals from a submission's own points --------------------------------------


def submitted(selves: dict[str, str | None]) -> Any:
    subs = [{"code": code, "self": value} for code, value in selves.items()]
    return make_submission("918", scores=[{"subs": subs}])


@pytest.mark.parametrize(
    ("selves", "rounds", "total", "bonus", "penalty", "criterion"),
    [
        # every sub-criterion at its maximum, the bonus at its cap: the maximum, reached
        ({**{k: str(v) for k, v in FULL.items()}, "1.1.5": "1"}, {}, 5, 1, 0, 5),
        # inflated past every maximum and cap by the agency itself: each sub-criterion counts
        # at most its own maximum (1.1.4: 1, 1.1.2: 2), the bonus at most its cap
        ({"1.1.4": "1000", "1.1.5": "1000"}, {}, 2, 1, 0, 1),
        ({"1.1.2": "3", "1.1.5": "1.25"}, {}, 3, 1, 0, 2),
        # a penalty past its cap takes the cap only
        ({**dict.fromkeys(FULL, "1000"), "1.1.6": "1000"}, {}, 4, 0, 1, 5),
        # a penalty larger than the points: the floor
        ({"1.1.4": "0.5", "1.1.6": "1000"}, {}, 0, 0, 1, D("0.5")),
        ({"1.1.4": "1", "1.1.6": "1"}, {}, 0, 0, 1, 1),
        # appraised: the rows the reviewer left alone keep the agency's inflated points
        ({"1.1.4": "1000", "1.1.5": "1000"}, {"1.1.1": {1: D(0)}}, 2, 1, 0, 1),
        ({"1.1.3": "1000", "1.1.6": "5"}, {"1.1.3": {1: D(1)}}, 0, 0, 1, 1),
        ({"1.1.3": "1000", "1.1.6": "5"}, {"1.1.1": {1: D(1)}}, 1, 0, 1, 2),
    ],
)
def test_the_review_desk_caps_a_submissions_own_points(
    selves: dict[str, str | None],
    rounds: dict[str, dict[int, Decimal]],
    total: int,
    bonus: int,
    penalty: int,
    criterion: Decimal,
) -> None:
    """appraisal.outcome → scoring.totals from the self points a bundle carries."""
    got = outcome(SMALL_SET, self_points(submitted(selves)), rounds).totals
    assert (got.total, got.bonus, got.penalty) == (D(total), D(bonus), D(penalty))
    assert crit(got, "1.1") == criterion and D(0) <= got.total <= got.max == 5


@pytest.mark.parametrize(
    ("value", "ok"),
    [("0", True), ("-0.01", False), ("1000", True), ("1000.01", False)],
)
def test_a_submissions_points_are_between_0_and_1000(value: str, ok: bool) -> None:
    """submission.py: Points ``low <= number <= high`` (the schema's bounds, not the set's)."""
    doc = submission_doc(scores=[{"subs": [{"code": "1.1.4", "self": value}]}])
    if ok:
        assert self_points(parse_submission(json.dumps(doc)))["1.1.4"] == D(value)
    else:
        with pytest.raises(SubmissionError):
            parse_submission(json.dumps(doc))


# == properties whose inputs reach the bounds ====================================================

# every sub-criterion's maximum, cap and the steps around them, and the floor
EDGES = sorted(
    {D(0), D("0.25"), D("-0.25"), D("0.75"), D(1), D("1.25"), D(2), D("2.25"), D(5), D("5.01")}
)
point = st.sampled_from(EDGES) | st.decimals(min_value=-3, max_value=12, places=2)
penalty_point = st.sampled_from([p for p in EDGES if p >= 0]) | st.decimals(0, 12, places=2)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), survey=st.booleans())
def test_totals_stay_within_the_maximum_caps_and_floor(data: st.DataObject, survey: bool) -> None:
    """Points past every maximum and cap and below zero (a penalty below zero aside: see the
    xfail above): the total is in [0, max], bonus and penalty within their caps, every
    criterion and area at most its maximum, the percentage in [0, 100] with its grade."""
    points: dict[str, Decimal | None] = {}
    for s in SMALL_SET.subs:
        drawn = data.draw(penalty_point if s.rule.kind == "penalty" else point, label=s.code)
        points[s.code] = data.draw(st.sampled_from([drawn, None]), label=f"{s.code}?")
    got = totals(SMALL_SET, points, survey=survey)
    assert D(0) <= got.total <= got.max
    assert got.max == (10 if survey else 5)
    assert got.bonus <= 1 and got.penalty <= 1
    assert D(0) <= got.percent <= 100 and got.grade == SMALL_SET.grade_for(got.percent)
    for c in got.criteria:
        assert c.points <= c.max
    for a in got.areas:
        assert a.points <= a.max


pts_text = st.sampled_from(["0", "0.25", "0.75", "1", "1.25", "2", "2.25", "5", "1000"]) | (
    st.decimals(min_value=0, max_value=1000, places=2).map(str)
)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_review_desk_totals_of_any_submission_stay_in_bounds(data: st.DataObject) -> None:
    """Whatever self points an agency sends (the schema lets 0–1000 through) and whatever valid
    rounds the reviewer enters, the outcome is within [0, max] and the extras within their caps;
    the self points stay as sent."""
    selves = {s.code: data.draw(st.none() | pts_text, label=s.code) for s in SMALL_SET.subs}
    selves["2.1.1"] = None  # never self-scored
    sub_by_code = {s.code: s for s in SMALL_SET.subs}
    reviewed = data.draw(st.lists(st.sampled_from(sorted(sub_by_code)), unique=True, max_size=3))
    rounds = {
        code: {
            r: data.draw(st.sampled_from(levels(sub_by_code[code])), label=f"round {r} {code}")
            for r in data.draw(st.sampled_from([[1], [2], [1, 2]]), label=f"rounds {code}")
        }
        for code in reviewed
    }
    mine = self_points(submitted(selves))
    got = outcome(SMALL_SET, mine, rounds)
    assert D(0) <= got.total <= got.totals.max
    assert got.totals.bonus <= 1 and got.totals.penalty <= 1
    assert D(0) <= got.totals.percent <= 100
    assert all(c.points <= c.max for c in got.totals.criteria)
    assert {k: (None if v is None else D(v)) for k, v in selves.items()} == mine
    for s in got.subs:  # the latest round decides; a row left alone keeps the agency's points
        latest = rounds.get(s.sub.code, {})
        assert s.final == (latest[max(latest)] if latest else mine[s.sub.code])


def levels(sub: Sub) -> list[Decimal]:
    """The valid points of a sub-criterion, its edges included."""
    limit = sub.rule.cap if sub.is_extra else sub.max
    step = D("0.01") if sub.is_survey else sub.rule.step
    if sub.rule.kind in ("yes_no", "on_time"):
        return sorted(set(sub.rule.points.values()))
    if sub.rule.kind in ("percent_bands", "count_bands"):
        return sorted({b.points for b in sub.rule.bands})
    return sorted({D(0), step, limit - step, limit})


BAND_SUBS = [
    s
    for cset in (SO, template("huyen"), template("xa"), SMALL_SET)
    for s in cset.subs
    if s.rule.kind == "percent_bands"
]
BAND_EDGES = sorted(
    {
        x
        for s in BAND_SUBS
        for b in s.rule.bands
        for edge in (b.lo, b.hi)
        if edge is not None
        for x in (edge - STEP, edge, edge + STEP)
        if D(0) <= x <= 100
    }
)
percent = st.sampled_from(BAND_EDGES) | st.decimals(min_value=0, max_value=100, places=2)


@settings(max_examples=150, deadline=None)
@given(sub=st.sampled_from(BAND_SUBS), x=percent, y=percent)
def test_percentage_bands_cover_0_to_100_once_and_never_pay_less_for_more(
    sub: Sub, x: Decimal, y: Decimal
) -> None:
    bands = sub.rule.bands
    assert sum(b.contains(x) for b in bands) == 1
    bx, by = band_for(bands, x), band_for(bands, y)
    assert bx is not None and by is not None and bx.contains(x)
    assert D(0) <= bx.points <= sub.max
    if x <= y:
        assert bx.points <= by.points


TARGET = D(50)
value = st.sampled_from(
    [D(0), D("39.99"), D(40), D("40.01"), D("49.99"), D(50), D("50.01"), D(100)]
) | st.decimals(min_value=0, max_value=100, places=2)


@settings(max_examples=60, deadline=None)
@given(v=value)
def test_an_indicator_value_always_finds_a_band(plan: Plan, v: Decimal) -> None:
    """The measure is capped at 100%: any value up to 100 (twice the target) has points, the top
    ones exactly when the target is met."""
    got = suggest(SUBS["3.2.1"], inputs(plan, indicators={"so-hoa-ket-qua-tthc": v}), "city")
    assert got.points is not None, got.explanation
    assert (got.points == SUBS["3.2.1"].max) == (v >= TARGET)


GRADE_EDGES = sorted(
    {g.min + d for g in SO.grades for d in (D("-0.1"), D(0), D("0.1"))} - {D("-0.1")}
)


@settings(max_examples=80, deadline=None)
@given(p=st.sampled_from(GRADE_EDGES) | st.decimals(min_value=0, max_value=100, places=1))
def test_the_grade_is_the_highest_whose_minimum_is_reached(p: Decimal) -> None:
    name = SO.grade_for(p)
    by_name = {g.name: g.min for g in SO.grades}
    assert by_name[name] <= p
    assert all(g.min > p for g in SO.grades if g.min > by_name[name])


NEAR = sorted(
    {d + k * ONE for d in (*DUE.values(), PLAN_DUE, *QUARTER_END.values()) for k in (-1, 0, 1)}
)
day = st.sampled_from(NEAR) | st.dates(date(2021, 12, 1), date(2023, 1, 31))


@settings(max_examples=150, deadline=None)
@given(today=day)
def test_date_rules_on_any_day(plan: Plan, q1_q4_item: Item, today: date) -> None:
    """Any day, the days around every due date included: the current period's report is not yet
    past (or it is the year's), no deadline between today and the next one, the next due date
    is on or after today unless all are past; with a document in Q1, overdue exactly after the
    final due date, with none, after the first."""
    period = current_period(plan, today)
    dues = sorted(p.due for p in plan.period)
    assert period.due >= today or (period.code == "NAM" and today > dues[-1])
    assert all(d < today for d in dues if d < period.due)
    deadline = next_deadline(plan, today)
    candidates = [*dues, PLAN_DUE]
    if deadline is None:
        assert all(d < today for d in candidates)
    else:
        assert deadline.when >= today and deadline.days_left == (deadline.when - today).days
        assert not any(today <= d < deadline.when for d in candidates)
    due = next_due(q1_q4_item, today)
    assert due == next((d for d in q1_q4_item.due if d >= today), q1_q4_item.due[-1])
    assert is_overdue(q1_q4_item, today, False, evidence=(date(2022, 2, 1),)) == (
        today > q1_q4_item.due[-1]
    )
    assert is_overdue(q1_q4_item, today, False) == (today > q1_q4_item.due[0])


def test_a_submission_without_a_self_assessment_has_no_self_points() -> None:
    """A bundle sent before any scoring (progress only): the review desk reads no points."""
    doc = submission_doc(scores=[])
    assert self_points(parse_submission(json.dumps(doc))) == {}
