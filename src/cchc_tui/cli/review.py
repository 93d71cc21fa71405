"""Sở Nội vụ's review desk on the command line: review, its actions, drops, receipts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cchc_tui.cli import common
from cchc_tui.cli.common import _agency_arg, _open_store, _registry, _trust_anchors
from cchc_tui.cli.officer import _app_ended
from cchc_tui.cli.output import _emit_json, _table
from cchc_tui.cli.review_actions import _appraise, _receipt, _receipts
from cchc_tui.core import labels
from cchc_tui.core.agencies import Registry
from cchc_tui.core.comments import target_label
from cchc_tui.core.dates import format_date, parse_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Plan


def cmd_review(args: argparse.Namespace) -> int:
    """The review desk: the TUI, or with --period the overview printed (or --json, files)."""
    if args.review_cmd:
        return cmd_review_action(args)
    if args.period is None:
        for given, name in (
            (args.xlsx, "--xlsx"),
            (args.csv, "--csv"),
            (args.activity, "--activity"),
            (args.reminders, "--reminders"),
            (args.json, "--json"),
        ):
            if given:  # said, never ignored for the app
                raise common.UsageError("review.needs_period", option=name)
        common.require_terminal()
        from cchc_tui.ui.review.app import ReviewApp

        config = args.config
        if args.lang:
            config.lang = args.lang
        if args.theme:
            config.theme = args.theme
        today = parse_date(args.as_of, allow_future=True) if args.as_of else None
        app = ReviewApp(args.db, config, today=today)
        app.run()
        return _app_ended(app)
    from cchc_tui.core.numbers import num, share
    from cchc_tui.core.review import ranking

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
        from cchc_tui.services.review_desk import histories, period_view

        got = period_view(store, registry, plan, prof.agency_code, period)
        view, found, expected = got.overview, got.outcomes, got.expected
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
    for out in (args.xlsx, args.csv):  # one writer: a BOM and CRLF rows in a CSV, for Excel
        if out:
            from cchc_tui.reports.ranking import write_ranking

            write_ranking(Path(out), view, ranked, plan)
    if args.reminders:
        from cchc_tui.reports.reminders import write_reminders

        count = write_reminders(Path(args.reminders), view, plan)
        print(t("reminders.written", count=count, path=args.reminders), file=sys.stderr)
    rank_of = {r.row.agency.code: r.rank for r in ranked}
    group_of_code = {r.row.agency.code: r.group for r in ranked}

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
                        "completeness": _completeness_json(r),
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
                        # in its group (docs/review-desk.md); null: not ranked, or apart
                        "rank": rank_of.get(r.agency.code),
                        "rank_group": group_of_code.get(r.agency.code),
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
                "ui.review.col.lead",
                "ui.review.col.backed",
                "ui.score.col.self",
                "ui.review.col.appraisal",
                "ui.review.col.grade",
                "col.name",
            )
        ],
        [
            [
                str(rank_of.get(r.agency.code) or ""),
                r.agency.code,
                r.state_label(),
                share(r.full.lead_share),
                share(r.full.backed_share),
                "" if r.self_total is None else num(r.self_total),
                num(found[r.agency.code].total) if appraised(r.agency.code) else "",
                found[r.agency.code].grade if appraised(r.agency.code) else r.grade,
                r.agency.name,
            ]
            for r in view.rows
        ],
        flex=8,
    )
    return 0


def _completeness_json(row: Any) -> dict[str, Any]:
    """The three completeness figures (docs/review-desk.md), with what they are made of."""
    full = row.full

    def text(value: Any) -> str | None:
        return None if value is None else str(value)

    return {
        "lead_items": full.lead_items,
        "lead_settled": full.lead_settled,
        "lead_percent": text(full.lead_share),
        "scored": full.scored,
        "scored_backed": full.scored_backed,
        "backed_percent": text(full.backed_share),
        "documents": full.documents,
        "documents_per_point": text(full.documents_per_point),
    }


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
                t(labels.ROLE[u["role"]]),
                t(labels.REVIEW_ACT_LONG[u["status"]]),
                "" if u["progress"] is None else str(u["progress"]),
                u["name"],
            ]
            for u in units
        ],
        flex=4,
    )
    return 0


def _received_report(args: argparse.Namespace, bundle: Any, agency: str) -> int:
    """`cchc review report AGENCY --period P --out F.docx`: the agency's period report, as its
    latest bundle carries it, written out (atomically) to be opened in Word."""
    from cchc_tui.core.text import unquote_path
    from cchc_tui.reports.report_docx import write_docx_bytes
    from cchc_tui.services.received_report import received_report

    data = received_report(bundle)
    out = Path(unquote_path(args.out))
    write_docx_bytes(data, out)
    print(t("review.report_written", agency=agency, id=bundle.bundle_id[:12], path=out))
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
        if args.review_cmd == "receipts":
            return _receipts(args, store, registry, plan, prof)
        agency = _agency_arg(registry, args.agency)
        if args.review_cmd == "arrived":
            first = rs.first_bundle(store, agency.code, plan.id, args.period.upper())
            row = rs.set_arrival(store, first, args.date, args.note, actor=prof.officer)
            note = f" ({row.arrival_note})" if row.arrival_note else ""
            print(
                t(
                    "review.arrival_set",
                    agency=agency.code,
                    id=row.bundle_id[:12],
                    date=format_date(row.arrived_on),
                    note=note,
                )
            )
            return 0
        bundle = rs.latest_bundle(store, agency.code, plan.id, args.period.upper())
        if args.review_cmd == "report":
            return _received_report(args, bundle, agency.code)
        if args.review_cmd == "state":
            rs.set_state(store, bundle, args.state, actor=prof.officer, reason=args.reason or "")
            print(
                t("review.state_set", agency=agency.code, state=t(labels.RECEIPT_STATE[args.state]))
            )
            return 0
        if args.review_cmd == "comment":
            if args.withdraw is not None:
                rs.withdraw_comment(
                    store, bundle, args.withdraw, args.reason or "", actor=prof.officer
                )
                print(t("review.comment_withdrawn", target=args.withdraw))
                return 0
            if args.text is None:
                raise UserError("review.empty_comment")
            stored = rs.add_comment(store, bundle, args.target, args.text, actor=prof.officer)
            print(t("review.comment_saved", target=target_label(stored, plan)))
            return 0
        if args.review_cmd in ("appraise", "accept"):
            return _appraise(args, store, bundle, agency.code, plan, prof.officer)
        return _receipt(args, store, bundle, prof.officer)


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
                    state=t(labels.RECEIPT_STATE[c["state"]]),
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
            state = t(labels.RECEIPT_STATE[d["state"]])
            print(f"{d['bundle_id']} · {d['period']} · {state} · {d['signer']}")
            for c in d.get("comments", []):
                print(f"  [{c['target']}] {c['text']}")
            for code, rounds in d.get("appraisal", {}).items():
                print(
                    f"  {code}: "
                    + ", ".join(f"{t('ui.review.round')} {k}: {v}" for k, v in rounds.items())
                )
    return 0
