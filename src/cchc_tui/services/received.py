"""Bundles as the review desk keeps them: where received bundles live on its disk, and a
received bundle's submission read back through the schema (shared by import and review)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date
from functools import lru_cache
from pathlib import Path

from cchc_tui.core.dates import local_day
from cchc_tui.core.i18n import t
from cchc_tui.core.review import Received
from cchc_tui.core.submission import Submission, SubmissionError, parse_submission
from cchc_tui.core.text import escape_controls
from cchc_tui.store.models import ReceivedBundle
from cchc_tui.store.review import ReviewStore
from cchc_tui.store.service import Store


def bundles_dir(store: Store) -> Path:
    return store.path.with_name(store.path.name + ".bundles")


@lru_cache(maxsize=256)
def _parsed_submission(data: bytes) -> Submission | SubmissionError:
    """The schema check of a stored submission, once per content: the review desk reads every
    unit's submission at each refresh, and the same bytes always give the same answer (the
    models are frozen, so sharing one is safe); a file changed on disk is other bytes."""
    try:
        return parse_submission(data)
    except SubmissionError as e:
        return e


def stored_submission(row: ReceivedBundle) -> tuple[Submission | None, str]:
    """A received bundle's data/submission.json as the reviewer's disk holds it now, read
    through the schema, and of the agency, plan and period the bundle was received for; else
    None and why (a file changed on this disk, or an import older than the schema): the
    unit is then shown broken, never an overview that fails."""
    path = Path(row.stored_path) / "data" / "submission.json"
    try:
        data = path.read_bytes()
    except OSError:
        return None, t("review.broken_missing")
    sub = _parsed_submission(data)
    if isinstance(sub, SubmissionError):
        return None, escape_controls(str(sub))
    for label, value, expected in (
        ("agency.code", sub.agency.code, row.agency_code),
        ("plan", sub.plan, row.plan_id),
        ("period", sub.period, row.period),
    ):
        if value != expected:
            return None, t("review.broken_mismatch", label=label)
    return sub, ""


def arrival_day(row: ReceivedBundle) -> date:
    """The day a bundle arrived: the reviewer's, else the day it was imported (rows imported
    before arrival days were kept)."""
    return row.arrived_on or local_day(row.received_at.replace(tzinfo=UTC))


def latest_for_period(
    store: Store, plan: str, period: str, only: Collection[str] | None = None
) -> dict[str, Received]:
    """The latest accepted bundle of each unit for a plan and period, with its submission
    (of the units in `only`, when given: the ones this reviewer expects)."""
    rows = ReviewStore(store).in_period(plan, period, dropped_too=False)
    counts: dict[str, int] = {}
    latest: dict[str, ReceivedBundle] = {}
    first: dict[str, ReceivedBundle] = {}
    for r in rows:
        counts[r.agency_code] = counts.get(r.agency_code, 0) + 1
        latest[r.agency_code] = r
        first.setdefault(r.agency_code, r)
    out = {}
    for code, r in latest.items():
        if only is not None and code not in only:
            continue
        submission, broken = stored_submission(r)
        out[code] = Received(
            code,
            r.bundle_id,
            r.received_at.replace(tzinfo=UTC),
            r.signing_time,
            submission,
            counts[code],
            broken,
            arrived_on=arrival_day(first[code]),
            arrival_note=first[code].arrival_note,
            first_bundle_id=first[code].bundle_id,
        )
    return out
