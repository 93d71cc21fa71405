"""The review desk's overview and ranking, computed by hand for a small case."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from cchc_tui.core.agencies import Registry
from cchc_tui.core.appraisal import outcome
from cchc_tui.core.criteria import parse_criteria
from cchc_tui.core.errors import UserError
from cchc_tui.core.plan import Plan
from cchc_tui.core.review import Received, expected_units, overview, per_activity, ranking
from cchc_tui.core.scoring import check_points
from cchc_tui.reports.ranking import ranking_csv, write_ranking
from tests.bundle_corpus import make_submission
from tests.unit.test_scoring import SMALL

D = Decimal


def received(code: str, day: int, total: str | None, statuses: int = 2, month: int = 9) -> Received:
    items = [
        {"id": f"i{i}", "status": "dang_thuc_hien" if i < statuses else None} for i in range(4)
    ]
    subs = [
        {"code": "1.1.1", "self": "1", "evidence": [1]},
        {"code": "1.1.2", "self": "1", "evidence": [], "note": ""},
        {"code": "2.1.1", "self": None},
    ]
    scores = [{"total": total, "grade": "Khá", "subs": subs}] if total is not None else []
    return Received(
        code,
        f"b-{code}",
        datetime(2022, month, day, 9, tzinfo=UTC),
        None,
        make_submission(code, items=items, scores=scores),
        1,
    )


def test_expected_units(registry: Registry, plan: Plan) -> None:
    city = {a.code for a in expected_units(registry, plan, "SNV")}
    assert len(city) == 31 and {"918", "STP", "BQLKCN", "CATP", "BHXH"} <= city
    assert "31168" not in city and "VKTXH" not in city
    ward_reviewer = {a.code for a in expected_units(registry, plan, "918")}
    assert len(ward_reviewer) == 8 and "31168" in ward_reviewer


def test_overview_and_ranking_by_hand(registry: Registry, plan: Plan) -> None:
    """Q3 due 10/09/2022. 918 sent 09/09 (on time) 80; 916 sent 10/09 (on time) 75.5; 917 sent
    12/09 (late) 80; 919 sent nothing. Received 3/4 of a district reviewer's ... here the city:
    on time 2 of 31 = 6.5%. Ranking: 918 and 917 tie at 80 → both 1; 916 → 3."""
    latest = {
        "918": received("918", 9, "80"),
        "916": received("916", 10, "75.5", statuses=4),
        "917": received("917", 12, "80"),
    }
    view = overview(registry, plan, "SNV", "Q3", latest)
    rows = {r.agency.code: r for r in view.rows}
    assert (rows["918"].state, rows["916"].state, rows["917"].state, rows["919"].state) == (
        "on_time",
        "on_time",
        "late",
        "missing",
    )
    assert view.received == 3 and view.expected == 31
    assert (rows["917"].days_late, rows["918"].days_late, rows["916"].days_late) == (2, 0, 0)
    assert view.on_time_rate == Decimal("6.5")
    # completeness (test_review_figures.py has the whole case): no lead item done; of the two
    # criteria scored (1.1.1, 1.1.2) one cites a document; 1 document for 2 points
    full = rows["918"].full
    assert (full.lead_share, full.backed_share, full.documents_per_point) == (
        Decimal("0.0"),
        Decimal("50.0"),
        Decimal("0.50"),
    )
    ranked = ranking(view)
    assert [(r.rank, r.row.agency.code, r.total) for r in ranked] == [
        (1, "917", Decimal(80)),
        (1, "918", Decimal(80)),
        (3, "916", Decimal("75.5")),
    ]
    assert not any(r.appraised for r in ranked)


SELF = {
    "1.1.1": D(1),
    "1.1.2": D(1),
    "1.1.3": D(0),
    "1.1.4": D("0.75"),
    "1.1.5": D("0.5"),
    "1.1.6": D("0.25"),
    "2.1.1": None,
}

CUTS = {"1.1.4": {1: D("0.5")}, "1.1.5": {1: D(0)}, "1.1.2": {1: D(0)}}  # round 1 only


def test_appraisal_by_hand() -> None:
    """The worked example's self-assessment (total 3.0 of 5 = 60.0%, Kém). Round 1: 1.1.2 cut
    to 0 (no document); round 2, after the agency's explanation, back to 1; 1.1.4 cut to 0.5 in
    round 1 only; bonus cut to 0. Final: 1 + 1 + 0 + 0.5 = 2.5 base, bonus 0, penalty 0.25 →
    2.25 of 5 = 45.0% → Kém. Then Sở Nội vụ enters the survey, 4.5 of 5: the survey now counts
    and the maximum is the whole 10: 2.5 + 4.5 − 0.25 = 6.75 → 67.5% → Kém; 8 survey points
    bring it to 2.5 + 5 − 0.25 = 7.25 (criterion 2.1 capped at 5) → 72.5%. The self points are
    never changed."""
    cset = parse_criteria(SMALL)
    mine = outcome(cset, SELF, {})
    assert not mine.appraised and mine.total == D("3.0") and mine.totals.percent == D("60.0")
    rounds = {"1.1.2": {1: D(0), 2: D(1)}, "1.1.4": {1: D("0.5")}, "1.1.5": {1: D(0)}}
    got = outcome(cset, SELF, rounds)
    assert got.appraised and got.appraised_count == 3
    assert got.totals.base == D("2.5") and got.totals.bonus == 0 and got.totals.penalty == D("0.25")
    assert got.total == D("2.25") and got.totals.percent == D("45.0") and got.grade == "Kém"
    by_code = {s.sub.code: s for s in got.subs}
    assert by_code["1.1.2"].final == 1 and not by_code["1.1.2"].changed
    assert by_code["1.1.4"].final == D("0.5") and by_code["1.1.4"].changed
    assert by_code["1.1.4"].self_points == D("0.75")
    with_survey = outcome(cset, SELF, {**rounds, "2.1.1": {1: D("4.5")}})
    assert with_survey.total == D("6.75") and with_survey.totals.max == 10
    assert with_survey.totals.percent == D("67.5")
    assert outcome(cset, SELF, {**rounds, "2.1.1": {1: D(8)}}).total == D("7.25")
    assert SELF["1.1.4"] == D("0.75")


def test_appraisal_points_are_checked() -> None:
    cset = parse_criteria(SMALL)
    subs = {s.code: s for s in cset.subs}
    check_points(subs["2.1.1"], D("4.37"))  # the survey: any hundredth up to its maximum
    with pytest.raises(UserError, match="chỉ cho các mức: 0, 0,5, 1"):
        check_points(subs["1.1.1"], D("0.75"))
    with pytest.raises(UserError, match=r"\[0, 5\]"):
        check_points(subs["2.1.1"], D("5.5"))
    with pytest.raises(UserError, match="bội của 0,25"):
        check_points(subs["1.1.4"], D("0.3"))


def test_ranking_uses_the_appraisal_and_its_grade(registry: Registry, plan: Plan) -> None:
    """916 self 75.5, 918 self 80; once 916 is appraised (1.25 of the small set) the districts
    rank by appraised totals only: 916 first, 918's self total listed apart with no rank (an
    appraised total and a self total are not comparable)."""
    cset = parse_criteria(SMALL)
    latest = {"918": received("918", 9, "80"), "916": received("916", 10, "75.5")}
    view = overview(registry, plan, "SNV", "Q3", latest)
    appraised = outcome(
        cset, SELF, {"1.1.4": {1: D("0.5")}, "1.1.5": {1: D(0)}, "1.1.2": {1: D(0)}}
    )
    ranked = ranking(view, {"916": appraised})
    assert [(r.rank, r.row.agency.code, r.total, r.appraised, r.grade) for r in ranked] == [
        (1, "916", D("1.25"), True, "Kém"),
        (None, "918", D(80), False, "Khá"),
    ]
    # area points are before bonus and penalty: 1 + 0 + 0 + 0.5
    assert ranked[0].areas == {"1": D("1.5"), "2": D(0)}
    assert ranked[0].area_ranks == {"1": 1, "2": 1}


def test_groups_are_ranked_apart_with_shared_ranks_and_area_ranks(
    registry: Registry, plan: Plan
) -> None:
    """Sở Tư pháp (a department) never ranks among the districts. Districts 918, 917, 916 all
    appraised: 918 and 917 tie (both 1), 916 third but first in area 2. STP alone in its
    group is 1 by its self total (no appraisal started there)."""
    cset = parse_criteria(SMALL)
    latest = {c: received(c, 9, "80") for c in ("918", "917", "916", "STP")}
    view = overview(registry, plan, "SNV", "Q3", latest)
    best = outcome(cset, SELF, {"1.1.1": {1: D(1)}})  # appraised, the self points kept: 3
    tied = outcome(cset, SELF, {"1.1.4": {1: D("0.75")}})  # the same total as best
    low = {**SELF, "1.1.2": D(0), "1.1.4": D(0), "1.1.5": D(0), "1.1.6": D(0)}
    lower = outcome(cset, low, {"2.1.1": {1: D(1)}})  # 1 + 1 = 2, but area 2 at 1 (others 0)
    ranked = ranking(view, {"918": best, "917": tied, "916": lower})
    assert [(r.group, r.rank, r.row.agency.code) for r in ranked] == [
        ("city", 1, "STP"),
        ("district", 1, "917"),
        ("district", 1, "918"),
        ("district", 3, "916"),
    ]
    assert best.total == tied.total == D(3) and lower.total == D(2)
    by_code = {r.row.agency.code: r for r in ranked}
    assert lower.areas()["2"] > best.areas()["2"]
    assert (by_code["916"].area_ranks["2"], by_code["918"].area_ranks["2"]) == (1, 2)
    assert by_code["917"].area_ranks["2"] == 2  # shares 918's area points


def test_ranking_files(registry: Registry, plan: Plan, tmp_path: Path) -> None:
    """The CSV and the XLSX read back: the summary, then one sheet per area ranked by the
    area's points (918 self 3.0 with area 1 at 2.75; 916 appraised 1.25, area 1 at 1.5)."""
    cset = parse_criteria(SMALL)
    latest = {"918": received("918", 9, "80"), "916": received("916", 10, "75.5")}
    view = overview(registry, plan, "SNV", "Q3", latest)
    found = {
        "918": outcome(cset, SELF, {}),
        "916": outcome(
            cset, SELF, {"1.1.4": {1: D("0.5")}, "1.1.5": {1: D(0)}, "1.1.2": {1: D(0)}}
        ),
    }
    ranked = ranking(view, found)
    text = ranking_csv(view, ranked)
    lines = text.splitlines()
    assert lines[0].startswith("Nhóm,Hạng,Mã,")
    # the city's departments first (none sent: not ranked), then the districts: 916 appraised
    # ranks 1; 918 (self total only) apart, no rank; the rest sent nothing
    districts = [line for line in lines if line.startswith('"Quận, huyện"')]
    # the total, the maximum that applies to it and the share: the ranking's key
    assert districts[0].startswith(
        '"Quận, huyện",1,916,Quận Ninh Kiều,1.25,5.0,25.0,thẩm định,Kém,'
    )
    note = (
        '"Lưu ý: có đơn vị chấm theo bộ tiêu chí MẪU (chưa phải bộ chính thức do UBND thành phố '
        "ban hành); điểm, xếp loại và hạng chỉ để tham khảo. Xếp hạng theo tỷ lệ điểm đạt trên "
        "điểm tối đa áp dụng cho từng đơn vị"
    )
    assert districts[1].startswith(
        '"Quận, huyện",,918,Quận Bình Thuỷ,3.0,5.0,60.0,"tự chấm (chưa thẩm định, không xếp '
        'hạng)",Kém,đúng hạn,0.0,50.0,0.5,' + note
    )
    assert '"Sở, ban, ngành",,BDT,Ban Dân tộc,,,,,,chưa nộp,,,,' + note in "\n".join(lines)
    assert len(lines) == 1 + 31  # every unit the city expects, once
    out = tmp_path / "xep-hang.xlsx"
    write_ranking(out, view, ranked, plan)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Sở, ban, ngành", "Quận, huyện"]
    ws = wb["Quận, huyện"]
    sheet = [[c.value for c in row] for row in ws.iter_rows()]
    assert sheet[0][0] == "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 (MẪU) — QUẬN, HUYỆN"
    assert sheet[1][0].startswith("Theo kế hoạch công tác cải cách hành chính năm 2022 (Kế")
    assert "bộ tiêu chí MẪU" in sheet[1][0] and "Xếp hạng theo tỷ lệ điểm đạt" in sheet[1][0]
    assert "Báo cáo quý III" in sheet[1][0] and "kh-260" not in sheet[1][0]
    assert sheet[2][:3] == ["Hạng", "Mã", "Cơ quan, đơn vị"]
    assert sheet[2][-4:] == [
        "Lĩnh vực 1 (điểm)",
        "Hạng lĩnh vực 1",
        "Lĩnh vực 2 (điểm)",
        "Hạng lĩnh vực 2",
    ]
    assert sheet[3][:7] == [1, "916", "Quận Ninh Kiều", 1.25, 5, 25, "thẩm định"]
    assert sheet[3][-4:] == [1.5, 1, 0, 1]
    assert sheet[4][:2] == [None, "918"]
    # print-ready: landscape, one page wide, the header row on every page
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$3:$3"
    # CSV by its ending, with a BOM so that Excel reads the accents; anything else is refused
    write_ranking(tmp_path / "xep-hang.csv", view, ranked)
    assert (tmp_path / "xep-hang.csv").read_bytes().startswith("\ufeffNhóm,Hạng,".encode())
    with pytest.raises(UserError, match=r"\.xlsx hoặc \.csv"):
        write_ranking(tmp_path / "xep-hang.pdf", view, ranked)
    assert not (tmp_path / "xep-hang.pdf").exists()
    with pytest.raises(UserError, match="Không ghi được"):
        write_ranking(tmp_path / "no-such-dir" / "x.xlsx", view, ranked)


