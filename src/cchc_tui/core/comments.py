"""What a reviewer's comment is about, as stored ("general", "item:hd3.8", "criterion:1.1.1")
and as people read and type it ("Chung", "Hoạt động 3.8", "Nhiệm vụ 2.4", "Tiêu chí 1.1.1").
Pure: the plan and the criteria codes are given."""

from __future__ import annotations

from collections.abc import Collection

from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Plan
from cchc_tui.core.text import fold, nfc

GENERAL = "general"


def target_label(target: str, plan: Plan | None) -> str:
    """A stored target as the reader says it."""
    if target == GENERAL:
        return t("review.target.general")
    kind, _, key = target.partition(":")
    if kind == "item":
        item = next((i for i in plan.item if i.id == key), None) if plan else None
        if item is None:
            return t("review.target.item", number=key)
        word = "review.target.task" if item.kind == "task" else "review.target.item"
        return t(word, number=item.number)
    if kind == "criterion":
        return t("review.target.criterion", code=key)
    return target


def parse_target(text: str, plan: Plan, codes: Collection[str]) -> str:
    """What the reviewer typed in the "Về" field as a stored target, validated: the plan's
    item (by id, "Hoạt động 3.8", "Nhiệm vụ 2.4" or "item:hd3.8"), a code of the bundle's
    criteria set ("Tiêu chí 1.1.1", "criterion:1.1.1" or the bare code), or the whole bundle
    ("Chung", "general", nothing). Anything else is refused, never dropped."""
    raw = " ".join(nfc(text).split())
    folded = fold(raw).lower()
    if folded in ("", GENERAL, "chung"):
        return GENERAL
    items = {i.id.lower(): i for i in plan.item}
    for prefix, kinds in (
        ("item:", ("activity", "task")),
        ("hoat dong ", ("activity",)),
        ("nhiem vu ", ("task",)),
        ("activity ", ("activity",)),
        ("task ", ("task",)),
    ):
        if folded.startswith(prefix):
            key = folded.removeprefix(prefix).strip()
            found = items.get(key) or next(
                (i for i in plan.item if i.number == key and i.kind in kinds), None
            )
            if found is None or found.kind not in kinds:
                raise UserError("review.unknown_item", value=raw)
            return f"item:{found.id}"
    for prefix in ("criterion:", "tieu chi thanh phan ", "tieu chi ", "criterion "):
        if folded.startswith(prefix):
            code = folded.removeprefix(prefix).strip()
            if code not in codes:
                raise UserError("review.unknown_criterion", value=raw)
            return f"criterion:{code}"
    if folded in items:
        return f"item:{items[folded].id}"
    if folded in codes:
        return f"criterion:{folded}"
    raise UserError("review.bad_target", value=raw)
