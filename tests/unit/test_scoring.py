"""Criteria sets and scoring: validation with line numbers, band edges, a worked example
computed by hand, properties, the XLSX table read back, and the command line."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from cchc_tui.core.criteria import CriteriaError, parse_criteria
from cchc_tui.core.plan import Plan
from cchc_tui.core.scoring import Inputs, SelfScore, score, suggest

ROOT = Path(__file__).resolve().parents[2]
D = Decimal


@dataclass(frozen=True)
class Row:  # what the rules read of an assigned item
    role: str
    status: str | None
    completed_on: date | None

    @property
    def done(self) -> bool:
        return self.status == "hoan_thanh"


@dataclass(frozen=True)
class Doc:
    number: str
    doc_type: str
    doc_date: date
    title: str = ""


SMALL = """
[set]
id = "thu-2022"
title = "Bộ thử"
level = "huyen"
year = 2022
decision = "thử"
status = "chính thức"
provenance = "viết tay cho phép thử"

[[grade]]
name = "Tốt"
min = 80

[[grade]]
name = "Kém"
min = 0

[[area]]
code = "1"
title = "Chỉ đạo"
max = 5

[[area]]
code = "2"
title = "Khảo sát"
max = 5

[[criterion]]
code = "1.1"
area = "1"
title = "Kế hoạch"
max = 5

[[criterion]]
code = "2.1"
area = "2"
title = "Hài lòng"
max = 5

[[sub]]
code = "1.1.1"
criterion = "1.1"
title = "Kế hoạch đúng hạn"
max = 1
rule = { kind = "on_time", on_time = 1, late = 0.5, missing = 0 }
source = { kind = "evidence_before", doc_type = "KH", deadline = 2022-01-31 }

[[sub]]
code = "1.1.2"
criterion = "1.1"
title = "Mức độ hoàn thành"
max = 2
rule = { kind = "percent_bands", bands = [
  { from = 90, to = 100, from_open = true, points = 2 },
  { from = 70, to = 90, points = 1 },
  { from = 0, to = 70, to_open = true, points = 0 },
] }
source = { kind = "activities_completion", role = "lead", at = 2022-12-04 }

[[sub]]
code = "1.1.3"
criterion = "1.1"
title = "Báo cáo đúng hạn"
max = 1
rule = { kind = "yes_no", yes = 1, no = 0 }
source = { kind = "reports_on_time" }

[[sub]]
code = "1.1.4"
criterion = "1.1"
title = "Sáng kiến"
max = 1
rule = { kind = "manual", step = 0.25 }

[[sub]]
code = "1.1.5"
criterion = "1.1"
title = "Thưởng"
max = 1
rule = { kind = "bonus", cap = 1, step = 0.25 }

[[sub]]
code = "1.1.6"
criterion = "1.1"
title = "Trừ"
max = 1
rule = { kind = "penalty", cap = 1, step = 0.25 }

