"""The period report from an agency's database: its content (core/period_report.py) from the
desk's rows, documents and indicator values, written as .docx (reports/report_docx.py)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_tui.core.errors import UserError
from cchc_tui.core.period_report import Report, Words, build_report
from cchc_tui.core.text import clean, user_text

if TYPE_CHECKING:
    from cchc_tui.services.officer_desk import Context

WORD_KEYS = ("opening", "strengths", "weaknesses", "next_steps", "proposals")


def read_words(path: Path) -> Words:
    """The officer's words from a TOML file (Notepad's BOM and CRLF accepted); unknown keys or
    values that are not text are refused, naming them."""
    try:
        data = tomllib.loads(user_text(path.read_bytes()))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise UserError("period_report.bad_words", path=path, detail=str(e)) from None
    wrong = [k for k, v in data.items() if k not in WORD_KEYS or not isinstance(v, str)]
    if wrong:
        detail = ", ".join(wrong) + " (" + ", ".join(WORD_KEYS) + ")"
        raise UserError("period_report.bad_words", path=path, detail=detail)
    return Words(**{k: clean(v) for k, v in data.items()})


def period_report(
    ctx: Context,
    period: str,
    *,
    day: date | None = None,
    words: Words | None = None,
    number: str = "",
    signer: str = "",
) -> Report:
    """The report of ``period`` (Q1, 6T, Q3, NAM) as the desk sees the agency today."""
    codes = [p.code for p in ctx.plan.period]
    if period not in codes:
        raise UserError("report.bad_period", value=period, choices=", ".join(codes))
    documents = ctx.evidence()
    return build_report(
        ctx.plan,
        ctx.registry.agencies[ctx.agency],
        ctx.registry,
        ctx.rows(),
        documents,
        {d.id: list(d.items) for d in documents},
        period=period,
        day=day or ctx.today,
        indicators=ctx.reader.indicator_values(ctx.agency, ctx.plan.id),
        words=words,
        number=number,
        signer=clean(signer),
    )
