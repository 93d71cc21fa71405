"""The period report from an agency's database: its content (core/period_report.py) from the
desk's rows, documents and indicator values, written as .docx (reports/report_docx.py)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_tui.core.agencies import Registry
from cchc_tui.core.errors import UserError
from cchc_tui.core.period_report import Report, Words, build_report
from cchc_tui.core.plan import Plan
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


def kept(reader: Any, agency: str, plan_id: str, period: str) -> tuple[Words, dict[str, Any]]:
    """The words kept for a period's report (empty: the drafts), and its number, date, signer."""
    row = reader.report_words(agency, plan_id, period) or {}
    words = Words(**{k: row.get(k) or "" for k in WORD_KEYS})
    return words, {k: row.get(k) for k in ("number", "report_date", "signer")}


def report_from(
    reader: Any, plan: Plan, registry: Registry, agency: str, period: str, today: date,
    *, day: date | None = None, words: Words | None = None, number: str = "", signer: str = "",
) -> Report:  # fmt: skip
    """The report of ``period`` (Q1, 6T, Q3, NAM): what is given, else what was kept (`cchc
    report words`), else the drafts; as of ``today``."""
    codes = [p.code for p in plan.period]
    if period not in codes:
        raise UserError("report.bad_period", value=period, choices=", ".join(codes))
    stored, meta = kept(reader, agency, plan.id, period)
    documents = reader.list_evidence(agency)
    return build_report(
        plan,
        registry.agencies[agency],
        registry,
        reader.assigned_status(plan, registry, agency, today),
        documents,
        {d.id: list(d.items) for d in documents},
        period=period,
        day=day or meta["report_date"] or today,
        indicators=reader.indicator_values(agency, plan.id),
        words=words or stored,
        number=number or meta["number"] or "",
        signer=clean(signer or meta["signer"] or ""),
    )


def period_report(
    ctx: Context,
    period: str,
    *,
    day: date | None = None,
    words: Words | None = None,
    number: str = "",
    signer: str = "",
) -> Report:
    """The report of ``period`` as the desk sees the agency today."""
    return report_from(
        ctx.reader, ctx.plan, ctx.registry, ctx.agency, period, ctx.today, day=day,
        words=words, number=number, signer=signer,
    )  # fmt: skip
