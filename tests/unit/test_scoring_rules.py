"""What an officer or a reviewer reads off the scoring: the suggested points and the one-line
explanation of each rule kind, the totals per criterion and area with their titles and maxima,
numbers as written in Vietnamese, and the refusal of points a rule cannot give."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from cchc_tui.core.appraisal import outcome
from cchc_tui.core.criteria import CriteriaSet, Sub, parse_criteria
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import set_language
from cchc_tui.core.plan import Plan
from cchc_tui.core.scoring import (
    Inputs,
    SelfScore,
    Total,
    allowed_points,
    check_points,
    num,
    pct1,
    score,
    suggest,
    totals,
)

from .test_scoring import SMALL, Doc, Row, inputs, rows

D = Decimal

HEAD = """
[set]
id = "quy-tac-2022"
title = "Bộ quy tắc"
level = "huyen"
year = 2022
decision = "thử"
status = "mẫu"
provenance = "viết tay cho phép thử"

[[grade]]
name = "Tốt"
min = 80

[[grade]]
name = "Kém"
min = 0
"""

# Every rule kind and source kind, with the options the defaults hide: a completion counted on
# every assigned item up to 30/06, a document whose title must say something, reports of two
# periods only, an indicator "at most" (a rank), one read as its plain value, one the plan lacks.
# Area 4 has no criterion yet.
RULES = (
    HEAD
    + """
[[area]]
code = "1"
title = "Công tác chỉ đạo, điều hành"
max = 8

[[area]]
code = "2"
title = "Chỉ tiêu của kế hoạch"
max = 7

[[area]]
code = "3"
title = "Điều tra xã hội học"
max = 4

[[area]]
code = "4"
title = "Lĩnh vực chưa có tiêu chí"
max = 1

[[criterion]]
code = "1.1"
area = "1"
title = "Kế hoạch CCHC"
max = 6

[[criterion]]
code = "1.2"
area = "1"
title = "Sáng kiến"
max = 2

[[criterion]]
code = "2.1"
area = "2"
title = "Thực hiện chỉ tiêu"
max = 7

[[criterion]]
code = "3.1"
area = "3"
title = "Mức độ hài lòng"
max = 4

[[sub]]
code = "1.1.1"
criterion = "1.1"
title = "Hoàn thành mục chủ trì"
max = 2
rule = { kind = "percent_bands", bands = [
  { from = 90, to = 100, from_open = true, points = 2 },
  { from = 70, to = 90, points = 1 },
  { from = 0, to = 70, to_open = true, points = 0 },
] }
source = { kind = "activities_completion" }

[[sub]]
code = "1.1.2"
criterion = "1.1"
title = "Hoàn thành mục được giao đến giữa năm"
max = 2
rule = { kind = "percent_bands", bands = [
  { from = 90, to = 100, from_open = true, points = 2 },
  { from = 70, to = 90, points = 1 },
  { from = 0, to = 70, to_open = true, points = 0 },
] }
source = { kind = "activities_completion", role = "all", at = 2022-06-30 }

[[sub]]
code = "1.1.3"
criterion = "1.1"
title = "Quyết định kiểm soát TTHC"
max = 1
rule = { kind = "yes_no", yes = 1, no = 0 }
source = {kind = "evidence_before", doc_type = "QĐ", title_contains = "Soát", deadline = 2022-03-31}

[[sub]]
code = "1.1.4"
criterion = "1.1"
title = "Báo cáo quý I và 6 tháng"
max = 1
rule = { kind = "on_time", on_time = 1, late = 0.5, missing = 0 }
source = { kind = "reports_on_time", periods = ["Q1", "6T"] }

[[sub]]
code = "1.2.1"
criterion = "1.2"
title = "Sáng kiến được công nhận"
max = 2
rule = { kind = "manual", step = 0.5 }

[[sub]]
code = "1.2.2"
criterion = "1.2"
title = "Điểm thưởng"
max = 1
rule = { kind = "bonus", cap = 1, step = 0.25 }

[[sub]]
code = "1.2.3"
criterion = "1.2"
title = "Điểm trừ"
max = 1
rule = { kind = "penalty", cap = 0.5, step = 0.25 }