def test_per_activity_by_hand(registry: Registry, plan: Plan) -> None:
    """hd3.8 is led by the city bodies and the districts. 918 reports it done, 916 sent a
    bundle without a status for it, 917 says it cannot be done, the rest sent nothing."""

    def sent(code: str, status: str | None) -> Received:
        got = received(code, 9, "80")
        items = [{"id": "hd3.8", "status": status, "progress": 100 if status else 0}]
        return Received(
            code, got.bundle_id, got.received_at, None, make_submission(code, items=items), 1
        )

    latest = {
        "918": sent("918", "hoan_thanh"),
        "916": sent("916", None),
        "917": sent("917", "khong_thuc_hien_duoc"),
    }
    view = overview(registry, plan, "SNV", "Q3", latest)
    rows = {r.item.id: r for r in per_activity(registry, plan, view)}
    row = rows["hd3.8"]
    assert (row.count("hoan_thanh"), row.count("no_status"), row.count("khong_thuc_hien_duoc")) == (
        1,
        1,
        1,
    )
    assert row.count("missing") == len(row.units) - 3 == 26
    assert all(u.role == "lead" for u in row.units)
    state = {u.agency.code: u.state for u in row.units}
    assert (
        state["918"] == "hoan_thanh" and state["916"] == "no_status" and state["SNV"] == "missing"
    )
    # a commune reviewer (district 918) sees its wards only
    ward_view = overview(registry, plan, "918", "Q3", {})
    ward_rows = per_activity(registry, plan, ward_view, roles=("lead", "coordinate"))
    assert ward_rows and all(u.agency.parent == "918" for r in ward_rows for u in r.units)


