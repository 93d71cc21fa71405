"""An item saved without a status says so and marks the status field (tried as an officer: a
note typed first, then Ctrl+S, said "sửa các ô được đánh dấu" with nothing marked)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select, Static

from tests.tui.test_guard import OCT, open_item, type_note
from tests.tui_helpers import demo_db, make_app, wait_idle


async def test_a_note_without_a_status_says_choose_the_status(
    tmp_path: Path, plan_text: str
) -> None:
    app = make_app(demo_db(tmp_path, plan_text), today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_item(app, pilot)
        status = screen.query_one("#status", Select)
        status.clear()  # "chưa cập nhật"
        await type_note(app, pilot, "Đã họp triển khai")
        assert "invalid" not in status.classes  # not while typing
        await pilot.press("ctrl+s")
        await wait_idle(app, pilot)
        assert "invalid" in status.classes
        said = str(screen.query_one("#form-error", Static).render())
        assert said.startswith("Chọn trạng thái")
        status.value = "dang_thuc_hien"
        await wait_idle(app, pilot)
        assert "invalid" not in status.classes  # chosen: the mark goes at the next check


async def test_a_draft_dropped_by_a_second_copy_comes_back_while_the_text_is_typed_here(
    tmp_path: Path, plan_text: str
) -> None:
    """A second copy of the app offers this copy's draft, restores it, then drops it ("Bỏ thay
    đổi"): the row is gone, but the text is still typed here, so it is written again within
    ten seconds (ten looks) — a crash of this copy afterwards loses nothing."""
    import sqlite3

    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_item(app, pilot)
        await type_note(app, pilot, "Ghi chú đang gõ dở ở máy này")
        app.collect_drafts()
        assert app.draft_writer is not None and app.draft_writer.flush()

        def rows() -> int:
            con = sqlite3.connect(db)
            try:
                return int(con.execute("SELECT count(*) FROM draft").fetchone()[0])
            finally:
                con.close()

        assert rows() == 1
        con = sqlite3.connect(db)
        with con:
            con.execute("DELETE FROM draft")  # what the other copy's "Bỏ thay đổi" does
        con.close()
        for _ in range(10):  # the app looks once a second
            app.collect_drafts()
        assert app.draft_writer.flush()
        assert rows() == 1
        assert screen.is_dirty()


async def test_the_arrows_move_between_a_questions_buttons(tmp_path: Path, plan_text: str) -> None:
    """→ then Enter answers with the second button, ← back to the first: in every question
    with buttons (tried as an officer: → did nothing, Enter then restored the draft)."""
    from datetime import datetime

    from cchc_tui.ui.dialogs import ConfirmLeave, QuitQuestion, RestoreDraft

    app = make_app(demo_db(tmp_path, plan_text), today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        got: list[object] = []
        await app.push_screen(RestoreDraft(datetime(2022, 10, 5, 14, 32), "mục hd3.5"), got.append)
        await wait_idle(app, pilot)
        first = app.focused
        await pilot.press("right")
        assert app.focused is not first
        await pilot.press("left")
        assert app.focused is first
        await pilot.press("right", "enter")
        await wait_idle(app, pilot)
        assert got == [False]  # [Bỏ], the second button, not [Khôi phục]
        for question in (ConfirmLeave("mục hd3.5"), QuitQuestion(["mục hd3.5"])):
            answers: list[object] = []
            await app.push_screen(question, answers.append)
            await wait_idle(app, pilot)
            before = app.focused
            await pilot.press("right")
            assert app.focused is not before, type(question).__name__
            await pilot.press("escape")
            await wait_idle(app, pilot)


async def test_drafts_that_cannot_be_read_are_said_and_the_app_goes_on(
    tmp_path: Path, plan_text: str
) -> None:
    """The drafts are read before the first screen; when that fails (a locked or damaged
    file), the officer is told once, and new drafts are still written."""
    import pytest

    from cchc_tui.store.drafts import DraftWriter
    from cchc_tui.store.errors import StoreError

    db = demo_db(tmp_path, plan_text)

    def broken(self: DraftWriter) -> None:
        raise StoreError("db.not_initialised", path=db)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(DraftWriter, "load", broken)
        app = make_app(db, today=OCT)
        said: list[str] = []
        app.notify = lambda message, **kw: said.append(str(message))  # type: ignore[method-assign,assignment]
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_idle(app, pilot)
            assert sum("nháp" in m for m in said) == 1, said
            assert app.draft_writer is not None
            await open_item(app, pilot)
            await type_note(app, pilot, "Vẫn giữ nháp")
            app.collect_drafts()
            assert app.draft_writer.flush()
            assert "Vẫn giữ nháp" in str(app.draft_writer.known)
