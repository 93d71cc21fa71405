"""The Báo cáo kỳ screen by keyboard at 80×24: prefilled with the draft of facts, the officer's
words kept with Ctrl+S (and then in the .docx and the export's report), Esc with unsaved words
asks first, Ctrl+O writes the .docx where the officer says (issue 18)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import docx

from cchc_tui.ui.dialogs import ConfirmLeave
from cchc_tui.ui.officer.screens.overview import OverviewScreen
from cchc_tui.ui.officer.screens.period_report import PeriodReportScreen
from cchc_tui.ui.widgets.ask_text import AskText
from cchc_tui.ui.widgets.viet_input import VietInput
from cchc_tui.ui.widgets.viet_text_area import VietTextArea
from tests.tui_helpers import demo_db, make_app, type_text, wait_idle

OCT = date(2022, 10, 5)  # the year's report is current


async def wait_for(app, pilot, cls) -> None:  # type: ignore[no-untyped-def]
    for _ in range(40):
        await pilot.pause()
        if isinstance(app.screen, cls):
            return
    raise AssertionError(f"{cls.__name__} not shown; on screen: {type(app.screen).__name__}")


async def test_the_officers_words_by_keyboard(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        app.action_show_period_report()
        await wait_for(app, pilot, PeriodReportScreen)
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PeriodReportScreen) and screen.period == "NAM"
        assert app.focused is screen.query_one("#r-number", VietInput)
        weak = screen.query_one("#r-weaknesses", VietTextArea)
        assert weak.text.startswith("Còn 3 nhiệm vụ chậm so với thời hạn của kế hoạch: 3.5")
        assert screen.query_one("#r-date", VietInput).value == "05/10/2022"
        await type_text(pilot, "61")
        await pilot.press("tab", "tab")  # the date, then the signer
        await type_text(pilot, "Nguyễn Văn An")
        # Esc with unsaved words asks first; "Ở lại" keeps them on screen
        await pilot.press("escape")
        await wait_for(app, pilot, ConfirmLeave)
        await pilot.press("escape")
        await wait_for(app, pilot, PeriodReportScreen)
        assert screen.query_one("#r-signer", VietInput).value == "Nguyễn Văn An"
        await pilot.press("ctrl+s")
        await wait_idle(app, pilot)
        assert not screen.is_dirty()
        # Ctrl+O: the .docx where the officer says
        await pilot.press("ctrl+o")
        await wait_for(app, pilot, AskText)
        out = tmp_path / "bao cao nam.docx"
        app.screen.query_one(VietInput).value = f'"{out}"'  # pasted with Explorer's quotes
        await pilot.press("enter")
        await wait_for(app, pilot, PeriodReportScreen)
        await wait_idle(app, pilot)
        assert out.is_file()
        await pilot.press("escape")  # saved: leaves without asking
        await wait_for(app, pilot, OverviewScreen)
    con = sqlite3.connect(db)
    row = con.execute(
        "SELECT number, signer, weaknesses FROM period_report_text WHERE period = 'NAM'"
    ).fetchone()
    con.close()
    assert row[0] == "61" and row[1] == "Nguyễn Văn An" and row[2].startswith("Còn 3 nhiệm vụ")
    document = docx.Document(str(out))
    left = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    assert left[-1] == "Số: 61/BC-UBND"
    texts = [p.text for p in document.paragraphs]
    assert "Kết quả thực hiện công tác cải cách hành chính năm 2022" in texts  # not "năm năm"


async def test_unsaved_words_come_back_as_a_draft(tmp_path: Path, plan_text: str) -> None:
    """Typed and not kept when the app went away (a power cut): the words are in the draft
    table within a second, and offered back on the next opening of Báo cáo kỳ."""
    import asyncio
    import json

    from cchc_tui.ui.dialogs import RestoreDraft

    db = demo_db(tmp_path, plan_text)
    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        app.action_show_period_report()
        await wait_for(app, pilot, PeriodReportScreen)
        await wait_idle(app, pilot)
        app.screen.query_one("#r-proposals", VietTextArea).focus()
        await type_text(pilot, "Đề nghị tập huấn")
        for _ in range(100):  # the draft writer's pace: about a second (a busy machine: more)
            await asyncio.sleep(0.1)
            rows = sqlite3.connect(db).execute("SELECT form, payload FROM draft").fetchall()
            if rows and "Đề nghị tập huấn" in rows[0][1]:
                break
        ((form, payload),) = rows
        assert form == "period_report" and "Đề nghị tập huấn" in json.loads(payload)["proposals"]
        app.exit()  # gone without the question, as a killed process would be
    again = make_app(db, today=OCT)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_idle(again, pilot)
        again.action_show_period_report()
        await wait_for(again, pilot, RestoreDraft)
        await pilot.press("enter")  # Khôi phục
        await wait_for(again, pilot, PeriodReportScreen)
        text = again.screen.query_one("#r-proposals", VietTextArea).text
        assert "Đề nghị tập huấn" in text
