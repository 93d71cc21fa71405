"""Issue 14, evidence inside the walk-through: F9 (the same key as in an item) opens the item's
documents over the walk-through, `n` adds a new one without leaving, Enter keeps the links;
what was typed in the item's form before is still there, and the new document counts."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from cchc_tui.store.service import Store
from cchc_tui.ui.officer.screens.evidence import EvidenceForm
from cchc_tui.ui.officer.screens.walkthrough import WalkthroughScreen
from cchc_tui.ui.widgets.item_form import ItemForm
from cchc_tui.ui.widgets.pick_documents import PickDocuments
from tests.tui_helpers import demo_db, make_app, type_text, wait_idle


async def test_a_document_added_and_linked_without_leaving_the_walk(
    tmp_path: Path, plan_text: str
) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f6")
        await wait_idle(app, pilot)
        walk = app.screen
        assert isinstance(walk, WalkthroughScreen)
        item = walk.items[walk.index].item.id
        before = walk.items[walk.index].evidence_count
        note = walk.query_one("#note", TextArea)
        note.focus()
        await type_text(pilot, "Đã họp")
        typed = walk.query_one(ItemForm).raw()
        await pilot.press("f9")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, PickDocuments)
        await pilot.press("n")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, EvidenceForm)
        await type_text(pilot, "88/BC-UBND")
        await pilot.press("tab")
        await type_text(pilot, "12/09/2022")
        await pilot.press("tab")
        await type_text(pilot, "UBND quận")
        await pilot.press("tab")
        await type_text(pilot, "Báo cáo kết quả")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        errors = [str(w.render()) for w in app.screen.query(".error")]
        picker = app.screen
        assert isinstance(picker, PickDocuments), errors
        assert isinstance(picker, PickDocuments)
        new = max(picker.marked)
        assert [v for _label, v in picker.options if v in picker.marked][-1] == new
        await pilot.press("enter")
        await wait_idle(app, pilot)
        assert app.screen is walk and walk.items[walk.index].item.id == item
        assert walk.query_one(ItemForm).raw() == typed  # nothing typed was lost
        assert walk.items[walk.index].evidence_count == before + 1
        assert any(f"{item}: {before + 1} TLKC" in n.message for n in app._notifications)
    with Store(db) as store:
        (doc,) = [e for e in store.list_evidence("918") if e.number == "88/BC-UBND"]
        assert doc.items == [item]
