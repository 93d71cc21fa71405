"""Progress of an item: statuses, and the rules a save must satisfy."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from cchc_tui.core import labels
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.text import clean, fold, nfc

NOT_STARTED: Final = "chua_thuc_hien"
IN_PROGRESS: Final = "dang_thuc_hien"
DONE: Final = "hoan_thanh"
BLOCKED: Final = "khong_thuc_hien_duoc"
STATUSES: Final = (NOT_STARTED, IN_PROGRESS, DONE, BLOCKED)

_ALIASES: dict[str, str] = {
    # Vietnamese as printed, folded; short forms; English
    "chua thuc hien": NOT_STARTED,
    "chua": NOT_STARTED,
    "not started": NOT_STARTED,
    "todo": NOT_STARTED,
    "dang thuc hien": IN_PROGRESS,
    "dang": IN_PROGRESS,
    "in progress": IN_PROGRESS,
    "hoan thanh": DONE,
    "xong": DONE,
    "done": DONE,
    "khong thuc hien duoc": BLOCKED,
    "khong": BLOCKED,
    "cannot be done": BLOCKED,
    "blocked": BLOCKED,
}


class ProgressError(UserError):
    pass


def parse_status(text: str) -> str:
    """Accept the code, the Vietnamese label with or without accents, or the English label."""
    key = fold(text).replace("_", " ").replace("-", " ")
    key = " ".join(key.split())
    if key.replace(" ", "_") in STATUSES:
        return key.replace(" ", "_")
    if key in _ALIASES:
        return _ALIASES[key]
    raise ProgressError(
        "progress.bad_status",
        value=text,
        choices=", ".join(f"{s} ({t(labels.STATUS[s])})" for s in STATUSES),
    )


def status_label(status: str | None) -> str:
    return t(labels.STATUS[status]) if status else t("status.none")


@dataclass(frozen=True)
class ProgressValues:
    status: str = NOT_STARTED
    progress_pct: int = 0
    reason: str = ""
    note: str = ""
    completed_on: date | None = None


def apply_update(
    old: ProgressValues | None,
    *,
    status: str,
    progress_pct: int | None = None,
    reason: str | None = None,
    note: str | None = None,
    completed_on: date | None = None,
    today: date,
) -> ProgressValues:
    """The values after an update: what is not given is kept, then the rules are checked.

    - progress is a whole number 0–100; "hoàn thành" means 100, "chưa thực hiện" means 0
      (given when omitted, refused when contradicted);
    - "không thực hiện được" needs a reason, and only it takes one;
    - a completion date goes only with "hoàn thành" (today when omitted); leaving "hoàn
      thành" clears it.
    """
    if status not in STATUSES:
        raise ProgressError("progress.bad_status", value=status, choices=", ".join(STATUSES))
    base = old or ProgressValues()
    if progress_pct is not None and not 0 <= progress_pct <= 100:
        raise ProgressError("progress.bad_percent", value=progress_pct)
    pct = progress_pct
    if pct is None:
        if status == DONE:
            pct = 100
        elif status == NOT_STARTED:
            pct = 0
        else:
            pct = base.progress_pct if base.status == IN_PROGRESS else 0
    if status == DONE and pct != 100:
        raise ProgressError("progress.done_not_100", value=pct)
    if status == NOT_STARTED and pct != 0:
        raise ProgressError("progress.not_started_pct", value=pct)
    if status == BLOCKED:
        new_reason = clean(reason) if reason is not None else base.reason
        if not new_reason:
            raise ProgressError("progress.reason_required")
    else:
        if reason is not None and clean(reason):
            raise ProgressError("progress.reason_only_blocked")
        new_reason = ""
    if completed_on is not None and status != DONE:
        raise ProgressError("progress.completed_without_done")
    done_on = None
    if status == DONE:
        done_on = completed_on or (base.completed_on if base.status == DONE else None) or today
    new_note = base.note if note is None else nfc(note).strip()
    return replace(
        base,
        status=status,
        progress_pct=pct,
        reason=new_reason,
        note=new_note,
        completed_on=done_on,
    )
