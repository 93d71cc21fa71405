"""What the officer sees of their own plan items: the F3 overview's figures and lists, the order
of the period walk-through, what a printed timing cell means, which period is current.

Scenarios use real items of plan 260/KH-UBND (2022). Reports are due on the 10th of a period's
last month (Q1 10/03, 6T 10/06, Q3 10/09, NAM 10/12); the agency's own CCHC plan by 31/01.
Items used (area, printed timing → due dates):

    hd3.1 I   Quý I Quý IV  31/03, 31/12      hd3.11 II  Thường xuyên (ongoing)
    hd3.2 I   Trong năm     31/12             hd3.13 II  Thường xuyên (ongoing)
    hd3.5 I   Quý III, IV   30/09, 31/12      hd3.20 IV, hd3.21 IV  Trong năm  31/12
    hd3.6 I   Trong năm     31/12             hd3.40 VII  Quý I  31/03
    hd3.7 II  Quý I         31/03             hd3.42, hd3.43 VII  Quý II, III  30/06, 30/09
    hd3.8 II  Trong năm     31/12
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

import pytest

from cchc_tui.core.assignment import Assignment, Role
from cchc_tui.core.periods import current_period
from cchc_tui.core.plan import Plan
from cchc_tui.core.progress import (
    BLOCKED,
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    STATUSES,
    ProgressValues,
)
from cchc_tui.core.timing import TimingError, parse_timing
from cchc_tui.core.tracking import ItemStatus, overview, status_row, walk_queue


@dataclass(frozen=True)
class Rec:
    """What an agency recorded for one of its items (status None: nothing yet)."""

    item: str
    status: str | None = None
    pct: int = 0
    role: Role = "lead"
    evidence: int = 0


def agency_rows(plan: Plan, today: date, recs: list[Rec]) -> list[ItemStatus]:
    """The agency's item list as the store builds it: one row per assigned item, in plan order,
    with the evidence counted per item."""
    counts = {r.item: r.evidence for r in recs if r.evidence}
    out = []
    for r in recs:
        item = plan.items_by_id[r.item]
        via = "918" if r.role == "lead" else "group:ubnd-cap-huyen"
        progress = None
        if r.status is not None:
            progress = ProgressValues(
                status=r.status,
                progress_pct=100 if r.status == DONE else r.pct,
                reason="thiếu kinh phí" if r.status == BLOCKED else "",
                completed_on=date(2022, 6, 1) if r.status == DONE else None,
            )
        out.append(status_row(Assignment(item, r.role, via), progress, counts, today))
    return out


def ids(rows: list[ItemStatus]) -> list[str]:
    return [r.item.id for r in rows]


# == the overview (F3) ==========================================================================

MID_YEAR = date(2022, 7, 1)  # Q3 is current; its report is due 10/09, 71 days away

DISTRICT = [
    Rec("hd3.7", IN_PROGRESS, 40, evidence=1),  # II, due 31/03: overdue on 01/07
    Rec("hd3.8", DONE),  # II, done with no evidence attached
    Rec("hd3.11", role="coordinate"),  # II, ongoing, nothing recorded yet
    Rec("hd3.20", DONE, role="coordinate", evidence=2),  # IV
    Rec("hd3.21", BLOCKED, 0),  # IV
    Rec("hd3.42", IN_PROGRESS, 70),  # VII, due 30/06 and 30/09: nothing for the Q2 milestone
]


def test_the_overview_counts_the_agencys_items(plan: Plan) -> None:
    ov = overview(plan, agency_rows(plan, MID_YEAR, DISTRICT), MID_YEAR)
    # "6 mục được giao, 4 chủ trì"
    assert (ov.total, ov.lead) == (6, 4)
    # one chip per status, in this order, with a zero where no item has that status
    assert list(ov.by_status.items()) == [
        (None, 1),
        (NOT_STARTED, 0),
        (IN_PROGRESS, 2),
        (DONE, 2),
        (BLOCKED, 1),
    ]
    # hd3.7 past its due date; hd3.42 missed its first milestone (30/06) with nothing for it
    assert ids(ov.overdue) == ["hd3.7", "hd3.42"]
    assert ids(ov.done_without_evidence) == ["hd3.8"]


def test_the_overview_shows_progress_only_for_areas_the_agency_has_items_in(plan: Plan) -> None:
    """Areas I, III, V and VI carry none of these items (I comes first): they are not listed."""
    ov = overview(plan, agency_rows(plan, MID_YEAR, DISTRICT), MID_YEAR)
    titles = {a.id: a.title for a in plan.area}
    # "II  Cải cách TTHC  ███░░  47%  1/3" (the mean rounded as the screen rounds it)
    got = [(a.area, a.title, a.items, a.done, round(a.mean_pct, 1)) for a in ov.areas]
    assert got == [
        ("II", titles["II"], 3, 1, 46.7),  # (40 + 100 + 0) / 3
        ("IV", titles["IV"], 2, 1, 50.0),
        ("VII", titles["VII"], 1, 0, 70.0),
    ]


def test_the_overview_names_the_current_period_and_the_next_deadline(plan: Plan) -> None:
    ov = overview(plan, agency_rows(plan, MID_YEAR, DISTRICT), MID_YEAR)
    assert ov.period.code == "Q3"
    assert (ov.deadline_when, ov.deadline_what, ov.days_left) == (
        date(2022, 9, 10),
        "Báo cáo quý III",
        71,
    )
    # in January the agency's own CCHC plan (due 31/01) comes before the Q1 report
    january = overview(plan, [], date(2022, 1, 15))
    assert january.period.code == "Q1"
    assert january.deadline_when == date(2022, 1, 31) and january.days_left == 16
    assert january.deadline_what.startswith("Kế hoạch CCHC năm 2022")
    # on the report's own day: still that period, "hôm nay" (0 days left)
    on_the_day = overview(plan, [], date(2022, 9, 10))
    assert on_the_day.period.code == "Q3"
    assert (on_the_day.deadline_when, on_the_day.days_left) == (date(2022, 9, 10), 0)


def test_after_the_years_report_the_overview_has_no_deadline(plan: Plan) -> None:
    """From 11/12 nothing is due any more: "không còn hạn nào", and the year's period stays."""
    today = date(2022, 12, 11)
    recs = [Rec("hd3.7", DONE, evidence=1), Rec("hd3.8", IN_PROGRESS, 50)]
    ov = overview(plan, agency_rows(plan, today, recs), today)
    assert ov.period.code == "NAM"
    assert (ov.deadline_when, ov.deadline_what, ov.days_left) == (None, "", None)
    # every item has a status: the "chưa cập nhật" chip shows 0
    assert ov.by_status == {None: 0, NOT_STARTED: 0, IN_PROGRESS: 1, DONE: 1, BLOCKED: 0}
    assert ov.done_without_evidence == [] and ov.overdue == []


