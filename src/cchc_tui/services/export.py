"""Export (officer): pre-flight checks, the submission's content from the store, the signed
bundle, and the record of the export (for the supersedes chain)."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cchc_tui import __version__
from cchc_tui.bundle.bag import Built, BundleSpec, PayloadFile, publish, write_bundle
from cchc_tui.bundle.pki import Identity, identity, load_p12, write_atomic
from cchc_tui.bundle.trust import check_own_key
from cchc_tui.core.agencies import Registry
from cchc_tui.core.criteria import SET_LEVEL
from cchc_tui.core.dates import local_day
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Plan
from cchc_tui.core.scoring import score
from cchc_tui.core.submission import (
    EVIDENCE_EXT,
    Submission,
    SubmissionError,
    build_submission,
)
from cchc_tui.core.text import mid_sentence
from cchc_tui.services.anchors import remembered_anchors
from cchc_tui.store.exchange import ChainForked, ExchangeStore
from cchc_tui.store.models import BundleExport
from cchc_tui.store.service import Store

PERIODS = ("Q1", "6T", "Q3", "NAM")


@dataclass
class Preflight:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # a line (error or warning) that names items: what to call them, and which (the app opens
    # the items list with exactly those)
    named: dict[str, tuple[str, list[str]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def key_path(store: Store) -> Path:
    return store.path.with_name(store.path.name + ".keys") / "signing.p12"


def import_key(store: Store, p12: Path, passphrase: bytes) -> Identity:
    """Keep a copy of the officer's PKCS#12 beside the database (the passphrase is not kept)."""
    _key, cert, _chain = load_p12(p12, passphrase)
    who = identity(cert)
    prof = store.require_profile()
    if who.agency_code != prof.agency_code:
        raise UserError("key.other_agency", cert=who.agency_code, agency=prof.agency_code)
    target = key_path(store)
    target.parent.mkdir(exist_ok=True)  # beside the database, whose folder exists
    target.parent.chmod(0o700)
    write_atomic(target, p12.read_bytes(), 0o600)
    return who


def preflight(
    store: Store, plan: Plan, registry: Registry, agency: str, today: date, period: str = ""
) -> Preflight:
    """Errors block the export; warnings do not (``period``: also whether the period report's
    words were written, and after the latest change)."""
    pre = Preflight()
    if period:
        words = store.report_words(agency, plan.id, period)
        changed = store.latest_change_at(agency)
        name = plan.period_by_code(period).name  # "Báo cáo năm", not its code "NAM"
        if words is None:
            pre.warnings.append(t("export.report_draft", report=name))
        elif changed is not None and (words["updated_at"] or changed) < changed:
            pre.warnings.append(t("export.report_words_old", report=mid_sentence(name)))
    rows = store.assigned_status(plan, registry, agency, today)
    missing = [r.item.id for r in rows if r.status is None]
    if missing:
        line = t(
            "export.no_status",
            count=len(missing),
            items=", ".join(missing[:8])
            + (t("export.and_more", count=len(missing) - 8) if len(missing) > 8 else ""),
        )
        pre.errors.append(line)
        pre.named[line] = (t("ui.items.only.no_status"), missing)
    for ev in store.list_evidence(agency):
        if not ev.file_path:
            continue
        p = store.files_dir / ev.file_path
        if not p.is_file():
            pre.errors.append(t("export.file_missing", number=ev.number, path=p))
        elif ev.size is not None and p.stat().st_size != ev.size:
            pre.errors.append(t("export.file_changed", number=ev.number, path=p))
    for held in store.criteria_ids():
        if held.level != SET_LEVEL[registry.agencies[agency].level]:
            continue
        found = store.assessment(agency, held.id)
        if found is None:
            continue
        cset = store.load_criteria(held.id)
        result = score(
            cset,
            store.scoring_inputs(plan, registry, agency, today, found.id),
            store.self_scores(found.id),
        )
        if result.blocking:
            pre.errors.append(
                t("export.scores_blocking", codes=", ".join(r.sub.code for r in result.blocking))
            )
        if not cset.official:
            pre.warnings.append(t("criteria.template_warning", id=cset.id))
    overdue = [r.item.id for r in rows if r.overdue]
    if overdue:
        line = t("export.overdue", count=len(overdue))
        pre.warnings.append(line)
        pre.named[line] = (t("ui.items.only.overdue"), overdue)
    bare = [r.item.id for r in rows if r.done and r.evidence_count == 0]
    if bare:
        line = t("export.done_no_evidence", count=len(bare))
        pre.warnings.append(line)
        pre.named[line] = (t("ui.items.only.done_no_evidence"), bare)
    return pre


