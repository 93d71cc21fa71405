"""`cchc review --period P …` actions that write through the review services: appraisal and
its corrections, a receipt (numbered, listed, issued again) and every pending receipt at once."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cchc_tui.cli.common import _passphrase
from cchc_tui.core import labels
from cchc_tui.core.agencies import Registry
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Plan


def _appraise(
    args: argparse.Namespace, store: Any, bundle: Any, agency: str, plan: Plan, actor: str
) -> int:
    """`appraise AGENCY CODE --round N (--points P [--reason R] | --withdraw --reason R)` and
    `accept AGENCY SCOPE --round N`; then the agency's appraised total."""
    from cchc_tui.core.numbers import num
    from cchc_tui.services import appraising
    from cchc_tui.services import review_desk as rs
    from cchc_tui.services.received import latest_for_period

    if args.review_cmd == "accept":
        codes = appraising.accept_self(store, bundle, args.scope, round_=args.round, actor=actor)
        print(t("review.accepted", count=len(codes), scope=args.scope, round=args.round))
    elif args.withdraw:
        was = appraising.withdraw(
            store, bundle, args.code, round_=args.round, reason=args.reason or "", actor=actor
        )
        print(t("review.withdrawn", code=args.code, round=args.round, points=num(was)))
    else:
        if args.points is None:
            raise UserError("review.points_needed")
        value = appraising.appraise(
            store,
            bundle,
            args.code,
            args.points,
            round_=args.round,
            actor=actor,
            reason=args.reason or "",
        )
    got = latest_for_period(store, plan.id, bundle.period, {agency})
    found = rs.outcomes(store, plan.id, bundle.period, got).get(agency)
    if args.review_cmd == "appraise" and not args.withdraw:
        if found is None:  # cannot happen once appraise accepted the set; said plainly
            print(t("review.appraised_one", code=args.code, round=args.round, points=num(value)))
            return 0
        print(
            t(
                "review.appraised",
                code=args.code,
                round=args.round,
                points=num(value),
                agency=agency,
                total=num(found.total),
                percent=num(found.totals.percent),
                grade=found.grade,
            )
        )
    elif found is not None:
        print(
            t(
                "review.appraised_total",
                agency=agency,
                total=num(found.total),
                percent=num(found.totals.percent),
                grade=found.grade,
            )
        )
    return 0


def _receipts(
    args: argparse.Namespace, store: Any, registry: Registry, plan: Plan, prof: Any
) -> int:
    """`receipts --out FOLDER`: every pending receipt of the period signed in one go."""
    from cchc_tui.core.review import expected_units
    from cchc_tui.services import receipts

    period = args.period.upper()
    agencies = [a.code for a in expected_units(registry, plan, prof.agency_code)]
    rows = receipts.sign_pending(
        store,
        plan.id,
        period,
        agencies,
        Path(args.out),
        _passphrase(args, "PKCS#12"),
        actor=prof.officer,
    )
    for row in rows:
        state = t(labels.RECEIPT_STATE[row.state])
        print(t("receipt.written_numbered", number=row.number, state=state, path=row.file))
    print(
        t("receipts.signed_all", count=len(rows), path=args.out)
        if rows
        else t("receipts.none_pending", period=period)
    )
    return 0


def _receipt(args: argparse.Namespace, store: Any, bundle: Any, actor: str) -> int:
    """`receipt AGENCY --out DIR|FILE` signs the next numbered receipt; `--reissue N` writes
    receipt N again as signed; `--list` lists those signed."""
    from cchc_tui.core.dates import local_time
    from cchc_tui.services import receipts

    period, agency = bundle.period, bundle.agency_code
    if args.list:
        for r in receipts.issued_receipts(store, agency, bundle.plan_id, period):
            state = t(labels.RECEIPT_STATE[r.state])
            print(f"{r.number:>3} · {local_time(r.at)} · {state} · {r.by} · {r.file}")
        return 0
    if not args.out:
        raise UserError("receipt.no_out")
    if args.reissue is not None:
        row, path = receipts.reissue_receipt(
            store, agency, bundle.plan_id, period, args.reissue, Path(args.out), actor=actor
        )
        print(t("receipt.reissued", number=row.number, when=local_time(row.at), path=path))
        return 0
    row = receipts.write_receipt(
        store, bundle, Path(args.out), _passphrase(args, "PKCS#12"), actor=actor
    )
    state = t(labels.RECEIPT_STATE[row.state])
    print(t("receipt.written_numbered", number=row.number, state=state, path=row.file))
    return 0