def test_the_overview_of_an_agency_with_nothing_assigned(plan: Plan) -> None:
    ov = overview(plan, [], MID_YEAR)
    assert (ov.total, ov.lead, ov.areas, ov.overdue, ov.done_without_evidence) == (0, 0, [], [], [])
    assert ov.by_status == dict.fromkeys([None, *STATUSES], 0)


# == the rows the item list shows ===============================================================


def test_an_item_with_nothing_recorded_shows_as_such(plan: Plan) -> None:
    item = plan.items_by_id["hd3.5"]  # due 30/09 and 31/12
    r = status_row(Assignment(item, "coordinate", "group:ubnd-cap-huyen"), None, {}, MID_YEAR)
    assert (r.item, r.role, r.via) == (item, "coordinate", "group:ubnd-cap-huyen")
    assert (r.status, r.done, r.progress_pct, r.note, r.reason, r.completed_on) == (
        None,
        False,
        0,
        "",
        "",
        None,
    )
    assert (r.evidence_count, r.next_due, r.overdue) == (0, date(2022, 9, 30), False)
    # the same row in October: the next due date is 31/12; its Q3 milestone passed with nothing
    # for it, so it is overdue already (a document dated in Q3 would have met it)
    late = status_row(Assignment(item, "lead", "918"), None, {"hd3.7": 3}, date(2022, 10, 1))
    assert (late.next_due, late.overdue, late.evidence_count) == (date(2022, 12, 31), True, 0)
    assert [m.state for m in late.milestones] == ["missed", "pending"]
    met = status_row(
        Assignment(item, "lead", "918"),
        None,
        {"hd3.5": 1},
        date(2022, 10, 1),
        dates={"hd3.5": [date(2022, 9, 20)]},
    )
    assert not met.overdue and [m.state for m in met.milestones] == ["met", "pending"]
    # past its final due date, still untouched: overdue
    after = status_row(Assignment(item, "lead", "918"), None, {}, date(2023, 1, 1))
    assert after.overdue and after.next_due == date(2022, 12, 31)


