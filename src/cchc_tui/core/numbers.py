"""Numbers people type, checked by one rule for every numeric field (CLI and TUI): indicator
values, numerators and denominators, points, progress.

What is accepted: ASCII digits with at most one decimal separator (a comma, as Vietnamese
writes it, or a point), optionally signed, at most ``MAX_LENGTH`` characters. Refused, each
with its own sentence: nothing typed; anything else (``NaN``, ``Infinity``, exponents such as
``1E+100000`` that ``Decimal`` would accept, thousands separators, other scripts' digits);
negative numbers; values outside the field's range; more decimal places than the field takes.
A value is returned only when it is a finite Decimal within the field's bounds.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from cchc_tui.core import labels
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import language, t
from cchc_tui.core.text import nfc

if TYPE_CHECKING:
    from cchc_tui.core.plan import Indicator

MAX_LENGTH = 32  # longer is no number anyone types (and never reaches Decimal)
LIMIT = Decimal(10) ** 12  # the largest count a numerator or denominator may be
PLACES = 2  # hundredths: points, percentages, counts
POINTS_MAX = Decimal(100)  # the whole index; each sub-criterion is then checked on its own
_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?", re.ASCII)

FIELDS = ("points", "progress", "value", "numerator", "denominator")


def _label(field: str) -> str:
    return t(labels.NUMBER_FIELD[field]) if field in FIELDS else field


def _shown(text: str) -> str:
    return text if len(text) <= 24 else text[:23] + "…"


def num(value: Decimal) -> str:
    """Points and percentages as people write them (decimal comma in Vietnamese)."""
    text = f"{value:f}"  # every digit: normalize() would round to the context's 28
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if language() == "vi" else text


def share(value: Decimal | None, places: int = 1) -> str:
    """A percentage as shown ("66,7%"; with ``places=0``, "67%" for a narrow column), "—"
    when there is nothing to divide."""
    if value is None:
        return "—"
    return f"{num(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))}%"


def size_text(size: int) -> str:
    """A file's size as people read it: 1.234.567 bytes → "1,2 MB" (a decimal comma in
    Vietnamese); under 1 MB in kB."""
    if size < 1_000_000:
        return f"{num((Decimal(size) / 1000).quantize(Decimal('0.1')))} kB"
    return f"{num((Decimal(size) / 1_000_000).quantize(Decimal('0.1')))} MB"


def whole(value: int) -> str:
    """A whole number with its thousands marked as people write them: 1.544 in Vietnamese
    (the dot groups thousands, the comma is the decimal mark), 1,544 in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if language() == "vi" else text


def check_number(
    value: Decimal,
    *,
    field: str,
    low: Decimal = Decimal(0),
    high: Decimal = LIMIT,
    places: int = PLACES,
    shown: str | None = None,
) -> Decimal:
    """``value`` when finite, in [low, high] and with at most ``places`` decimals (extra
    trailing zeros are dropped: 1,500 → 1,50); otherwise a UserError naming the field."""
    said = _shown(shown if shown is not None else str(value))
    if not isinstance(value, Decimal) or not value.is_finite():
        raise UserError("number.invalid", field=_label(field), value=said)
    if value.is_zero():
        value = abs(value)  # "-0" is 0
    if value < low:
        if value < 0 <= low:
            raise UserError("number.negative", field=_label(field), value=said)
        raise UserError(
            "number.out_of_range", field=_label(field), value=said, low=num(low), high=num(high)
        )
    if value > high:
        raise UserError(
            "number.out_of_range", field=_label(field), value=said, low=num(low), high=num(high)
        )
    quantum = Decimal(1).scaleb(-places)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if exponent < -places:
        rounded = value.quantize(quantum)
        if rounded != value:
            if places == 0:
                raise UserError("number.not_whole", field=_label(field), value=said)
            raise UserError("number.places", field=_label(field), value=said, places=places)
        value = rounded
    return value


def parse_number(
    text: str,
    *,
    field: str,
    low: Decimal = Decimal(0),
    high: Decimal = LIMIT,
    places: int = PLACES,
) -> Decimal:
    """A number typed by a person (``12,5`` or ``12.5``), checked as :func:`check_number`."""
    raw = nfc(text).strip()
    if not raw:
        raise UserError("number.empty", field=_label(field))
    if len(raw) > MAX_LENGTH or _NUMBER.fullmatch(raw) is None:
        raise UserError("number.invalid", field=_label(field), value=_shown(raw))
    return check_number(
        Decimal(raw.replace(",", ".")), field=field, low=low, high=high, places=places, shown=raw
    )


def parse_points(text: str) -> Decimal:
    """Points (self score, appraisal, survey): 0 to 100 in hundredths; the sub-criterion's own
    maximum and step are checked by ``scoring.check_points``."""
    return parse_number(text, field="points", high=POINTS_MAX)


def parse_progress(text: str) -> int:
    """Progress in percent: a whole number from 0 to 100."""
    return int(parse_number(text, field="progress", high=Decimal(100), places=0))


def value_bounds(indicator: Indicator) -> tuple[Decimal, Decimal, int]:
    """(low, high, decimal places) of an indicator's value, by its unit: a percentage is at most
    100; a rank (hạng) is a whole number from 1; anything else a count."""
    if indicator.unit == "%":
        return Decimal(0), Decimal(100), PLACES
    if indicator.unit == "hạng":
        return Decimal(1), Decimal(10_000), 0
    return Decimal(0), LIMIT, PLACES


def indicator_value(
    indicator: Indicator,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
) -> Decimal:
    """The value to record for an indicator: given directly, or as numerator / denominator
    (a percentage, so the numerator cannot exceed the denominator). Every part is checked."""
    if numerator is not None:
        numerator = check_number(numerator, field="numerator")
    if denominator is not None:
        denominator = check_number(denominator, field="denominator")
    if value is None:
        if numerator is None or denominator is None:
            raise UserError("indicator.bad_value", value="")
        if indicator.unit != "%":
            raise UserError("indicator.ratio_not_percent", name=indicator.name, unit=indicator.unit)
        if denominator == 0:
            raise UserError("indicator.zero_denominator")
        if numerator > denominator:
            raise UserError(
                "indicator.num_above_den",
                num=num(numerator),
                den=num(denominator),
                name=indicator.name,
            )
        value = (numerator * 100 / denominator).quantize(Decimal("0.01"))
    low, high, places = value_bounds(indicator)
    return check_number(value, field="value", low=low, high=high, places=places)
