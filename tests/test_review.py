"""The review desk's overview and ranking, computed by hand for a small case."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from cchc_tui.core.agencies import Registry
from cchc_tui.core.plan import Plan
from cchc_tui.core.review import Received, expected_units, overview, ranking


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
        {"items": items, "scores": scores},
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
    assert view.on_time_rate == Decimal("6.5")
    # completeness: (items with a status + points with evidence or a note) / (items + points)
    assert rows["918"].completeness == Decimal("50.0")  # (2 + 1) / (4 + 2)
    assert rows["916"].completeness == Decimal("83.3")  # (4 + 1) / (4 + 2)
    ranked = ranking(view)
    assert [(r.rank, r.row.agency.code, r.total) for r in ranked] == [
        (1, "917", Decimal(80)),
        (1, "918", Decimal(80)),
        (3, "916", Decimal("75.5")),
    ]
    assert not any(r.appraised for r in ranked)
    # an appraisal replaces the self total, and is marked as such
    ranked = ranking(view, {"916": Decimal(90)})
    assert ranked[0].row.agency.code == "916" and ranked[0].appraised


def test_ranking_files(registry: Registry, plan: Plan, tmp_path: object) -> None:
    from pathlib import Path

    from openpyxl import load_workbook

    from cchc_tui.reports.ranking import ranking_csv, write_ranking_xlsx

    latest = {"918": received("918", 9, "80"), "916": received("916", 10, "75.5")}
    view = overview(registry, plan, "SNV", "Q3", latest)
    ranked = ranking(view)
    text = ranking_csv(view, ranked)
    assert text.splitlines()[1].startswith("1,918,Quận Bình Thuỷ,80.0,tự chấm,Khá,đúng hạn")
    out = Path(str(tmp_path)) / "xep-hang.xlsx"
    write_ranking_xlsx(out, view, ranked)
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Tổng hợp" and "Lĩnh vực 1" in wb.sheetnames
    summary = [[c.value for c in row] for row in wb["Tổng hợp"].iter_rows()]
    assert summary[2][:4] == [1, "918", "Quận Bình Thuỷ", 80]
    area = [[c.value for c in row] for row in wb["Lĩnh vực 1"].iter_rows()]
    assert area[1] == ["918", "Quận Bình Thuỷ", 2]
