"""The reviewer's flow through the TUI on generated bundles from several agencies: one on
time, one late, one resubmitted, one tampered (refused, never half-imported), the rest missing;
then the appraisal in two rounds, comments on an item and on a criterion, the ranking exported,
a signed receipt, and the officer's app showing what the reviewer said."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from textual.widgets import DataTable, Static

from cchc_tui.ui.review.agency import ReviewAgencyScreen
from cchc_tui.ui.review.app import ReviewApp
from cchc_tui.ui.review.dialogs import ReceiptModal
from cchc_tui.ui.review.importing import ImportScreen
from cchc_tui.ui.review.overview import ReviewOverviewScreen
from cchc_tui.ui.review.ranking import RankingScreen
from cchc_tui.ui.widgets.viet_input import VietInput
from tests.tui_helpers import (
    cli,
    make_app,
    officer_bundle,
    person_with_key,
    type_text,
    wait_idle,
)

pytestmark = pytest.mark.asyncio


def tamper(src: Path, dst: Path) -> None:
    """A copy of a bundle with one byte of its submission changed (zip rewritten cleanly, so
    only the signature and manifests can tell)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith("data/submission.json"):
                data = data.replace(b'"dang_thuc_hien"', b'"hoan_thanh"  ', 1)
            zout.writestr(info, data)