[[sub]]
code = "2.1.1"
criterion = "2.1"
title = "Điều tra xã hội học"
max = 5
rule = { kind = "survey" }
"""


def rows(done: int, total: int, at: date = date(2022, 11, 1)) -> list[Row]:
    return [
        Row("lead", "hoan_thanh" if i < done else "dang_thuc_hien", at if i < done else None)
        for i in range(total)
    ] + [Row("coordinate", None, None)]


def inputs(plan: Plan, **kw: object) -> Inputs:
    base: dict[str, object] = {
        "plan": plan,
        "rows": rows(12, 14),
        "documents": [],
        "reports": {},
        "indicators": {},
    }
    base.update(kw)
    return Inputs(**base)  # type: ignore[arg-type]


# -- the sets -----------------------------------------------------------------------------------


@pytest.mark.parametrize("level", ["so", "huyen", "xa"])
def test_templates_load_and_say_they_are_templates(level: str) -> None:
    text = (ROOT / "data" / "criteria" / f"mau-{level}-2022.toml").read_text(encoding="utf-8")
    cset = parse_criteria(text)
    assert cset.status == "mẫu" and not cset.official and "MẪU" in cset.title
    assert len(cset.areas) == 8 and sum(a.max for a in cset.areas) == 100
    assert [a.max for a in cset.areas] == [10, 10, D("14.5"), 11, 16, 7, 16, D("15.5")]
    assert "2948/QĐ-BNV" in cset.provenance
    for c in cset.criteria:
        assert sum(s.max for s in cset.subs_of(c.code) if not s.is_extra) == c.max


def broken(old: str, new: str) -> str:
    assert old in SMALL
    return SMALL.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i + 1 for i, ln in enumerate(text.splitlines()) if needle in ln)


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ('code = "1.1.2"', 'code = "1.1.1"', 'code = "1.1.1"', "trùng"),
        (
            'max = 2\nrule = { kind = "percent',
            'max = 4\nrule = { kind = "percent',
            'code = "1.1"',
            "vượt điểm tối đa",
        ),
        (
            "{ from = 70, to = 90, points = 1 }",
            "{ from = 70, to = 85, points = 1 }",
            'code = "1.1.2"',
            "hở giữa",
        ),
        (
            "{ from = 0, to = 70, to_open = true, points = 0 }",
            "{ from = 0, to = 70, points = 0 }",
            'code = "1.1.2"',
            "chồng lấn",
        ),
        ('kind = "manual", step = 0.25', 'kind = "tuy_y"', 'code = "1.1.4"', "không có"),
        ('kind = "reports_on_time"', 'kind = "bao_cao"', 'code = "1.1.3"', "nguồn dữ liệu"),
        ('area = "2"', 'area = "9"', 'code = "2.1"', "lĩnh vực «9» không có"),
        (
            'kind = "manual", step = 0.25 }',
            'kind = "manual", step = 0.25 }\nsource = { kind = "reports_on_time" }',
            'code = "1.1.4"',
            "không dùng được với cách chấm «manual»",
        ),
    ],
)
def test_each_problem_names_its_line(old: str, new: str, needle: str, message: str) -> None:
    text = broken(old, new)
    with pytest.raises(CriteriaError) as err:
        parse_criteria(text, "thu.toml")
    line = (
        line_of(text, needle)
        if needle != 'code = "1.1.1"'
        else [i + 1 for i, ln in enumerate(text.splitlines()) if needle in ln][1]
    )
    assert any(p.startswith(f"dòng {line}:") and message in p for p in err.value.problems), (
        err.value.problems
    )


# -- suggestions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("done", "total", "points"),
    [(9, 10, 1), (10, 10, 2), (7, 10, 1), (69, 100, 0), (70, 100, 1), (91, 100, 2), (0, 10, 0)],
)
def test_band_edges(plan: Plan, done: int, total: int, points: int) -> None:
    """> 90% → 2; 70–90% → 1 (both ends in); < 70% → 0."""
    cset = parse_criteria(SMALL)
    sub = next(s for s in cset.subs if s.code == "1.1.2")
    sug = suggest(sub, inputs(plan, rows=rows(done, total)), "district")
    assert sug.points == points, sug.explanation


def test_completion_explains_itself(plan: Plan) -> None:
    cset = parse_criteria(SMALL)
    sub = next(s for s in cset.subs if s.code == "1.1.2")
    sug = suggest(sub, inputs(plan), "district")
    assert sug.explanation == (
        "12/14 mục chủ trì hoàn thành đến 04/12/2022 = 85,7% → [70–90] → 1 điểm"
    )
    late = rows(12, 14, at=date(2022, 12, 5))  # done after the cut-off: not counted
    assert suggest(sub, inputs(plan, rows=late), "district").points == 0


def test_on_time_late_missing(plan: Plan) -> None:
    cset = parse_criteria(SMALL)
    sub = cset.subs[0]
    on = [Doc("12/KH-UBND", "KH", date(2022, 1, 31))]
    assert suggest(sub, inputs(plan, documents=on), "district").points == 1
    late = [Doc("15/KH-UBND", "KH", date(2022, 2, 1))]
    assert suggest(sub, inputs(plan, documents=late), "district").points == D("0.5")
    other = [Doc("3/BC-UBND", "BC", date(2022, 1, 10))]
    missing = suggest(sub, inputs(plan, documents=other), "district")
    assert missing.points == 0 and "chưa có văn bản KH đúng nội dung" in missing.explanation


def test_reports_on_time(plan: Plan) -> None:
    cset = parse_criteria(SMALL)
    sub = next(s for s in cset.subs if s.code == "1.1.3")
    all_on_time = {p.code: p.due for p in plan.period}
    assert suggest(sub, inputs(plan, reports=all_on_time), "district").points == 1
    one_late = {**all_on_time, "Q3": date(2022, 9, 11)}
    assert suggest(sub, inputs(plan, reports=one_late), "district").points == 0


# -- a worked example, by hand ------------------------------------------------------------------


def test_worked_example(plan: Plan) -> None:
    """1.1.1 on time 1; 1.1.2 12/14 = 85.7% → 1; 1.1.3 3 of 4 on time → 0; 1.1.4 0.75 by hand;
    bonus 0.5; penalty 0.25; 2.1.1 survey (5 points, not self-scored).
    Base 1 + 1 + 0 + 0.75 = 2.75; with bonus 3.25; less penalty 3.0.
    Maximum without survey 10 − 5 = 5 → 3.0 / 5 = 60.0% → Kém."""
    cset = parse_criteria(SMALL)
    reports = {p.code: p.due for p in plan.period if p.code != "6T"}
    data = inputs(plan, documents=[Doc("12/KH-UBND", "KH", date(2022, 1, 20))], reports=reports)
    selves = {
        "1.1.1": SelfScore(evidence=1),
        "1.1.2": SelfScore(note="Báo cáo năm, phụ lục 2"),
        "1.1.4": SelfScore(points=D("0.75"), evidence=1),
        "1.1.5": SelfScore(points=D("0.5"), evidence=1),
        "1.1.6": SelfScore(points=D("0.25"), note="Một công chức bị khiển trách"),
    }
    result = score(cset, data, selves)
    assert [r.self_points for r in result.subs] == [1, 1, 0, D("0.75"), D("0.5"), D("0.25"), None]
    assert result.base == D("2.75") and result.bonus == D("0.5") and result.penalty == D("0.25")
    assert result.total == D("3.0") and result.max_self == 5 and result.survey_max == 5
    assert result.percent == D("60.0") and result.grade == "Kém"
    assert result.blocking == []
    # a point with neither evidence nor an explanation is flagged, and blocks finalising
    result2 = score(cset, data, {**selves, "1.1.1": SelfScore()})
    assert [r.sub.code for r in result2.blocking] == ["1.1.1"]
    # an override needs a reason
    result3 = score(cset, data, {**selves, "1.1.2": SelfScore(points=D(2), evidence=1)})
    assert "lý do" in " ".join(result3.blocking[0].warnings)


# -- properties -----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    done=st.integers(0, 14),
    # past the maximum (1.1.4: 1; criterion 1.1: 5) and the caps (1): reached and exceeded
    manual=st.sampled_from([D(0), D("0.25"), D("0.5"), D("0.75"), D(1), D("1.25"), D(7)]),
    bonus=st.sampled_from([D(0), D("0.5"), D(1), D("1.25"), D(3)]),
    penalty=st.sampled_from([D(0), D("0.5"), D(1), D("1.25"), D(9)]),
    seed=st.integers(0, 1000),
)
def test_totals_stay_in_bounds_and_ignore_order(
    plan: Plan, done: int, manual: Decimal, bonus: Decimal, penalty: Decimal, seed: int
) -> None:
    cset = parse_criteria(SMALL)
    data_rows = rows(done, 14)
    docs = [Doc("12/KH-UBND", "KH", date(2022, 1, 20)), Doc("2/BC-UBND", "BC", date(2022, 3, 1))]
    selves = {
        "1.1.4": SelfScore(points=manual),
        "1.1.5": SelfScore(points=bonus),
        "1.1.6": SelfScore(points=penalty),
    }
    result = score(cset, inputs(plan, rows=data_rows, documents=docs), selves)
    assert D(0) <= result.total <= result.max_self
    assert result.bonus == min(bonus, D(1)) and result.penalty == min(penalty, D(1))
    for r in result.subs:
        if r.suggestion.points is not None:
            assert D(0) <= r.suggestion.points <= r.sub.max
    for c in result.criteria:
        assert c.points <= c.max
    shuffled_rows, shuffled_docs = data_rows[:], docs[:]
    random.Random(seed).shuffle(shuffled_rows)
    random.Random(seed + 1).shuffle(shuffled_docs)
    again = score(cset, inputs(plan, rows=shuffled_rows, documents=shuffled_docs), selves)
    assert again == result


# -- the command line and the table --------------------------------------------------------------


def test_score_from_the_command_line_and_the_xlsx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_tui.cli import main

    monkeypatch.setenv("CCHC_DB", str(tmp_path / "c.sqlite"))

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init", "--agency", "918", "--officer", "An")[0] == 0
    code, _, err = run(
        "evidence",
        "add",
        "--number",
        "12/KH-UBND",
        "--date",
        "20/01/2022",
        "--issuer",
        "UBND quận Bình Thủy",
        "--title",
        "Kế hoạch cải cách hành chính năm 2022",
    )
    assert code == 0, err
    code, out, err = run("score", "--json")
    assert code == 0 and "bộ tiêu chí MẪU" in err
    data = json.loads(out)
    first = data["subs"][0]
    assert first["code"] == "1.1.1" and first["suggested"] == "1" and first["self"] == "1"
    assert first["explanation"] == (
        "lấy 12/KH-UBND ngày 20/01/2022 (đúng loại và nội dung), hạn trước ngày 31/01/2022"
        " → đúng hạn → 1 điểm"
    )
    assert data["blocking"] == ["1.1.1"]  # a point without a document yet
    assert run("score", "finalise")[0] == 1
    assert run("score", "set", "1.1.1", "--suggested", "--evidence", "1")[0] == 0
    assert (
        run("score", "set", "1.1.2", "--points", "1", "--note", "Kế hoạch có đủ nhiệm vụ")[0] == 0
    )
    code, _, err = run("score", "set", "1.1.3", "--points", "1,5")
    assert code == 1 and "chỉ cho các mức: 0, 1, 2" in err
    code, _, err = run("score", "set", "8.1.1", "--points", "3")
    assert code == 1 and "điều tra xã hội học" in err
    assert run("score", "finalise")[0] == 0
    code, _, err = run("score", "set", "1.1.2", "--points", "0")
    assert code == 1 and "đã chốt điểm" in err
    assert run("score", "reopen")[0] == 0
    xlsx = tmp_path / "bang-diem.xlsx"
    code, out, _ = run("score", "--xlsx", str(xlsx))
    assert code == 0 and "Tổng: 2/84,5" in out
    assert out.splitlines()[0].split()[:4] == ["Mã", "Tối", "đa", "Gợi"]
    code, out, _ = run("--lang", "en", "score")  # headers and the total line in English too
    assert code == 0 and "Total: 2/84.5 = " in out and "Tổng" not in out
    assert out.splitlines()[0].split()[:4] == ["Code", "Max", "Suggested", "Self"]
    ws = load_workbook(xlsx).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    # printed as an office prints it: A4 landscape, one page wide, the header row on every
    # page, the agency and the set in the page header, page numbers, Times New Roman, and the
    # signatures under the table
    assert (ws.page_setup.orientation, ws.page_setup.paperSize) == ("landscape", 9)
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$5:$5"
    assert "Quận Bình Thuỷ" in ws.oddHeader.center.text and "(MẪU)" in ws.oddHeader.center.text
    assert ws.oddFooter.center.text == "Trang &P / &N"
    assert {c.font.name for r in ws.iter_rows() for c in r if c.value is not None} == {
        "Times New Roman"
    }
    assert [
        c.value
        for r in ws.iter_rows()
        for c in r
        if c.value in ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG CƠ QUAN")
    ] == ["NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG CƠ QUAN"]
    # scored on the shipped template: said in the title and in a note under it
    assert values[0][0] == "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2022 (MẪU)"
    assert str(values[3][0]).startswith("Lưu ý: chấm theo bộ tiêu chí MẪU")
    assert values[4] == [
        "STT",
        "Lĩnh vực / Tiêu chí / Tiêu chí thành phần",
        "Điểm tối đa",
        "Điểm tự đánh giá",
        "Tài liệu kiểm chứng",
        "Giải trình / Ghi chú",
    ]
    row = next(v for v in values if v[0] == "1.1.1")
    assert row[1] == "Ban hành kế hoạch CCHC năm đúng thời hạn" and row[2] == 1 and row[3] == 1
    assert row[4] == "12/KH-UBND"
    row = next(v for v in values if v[0] == "1.1.2")
    assert row[5].startswith("Kế hoạch có đủ nhiệm vụ")
    total = next(v for v in values if v[1] == "Tổng điểm tự đánh giá")
    assert total[3] == 2
    assert next(v for v in values if v[1] == "Xếp loại")[3] == "Kém"
    from cchc_tui.store.reader import Reader

    actions = [e.action for e in Reader(tmp_path / "c.sqlite").audit_entries()]
    assert actions.count("score.finalise") == 1 and actions.count("score.reopen") == 1


def test_criteria_import_and_indicators_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_tui.cli import main

    monkeypatch.setenv("CCHC_DB", str(tmp_path / "c.sqlite"))

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init", "--agency", "918", "--officer", "An")[0] == 0
    bad = tmp_path / "hong.toml"
    bad.write_text(
        broken("{ from = 70, to = 90, points = 1 }", "{ from = 70, to = 85, points = 1 }"),
        encoding="utf-8",
    )
    code, _, err = run("criteria", "import", str(bad))
    assert code == 1 and "dòng" in err and "hở giữa" in err
    good = tmp_path / "thu.toml"
    good.write_text(SMALL, encoding="utf-8")
    code, out, _ = run("criteria", "import", str(good))
    assert code == 0 and "thu-2022 (chính thức)" in out
    code, out, err = run("score", "--json")
    assert code == 0
    assert json.loads(out)["set"]["id"] == "thu-2022" and "MẪU" not in err  # official first
    code, out, _ = run("indicator", "set", "so-hoa-ket-qua-tthc", "--num", "420", "--den", "1000")
    assert code == 0 and "42 (chỉ tiêu 40)" in out
    code, out, _ = run("indicator", "list", "--json")
    assert code == 0
    row = next(r for r in json.loads(out) if r["id"] == "so-hoa-ket-qua-tthc")
    assert row["target"] == 40 and row["value"] == "42.00" and row["attained"] is True
    code, out, _ = run("indicator", "list")
    assert code == 0 and out.split()[:5] == ["Mã", "Chỉ", "tiêu", "Giá", "trị"]
    assert any(ln.startswith("so-hoa-ket-qua-tthc") and " đạt " in ln for ln in out.splitlines())
    code, out, _ = run("--lang", "en", "indicator", "list")
    assert code == 0 and out.split()[:4] == ["Code", "Target", "Value", "Result"]
    assert any(ln.startswith("so-hoa-ket-qua-tthc") and " met " in ln for ln in out.splitlines())
    code, _, err = run("indicator", "set", "so-hoa-ket-qua-tthc", "--num", "1", "--den", "0")
    assert code == 1 and "Mẫu số bằng 0" in err