[[sub]]
code = "2.1.1"
criterion = "2.1"
title = "Số hóa kết quả TTHC"
max = 3
rule = { kind = "percent_bands", bands = [
  { from = 100, to = 100, points = 3 },
  { from = 80, to = 100, to_open = true, points = 2 },
  { from = 0, to = 80, to_open = true, points = 0 },
] }
source = { kind = "indicator", indicator = "so-hoa-ket-qua-tthc" }

[[sub]]
code = "2.1.2"
criterion = "2.1"
title = "Thứ hạng"
max = 2
rule = { kind = "percent_bands", bands = [
  { from = 100, to = 100, points = 2 },
  { from = 80, to = 100, to_open = true, points = 1 },
  { from = 0, to = 80, to_open = true, points = 0 },
] }
source = { kind = "indicator", indicator = "xep-hang-chi-so" }

[[sub]]
code = "2.1.3"
criterion = "2.1"
title = "Hồ sơ trực tuyến"
max = 1
rule = { kind = "percent_bands", bands = [
  { from = 50, to = 100, points = 1 },
  { from = 0, to = 50, to_open = true, points = 0 },
] }
source = { kind = "indicator", indicator = "ho-so-truc-tuyen-muc-3-4", measure = "value" }

[[sub]]
code = "2.1.4"
criterion = "2.1"
title = "Chỉ tiêu không có trong kế hoạch"
max = 1
rule = { kind = "percent_bands", bands = [{ from = 0, to = 100, points = 1 }] }
source = { kind = "indicator", indicator = "chi-tieu-khong-co" }

