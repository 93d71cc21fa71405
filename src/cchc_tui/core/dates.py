"""Dates are typed and shown as dd/mm/yyyy; ISO 8601 (yyyy-mm-dd) is accepted too."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from cchc_tui.core.errors import UserError


class DateError(UserError):
    """A date the user typed that is not a real date, or not allowed here."""


_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(text: str, *, today: date | None = None, allow_future: bool = False) -> date:
    """Parse dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or yyyy-mm-dd."""
    raw = text.strip()
    if not raw:
        raise DateError("date.empty")
    parsed: date | None = None
    try:
        parsed = date.fromisoformat(raw)
    except ValueError:
        for fmt in _FORMATS:
            try:
                parsed = datetime.strptime(raw, fmt).date()
                break
            except ValueError:
                continue
    if parsed is None:
        _no_such_day(raw)
        raise DateError("date.invalid", value=raw)
    if parsed.year < 1945:
        raise DateError("date.too_early", value=raw, year=parsed.year)
    today = today or date.today()
    if not allow_future and parsed > today:
        raise DateError("date.future", value=format_date(parsed), today=format_date(today))
    return parsed


def _no_such_day(raw: str) -> None:
    """Written right, but no such day ("31/02/2022", "15/13/2022"): said as such, not as a
    wrong way of writing a date."""
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
    if m is None:
        return
    day, month, year = (int(x) for x in m.groups())
    if not 1 <= month <= 12:
        raise DateError("date.no_such_month", value=raw, month=month)
    import calendar

    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DateError("date.no_such_day", value=raw, month=month, year=year, days=days)


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def local_day(when: datetime) -> date:
    """The calendar day a stored moment falls on where this program runs (times are stored in
    UTC; a deadline is a day on the local calendar: 06:30 on 10/03 in Cần Thơ is 23:30 on 09/03
    in UTC)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().date()


def local_time(when: datetime) -> str:
    """A stored (UTC) moment as the clock on the wall shows it, the way people write it."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%d/%m/%Y %H:%M:%S")