def _levels(sub: object) -> list[Decimal]:
    from cchc_tui.core.criteria import Sub
    from cchc_tui.core.scoring import allowed_points

    assert isinstance(sub, Sub)
    allowed = allowed_points(sub)
    if allowed is not None:
        return sorted(allowed)
    limit = sub.rule.cap if sub.is_extra else sub.max
    step = sub.rule.step if not sub.is_survey else Decimal("0.5")
    return [step * i for i in range(int(limit / step) + 1)]


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_appraisal_stays_in_bounds_and_never_touches_the_self_points(data: st.DataObject) -> None:
    """Any rounds of valid points: the total is within [0, the maximum], a row's final points
    are its latest round's, the self points given are unchanged, and the result does not depend
    on the order the rounds were entered in."""
    cset = parse_criteria(SMALL)
    selves = dict(SELF)
    rounds: dict[str, dict[int, Decimal]] = {}
    for sub in cset.subs:
        chosen = data.draw(st.lists(st.sampled_from([1, 2]), unique=True, max_size=2))
        if chosen:
            rounds[sub.code] = {r: data.draw(st.sampled_from(_levels(sub))) for r in chosen}
    got = outcome(cset, selves, rounds)
    assert Decimal(0) <= got.total <= got.totals.max
    assert Decimal(0) <= got.totals.percent <= 100
    assert selves == SELF
    for s in got.subs:
        if s.sub.code in rounds:
            assert s.final == rounds[s.sub.code][max(rounds[s.sub.code])]
        else:
            assert s.final == (None if s.sub.is_survey else SELF[s.sub.code])
    shuffled = {
        code: dict(reversed(list(per.items()))) for code, per in reversed(list(rounds.items()))
    }
    assert outcome(cset, selves, shuffled).totals == got.totals


