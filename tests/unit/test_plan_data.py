"""The shipped plan against the plan's own text (shared/seeds)."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from cchc_tui.core.agencies import Registry
from cchc_tui.core.plan import Plan
from cchc_tui.core.timing import parse_timing

ROOT = Path(__file__).resolve().parents[2]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_counts(plan: Plan) -> None:
    assert [a.number for a in plan.area] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert len(plan.objective) == 17
    assert [o.number for o in plan.objective] == [f"1.{n}" for n in range(1, 18)]
    assert len(plan.task) == 33
    assert sorted(int(t.number.split(".")[1]) for t in plan.task) == list(range(1, 34))
    activities = [i for i in plan.item if i.kind == "activity"]
    assert len(activities) == 47
    numbers = Counter(i.number for i in activities)
    assert sorted({int(n.split(".")[1]) for n in numbers}) == list(range(1, 47))
    assert numbers["3.18"] == 2 and sum(numbers.values()) == 47


def test_task_printed_out_of_order_keeps_its_place(plan: Plan) -> None:
    order = [t.number for t in plan.task]
    assert order.index("2.8") == order.index("2.7") + 1
    t28 = next(t for t in plan.task if t.number == "2.8")
    assert t28.objective == "mt1.5"


def test_3_18_printed_twice_both_exist(plan: Plan) -> None:
    a, b = plan.find_items("3.18")
    assert (a.id, b.id) == ("hd3.18a", "hd3.18b")
    assert a.text.startswith("Thanh tra, kiểm tra") and b.text.startswith("Xử lý các vấn đề")
    assert a.lead == ["SNV"] and b.lead == ["group:so-ban-nganh", "group:ubnd-cap-huyen"]


def test_tasks_without_activity_carry_their_own_fields(plan: Plan) -> None:
    carrying = {i.number for i in plan.item if i.kind == "task"}
    assert carrying == {
        "2.3",
        "2.5",
        "2.8",
        "2.9",
        "2.10",
        "2.11",
        "2.13",
        "2.25",
        "2.26",
        "2.28",
    }
    t23 = plan.items_by_id["nv2.3"]
    assert t23.output == "Số văn bản được cập nhật"
    assert t23.lead == ["STP"]


def test_area_vii_has_no_objective(plan: Plan) -> None:
    for t in plan.task:
        if t.area == "VII":
            assert t.objective is None
        else:
            assert t.objective is not None


def test_every_text_is_found_in_the_seed(plan: Plan, seed_text: str) -> None:
    seed = squash(seed_text)
    for node in [*plan.objective, *plan.task]:
        assert f"{node.number}. {node.text}" in seed, node.id
    for item in plan.item:
        assert f"{item.number}. {item.text}" in seed or item.text in seed, item.id
        for printed in (item.output, item.lead_printed, item.coordinate_printed):
            assert printed in seed, (item.id, printed)
        assert item.timing_printed in seed


def test_printed_quirks_are_kept_and_mapped(plan: Plan) -> None:
    i333 = plan.items_by_id["hd3.33"]
    assert i333.coordinate_printed == "Sở. ban ngành TP, UBND quận, huyện"
    assert i333.coordinate == ["group:so-ban-nganh", "group:ubnd-cap-huyen"]
    i345 = plan.items_by_id["hd3.45"]  # missing comma between two departments
    assert i345.lead == ["SNV", "STP", "STTTT", "SVHTTDL"]
    assert "công tv cổ phần" in next(o for o in plan.objective if o.number == "1.12").text
    i319 = plan.items_by_id["hd3.19"]  # "- A. - B. - C." list
    assert i319.lead == ["VKTXH", "SYT", "SGDDT"]


def test_every_phrase_resolves_as_stored(plan: Plan, registry: Registry) -> None:
    for item in plan.item:
        assert registry.resolve_phrase(item.lead_printed) == item.lead, item.id
        coord = registry.resolve_phrase(item.coordinate_printed) if item.coordinate_printed else []
        assert coord == item.coordinate, item.id
        for ref in [*item.lead, *item.coordinate]:
            group = registry.groups.get(ref.removeprefix("group:"))
            delegation = group is not None and not group.includes and not group.members_kind
            # a delegation group names only the bodies a decision names, with that decision
            if delegation and group is not None and not group.members:
                assert not group.source, (item.id, ref)
                continue
            assert registry.expand(ref), (item.id, ref)


def test_activity_3_25_is_led_by_so_noi_vu_and_only_delegated_bodies(
    plan: Plan, registry: Registry
) -> None:
    """Its lead cell: "Sở Nội vụ - Cơ quan được phân cấp tổ chức thi hoặc xét thăng hạng"; its
    coordination cell: "Sở, ban ngành TP, UBND quận, huyện". No decision of delegation is in
    the data, so Sở Nội vụ alone leads; a department and a district coordinate."""
    from dataclasses import replace

    from cchc_tui.core.assignment import assigned_items, units_assigned

    item = plan.items_by_id["hd3.25"]
    roles = units_assigned(plan, registry, item)
    assert [code for code, role in roles.items() if role == "lead"] == ["SNV"]
    for agency in ("STP", "918"):  # Sở Tư pháp, Quận Bình Thuỷ
        mine = {a.item.id: a.role for a in assigned_items(plan, registry, agency)}
        assert mine["hd3.25"] == "coordinate", agency
    group = registry.groups["co-quan-duoc-phan-cap-thi"]
    assert group.members == [] and "quyết định phân cấp" in group.note
    delegated = replace(group, members=["SYT"], source="Quyết định số …/QĐ-UBND (thử)")
    with_decision = replace(registry, groups={**registry.groups, group.code: delegated})
    roles = units_assigned(plan, with_decision, item)
    assert sorted(c for c, r in roles.items() if r == "lead") == ["SNV", "SYT"]
    assert roles["STP"] == "coordinate"


def test_timings_parse_as_stored(plan: Plan) -> None:
    for item in plan.item:
        parsed = parse_timing(item.timing_printed, 2022)
        assert parsed == item.timing, item.id
    assert plan.items_by_id["hd3.1"].due == [date(2022, 3, 31), date(2022, 12, 31)]
    assert plan.items_by_id["hd3.11"].ongoing and plan.items_by_id["hd3.11"].due == []
    assert plan.items_by_id["nv2.11"].condition.startswith("khi có Nghị quyết")


def test_indicators_come_from_part_one(plan: Plan, seed_text: str) -> None:
    seed = squash(seed_text)
    for ind in plan.indicator:
        assert ind.printed in seed, ind.id
    digit = next(i for i in plan.indicator if i.id == "so-hoa-ket-qua-tthc")
    assert (
        digit.target_for("city"),
        digit.target_for("district"),
        digit.target_for("commune"),
    ) == (
        50,
        40,
        35,
    )
    online = next(i for i in plan.indicator if i.id == "ho-so-cong-viec-tren-mang")
    assert online.targets == {"city": 90, "district": 70, "commune": 40}
    assert next(i for i in plan.indicator if i.id == "xep-hang-chi-so").direction == "at_most"


def test_obligations_and_periods(plan: Plan, seed_text: str) -> None:
    seed = squash(seed_text)
    own = next(o for o in plan.obligation if o.id == "ke-hoach-cchc-2022")
    assert own.due == date(2022, 1, 31) and own.due_rule == "before" and own.recipient == "SNV"
    assert own.printed in seed
    assert {p.code: p.due for p in plan.period} == {
        "Q1": date(2022, 3, 10),
        "6T": date(2022, 6, 10),
        "Q3": date(2022, 9, 10),
        "NAM": date(2022, 12, 10),
    }
    for p in plan.period:
        assert p.cutoff_printed in seed, p.code
    year = plan.period_by_code("NAM")
    assert year.cutoff_start == date(2021, 9, 5)  # printed as 05/9/2021: kept as printed


def test_all_text_is_nfc() -> None:
    for path in (ROOT / "data").glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert text == unicodedata.normalize("NFC", text), path


def test_extraction_reproduces_the_shipped_file(seed_text: str, registry: Registry) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import extract_plan
    finally:
        sys.path.pop(0)
    regenerated = extract_plan.render(extract_plan.extract(seed_text, registry))
    shipped = (ROOT / "data" / "plan-260-2022.toml").read_text(encoding="utf-8")
    assert regenerated == shipped


@pytest.mark.parametrize(
    ("ref", "ids"),
    [
        ("3.1", ["hd3.1"]),
        ("hd3.18b", ["hd3.18b"]),
        ("HD3.18A", ["hd3.18a"]),
        ("2.3", ["nv2.3"]),
        ("3.18", ["hd3.18a", "hd3.18b"]),
        ("9.9", []),
    ],
)
def test_find_items(plan: Plan, ref: str, ids: list[str]) -> None:
    assert [i.id for i in plan.find_items(ref)] == ids


def test_every_indicator_quotes_the_plan_to_the_end_of_its_clause(
    plan: Plan, seed_text: str
) -> None:
    """Part I's targets as printed, never cut mid-clause: "… thành công ty cổ phần" without
    "hoặc chuyển sang tự đảm bảo chi thường xuyên và chi đầu tư" changed what I.5 asks. A quote
    ends where the plan's clause ends (";", "." or ","), or before " và " where one printed
    sentence holds two targets (I.3.b)."""
    flat = " ".join(seed_text.split())
    for ind in plan.indicator:
        quote = " ".join(ind.printed.split())
        at = flat.find(quote)
        if at < 0:  # quoted from the middle of a sentence: its first letter capitalised
            at = flat.find(quote[0].lower() + quote[1:])
        assert at >= 0, f"{ind.part} {ind.id}: not in the plan's text"
        after = flat[at + len(quote) :]
        assert after[:1] in (";", ".", ",") or after.startswith(" và "), (
            f"{ind.part} {ind.id}: cut before «{after[:40]}»"
        )
