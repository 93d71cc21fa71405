"""What changed between an agency's bundle and the one before it for the same period: the
items (status, progress, note, reason, day done), the self scores (points, note, documents
linked) and the documents (added, removed, or the same number with another file, date,
issuer or title). Pure: two submissions in, a list of changes out, in the plan's order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from cchc_tui.core.dates import format_date
from cchc_tui.core.progress import status_label
from cchc_tui.core.submission import Evidence, Submission

Kind = Literal["item", "score", "document"]


@dataclass(frozen=True)
class Change:
    kind: Kind
    key: str  # the item's id, the sub-criterion's code, the document's number
    field: str  # what changed: "status", "progress", "note", "points", "added", "removed"…
    before: str
    after: str


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _items(old: Submission, new: Submission) -> list[Change]:
    was = {i.id: i for i in old.items}
    out = []
    for i in new.items:
        p = was.get(i.id)
        if p is None:
            out.append(Change("item", i.id, "added", "", status_label(i.status)))
            continue
        for field, before, after in (
            ("status", status_label(p.status), status_label(i.status)),
            ("progress", str(p.progress), str(i.progress)),
            ("completed_on", _day(p.completed_on), _day(i.completed_on)),
            ("note", _text(p.note), _text(i.note)),
            ("reason", _text(p.reason), _text(i.reason)),
        ):
            if before != after:
                out.append(Change("item", i.id, field, before, after))
    ids = {i.id for i in new.items}
    out += [
        Change("item", p.id, "removed", status_label(p.status), "")
        for p in old.items
        if p.id not in ids
    ]
    return out


def _day(value: date | None) -> str:
    return format_date(value) if value is not None else ""


def _scores(old: Submission, new: Submission) -> list[Change]:
    before_set, after_set = old.first_scores, new.first_scores
    was = {s.code: s for s in (before_set.subs if before_set else [])}
    numbers_old = {e.id: e.number for e in old.evidence}
    numbers_new = {e.id: e.number for e in new.evidence}
    out = []
    for s in after_set.subs if after_set else []:
        p = was.get(s.code)
        docs_after = ", ".join(sorted(numbers_new.get(i, f"#{i}") for i in s.evidence))
        if p is None:
            out.append(Change("score", s.code, "points", "", _text(s.self_points)))
            continue
        docs_before = ", ".join(sorted(numbers_old.get(i, f"#{i}") for i in p.evidence))
        for field, before, after in (
            ("points", _text(p.self_points), _text(s.self_points)),
            ("note", _text(p.note), _text(s.note)),
            ("documents", docs_before, docs_after),
        ):
            if before != after:
                out.append(Change("score", s.code, field, before, after))
    return out


def _doc_facts(e: Evidence) -> tuple[str, str, str, str]:
    return (format_date(e.doc_date), _text(e.issuer), _text(e.title), e.sha256 or "")


def _documents(old: Submission, new: Submission) -> list[Change]:
    """Documents by their number (the id is the agency's database row, not what the reviewer
    reads): added, removed, or the same number whose date, issuer, title or file changed."""
    was = {e.number: e for e in old.evidence}
    now = {e.number: e for e in new.evidence}
    out = []
    for number, e in now.items():
        p = was.get(number)
        if p is None:
            out.append(Change("document", number, "added", "", e.file_name or _text(e.title)))
            continue
        for field, before, after in zip(
            ("date", "issuer", "title", "file"), _doc_facts(p), _doc_facts(e), strict=True
        ):
            if before != after:
                if field == "file":
                    before, after = p.file_name or before[:12], e.file_name or after[:12]
                out.append(Change("document", number, field, before, after))
    out += [
        Change("document", number, "removed", p.file_name or _text(p.title), "")
        for number, p in was.items()
        if number not in now
    ]
    return out


def changes(old: Submission, new: Submission) -> list[Change]:
    """Every change from ``old`` (the bundle before) to ``new``: items, scores, documents."""
    return _items(old, new) + _scores(old, new) + _documents(old, new)
