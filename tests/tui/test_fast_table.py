"""FastTable draws exactly what Textual's DataTable draws (it only draws one-line text cells
faster): the same characters, styles and mouse metadata, line by line, with the cursor, zebra
stripes, markup in str cells, styled Text, cut text and cells it leaves to DataTable."""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import DataTable

from cchc_tui.ui.widgets.fast_table import FastTable

ROWS = [
    (Text("[x]"), "hd3.1", "Tổ chức tập huấn nghiệp vụ cải cách hành chính cho công chức", 40),
    (Text("[ ]"), "hd3.8", "[b]đậm[/b] theo cú pháp của Rich, như DataTable đọc một str", 100),
    (Text("[ ]"), "hd3.12", Text("Chữ có kiểu riêng", style="italic red"), 0),
    (Text("[x]"), "", "", 7),
    (Text("[ ]"), "hd2.22", "Một dòng rất dài " * 6, None),
]


class Pair(App[None]):
    AUTO_FOCUS = None  # neither table focused until the test says

    def compose(self) -> ComposeResult:
        yield DataTable(id="slow", cursor_type="row", zebra_stripes=True)
        yield FastTable(id="fast", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            table.styles.height = 8
            table.add_column("", key="mark", width=3)
            table.add_column("Số", key="id", width=7)
            table.add_column("Nội dung", key="text", width=30)
            table.add_column("%", key="pct", width=4)  # an int: DataTable's own (right-aligned)
            for n, row in enumerate(ROWS):
                table.add_row(*row, key=f"r{n}")


def lines(table: DataTable[object]) -> list[list[Segment]]:
    width, height = table.size
    return [list(strip) for strip in table.render_lines(Region(0, 0, width, height))]


async def test_the_fast_table_draws_what_datatable_draws() -> None:
    app = Pair()
    async with app.run_test(size=(80, 20)) as pilot:
        slow = app.query_one("#slow", DataTable)
        fast = app.query_one("#fast", FastTable)
        await pilot.pause()
        assert lines(fast) == lines(slow)
        assert fast.virtual_size == slow.virtual_size  # not measured: every width is set
        for table in (slow, fast):
            table.move_cursor(row=2)
        await pilot.pause()
        assert lines(fast) == lines(slow)
        fast.focus()
        await pilot.pause()
        focused_fast = lines(fast)
        slow.focus()
        await pilot.pause()
        assert focused_fast == lines(slow)
        text = "".join(s.text for s in focused_fast[0] + focused_fast[2])
        assert "Số" in text and "[b]" not in "".join(s.text for line in focused_fast for s in line)


async def test_a_changed_cell_is_drawn_again() -> None:
    app = Pair()
    async with app.run_test(size=(80, 20)) as pilot:
        fast = app.query_one("#fast", FastTable)
        await pilot.pause()
        fast.update_cell("r1", "mark", Text("[x]"))
        await pilot.pause()
        row = "".join(s.text for s in lines(fast)[2])
        assert row.startswith(" [x] ")


async def test_cells_kept_across_a_refill_are_drawn_as_datatable_draws_them() -> None:
    """A filter clears the rows and adds them again, in another order, then the first order
    again; the theme changes; each time the same lines as DataTable (a kept cell is never
    drawn with another row's place, cursor or colours)."""
    app = Pair()
    async with app.run_test(size=(80, 20)) as pilot:
        slow = app.query_one("#slow", DataTable)
        fast = app.query_one("#fast", FastTable)
        await pilot.pause()
        first = lines(fast)
        for order in (list(reversed(range(len(ROWS)))), list(range(len(ROWS)))):
            for table in (slow, fast):
                table.clear()
                for n in order:
                    table.add_row(*ROWS[n], key=f"r{n}")
            await pilot.pause()
            assert lines(fast) == lines(slow), order
        assert lines(fast) == first
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert lines(fast) == lines(slow)
        assert lines(fast) != first  # other colours, drawn again


async def same_as_datatable(pilot, slow: DataTable[object], fast: FastTable) -> None:  # type: ignore[no-untyped-def]
    """Each table's lines with focus on it, and with focus on neither: the same."""
    seen = []
    for table in (fast, slow):
        table.focus()
        await pilot.pause()
        seen.append(lines(table))
    assert seen[0] == seen[1]
    pilot.app.set_focus(None)
    await pilot.pause()
    assert lines(fast) == lines(slow)


def refill(table: DataTable[object], order: list[int], text_width: int | None = None) -> None:
    if text_width is not None:  # the columns again, the text narrower (a resized terminal)
        table.clear(columns=True)
        table.add_column("", key="mark", width=3)
        table.add_column("Số", key="id", width=7)
        table.add_column("Nội dung", key="text", width=text_width)
        table.add_column("%", key="pct", width=4)
    else:
        table.clear()
    for n in order:
        table.add_row(*ROWS[n], key=f"r{n}")


async def test_lines_kept_across_refills_follow_the_cursor_the_hover_and_the_cells() -> None:
    """Whole lines are kept too (every cell here a str, Text or number): after each refill
    with the cursor elsewhere, a changed cell and a hover, the same lines as DataTable."""
    app = Pair()
    async with app.run_test(size=(80, 20)) as pilot:
        slow = app.query_one("#slow", DataTable)
        fast = app.query_one("#fast", FastTable)
        await same_as_datatable(pilot, slow, fast)
        assert fast._lasting_lines()  # the lines were kept
        for step in range(6):
            order = list(range(len(ROWS)))[:: -1 if step % 2 else 1]
            for table in (slow, fast):
                refill(table, order)
                table.move_cursor(row=step % len(ROWS))
            await same_as_datatable(pilot, slow, fast)
        for table in (slow, fast):
            table.update_cell("r0", "text", "Đã sửa nội dung")
        await same_as_datatable(pilot, slow, fast)
        assert "Đã sửa nội dung" in "".join(s.text for line in lines(fast) for s in line)
        hovered = []  # last: a hover stays while the mouse is over the table
        for table in (slow, fast):
            await pilot.hover(f"#{table.id}", offset=(5, 3))
            await pilot.pause()
            assert table.hover_coordinate.row == 2
            hovered.append(lines(table))
        assert hovered[0] == hovered[1]


async def test_a_narrower_column_draws_its_lines_again() -> None:
    app = Pair()
    async with app.run_test(size=(80, 20)) as pilot:
        slow = app.query_one("#slow", DataTable)
        fast = app.query_one("#fast", FastTable)
        order = list(range(len(ROWS)))
        for table in (slow, fast):
            refill(table, order, text_width=30)
        await pilot.pause()
        wide = lines(fast)
        for table in (slow, fast):
            refill(table, order, text_width=12)
        await pilot.pause()
        assert lines(fast) == lines(slow) != wide
        assert "Tổ chức tập huấn" not in "".join(s.text for line in lines(fast) for s in line)
