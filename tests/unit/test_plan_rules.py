"""The plan's own words as rules (issue 17), one table per rule kind, each row a case worked by
hand from the plan 260/KH-UBND and the shipped district template (mau-huyen-2022):

1. 1.1.1 takes the agency's CCHC plan for the year, not any KH document;
2. "trước ngày 31/01/2022" is strictly before: a plan dated 31/01 is late;
3. completion (1.1.3) at the cut-off leaves out what is not yet due, and says how ongoing,
   conditional and "không thực hiện được" items were counted;
4. two-milestone timings make an item overdue after a missed first milestone;
5. conditional items wait, never overdue, until the condition is recorded.
(6, 3.25, is in test_plan_data.py; 7, the ranking, in tests/bundle/test_ranking_basis.py.)
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_tui.core.agencies import Registry
from cchc_tui.core.assignment import Assignment, assigned_items
from cchc_tui.core.criteria import CriteriaSet, parse_criteria
from cchc_tui.core.plan import Plan
from cchc_tui.core.progress import ProgressValues
from cchc_tui.core.scoring import Inputs, suggest
from cchc_tui.core.tracking import ItemStatus, status_row, walk_queue

D = Decimal


@dataclass(frozen=True)
class Doc:
    id: int
    number: str
    doc_type: str
    doc_date: date
    title: str


@pytest.fixture(scope="module")
def district_set() -> CriteriaSet:
    text = resources.files("cchc_tui.data").joinpath("criteria/mau-huyen-2022.toml").read_text()
    return parse_criteria(text, "mau-huyen-2022")


def explain(cset: CriteriaSet, plan: Plan, code: str, **kw: object) -> tuple[object, str]:
    base: dict[str, object] = {"plan": plan, "rows": [], "documents": []}
    sub = next(s for s in cset.subs if s.code == code)
    got = suggest(sub, Inputs(**{**base, **kw}), "district")  # type: ignore[arg-type]
    return got.points, got.explanation


# -- 1, 2: the agency's CCHC plan for the year (1.1.1) ---------------------------------------------

PROPAGANDA = Doc(1, "01/KH-UBND", "KH", date(2022, 1, 10), "Kế hoạch tuyên truyền CCHC năm 2022")
LAST_YEAR = Doc(2, "03/KH-UBND", "KH", date(2021, 1, 15), "Kế hoạch CCHC năm 2021")
PLAN_2022 = Doc(3, "12/KH-UBND", "KH", date(2022, 1, 20), "Kế hoạch cải cách hành chính năm 2022")
ON_THE_DAY = Doc(4, "15/KH-UBND", "KH", date(2022, 1, 31), "Kế hoạch công tác CCHC năm 2022")
NO_YEAR = Doc(5, "09/KH-UBND", "KH", date(2022, 1, 5), "Kế hoạch cải cách hành chính")
REPORT = Doc(6, "20/BC-UBND", "BC", date(2022, 1, 5), "Báo cáo CCHC năm 2022")


@pytest.mark.parametrize(
    ("docs", "marked", "points", "explanation"),
    [
        # item 1 of the issue: the propaganda plan and the 2021 plan were each taken as "on time"
        (
            [PROPAGANDA, LAST_YEAR],
            (),
            D(0),
            "chưa có văn bản KH đúng nội dung (hạn trước ngày 31/01/2022) → không có → 0 điểm; "
            "không lấy: 03/KH-UBND (năm 2021), 01/KH-UBND (về việc khác: «Kế hoạch tuyên "
            "truyền CCHC năm 2022»)",
        ),
        (
            [PROPAGANDA, LAST_YEAR, PLAN_2022, REPORT],
            (),
            D(1),
            "lấy 12/KH-UBND ngày 20/01/2022 (đúng loại và nội dung), hạn trước ngày 31/01/2022 "
            "→ đúng hạn → 1 điểm; không lấy: 03/KH-UBND (năm 2021), 01/KH-UBND (về việc khác: "
            "«Kế hoạch tuyên truyền CCHC năm 2022»)",
        ),
        # item 2: "trước ngày 31/01/2022" — dated 31/01 is late ("công tác" may precede CCHC)
        (
            [ON_THE_DAY],
            (),
            D("0.5"),
            "lấy 15/KH-UBND ngày 31/01/2022 (đúng loại và nội dung), hạn trước ngày 31/01/2022 "
            "→ trễ hạn → 0,5 điểm",
        ),
        # a title that names no year is not taken by itself …
        (
            [NO_YEAR],
            (),
            D(0),
            "chưa có văn bản KH đúng nội dung (hạn trước ngày 31/01/2022) → không có → 0 điểm; "
            "không lấy: 09/KH-UBND (không ghi năm 2022)",
        ),
        # … but the officer can say it is the one: linked to 1.1.1, it is taken
        (
            [NO_YEAR, PLAN_2022],
            (5,),
            D(1),
            "lấy 09/KH-UBND ngày 05/01/2022 (cán bộ gắn vào tiêu chí này), hạn trước ngày "
            "31/01/2022 → đúng hạn → 1 điểm; không lấy: 12/KH-UBND (không được gắn vào tiêu chí)",
        ),
        # two that fit: the earliest is taken, the other said
        (
            [ON_THE_DAY, PLAN_2022],
            (),
            D(1),
            "lấy 12/KH-UBND ngày 20/01/2022 (đúng loại và nội dung), hạn trước ngày 31/01/2022 "
            "→ đúng hạn → 1 điểm; không lấy: 15/KH-UBND (ban hành sau văn bản đã lấy)",
        ),
    ],
)
def test_the_years_cchc_plan(
    district_set: CriteriaSet,
    plan: Plan,
    docs: list[Doc],
    marked: tuple[int, ...],
    points: Decimal,
    explanation: str,
) -> None:
    got = explain(district_set, plan, "1.1.1", documents=docs, marked={"1.1.1": marked})
    assert got == (points, explanation)


def test_the_deadline_comes_from_the_plans_obligation(
    district_set: CriteriaSet, plan: Plan
) -> None:
    """The set names the obligation; the plan holds "before" and the date. Changed in the plan
    to "by", the same document dated 31/01 is on time."""
    by = [
        dataclasses.replace(o, due_rule="by") if o.id == "ke-hoach-cchc-2022" else o
        for o in plan.obligation
    ]
    lenient = dataclasses.replace(plan, obligation=by)
    assert explain(district_set, lenient, "1.1.1", documents=[ON_THE_DAY]) == (
        D(1),
        "lấy 15/KH-UBND ngày 31/01/2022 (đúng loại và nội dung), hạn chậm nhất ngày 31/01/2022 "
        "→ đúng hạn → 1 điểm",
    )
    gone = dataclasses.replace(plan, obligation=[])
    assert explain(district_set, gone, "1.1.1", documents=[ON_THE_DAY]) == (
        None,
        "kế hoạch không có nghĩa vụ «ke-hoach-cchc-2022» (bộ tiêu chí nêu hạn theo nghĩa vụ này)",
    )


# -- 3: completion at the cut-off (1.1.3; the year report's cut-off, 04/12/2022) -----------------


@dataclass(frozen=True)
class Row:
    item: object
    role: str
    status: str | None
    completed_on: date | None
    reason: str = ""
    condition: str | None = None

    @property
    def done(self) -> bool:
        return self.status == "hoan_thanh"


def lead(plan: Plan, item_id: str, status: str | None, on: date | None = None, **kw: str) -> Row:
    return Row(plan.items_by_id[item_id], "lead", status, on, **kw)


@pytest.mark.parametrize(
    ("rows", "points", "explanation"),
    [
        # item 3 of the issue: finished 10/12, due 31/12 ("Trong năm"): not a failure at 04/12
        (
            [
                ("hd3.2", "hoan_thanh", date(2022, 3, 1)),
                ("hd3.3", "hoan_thanh", date(2022, 12, 10)),
            ],
            D(2),
            "1/1 mục chủ trì hoàn thành đến 04/12/2022 = 100% → (90–100] → 2 điểm; không tính: "
            "1 chưa đến hạn",
        ),
        # due 31/03 and not done by the cut-off: a failure
        (
            [("hd3.2", "hoan_thanh", date(2022, 3, 1)), ("hd3.7", "dang_thuc_hien", None)],
            D(0),
            "1/2 mục chủ trì hoàn thành đến 04/12/2022 = 50% → [0–70) → 0 điểm",
        ),
        # ongoing ("Thường xuyên"), in progress: counted as done, and said
        (
            [("hd3.2", "hoan_thanh", date(2022, 3, 1)), ("hd3.11", "dang_thuc_hien", None)],
            D(2),
            "2/2 mục chủ trì hoàn thành đến 04/12/2022 = 100% → (90–100] → 2 điểm; 1 mục thường "
            "xuyên đang hoặc đã thực hiện tính là hoàn thành",
        ),
        # conditional (nv2.11, "khi có Nghị quyết …"), condition not recorded: left out, said
        (
            [("hd3.2", "hoan_thanh", date(2022, 3, 1)), ("nv2.11", None, None)],
            D(2),
            "1/1 mục chủ trì hoàn thành đến 04/12/2022 = 100% → (90–100] → 2 điểm; không tính: "
            "1 chờ điều kiện hoặc điều kiện không xảy ra",
        ),
        # "không thực hiện được" with a reason: counted as not done, and said
        (
            [("hd3.2", "hoan_thanh", date(2022, 3, 1)), ("hd3.7", "khong_thuc_hien_duoc", None)],
            D(0),
            "1/2 mục chủ trì hoàn thành đến 04/12/2022 = 50% → [0–70) → 0 điểm; 1 mục không thực "
            "hiện được (có lý do) tính là chưa hoàn thành",
        ),
    ],
)
def test_completion_at_the_cut_off(
    district_set: CriteriaSet,
    plan: Plan,
    rows: list[tuple[str, str | None, date | None]],
    points: Decimal,
    explanation: str,
) -> None:
    made = [
        lead(plan, i, s, on, reason="thiếu kinh phí" if s == "khong_thuc_hien_duoc" else "")
        for i, s, on in rows
    ]
    assert explain(district_set, plan, "1.1.3", rows=made) == (points, explanation)


def test_a_condition_that_happened_counts_like_any_item(
    district_set: CriteriaSet, plan: Plan
) -> None:
    """nv2.11 has no due date of its own before the cut-off ("Trong năm"): once its condition
    happened it is counted — done, or not yet due."""
    happened = lead(plan, "nv2.11", "hoan_thanh", date(2022, 11, 1), condition="xay_ra")
    assert explain(district_set, plan, "1.1.3", rows=[happened]) == (
        D(2),
        "1/1 mục chủ trì hoàn thành đến 04/12/2022 = 100% → (90–100] → 2 điểm",
    )


CANDIDATES = ["hd3.2", "hd3.3", "hd3.7", "hd3.11", "hd3.40", "hd3.42", "nv2.11", "hd3.1"]


@settings(max_examples=200, deadline=None)
@given(
    chosen=st.lists(st.sampled_from(CANDIDATES), min_size=1, max_size=8, unique=True),
    statuses=st.lists(
        st.sampled_from([None, "chua_thuc_hien", "dang_thuc_hien", "hoan_thanh"]),
        min_size=8,
        max_size=8,
    ),
    which=st.integers(0, 7),
    early=st.integers(0, 120),
)
def test_completion_never_falls_when_an_item_is_done_by_its_due_date(
    district_set: CriteriaSet,
    plan: Plan,
    chosen: list[str],
    statuses: list[str | None],
    which: int,
    early: int,
) -> None:
    """Finishing an item on or before its due date never lowers the suggested share."""
    from datetime import timedelta

    rows = [lead(plan, i, s, date(2022, 2, 1) if s == "hoan_thanh" else None)
            for i, s in zip(chosen, statuses, strict=False)]  # fmt: skip
    k = which % len(rows)
    item = plan.items_by_id[rows[k].item.id]  # type: ignore[attr-defined]
    if not item.due or rows[k].done:
        return
    on = item.due[-1] - timedelta(days=early)
    finished = [*rows[:k], dataclasses.replace(rows[k], status="hoan_thanh", completed_on=on),
                *rows[k + 1 :]]  # fmt: skip

    def share(rs: list[Row]) -> Decimal:
        text = explain(district_set, plan, "1.1.3", rows=rs)[1]
        head = text.split(" = ")[1].split("%")[0] if " = " in text else "0"
        return D("0") if head == "—" else D(head.replace(",", "."))

    assert share(finished) >= share(rows)


# -- 4, 5: milestones and conditions in what the officer sees (F3, F4, F6) -------------------------


def item_row(
    plan: Plan,
    registry: Registry,
    item_id: str,
    today: date,
    *,
    status: str | None = "dang_thuc_hien",
    dates: list[date] | None = None,
    note: str = "",
    condition: str | None = None,
) -> ItemStatus:
    a = next(x for x in assigned_items(plan, registry, "SNV") if x.item.id == item_id)
    p = ProgressValues(status=status, note=note) if status else None
    return status_row(
        Assignment(a.item, a.role, a.via),
        p,
        {item_id: len(dates or [])},
        today,
        dates={item_id: dates or []},
        condition=(condition, "1211/NQ-UBTVQH14" if condition == "xay_ra" else ""),
    )


@pytest.mark.parametrize(
    ("item_id", "today", "dates", "note", "overdue", "states"),
    [
        # 3.1 "Quý I Quý IV": a missed Q1 plan shows from 01/04, not in January next year
        ("hd3.1", date(2022, 4, 1), [], "", True, ["missed", "pending"]),
        ("hd3.1", date(2022, 3, 31), [], "", False, ["pending", "pending"]),
        ("hd3.1", date(2022, 4, 1), [date(2022, 3, 15)], "", False, ["met", "pending"]),
        # a document dated after the milestone, or the officer's note, explains it
        ("hd3.1", date(2022, 5, 1), [date(2022, 4, 20)], "", False, ["explained", "pending"]),
        (
            "hd3.1",
            date(2022, 5, 1),
            [],
            "Lùi sang quý II theo chỉ đạo",
            False,
            ["explained", "pending"],
        ),
        # a Q1 document does not meet Q4: after 31/12 the item is overdue
        ("hd3.1", date(2023, 1, 2), [date(2022, 3, 15)], "", True, ["met", "missed"]),
        # 3.5 "Quý III, Quý IV"; 3.42 "Quý II, III"
        ("hd3.5", date(2022, 10, 1), [], "", True, ["missed", "pending"]),
        ("hd3.42", date(2022, 7, 1), [date(2022, 6, 30)], "", False, ["met", "pending"]),
    ],
)
def test_each_milestone_of_an_item(
    plan: Plan,
    registry: Registry,
    item_id: str,
    today: date,
    dates: list[date],
    note: str,
    overdue: bool,
    states: list[str],
) -> None:
    r = item_row(plan, registry, item_id, today, dates=dates, note=note)
    assert (r.overdue, [m.state for m in r.milestones]) == (overdue, states)
    assert [m.due for m in r.milestones] == plan.items_by_id[item_id].due


@pytest.mark.parametrize(
    ("condition", "waiting", "overdue", "walked"),
    [
        (None, True, False, True),  # chờ điều kiện: visited so the officer records it
        ("khong_xay_ra", False, False, False),  # did not arise: not overdue, not visited
        ("xay_ra", False, True, True),  # happened: its due date counts
    ],
)
def test_a_conditional_item_waits_until_its_condition_is_recorded(
    plan: Plan,
    registry: Registry,
    condition: str | None,
    waiting: bool,
    overdue: bool,
    walked: bool,
) -> None:
    """nv2.11 (2.11, "khi có Nghị quyết … của UBTVQH và Chính phủ"), due 31/12/2022; in 2023."""
    today = date(2023, 1, 10)
    r = item_row(plan, registry, "nv2.11", today, condition=condition)
    assert (r.waiting, r.overdue) == (waiting, overdue)
    assert (r in walk_queue(plan, [r], today).items) is walked
