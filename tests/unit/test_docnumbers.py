"""Document numbers as officers really type them: the common variants are stored in the
spelling of Nghị định 30/2020/NĐ-CP, with their type, and a warning says what was changed;
what is already right is stored as typed, without a warning."""

from __future__ import annotations

import pytest

from cchc_tui.core.docnumber import parse_doc_number
from cchc_tui.core.i18n import set_language

# (typed, stored, type code, issuer, what the warning says: "" none, "sửa" changed,
#  "khoảng trắng" spaces only, "danh mục" unknown type, "CV", "dạng" not recognised)
SPELLINGS = [
    # already right
    ("260/KH-UBND", "260/KH-UBND", "KH", "UBND", ""),
    ("4168/QĐ-UBND", "4168/QĐ-UBND", "QĐ", "UBND", ""),
    ("125/BC-SNV", "125/BC-SNV", "BC", "SNV", ""),
    ("37/TTr-SNV", "37/TTr-SNV", "TTr", "SNV", ""),
    ("08/CTr-UBND", "08/CTr-UBND", "CTr", "UBND", ""),
    ("15/QyĐ-UBND", "15/QyĐ-UBND", "QyĐ", "UBND", ""),
    ("30/2020/NĐ-CP", "30/2020/NĐ-CP", "NĐ", "CP", ""),
    ("19/2014/QĐ-TTg", "19/2014/QĐ-TTg", "QĐ", "TTg", ""),
    ("22/2008/QH12", "22/2008/QH12", "QH", "QH12", ""),
    ("05-NQ/TU", "05-NQ/TU", "NQ", "TU", ""),
    ("1560/VPUB-XDĐT", "1560/VPUB-XDĐT", None, "VPUB-XDĐT", ""),
    ("2231/SNV-CCHC&PC", "2231/SNV-CCHC&PC", None, "SNV-CCHC&PC", ""),
    ("12/BCĐ", "12/BCĐ", None, "BCĐ", ""),  # the steering committee's letter, not BC + Đ
    ("45/SYT", "45/SYT", None, "SYT", ""),  # Sở Y tế's letter, not SY + T
    ("90/KH-UBND-VP", "90/KH-UBND-VP", "KH", "UBND-VP", ""),
    # a space, a dot, an underscore or a dash from Word instead of the hyphen
    ("12/KH UBND", "12/KH-UBND", "KH", "UBND", "sửa"),
    ("12/KH.UBND", "12/KH-UBND", "KH", "UBND", "sửa"),
    ("12/KH_UBND", "12/KH-UBND", "KH", "UBND", "sửa"),
    ("12/KH–UBND", "12/KH-UBND", "KH", "UBND", "sửa"),
    ("12/KH—UBND", "12/KH-UBND", "KH", "UBND", "sửa"),
    ("12/KH . UBND", "12/KH-UBND", "KH", "UBND", "sửa"),
    ("12/QĐ UBND", "12/QĐ-UBND", "QĐ", "UBND", "sửa"),
    ("37/TTr.SNV", "37/TTr-SNV", "TTr", "SNV", "sửa"),
    ("12/2020/NĐ CP", "12/2020/NĐ-CP", "NĐ", "CP", "sửa"),
    # the hyphen left out
    ("12/KHUBND", "12/KH-UBND", "KH", "UBND", "sửa"),
    ("7/QĐUBND", "7/QĐ-UBND", "QĐ", "UBND", "sửa"),
    ("12/BCSNV", "12/BC-SNV", "BC", "SNV", "sửa"),
    ("3/TBHĐND", "3/TB-HĐND", "TB", "HĐND", "sửa"),
    ("9/KHSTP", "9/KH-STP", "KH", "STP", "sửa"),
    # Đ typed as D (no Vietnamese keyboard), or as the look-alike Ð of old TCVN3/VNI text
    ("12/QD-UBND", "12/QĐ-UBND", "QĐ", "UBND", "sửa"),
    ("12/QDUBND", "12/QĐ-UBND", "QĐ", "UBND", "sửa"),
    ("30/2020/ND-CP", "30/2020/NĐ-CP", "NĐ", "CP", "sửa"),
    ("30/2020/NÐ-CP", "30/2020/NĐ-CP", "NĐ", "CP", "sửa"),
    ("12/QÐ-UBND", "12/QĐ-UBND", "QĐ", "UBND", "sửa"),
    ("4/CD-UBND", "4/CĐ-UBND", "CĐ", "UBND", "sửa"),
    ("15/QyD-UBND", "15/QyĐ-UBND", "QyĐ", "UBND", "sửa"),
    ("12/QD UBND", "12/QĐ-UBND", "QĐ", "UBND", "sửa"),
    # typed without capitals
    ("12/kh-ubnd", "12/KH-UBND", "KH", "UBND", "sửa"),
    ("12/qd-ubnd", "12/QĐ-UBND", "QĐ", "UBND", "sửa"),
    ("37/ttr-snv", "37/TTr-SNV", "TTr", "SNV", "sửa"),
    ("19/2014/qđ-ttg", "19/2014/QĐ-TTg", "QĐ", "TTg", "sửa"),
    # spaces around / and - only
    (" 260 / KH - UBND ", "260/KH-UBND", "KH", "UBND", "khoảng trắng"),
    ("05 - NQ / TU", "05-NQ/TU", "NQ", "TU", "khoảng trắng"),
    # kept, with what is odd said
    ("18/BCTĐ-STP", "18/BCTĐ-STP", "BCTĐ", "STP", "danh mục"),
    ("12/CV-UBND", "12/CV-UBND", None, "CV-UBND", "CV"),
    ("không số", "không số", None, "", "dạng"),
]


@pytest.mark.parametrize(("typed", "stored", "type_code", "issuer", "says"), SPELLINGS)
def test_real_world_spellings(
    typed: str, stored: str, type_code: str | None, issuer: str, says: str
) -> None:
    d = parse_doc_number(typed)
    assert (d.text, d.type_code, d.issuer) == (stored, type_code, issuer)
    if not says:
        assert d.warnings == []
    else:
        assert len(d.warnings) == 1 and says in d.warnings[0], d.warnings
    if says == "sửa":  # the warning names both spellings
        assert f"«{typed.strip()}»" in d.warnings[0] and f"«{stored}»" in d.warnings[0]


def test_the_table_is_long_enough_to_mean_something() -> None:
    assert len(SPELLINGS) >= 40
    assert sum(1 for s in SPELLINGS if s[4] == "sửa") >= 25


def test_the_warning_in_english() -> None:
    set_language("en")
    d = parse_doc_number("12/QD UBND")
    assert d.warnings == [
        "“12/QD UBND” was changed to “12/QĐ-UBND”, as Decree 30/2020/NĐ-CP writes it"
    ]