def bag_suffix(stored_name: str) -> str:
    """The extension an evidence file gets in the bag (``data/evidence/<sha256>.<ext>``): the
    stored file's, lower-cased (the store keeps the source's suffix as it was given), or
    ``bin`` when it is not 1–10 letters and digits."""
    ext = Path(stored_name).suffix.lower().removeprefix(".")
    return ext if re.fullmatch(EVIDENCE_EXT, ext) else "bin"


def submission(
    store: Store, plan: Plan, registry: Registry, agency: str, period: str, today: date
) -> tuple[Submission, list[PayloadFile]]:
    """The submission of a period, built through the schema the verifier checks it with (a
    value that does not fit stops the export, naming the field), and the files it carries."""
    prof = store.require_profile()
    rows = store.assigned_status(plan, registry, agency, today)
    evidence = store.list_evidence(agency)
    files: list[PayloadFile] = []
    ev_out = []
    for e in evidence:
        bag_path: str | None = None
        if e.file_path:
            bag_path = f"data/evidence/{e.sha256}.{bag_suffix(e.file_path)}"
            if all(f.bag_path != bag_path for f in files):
                files.append(
                    PayloadFile(bag_path, store.files_dir / e.file_path, e.sha256, e.size or 0)
                )
        ev_out.append(
            {
                "id": e.id,
                "number": e.number,
                "family": e.family,
                "type": e.doc_type,
                "date": e.doc_date,
                "issuer": e.issuer,
                "title": e.title,
                "file_name": e.file_name,
                "sha256": e.sha256 or None,
                "size": e.size,
                "path": bag_path,
                "items": e.items,
            }
        )
    scores: list[dict[str, Any]] = []
    for held in store.criteria_ids():
        set_id, status = held.id, held.status
        found = store.assessment(agency, set_id)
        if found is None:
            continue
        cset = store.load_criteria(set_id)
        links = store.score_evidence(found.id)
        result = score(
            cset,
            store.scoring_inputs(plan, registry, agency, today, found.id),
            store.self_scores(found.id),
        )
        scores.append(
            {
                "set": set_id,
                "status": status,
                "finalised_at": found.finalised_at.isoformat() if found.finalised_at else None,
                "total": str(result.total),
                "max_self": str(result.max_self),
                "percent": str(result.percent),
                "grade": result.grade,
                "subs": [
                    {
                        "code": r.sub.code,
                        "suggested": None
                        if r.suggestion.points is None
                        else str(r.suggestion.points),
                        "explanation": r.suggestion.explanation,
                        "self": None if r.self_points is None else str(r.self_points),
                        "note": r.note,
                        "evidence": links.get(r.sub.code, []),
                    }
                    for r in result.subs
                ],
            }
        )
    data = {
        "agency": {"code": agency, "name": prof.agency_name},
        "officer": prof.officer,
        "plan": plan.id,
        "period": period,
        "items": [
            {
                "id": r.item.id,
                "number": r.item.number,
                "role": r.role,
                "status": r.status,
                "progress": r.progress_pct,
                "note": r.note,
                "reason": r.reason,
                "completed_on": r.completed_on,
                "evidence_count": r.evidence_count,
                "milestones": [{"due": m.due, "state": m.state} for m in r.milestones],
                "condition": r.condition,
                "condition_doc": r.condition_doc,
            }
            for r in rows
        ],
        "evidence": ev_out,
        "reports": dict(store.report_dates(agency, plan.id)),
        "indicators": {k: str(v) for k, v in store.indicator_values(agency, plan.id).items()},
        "scores": scores,
    }
    try:
        return build_submission(data), files
    except SubmissionError as e:
        raise UserError("export.bad_submission", field=e.where, detail=e.detail) from None