[[sub]]
code = "3.1.1"
criterion = "3.1"
title = "Hài lòng của người dân"
max = 4
rule = { kind = "survey" }
"""
)
SET = parse_criteria(RULES)
SUB = {s.code: s for s in SET.subs}
SO_HOA = "Kết quả giải quyết TTHC còn hiệu lực được số hóa"  # district target 40
HANG = "Thứ hạng của thành phố về PCI, PAR INDEX, PAPI (nhóm dẫn đầu)"  # at most 25
HO_SO = "Hồ sơ giải quyết trực tuyến mức độ 3 và 4 trên tổng số hồ sơ"  # target 30


def explain(plan: Plan, code: str, **kw: object) -> tuple[Decimal | None, str]:
    got = suggest(SUB[code], inputs(plan, **kw), "district")
    return got.points, got.explanation


def shown(items: list[Total]) -> list[tuple[str, str, str, str]]:
    """A row of the scoring tree (and of the xlsx, and of `cchc score --json`)."""
    return [(x.code, x.title, num(x.max), num(x.points)) for x in items]


# == numbers as written ===========================================================================


def test_numbers_are_written_with_a_decimal_comma_and_no_trailing_zeros() -> None:
    for value, text in [
        (D("1.50"), "1,5"),
        (D("0.25"), "0,25"),
        (D("0.50"), "0,5"),
        (D("85.70"), "85,7"),
        (D("2.00"), "2"),
        (D("100.0"), "100"),
        (D(100), "100"),
        (D("1E+1"), "10"),
        (D("0.00"), "0"),
        (D(0), "0"),
    ]:
        assert num(value) == text, value


def test_numbers_in_english_keep_the_decimal_point() -> None:
    set_language("en")
    assert [num(D("1.50")), num(D("0.25")), num(D("2.00")), num(D(40))] == [
        "1.5",
        "0.25",
        "2",
        "40",
    ]


def test_a_fraction_is_shown_with_every_digit_it_has() -> None:
    """No rounding to the 28 digits of the decimal context."""
    assert num(D("0.1000000000000000000000000000001")) == "0,1000000000000000000000000000001"


def test_a_whole_number_is_shown_with_every_digit_it_has() -> None:
    assert num(D("12345678901234567890123456789012")) == "12345678901234567890123456789012"
    assert num(D("12345678901234567890123456789012.00")) == "12345678901234567890123456789012"


def test_a_percentage_is_rounded_half_up_to_one_decimal() -> None:
    for value, rounded in [
        (D("6.25"), D("6.3")),  # half-even would give 6.2
        (D("0.05"), D("0.1")),
        (D("85.65"), D("85.7")),
        (D("85.64"), D("85.6")),
        (D("66.666"), D("66.7")),
        (D(80), D("80.0")),
    ]:
        assert pct1(value) == rounded and str(pct1(value)) == str(rounded), value


# == suggestions: each rule kind, its points and its explanation ==================================


def test_survey_manual_bonus_and_penalty_suggest_nothing_and_say_why(plan: Plan) -> None:
    assert explain(plan, "3.1.1") == (None, "điều tra xã hội học: Sở Nội vụ chấm")
    for code in ("1.2.1", "1.2.2", "1.2.3"):
        assert explain(plan, code) == (None, "chấm tay"), code


def test_completion_of_lead_items_up_to_the_year_reports_cut_off(plan: Plan) -> None:
    """No role: the lead items only (the coordinated one is left out); no date: 04/12/2022."""
    assert explain(plan, "1.1.1") == (
        D(1),
        "12/14 mục chủ trì hoàn thành đến 04/12/2022 = 85,7% → [70–90] → 1 điểm",
    )
    assert explain(plan, "1.1.1", rows=rows(1, 16)) == (
        D(0),
        "1/16 mục chủ trì hoàn thành đến 04/12/2022 = 6,3% → [0–70) → 0 điểm",
    )
    assert explain(plan, "1.1.1", rows=rows(10, 10)) == (
        D(2),
        "10/10 mục chủ trì hoàn thành đến 04/12/2022 = 100% → (90–100] → 2 điểm",
    )


def test_completion_without_any_cut_off_is_up_to_the_31st_of_december(plan: Plan) -> None:
    periods = [dataclasses.replace(p, cutoff_end=None) for p in plan.period]
    bare = dataclasses.replace(plan, period=periods)
    late = rows(10, 10, at=date(2022, 12, 31))
    assert explain(bare, "1.1.1", rows=late) == (
        D(2),
        "10/10 mục chủ trì hoàn thành đến 31/12/2022 = 100% → (90–100] → 2 điểm",
    )
    no_year_report = dataclasses.replace(plan, period=[p for p in plan.period if p.code != "NAM"])
    assert explain(no_year_report, "1.1.1", rows=late)[1].startswith(
        "10/10 mục chủ trì hoàn thành đến 31/12/2022"
    )


def test_completion_of_every_assigned_item_up_to_the_sets_own_date(plan: Plan) -> None:
    """role = "all" counts the coordinated items too; at = 30/06 leaves out what was done later."""
    june, july = date(2022, 6, 30), date(2022, 7, 1)
    mixed = [
        Row("lead", "hoan_thanh", june),
        Row("lead", "hoan_thanh", june),
        Row("lead", "hoan_thanh", june),
        Row("lead", "hoan_thanh", july),
        Row("coordinate", "hoan_thanh", date(2022, 5, 2)),
        Row("coordinate", "dang_thuc_hien", None),
    ]
    assert explain(plan, "1.1.2", rows=mixed) == (
        D(0),
        "4/6 mục được giao hoàn thành đến 30/06/2022 = 66,7% → [0–70) → 0 điểm",
    )
    assert explain(plan, "1.1.2", rows=mixed[:3] + mixed[4:5]) == (
        D(2),
        "4/4 mục được giao hoàn thành đến 30/06/2022 = 100% → (90–100] → 2 điểm",
    )


def test_completion_with_no_item_to_count_says_so(plan: Plan) -> None:
    only_coordinated = [Row("coordinate", "hoan_thanh", date(2022, 5, 2))]
    assert explain(plan, "1.1.1", rows=only_coordinated) == (None, "không có mục chủ trì nào")
    assert explain(plan, "1.1.2", rows=[]) == (None, "không có mục được giao nào")
    set_language("en")
    assert explain(plan, "1.1.1", rows=[]) == (None, "no lead items")


def test_a_document_before_its_deadline(plan: Plan) -> None:
    """Type and title words match whatever the case; the earliest matching document decides."""
    on_time = Doc("05/QĐ-UBND", "qđ", date(2022, 3, 31), "Về việc ban hành Kế hoạch KIỂM SOÁT TTHC")
    late = Doc("09/QĐ-UBND", "QĐ", date(2022, 4, 10), "Quy chế kiểm soát TTHC")
    other_title = Doc("01/QĐ-UBND", "QĐ", date(2022, 1, 5), "Về việc khen thưởng")
    other_type = Doc("02/KH-UBND", "KH", date(2022, 1, 5), "Kế hoạch kiểm soát TTHC")
    assert explain(plan, "1.1.3", documents=[late, other_title, on_time, other_type]) == (
        D(1),
        "lấy 05/QĐ-UBND ngày 31/03/2022 (đúng loại và nội dung), hạn chậm nhất ngày 31/03/2022"
        " → đúng hạn → 1 điểm; không lấy: 01/QĐ-UBND (về việc khác: «Về việc khen thưởng»),"
        " 09/QĐ-UBND (ban hành sau văn bản đã lấy)",
    )
    assert explain(plan, "1.1.3", documents=[late, other_title, other_type]) == (
        D(0),
        "lấy 09/QĐ-UBND ngày 10/04/2022 (đúng loại và nội dung), hạn chậm nhất ngày 31/03/2022"
        " → trễ hạn → 0 điểm; không lấy: 01/QĐ-UBND (về việc khác: «Về việc khen thưởng»)",
    )
    assert explain(plan, "1.1.3", documents=[other_type]) == (
        D(0),
        "chưa có văn bản QĐ đúng nội dung (hạn chậm nhất ngày 31/03/2022) → không có → 0 điểm",
    )


def test_reports_of_the_periods_a_sub_criterion_names(plan: Plan) -> None:
    """Q1 due 10/03, 6T due 10/06; the Q3 report is not asked for by 1.1.4."""
    q1, six = date(2022, 3, 10), date(2022, 6, 10)
    cases = [
        ({"Q1": q1, "6T": six, "Q3": date(2022, 12, 1)}, D(1), "2/2 báo cáo đúng hạn (2 đã gửi)"),
        ({"Q1": q1, "6T": date(2022, 6, 11)}, D("0.5"), "1/2 báo cáo đúng hạn (2 đã gửi)"),
        ({"Q1": q1}, D("0.5"), "1/2 báo cáo đúng hạn (1 đã gửi)"),
        ({"Q3": date(2022, 9, 1)}, D(0), "0/2 báo cáo đúng hạn (0 đã gửi)"),
    ]
    state = {D(1): "đúng hạn", D("0.5"): "trễ hạn", D(0): "không có"}
    for reports, points, what in cases:
        expected = f"{what} → {state[points]} → {num(points)} điểm"
        assert explain(plan, "1.1.4", reports=reports) == (points, expected), reports


def test_an_indicator_against_its_target(plan: Plan) -> None:
    """At least: value / target, at most 100%; at most (a rank): target / value, at most 100%."""
    for code, value, points, what in [
        ("2.1.1", D(36), D(2), f"{SO_HOA}: 36 so với chỉ tiêu 40 = đạt 90% → [80–100) → 2"),
        ("2.1.1", D("33.5"), D(2), f"{SO_HOA}: 33,5 so với chỉ tiêu 40 = đạt 83,8% → [80–100) → 2"),
        ("2.1.1", D(50), D(3), f"{SO_HOA}: 50 so với chỉ tiêu 40 = đạt 100% → [100–100] → 3"),
        ("2.1.1", D(0), D(0), f"{SO_HOA}: 0 so với chỉ tiêu 40 = đạt 0% → [0–80) → 0"),
        ("2.1.2", D(30), D(1), f"{HANG}: 30 so với chỉ tiêu 25 = đạt 83,3% → [80–100) → 1"),
        ("2.1.2", D(3), D(2), f"{HANG}: 3 so với chỉ tiêu 25 = đạt 100% → [100–100] → 2"),
        ("2.1.2", D(0), D(0), f"{HANG}: 0 so với chỉ tiêu 25 = đạt 0% → [0–80) → 0"),
        ("2.1.3", D("45.5"), D(0), f"{HO_SO}: 45,5 so với chỉ tiêu 30 = đạt 45,5% → [0–50) → 0"),
    ]:
        ids = {"2.1.1": "so-hoa-ket-qua-tthc", "2.1.2": "xep-hang-chi-so"}
        got = explain(plan, code, indicators={ids.get(code, "ho-so-truc-tuyen-muc-3-4"): value})
        assert got == (points, what + " điểm"), (code, value)


def test_an_indicator_without_a_target_for_the_level_is_read_as_its_value(plan: Plan) -> None:
    so_hoa = next(i for i in plan.indicator if i.id == "so-hoa-ket-qua-tthc")
    no_target = dataclasses.replace(so_hoa, targets={"city": 50.0})
    changed = dataclasses.replace(
        plan, indicator=[no_target if i is so_hoa else i for i in plan.indicator]
    )
    values = {"so-hoa-ket-qua-tthc": D(85)}
    assert explain(changed, "2.1.1", indicators=values) == (
        D(2),
        f"{SO_HOA}: 85 so với chỉ tiêu 0 = đạt 85% → [80–100) → 2 điểm",
    )


def test_an_indicator_that_cannot_be_measured_says_why(plan: Plan) -> None:
    assert explain(plan, "2.1.4") == (None, "kế hoạch không có chỉ tiêu «chi-tieu-khong-co»")
    assert explain(plan, "2.1.4", indicators={"chi-tieu-khong-co": D(1)}) == (
        None,
        "kế hoạch không có chỉ tiêu «chi-tieu-khong-co»",
    )
    assert explain(plan, "2.1.1") == (None, f"chưa nhập giá trị «{SO_HOA}»")
    # a plain value past every band
    assert explain(plan, "2.1.3", indicators={"ho-so-truc-tuyen-muc-3-4": D(120)}) == (
        None,
        f"{HO_SO}: 120 so với chỉ tiêu 30 = đạt 120% → không thuộc khoảng nào",
    )


def test_explanations_in_english(plan: Plan) -> None:
    set_language("en")
    assert explain(plan, "1.1.1") == (
        D(1),
        "12 of 14 lead items done by 04/12/2022 = 85.7% → [70–90] → 1 points",
    )
    assert explain(plan, "1.1.4", reports={"Q1": date(2022, 3, 10)}) == (
        D("0.5"),
        "1 of 2 reports on time (1 sent) → late → 0.5 points",
    )
    assert explain(plan, "3.1.1") == (None, "sociological survey: scored by Sở Nội vụ")


# == totals =======================================================================================

SELVES = {
    "1.1.1": SelfScore(evidence=1),  # suggested 1
    "1.1.2": SelfScore(points=D(2), reason="Báo cáo 6 tháng bổ sung", evidence=2),
    "1.1.3": SelfScore(note="Đã ban hành, chờ số"),  # suggested 0: no document
    "1.1.4": SelfScore(points=D("0.5"), evidence=1),  # as suggested: no reason needed
    "1.2.1": SelfScore(points=D("1.5"), evidence=1),
    "1.2.2": SelfScore(points=D("0.75"), evidence=1),
    "1.2.3": SelfScore(points=D("0.25"), note="Một công chức bị khiển trách"),
    "2.1.1": SelfScore(evidence=1),  # suggested 2
    "2.1.2": SelfScore(points=D(2)),  # suggested 1: neither evidence nor reason
    "3.1.1": SelfScore(points=D(4), evidence=1),  # survey: never self-scored
}


def scored(plan: Plan) -> Inputs:
    return inputs(
        plan,
        reports={"Q1": date(2022, 3, 10)},
        indicators={"so-hoa-ket-qua-tthc": D(36), "xep-hang-chi-so": D(30)},
    )


def test_the_scoring_table_of_a_whole_set(plan: Plan) -> None:
    """1.1: 1 + 2 + 0 + 0.5 = 3.5; 1.2: 1.5; 2.1: 2 + 2 = 4; 3.1 survey; area 4 empty.
    Base 3.5 + 1.5 + 4 = 9; + bonus 0.75 = 9.75; − penalty 0.25 = 9.5, of 20 − 4 = 16
    → 59.375 → 59.4% → Kém."""
    result = score(SET, scored(plan), SELVES)
    by = {r.sub.code: r for r in result.subs}
    assert [(c, r.suggestion.points, r.self_points) for c, r in by.items()] == [
        ("1.1.1", D(1), D(1)),
        ("1.1.2", D(0), D(2)),
        ("1.1.3", D(0), D(0)),
        ("1.1.4", D("0.5"), D("0.5")),
        ("1.2.1", None, D("1.5")),
        ("1.2.2", None, D("0.75")),
        ("1.2.3", None, D("0.25")),
        ("2.1.1", D(2), D(2)),
        ("2.1.2", D(1), D(2)),
        ("2.1.3", None, None),
        ("2.1.4", None, None),
        ("3.1.1", None, None),  # the survey: Sở Nội vụ's, whatever the file says
    ]
    assert [c for c, r in by.items() if r.overridden and c != "3.1.1"] == [
        "1.1.2",
        "1.1.4",
        "1.2.1",
        "1.2.2",
        "1.2.3",
        "2.1.2",
    ]
    assert by["1.1.2"].evidence == 2 and by["1.1.3"].note == "Đã ban hành, chờ số"
    assert [(r.sub.code, r.warnings) for r in result.blocking] == [
        (
            "2.1.2",
            (
                "có điểm nhưng chưa có TLKC hoặc giải trình",
                "điểm khác gợi ý nhưng chưa nêu lý do",
            ),
        )
    ]
    assert shown(result.criteria) == [
        ("1.1", "Kế hoạch CCHC", "6", "3,5"),
        ("1.2", "Sáng kiến", "2", "1,5"),
        ("2.1", "Thực hiện chỉ tiêu", "7", "4"),
        ("3.1", "Mức độ hài lòng", "4", "0"),
    ]
    assert shown(result.areas) == [
        ("1", "Công tác chỉ đạo, điều hành", "8", "5"),
        ("2", "Chỉ tiêu của kế hoạch", "7", "4"),
        ("3", "Điều tra xã hội học", "4", "0"),
        ("4", "Lĩnh vực chưa có tiêu chí", "1", "0"),
    ]
    assert [num(x) for x in (result.base, result.bonus, result.penalty, result.total)] == [
        "9",
        "0,75",
        "0,25",
        "9,5",
    ]
    assert (num(result.max_self), num(result.survey_max)) == ("16", "4")
    assert (num(result.percent), result.grade) == ("59,4", "Kém")


def test_the_appraisal_with_the_survey_is_of_the_whole_maximum(plan: Plan) -> None:
    """The reviewer lowers 1.1.2 to 1 then 0 (round 2 stands) and enters the survey, 3.5:
    9.5 − 2 + 3.5 = 11 of 20 = 55.0%."""
    selves = {r.sub.code: r.self_points for r in score(SET, scored(plan), SELVES).subs}
    rounds = {"1.1.2": {1: D(1), 2: D(0)}, "3.1.1": {1: D("3.5")}}
    got = outcome(SET, selves, rounds)
    assert got.appraised and got.appraised_count == 2
    assert [(s.sub.code, s.final, s.changed) for s in got.subs if s.rounds] == [
        ("1.1.2", D(0), True),
        ("3.1.1", D("3.5"), True),
    ]
    assert shown(got.totals.criteria) == [
        ("1.1", "Kế hoạch CCHC", "6", "1,5"),
        ("1.2", "Sáng kiến", "2", "1,5"),
        ("2.1", "Thực hiện chỉ tiêu", "7", "4"),
        ("3.1", "Mức độ hài lòng", "4", "3,5"),
    ]
    assert got.areas() == {"1": D(3), "2": D(4), "3": D("3.5"), "4": D(0)}
    assert (num(got.total), num(got.totals.max), num(got.totals.percent), got.grade) == (
        "11",
        "20",
        "55",
        "Kém",
    )
    # nothing appraised: the self-assessment stands, of the maximum without the survey
    mine = outcome(SET, selves, {})
    assert not mine.appraised and mine.appraised_count == 0
    assert (num(mine.total), num(mine.totals.max), num(mine.totals.percent)) == (
        "9,5",
        "16",
        "59,4",
    )


SURVEY_ONLY = parse_criteria(
    HEAD
    + """