def test_an_item_shows_what_was_recorded_for_it(plan: Plan) -> None:
    item = plan.items_by_id["hd3.7"]  # due 31/03
    blocked = ProgressValues(status=BLOCKED, progress_pct=20, reason="thiếu kinh phí", note="x")
    r = status_row(Assignment(item, "lead", "918"), blocked, {"hd3.7": 2, "hd3.8": 5}, MID_YEAR)
    assert (r.status, r.progress_pct, r.reason, r.note, r.evidence_count) == (
        BLOCKED,
        20,
        "thiếu kinh phí",
        "x",
        2,
    )
    # "không thực hiện được" with its reason: said, not overdue (F3 no longer lists it so)
    assert not r.overdue and not r.done
    no_reason = ProgressValues(status=BLOCKED, progress_pct=20)
    assert status_row(Assignment(item, "lead", "918"), no_reason, {}, MID_YEAR).overdue
    done = ProgressValues(status=DONE, progress_pct=100, completed_on=date(2022, 5, 2))
    d = status_row(Assignment(item, "lead", "918"), done, {}, MID_YEAR)
    assert d.done and d.completed_on == date(2022, 5, 2) and not d.overdue


# == the period walk-through ====================================================================


def test_the_walk_visits_overdue_items_first_oldest_first_then_due_then_ongoing(
    plan: Plan,
) -> None:
    today = date(2022, 10, 1)  # the year's report is current: its horizon is 31/12
    recs = [  # in plan order, as the store lists them
        Rec("hd3.1", DONE, evidence=1),  # done: left out
        Rec("hd3.2", IN_PROGRESS, 30),  # due 31/12
        Rec("hd3.7", IN_PROGRESS, 40),  # overdue since 31/03
        Rec("hd3.11"),  # ongoing
        Rec("hd3.13", IN_PROGRESS, 10),  # ongoing
        Rec("hd3.40", NOT_STARTED),  # overdue since 31/03
        Rec("hd3.42", IN_PROGRESS, 60),  # overdue since 30/09
        Rec("hd3.43"),  # overdue since 30/09
    ]
    q = walk_queue(plan, agency_rows(plan, today, recs), today)
    assert ids(q.overdue) == ["hd3.40", "hd3.7", "hd3.42", "hd3.43"]
    assert ids(q.due_this_period) == ["hd3.2"]
    assert ids(q.ongoing) == ["hd3.11", "hd3.13"]
    assert ids(q.items) == ["hd3.40", "hd3.7", "hd3.42", "hd3.43", "hd3.2", "hd3.11", "hd3.13"]


def test_the_walk_visits_what_is_due_soonest_first(plan: Plan) -> None:
    recs = [
        Rec("hd3.2"),  # due 31/12, never touched: visited for a first status
        Rec("hd3.5", IN_PROGRESS, 20),  # due 30/09
        Rec("hd3.6", IN_PROGRESS, 20),  # due 31/12: a later period, left out
        Rec("hd3.8", DONE),  # done, left out
        Rec("hd3.42", IN_PROGRESS, 50),  # due 30/06 (past) and 30/09
    ]
    q = walk_queue(plan, agency_rows(plan, MID_YEAR, recs), MID_YEAR)
    assert ids(q.items) == ["hd3.42", "hd3.5", "hd3.2"]
    assert ids(q.overdue) == ["hd3.42"] and q.ongoing == []  # its 30/06 milestone was missed


