"""Verification documents (tài liệu kiểm chứng): the writes of the evidence aggregate."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import select

from cchc_tui.core.dates import DateError, format_date, parse_date
from cchc_tui.core.docnumber import DocNumber, parse_doc_number
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Plan
from cchc_tui.core.text import clean, nfc
from cchc_tui.store.base import StoreBase
from cchc_tui.store.models import (
    Evidence,
    EvidenceLink,
)
from cchc_tui.store.transaction import utcnow

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class SavedEvidence:
    id: int
    parsed: DocNumber
    sha256: str
    size: int | None


class EvidenceWrites(StoreBase):
    """Verification documents: files copied in, metadata, links to items."""

    # -- assigned items ----------------------------------------------------------------------
    def _copy_in(
        self, source: Path, progress: Callable[[int, int], None] | None = None
    ) -> tuple[str, int, Path, bool]:
        """Copy ``source`` into the managed folder, hashing as it goes.

        Returns (sha256, size, stored path, whether this call created the stored file). The
        file is written to a temporary name, flushed to disk and renamed into place.
        """
        self.files_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.files_dir)
        tmp = Path(tmp_name)
        total = source.stat().st_size
        try:
            with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    dst.write(chunk)
                    if progress is not None:
                        progress(size, total)
                dst.flush()
                os.fsync(dst.fileno())
            sha = digest.hexdigest()
            target = self.files_dir / sha[:2] / (sha + source.suffix.lower())
            target.parent.mkdir(exist_ok=True)
            if target.exists():
                tmp.unlink()
                return sha, size, target, False
            os.replace(tmp, target)
            return sha, size, target, True
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def add_evidence(
        self,
        *,
        agency: str,
        actor: str,
        number: str,
        doc_date: str | date,
        issuer: str,
        title: str,
        doc_type: str | None = None,
        file: Path | None = None,
        plan: Plan | None = None,
        items: Sequence[str] = (),
        today: date | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> SavedEvidence:
        """Validate, copy the file (if any), then save the record and its links at once."""
        parsed, when, issuer_c, title_c = check_metadata(number, doc_date, issuer, title, today)
        source: Path | None = None
        if file is not None:
            source = Path(file)
            if not source.exists():
                raise UserError("evidence.file_missing", path=source)
            if not source.is_file():
                raise UserError("evidence.not_a_file", path=source)
            try:
                with source.open("rb"):
                    pass
            except OSError as e:
                raise UserError(
                    "evidence.file_unreadable", path=source, detail=e.strerror or str(e)
                ) from None
        if items and plan is None:
            raise ValueError("items need a plan")
        sha, size, stored, created = "", None, None, False
        if source is not None:
            try:
                sha, size, stored, created = self._copy_in(source, progress)
            except OSError as e:
                raise UserError(
                    "evidence.file_unreadable", path=source, detail=e.strerror or str(e)
                ) from None
        try:
            with self._write() as s:
                item_ids: list[int] = []
                if plan is not None and items:
                    known = self._item_ids(s, plan.id)
                    for key in items:
                        if key not in known:
                            raise UserError("item.unknown", ref=key, plan=plan.id, hint="")
                        item_ids.append(known[key])
                ev = Evidence(
                    agency_code=agency,
                    number=parsed.text,
                    family=parsed.family,
                    doc_type=clean(doc_type) if doc_type else (parsed.type_code or ""),
                    doc_date=when,
                    issuer=issuer_c,
                    title=title_c,
                    file_name=nfc(source.name) if source else "",
                    file_path=stored.relative_to(self.files_dir).as_posix() if stored else "",
                    sha256=sha,
                    size=size,
                    created_at=utcnow(),
                    created_by=actor,
                )
                s.add(ev)
                s.flush()
                assert ev.id is not None
                for iid in dict.fromkeys(item_ids):
                    s.add(EvidenceLink(evidence_id=ev.id, plan_item_id=iid))
                self._audit(
                    s,
                    actor=actor,
                    agency=agency,
                    action="evidence.add",
                    entity="evidence",
                    key=str(ev.id),
                    changes={
                        "number": (None, ev.number),
                        "doc_date": (None, when),
                        "issuer": (None, issuer_c),
                        "title": (None, title_c),
                        "sha256": (None, sha),
                        "items": (None, list(items)),
                    },
                )
                ev_id = ev.id
        except BaseException:
            if created and stored is not None:
                with contextlib.suppress(OSError):
                    stored.unlink()
            raise
        return SavedEvidence(ev_id, parsed, sha, size)

    def set_links(
        self, plan: Plan, evidence_id: int, item_keys: Sequence[str], *, agency: str, actor: str
    ) -> None:
        """Make ``item_keys`` the items of ``plan`` this evidence proves (links in other plans
        stay)."""
        with self._write() as s:
            ev = s.get(Evidence, evidence_id)
            if ev is None or ev.agency_code != agency:
                raise UserError("evidence.unknown", id=evidence_id)
            known = self._item_ids(s, plan.id)
            by_id = {v: k for k, v in known.items()}
            for key in item_keys:
                if key not in known:
                    raise UserError("item.unknown", ref=key, plan=plan.id, hint="")
            current = {
                by_id[link.plan_item_id]
                for link in s.exec(
                    select(EvidenceLink).where(EvidenceLink.evidence_id == evidence_id)
                )
                if link.plan_item_id in by_id
            }
            wanted = set(item_keys)
            if wanted == current:
                return
            for key in wanted - current:
                s.add(EvidenceLink(evidence_id=evidence_id, plan_item_id=known[key]))
            for key in current - wanted:
                link = s.get(EvidenceLink, (evidence_id, known[key]))
                if link is not None:
                    s.delete(link)
            self._audit(
                s,
                actor=actor,
                agency=agency,
                action="evidence.links",
                entity="evidence",
                key=str(evidence_id),
                changes={"items": (sorted(current), sorted(wanted))},
            )
            for key in wanted ^ current:
                self._audit(
                    s,
                    actor=actor,
                    agency=agency,
                    action="evidence.link" if key in wanted else "evidence.unlink",
                    entity="progress",
                    key=f"{plan.id}/{key}",
                    changes={
                        "evidence": (None, evidence_id) if key in wanted else (evidence_id, None)
                    },
                )

    def update_evidence(
        self,
        evidence_id: int,
        *,
        agency: str,
        actor: str,
        number: str,
        doc_date: str | date,
        issuer: str,
        title: str,
        doc_type: str | None = None,
        today: date | None = None,
        base: int | None = None,
    ) -> DocNumber:
        """Correct an evidence record's metadata (the file, once stored, is not replaced)."""
        parsed, when, issuer_c, title_c = check_metadata(number, doc_date, issuer, title, today)
        with self._write() as s:
            ev = s.get(Evidence, evidence_id)
            if ev is None or ev.agency_code != agency:
                raise UserError("evidence.unknown", id=evidence_id)
            self._check_base(
                s, agency=agency, action="evidence.update", key=str(evidence_id), base=base
            )
            new = {
                "number": parsed.text,
                "family": parsed.family,
                "doc_type": clean(doc_type) if doc_type else (parsed.type_code or ""),
                "doc_date": when,
                "issuer": issuer_c,
                "title": title_c,
            }
            changes = {k: (getattr(ev, k), v) for k, v in new.items() if getattr(ev, k) != v}
            if not changes:
                return parsed
            for k, v in new.items():
                setattr(ev, k, v)
            s.add(ev)
            self._audit(
                s,
                actor=actor,
                agency=agency,
                action="evidence.update",
                entity="evidence",
                key=str(evidence_id),
                changes=changes,
            )
        return parsed


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_metadata(
    number: str, doc_date: str | date, issuer: str, title: str, today: date | None
) -> tuple[DocNumber, date, str, str]:
    """An evidence document's number, date (not in the future), issuer and title, checked."""
    parsed = parse_doc_number(number)
    today = today or date.today()
    when = doc_date if isinstance(doc_date, date) else parse_date(doc_date, today=today)
    if when > today:
        raise DateError("date.future", value=format_date(when), today=format_date(today))
    issuer_c, title_c = clean(issuer), clean(title)
    if not issuer_c:
        raise UserError("evidence.field_required", field=t("field.issuer"))
    if not title_c:
        raise UserError("evidence.field_required", field=t("field.title"))
    return parsed, when, issuer_c, title_c
