"""An item's condition ("khi có Nghị quyết …"), Ctrl+T wherever the item is shown: did it
happen (with the document it rests on), did it not, or is it not known yet. Until it is
recorded as happened the item waits and is never overdue (core/milestones.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.ui.guard import DbFailed

if TYPE_CHECKING:
    from cchc_tui.core.tracking import ItemStatus
    from cchc_tui.ui.officer.app import CchcApp


async def record_condition(
    app: CchcApp, row: ItemStatus, after: Callable[[], Awaitable[None]]
) -> None:
    """Ask, save through the officer desk, say what was saved; ``after`` runs once it was."""
    from cchc_tui.ui.dialogs import ChooseOne
    from cchc_tui.ui.widgets.ask_text import AskText

    ctx = app.ctx
    assert ctx is not None
    item = row.item
    if not item.condition:
        app.notify(t("condition.none", item=item.number), severity="warning")
        return
    choices = [
        ("xay_ra", t("ui.condition.choice.xay_ra")),
        ("khong_xay_ra", t("ui.condition.choice.khong_xay_ra")),
        ("none", t("ui.condition.choice.none")),
    ]
    question = t("ui.condition.question", item=item.number, condition=item.condition)
    chosen = await app.push_screen_wait(ChooseOne(question, choices, row.condition or "none"))
    if chosen is None:
        return
    document = ""
    if chosen == "xay_ra":
        typed = await app.push_screen_wait(
            AskText(t("ui.condition.document"), row.condition_doc, t("ui.condition.doc_hint"))
        )
        if typed is None:
            return
        document = typed
    state = None if chosen == "none" else chosen
    try:
        changed = await app.db(ctx.set_condition, item.id, state, document=document)
    except UserError as e:
        app.notify(e.message(), severity="error")
        return
    except DbFailed:
        return
    key = {None: "condition.saved_clear", "xay_ra": "condition.saved_yes"}.get(
        state, "condition.saved_no"
    )
    if changed:
        app.notify(t(key, item=item.number, condition=item.condition, doc=document.strip()))
    await after()
