"""Issue 14, readable rows: at the 80×24 office terminals open at, the items table keeps at least
30 characters of each activity's text, the filter line keeps its count first, and the line under
the table says the highlighted item in full (role, due date, status, evidence, the whole text),
following the cursor."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from cchc_tui.ui.officer.screens.items import ItemsScreen
from tests.tui_helpers import demo_db, make_app


def _text(widget: Static) -> str:
    return str(widget.render())


async def test_items_at_80_columns_show_30_characters_and_the_whole_highlighted_item(
    tmp_path: Path, plan_text: str
) -> None:
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ItemsScreen)
        table = screen.query_one("#items", DataTable)
        text_column = table.ordered_columns[-1]
        assert text_column.key.value == "text"
        assert text_column.width >= 30
        # what is drawn: each visible row's text cell is 30 characters or its whole text
        first = screen.rows[0].item
        shown = str(table.get_row(first.id)[-1])
        assert len(shown) >= 30 and first.text.startswith(shown.rstrip("…"))
        # the count comes first on the filter line, so it is never cut off
        filters = _text(screen.query_one("#filters", Static))
        assert filters.startswith("52/52 mục")
        # the detail line follows the cursor and holds the whole text
        detail = screen.query_one("#item-detail", Static)
        for _ in range(7):
            await pilot.press("down")
        await pilot.pause()
        row = screen.highlighted()
        assert row is not None and row.item.id == "hd3.8"
        said = " ".join(_text(detail).split())
        assert said.startswith("hd3.8 · Chủ trì · hạn 31/12/2022 · đang thực hiện 55% · 0 TLKC")
        assert " ".join(row.item.text.split()) in said
        assert len(row.item.text) > 60  # more than any column could hold
        # the pane's lines fit the screen: wrapped, not cut at the edge
        lines = _text(detail).splitlines()
        assert len(lines) == 3 and all(len(line) <= detail.content_region.width for line in lines)
        # the longest activity (329 characters) is cut after three lines with an ellipsis
        longest = max(screen.rows, key=lambda r: len(r.item.text))
        table.move_cursor(row=table.get_row_index(longest.item.id))
        await pilot.pause()
        lines = _text(detail).splitlines()
        assert len(lines) == 4 and lines[-1].endswith("…") and len(longest.item.text) > 240
        assert " ".join(lines[1:])[:-1] in " ".join(longest.item.text.split())


async def test_the_detail_line_says_when_nothing_matches(tmp_path: Path, plan_text: str) -> None:
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ItemsScreen)
        screen.query_text = "không có mục nào như thế này"
        await pilot.pause()
        detail = _text(screen.query_one("#item-detail", Static))
        assert detail == "Không có mục nào khớp bộ lọc; nhấn c để bỏ lọc."
        assert _text(screen.query_one("#filters", Static)).startswith("0/52 mục")
        await pilot.press("c")
        await pilot.pause()
        assert _text(screen.query_one("#item-detail", Static)).startswith("hd3.1 · Phối hợp")


async def test_english_short_columns(tmp_path: Path, plan_text: str) -> None:
    app = make_app(demo_db(tmp_path, plan_text), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ItemsScreen)
        table = screen.query_one("#items", DataTable)
        cells = [str(c) for c in table.get_row("hd3.8")]
        assert cells[0] == "[ ]" and cells[2:5] == ["L", "31/12", "doing"]
        detail = _text(screen.query_one("#item-detail", Static))
        said = (
            "hd3.1 · Coordinate · due 31/12/2022 (31/03 met · 31/12 not yet) · in progress 60% "
            "· 1 documents"
        )
        assert detail.startswith(said)


async def test_the_evidence_register_shows_the_highlighted_document_in_full(
    tmp_path: Path, plan_text: str
) -> None:
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        table = app.screen.query_one("#register", DataTable)
        keys = [c.key.value for c in table.ordered_columns]
        assert keys == ["number", "type", "date", "title"]  # the title gets what is left
        assert table.ordered_columns[-1].width >= 36
        await pilot.press("down", "down")
        await pilot.pause()
        detail = _text(app.screen.query_one("#evidence-detail", Static))
        assert detail.splitlines() == [
            "25/BC-UBND (BC) · ngày 08/03/2022 · UBND quận Bình Thủy",
            "Trích yếu: Báo cáo công tác cải cách hành chính quý I năm 2022",
            "Mục: hd3.1, hd3.7 · Tệp: không có tệp",
        ]
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(120, 30)) as pilot:  # wide: the issuer and items as well
        await pilot.press("f5")
        await pilot.pause()
        table = app.screen.query_one("#register", DataTable)
        assert [c.key.value for c in table.ordered_columns][3:] == ["issuer", "items", "title"]


async def test_the_scoring_panel_names_the_highlighted_row_in_full(
    tmp_path: Path, plan_text: str
) -> None:
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        explain = app.screen.query_one("#score-explain", Static)
        assert _text(explain).startswith("1 Công tác chỉ đạo, điều hành")  # an area row
        await pilot.press("down", "down", "down")
        await pilot.pause()
        lines = _text(explain).splitlines()
        assert lines[0] == (
            "1.1.2 Xác định đầy đủ nhiệm vụ theo kế hoạch của thành phố, có kinh phí "
            "(tối đa 1 điểm)"
        )
        assert lines[1].startswith("gợi ý: ")
