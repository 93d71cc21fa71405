from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from cchc_tui.core.agencies import Registry, UnresolvedPhrase
from cchc_tui.core.assignment import assigned_items, units_assigned
from cchc_tui.core.plan import Plan

UNITS_CSV = Path(__file__).resolve().parents[3] / "shared/reference/can-tho-units-2022.csv"


def test_registry_shape(registry: Registry) -> None:
    districts = registry.by_level(["district"])
    communes = registry.by_level(["commune"])
    assert len(districts) == 9
    assert len(communes) == 83
    assert {a.code for a in districts} == {
        "916",
        "917",
        "918",
        "919",
        "923",
        "924",
        "925",
        "926",
        "927",
    }
    per_district = {d.code: len(registry.children(d.code)) for d in districts}
    assert per_district == {
        "916": 11,
        "917": 7,
        "918": 8,
        "919": 7,
        "923": 9,
        "924": 11,
        "925": 10,
        "926": 7,
        "927": 13,
    }
    kinds = [a.kind for a in communes]
    assert (kinds.count("phuong"), kinds.count("xa"), kinds.count("thi-tran")) == (42, 36, 5)
    assert len(registry.expand("group:co-quan-chuyen-mon")) == 19


def test_registry_matches_the_gso_list(registry: Registry) -> None:
    if not UNITS_CSV.exists():
        pytest.skip("shared/reference is not beside the repository")
    with UNITS_CSV.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["level"] != "province"]
    for r in rows:
        a = registry.agencies[r["gso_code"]]
        assert a.name == unicodedata.normalize("NFC", r["name_with_type"])
        assert a.parent == r["parent_gso_code"]


@pytest.mark.parametrize(
    "query", ["binh thuy", "Bình Thuỷ", "Bình Thủy", "BINH THUY", "binh thuyy"]
)
def test_search_is_accent_insensitive_and_spelling_tolerant(registry: Registry, query: str) -> None:
    hits = registry.search(query)
    # the district comes first; the ward of the same name is there too
    assert hits[0].agency.code == "918"
    assert "31168" in [h.agency.code for h in hits[:3]]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Quận Bình Thủy", "918"),
        ("quan binh thuy", "918"),
        ("SNV", "SNV"),
        ("snv", "SNV"),
        ("Sở Nội vụ", "SNV"),
        ("so noi vu", "SNV"),
        ("31168", "31168"),
        ("Phường Bình Thủy", "31168"),
        ("huyen co do", "925"),
        ("Ninh Kiều", "916"),
    ],
)
def test_find_names_one_unit(registry: Registry, query: str, code: str) -> None:
    found = registry.find(query)
    assert found is not None and found.code == code


def test_find_refuses_ambiguous_names(registry: Registry) -> None:
    assert registry.find("Bình Thủy") is None  # the district and the ward
    assert registry.find("Thới Lai") is None  # the district and the town


def test_search_unrelated_text_finds_nothing(registry: Registry) -> None:
    assert registry.search("zzzz qqq") == []


@pytest.mark.parametrize(
    ("phrase", "refs"),
    [
        ("Sở, ban ngành TP, UBND quận, huyện", ["group:so-ban-nganh", "group:ubnd-cap-huyen"]),
        ("Sở. ban ngành TP", ["group:so-ban-nganh"]),
        ("Sở, ban, ngành TP, UBND cấp huyện, cấp xã", ["group:so-ban-nganh", "group:ubnd-cac-cap"]),
        ("Sở, ngành TP, UBND các cấp", ["group:so-ban-nganh", "group:ubnd-cac-cap"]),
        ("UBND xã, phường, thị trấn", ["group:ubnd-cap-xa"]),
        ("Đơn vị sự nghiệp công lập", ["group:don-vi-su-nghiep"]),
        (
            "Cơ quan chuyên môn thuộc UBND TP, Văn phòng UBND TP",
            ["group:co-quan-chuyen-mon", "VPUB"],
        ),
        ("Sở ngành TP và UBND quận, huyện", ["group:so-ban-nganh", "group:ubnd-cap-huyen"]),
        (
            "Ủy ban nhân dân thành phố Cần Thơ".replace(
                "Ủy ban nhân dân thành phố Cần Thơ", "Văn phòng Ủy ban nhân dân thành phố"
            ),
            ["VPUB"],
        ),
        ("UBND cấp huyện, Sở Nội vụ", ["group:ubnd-cap-huyen", "SNV"]),
    ],
)
def test_resolve_phrase(registry: Registry, phrase: str, refs: list[str]) -> None:
    assert registry.resolve_phrase(phrase) == refs


def test_unresolvable_phrase_names_what_is_left(registry: Registry) -> None:
    with pytest.raises(UnresolvedPhrase) as err:
        registry.resolve_phrase("Sở Tư pháp, Bộ Ngoại giao")
    assert err.value.leftover == "bo ngoai giao"


def test_groups_expand(registry: Registry) -> None:
    assert registry.expand("group:ubnd-cac-cap") == (
        registry.expand("group:ubnd-cap-huyen") | registry.expand("group:ubnd-cap-xa")
    )
    assert "BQLKCN" in registry.expand("group:so-ban-nganh")
    assert "BQLKCN" not in registry.expand("group:co-quan-chuyen-mon")
    assert "CATP" not in registry.expand("group:so-ban-nganh")


def test_assignment_of_a_district(plan: Plan, registry: Registry) -> None:
    got = {a.item.id: a.role for a in assigned_items(plan, registry, "918")}
    assert got["hd3.8"] == "lead"  # "Sở, ban ngành TP, UBND quận, huyện" leads
    assert got["hd3.1"] == "coordinate"
    assert got["hd3.12"] == "lead"  # via "UBND cấp huyện, cấp xã"
    assert got["nv2.11"] == "coordinate"
    assert "hd3.22" not in got  # public service units only
    assert "hd3.30" in got and got["hd3.30"] == "coordinate"  # "UBND cấp huyện" coordinates
    assert len(got) == 52


def test_assignment_of_a_commune_and_departments(plan: Plan, registry: Registry) -> None:
    ward = {a.item.id: a.role for a in assigned_items(plan, registry, "31168")}
    assert ward["hd3.30"] == "lead"
    assert ward["hd3.19"] == "coordinate"
    assert "hd3.8" not in ward  # district level only
    snv = {a.item.id: a.role for a in assigned_items(plan, registry, "SNV")}
    assert snv["hd3.40"] == "lead" and snv["hd3.45"] == "lead"
    # named as coordinator, but also a department: the departments lead their own part
    assert snv["hd3.15"] == "lead"
    via = {a.item.id: a.via for a in assigned_items(plan, registry, "SNV")}
    assert via["hd3.15"] == "group:so-ban-nganh" and via["hd3.40"] == "SNV"
    assert snv["hd3.3"] == "coordinate"
    stttt = {a.item.id: a.role for a in assigned_items(plan, registry, "STTTT")}
    assert stttt["hd3.45"] == "lead"  # the cell with the missing comma
    assert stttt["nv2.25"] == "lead"


def test_units_assigned(plan: Plan, registry: Registry) -> None:
    units = units_assigned(plan, registry, plan.items_by_id["hd3.30"])
    assert sum(1 for r in units.values() if r == "lead") == 83
    assert units["SNV"] == "coordinate" and units["916"] == "coordinate"
