"""Timing cells of the plan ("Quý I Quý IV", "Quý II- IV", "Thường xuyên"…) parsed into dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from cchc_tui.core.text import clean, fold

TimingKind = Literal["quarters", "quarter_range", "in_year", "ongoing"]

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER_TOKEN = re.compile(r"\b(iv|iii|ii|i)\b")
_PAREN = re.compile(r"\(([^)]*)\)")


@dataclass
class Timing:
    """A timing cell: what was printed, and what it means in dates."""

    printed: str
    kind: TimingKind
    start: date | None = None
    due: list[date] = field(default_factory=list)
    condition: str = ""

    @property
    def ongoing(self) -> bool:
        return self.kind == "ongoing"


def quarter_start(year: int, quarter: int) -> date:
    return date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> date:
    month = 3 * quarter
    return date(year, month, calendar.monthrange(year, month)[1])


class TimingError(ValueError):
    pass


def parse_timing(printed: str, year: int) -> Timing:
    """Parse a printed timing cell for a plan of ``year``.

    - "Quý I" → due 31/03; "Quý I Quý IV", "Quý III, Quý IV", "Quý II, III" → one due date
      per quarter named;
    - "Quý II- IV", "Quý III - IV" → a window from the first quarter's start, due at the end
      of the last;
    - "Trong năm" → due 31/12; "Thường xuyên" → ongoing, reported every period;
    - text in brackets is kept as the condition ("khi có Nghị quyết …").
    """
    text = clean(printed)
    condition = "; ".join(clean(m) for m in _PAREN.findall(text))
    core = fold(_PAREN.sub(" ", text))
    if not core:
        raise TimingError(f"thời gian trống: «{printed}»")
    if core == "thuong xuyen":
        return Timing(printed=text, kind="ongoing", condition=condition)
    if core == "trong nam":
        return Timing(
            printed=text,
            kind="in_year",
            start=date(year, 1, 1),
            due=[date(year, 12, 31)],
            condition=condition,
        )
    if not core.startswith("quy"):
        raise TimingError(f"không hiểu thời gian: «{printed}»")
    rest = core.replace("quy", " ")
    quarters = [_ROMAN[m] for m in _QUARTER_TOKEN.findall(rest)]
    leftover = _QUARTER_TOKEN.sub(" ", rest)
    if not quarters or re.sub(r"[\s,\-]", "", leftover):
        raise TimingError(f"không hiểu thời gian: «{printed}»")
    if "-" in rest:
        if len(quarters) != 2 or quarters[0] >= quarters[1]:
            raise TimingError(f"khoảng quý không hợp lệ: «{printed}»")
        return Timing(
            printed=text,
            kind="quarter_range",
            start=quarter_start(year, quarters[0]),
            due=[quarter_end(year, quarters[1])],
            condition=condition,
        )
    if quarters != sorted(set(quarters)):
        raise TimingError(f"các quý không theo thứ tự: «{printed}»")
    return Timing(
        printed=text,
        kind="quarters",
        start=quarter_start(year, quarters[0]),
        due=[quarter_end(year, q) for q in quarters],
        condition=condition,
    )
