"""Self-assessment commands: criteria, score, report, indicator."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from cchc_tui.cli.common import _decimal_arg, _open_reader, _open_store, _registry, _today
from cchc_tui.cli.output import _emit_json, _table
from cchc_tui.core.dates import format_date, parse_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.text import user_text


def _desk(args: argparse.Namespace, store: Any) -> Any:
    """The officer's desk (services.officer_desk) over the open database."""
    from cchc_tui.services.officer_desk import Context

    return Context.on_store(store, _registry(), args.plan)


def _reading_desk(args: argparse.Namespace, reader: Any) -> Any:
    """The desk over a database only read, working as of --as-of (else today)."""
    from cchc_tui.services.officer_desk import Context

    plan = reader.load_plan(args.plan)
    return Context(reader, _registry(), plan, reader.require_profile(), _today(args, plan))


def _scoring(desk: Any, args: argparse.Namespace) -> Any:
    """The scoring view of the set that applies (the shipped template when none is held), with
    a warning on stderr while it is not an official set."""
    view = desk.scoring_view(getattr(args, "set", None))
    if not view.cset.official:
        print(t("criteria.template_warning", id=view.cset.id), file=sys.stderr)
    return view


def cmd_criteria(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        if args.criteria_cmd == "import":
            from cchc_tui.services.self_assessment import import_criteria

            path = Path(args.file)
            try:
                text = user_text(path.read_bytes())
            except UnicodeDecodeError:
                raise UserError("file.not_utf8", path=path) from None
            except OSError as e:
                raise UserError("plan.bad_file", path=path, detail=e.strerror or str(e)) from None
            cset = import_criteria(store, text, path.name)
            print(t("criteria.imported", id=cset.id, status=cset.status, title=cset.title))
            return 0
        held = store.criteria_ids()
    if args.json:
        _emit_json([h._asdict() for h in held])
    else:
        _table(
            [t("col.id"), t("col.level"), t("col.year"), t("col.status")],
            [[h.id, h.level, str(h.year), h.status] for h in held],
            flex=0,
        )
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from cchc_tui.core.numbers import num

    with _open_store(args) as store:
        desk = _desk(args, store)
        view = _scoring(desk, args)
        prof, cset = desk.profile, view.cset
        if args.score_cmd == "set":
            points = (
                None
                if args.suggested
                else (_decimal_arg(args.points) if args.points is not None else None)
            )
            if (
                points is None
                and not args.suggested
                and args.reason is None
                and args.note is None
                and args.evidence is None
            ):
                raise UserError("score.bad_points", value="")
            desk.save_score(view, args.code, points, args.reason, args.note, args.evidence)
            print(t("score.saved", code=args.code))
            return 0
        if args.score_cmd in ("finalise", "reopen"):
            desk.set_finalised(view, args.score_cmd == "finalise")
            print(t("score.done_finalise" if args.score_cmd == "finalise" else "score.done_reopen"))
            return 0
        result = view.result
        docs = {e.id: e.number for e in desk.evidence()}
    documents = {code: [docs[i] for i in ids if i in docs] for code, ids in view.links.items()}
    if args.xlsx:
        from cchc_tui.reports.score_xlsx import write_score_xlsx

        write_score_xlsx(
            Path(args.xlsx), cset, result, agency=prof.agency_name, documents=documents
        )
    finalised = view.finalised_at.isoformat() if view.finalised_at else None
    if args.json:
        _emit_json(
            {
                "set": {
                    "id": cset.id,
                    "status": cset.status,
                    "level": cset.level,
                    "year": cset.year,
                },
                "agency": prof.agency_code,
                "finalised_at": finalised,
                "subs": [
                    {
                        "code": r.sub.code,
                        "title": r.sub.title,
                        "max": str(r.sub.max),
                        "rule": r.sub.rule.kind,
                        "suggested": None
                        if r.suggestion.points is None
                        else str(r.suggestion.points),
                        "explanation": r.suggestion.explanation,
                        "self": None if r.self_points is None else str(r.self_points),
                        "overridden": r.overridden,
                        "evidence": documents.get(r.sub.code, []),
                        "note": r.note,
                        "warnings": list(r.warnings),
                    }
                    for r in result.subs
                ],
                "criteria": [
                    {"code": c.code, "max": str(c.max), "points": str(c.points)}
                    for c in result.criteria
                ],
                "areas": [
                    {"code": a.code, "title": a.title, "max": str(a.max), "points": str(a.points)}
                    for a in result.areas
                ],
                "total": str(result.total),
                "max_self": str(result.max_self),
                "survey_max": str(result.survey_max),
                "bonus": str(result.bonus),
                "penalty": str(result.penalty),
                "percent": str(result.percent),
                "grade": result.grade,
                "blocking": [r.sub.code for r in result.blocking],
            }
        )
        return 0
    rows = [
        [
            r.sub.code,
            num(r.sub.max),
            "" if r.suggestion.points is None else num(r.suggestion.points),
            "" if r.self_points is None else num(r.self_points),
            str(r.evidence),
            "!" if r.warnings else "",
            f"{r.sub.title} — {r.suggestion.explanation}",
        ]
        for r in result.subs
    ]
    _table(
        [
            t("col.code"),
            t("col.max"),
            t("col.suggested"),
            t("col.self_score"),
            t("col.evidence"),
            "!",
            t("col.sub_and_rule"),
        ],
        rows,
        flex=6,
    )
    final = t("score.finalised_on", date=finalised[:10]) if finalised else ""
    print()
    print(
        t(
            "score.total_line",
            total=num(result.total),
            max=num(result.max_self),
            pct=num(result.percent),
            grade=result.grade,
            final=final,
        )
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    if args.action == "docx":
        return _report_docx(args)
    if args.action == "words":
        return _report_words(args)
    if not args.date:
        raise UserError("cli.needs_option", option="--date", command="report set")
    with _open_store(args) as store:
        desk = _desk(args, store)
        when = parse_date(args.date)
        desk.set_report_date(args.period.upper(), when)
    print(t("report.saved", period=args.period.upper(), date=format_date(when)))
    return 0


def _report_words(args: argparse.Namespace) -> int:
    """`cchc report words Q3 --words loi.toml [--number 45] [--date …] [--signer …]`: keep the
    officer's words of the period's report (the export then puts them in the bundle's)."""
    from cchc_tui.core.period_report import Words
    from cchc_tui.core.text import unquote_path
    from cchc_tui.services.period_report import read_words

    words = read_words(Path(unquote_path(args.words))) if args.words else Words()
    day = parse_date(args.date, allow_future=True) if args.date else None
    period = args.period.upper()
    with _open_store(args) as store:
        desk = _desk(args, store)
        changed = desk.save_report_words(
            period, words, number=args.number or "", report_date=day, signer=args.signer or ""
        )
    print(t("period_report.words_saved" if changed else "period_report.words_same",
            period=period, count=len(changed)))  # fmt: skip
    return 0


def _report_docx(args: argparse.Namespace) -> int:
    """`cchc report docx Q3 --out bao-cao.docx [--number 45] [--date …] [--signer …]
    [--words loi.toml]`: the period report in the state's document layout."""
    from cchc_tui.core.text import unquote_path
    from cchc_tui.reports.report_docx import write_report_docx
    from cchc_tui.services.period_report import period_report, read_words

    if not args.out:
        raise UserError("cli.needs_option", option="--out", command="report docx")
    out = Path(unquote_path(args.out))
    words = read_words(Path(unquote_path(args.words))) if args.words else None
    day = parse_date(args.date, allow_future=True) if args.date else None
    period = args.period.upper()
    with _open_reader(args) as reader:
        desk = _reading_desk(args, reader)
        report = period_report(
            desk, period, day=day, words=words, number=args.number or "", signer=args.signer or ""
        )
    write_report_docx(report, out)
    c = report.counts
    print(
        t("period_report.saved", period=period, path=out, items=c["items"], done=c["done"],
          overdue=c["overdue"])
    )  # fmt: skip
    return 0


def cmd_indicator(args: argparse.Namespace) -> int:
    from cchc_tui.core.numbers import num

    if args.action == "list":
        return _indicator_list(args)

    with _open_store(args) as store:
        desk = _desk(args, store)
        typed = {
            name: _decimal_arg(raw, name)
            for name, raw in (
                ("value", args.value),
                ("numerator", args.num),
                ("denominator", args.den),
            )
            if raw is not None
        }
        value = desk.set_indicator(args.indicator or "", typed, args.evidence)
        ind = next(i for i in desk.plan.indicator if i.id == args.indicator)
        level = desk.registry.agencies[desk.agency].level
    target = ind.target_for(level)
    print(
        t(
            "indicator.saved",
            name=ind.name,
            value=num(value),
            target="—" if target is None else num(Decimal(str(target))),
        )
    )
    return 0


def _indicator_list(args: argparse.Namespace) -> int:
    """Each indicator of the plan: target for the agency's level, value, attainment."""
    from cchc_tui.core.numbers import num

    with _open_store(args) as store:
        prof = store.require_profile()
        plan = store.load_plan(args.plan)
        values = store.indicator_values(prof.agency_code, plan.id)
    level = _registry().agencies[prof.agency_code].level
    out = []
    for ind in plan.indicator:
        target = ind.target_for(level)
        value = values.get(ind.id)
        attained = None
        if value is not None and target:
            tgt = Decimal(str(target))
            attained = value <= tgt if ind.direction == "at_most" else value >= tgt
        out.append(
            {
                "id": ind.id,
                "name": ind.name,
                "unit": ind.unit,
                "direction": ind.direction,
                "target": target,
                "value": None if value is None else str(value),
                "attained": attained,
            }
        )
    if args.json:
        _emit_json(out)
        return 0
    yes, no = t("indicator.met"), t("indicator.not_met")
    rows = [
        [
            o["id"],
            "" if o["target"] is None else num(Decimal(str(o["target"]))),
            "" if o["value"] is None else num(Decimal(o["value"])),
            "" if o["attained"] is None else (yes if o["attained"] else no),
            o["name"],
        ]
        for o in out
    ]
    _table(
        [t("col.code"), t("col.target"), t("col.value"), t("col.result"), t("col.name")],
        rows,
        flex=4,
    )
    return 0
