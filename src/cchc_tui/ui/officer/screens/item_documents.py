"""An item's documents (TLKC), the same key wherever an item is shown (F9 in an item, in the
walk-through): the one picker (ui/widgets/pick_documents.py), where `n` adds a new document
without leaving, and the links that changed are written when Enter keeps the choice."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from cchc_tui.core.i18n import t
from cchc_tui.ui.guard import DbFailed

if TYPE_CHECKING:
    from cchc_tui.ui.officer.app import CchcApp


async def pick_item_documents(
    app: CchcApp, item_id: str, after: Callable[[], Awaitable[None]]
) -> None:
    """Open the picker on ``item_id``'s documents; ``after`` runs once links were written."""
    from cchc_tui.ui.officer.screens.evidence import EvidenceForm
    from cchc_tui.ui.widgets.pick_documents import PickDocuments, document_options

    ctx = app.ctx
    assert ctx is not None
    try:
        documents = await app.db(ctx.evidence)
    except DbFailed:
        return
    linked = {e.id for e in documents if item_id in e.items}

    async def options() -> list[tuple[str, int]]:
        documents[:] = await app.db(ctx.evidence)  # a document added from the picker too
        return document_options(documents)

    async def done(chosen: list[int] | None) -> None:
        if chosen is None:
            return
        now = {e.id for e in documents if item_id in e.items}
        for e in documents:
            if (e.id in chosen) == (e.id in now):
                continue
            keys = [k for k in e.items if k != item_id]
            if e.id in chosen:
                keys.append(item_id)
            try:
                await app.db(ctx.set_links, e.id, keys)
            except DbFailed:
                break
        if set(chosen) != linked or now != linked:
            await after()

    picker = PickDocuments(
        t("ui.evidence.pick_title", id=item_id),
        document_options(documents),
        linked,
        new_form=lambda: EvidenceForm(items=[item_id]),
        reload=options,
    )
    await app.push_screen(picker, done)
