"""Timing cells, dates, document numbers and statuses."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_tui.core.dates import DateError, format_date, parse_date
from cchc_tui.core.docnumber import DocNumberError, parse_doc_number
from cchc_tui.core.progress import ProgressError, parse_status
from cchc_tui.core.timing import TimingError, parse_timing

ROMAN = ["I", "II", "III", "IV"]
END = {1: date(2022, 3, 31), 2: date(2022, 6, 30), 3: date(2022, 9, 30), 4: date(2022, 12, 31)}


@pytest.mark.parametrize(
    ("printed", "kind", "due", "start"),
    [
        ("Quý I", "quarters", [END[1]], date(2022, 1, 1)),
        ("Quý I Quý IV", "quarters", [END[1], END[4]], date(2022, 1, 1)),
        ("Quý III, Quý IV", "quarters", [END[3], END[4]], date(2022, 7, 1)),
        ("Quý II, III", "quarters", [END[2], END[3]], date(2022, 4, 1)),
        ("Quý II- IV", "quarter_range", [END[4]], date(2022, 4, 1)),
        ("Quý III - IV", "quarter_range", [END[4]], date(2022, 7, 1)),
        ("Trong năm", "in_year", [END[4]], date(2022, 1, 1)),
        ("Thường xuyên", "ongoing", [], None),
        ("thuong xuyen", "ongoing", [], None),
    ],
)
def test_timing(printed: str, kind: str, due: list[date], start: date | None) -> None:
    t = parse_timing(printed, 2022)
    assert (t.kind, t.due, t.start) == (kind, due, start)


def test_conditional_timing_keeps_its_condition() -> None:
    t = parse_timing("Trong năm (khi có Nghị quyết triển khai của UBTVQH và Chính phủ)", 2022)
    assert t.kind == "in_year"
    assert t.condition == "khi có Nghị quyết triển khai của UBTVQH và Chính phủ"


@pytest.mark.parametrize("bad", ["", "Quý V", "Quý IV - II", "Năm sau", "Quý II, II"])
def test_bad_timing(bad: str) -> None:
    with pytest.raises(TimingError):
        parse_timing(bad, 2022)


@given(
    st.lists(st.integers(1, 4), min_size=1, max_size=4, unique=True).map(sorted),
    st.sampled_from([" ", ", ", " Quý "]),
)
def test_any_quarter_list_gives_one_due_date_each(quarters: list[int], sep: str) -> None:
    printed = "Quý " + sep.join(ROMAN[q - 1] for q in quarters)
    t = parse_timing(printed, 2022)
    assert t.due == [END[q] for q in quarters]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/03/2022", date(2022, 3, 31)),
        ("1/2/2022", date(2022, 2, 1)),
        ("2022-03-31", date(2022, 3, 31)),
        ("05-06-2022", date(2022, 6, 5)),
        (" 29/02/2024 ", date(2024, 2, 29)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    assert parse_date(text, today=date(2025, 1, 1)) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("31/02/2022", "date.no_such_day"),  # written right: no such day, said as such
        ("29/02/2023", "date.no_such_day"),
        ("31.04.2022", "date.no_such_day"),
        ("15/13/2022", "date.no_such_month"),
        ("2022-02-31", "date.invalid"),
        ("31/02/22", "date.invalid"),
        ("", "date.empty"),
        ("hôm qua", "date.invalid"),
        ("01/01/1900", "date.too_early"),
        ("02/01/2025", "date.future"),
    ],
)
def test_bad_dates(text: str, key: str) -> None:
    with pytest.raises(DateError) as err:
        parse_date(text, today=date(2025, 1, 1))
    assert err.value.key == key
    assert err.value.message()  # a sentence, not a key


@given(st.dates(min_value=date(1945, 1, 1), max_value=date(2100, 12, 31)))
def test_date_round_trip(d: date) -> None:
    assert parse_date(format_date(d), allow_future=True) == d


@pytest.mark.parametrize(
    ("number", "family", "type_code", "issuer", "warn"),
    [
        ("260/KH-UBND", "administrative", "KH", "UBND", False),
        ("4168/QĐ-UBND", "administrative", "QĐ", "UBND", False),
        ("1560/VPUB-XDĐT", "administrative", None, "VPUB-XDĐT", False),
        ("2231/SNV-CCHC&PC", "administrative", None, "SNV-CCHC&PC", False),
        ("18/BCTĐ-STP", "administrative", "BCTĐ", "STP", True),
        ("12/CV-UBND", "administrative", None, "CV-UBND", True),
        ("19/2014/QĐ-TTg", "legal", "QĐ", "TTg", False),
        ("30/2020/NĐ-CP", "legal", "NĐ", "CP", False),
        ("22/2008/QH12", "legal", "QH", "QH12", False),
        ("05-NQ/TU", "party", "NQ", "TU", False),
        ("18-NQ/TW", "party", "NQ", "TW", False),
        ("không số", "unknown", None, "", True),
    ],
)
def test_doc_numbers(
    number: str, family: str, type_code: str | None, issuer: str, warn: bool
) -> None:
    d = parse_doc_number(number)
    assert (d.family, d.type_code, d.issuer, bool(d.warnings)) == (family, type_code, issuer, warn)


def test_doc_number_spaces_are_tidied() -> None:
    d = parse_doc_number(" 260 / KH - UBND ")
    assert d.text == "260/KH-UBND" and d.family == "administrative" and d.number == 260


def test_empty_doc_number_is_refused() -> None:
    with pytest.raises(DocNumberError):
        parse_doc_number("  ")


@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_doc_numbers_are_never_refused(text: str) -> None:
    d = parse_doc_number(text)
    assert d.family in {"administrative", "legal", "party", "unknown"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("hoan_thanh", "hoan_thanh"),
        ("hoàn thành", "hoan_thanh"),
        ("Hoan Thanh", "hoan_thanh"),
        ("done", "hoan_thanh"),
        ("đang thực hiện", "dang_thuc_hien"),
        ("dang", "dang_thuc_hien"),
        ("chưa thực hiện", "chua_thuc_hien"),
        ("không thực hiện được", "khong_thuc_hien_duoc"),
        ("khong-thuc-hien-duoc", "khong_thuc_hien_duoc"),
    ],
)
def test_status(text: str, status: str) -> None:
    assert parse_status(text) == status


def test_bad_status_lists_the_choices() -> None:
    with pytest.raises(ProgressError) as err:
        parse_status("gần xong")
    assert "hoan_thanh" in err.value.message() and "gần xong" in err.value.message()


def test_a_day_that_does_not_exist_says_how_many_days_the_month_has() -> None:
    with pytest.raises(DateError) as err:
        parse_date("31/02/2022", allow_future=True)
    assert err.value.message() == "Ngày «31/02/2022» không có: tháng 2/2022 có 28 ngày."
