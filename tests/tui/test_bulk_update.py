"""Issue 14, bulk update: Space marks rows with a visible [x], u sets one status for all of them
after a confirmation that lists each item, k keeps last period's status for the items nobody
touched since (shown first); every change is one audit entry per item."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Static

from cchc_tui.core.agencies import Registry
from cchc_tui.store.service import Store
from cchc_tui.ui.dialogs import ConfirmList
from cchc_tui.ui.officer.screens.bulk import BulkStatus
from cchc_tui.ui.officer.screens.items import ItemsScreen
from tests.dbcache import profile_db
from tests.tui_helpers import make_app, type_text, wait_idle

TODAY = date(2022, 9, 15)  # Q3: the report of 6 tháng was due before


def _audit(db: Path, action: str) -> list[tuple[str, dict[str, list[object]]]]:
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT entity_key, changes FROM audit_log WHERE action = ? ORDER BY id", (action,)
        ).fetchall()
    return [(k.split("/", 1)[1], json.loads(c)) for k, c in rows]


async def _open_items(app, pilot) -> ItemsScreen:  # type: ignore[no-untyped-def]
    await wait_idle(app, pilot)
    await pilot.press("f4")
    await wait_idle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ItemsScreen)
    return screen


async def _until(pilot, check, tries: int = 100) -> None:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if check():
            return
        await pilot.pause(0.02)
    raise AssertionError("the screen never got there")


async def test_marked_rows_get_one_status_after_a_listed_confirmation(
    tmp_path: Path, plan_text: str
) -> None:
    db = profile_db(tmp_path / "b.sqlite", "918", "Quận Bình Thuỷ", "Hương", plan_text)
    app = make_app(db, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_items(app, pilot)
        table = screen.query_one("#items", DataTable)
        first = [str(table.get_row_at(i)[1]) for i in range(3)]
        await pilot.press("space", "space", "space")
        # marked: a mark in the row itself, not colour alone; the cursor went down each time
        assert [str(table.get_row_at(i)[0]) for i in range(4)] == ["[x]", "[x]", "[x]", "[ ]"]
        assert table.cursor_row == 3
        assert str(screen.query_one("#filters", Static).render()).startswith("[x] 3 · ")
        await pilot.press("up", "space")  # unmark the third
        assert screen.marked == set(first[:2])
        await pilot.press("up", "space")  # and mark it again
        await pilot.press("u")
        await _until(pilot, lambda: isinstance(app.screen, BulkStatus))
        await pilot.press("down", "enter")  # đang thực hiện → asks the progress
        await type_text(pilot, "40")
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmList))
        listed = str(app.screen.query_one("#confirm-lines Static", Static).render())
        assert listed.splitlines() == [f"{i:<8} chưa cập nhật → đang thực hiện 40%" for i in first]
        await pilot.press("enter")  # [Đồng ý] has the focus
        await _until(pilot, lambda: isinstance(app.screen, ItemsScreen) and not screen.marked)
        await wait_idle(app, pilot)
        assert [str(table.get_row_at(i)[0]) for i in range(3)] == ["[ ]"] * 3
    with Store(db) as store:
        plan = store.load_plan()
        rows = {r.item.id: r for r in store.assigned_status(plan, Registry.load(), "918", TODAY)}
    assert [(rows[i].status, rows[i].progress_pct) for i in first] == [("dang_thuc_hien", 40)] * 3
    assert sum(r.status is not None for r in rows.values()) == 3  # nothing else touched
    audit = _audit(db, "progress.set")
    assert [k for k, _ in audit] == first  # one entry per item
    assert audit[0][1]["status"] == ["", "dang_thuc_hien"]


async def test_esc_at_the_confirmation_changes_nothing(tmp_path: Path, plan_text: str) -> None:
    db = profile_db(tmp_path / "b.sqlite", "918", "Quận Bình Thuỷ", "Hương", plan_text)
    app = make_app(db, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_items(app, pilot)
        await pilot.press("u")  # nothing marked: it says how to mark
        await pilot.pause()
        assert not isinstance(app.screen, BulkStatus)
        await pilot.press("asterisk")  # every row shown
        assert len(screen.marked) == len(screen.rows)
        await pilot.press("u")
        await _until(pilot, lambda: isinstance(app.screen, BulkStatus))
        await pilot.press("enter")  # chưa thực hiện: nothing more to ask
        await _until(pilot, lambda: isinstance(app.screen, ConfirmList))
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, ItemsScreen))
        assert len(screen.marked) == len(screen.rows)  # the marks stay for another try
    assert _audit(db, "progress.set") == []


async def test_carry_over_keeps_what_nobody_touched_since_last_period(
    tmp_path: Path, plan_text: str
) -> None:
    db = profile_db(tmp_path / "c.sqlite", "918", "Quận Bình Thuỷ", "Hương", plan_text)
    with Store(db) as store:
        plan = store.load_plan()
        ids = [r.item.id for r in store.assigned_status(plan, Registry.load(), "918", TODAY)][:4]
        for item_id in ids:
            store.set_progress(
                plan, item_id, agency="918", actor="H", status="dang_thuc_hien",
                progress_pct=50, today=date(2022, 5, 2),
            )  # fmt: skip
    with sqlite3.connect(db) as con:  # three set in Q2, one since the 6-month report
        con.execute("UPDATE progress SET updated_at = '2022-05-02 03:00:00'")
        con.execute(
            "UPDATE progress SET updated_at = '2022-06-20 03:00:00' WHERE plan_item_id = "
            "(SELECT id FROM plan_item WHERE key = ?)",
            (ids[3],),
        )
    app = make_app(db, today=date(2022, 7, 20))  # Q3 now; the 6-month report was due 10/06
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_items(app, pilot)
        await pilot.press("k")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmList))
        question = str(app.screen.query_one(".title", Static).render())
        assert "3 mục" in question and "6 tháng" in question
        listed = str(app.screen.query_one("#confirm-lines Static", Static).render())
        assert [line.split()[0] for line in listed.splitlines()] == ids[:3]
        assert all("đang thực hiện 50%" in line for line in listed.splitlines())
        await pilot.press("enter")
        await _until(pilot, lambda: bool(_audit(db, "progress.carry_over")))
    carried = _audit(db, "progress.carry_over")
    assert [k for k, _ in carried] == ids[:3]
    assert carried[0][1]["status"] == ["dang_thuc_hien", "dang_thuc_hien"]
    assert carried[0][1]["period"][1] == "Q3"
    with sqlite3.connect(db) as con:
        kept = con.execute("SELECT status, progress_pct FROM progress ORDER BY id").fetchall()
    assert kept == [("dang_thuc_hien", 50)] * 4  # kept, not changed


async def test_a_blocking_preflight_line_leads_to_exactly_its_items(
    tmp_path: Path, plan_text: str
) -> None:
    from textual.widgets import OptionList

    from cchc_tui.ui.officer.screens.export import ExportScreen

    db = profile_db(tmp_path / "p.sqlite", "918", "Quận Bình Thuỷ", "Hương", plan_text)
    with Store(db) as store:  # two items have a status; the other fifty block the export
        plan = store.load_plan()
        rows = store.assigned_status(plan, Registry.load(), "918", TODAY)
        for r in rows[:2]:
            store.set_progress(plan, r.item.id, agency="918", actor="H", status="chua_thuc_hien")
    app = make_app(db, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f8")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ExportScreen)
        checks = app.screen.query_one("#export-checks", OptionList)
        first = str(checks.get_option_at_index(0).prompt)
        assert first.startswith("× 50 mục được giao chưa có trạng thái") and first.endswith("→")
        await pilot.press("tab")  # from the passphrase to the checks under it
        assert app.focused is checks
        checks.highlighted = 0
        await pilot.press("enter")
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ItemsScreen)
        table = screen.query_one("#items", DataTable)
        shown = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert shown == {r.item.id for r in rows[2:]}
        line = str(screen.query_one("#filters", Static).render())
        assert line.startswith("50 mục chưa có trạng thái (c: mọi mục) · 50/52 mục")
        # mark them all, one status, confirm: 5 keys for fifty items
        await pilot.press("asterisk", "u")
        await _until(pilot, lambda: isinstance(app.screen, BulkStatus))
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmList))
        await pilot.press("enter")
        await _until(pilot, lambda: len(_audit(db, "progress.set")) == 52)
        await pilot.press("f8")
        await wait_idle(app, pilot)
        checks = app.screen.query_one("#export-checks", OptionList)
        lines = [str(checks.get_option_at_index(i).prompt) for i in range(checks.option_count)]
        assert not any("chưa có trạng thái" in x for x in lines)


async def test_a_reason_typed_in_the_bulk_dialog_survives_esc_and_comes_back(
    tmp_path: Path, plan_text: str
) -> None:
    """The reason for "không thực hiện được", typed for the marked rows: Esc asks (Ở lại keeps
    it on screen); it is kept as a draft while typed; Esc + Bỏ thay đổi is the only way it goes;
    the dialog opened again on the same rows offers the draft back, its field shown."""
    from cchc_tui.ui.dialogs import ConfirmLeave, RestoreDraft
    from cchc_tui.ui.widgets.viet_input import VietInput

    db = profile_db(tmp_path / "b.sqlite", "918", "Quận Bình Thuỷ", "Hương", plan_text)
    app = make_app(db, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_items(app, pilot)
        await pilot.press("space", "space")
        await pilot.press("u")
        await _until(pilot, lambda: isinstance(app.screen, BulkStatus))
        await pilot.press("down", "down", "down", "enter")  # không thực hiện được
        await type_text(pilot, "Chờ hướng dẫn của Sở")
        bulk = app.screen
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmLeave))
        asked = str(app.screen.query_one(Static).render())
        assert asked == "Có thay đổi chưa lưu ở cập nhật 2 mục đã chọn. Lưu lại?"
        await pilot.press("escape")  # Ở lại
        await _until(pilot, lambda: app.screen is bulk)
        reason = bulk.query_one("#bulk-reason", VietInput)
        assert reason.value == "Chờ hướng dẫn của Sở" and reason.display
        app.flush_drafts()  # as the timer does each second, and Ctrl+Q or a crash
        writer = app.draft_writer
        assert writer is not None
        target = ",".join(sorted(screen.marked))
        draft = writer.get("bulk", target)
        assert draft is not None and draft.payload["bulk-reason"] == "Chờ hướng dẫn của Sở"
        # closed with the draft kept (the officer pressed Esc on the question's [Lưu]: a bulk
        # change is never made on the way out, so it stays)
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmLeave))
        await pilot.press("f2")  # Lưu: says to confirm with Enter; the dialog stays
        await _until(pilot, lambda: app.screen is bulk)
        bulk.dismiss(None)  # as if the terminal went away: the draft was written already
        await _until(pilot, lambda: isinstance(app.screen, ItemsScreen))
        await pilot.press("u")
        await _until(pilot, lambda: isinstance(app.screen, RestoreDraft))
        await pilot.press("enter")  # [Khôi phục]
        await _until(pilot, lambda: isinstance(app.screen, BulkStatus))
        again = app.screen
        await pilot.pause()
        field = again.query_one("#bulk-reason", VietInput)
        assert field.value == "Chờ hướng dẫn của Sở" and field.display and field.has_focus
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, ConfirmList))
        listed = str(app.screen.query_one("#confirm-lines Static", Static).render())
        assert listed.count("→ không thực hiện được") == 2
        await pilot.press("escape")
        await _until(pilot, lambda: isinstance(app.screen, ItemsScreen))
        assert writer.get("bulk", target) is None  # taken: the draft is gone
