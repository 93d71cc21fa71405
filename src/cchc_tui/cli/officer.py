"""The officer's commands: init, agencies, assigned, progress, evidence, db, history, tui,
demo (the plan's own commands are in plan.py)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_tui.cli import common
from cchc_tui.cli.common import (
    EXIT_CRASH,
    _agency_arg,
    _item_arg,
    _open_store,
    _plan_text,
    _registry,
    _today,
)
from cchc_tui.cli.output import _emit_json, _table
from cchc_tui.core import labels
from cchc_tui.core.dates import format_date, parse_date
from cchc_tui.core.i18n import t
from cchc_tui.core.numbers import parse_progress
from cchc_tui.core.plan import Plan
from cchc_tui.core.progress import parse_status, status_label

if TYPE_CHECKING:
    from cchc_tui.store.reader import Reader


def cmd_init(args: argparse.Namespace) -> int:
    registry = _registry()
    agency = _agency_arg(registry, args.agency)
    store = _open_store(args, create=True)
    with store:
        from cchc_tui.services.setup import set_up_agency

        set_up_agency(store, agency, args.officer)
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
            t(labels.LEVEL[a.level]),
            registry.agencies[a.parent].name if a.parent in registry.agencies else "",
        ]
        for a in agencies
    ]
    _table([t("col.code"), t("col.name"), t("col.level"), t("col.parent")], rows, flex=1)
    return 0


def cmd_assigned(args: argparse.Namespace) -> int:
    registry = _registry()
    db: Path = args.db
    if db.exists():
        with common._open_reader(args) as reader:
            prof = reader.require_profile()
            agency = (
                _agency_arg(registry, args.agency)
                if args.agency
                else registry.agencies[prof.agency_code]
            )
            plan = reader.load_plan(args.plan)
            today = _today(args, plan)
            rows = reader.assigned_status(plan, registry, agency.code, today)
    else:
        if not args.agency:
            from cchc_tui.store.errors import StoreError

            raise StoreError("db.missing", path=db)
        from cchc_tui.core.assignment import assigned_items
        from cchc_tui.core.tracking import status_row

        agency = _agency_arg(registry, args.agency)
        plan = Plan.from_trusted_toml(_plan_text())
        today = _today(args, plan)
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
                        "milestones": [
                            {"due": m.due.isoformat(), "state": m.state} for m in r.milestones
                        ],
                        "condition": r.item.condition or None,
                        "condition_state": r.condition,
                        "condition_doc": r.condition_doc,
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
            t(labels.ROLE[r.role]),
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
    from cchc_tui.services.officer_desk import Context

    with _open_store(args) as store:
        desk = Context.on_store(store, registry, args.plan)
        item = _item_arg(desk.plan, args.item)
        values = desk.set_progress(
            item.id,
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


def cmd_condition(args: argparse.Namespace) -> int:
    """`cchc condition ITEM co|khong|bo [--doc …] [--note …]`: whether an item's condition
    ("khi có Nghị quyết …") happened, with the document it rests on."""
    from cchc_tui.core.milestones import parse_condition
    from cchc_tui.services.officer_desk import Context

    state = parse_condition(args.state)
    registry = _registry()
    with _open_store(args) as store:
        desk = Context.on_store(store, registry, args.plan)
        item = _item_arg(desk.plan, args.item)
        desk.set_condition(item.id, state, document=args.doc or "", note=args.note or "")
    key = {None: "condition.saved_clear", "xay_ra": "condition.saved_yes"}.get(
        state, "condition.saved_no"
    )
    if args.json:
        _emit_json({"id": item.id, "condition": item.condition, "state": state, "doc": args.doc})
    else:
        print(t(key, item=item.number, condition=item.condition, doc=args.doc or ""))
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
    from cchc_tui.services.officer_desk import Context

    with _open_store(args) as store:
        desk = Context.on_store(store, _registry(), args.plan)
        keys = [_item_arg(desk.plan, ref).id for ref in args.item or []]
        saved = desk.add_evidence(
            number=args.number,
            doc_date=args.date,
            issuer=args.issuer,
            title=args.title,
            doc_type=args.type,
            file=Path(args.file) if args.file else None,
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


def run_tui(
    args: argparse.Namespace, db: Path, today: date | None = None, reader: Reader | None = None
) -> int:
    """Open the officer's app (Textual is imported only here: the CLI stays quick); ``reader``:
    the database already opened and checked, not opened a second time."""
    from cchc_tui.ui.officer.app import CchcApp

    config = args.config
    if args.theme:
        config.theme = args.theme
    if args.lang:
        config.lang = args.lang
    app = CchcApp(db, config, today=today, reader=reader)
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

    today = parse_date(args.as_of, allow_future=True) if args.as_of else None
    db: Path = args.db
    reader: Reader | None = None
    if db.exists():
        # a damaged, foreign or newer file is said here, in one sentence, before the app opens
        with contextlib.suppress(NeedsUpgrade):  # an older one: the app upgrades it
            reader = Reader.open_current(db)
    common.require_terminal()
    return run_tui(args, db, today, reader)


def cmd_demo(args: argparse.Namespace) -> int:
    from cchc_tui.demo import DEMO_AGENCY, DEMO_TODAY, build_demo

    registry = _registry()
    folder = Path(tempfile.mkdtemp(prefix="cchc-demo-"))
    path = folder / "demo.sqlite"
    store, _plan = build_demo(path, _plan_text(), registry)
    store.close()
    said = t("demo.created", path=path, agency=registry.agencies[DEMO_AGENCY].name)
    if not (args.json or args.print):
        common.require_terminal()
        code = run_tui(args, path, DEMO_TODAY)
        print(said)  # once the app is closed: where the demo's data is, to open it again
        return code
    print(said)
    args.db = path
    args.agency = None
    args.role = None
    args.plan = None
    args.as_of = DEMO_TODAY.isoformat()
    return cmd_assigned(args)