def audit_for(store: Store, plan: Plan, period: str) -> list[dict[str, Any]]:
    start = next((p.cutoff_start for p in plan.period if p.code == period), None)
    out = []
    for e in store.audit_entries():
        if start is not None and local_day(e.at) < start:
            continue
        out.append(
            {
                "at": e.at.isoformat(),
                "actor": e.actor,
                "action": e.action,
                "entity": e.entity,
                "key": e.entity_key,
                "changes": json.loads(e.changes),
            }
        )
    return out


def export_bundle(
    store: Store,
    registry: Registry,
    *,
    plan: Plan,
    period: str,
    out_dir: Path,
    passphrase: bytes,
    today: date | None = None,
    timestamp: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    pre: Preflight | None = None,
) -> Built:
    """Pre-flight, sign and write the bundle under a temporary name, record it, then give the
    file its name: a bundle on the stick is always one the database knows, and the other way
    round (see :func:`finish_export`)."""
    staged = prepare_export(
        store,
        registry,
        plan=plan,
        period=period,
        out_dir=out_dir,
        passphrase=passphrase,
        today=today,
        timestamp=timestamp,
        progress=progress,
        pre=pre,
    )
    return finish_export(store, staged)


@dataclass(frozen=True)
class Staged:
    """A bundle written under a temporary name in the out folder, not yet recorded or named."""

    built: Built  # its path is the temporary file
    final: Path
    agency: str
    plan_id: str
    period: str
    officer: str
    created_at: datetime
    supersedes: str  # the bundle id it names as its predecessor ("" for the first)


def prepare_export(
    store: Store,
    registry: Registry,
    *,
    plan: Plan,
    period: str,
    out_dir: Path,
    passphrase: bytes,
    today: date | None = None,
    timestamp: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    pre: Preflight | None = None,
) -> Staged:
    """Everything up to the signed zip written (and flushed) under a temporary name."""
    if period not in PERIODS:
        raise UserError("report.bad_period", value=period, choices=", ".join(PERIODS))
    prof = store.require_profile()
    today = today or date.today()
    if pre is None:  # the caller may just have run it to show the warnings
        pre = preflight(store, plan, registry, prof.agency_code, today, period)
    if not pre.ok:
        raise UserError("export.blocked", problems="\n".join(f"- {e}" for e in pre.errors))
    p12 = key_path(store)
    if not p12.exists():
        raise UserError("key.missing")
    key, cert, chain = load_p12(p12, passphrase)
    who = identity(cert)
    if who.agency_code != prof.agency_code:  # the database changed agency since (cchc profile)
        raise UserError("key.other_agency", cert=who.agency_code, agency=prof.agency_code)
    # refused here, before a bundle Sở Nội vụ would refuse
    check_own_key(cert, chain, "officer", *remembered_anchors(store), datetime.now(UTC))
    if not out_dir.is_dir():
        raise UserError("export.no_out_dir", path=out_dir)
    data, files = submission(store, plan, registry, prof.agency_code, period, today)
    with tempfile.TemporaryDirectory(prefix="cchc-report-") as folder:
        report = _period_report(store, plan, registry, prof.agency_code, period, today, folder)
        return _stage_bundle(
            store, plan, prof, period, today, out_dir, timestamp, progress, key, cert, chain,
            data, [*files, report],
        )  # fmt: skip