def test_a_done_item_does_not_end_the_walk(plan: Plan) -> None:
    recs = [Rec("hd3.7", DONE), Rec("hd3.11", IN_PROGRESS, 5), Rec("hd3.40")]
    q = walk_queue(plan, agency_rows(plan, MID_YEAR, recs), MID_YEAR)
    assert ids(q.items) == ["hd3.40", "hd3.11"]


# == printed timing cells =======================================================================

COND = "khi có Nghị quyết triển khai"


def test_timing_cells_parse_to_their_dates_and_keep_their_condition() -> None:
    y = 2022
    table = [
        # printed, kind, start, due, condition
        ("Quý I", "quarters", date(y, 1, 1), [date(y, 3, 31)], ""),
        ("Quý II, III", "quarters", date(y, 4, 1), [date(y, 6, 30), date(y, 9, 30)], ""),
        ("Quý I Quý IV", "quarters", date(y, 1, 1), [date(y, 3, 31), date(y, 12, 31)], ""),
        ("  quý   iii  ", "quarters", date(y, 7, 1), [date(y, 9, 30)], ""),
        (f"Quý IV ({COND})", "quarters", date(y, 10, 1), [date(y, 12, 31)], COND),
        ("Quý II- IV", "quarter_range", date(y, 4, 1), [date(y, 12, 31)], ""),
        ("Quý I - II", "quarter_range", date(y, 1, 1), [date(y, 6, 30)], ""),
        (f"Quý III - IV ({COND})", "quarter_range", date(y, 7, 1), [date(y, 12, 31)], COND),
        ("Trong năm", "in_year", date(y, 1, 1), [date(y, 12, 31)], ""),
        (f"Trong năm ({COND})", "in_year", date(y, 1, 1), [date(y, 12, 31)], COND),
        ("Thường xuyên", "ongoing", None, [], ""),
        (f"Thường xuyên ({COND})", "ongoing", None, [], COND),
        # two bracketed notes: both kept, in order
        (
            "Quý II (đợt 1) ( theo  hướng dẫn )",
            "quarters",
            date(y, 4, 1),
            [date(y, 6, 30)],
            "đợt 1; theo hướng dẫn",
        ),
    ]
    for printed, kind, start, due, condition in table:
        t = parse_timing(printed, y)
        assert (t.kind, t.start, t.due) == (kind, start, due), printed
        assert t.condition == condition, printed
        assert t.ongoing is (kind == "ongoing"), printed
    # the plan's year decides the dates; 2024 is a leap year (no effect on quarter ends)
    assert parse_timing("Quý I - IV", 2024).start == date(2024, 1, 1)
    assert parse_timing("Quý I - IV", 2024).due == [date(2024, 12, 31)]


def test_an_unreadable_timing_cell_is_refused_naming_the_cell() -> None:
    """The plan extractor stops on such a cell; its message must say which one."""
    bad = [
        "",  # empty
        f"({COND})",  # a condition with no time
        "Năm sau",  # not a quarter, "Trong năm" or "Thường xuyên"
        "Quý",  # no quarter named
        "Quý V",
        "Quý I và IV",  # a word the parser does not know: not silently dropped
        "Quý I, Quý 2",
        "Quý IV - II",  # a range backwards
        "Quý II - II",
        "Quý I - II - III",
        "Quý II, II",  # a quarter twice
        "Quý IV, I",  # quarters out of order
    ]
    for printed in bad:
        with pytest.raises(TimingError) as err:
            parse_timing(printed, 2022)
        assert f"«{printed}»" in str(err.value), printed


# == which period is current ====================================================================


def test_the_current_period_follows_the_report_dates_not_the_plan_files_order(
    plan: Plan,
) -> None:
    shuffled = dataclasses.replace(plan, period=[plan.period[i] for i in (2, 0, 3, 1)])
    for p in (plan, shuffled):
        seen = [
            current_period(p, day).code
            for day in (
                date(2022, 1, 1),
                date(2022, 3, 10),
                date(2022, 3, 11),
                date(2022, 6, 10),
                date(2022, 6, 11),
                date(2022, 9, 11),
                date(2022, 12, 10),
                date(2022, 12, 11),
                date(2023, 2, 1),
            )
        ]
        assert seen == ["Q1", "Q1", "6T", "6T", "Q3", "NAM", "NAM", "NAM", "NAM"]