@pytest.fixture
def in_can_tho(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's clock set to Vietnam (UTC+7), as the officers' and reviewers' are."""
    import time

    monkeypatch.setenv("TZ", "ICT-7")  # POSIX form: needs no tzdata on the machine
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_days_are_counted_on_the_local_calendar(
    in_can_tho: None, registry: Registry, plan: Plan
) -> None:
    """23:30 UTC on 10/09 is 06:30 on 11/09 in Cần Thơ: one day after Q3's due date (10/09);
    16:59 UTC on 10/09 is 23:59 the same day there: on time."""
    from cchc_tui.core.dates import local_day

    assert local_day(datetime(2022, 9, 10, 23, 30, tzinfo=UTC)).isoformat() == "2022-09-11"
    assert local_day(datetime(2022, 9, 10, 16, 59)).isoformat() == "2022-09-10"  # naive = UTC
    late = received("918", 10, "80")
    late = Received(
        "918", "b1", datetime(2022, 9, 10, 23, 30, tzinfo=UTC), None, late.submission, 1
    )
    just = Received(
        "916", "b2", datetime(2022, 9, 10, 16, 59, tzinfo=UTC), None, late.submission, 1
    )
    rows = {
        r.agency.code: r
        for r in overview(registry, plan, "SNV", "Q3", {"918": late, "916": just}).rows
    }
    assert (rows["918"].state, rows["918"].days_late) == ("late", 1)
    assert (rows["916"].state, rows["916"].days_late) == ("on_time", 0)


def test_a_tie_shares_its_rank_in_the_workbook(
    registry: Registry, plan: Plan, tmp_path: Path
) -> None:
    """Two districts with the same appraised total share rank 1; the next is 3."""
    cset = parse_criteria(SMALL)
    latest = {code: received(code, 9, "80") for code in ("916", "917", "918")}
    view = overview(registry, plan, "SNV", "Q3", latest)
    same = {"1.1.2": {1: D(0)}}
    found = {
        "916": outcome(cset, SELF, same),
        "917": outcome(cset, SELF, same),
        "918": outcome(cset, SELF, {"1.1.2": {1: D(0)}, "1.1.5": {1: D(0)}}),
    }
    out = tmp_path / "xep hạng.xlsx"
    write_ranking(out, view, ranking(view, found), plan)
    ws = load_workbook(out)["Quận, huyện"]
    ranks = {row[1]: row[0] for row in ws.iter_rows(min_row=4, values_only=True) if row[0]}
    assert ranks == {"916": 1, "917": 1, "918": 3}


def test_ranking_is_by_the_share_of_the_maximum_that_applies(
    registry: Registry, plan: Plan
) -> None:
    """Issue 17, item 7: 918 self-scored 70 of 84.5 under the template (82.8%), 916 75 of 100
    under an official set with no survey points left out (75%). By raw totals 916 came first;
    by the share, 918. Equal shares share a rank. A template anywhere marks the ranking."""
    from cchc_tui.core.review import template_used

    def sent(code: str, total: str, maximum: str, status: str) -> Received:
        base = received(code, 9, total)
        assert base.submission is not None
        (scores,) = base.submission.scores
        fixed = scores.model_copy(update={"max_self": maximum, "status": status})
        return dataclasses.replace(
            base, submission=base.submission.model_copy(update={"scores": [fixed]})
        )

    latest = {
        "918": sent("918", "70", "84.5", "mẫu"),
        "916": sent("916", "75", "100", "chính thức"),
        "917": sent("917", "59.15", "84.5", "mẫu"),  # 70%
        "919": sent("919", "70", "100", "chính thức"),  # 70%: shares 917's rank
    }
    view = overview(registry, plan, "SNV", "Q3", latest)
    got = [(r.rank, r.row.agency.code, r.percent) for r in ranking(view) if r.group == "district"]
    assert got == [
        (1, "918", D("82.8")),
        (2, "916", D("75.0")),
        (3, "919", D("70.0")),  # equal shares: one rank (listed by the larger total)
        (3, "917", D("70.0")),
    ]
    assert template_used(view)
    official_only = overview(registry, plan, "SNV", "Q3", {"916": latest["916"]})
    assert not template_used(official_only)