def _period_report(
    store: Store, plan: Plan, registry: Registry, agency: str, period: str, today: date,
    folder: str,
) -> PayloadFile:  # fmt: skip
    """data/report.docx: the period report as of the export (the officer's words kept with
    `cchc report words`, else drafts of facts; reports/report_docx.py), in the payload, so the
    signature covers it."""
    from cchc_tui.reports.report_docx import write_report_docx
    from cchc_tui.services.period_report import report_from
    from cchc_tui.store.evidence import sha256_file

    content = report_from(store, plan, registry, agency, period, today)
    path = Path(folder) / "bao-cao.docx"
    write_report_docx(content, path)
    return PayloadFile("data/report.docx", path, sha256_file(path), path.stat().st_size)


def _stage_bundle(
    store: Store, plan: Plan, prof: Any, period: str, today: date, out_dir: Path,
    timestamp: datetime | None, progress: Callable[[int, int], None] | None, key: Any,
    cert: Any, chain: Any, data: Any, files: list[PayloadFile],
) -> Staged:  # fmt: skip
    previous = ExchangeStore(store).latest_export(prof.agency_code, plan.id, period)
    stamp = (timestamp or datetime.now(UTC)).replace(microsecond=0)
    if previous is not None:
        # two exports in the same second would share a name and an id: keep them apart
        last = previous.created_at.replace(tzinfo=UTC)
        stamp = max(stamp, last + timedelta(seconds=1))
    spec = BundleSpec(
        agency_code=prof.agency_code,
        agency_name=prof.agency_name,
        officer=prof.officer,
        plan_id=plan.id,
        period=period,
        app_version=__version__,
        timestamp=stamp,
        submission=data,
        audit=audit_for(store, plan, period),
        files=files,
        supersedes=(previous.bundle_id, previous.sha256) if previous else None,
    )
    written = write_bundle(spec, key, cert, chain, out_dir, progress)
    return Staged(
        built=written,
        final=out_dir / spec.file_name,
        agency=prof.agency_code,
        plan_id=plan.id,
        period=period,
        officer=prof.officer,
        created_at=stamp,
        supersedes=previous.bundle_id if previous else "",
    )


def finish_export(store: Store, staged: Staged) -> Built:
    """Record the staged bundle — in one write transaction that first checks it still follows
    the latest export of its period (another copy of the app may just have exported: the chain
    must not fork) — then rename the file to its final name. When the record fails the
    temporary file is removed; when the rename fails the record is removed again (with an
    audit entry saying why) and so is the file."""
    try:
        row_id = _record(store, staged)
    except BaseException:
        staged.built.path.unlink(missing_ok=True)
        raise
    try:
        return publish(staged.built, staged.final)
    except OSError as e:
        detail = e.strerror or str(e)
        staged.built.path.unlink(missing_ok=True)
        try:
            _unrecord(store, staged, row_id, detail)
        except (UserError, OSError) as undo:
            raise UserError(
                "export.publish_failed_kept", path=staged.final, detail=detail, error=str(undo)
            ) from None
        raise UserError("export.publish_failed", path=staged.final, detail=detail) from None


def _record(store: Store, staged: Staged) -> int:
    built = staged.built
    row = BundleExport(
        agency_code=staged.agency,
        plan_id=staged.plan_id,
        period=staged.period,
        bundle_id=built.bundle_id,
        sha256=built.sha256,
        path=str(staged.final),
        size=built.size,
        created_at=staged.created_at,
        created_by=staged.officer,
        supersedes=staged.supersedes,
    )
    try:
        return ExchangeStore(store).add_export(row, expected_latest=staged.supersedes)
    except ChainForked as e:
        raise UserError("export.raced", period=staged.period, latest=e.latest[:8] or "—") from None


def _unrecord(store: Store, staged: Staged, row_id: int, detail: str) -> None:
    """Take back the record of a bundle whose file could not be named."""
    ExchangeStore(store).take_back_export(
        row_id,
        bundle_id=staged.built.bundle_id,
        sha256=staged.built.sha256,
        error=detail,
        actor=staged.officer,
        agency=staged.agency,
    )