@pytest.fixture
def usb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """918 sends, then resubmits with a document attached; 916 sends; 917's bundle was
    tampered with on the way. All four files wait on a USB stick."""
    monkeypatch.chdir(tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    o918 = str(tmp_path / "918.sqlite")
    officer_bundle(tmp_path, o918, "918", "Hương", score=True, out="usb")
    (tmp_path / "qd.pdf").write_bytes(b"%PDF-1.4 quyet dinh so hoa\n" * 50)
    cli(
        "--db",
        o918,
        "evidence",
        "add",
        "--number",
        "15/QĐ-UBND",
        "--date",
        "20/09/2022",
        "--issuer",
        "UBND quận Bình Thủy",
        "--title",
        "Quyết định số hóa hồ sơ",
        "--file",
        "qd.pdf",
        "--item",
        "hd3.8",
    )
    cli("--db", o918, "progress", "set", "hd3.8", "--status", "xong", "--completed", "20/09/2022")
    cli("--db", o918, "export", "--period", "Q3", "--out", "usb", "--passphrase-file", "p")
    officer_bundle(tmp_path, str(tmp_path / "916.sqlite"), "916", "Nam", score=True, out="usb")
    b917 = officer_bundle(tmp_path, str(tmp_path / "917.sqlite"), "917", "Lan", out=".")
    tamper(Path(b917), stick / Path(b917).name)
    return stick


async def test_reviewer_flow_on_several_agencies(
    usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_tui.ui import opener

    opened: list[Path] = []
    monkeypatch.setattr(opener, "open_with_system", opened.append)
    reviewer = tmp_path / "r.sqlite"
    person_with_key(str(reviewer), "SNV", "Thẩm định viên", role="reviewer")
    app = ReviewApp(reviewer, today=date(2022, 9, 5))  # current period: Q3, due 10/09/2022
    async with app.run_test(size=(100, 36)) as pilot:
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ReviewOverviewScreen)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#import-dir", VietInput).value = str(usb)
        # no CA remembered yet: the field asks for it; a file that is no certificate is refused
        assert app.screen.query_one("#import-ca-row").display
        app.screen.query_one("#import-ca", VietInput).value = str(tmp_path / "p")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        log = str(app.screen.query_one("#import-log", Static).render())
        assert log.startswith("× ") and "không phải chứng thư số" in log
        app.screen.query_one("#import-ca", VietInput).value = "ca/ca.pem"
        await pilot.press("f2")
        await wait_idle(app, pilot)
        assert not app.screen.query_one("#import-ca-row").display
        log = str(app.screen.query_one("#import-log", Static).render()).splitlines()
        assert [line[:2] for line in log] == ["√ ", "× ", "√ ", "√ ", "! "]  # 916, 917, 918 ×2
        assert "chưa kiểm tra thu hồi" in log[-1]  # no revocation list given: said once
        assert "cchc-917-" in log[1] and "«data/submission.json» đã bị sửa" in log[1]
        await pilot.press("escape")
        await wait_idle(app, pilot)
        # the refused bundle left nothing behind: no row, no folder
        con = sqlite3.connect(reviewer)
        assert [r[0] for r in con.execute("SELECT agency_code FROM received_bundle")] == [
            "916",
            "918",
            "918",
        ]
        # 916's bundle came in before the due date (the stick was read on 08/09/2022)
        con.execute(
            "UPDATE received_bundle SET received_at = '2022-09-08 09:00:00' "
            "WHERE agency_code = '916'"
        )
        con.commit()
        con.close()
        overview = app.screen
        assert isinstance(overview, ReviewOverviewScreen)
        await pilot.press("f")  # filter: missing
        await overview._period()
        await wait_idle(app, pilot)
        table = overview.query_one("#review-units", DataTable)
        stats = str(overview.query_one("#review-stats", Static).render())
        assert stats.startswith("Đã nhận 2/31") and "đúng hạn 3,2%" in stats  # 1 of 31
        assert table.row_count == 29 and "917" in [table.get_row_at(i)[1] for i in range(29)]
        # the line under the table: the highlighted unit in full
        code = table.get_row_at(table.cursor_row)[1]
        detail = str(overview.query_one("#review-unit-detail", Static).render()).splitlines()
        assert detail[0] == f"{code} {app.registry.agencies[code].name}"
        assert detail[1].startswith("chưa nộp · tự chấm chưa có")
        await pilot.press("f")  # late
        assert [table.get_row_at(i)[1] for i in range(table.row_count)] == ["918"]
        await pilot.press("f")  # on time
        assert [table.get_row_at(i)[1] for i in range(table.row_count)] == ["916"]
        await pilot.press("f", "slash")  # all, then search without accents
        await type_text(pilot, "binh thuy")
        assert table.row_count == 1
        table.focus()
        await pilot.press("enter")
        await wait_idle(app, pilot)
        agency = app.screen
        assert isinstance(agency, ReviewAgencyScreen)
        # the resubmission is the one shown, and says it is the second; the first stays listed
        assert agency.got.count == 2
        history = str(agency.query_one("#agency-history", Static).render()).splitlines()
        assert len(history) == 2 and history[0].startswith("  lần 1: ")
        assert history[1].endswith("đã nhận ← đang xét") and agency.got.bundle_id[:8] in history[1]
        info = str(agency.query(".info").first(Static).render())
        assert "2 lần" in info or "(2)" in info
        assert "có báo cáo kỳ (w)" in str(agency.query_one("#agency-bundle", Static).render())
        # w: the unit's period report, checked against the signed manifest, opened as a copy
        await pilot.press("w")
        await wait_idle(app, pilot)
        assert len(opened) == 1 and opened[0].name == "cchc-bao-cao-918-Q3.docx"
        paragraphs = [p.text for p in docx.Document(str(opened[0])).paragraphs]
        assert "Kết quả thực hiện công tác cải cách hành chính quý III năm 2022" in paragraphs
        # the document of the resubmission, its stored file's hash checked again
        evidence = agency.query_one("#agency-evidence", DataTable)
        row = evidence.get_row_at(0)
        assert row[0] == "15/QĐ-UBND" and row[1] == "√ khớp" and row[2].endswith(".pdf")
        assert Path(row[2]).is_file()
        # round 1: 1.1.2 cut to 0; a comment on that criterion
        scores = agency.query_one("#agency-scores", DataTable)
        scores.focus()
        scores.move_cursor(row=scores.get_row_index("1.1.2"))
        await pilot.pause()
        beside = str(agency.query_one("#agency-score", Static).render())
        assert beside == (
            "1.1.2 Xác định đầy đủ nhiệm vụ theo kế hoạch của thành phố, có kinh phí (tối đa 1) "
            "· giải trình: Có kế hoạch · TLKC: —"
        )
        await pilot.press("p")
        await pilot.pause()
        now = str(app.screen.query_one("#appraise-now", Static).render())
        assert now.startswith("Tự chấm: 1 · vòng 1: — · vòng 2: —\n")
        assert app.screen.query_one("#appraise-round", VietInput).value == "1"
        await type_text(pilot, "0")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        # a deduction says why: asked for in the dialog, which stays open on the reason
        error = str(app.screen.query_one("#appraise-error", Static).render())
        assert error.startswith("1.1.2: đơn vị tự chấm 1, thẩm định 0 là trừ điểm; cần ghi lý do")
        assert app.screen.focused is app.screen.query_one("#appraise-reason", VietInput)
        await type_text(pilot, "Kế hoạch ban hành trễ")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.query_one("#comment-target", VietInput).value == "Tiêu chí 1.1.2"
        await type_text(pilot, "Chưa có kế hoạch")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        # round 2 after the explanation: appraised once, the round is chosen, not guessed,
        # with round 1's value and reason in view
        await pilot.press("p")
        await pilot.pause()
        now = str(app.screen.query_one("#appraise-now", Static).render())
        assert now.startswith("Tự chấm: 1 · vòng 1: 0 · vòng 2: —\n")
        assert now.endswith("\nLý do vòng 1: Kế hoạch ban hành trễ")
        assert app.screen.query_one("#appraise-round", VietInput).value == ""
        await type_text(pilot, "1")  # round 1: its value put in the points field
        assert app.screen.query_one("#appraise-points", VietInput).value == "0"
        await pilot.press("backspace")
        await type_text(pilot, "2")
        assert app.screen.query_one("#appraise-points", VietInput).value == ""
        await pilot.press("tab")
        await type_text(pilot, "1")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        assert scores.get_row("1.1.2")[1:4] == ["1", "0", "1"]
        totals = str(agency.query_one("#agency-totals", Static).render())
        assert "Thẩm định: " in totals and "đã chấm 1/" in totals
        # a comment on an item, then the state: cần bổ sung
        items = agency.query_one("#agency-items", DataTable)
        items.focus()
        items.move_cursor(row=items.get_row_index("item:hd3.8"))
        await pilot.pause()
        line = str(agency.query_one("#agency-item", Static).render())
        assert line.startswith("3.8 ") and "xong 20/09/2022" in line
        assert line.endswith("TLKC: 15/QĐ-UBND")
        # the document under the evidence table whole: what its row cannot show
        doc = str(agency.query_one("#agency-document", Static).render())
        assert doc.startswith("15/QĐ-UBND ngày ") and doc.endswith("cho mục: hd3.8")
        assert "tệp gốc: " in doc
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "Đã có quyết định")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        # the state: picked from the list, then confirmed with Enter again
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        said = str(app.screen.query_one("#form-error", Static).render())
        assert said == "Đặt «cần bổ sung» cho 918? Enter: đồng ý · Esc: thôi"
        await pilot.press("enter")
        await wait_idle(app, pilot)
        review = str(agency.query_one("#agency-review", Static).render())
        assert "cần bổ sung" in review
        assert "[Tiêu chí 1.1.2] Chưa có kế hoạch" in review
        assert "[Hoạt động 3.8] Đã có quyết định" in review
        # the signed receipt, to the USB stick
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReceiptModal)
        app.screen.query_one("#receipt-out", VietInput).value = str(usb / "phieu-918.zip")
        assert app.screen.focused is app.screen.query_one("#receipt-pass", VietInput)
        await pilot.press("tab")  # the passphrase field is the only one Tab reaches
        assert app.screen.focused is not app.screen.query_one("#receipt-out", VietInput)
        await pilot.press("shift+tab")
        await type_text(pilot, "sai-mat-khau")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        result = str(app.screen.query_one("#receipt-result", Static).render())
        assert result.startswith("×") and not (usb / "phieu-918.zip").exists()
        await type_text(pilot, "mat-khau-dai-123")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        assert (usb / "phieu-918.zip").is_file()
        # the receipt signed is listed; Ctrl+R issues it again, never over the file
        history = app.screen.query_one("#receipt-history", DataTable)
        assert history.row_count == 1 and str(history.get_row_at(0)[0]).strip() == "1"
        await pilot.press("ctrl+r")
        await wait_idle(app, pilot)
        result = str(app.screen.query_one("#receipt-result", Static).render())
        assert "phiếu không ghi đè tệp nào" in result
        app.screen.query_one("#receipt-out", VietInput).value = str(tmp_path)
        await pilot.press("ctrl+r")
        await wait_idle(app, pilot)
        again = tmp_path / "phieu-918.zip"
        assert again.read_bytes() == (usb / "phieu-918.zip").read_bytes()
        await pilot.press("escape", "escape")
        await wait_idle(app, pilot)
        # back on the overview: the review states counted, and a filter on them
        assert isinstance(app.screen, ReviewOverviewScreen)
        stats = str(app.screen.query_one("#review-stats", Static).render()).splitlines()
        assert stats[1].startswith("Thẩm định: chờ 1 · bổ sung 1 · duyệt 0 · không duyệt 0")
        await pilot.press("d", "d")  # all → đã nhận (waiting) → cần bổ sung
        units = app.screen.query_one("#review-units", DataTable)
        assert [units.get_row_at(i)[1] for i in range(units.row_count)] == ["918"]
        await pilot.press("d", "d", "d")  # đã duyệt, không duyệt, all
        assert units.row_count == 1  # the search "binh thuy" still applies
        # the districts' ranking: 918 by its appraisal; 916 (self total only) listed apart,
        # unranked, once appraisal has started
        await pilot.press("r")
        await wait_idle(app, pilot)
        ranking = app.screen
        assert isinstance(ranking, RankingScreen)
        table = ranking.query_one("#ranking", DataTable)
        kinds = {table.get_row_at(i)[1]: table.get_row_at(i)[3] for i in range(table.row_count)}
        assert kinds == {"918": "thẩm định", "916": "tự chấm, chưa thẩm định"}
        assert [table.get_row_at(i)[0] for i in range(table.row_count)] == ["1", ""]
        title = str(ranking.query_one("#ranking-title", Static).render())
        assert title.startswith("Xếp hạng quận, huyện — Báo cáo quý III")
        # Enter opens the agency; an appraisal there shows in the ranking on the way back
        table.move_cursor(row=table.get_row_index("916"))
        await pilot.press("enter")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ReviewAgencyScreen) and app.screen.row.agency.code == "916"
        app.screen.query_one("#agency-scores", DataTable).focus()
        await pilot.press("p")
        await pilot.pause()
        await type_text(pilot, "0")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        await pilot.press("escape")
        await wait_idle(app, pilot)
        assert app.screen is ranking
        kinds = {table.get_row_at(i)[1]: table.get_row_at(i)[3] for i in range(table.row_count)}
        assert kinds == {"918": "thẩm định", "916": "thẩm định"}
        await pilot.press("x")
        await pilot.pause()
        out = tmp_path / "xep-hang-Q3.xlsx"
        app.screen.query_one("#ranking-out", VietInput).value = str(out)
        await pilot.press("f2")
        await wait_idle(app, pilot)
        wb = load_workbook(out)
        assert wb.sheetnames == ["Sở, ban, ngành", "Quận, huyện"]
        districts = [[c.value for c in r] for r in wb["Quận, huyện"].iter_rows(min_row=4)]
        end = next(i for i, r in enumerate(districts) if not any(r))  # then the sign-off block
        assert "THỦ TRƯỞNG CƠ QUAN" in districts[end + 1] and "NGƯỜI LẬP BIỂU" in districts[end + 1]
        districts = districts[:end]
        assert {r[1]: r[6] for r in districts if r[0]} == {"918": "thẩm định", "916": "thẩm định"}
        assert [r[8] for r in districts if not r[0]] == ["chưa nộp"] * 7 and len(districts) == 9
        assert all(r[5] is not None and 0 <= r[5] <= 100 for r in districts if r[0])  # the %
        assert "Hạng lĩnh vực 1" in [c.value for c in wb["Quận, huyện"][3]]
        # again onto the same file: asked first, replaced only on a second F2
        out.write_bytes(b"sent to the leaders")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        said = str(app.screen.query_one("#ranking-result", Static).render())
        assert said.startswith(f"Đã có tệp {out}.") and out.read_bytes() == b"sent to the leaders"
        await pilot.press("f2")
        await wait_idle(app, pilot)
        assert load_workbook(out).sheetnames == ["Sở, ban, ngành", "Quận, huyện"]

    # the officer imports the receipt in the app (F8, Ctrl+R); the CA is asked for once
    from cchc_tui.ui.officer.screens.receipt import ReceiptImport

    officer = make_app(tmp_path / "918.sqlite", today=date(2022, 9, 25))
    async with officer.run_test(size=(100, 36)) as pilot:
        await wait_idle(officer, pilot)
        await pilot.press("f8")
        await wait_idle(officer, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        modal = officer.screen
        assert isinstance(modal, ReceiptImport) and modal.query_one("#receipt-ca-row").display
        modal.query_one("#receipt-ca", VietInput).value = "ca/ca.pem"
        modal.query_one("#receipt-file", VietInput).value = str(tmp_path / "p")  # not a receipt
        await pilot.press("f2")
        await wait_idle(officer, pilot)
        assert str(modal.query_one("#receipt-result", Static).render()).startswith("× ")
        modal.query_one("#receipt-file", VietInput).value = str(usb / "phieu-918.zip")
        await pilot.press("f2")
        await wait_idle(officer, pilot)
        result = str(modal.query_one("#receipt-result", Static).render())
        assert result.startswith("√ Đã nhận phiếu thẩm định: cần bổ sung, 2 nhận xét")
        await pilot.press("escape")
    receipt = json.loads(cli("--db", str(tmp_path / "918.sqlite"), "receipt", "list", "--json"))[0]
    assert receipt["state"] == "can_bo_sung"
    assert receipt["appraisal"]["1.1.2"] == {"1": "0", "2": "1"}
    assert {c["target"] for c in receipt["comments"]} == {"criterion:1.1.2", "item:hd3.8"}
    # … and the officer's Chấm điểm screen shows it beside the self score
    from cchc_tui.ui.officer.screens.scoring import ScoringScreen

    officer = make_app(tmp_path / "918.sqlite", today=date(2022, 9, 25))
    async with officer.run_test(size=(100, 36)) as pilot:
        await wait_idle(officer, pilot)
        said = str(officer.screen.query_one("#ov-review", Static).render())
        assert "(kỳ Q3): cần bổ sung · 2 nhận xét (1 về mục" in said
        await pilot.press("f7")
        await wait_idle(officer, pilot)
        screen = officer.screen
        assert isinstance(screen, ScoringScreen)
        totals = str(screen.query_one("#score-totals", Static).render())
        assert "Sở Nội vụ thẩm định: " in totals and "hồ sơ: cần bổ sung" in totals
        tree = screen.query_one("#score-tree", DataTable)
        tree.move_cursor(row=tree.get_row_index("s:1.1.2"))
        await pilot.pause()
        assert tree.get_cell("s:1.1.2", "self") == "1" and tree.get_cell("s:1.1.2", "appr") == "1"
        explain = str(screen.query_one("#score-explain", Static).render())
        assert "Sở Nội vụ thẩm định: Vòng 1: 0 · Vòng 2: 1" in explain
        assert "» Chưa có kế hoạch — Thẩm định viên" in explain
        # the items Sở Nội vụ commented on are marked, and n shows only them
        await pilot.press("f4")
        await wait_idle(officer, pilot)
        items = officer.screen.query_one("#items", DataTable)
        await pilot.press("n")
        await pilot.pause()
        assert items.row_count == 1 and items.get_row_at(0)[1] == "hd3.8"
        assert str(items.get_row_at(0)[7]).startswith("» ")
        await pilot.press("enter")
        await wait_idle(officer, pilot)
        said = str(officer.screen.query_one("#review-comments", Static).render())
        assert "Đã có quyết định" in said
