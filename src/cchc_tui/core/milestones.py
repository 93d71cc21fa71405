"""An item's milestones and conditions, and when it is overdue.

Timing cells with several quarters ("Quý I Quý IV" 3.1/3.4, "Quý III, Quý IV" 3.5, "Quý II, III"
3.42/3.43) ask for an output by each quarter's end. Each due date of an item is a milestone:

- **met** (đạt): the item was completed by then, or a document linked to it is dated within
  the milestone's window (after the previous milestone, on or before this one);
- **pending** (chưa đến): its day has not passed;
- **explained** (trễ, có giải trình): it passed unmet, but a later document (then this
  milestone's, late, not the next one's) or the officer's note on the item says what happened;
- **missed** (trễ): it passed unmet and nothing says why.

An unfinished item is overdue when a milestone is missed, or when its last due date has passed
(a note does not make an unfinished item's end on time) — except an item whose condition
("khi có Nghị quyết …") has not been recorded as happened (chờ điều kiện, or did not happen),
and an item recorded as "không thực hiện được" with its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from cchc_tui.core import labels
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Item
from cchc_tui.core.text import fold

MilestoneState = Literal["met", "pending", "explained", "missed"]
# what the officer recorded about an item's condition: it happened, it did not; None: not yet
ConditionState = Literal["xay_ra", "khong_xay_ra"]
CANNOT = "khong_thuc_hien_duoc"
_CONDITION_WORDS: dict[str, ConditionState | None] = {
    "xay ra": "xay_ra", "co": "xay_ra", "da xay ra": "xay_ra", "yes": "xay_ra",
    "happened": "xay_ra",
    "khong xay ra": "khong_xay_ra", "khong": "khong_xay_ra", "no": "khong_xay_ra",
    "khong phat sinh": "khong_xay_ra",
    "bo": None, "chua ro": None, "clear": None,
}  # fmt: skip


def parse_condition(text: str) -> ConditionState | None:
    """What the officer typed for a condition: "có"/"xay_ra" (it happened), "không" (it did
    not), "bỏ"/"chưa rõ" (take the record back); with or without accents, or in English."""
    key = " ".join(fold(text).replace("_", " ").replace("-", " ").split())
    if key not in _CONDITION_WORDS:
        raise UserError("condition.bad_state", state=text)
    return _CONDITION_WORDS[key]


@dataclass(frozen=True)
class Milestone:
    due: date
    state: MilestoneState


def milestones(
    item: Item,
    today: date,
    *,
    done: bool = False,
    completed_on: date | None = None,
    evidence_dates: Sequence[date] = (),
    note: str = "",
) -> list[Milestone]:
    """One per due date, in order (none for ongoing items)."""
    if item.ongoing:
        return []
    out: list[Milestone] = []
    previous: date | None = None
    unused = sorted(evidence_dates)
    for due in item.due:
        in_window = [d for d in unused if (previous is None or d > previous) and d <= due]
        completed = done and (completed_on is None or completed_on <= due)
        late = [d for d in unused if d > due]
        state: MilestoneState
        if completed or in_window:
            state = "met"
        elif due >= today:
            state = "pending"
        elif late:  # the first later document is this milestone's, late: not the next one's
            state = "explained"
            unused.remove(late[0])
        elif note.strip():
            state = "explained"
        else:
            state = "missed"
        out.append(Milestone(due, state))
        previous = due
    return out


def waiting_on_condition(item: Item, condition: str | None) -> bool:
    """An item with a condition printed that has not been recorded as having happened: it
    waits (chờ điều kiện) or does not arise (không xảy ra), and is never overdue."""
    return bool(item.condition) and condition != "xay_ra"


def overdue(
    item: Item,
    today: date,
    *,
    status: str | None,
    reason: str = "",
    condition: str | None = None,
    marks: Sequence[Milestone] = (),
) -> bool:
    """See the module's text. ``marks``: the item's milestones (``milestones(...)``)."""
    if status == "hoan_thanh" or not item.due or item.ongoing:
        return False
    if status == CANNOT and reason.strip():
        return False
    if waiting_on_condition(item, condition):
        return False
    if item.due[-1] < today:
        return True
    return any(m.state == "missed" for m in marks)


def first_missed(marks: Sequence[Milestone]) -> date | None:
    """The first milestone missed with nothing said (what makes an item overdue early)."""
    return next((m.due for m in marks if m.state == "missed"), None)


def describe(marks: Sequence[Milestone]) -> str:
    """ "31/03 lỡ · 31/12 chưa đến" — each milestone with its state (for two or more)."""
    return " · ".join(
        f"{m.due.strftime('%d/%m')} {t(labels.MILESTONE_STATE[m.state])}" for m in marks
    )


def describe_condition(printed: str, state: str | None, document: str) -> str:
    """The condition and what was recorded about it, in a line."""
    said = t(labels.CONDITION_STATE[state or "none"], doc=document)
    return f"{printed} — {said}"
