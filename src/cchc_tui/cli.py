"""The ``cchc`` command.

Every listing takes ``--json``. Errors are one sentence on stderr (Vietnamese, or English with
``--lang en``) and a non-zero exit: 1 bad input, 2 bad command line, 3 database problem.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import tempfile
import textwrap
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

from cchc_tui import __version__
from cchc_tui.config import THEMES, load_config
from cchc_tui.core.agencies import Agency, Registry
from cchc_tui.core.dates import format_date, parse_date
from cchc_tui.core.i18n import UserError, set_language, t
from cchc_tui.core.numbers import parse_progress
from cchc_tui.core.plan import DEFAULT_PLAN_FILE, Item, Plan
from cchc_tui.core.progress import parse_status, status_label
from cchc_tui.core.text import OTHER_CONTROLS, escape_controls, fold
from cchc_tui.paths import default_db_path

EXIT_USAGE = 2
EXIT_CRASH = 70  # EX_SOFTWARE: the app crashed; its report is beside the database

_ARGPARSE_VI = [
    (r"the following arguments are required: (.*)", "thiếu tham số bắt buộc: {0}"),
    (r"unrecognized arguments: (.*)", "không hiểu tham số: {0}"),
    (r"argument (\S+): expected one argument", "tham số {0} cần một giá trị"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        "{0}: không có lựa chọn {1} (chọn: {2})",
    ),
    (r"argument (\S+): invalid int value: (.*)", "{0}: {1} không phải số nguyên"),
]


class Parser(argparse.ArgumentParser):
    """argparse with its complaints in the user's language and exit code 2."""

    def error(self, message: str) -> NoReturn:
        from cchc_tui.core.i18n import language

        if language() == "vi":
            for pattern, template in _ARGPARSE_VI:
                m = re.fullmatch(pattern, message)
                if m:
                    message = template.format(*m.groups())
                    break
        self.print_usage(sys.stderr)
        print(f"{t('error.prefix')}: {t('error.usage', detail=message)}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


# -- shared helpers -----------------------------------------------------------------------------


def _registry() -> Registry:
    return Registry.load()


def _plan_text() -> str:
    return resources.files("cchc_tui.data").joinpath(DEFAULT_PLAN_FILE).read_text("utf-8")


def _emit_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    # JSON escapes C0 controls itself; DEL, C1 controls and bidi marks (which a terminal or an
    # editor would act on) are written as \uXXXX too: the same JSON, nothing to act on
    sys.stdout.write(_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    sys.stdout.write("\n")


_RAW_CONTROLS = re.compile(f"[{OTHER_CONTROLS}]")


def _width() -> int:
    """The terminal's width, even when stdout is piped (``cchc assigned | less``)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return max(60, int(os.environ["COLUMNS"]))
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            return max(60, os.get_terminal_size(stream.fileno()).columns)
        except (OSError, ValueError, AttributeError):
            continue
    return 100


def _table(headers: list[str], rows: list[list[str]], flex: int) -> None:
    """Print a plain table; column ``flex`` takes the remaining width and is truncated."""
    if not rows:
        print(t("list.empty"))
        return
    rows = [[escape_controls(c) for c in r] for r in rows]  # cells may come from a bundle
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    total = _width() - 1
    gap = 2 if sum(widths) + 2 * (len(widths) - 1) <= total or total >= 100 else 1
    fixed = sum(w + gap for i, w in enumerate(widths) if i != flex)
    widths[flex] = max(10, min(widths[flex], total - fixed))
    sep = " " * gap

    def fmt(cells: list[str]) -> str:
        out = []
        for i, c in enumerate(cells):
            w = widths[i]
            if len(c) > w:
                c = c[: w - 1] + "…"
            out.append(c.ljust(w))
        return sep.join(out).rstrip()

    print(fmt(headers))
    print(sep.join("-" * w for w in widths))
    for r in rows:
        print(fmt(r))


def _agency_arg(registry: Registry, query: str) -> Agency:
    found = registry.find(query)
    if found:
        return found
    hits = registry.search(query, limit=5)
    hint = ""
    if hits:
        hint = t(
            "agency.did_you_mean",
            choices=", ".join(f"{h.agency.code} ({h.agency.name})" for h in hits),
        )
    exact = [h for h in hits if h.score >= 2.0]
    if len(exact) > 1:
        raise UserError("agency.ambiguous", query=query, hint=hint)
    raise UserError("agency.unknown", query=query, hint=hint)


def _item_arg(plan: Plan, ref: str) -> Item:
    found = plan.find_items(ref)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UserError("item.ambiguous", ref=ref, choices=", ".join(i.id for i in found))
    key = fold(ref).removesuffix(".")
    for task in plan.task:
        if key in (fold(task.id), task.number):
            acts = [i.id for i in plan.item if i.task == task.id]
            raise UserError(
                "item.not_trackable", ref=ref, kind=t("show.task").lower(), choices=", ".join(acts)
            )
    close = [i.id for i in plan.item if i.number.startswith(key) or fold(i.id).startswith(key)]
    hint = t("agency.did_you_mean", choices=", ".join(close[:8])) if close else ""
    raise UserError("item.unknown", ref=ref, plan=plan.id, hint=hint)


def _open_store(args: argparse.Namespace, *, create: bool = False) -> Any:
    from cchc_tui.store.service import Store

    store = Store(args.db, create=create)
    if store.migration_backup is not None:
        print(t("db.migrated", backup=store.migration_backup), file=sys.stderr)
    return store


def _labels(registry: Registry, refs: list[str]) -> list[str]:
    return [registry.label(r) for r in refs]


def _due_text(item: Item) -> str:
    if item.ongoing:
        return t("timing.ongoing")
    return ", ".join(format_date(d) for d in item.due)


def _today(args: argparse.Namespace) -> date:
    as_of: str | None = getattr(args, "as_of", None)
    return parse_date(as_of, allow_future=True) if as_of else date.today()


# -- commands ---------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    registry = _registry()
    agency = _agency_arg(registry, args.agency)
    store = _open_store(args, create=True)
    with store:
        store.init_profile(agency.code, agency.name, args.officer)
        store.import_plan(_plan_text(), actor=args.officer, agency=agency.code)
    print(
        t(
            "db.initialised",
            path=args.db,
            agency=f"{agency.name} ({agency.code})",
            officer=args.officer,
        )
    )
    return 0


def cmd_agencies(args: argparse.Namespace) -> int:
    registry = _registry()
    if args.search:
        agencies = [h.agency for h in registry.search(args.search, limit=50)]
    else:
        agencies = list(registry.agencies.values())
    if args.level:
        agencies = [a for a in agencies if a.level == args.level]
    if args.json:
        _emit_json(
            [
                {
                    "code": a.code,
                    "name": a.name,
                    "level": a.level,
                    "kind": a.kind,
                    "parent": a.parent,
                    "gso_code": a.gso_code or None,
                    "groups": sorted(registry.groups_of(a.code)),
                }
                for a in agencies
            ]
        )
        return 0
    rows = [
        [
            a.code,
            a.name,
            t(f"level.{a.level}"),
            registry.agencies[a.parent].name if a.parent in registry.agencies else "",
        ]
        for a in agencies
    ]
    _table([t("col.code"), t("col.name"), t("col.level"), t("col.parent")], rows, flex=1)
    return 0


def _load_plan_for(args: argparse.Namespace) -> Plan:
    """The plan from the database when there is one, else the shipped 2022 plan."""
    db: Path = args.db
    if db.exists():
        with _open_store(args) as store:
            return store.load_plan(args.plan)  # type: ignore[no-any-return]
    plan = Plan.from_toml(_plan_text())
    if args.plan and args.plan != plan.id:
        raise UserError("plan.unknown", plan=args.plan, choices=plan.id)
    return plan


def cmd_plan(args: argparse.Namespace) -> int:
    if args.plan_cmd == "show":
        return cmd_plan_show(args)
    if args.plan_cmd == "import":
        return cmd_plan_import(args)
    plan = _load_plan_for(args)
    if args.json:
        _emit_json(plan.model_dump(mode="json"))
        return 0
    print(f"{plan.plan.number} ({format_date(plan.plan.issued)}) — {plan.plan.title}")
    for area in plan.area:
        print(f"\n{area.number}. {area.title}")
        for obj in [o for o in plan.objective if o.area == area.id]:
            print(textwrap.shorten(f"  {obj.number}. {obj.text}", _width() - 2, placeholder="…"))
        for it in [i for i in plan.item if i.area == area.id]:
            line = f"    {it.id:<8} {it.number:<5} {_due_text(it):<24} {it.text}"
            print(textwrap.shorten(line, _width() - 2, placeholder="…"))
    return 0


def cmd_plan_show(args: argparse.Namespace) -> int:
    registry = _registry()
    plan = _load_plan_for(args)
    item = _item_arg(plan, args.item)
    area, objective, task = plan.chain(item)
    if args.json:
        data = item.model_dump(mode="json")
        data["area_title"] = area.title
        data["objective_text"] = objective.text if objective else None
        data["task_text"] = task.text
        data["lead_names"] = _labels(registry, item.lead)
        data["coordinate_names"] = _labels(registry, item.coordinate)
        _emit_json(data)
        return 0
    width = _width() - 2

    def field(label: str, value: str) -> None:
        print(
            textwrap.fill(
                value or t("show.none"),
                width,
                initial_indent=f"{label}: ",
                subsequent_indent="    ",
            )
        )

    field(t("show.area"), f"{area.number}. {area.title}")
    field(t("show.objective"), f"{objective.number}. {objective.text}" if objective else "")
    field(t("show.task"), f"{task.number}. {task.text}")
    if item.kind == "activity":
        field(t("show.activity"), f"{item.number}. {item.text}  [{item.id}]")
    field(t("show.output"), item.output)
    field(t("show.lead"), "; ".join(_labels(registry, item.lead)) + f"  («{item.lead_printed}»)")
    field(
        t("show.coordinate"),
        "; ".join(_labels(registry, item.coordinate))
        + (f"  («{item.coordinate_printed}»)" if item.coordinate_printed else ""),
    )
    field(t("show.timing"), f"{item.timing_printed} → {_due_text(item)}")
    if item.condition:
        field(t("show.condition"), item.condition)
    return 0


def cmd_plan_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
        Plan.from_toml(text)
    except OSError as e:
        raise UserError("plan.bad_file", path=path, detail=e.strerror or str(e)) from None
    except ValueError as e:
        first = str(e).strip().splitlines()
        raise UserError("plan.bad_file", path=path, detail=" ".join(first[:3])) from None
    with _open_store(args) as store:
        prof = store.require_profile()
        plan = store.import_plan(text, actor=prof.officer, agency=prof.agency_code)
    print(f"{plan.id}: {plan.plan.number} — {plan.plan.title}")
    return 0


def cmd_assigned(args: argparse.Namespace) -> int:
    registry = _registry()
    today = _today(args)
    db: Path = args.db
    if db.exists():
        with _open_store(args) as store:
            prof = store.require_profile()
            agency = (
                _agency_arg(registry, args.agency)
                if args.agency
                else registry.agencies[prof.agency_code]
            )
            plan = store.load_plan(args.plan)
            rows = store.assigned_status(plan, registry, agency.code, today)
    else:
        if not args.agency:
            from cchc_tui.store.errors import StoreError

            raise StoreError("db.missing", path=db)
        from cchc_tui.core.assignment import assigned_items
        from cchc_tui.core.tracking import status_row

        agency = _agency_arg(registry, args.agency)
        plan = Plan.from_toml(_plan_text())
        rows = [status_row(a, None, {}, today) for a in assigned_items(plan, registry, agency.code)]
    all_rows = rows
    if args.role:
        rows = [r for r in rows if r.role == args.role]
    if args.json:
        _emit_json(
            {
                "agency": {"code": agency.code, "name": agency.name},
                "plan": plan.id,
                "as_of": today.isoformat(),
                "items": [
                    {
                        "id": r.item.id,
                        "number": r.item.number,
                        "kind": r.item.kind,
                        "role": r.role,
                        "via": r.via,
                        "text": r.item.text,
                        "due": [d.isoformat() for d in r.item.due],
                        "ongoing": r.item.ongoing,
                        "next_due": r.next_due.isoformat() if r.next_due else None,
                        "status": r.status,
                        "status_label": status_label(r.status),
                        "progress": r.progress_pct,
                        "completed_on": r.completed_on.isoformat() if r.completed_on else None,
                        "evidence_count": r.evidence_count,
                        "overdue": r.overdue,
                    }
                    for r in rows
                ],
            }
        )
        return 0
    lead = sum(1 for r in all_rows if r.role == "lead")
    print(
        t(
            "assigned.header",
            agency=f"{agency.name} ({agency.code})",
            count=len(all_rows),
            plan=plan.plan.number,
            lead=lead,
            coord=len(all_rows) - lead,
        )
    )
    table = [
        [
            r.item.id,
            t(f"role.{r.role}"),
            (t("timing.ongoing") if r.item.ongoing else format_date(r.next_due))
            + (" !" if r.overdue else ""),
            status_label(r.status),
            f"{r.progress_pct}%",
            str(r.evidence_count),
            r.item.text,
        ]
        for r in rows
    ]
    _table(
        [
            t("col.id"),
            t("col.role"),
            t("col.due"),
            t("col.status"),
            t("col.progress"),
            t("col.evidence"),
            t("col.text"),
        ],
        table,
        flex=6,
    )
    overdue = sum(1 for r in rows if r.overdue)
    if overdue:
        print(t("assigned.legend", count=overdue, today=format_date(today)))
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    registry = _registry()
    status = parse_status(args.status)
    completed = parse_date(args.completed) if args.completed else None
    pct = None if args.progress is None else parse_progress(args.progress)
    with _open_store(args) as store:
        prof = store.require_profile()
        plan = store.load_plan(args.plan)
        item = _item_arg(plan, args.item)
        from cchc_tui.core.assignment import assigned_items

        if item.id not in {a.item.id for a in assigned_items(plan, registry, prof.agency_code)}:
            raise UserError("progress.not_assigned", item=item.id, agency=prof.agency_name)
        values, _changes = store.set_progress(
            plan,
            item.id,
            agency=prof.agency_code,
            actor=prof.officer,
            status=status,
            progress_pct=pct,
            reason=args.reason,
            note=args.note,
            completed_on=completed,
        )
    if args.json:
        _emit_json(
            {
                "id": item.id,
                "status": values.status,
                "progress": values.progress_pct,
                "reason": values.reason,
                "note": values.note,
                "completed_on": values.completed_on,
            }
        )
    else:
        print(
            t(
                "progress.saved",
                item=item.id,
                status=status_label(values.status),
                pct=values.progress_pct,
            )
        )
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    if args.evidence_cmd == "add":
        return cmd_evidence_add(args)
    with _open_store(args) as store:
        prof = store.require_profile()
        evs = store.list_evidence(prof.agency_code)
    if args.json:
        _emit_json([e.__dict__ for e in evs])
        return 0
    rows = [
        [
            str(e.id),
            e.number,
            format_date(e.doc_date),
            e.issuer,
            ", ".join(e.items),
            e.file_name,
            e.title,
        ]
        for e in evs
    ]
    _table(
        [
            "#",
            t("col.number"),
            t("col.date"),
            t("col.issuer"),
            t("col.items"),
            t("col.file"),
            t("col.title"),
        ],
        rows,
        flex=6,
    )
    return 0


def cmd_evidence_add(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        prof = store.require_profile()
        plan = store.load_plan(args.plan)
        keys = [_item_arg(plan, ref).id for ref in args.item or []]
        saved = store.add_evidence(
            agency=prof.agency_code,
            actor=prof.officer,
            number=args.number,
            doc_date=args.date,
            issuer=args.issuer,
            title=args.title,
            doc_type=args.type,
            file=Path(args.file) if args.file else None,
            plan=plan,
            items=keys,
        )
    for w in saved.parsed.warnings:
        print(f"{t('warning.prefix')}: {w}", file=sys.stderr)
    if args.json:
        _emit_json(
            {
                "id": saved.id,
                "number": saved.parsed.text,
                "family": saved.parsed.family,
                "type": saved.parsed.type_code,
                "sha256": saved.sha256 or None,
                "size": saved.size,
                "items": keys,
                "warnings": saved.parsed.warnings,
            }
        )
    else:
        print(t("evidence.saved", id=saved.id, number=saved.parsed.text))
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        report = store.check()
    if args.json:
        _emit_json(report)
    elif report["ok"]:
        print(
            t("db.check_ok") + f" ({report['path']}, schema {report['schema']}, "
            f"{report['files_checked']} tệp)"
        )
    else:
        print(t("db.check_failed", count=len(report["problems"])))
        for p in report["problems"]:
            print(f"  - {p}")
    if report["leftovers"] and not args.json:
        # Reported, never a failure: temp files of interrupted copies are harmless (nothing in
        # the database points at them) and the app sweeps the stale ones when it starts.
        names = ", ".join(report["leftovers"])
        print(t("db.check_leftovers", count=len(report["leftovers"]), names=names))
    return 0 if report["ok"] else 1


def cmd_history(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        key = None
        if args.item:
            plan = store.load_plan(args.plan)
            key = f"{plan.id}/{_item_arg(plan, args.item).id}"
        entries = store.audit_entries(key)
    data = [
        {
            "at": e.at.isoformat(),
            "actor": e.actor,
            "action": e.action,
            "entity": e.entity,
            "key": e.entity_key,
            "changes": json.loads(e.changes),
        }
        for e in entries
    ]
    if args.json:
        _emit_json(data)
        return 0
    for d in data:
        changes = "; ".join(f"{k}: {a!r} → {b!r}" for k, (a, b) in d["changes"].items())
        print(f"{d['at'][:19]}  {d['actor']}  {d['action']} {d['key']}  {changes}")
    return 0


def run_tui(args: argparse.Namespace, db: Path, today: date | None = None) -> int:
    """Open the officer's app (Textual is imported only here: the CLI stays quick)."""
    from cchc_tui.ui.app import CchcApp

    config = args.config
    if args.theme:
        config.theme = args.theme
    if args.lang:
        config.lang = args.lang
    app = CchcApp(db, config, today=today)
    app.run()
    return _app_ended(app)


def _app_ended(app: Any) -> int:
    """0 when the app ended normally; after a crash, one sentence on stderr (where the report
    is, whether a draft was kept) and EXIT_CRASH."""
    report = getattr(app, "crash_report", None)
    if report is None and not app.return_code:
        return 0
    drafts = t("cli.crash_drafts") if getattr(app, "crash_drafts_kept", False) else ""
    if report is None:
        print(t("cli.crash_no_report", drafts=drafts), file=sys.stderr)
    else:
        print(t("cli.crash", path=report, drafts=drafts), file=sys.stderr)
    return EXIT_CRASH


def cmd_tui(args: argparse.Namespace) -> int:
    from cchc_tui.store.reader import NeedsUpgrade, Reader

    today = parse_date(args.today, allow_future=True) if args.today else None
    db: Path = args.db
    if db.exists():
        # a damaged, foreign or newer file is said here, in one sentence, before the app opens
        with contextlib.suppress(NeedsUpgrade):
            Reader.open_current(db)
    return run_tui(args, db, today)


def cmd_demo(args: argparse.Namespace) -> int:
    from cchc_tui.demo import DEMO_AGENCY, DEMO_TODAY, build_demo

    registry = _registry()
    folder = Path(tempfile.mkdtemp(prefix="cchc-demo-"))
    path = folder / "demo.sqlite"
    store, _plan = build_demo(path, _plan_text(), registry)
    store.close()
    if not (args.json or args.print):
        return run_tui(args, path, DEMO_TODAY)
    print(t("demo.created", path=path, agency=registry.agencies[DEMO_AGENCY].name))
    args.db = path
    args.agency = None
    args.role = None
    args.plan = None
    args.as_of = DEMO_TODAY.isoformat()
    return cmd_assigned(args)


# -- self-assessment ---------------------------------------------------------------------------


def _decimal_arg(value: str, field: str = "points") -> Decimal:
    """A number typed on the command line, by the one rule of core.numbers (points: 0–100)."""
    from cchc_tui.core.numbers import parse_number, parse_points

    return parse_points(value) if field == "points" else parse_number(value, field=field)


def _scoring(args: argparse.Namespace, store: Any) -> tuple[Any, Plan, Any, Any]:
    """(profile, plan, criteria set, ScoringStore); the shipped template when none is held."""
    from cchc_tui.store.service import LEVEL_FOR_SET, ScoringStore

    registry = _registry()
    prof = store.require_profile()
    plan = store.load_plan(args.plan)
    scoring = ScoringStore(store)
    set_id = getattr(args, "set", None)
    if set_id is None:
        level = LEVEL_FOR_SET[registry.agencies[prof.agency_code].level]
        held = [i for i in store.criteria_ids() if i[1] == level]
        official = [i for i in held if i[3] == "chính thức"]
        if official:
            set_id = official[0][0]
        elif held:
            set_id = held[0][0]
        else:
            text = scoring.template_for(registry.agencies[prof.agency_code].level)
            set_id = scoring.import_criteria(
                text, "mẫu", actor=prof.officer, agency=prof.agency_code
            ).id
    cset = store.load_criteria(set_id)
    if not cset.official:
        print(t("criteria.template_warning", id=cset.id), file=sys.stderr)
    return prof, plan, cset, scoring


def _score_result(store: Any, prof: Any, plan: Plan, cset: Any) -> tuple[Any, Any]:
    from cchc_tui.core.scoring import score

    inputs = store.scoring_inputs(plan, _registry(), prof.agency_code)
    found = store.assessment(prof.agency_code, cset.id)
    selves = store.self_scores(found[0]) if found else {}
    return score(cset, inputs, selves), found


def cmd_criteria(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        prof = store.require_profile()
        if args.criteria_cmd == "import":
            from cchc_tui.store.service import ScoringStore

            path = Path(args.file)
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as e:
                raise UserError("plan.bad_file", path=path, detail=e.strerror or str(e)) from None
            cset = ScoringStore(store).import_criteria(
                text, path.name, actor=prof.officer, agency=prof.agency_code
            )
            print(t("criteria.imported", id=cset.id, status=cset.status, title=cset.title))
            return 0
        held = store.criteria_ids()
    if args.json:
        _emit_json([{"id": i, "level": lv, "year": y, "status": st} for i, lv, y, st in held])
    else:
        _table(
            [t("col.id"), t("col.level"), "Năm", t("col.status")],
            [[i, lv, str(y), st] for i, lv, y, st in held],
            flex=0,
        )
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from cchc_tui.core.numbers import num

    with _open_store(args) as store:
        prof, plan, cset, scoring = _scoring(args, store)
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
            scoring.set_score(
                cset,
                plan.id,
                args.code,
                agency=prof.agency_code,
                actor=prof.officer,
                points=points,
                reason=args.reason,
                note=args.note,
                evidence=args.evidence,
            )
            print(t("score.saved", code=args.code))
            return 0
        if args.score_cmd in ("finalise", "reopen"):
            result, _found = _score_result(store, prof, plan, cset)
            scoring.set_finalised(
                cset,
                plan.id,
                agency=prof.agency_code,
                actor=prof.officer,
                final=args.score_cmd == "finalise",
                blocking=[r.sub.code for r in result.blocking],
            )
            print(t("score.done_finalise" if args.score_cmd == "finalise" else "score.done_reopen"))
            return 0
        result, found = _score_result(store, prof, plan, cset)
        docs = {e.id: e.number for e in store.list_evidence(prof.agency_code)}
        links = store.score_evidence(found[0]) if found else {}
    documents = {code: [docs[i] for i in ids if i in docs] for code, ids in links.items()}
    if args.xlsx:
        from cchc_tui.reports.score_xlsx import write_score_xlsx

        write_score_xlsx(
            Path(args.xlsx), cset, result, agency=prof.agency_name, documents=documents
        )
    finalised = found[2].isoformat() if found and found[2] else None
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
        ["Mã", "Tối đa", "Gợi ý", "Tự chấm", "TLKC", "!", "Tiêu chí thành phần — cách tính"],
        rows,
        flex=6,
    )
    print(
        f"\nTổng: {num(result.total)}/{num(result.max_self)} = {num(result.percent)}% "
        f"— {result.grade}" + (f" (chốt {finalised[:10]})" if finalised else "")
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        prof, plan, _cset, scoring = _scoring(args, store)
        when = parse_date(args.date)
        scoring.set_report_date(
            plan, args.period.upper(), when, agency=prof.agency_code, actor=prof.officer
        )
    print(t("report.saved", period=args.period.upper(), date=format_date(when)))
    return 0


def cmd_indicator(args: argparse.Namespace) -> int:
    from cchc_tui.core.numbers import num

    if args.action == "list":
        return _indicator_list(args)
    from cchc_tui.store.service import LEVEL_FOR_SET  # noqa: F401  (level names)

    with _open_store(args) as store:
        prof, plan, _cset, scoring = _scoring(args, store)
        value = scoring.set_indicator(
            plan,
            args.indicator or "",
            agency=prof.agency_code,
            actor=prof.officer,
            value=_decimal_arg(args.value, "value") if args.value is not None else None,
            numerator=_decimal_arg(args.num, "numerator") if args.num is not None else None,
            denominator=_decimal_arg(args.den, "denominator") if args.den is not None else None,
            evidence_id=args.evidence,
        )
        ind = next(i for i in plan.indicator if i.id == args.indicator)
        level = _registry().agencies[prof.agency_code].level
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
    yes, no = ("đạt", "chưa đạt") if args.lang != "en" else ("met", "not met")
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
    _table(["Mã", "Chỉ tiêu", "Giá trị", "Kết quả", "Tên"], rows, flex=4)
    return 0


# -- keys, bundles -----------------------------------------------------------------------------


def _passphrase(
    args: argparse.Namespace,
    what: str,
    *,
    file_attr: str = "passphrase_file",
    env: str = "CCHC_PASSPHRASE",
    confirm: bool = False,
) -> bytes:
    """From a file, then the environment, then the terminal — never from an argument. A new
    passphrase (``confirm``) is asked twice on the terminal."""
    path = getattr(args, file_attr, None)
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").rstrip("\r\n").encode()
        except OSError as e:
            raise UserError(
                "evidence.file_unreadable", path=path, detail=e.strerror or str(e)
            ) from None
    if os.environ.get(env):
        return os.environ[env].encode()
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(t("passphrase.prompt", what=what)).encode()
        if confirm and getpass.getpass(t("passphrase.again", what=what)).encode() != first:
            raise UserError("pki.passphrase_mismatch")
        return first
    raise UserError("passphrase.none")


def cmd_pki(args: argparse.Namespace) -> int:
    from cchc_tui.bundle import pki

    ca_dir = Path(args.dir)
    if args.pki_cmd == "init-ca":
        cert = pki.init_ca(ca_dir, _passphrase(args, "CA", confirm=True))
        print(f"{ca_dir / pki.CA_CERT}: {cert.subject.rfc4514_string()}")
    elif args.pki_cmd == "issue":
        registry = _registry()
        agency = _agency_arg(registry, args.agency)
        who = pki.issue(
            ca_dir,
            _passphrase(args, "CA"),
            agency_code=agency.code,
            agency_name=agency.name,
            officer=args.officer,
            p12_passphrase=_passphrase(
                args,
                "PKCS#12",
                file_attr="p12_passphrase_file",
                env="CCHC_P12_PASSPHRASE",
                confirm=True,
            ),
            out=Path(args.out),
            role=args.role,
        )
        print(
            f"{args.out}: {who.officer} · {who.agency_name} ({who.agency_code}) · "
            f"{t(f'trust.role.{args.role}')} · serial {who.serial:x}"
        )
    elif args.pki_cmd == "revoke":
        pki.revoke(ca_dir, _passphrase(args, "CA"), pki.parse_serial(args.serial))
        print(f"revoked {args.serial}")
    else:
        count = pki.make_crl(ca_dir, _passphrase(args, "CA"), Path(args.out))
        print(f"{args.out}: {count}")
    return 0


def cmd_key(args: argparse.Namespace) -> int:
    from cchc_tui.services.export import import_key

    with _open_store(args) as store:
        who = import_key(store, Path(args.file), _passphrase(args, args.file))
    print(
        t(
            "key.imported",
            officer=who.officer,
            agency=who.agency_name,
            fingerprint=who.fingerprint[:16],
        )
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from cchc_tui.services.export import export_bundle, preflight

    registry = _registry()
    with _open_store(args) as store:
        prof = store.require_profile()
        plan = store.load_plan(args.plan)
        pre = preflight(store, plan, registry, prof.agency_code, date.today())
        for w in pre.warnings:
            print(f"{t('warning.prefix')}: {w}", file=sys.stderr)
        built = export_bundle(
            store,
            registry,
            plan=plan,
            period=args.period.upper(),
            out_dir=Path(args.out),
            passphrase=_passphrase(args, "PKCS#12"),
            pre=pre,
        )
    short = " ".join(built.sha256[i : i + 4] for i in range(0, 16, 4))
    if args.json:
        _emit_json(
            {
                "path": str(built.path),
                "bundle_id": built.bundle_id,
                "sha256": built.sha256,
                "size": built.size,
                "files": built.files,
            }
        )
    else:
        print(t("export.done", path=built.path, sha=built.sha256, short=short))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from cchc_tui.bundle.verify import verify_bundle

    def read(path: str | None) -> bytes | None:
        if not path:
            return None
        try:
            return Path(path).read_bytes()
        except OSError as e:
            raise UserError(
                "evidence.file_unreadable", path=path, detail=e.strerror or str(e)
            ) from None

    ca, crl = read(args.ca), read(args.crl)
    reports = [verify_bundle(Path(b), ca, crl) for b in args.bundles]
    if args.json:
        _emit_json(
            [
                {
                    "path": str(r.path),
                    "ok": r.ok,
                    "sha256": r.sha256,
                    "bundle_id": r.bundle_id,
                    "agency": r.agency_code,
                    "plan": r.plan,
                    "period": r.period,
                    "signer": r.signer.officer if r.signer else None,
                    "certificate_serial": format(r.signer.serial, "x") if r.signer else None,
                    "fingerprint": r.signer.fingerprint if r.signer else None,
                    "signing_time": r.signing_time.isoformat() if r.signing_time else None,
                    "supersedes": r.supersedes or None,
                    "warnings": r.warnings,
                    "checks": [
                        {"name": c.name, "ok": c.ok, "warning": c.warning, "detail": c.detail}
                        for c in r.checks
                    ],
                }
                for r in reports
            ]
        )
    else:
        for r in reports:
            # names and texts come from the bundle and its certificate: escaped, so that none
            # moves the cursor or starts a line of its own (a forged "ĐẠT")
            print(f"{'ĐẠT' if r.ok else 'KHÔNG ĐẠT'}  {escape_controls(str(r.path))}")
            for c in r.checks:
                mark = "!" if c.warning else ("x" if c.ok else " ")
                print(f"  [{mark}] {c.name}: {escape_controls(c.detail)}")
    return 0 if all(r.ok for r in reports) else 1


def cmd_import(args: argparse.Namespace) -> int:
    """Import bundles into a reviewer database; the trust anchors given are remembered."""
    from cchc_tui.services.importer import bundles_in, import_bundle

    with _open_store(args) as store:
        prof = store.require_profile()
        ca, crl = _trust_anchors(store, args)
        failures = 0
        results = []
        paths: list[str] = []
        for b in args.bundles:  # a folder (a USB stick) stands for the bundles in it
            p = Path(b)
            paths += [str(x) for x in bundles_in(p)] if p.is_dir() else [b]
        if not paths:
            raise UserError("ui.review.import_none", dir=", ".join(args.bundles))
        bar = _Progress(len(paths), enabled=not args.json)
        counts = {"new": 0, "already": 0, "refused": 0}
        for n, b in enumerate(paths, 1):
            bar.show(n, escape_controls(Path(b).name))
            try:
                done = import_bundle(
                    store,
                    Path(b),
                    ca,
                    crl,
                    actor=prof.officer,
                    allow_stale_crl=args.allow_stale_crl,
                )
            except Exception as e:  # one bundle never stops the others
                text = (
                    e.message()
                    if isinstance(e, UserError)
                    else t("error.unexpected", detail=f"{type(e).__name__}: {e}")
                )
                failures += 1
                counts["refused"] += 1
                results.append({"path": b, "ok": False, "message": text})
                bar.clear()
                if not args.json:
                    print(f"{t('error.prefix')}: {escape_controls(text)}", file=sys.stderr)
                continue
            counts["already" if done.already else "new"] += 1
            bar.clear()
            r = done.report
            message = (
                t("import.already", path=b)
                if done.already
                else t(
                    "import.done",
                    path=b,
                    agency=r.agency_code,
                    period=r.period,
                    signer=r.signer.officer if r.signer else "?",
                    signed=_local_time(r.signing_time) if r.signing_time else "?",
                    received=_local_time(datetime.now(UTC)),
                )
            )
            results.append(
                {
                    "path": b,
                    "ok": True,
                    "already": done.already,
                    "bundle_id": r.bundle_id,
                    "sha256": r.sha256,
                    "stored": str(done.stored),
                    "message": message,
                    "warnings": r.warnings,
                }
            )
            if not args.json:
                print(escape_controls(message))
                for w in r.warnings:
                    print(f"  {t('warning.prefix')}: {escape_controls(w)}", file=sys.stderr)
    if args.json:
        _emit_json(results)
    elif len(paths) > 1:
        print(t("import.summary", **counts))
    return 1 if failures else 0


def _local_time(when: datetime) -> str:
    from cchc_tui.core.dates import local_time

    return local_time(when)


class _Progress:
    """`[12/111] 11% name` on one line of the terminal, redrawn; nothing when not a terminal."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and sys.stderr.isatty()

    def show(self, n: int, name: str) -> None:
        if self.enabled:
            pct = n * 100 // self.total
            sys.stderr.write(f"\r\x1b[K[{n}/{self.total}] {pct:3d}% {name}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _trust_anchors(store: Any, args: argparse.Namespace) -> tuple[bytes, bytes | None]:
    """--ca/--crl, checked and remembered in the database; else what was remembered."""
    from cchc_tui.services.anchors import trust_anchors

    return trust_anchors(
        store,
        Path(args.ca) if args.ca else None,
        Path(args.crl) if args.crl else None,
        replace_ca=args.replace_ca,
    )


def cmd_review(args: argparse.Namespace) -> int:
    """The review desk: the TUI, or with --period the overview printed (or --json, files)."""
    if args.review_cmd:
        return cmd_review_action(args)
    if args.period is None:
        from cchc_tui.ui.review_app import ReviewApp

        config = args.config
        if args.lang:
            config.lang = args.lang
        if args.theme:
            config.theme = args.theme
        today = parse_date(args.today, allow_future=True) if args.today else None
        app = ReviewApp(args.db, config, today=today)
        app.run()
        return _app_ended(app)
    from cchc_tui.core.numbers import num
    from cchc_tui.core.review import expected_units, overview, ranking
    from cchc_tui.services.importer import latest_for_period

    registry = _registry()
    period = args.period.upper()
    with _open_store(args) as store:
        prof = store.require_profile()
        plan = store.load_plan(args.plan)
        if period not in [p.code for p in plan.period]:
            raise UserError(
                "report.bad_period",
                value=args.period,
                choices=", ".join(p.code for p in plan.period),
            )
        expected = {a.code for a in expected_units(registry, plan, prof.agency_code)}
        latest = latest_for_period(store, plan.id, period, expected)
        view = overview(registry, plan, prof.agency_code, period, latest)
        from cchc_tui.services.review_desk import histories, outcomes

        found = outcomes(store, plan.id, period, latest)
        sent = {  # a dropped bundle stays listed, marked (a unit whose only one was dropped too)
            code: [
                {
                    "bundle_id": b.bundle_id,
                    "signed_at": b.signing_time.isoformat() if b.signing_time else None,
                    "received_at": b.received_at.isoformat(),
                    "review_state": state,
                    "dropped": b.dropped_at is not None,
                    "dropped_at": b.dropped_at.isoformat() if b.dropped_at else None,
                    "drop_reason": b.drop_reason,
                }
                for b, state in rows
            ]
            for code, rows in histories(store, plan.id, period).items()
            if code in expected
        }
    if args.activity:
        return _per_activity(args, view, plan, args.activity)
    ranked = ranking(view, found)
    if args.xlsx:
        from cchc_tui.reports.ranking import write_ranking_xlsx

        write_ranking_xlsx(Path(args.xlsx), view, ranked)
    if args.csv:
        from cchc_tui.reports.ranking import ranking_csv

        Path(args.csv).write_text(ranking_csv(view, ranked), encoding="utf-8")
    rank_of = {r.row.agency.code: r.rank for r in ranked}

    def appraised(code: str) -> bool:
        return code in found and found[code].appraised

    if args.json:
        _emit_json(
            {
                "plan": view.plan,
                "period": view.period,
                "due": view.due.isoformat() if view.due else None,
                "expected": view.expected,
                "received": view.received,
                "on_time_rate": str(view.on_time_rate),
                "units": [
                    {
                        "code": r.agency.code,
                        "name": r.agency.name,
                        "state": r.state,
                        "days_late": r.days_late,
                        "received_at": r.received.received_at.isoformat() if r.received else None,
                        "bundles": r.received.count if r.received else 0,
                        "history": sent.get(r.agency.code, []),
                        "review_state": next(
                            (
                                h["review_state"]
                                for h in reversed(sent.get(r.agency.code, []))
                                if not h["dropped"]
                            ),
                            None,
                        ),
                        "completeness": str(r.completeness),
                        # received, but its submission cannot be read: why (else null)
                        "broken": r.broken or None,
                        "self_total": None if r.self_total is None else str(r.self_total),
                        "grade": r.grade,
                        "appraisal_total": (
                            str(found[r.agency.code].total)
                            if r.agency.code in found and found[r.agency.code].appraised
                            else None
                        ),
                        "appraisal_grade": (
                            found[r.agency.code].grade
                            if r.agency.code in found and found[r.agency.code].appraised
                            else None
                        ),
                        "rank": rank_of.get(r.agency.code),
                    }
                    for r in view.rows
                ],
            }
        )
        return 0
    print(
        t(
            "review.cli_head",
            plan=view.plan,
            period=view.period,
            due=format_date(view.due),
            received=view.received,
            expected=view.expected,
            rate=num(view.on_time_rate),
        )
    )
    _table(
        [
            t(k)
            for k in (
                "ui.review.col.rank",
                "col.code",
                "col.status",
                "ui.review.col.full",
                "ui.score.col.self",
                "ui.review.col.appraisal",
                "ui.review.col.grade",
                "col.name",
            )
        ],
        [
            [
                str(rank_of.get(r.agency.code, "")),
                r.agency.code,
                r.state_label(),
                f"{num(r.completeness)}%",
                "" if r.self_total is None else num(r.self_total),
                num(found[r.agency.code].total) if appraised(r.agency.code) else "",
                found[r.agency.code].grade if appraised(r.agency.code) else r.grade,
                r.agency.name,
            ]
            for r in view.rows
        ],
        flex=7,
    )
    return 0


def _per_activity(args: argparse.Namespace, view: Any, plan: Plan, item_id: str) -> int:
    """Which expected units carry an item (lead or coordinating) and what each reports: done,
    in progress, not started, cannot be done, no status, or nothing sent for the period."""
    from cchc_tui.core.review import per_activity

    registry = _registry()
    if all(i.id != item_id for i in plan.item):
        raise UserError("item.unknown", ref=item_id, plan=plan.id, hint="")
    found = per_activity(registry, plan, view, roles=("lead", "coordinate"))
    row = next((r for r in found if r.item.id == item_id), None)
    units: list[dict[str, Any]] = [
        {
            "code": u.agency.code,
            "name": u.agency.name,
            "role": u.role,
            "status": u.state,
            "progress": u.progress,
            **({"broken": u.note} if u.state == "broken" else {}),
        }
        for u in (row.units if row else [])
    ]
    if args.json:
        _emit_json({"activity": item_id, "period": view.period, "units": units})
        return 0
    _table(
        [t("col.code"), t("col.role"), t("col.status"), "%", t("col.name")],
        [
            [
                u["code"],
                t(f"role.{u['role']}"),
                t(f"ui.review.act_long.{u['status']}"),
                "" if u["progress"] is None else str(u["progress"]),
                u["name"],
            ]
            for u in units
        ],
        flex=4,
    )
    return 0


def cmd_review_action(args: argparse.Namespace) -> int:
    from cchc_tui.services import review_desk as rs

    registry = _registry()
    if not args.period:
        raise UserError("report.bad_period", value="", choices="Q1, 6T, Q3, NAM")
    with _open_store(args) as store:
        prof = store.require_profile()
        plan = store.load_plan(args.plan)
        if args.review_cmd == "drop":
            return _review_drop(args, store, registry, prof, plan)
        agency = _agency_arg(registry, args.agency)
        bundle = rs.latest_bundle(store, agency.code, plan.id, args.period.upper())
        if args.review_cmd == "state":
            rs.set_state(store, bundle, args.state, actor=prof.officer)
        elif args.review_cmd == "comment":
            rs.add_comment(store, bundle, args.target, args.text, actor=prof.officer)
        elif args.review_cmd == "appraise":
            value = rs.appraise(
                store, bundle, args.code, args.points, round_=args.round, actor=prof.officer
            )
            from cchc_tui.core.numbers import num
            from cchc_tui.services.importer import latest_for_period

            got = latest_for_period(store, plan.id, bundle.period, {agency.code})
            found = rs.outcomes(store, plan.id, bundle.period, got).get(agency.code)
            if found is None:  # cannot happen once appraise accepted the set; said plainly
                print(t("review.saved"))
                return 0
            print(
                t(
                    "review.appraised",
                    code=args.code,
                    round=args.round,
                    points=num(value),
                    agency=agency.code,
                    total=num(found.total),
                    percent=num(found.totals.percent),
                    grade=found.grade,
                )
            )
            return 0
        else:  # receipt
            from cchc_tui.services.receipts import write_receipt

            out = write_receipt(
                store, bundle, Path(args.out), _passphrase(args, "PKCS#12"), actor=prof.officer
            )
            print(t("receipt.written", path=out))
            return 0
    print(t("review.saved"))
    return 0


def _review_drop(
    args: argparse.Namespace, store: Any, registry: Registry, prof: Any, plan: Plan
) -> int:
    """`review --period P drop BUNDLE [--reason TEXT]`: BUNDLE is a received bundle's id (or its
    first 8 characters or more), or an agency's code for its latest bundle that counts."""
    from cchc_tui.services import review_desk as rs

    period = args.period.upper()
    bundle = rs.find_bundle(store, plan.id, period, args.bundle)
    if bundle is None:
        agency = registry.find(args.bundle)
        if agency is None:
            raise UserError("review.drop_unknown", ref=args.bundle, period=period)
        bundle = rs.latest_bundle(store, agency.code, plan.id, period)
    kept = rs.drop_bundle(store, bundle, args.reason or "", actor=prof.officer)
    if args.json:
        _emit_json(
            {
                "bundle_id": bundle.bundle_id,
                "agency": bundle.agency_code,
                "period": bundle.period,
                "dropped": True,
                "kept": str(kept),
                "reason": args.reason or "",
            }
        )
    else:
        print(
            t(
                "review.dropped",
                id=bundle.bundle_id,
                agency=bundle.agency_code,
                period=bundle.period,
                path=kept,
            )
        )
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from cchc_tui.services.receipts import import_receipt

    with _open_store(args) as store:
        if args.receipt_cmd == "import":
            ca, crl = _trust_anchors(store, args)
            if not args.file:
                raise UserError("receipt.no_file")
            receipt, new = import_receipt(
                store,
                Path(args.file),
                ca,
                crl,
                registry=_registry(),
                stale_crl_ok=args.allow_stale_crl,
            )
            c = receipt.content
            if args.json:
                _emit_json(c | {"signer": receipt.signer.officer, "new": new})
                return 0
            print(
                t(
                    "receipt.imported",
                    state=t(f"ui.review.rstate.{c['state']}"),
                    comments=len(c.get("comments", [])),
                    signer=receipt.signer.officer,
                )
                if new
                else t("receipt.already")
            )
            return 0
        from cchc_tui.services.receipts import received_receipts

        data = received_receipts(store)
    if args.json:
        _emit_json(data)
    else:
        for d in data:
            state = t(f"ui.review.rstate.{d['state']}")
            print(f"{d['bundle_id']} · {d['period']} · {state} · {d['signer']}")
            for c in d.get("comments", []):
                print(f"  [{c['target']}] {c['text']}")
            for code, rounds in d.get("appraisal", {}).items():
                print(
                    f"  {code}: "
                    + ", ".join(f"{t('ui.review.round')} {k}: {v}" for k, v in rounds.items())
                )
    return 0


# -- the parser -------------------------------------------------------------------------------


def _trust_arguments(sp: argparse.ArgumentParser) -> None:
    """What a command that takes in signed files (bundles, receipts) is checked against."""
    sp.add_argument("--ca", help="chứng thư CA (PEM); được ghi nhớ")
    sp.add_argument("--crl", help="danh sách thu hồi (PEM); được ghi nhớ")
    sp.add_argument(
        "--allow-stale-crl",
        action="store_true",
        help="vẫn nhận khi danh sách thu hồi đã quá hạn nextUpdate",
    )
    sp.add_argument(
        "--replace-ca",
        action="store_true",
        help="thay CA đã ghi nhớ bằng CA của --ca (khi Sở Nội vụ đổi CA)",
    )


def build_parser() -> Parser:
    p = Parser(
        prog="cchc",
        description="cchc-tui: theo dõi Kế hoạch CCHC và tự đánh giá Chỉ số CCHC, ngoại tuyến.",
    )
    p.add_argument("--version", action="version", version=f"cchc-tui {__version__}")
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help="tệp cơ sở dữ liệu (mặc định: $CCHC_DB hoặc thư mục dữ liệu người dùng)",
    )
    p.add_argument(
        "--lang",
        choices=["vi", "en"],
        default=None,
        help="ngôn ngữ hiển thị (mặc định: theo tệp cấu hình, hoặc vi)",
    )
    p.add_argument(
        "--theme", choices=list(THEMES), default=None, help="giao diện; ansi-dark cho 16 màu"
    )
    p.add_argument("--today", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser)

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_: str, json_: bool = False
    ) -> Parser:
        sp: Parser = sub.add_parser(name, help=help_, description=help_)
        sp.set_defaults(func=func)
        if json_:
            sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        return sp

    sp = add("init", cmd_init, "khởi tạo cơ sở dữ liệu cho cơ quan")
    sp.add_argument("--agency", required=True, help="mã hoặc tên cơ quan (vd: 918, SNV)")
    sp.add_argument("--officer", required=True, help="họ tên cán bộ")

    sp = add("agencies", cmd_agencies, "danh mục cơ quan, đơn vị", json_=True)
    sp.add_argument("--search", help="tìm theo tên, không cần dấu (vd: binh thuy)")
    sp.add_argument("--level", choices=["city", "district", "commune"], help="lọc theo cấp")

    sp = add("plan", cmd_plan, "xem kế hoạch", json_=True)
    sp.add_argument("--plan", help="mã kế hoạch (mặc định: kế hoạch mới nhất)")
    sp.set_defaults(plan_cmd=None)
    psub = sp.add_subparsers(dest="plan_cmd", metavar="show|import", parser_class=Parser)
    show = psub.add_parser("show", help="xem một mục của kế hoạch")
    show.add_argument("item", help="mã (hd3.18a) hoặc số in (3.1)")
    show.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    imp = psub.add_parser("import", help="thêm một kế hoạch (tệp TOML) vào cơ sở dữ liệu")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true", help=argparse.SUPPRESS)

    sp = add("assigned", cmd_assigned, "các mục được giao cho cơ quan", json_=True)
    sp.add_argument("--agency", help="mã hoặc tên cơ quan (mặc định: cơ quan của CSDL)")
    sp.add_argument("--role", choices=["lead", "coordinate"], help="chỉ chủ trì / phối hợp")
    sp.add_argument("--plan", help="mã kế hoạch")
    sp.add_argument("--as-of", dest="as_of", help="tính hạn và quá hạn theo ngày này")

    sp = add("progress", cmd_progress, "cập nhật tiến độ một mục", json_=True)
    sp.add_argument("action", choices=["set"])
    sp.add_argument("item", help="mã hoặc số của mục (vd: hd3.1, 3.1)")
    sp.add_argument(
        "--status",
        required=True,
        help="chua_thuc_hien | dang_thuc_hien | hoan_thanh | khong_thuc_hien_duoc",
    )
    sp.add_argument("--progress", help="tiến độ, số nguyên 0-100 (%%)")
    sp.add_argument("--note", help="ghi chú")
    sp.add_argument("--reason", help="lý do (bắt buộc khi không thực hiện được)")
    sp.add_argument("--completed", help="ngày hoàn thành, dd/mm/yyyy")
    sp.add_argument("--plan", help="mã kế hoạch")

    sp = add("evidence", cmd_evidence, "tài liệu kiểm chứng")
    esub = sp.add_subparsers(
        dest="evidence_cmd", metavar="add|list", parser_class=Parser, required=True
    )
    ea = esub.add_parser("add", help="thêm tài liệu kiểm chứng")
    ea.add_argument("--number", required=True, help="số, ký hiệu (vd: 12/KH-UBND)")
    ea.add_argument("--date", required=True, help="ngày ban hành, dd/mm/yyyy")
    ea.add_argument("--issuer", required=True, help="cơ quan ban hành")
    ea.add_argument("--title", required=True, help="trích yếu")
    ea.add_argument("--type", help="loại văn bản (mặc định: theo ký hiệu)")
    ea.add_argument("--file", help="tệp đính kèm (được sao vào thư mục quản lý)")
    ea.add_argument("--item", action="append", help="mục liên quan (lặp lại được)")
    ea.add_argument("--plan", help="mã kế hoạch")
    ea.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    el = esub.add_parser("list", help="danh sách tài liệu kiểm chứng")
    el.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    sp = add("db", cmd_db, "kiểm tra cơ sở dữ liệu", json_=True)
    sp.add_argument("action", choices=["check"])

    sp = add("history", cmd_history, "nhật ký thay đổi", json_=True)
    sp.add_argument("item", nargs="?", help="chỉ nhật ký của mục này")
    sp.add_argument("--plan", help="mã kế hoạch")

    sp = add("criteria", cmd_criteria, "bộ tiêu chí Chỉ số CCHC", json_=True)
    sp.set_defaults(criteria_cmd=None)
    csub = sp.add_subparsers(dest="criteria_cmd", metavar="list|import", parser_class=Parser)
    csub.add_parser("list", help="các bộ tiêu chí đang có")
    ci = csub.add_parser("import", help="thêm bộ tiêu chí (tệp TOML)")
    ci.add_argument("file")

    sp = add("score", cmd_score, "tự chấm điểm Chỉ số CCHC", json_=True)
    sp.add_argument("--set", help="mã bộ tiêu chí (mặc định: bộ chính thức, hoặc bộ mẫu)")
    sp.add_argument("--plan", help="mã kế hoạch")
    sp.add_argument("--xlsx", help="ghi bảng chấm điểm ra tệp .xlsx")
    sp.set_defaults(score_cmd=None)
    ssub = sp.add_subparsers(dest="score_cmd", metavar="set|finalise|reopen", parser_class=Parser)
    ss = ssub.add_parser("set", help="ghi điểm tự chấm của một tiêu chí thành phần")
    ss.add_argument("code")
    ss.add_argument("--points", help="điểm (vd: 0,5)")
    ss.add_argument("--suggested", action="store_true", help="lấy theo điểm gợi ý")
    ss.add_argument("--reason", help="lý do khi khác điểm gợi ý")
    ss.add_argument("--note", help="giải trình khi không có TLKC")
    ss.add_argument("--evidence", type=int, action="append", help="số # của TLKC (lặp lại được)")
    ssub.add_parser("finalise", help="chốt điểm")
    ssub.add_parser("reopen", help="mở lại để sửa")

    sp = add("report", cmd_report, "ghi ngày gửi báo cáo định kỳ")
    sp.add_argument("action", choices=["set"])
    sp.add_argument("period", help="Q1 | 6T | Q3 | NAM")
    sp.add_argument("--date", required=True, help="ngày gửi, dd/mm/yyyy")
    sp.add_argument("--plan", help="mã kế hoạch")

    sp = add("indicator", cmd_indicator, "chỉ tiêu của kế hoạch: xem, ghi giá trị", json_=True)
    sp.add_argument("action", choices=["set", "list"])
    sp.add_argument("indicator", nargs="?", help="mã chỉ tiêu (xem cchc indicator list)")
    sp.add_argument("--value", help="giá trị (%%)")
    sp.add_argument("--num", help="tử số")
    sp.add_argument("--den", help="mẫu số")
    sp.add_argument("--evidence", type=int, help="số # của TLKC")
    sp.add_argument("--plan", help="mã kế hoạch")

    sp = add("pki", cmd_pki, "CA ngoại tuyến của Sở Nội vụ: tạo CA, cấp, thu hồi, CRL")
    psub2 = sp.add_subparsers(
        dest="pki_cmd", metavar="init-ca|issue|revoke|crl", parser_class=Parser, required=True
    )
    for name, help_ in (
        ("init-ca", "tạo CA"),
        ("issue", "cấp chứng thư .p12 cho cán bộ"),
        ("revoke", "thu hồi chứng thư"),
        ("crl", "xuất danh sách thu hồi"),
    ):
        x = psub2.add_parser(name, help=help_)
        x.add_argument("--dir", required=True, help="thư mục CA")
        x.add_argument("--passphrase-file", help="tệp chứa mật khẩu khóa CA")
        if name == "issue":
            x.add_argument("--agency", required=True)
            x.add_argument("--officer", required=True)
            x.add_argument(
                "--role",
                choices=["officer", "reviewer"],
                default="officer",
                help="officer: ký hồ sơ (mặc định); reviewer: ký phiếu thẩm định",
            )
            x.add_argument("--out", required=True, help="tệp .p12")
            x.add_argument("--p12-passphrase-file", help="tệp chứa mật khẩu của tệp .p12")
        if name == "revoke":
            x.add_argument("serial", help="số sê-ri (hex)")
        if name == "crl":
            x.add_argument("--out", required=True)

    sp = add("key", cmd_key, "nhập chứng thư ký số (.p12) của cán bộ")
    sp.add_argument("action", choices=["import"])
    sp.add_argument("file")
    sp.add_argument("--passphrase-file", help="tệp chứa mật khẩu")

    sp = add("export", cmd_export, "xuất hồ sơ có chữ ký gửi Sở Nội vụ", json_=True)
    sp.add_argument("--period", required=True, help="Q1 | 6T | Q3 | NAM")
    sp.add_argument("--out", default=".", help="thư mục (vd ổ USB)")
    sp.add_argument("--plan", help="mã kế hoạch")
    sp.add_argument("--passphrase-file", help="tệp chứa mật khẩu")

    sp = add("verify", cmd_verify, "kiểm tra hồ sơ: an toàn, toàn vẹn, chữ ký, CA, CRL", json_=True)
    sp.add_argument("bundles", nargs="+")
    sp.add_argument("--ca", help="chứng thư CA (PEM)")
    sp.add_argument("--crl", help="danh sách thu hồi (PEM)")

    sp = add("import", cmd_import, "nhận hồ sơ vào CSDL của người thẩm định", json_=True)
    sp.add_argument("bundles", nargs="+")
    _trust_arguments(sp)

    sp = add("review", cmd_review, "tổng hợp hồ sơ đã nhận của một kỳ, xếp hạng", json_=True)
    sp.add_argument("--period", help="Q1 | 6T | Q3 | NAM (không có: mở ứng dụng thẩm định)")
    sp.add_argument("--plan", help="mã kế hoạch")
    sp.add_argument("--xlsx", help="ghi bảng xếp hạng ra tệp .xlsx")
    sp.add_argument("--csv", help="ghi bảng xếp hạng ra tệp .csv")
    sp.add_argument("--activity", help="một hoạt động trên toàn thành phố (vd hd3.8)")
    sp.set_defaults(review_cmd=None)
    rsub = sp.add_subparsers(
        dest="review_cmd", metavar="state|comment|appraise|receipt|drop", parser_class=Parser
    )
    for name, help_ in (
        ("state", "trạng thái thẩm định của hồ sơ"),
        ("comment", "nhận xét (không sửa được)"),
        ("appraise", "điểm thẩm định một tiêu chí thành phần"),
        ("receipt", "ký phiếu thẩm định gửi lại cơ quan"),
        ("drop", "loại bỏ một hồ sơ đã nhận (không còn được tính; tệp được giữ lại)"),
    ):
        x = rsub.add_parser(name, help=help_)
        if name == "drop":
            x.add_argument("bundle", help="mã hồ sơ (hoặc 8 ký tự đầu trở lên), hoặc mã cơ quan")
            x.add_argument("--reason", help="lý do loại bỏ")
            x.add_argument(  # also before "drop" (review --json): not overwritten when absent
                "--json", action="store_true", default=argparse.SUPPRESS, help="in dạng JSON"
            )
            continue
        x.add_argument("agency")
        if name == "state":
            x.add_argument(
                "--state", required=True, help="da_nhan | can_bo_sung | da_duyet | khong_duyet"
            )
        if name == "comment":
            x.add_argument("--target", default="general", help="general | item:MÃ | criterion:MÃ")
            x.add_argument("--text", required=True)
        if name == "appraise":
            x.add_argument("code")
            x.add_argument("--points", required=True)
            x.add_argument("--round", type=int, default=1, choices=(1, 2))
        if name == "receipt":
            x.add_argument("--out", required=True)
            x.add_argument("--passphrase-file")

    sp = add("receipt", cmd_receipt, "phiếu thẩm định của Sở Nội vụ: nhận, xem", json_=True)
    sp.add_argument("receipt_cmd", choices=["import", "list"])
    sp.add_argument("file", nargs="?")
    _trust_arguments(sp)

    sp = add("demo", cmd_demo, "mở bản thử với dữ liệu mẫu của Quận Bình Thủy", json_=True)
    sp.add_argument("--print", action="store_true", help="chỉ in danh sách, không mở ứng dụng")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # the language must be known before argparse can complain
    if "--lang" in argv:
        i = argv.index("--lang")
        if i + 1 < len(argv) and argv[i + 1] in ("vi", "en"):
            set_language(argv[i + 1])
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.config = load_config()
    except UserError as e:
        print(f"{t('error.prefix')}: {e.message()}", file=sys.stderr)
        return e.exit_code
    set_language(args.lang or args.config.lang)
    if args.db is None:
        args.db = default_db_path()
    func = getattr(args, "func", None) or cmd_tui
    try:
        return int(func(args))
    except UserError as e:
        print(f"{t('error.prefix')}: {e.message()}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print(t("error.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug: still one sentence; CCHC_DEBUG=1 shows the traceback
        if os.environ.get("CCHC_DEBUG"):
            raise
        detail = f"{type(e).__name__}: {e}"
        print(f"{t('error.prefix')}: {t('error.unexpected', detail=detail)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