[[area]]
code = "1"
title = "Khảo sát"
max = 5

[[criterion]]
code = "1.1"
area = "1"
title = "Hài lòng"
max = 5

[[sub]]
code = "1.1.1"
criterion = "1.1"
title = "Điều tra xã hội học"
max = 5
rule = { kind = "survey" }
"""
)
EMPTY = parse_criteria(HEAD)


@pytest.mark.parametrize("cset", [SURVEY_ONLY, EMPTY], ids=["survey-only", "empty"])
def test_a_set_with_nothing_to_self_score_totals_zero_of_zero(cset: CriteriaSet) -> None:
    got = totals(cset, {"1.1.1": D(5)})
    assert (num(got.total), num(got.max), num(got.percent), got.grade) == ("0", "0", "0", "Kém")
    assert shown(got.criteria) == [("1.1", "Hài lòng", "5", "0")][: len(cset.criteria)]
    assert shown(got.areas) == [("1", "Khảo sát", "5", "0")][: len(cset.areas)]


def test_the_survey_entered_into_a_survey_only_set_is_its_whole_percentage() -> None:
    got = totals(SURVEY_ONLY, {"1.1.1": D("4.5")}, survey=True)
    assert (num(got.total), num(got.max), num(got.percent), got.grade) == ("4,5", "5", "90", "Tốt")
    assert shown(got.criteria) == [("1.1", "Hài lòng", "5", "4,5")]


# == what the rule lets an officer enter ===========================================================


def test_the_points_a_rule_can_give() -> None:
    assert allowed_points(SUB["1.1.3"]) == {D(0), D(1)}
    assert allowed_points(SUB["1.1.4"]) == {D(0), D("0.5"), D(1)}
    assert allowed_points(SUB["1.1.1"]) == {D(0), D(1), D(2)}
    for code in ("1.2.1", "1.2.2", "1.2.3", "3.1.1"):
        assert allowed_points(SUB[code]) is None, code
    count = parse_criteria(
        SMALL.replace(
            'rule = { kind = "manual", step = 0.25 }',
            'rule = { kind = "count_bands", bands = [\n'
            "  { from = 0, to = 2, to_open = true, points = 0 },\n"
            "  { from = 2, points = 0.75 },\n] }",
            1,
        )
    )
    assert allowed_points(next(s for s in count.subs if s.code == "1.1.4")) == {D(0), D("0.75")}


def refusal(sub: Sub, points: Decimal) -> str:
    with pytest.raises(UserError) as err:
        check_points(sub, points)
    return err.value.message()


def test_points_a_rule_cannot_give_are_refused_with_the_levels_it_can() -> None:
    assert refusal(SUB["1.1.3"], D("0.5")) == (
        "Cách chấm của «1.1.3» chỉ cho các mức: 0, 1 (đã nhập 0,5)."
    )
    assert refusal(SUB["1.1.4"], D("0.25")) == (
        "Cách chấm của «1.1.4» chỉ cho các mức: 0, 0,5, 1 (đã nhập 0,25)."
    )
    assert refusal(SUB["1.1.1"], D("1.5")) == (
        "Cách chấm của «1.1.1» chỉ cho các mức: 0, 1, 2 (đã nhập 1,5)."
    )
    for code, points in (("1.1.3", D(1)), ("1.1.4", D("0.5")), ("1.1.1", D(2))):
        check_points(SUB[code], points)


def test_points_off_the_step_or_past_the_maximum_are_refused() -> None:
    cases = [
        ("1.2.1", D("0.75"), "Điểm 0,75 của «1.2.1» phải trong [0, 2] và là bội của 0,5."),
        ("1.2.1", D("2.5"), "Điểm 2,5 của «1.2.1» phải trong [0, 2] và là bội của 0,5."),
        ("1.2.2", D("1.25"), "Điểm 1,25 của «1.2.2» phải trong [0, 1] và là bội của 0,25."),
        ("1.2.3", D("0.75"), "Điểm 0,75 của «1.2.3» phải trong [0, 0,5] và là bội của 0,25."),
        ("3.1.1", D("4.01"), "Điểm 4,01 của «3.1.1» phải trong [0, 4] và là bội của 0,01."),
    ]
    for code, points, message in cases:
        assert refusal(SUB[code], points) == message, code
    for code, points in (("1.2.1", D("1.5")), ("1.2.3", D("0.5")), ("3.1.1", D("3.99"))):
        check_points(SUB[code], points)
    assert refusal(SUB["1.2.1"], D("100.5")) == (
        "Giá trị điểm phải từ 0 đến 100 (đã nhập «100.5»)."
    )
    assert refusal(SUB["1.2.1"], D("-0.5")) == "Giá trị điểm không được âm (đã nhập «-0.5»)."


def test_the_set_that_scores_an_agency_is_its_levels_official_one_else_a_template() -> None:
    from cchc_tui.core.criteria import HeldSet, choose_set

    held = [  # newest year first, as the store lists them
        HeldSet("mau-huyen-2023", "huyen", 2023, "mẫu"),
        HeldSet("qd-huyen-2022", "huyen", 2022, "chính thức"),
        HeldSet("mau-xa-2022", "xa", 2022, "mẫu"),
        HeldSet("mau-huyen-2022", "huyen", 2022, "mẫu"),
    ]
    assert choose_set(held, "district") == "qd-huyen-2022"  # official beats a newer template
    assert choose_set(held, "commune") == "mau-xa-2022"
    assert choose_set(held, "city") is None  # none of its level: the shipped one is imported
    assert choose_set([h for h in held if h[3] == "mẫu"], "district") == "mau-huyen-2023"
    assert choose_set([], "district") is None
