"""Document numbers (số, ký hiệu) per Nghị định 30/2020/NĐ-CP, parsed leniently.

Three families are recognised:

- administrative ``N/TYPE-ORG[-UNIT]`` (``260/KH-UBND``); an official letter has no type code
  (``1560/VPUB-XDĐT``);
- legal normative ``N/YYYY/TYPE-ORG`` (``30/2020/NĐ-CP``), laws ``N/YYYY/QHnn``;
- Party ``N-TYPE/ORG`` (``05-NQ/TU``).

Real numbers break the rules (``2231/SNV-CCHC&PC``, ``18/BCTĐ-STP``), so an unknown type code
or an unusual shape is a warning, never a refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.text import clean

Family = Literal["administrative", "legal", "party", "unknown"]

# Phụ lục III, Nghị định 30/2020/NĐ-CP
ADMIN_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "SY": "Bản sao y",
    "TrS": "Bản trích sao",
    "SL": "Bản sao lục",
}
LEGAL_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "CT": "Chỉ thị",
    "L": "Luật",
    "PL": "Pháp lệnh",
    "L-CTN": "Lệnh",
    "QH": "Luật/Nghị quyết của Quốc hội",
}
PARTY_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "QĐ": "Quyết định",
    "KL": "Kết luận",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "TTr": "Tờ trình",
}
OFFICIAL_LETTER = "Công văn"

# Letters that look like Đ/đ but are not: Ð/ð (Icelandic eth, U+00D0/U+00F0), which text
# pasted from TCVN3/VNI documents carries, and Ɖ (African D, U+0189).
_LOOKALIKE_D = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ", "\u0256": "đ"})
# What officers type between a type code and the issuer instead of "-": a space, a dot, an
# underscore, an en or em dash, a hyphen-minus look-alike.
_TYPE_GAP = re.compile(r"^([^\W\d_]+)(?:\s*[._\u2010-\u2015\u2212]\s*|\s+)(\S)")
# Type codes typed without Đ (ASCII D): only where the ASCII spelling names no other type.
_ASCII_D = {"QD": "QĐ", "ND": "NĐ", "CD": "CĐ", "QyD": "QyĐ"}
# Issuers a type code is often glued to ("12/KHUBND"): the People's Committee and Council,
# a department (Sở …), the steering committee, the office.
_GLUED_ISSUER = re.compile(r"^(UBND|HĐND|HDND|SNV|BCĐ|VPUB|VP|S[A-ZĐ]{2,6})(?:$|-)")
_LEGAL = re.compile(r"^(\d+)/(\d{4})/(.+)$")
_PARTY = re.compile(r"^(\d+)-([^/\s]+)/(.+)$")
_ADMIN = re.compile(r"^(\d+)/(.+)$")
_SPACES_AROUND = re.compile(r"\s*([/\-])\s*")


@dataclass(frozen=True)
class DocNumber:
    text: str
    family: Family
    number: int | None = None
    year: int | None = None
    type_code: str | None = None
    type_name: str | None = None
    issuer: str = ""
    warnings: list[str] = field(default_factory=list)


class DocNumberError(UserError):
    pass


def _lookup(code: str, table: dict[str, str]) -> tuple[str, str] | None:
    if code in table:
        return code, table[code]
    for known, name in table.items():
        if known.casefold() == code.casefold():
            return known, name
    return None


def normalise(text: str) -> str:
    return _SPACES_AROUND.sub(r"\1", clean(text).translate(_LOOKALIKE_D))


def _tidy_symbol(symbol: str, types: dict[str, str]) -> str:
    """The part after "N/" (or "N/YYYY/"), with its type code spelt as in the official list:
    "KH UBND", "KH.UBND", "KH–UBND" → "KH-UBND"; "QD-UBND" → "QĐ-UBND"; "KHUBND" →
    "KH-UBND". A symbol that does not start with a known type is left alone."""
    gap = _TYPE_GAP.match(symbol)
    if gap and _lookup(_ascii_d(gap.group(1)), types):
        symbol = f"{gap.group(1)}-{symbol[gap.end(2) - 1 :]}"
    first, dash, rest = symbol.partition("-")
    found = _lookup(_ascii_d(first), types)
    if found and dash:  # spelt as the list spells it: "qd" → "QĐ", "Ttr" → "TTr"
        if rest == rest.lower():  # typed without capitals: "ubnd" → "UBND", "ttg" → "TTg"
            rest = "-".join("TTg" if p == "ttg" else p.upper() for p in rest.split("-"))
        return f"{found[0]}-{rest}"
    if not dash and not found:
        # glued: the longest type code the symbol starts with, before a known issuer
        spellings = [(c, c) for c in types] + [(v, k) for k, v in _ASCII_D.items() if v in types]
        for code, typed in sorted(spellings, key=lambda c: len(c[1]), reverse=True):
            head, tail = symbol[: len(typed)], symbol[len(typed) :]
            if head.casefold() == typed.casefold() and _GLUED_ISSUER.match(tail):
                return f"{code}-{tail}"
    return symbol


def _ascii_d(code: str) -> str:
    return next((v for k, v in _ASCII_D.items() if k.casefold() == code.casefold()), code)


def parse_doc_number(text: str) -> DocNumber:
    """Parse a document number; raises DocNumberError only when it is empty."""
    typed = clean(text)
    raw = normalise(text)
    if not raw:
        raise DocNumberError("docno.empty")
    head = re.match(r"^(\d+/(?:\d{4}/)?)(.+)$", raw)
    if head and not _PARTY.match(raw):
        table = LEGAL_TYPES if re.match(r"^\d+/\d{4}/", raw) else ADMIN_TYPES
        raw = head.group(1) + _tidy_symbol(head.group(2), table)
    warnings: list[str] = []
    if raw != typed:
        if _SPACES_AROUND.sub(r"\1", typed) == raw:
            warnings.append(t("docno.spaces"))
        else:
            warnings.append(t("docno.normalised", typed=typed, now=raw))

    m = _LEGAL.match(raw)
    if m:
        number, year, symbol = int(m.group(1)), int(m.group(2)), m.group(3)
        type_part, _, issuer = symbol.partition("-")
        if not issuer and re.fullmatch(r"QH\d+", type_part):
            return DocNumber(raw, "legal", number, year, "QH", LEGAL_TYPES["QH"], type_part)
        found = _lookup(type_part, LEGAL_TYPES)
        if not found:
            warnings.append(t("docno.unknown_type", code=type_part))
        return DocNumber(
            raw,
            "legal",
            number,
            year,
            found[0] if found else type_part,
            found[1] if found else None,
            issuer,
            warnings,
        )

    m = _PARTY.match(raw)
    if m:
        number, type_part, issuer = int(m.group(1)), m.group(2), m.group(3)
        found = _lookup(type_part, PARTY_TYPES)
        if not found:
            warnings.append(t("docno.unknown_type", code=type_part))
        return DocNumber(
            raw,
            "party",
            number,
            None,
            found[0] if found else type_part,
            found[1] if found else None,
            issuer,
            warnings,
        )

    m = _ADMIN.match(raw)
    if m:
        number, symbol = int(m.group(1)), m.group(2)
        first, _, rest = symbol.partition("-")
        found = _lookup(first, ADMIN_TYPES)
        if found and rest:
            return DocNumber(
                raw, "administrative", number, None, found[0], found[1], rest, warnings
            )
        if first.upper() == "CV":
            warnings.append(t("docno.cv"))
        elif rest and any(
            first.startswith(code) and first != code for code in ADMIN_TYPES if len(code) > 1
        ):
            # "BCTĐ" looks like a type code built on "BC": keep it, say it is not in the list
            warnings.append(t("docno.unknown_type", code=first))
            return DocNumber(raw, "administrative", number, None, first, None, rest, warnings)
        # no type code: an official letter (công văn) whose symbol is ORG[-UNIT]
        return DocNumber(
            raw, "administrative", number, None, None, OFFICIAL_LETTER, symbol, warnings
        )

    warnings.append(t("docno.unrecognised"))
    return DocNumber(raw, "unknown", warnings=warnings)
