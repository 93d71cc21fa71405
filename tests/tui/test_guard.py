"""Issue 11: nothing an officer types is lost. Every route out of every form, dirty and clean:
the input is saved, still there, or asked about, and the answer does what it says."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from textual.screen import Screen
from textual.widgets import Static

from cchc_tui.store.scoring import ScoringStore
from cchc_tui.store.service import Store
from cchc_tui.ui.dialogs import (
    AskYesNo,
    ConfirmLeave,
    ConflictModal,
    QuitQuestion,
    RestoreDraft,
)
from cchc_tui.ui.officer.screens.evidence import EvidenceForm
from cchc_tui.ui.officer.screens.item import ItemScreen
from cchc_tui.ui.officer.screens.items import ItemsScreen
from cchc_tui.ui.officer.screens.overview import OverviewScreen
from cchc_tui.ui.officer.screens.scoring import PickDocuments, ScoringScreen
from cchc_tui.ui.officer.screens.walkthrough import WalkthroughScreen
from cchc_tui.ui.widgets.item_form import ItemForm
from cchc_tui.ui.widgets.viet_input import VietInput
from cchc_tui.ui.widgets.viet_text_area import VietTextArea
from tests.tui_helpers import demo_db, make_app, type_text, wait_idle

OCT = date(2022, 10, 5)
NOTE = "Đã họp triển khai, còn chờ ý kiến Sở"


async def asked(app: Any, pilot: Any, cls: type[Screen[Any]]) -> Screen[Any]:
    """The question ``cls`` is on screen (a question waits in a worker: pause, not wait)."""
    for _ in range(40):
        await pilot.pause()
        if isinstance(app.screen, cls):
            return app.screen  # type: ignore[no-any-return]
    raise AssertionError(f"{cls.__name__} not shown; on screen: {type(app.screen).__name__}")


def progress(db: Path, item: str) -> tuple[str, int, str] | None:
    row = (
        sqlite3.connect(db)
        .execute(
            "SELECT p.status, p.progress_pct, p.note FROM progress p "
            "JOIN plan_item i ON i.id = p.plan_item_id WHERE i.key = ?",
            (item,),
        )
        .fetchone()
    )
    return None if row is None else (row[0], row[1], row[2])


def drafts(db: Path) -> dict[tuple[str, str], dict[str, str]]:
    rows = sqlite3.connect(db).execute("SELECT form, target, payload FROM draft").fetchall()
    return {(f, tg): json.loads(p) for f, tg, p in rows}


async def open_item(app: Any, pilot: Any) -> ItemScreen:
    await wait_idle(app, pilot)
    await pilot.press("f4")
    await wait_idle(app, pilot)
    await pilot.press("enter")
    await wait_idle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ItemScreen)
    return screen


async def type_note(app: Any, pilot: Any, text: str, *, clear: bool = True) -> None:
    """The note field: emptied (as Ctrl+A, Delete would), then ``text`` typed key by key."""
    area = app.screen.query_one("#note", VietTextArea)
    area.focus()
    if clear:
        area.clear()
    area.move_cursor(area.document.end)
    await pilot.pause()
    await type_text(pilot, text)
    await pilot.pause()


# -- the walk-through: PgDn / PgUp / Esc ---------------------------------------------------------
async def test_pgdn_from_a_changed_form_asks_and_each_answer_does_what_it_says(
    tmp_path: Path, plan_text: str
) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f6")
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        first = screen.items[0].item.id
        await pilot.press("enter", "down", "down", "enter")  # đang thực hiện
        await pilot.press("tab", "backspace", "8", "0")
        await pilot.press("pagedown")  # crashed with NoActiveWorker before
        await asked(app, pilot, ConfirmLeave)
        await pilot.press("escape")  # Ở lại
        await wait_idle(app, pilot)
        assert app.screen is screen and screen.index == 0
        assert screen.query_one("#pct", VietInput).value == "80"
        await pilot.press("pagedown")
        await asked(app, pilot, ConfirmLeave)
        await pilot.press("enter")  # Lưu (the focused button)
        await wait_idle(app, pilot)
        assert screen.index == 1
        assert progress(db, first) is not None and progress(db, first)[:2] == (  # type: ignore[index]
            "dang_thuc_hien",
            80,
        )
        second = screen.items[1].item.id
        before = progress(db, second)
        await type_note(app, pilot, "bỏ đi")
        await pilot.press("pageup")
        await asked(app, pilot, ConfirmLeave)
        await pilot.press("tab", "enter")  # Bỏ thay đổi
        await wait_idle(app, pilot)
        assert screen.index == 0
        assert progress(db, second) == before
        assert app.return_code is None  # still running: no crash on any of these keys


# -- Ctrl+Q: one question for every open form ---------------------------------------------------
async def test_ctrl_q_asks_once_for_the_item_and_the_evidence_dialog_on_it(
    tmp_path: Path, plan_text: str
) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_item(app, pilot)
        item = screen.item_id
        before = progress(db, item)
        await type_note(app, pilot, NOTE)
        await pilot.press("f9")  # the item's documents, then n: a new one
        await wait_idle(app, pilot)
        await pilot.press("n")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, EvidenceForm)
        await type_text(pilot, "15/BC-UBND")
        await pilot.press("ctrl+q")
        question = await asked(app, pilot, QuitQuestion)
        text = " ".join(str(s.render()) for s in question.query(Static))
        assert "2 phần" in text and item in text and "tài liệu mới" in text
        await pilot.press("escape")  # Ở lại: both forms intact
        await wait_idle(app, pilot)
        assert isinstance(app.screen, EvidenceForm)
        assert app.screen.query_one("#ev-number", VietInput).value == "15/BC-UBND"
        assert screen.query_one("#note", VietTextArea).text == NOTE
        await pilot.press("ctrl+q")
        await asked(app, pilot, QuitQuestion)
        await pilot.press("tab", "enter")  # Bỏ thay đổi, thoát
    assert app.return_code == 0
    assert progress(db, item) == before
    assert drafts(db) == {}  # dropped on purpose: no draft either


async def test_ctrl_q_save_all_saves_then_quits(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_item(app, pilot)
        item = screen.item_id
        await type_note(app, pilot, NOTE)
        await pilot.press("ctrl+q")
        await asked(app, pilot, QuitQuestion)
        await pilot.press("enter")  # Lưu hết rồi thoát
    saved = progress(db, item)
    assert saved is not None and saved[2] == NOTE
    assert drafts(db) == {}


async def test_ctrl_q_with_nothing_typed_quits_at_once(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(app, pilot)
        await pilot.press("ctrl+q")  # (no pause after: the app is gone, nothing to wait for)
    assert app.return_code == 0


# -- F-keys and the palette ---------------------------------------------------------------------
async def test_f_key_and_palette_from_a_dirty_item_ask(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_item(app, pilot)
        await type_note(app, pilot, NOTE)
        await pilot.press("f3")
        await asked(app, pilot, ConfirmLeave)
        await pilot.press("escape")
        await wait_idle(app, pilot)
        assert app.screen is screen and screen.query_one("#note", VietTextArea).text == NOTE
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "tong quan")
        await pilot.pause()
        await pilot.press("enter")
        await asked(app, pilot, ConfirmLeave)
        await pilot.press("enter")  # Lưu
        await wait_idle(app, pilot)
        assert isinstance(app.screen, OverviewScreen)
    saved = progress(db, screen.item_id)
    assert saved is not None and saved[2] == NOTE


async def test_clean_forms_leave_without_a_question(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(app, pilot)
        await pilot.press("escape")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ItemsScreen)
        await pilot.press("enter")
        await wait_idle(app, pilot)
        await pilot.press("f9")
        await wait_idle(app, pilot)
        await pilot.press("n")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, EvidenceForm)
        await pilot.press("escape")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, PickDocuments)
        await pilot.press("escape")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ItemScreen)


# -- Chấm điểm: typed points survive F9, the cursor, and `u` asks --------------------------------
async def test_scoring_keeps_typed_input_across_f9_and_cursor_moves(
    tmp_path: Path, plan_text: str
) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f7")
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ScoringScreen)
        await pilot.press("down", "down", "down", "enter")  # 1.1.2, into its points
        assert screen.code == "1.1.2"
        await type_text(pilot, "1")
        await pilot.press("tab")
        await type_text(pilot, "Có kế hoạch")
        await pilot.press("escape", "f9")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, PickDocuments)
        await pilot.press("space", "enter")  # links only: said "Đã lưu" of the links
        await wait_idle(app, pilot)
        assert app.screen is screen
        assert screen.query_one("#score-points", VietInput).value == "1"
        assert screen.query_one("#score-reason", VietInput).value == "Có kế hoạch"
        await pilot.press("up", "down")  # away and back
        await pilot.pause()
        assert screen.query_one("#score-reason", VietInput).value == "Có kế hoạch"
        with Store(db) as store:
            a = store.assessment("918", "mau-huyen-2022")
            assert a is not None
            assert "1.1.2" not in store.self_scores(a[0]) or (
                store.self_scores(a[0])["1.1.2"].points is None
            )
            assert store.score_evidence(a[0])["1.1.2"] == [1]
        await pilot.press("f4")  # leaving asks
        await asked(app, pilot, ConfirmLeave)
        await pilot.press("enter")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ItemsScreen)
    with Store(db) as store:
        a = store.assessment("918", "mau-huyen-2022")
        assert a is not None
        own = store.self_scores(a[0])["1.1.2"]
        assert (str(own.points), own.reason) == ("1", "Có kế hoạch")


async def test_u_shows_old_and_new_and_asks(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f7")
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ScoringScreen)
        await pilot.press("down", "down", "down", "enter")
        await type_text(pilot, "1")
        await pilot.press("tab")
        await type_text(pilot, "Có kế hoạch")
        await pilot.press("ctrl+s")
        await wait_idle(app, pilot)
        await pilot.press("u")
        question = await asked(app, pilot, AskYesNo)
        text = str(question.query_one(Static).render())
        assert "1.1.2" in text and "1 →" in text and "Có kế hoạch" in text
        await pilot.press("escape")  # Không
        await wait_idle(app, pilot)
        with Store(db) as store:
            a = store.assessment("918", "mau-huyen-2022")
            assert a is not None
            assert store.self_scores(a[0])["1.1.2"].reason == "Có kế hoạch"
        await pilot.press("u")
        await asked(app, pilot, AskYesNo)
        await pilot.press("shift+tab", "enter")  # Đồng ý
        await wait_idle(app, pilot)
    with Store(db) as store:
        a = store.assessment("918", "mau-huyen-2022")
        assert a is not None
        own = store.self_scores(a[0])["1.1.2"]
        assert (own.points, own.reason) == (None, "")


# -- drafts --------------------------------------------------------------------------------------
async def test_a_draft_is_written_while_typing_and_offered_back(
    tmp_path: Path, plan_text: str
) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_item(app, pilot)
        item = screen.item_id
        await type_note(app, pilot, NOTE)
        app.collect_drafts()  # what the 1-second timer does
        assert app.draft_writer is not None and app.draft_writer.flush()
        assert drafts(db)[("progress", item)]["note"] == NOTE
        # the audit log never sees a draft
        audit = sqlite3.connect(db).execute("SELECT changes FROM audit_log").fetchall()
        assert not any(NOTE in row[0] for row in audit)
        # the terminal goes away: the app ends without a question, the draft stays
        app.exit()
    assert drafts(db)[("progress", item)]["note"] == NOTE

    again = make_app(db, today=OCT)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_idle(again, pilot)
        walk = str(again.screen.query_one("#ov-walk", Static).render())
        assert "Bản nháp chưa lưu: 1" in walk and item in walk
        await pilot.press("f4")
        await wait_idle(again, pilot)
        await pilot.press("enter")
        question = await asked(again, pilot, RestoreDraft)
        assert "Khôi phục" in str(question.query_one(Static).render())
        await pilot.press("enter")  # Khôi phục
        await wait_idle(again, pilot)
        screen = again.screen
        assert isinstance(screen, ItemScreen)
        assert screen.query_one("#note", VietTextArea).text == NOTE
        assert screen.query_one(ItemForm).dirty
        await pilot.press("f2")
        await wait_idle(again, pilot)
    saved = progress(db, item)
    assert saved is not None and saved[2] == NOTE
    assert drafts(db) == {}  # a save removes it


async def test_refusing_a_draft_drops_it(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_item(app, pilot)
        await type_note(app, pilot, NOTE)
        app.exit()
    assert ("progress", screen.item_id) in drafts(db)
    again = make_app(db, today=OCT)
    async with again.run_test(size=(80, 24)) as pilot:
        await open_item_with_question(again, pilot)
        await pilot.press("tab", "enter")  # Bỏ
        await wait_idle(again, pilot)
        assert again.screen.query_one("#note", VietTextArea).text != NOTE
    assert drafts(db) == {}


async def open_item_with_question(app: Any, pilot: Any) -> None:
    await wait_idle(app, pilot)
    await pilot.press("f4")
    await wait_idle(app, pilot)
    await pilot.press("enter")
    await asked(app, pilot, RestoreDraft)


# -- two copies on one database ------------------------------------------------------------------
async def test_two_copies_the_stale_save_is_refused_and_both_versions_shown(
    tmp_path: Path, plan_text: str
) -> None:
    db = demo_db(tmp_path, plan_text)
    first, second = make_app(db, today=OCT), make_app(db, today=OCT)
    async with first.run_test(size=(80, 24)) as p1, second.run_test(size=(80, 24)) as p2:
        await wait_idle(second, p2)
        notes = [n.message for n in second._notifications]
        assert any("Một bản khác của ứng dụng" in m for m in notes), notes
        a = await open_item(first, p1)
        b = await open_item(second, p2)
        assert a.item_id == b.item_id
        await type_note(first, p1, "Bản của máy 1")
        await p1.press("f2")
        await wait_idle(first, p1)
        assert progress(db, a.item_id)[2] == "Bản của máy 1"  # type: ignore[index]
        await type_note(second, p2, "Bản của máy 2")
        await p2.press("f2")
        conflict = await asked(second, p2, ConflictModal)
        shown = " ".join(str(s.render()) for s in conflict.query(Static))
        assert "Bản của máy 1" in shown and "Bản của máy 2" in shown
        assert progress(db, a.item_id)[2] == "Bản của máy 1"  # type: ignore[index]
        await p2.press("enter")  # Gộp tay (focused): both notes in the form, not saved yet
        await wait_idle(second, p2)
        merged = b.query_one("#note", VietTextArea).text
        assert merged.startswith("Bản của máy 1") and merged.endswith("Bản của máy 2")
        assert progress(db, a.item_id)[2] == "Bản của máy 1"  # type: ignore[index]
        await p2.press("f2")  # against the version just seen: accepted
        await wait_idle(second, p2)
        assert progress(db, a.item_id)[2] == merged  # type: ignore[index]
        # and the first copy, now stale in its turn, chooses to keep its own
        await type_note(first, p1, " nữa", clear=False)
        await p1.press("f2")
        await asked(first, p1, ConflictModal)
        await p1.press("shift+tab", "shift+tab", "enter")  # Giữ bản của tôi
        await wait_idle(first, p1)
        assert progress(db, a.item_id)[2] == "Bản của máy 1 nữa"  # type: ignore[index]


async def test_a_cli_save_in_between_is_a_conflict_too(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f7")
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ScoringScreen)
        await pilot.press("down", "down", "down", "enter")
        await type_text(pilot, "1")
        view = screen.view
        assert view is not None
        with Store(db) as store:  # someone else scores 1.1.2 meanwhile
            ScoringStore(store).set_score(
                view.cset, "kh-260-2022", "1.1.2", agency="918", actor="Người khác", points=None,
                reason="", note="ghi chú khác",
            )  # fmt: skip
        await pilot.press("ctrl+s")
        conflict = await asked(app, pilot, ConflictModal)
        assert "Người khác" in str(conflict.query_one(".info", Static).render())
        await pilot.press("shift+tab", "enter")  # Lấy bản đã lưu (left of Gộp tay)
        await wait_idle(app, pilot)
        assert screen.query_one("#score-note", VietInput).value == "ghi chú khác"
        assert not screen.is_dirty()


# -- the scoring data dialogs and the first run ---------------------------------------------------
async def test_report_dates_dialog_asks_on_esc_and_keeps_a_draft(
    tmp_path: Path, plan_text: str
) -> None:
    from cchc_tui.ui.officer.screens.score_data import ReportDates

    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=date(2022, 12, 20))
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f7")
        await wait_idle(app, pilot)
        await pilot.press("b")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ReportDates)
        await type_text(pilot, "08/03/2022")
        await pilot.press("escape")
        await asked(app, pilot, ConfirmLeave)
        await pilot.press("escape")  # Ở lại
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ReportDates)
        app.collect_drafts()
        assert app.draft_writer is not None and app.draft_writer.flush()
        assert "08/03/2022" in drafts(db)[("reports", "kh-260-2022")].values()
        await pilot.press("escape")
        await asked(app, pilot, ConfirmLeave)
        await pilot.press("tab", "enter")  # Bỏ thay đổi
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ScoringScreen)
    assert drafts(db) == {}


async def test_first_run_ctrl_q_with_a_name_typed_asks(tmp_path: Path) -> None:
    app = make_app(tmp_path / "new.sqlite")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        app.screen.query_one("#officer", VietInput).focus()
        await type_text(pilot, "Nguyễn Văn A")
        await pilot.press("ctrl+q")
        await asked(app, pilot, QuitQuestion)
        await pilot.press("escape")
        await wait_idle(app, pilot)
        assert app.screen.query_one("#officer", VietInput).value == "Nguyễn Văn A"
        await pilot.press("ctrl+q")
        await asked(app, pilot, QuitQuestion)
        await pilot.press("tab", "enter")
    assert app.return_code == 0
    assert not (tmp_path / "new.sqlite").exists()


async def test_an_unknown_keymap_id_is_named_at_start(tmp_path: Path, plan_text: str) -> None:
    from cchc_tui.config import Config
    from cchc_tui.ui.officer.app import CchcApp
    from tests.tui_helpers import REGISTRY

    db = demo_db(tmp_path, plan_text)
    config = Config(keymap={"app.help": "f12", "app.hepl": "f11"})
    app = CchcApp(db, config, today=OCT, registry=REGISTRY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        notes = [n.message for n in app._notifications]
        assert any("app.hepl" in m and "app.help" not in m for m in notes), notes


async def test_esc_on_the_draft_question_keeps_it_for_later(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_item(app, pilot)
        await type_note(app, pilot, NOTE)
        app.exit()
    again = make_app(db, today=OCT)
    async with again.run_test(size=(80, 24)) as pilot:
        await open_item_with_question(again, pilot)
        await pilot.press("escape")  # Để sau
        await wait_idle(again, pilot)
    assert drafts(db)[("progress", screen.item_id)]["note"] == NOTE


async def test_questions_never_pile_up(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(app, pilot)
        await type_note(app, pilot, NOTE)
        await pilot.press("ctrl+q", "ctrl+q")
        await asked(app, pilot, QuitQuestion)
        await pilot.press("escape")  # Ở lại: no second question behind it
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ItemScreen)
        # F6 from a dirty item, then PgDn PgDn in one burst on a changed walk-through form
        await pilot.press("f3")
        await asked(app, pilot, ConfirmLeave)
        await pilot.press("tab", "enter")  # Bỏ thay đổi
        await wait_idle(app, pilot)
        await pilot.press("f6")
        await wait_idle(app, pilot)
        walk = app.screen
        assert isinstance(walk, WalkthroughScreen)
        await type_note(app, pilot, "đổi")
        await pilot.press("pagedown", "pagedown")
        await asked(app, pilot, ConfirmLeave)
        await wait_idle_questions(pilot)
        assert sum(isinstance(s, ConfirmLeave) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await wait_idle(app, pilot)
        assert app.screen is walk and walk.index == 0


async def wait_idle_questions(pilot: Any) -> None:
    for _ in range(5):
        await pilot.pause()


async def test_a_file_name_too_long_for_the_disk_is_said_not_a_crash(
    tmp_path: Path, plan_text: str
) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f5")
        await wait_idle(app, pilot)
        await pilot.press("n")
        await wait_idle(app, pilot)
        form = app.screen
        assert isinstance(form, EvidenceForm)
        form.query_one("#ev-file", VietInput).value = str(tmp_path / ("Báo cáo kết quả " * 20))
        await pilot.pause()
        await pilot.pause()
        assert "không dùng được" in str(form.query_one("#ev-error", Static).render())
        assert app.return_code is None


async def test_typing_right_after_enter_in_scoring_lands_in_the_fields(
    tmp_path: Path, plan_text: str
) -> None:
    from textual import events

    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f7")
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ScoringScreen)
        await pilot.press("down", "down", "down")  # 1.1.2
        for key, char in [("enter", None), ("1", "1"), ("tab", None)] + [
            (c, c) for c in "liền"
        ]:  # one burst, as a fast typist's keys arrive
            app.post_message(events.Key(key, char))
        await wait_idle(app, pilot)
        assert screen.query_one("#score-points", VietInput).value == "1"
        assert screen.query_one("#score-reason", VietInput).value == "liền"
        assert not isinstance(app.screen, Screen) or app.screen is screen  # no dialog opened
