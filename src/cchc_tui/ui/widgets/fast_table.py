"""A DataTable whose one-line cells are drawn straight into segments.

Textual's DataTable renders every cell through Rich's full pipeline (a Padding inside a Styled,
cut into lines by the console): ~0.3 ms a cell on an office PC, and a filter that changes the
rows redraws every visible cell (a screen of the items table is ~150). A one-line cell of plain
or styled text needs none of that: its text's segments, cut or padded to the column's width,
with the same styles in the same order (the row's, then the cursor's, then the CSS's priority
colours). Anything else (headers, labels, taller rows, other renderables, justified text) is
drawn by DataTable itself, and everything else about the table (keys, cursor, messages,
caches) is DataTable's.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

SegmentLines = list[list[Segment]]


def _lasting_key(value: object) -> Hashable | None:
    """What a cell's drawing depends on in its value (None: not kept across refills)."""
    if isinstance(value, str):
        return ("s", value)
    if isinstance(value, int | float):  # DataTable's own drawing (right-aligned), by type
        return ("n", type(value).__name__, value)
    if isinstance(value, Text):
        spans = tuple(value.spans)
        return ("t", value.plain, value.style, spans, value.justify, value.overflow, value.end)
    return None


class FastTable(DataTable[Any]):
    """Cells drawn as segments (above), and kept across refills: DataTable forgets every drawn
    cell when its rows are cleared, so a filter that shows the same rows again (the next
    area, then back) drew each of them again. Here a drawn cell is kept by what it depends on
    (its place, its value, its width, the styles and the cursor) until the styles change."""

    LASTING_MAX = 20_000  # cells (and lines) kept; past it the cache starts again

    def _lasting(self) -> dict[Hashable, SegmentLines]:
        # made on first use: DataTable's __init__ may update styles before ours could run
        cells: dict[Hashable, SegmentLines] = self.__dict__.setdefault("_lasting_cells", {})
        return cells

    def _lasting_lines(self) -> dict[Hashable, Strip]:
        lines: dict[Hashable, Strip] = self.__dict__.setdefault("_lasting_strips", {})
        return lines

    def notify_style_update(self) -> None:
        self._lasting().clear()  # a theme or focus colour changed: nothing drawn holds
        self._lasting_lines().clear()
        self.__dict__.get("_lasting_texts", {}).clear()
        super().notify_style_update()

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """A whole line kept across refills, as the cells are (above): DataTable assembles
        each line of the table again from its cells after every refill (its line caches are
        keyed by the refill count). Kept by what the line shows (its place, every cell's value,
        the columns' widths and labels, the cursor and hover on it) and the styles."""
        key = self._line_key(y, x1, x2, base_style)
        if key is None:
            return super()._render_line(y, x1, x2, base_style)
        lines = self._lasting_lines()
        kept = lines.get(key)
        if kept is None:
            if len(lines) >= self.LASTING_MAX:
                lines.clear()
            kept = lines[key] = super()._render_line(y, x1, x2, base_style)
        return kept

    def _line_key(self, y: int, x1: int, x2: int, base_style: Style) -> Hashable | None:
        """What line ``y`` depends on, or None when it is not one-line cells of set widths."""
        if self._labelled_row_exists and self.show_row_labels:
            return None
        columns = self.ordered_columns
        if any(c.auto_width for c in columns):
            return None
        try:
            row_key, offset = self._get_offsets(y)
        except LookupError:
            return None
        if offset != 0:
            return None
        if row_key is self._header_row_key:
            row_index = -1
            values: tuple[Hashable | None, ...] = tuple(_lasting_key(c.label) for c in columns)
        else:
            row = self.rows.get(row_key)
            found = self._row_locations.get(row_key)
            if row is None or row.height != 1 or found is None:
                return None
            row_index = found
            data = self._data.get(row_key, {})
            values = tuple(_lasting_key(data.get(c.key)) for c in columns)
        if any(v is None for v in values):
            return None
        cursor, hover = self.cursor_coordinate, self.hover_coordinate
        return (
            "line",
            y,
            x1,
            x2,
            self.size.width,
            row_index,
            values,
            tuple(c.get_render_width(self) for c in columns),
            self._on_line(cursor, row_index),
            self._on_line(hover, row_index) if self._show_hover_cursor else None,
            base_style,
            self.cursor_type,
            self.show_cursor,
            self._show_hover_cursor,
            self._pseudo_class_state,
            self.cell_padding,
            self.fixed_rows,
            self.fixed_columns,
            self.zebra_stripes,
            self.show_header,
        )

    def _on_line(self, at: Coordinate, row_index: int) -> Hashable:
        """What of a cursor (or hover) at ``at`` shows on the line of ``row_index``."""
        kind = self.cursor_type
        if kind == "row":
            return at.row == row_index
        if kind == "column":
            return at.column
        if kind == "cell":
            return at.column if at.row == row_index else None
        return None

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """With every column of a set width and every row one line without a label, nothing
        needs measuring: DataTable measured each cell of each new row through Rich (a filter
        that refills the table: every row), to widen columns that cannot widen."""
        keys = list(new_rows)
        rows = [self.rows[k] for k in keys if k in self.rows]
        if any(c.auto_width for c in self.columns.values()) or any(
            r.label is not None or r.height != 1 for r in rows
        ):
            super()._update_dimensions(keys)
            return
        width = sum(c.get_render_width(self) for c in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        if column_index < 0 or row_index < -1:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        styling = (
            width,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._pseudo_class_state,
            self.cell_padding,
            self.fixed_rows,
            self.fixed_columns,
        )
        lasting = self._lasting()
        if row_index == -1:  # the header: drawn by DataTable, kept here
            column = (
                self.ordered_columns[column_index] if column_index < len(self.columns) else None
            )
            label = _lasting_key(column.label) if column is not None else None
            header_key = None if label is None else (-1, column_index, label, styling)
            if header_key is not None and header_key in lasting:
                return lasting[header_key]
            drawn = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            if header_key is not None:
                self._keep(header_key, drawn)
            return drawn
        row_key = self._row_locations.get_key(row_index)
        if row_key is None or self.rows[row_key].height != 1:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        column_key = self._column_locations.get_key(column_index)
        if column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        value = _lasting_key(self._data.get(row_key, {}).get(column_key))
        kept_key = None if value is None else (row_index, column_index, value, styling)
        if kept_key is not None and kept_key in lasting:
            return lasting[kept_key]
        cache_key = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(cache_key)
        if cached is not None:
            return cached
        inner = max(0, width - 2 * self.cell_padding)
        text_segments = self._text_segments(value, row_index, column_index, inner)
        if text_segments is None:  # not one line of left-aligned text: DataTable's own
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        fixed = row_index < self.fixed_rows or column_index < self.fixed_columns
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            fixed,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        pre_style = (base_style + self._meta_style(row_index, column_index)) + component_style
        pad = " " * self.cell_padding
        line = list(
            Segment.apply_style([Segment(pad), *text_segments, Segment(pad)], pre_style, post_style)
        )
        lines = [line]
        self._cell_render_cache[cache_key] = lines
        if kept_key is not None:
            self._keep(kept_key, lines)
        return lines

    def _text_segments(
        self, value: Hashable | None, row_index: int, column_index: int, inner: int
    ) -> list[Segment] | None:
        """A cell's text as segments, cut or padded to ``inner`` cells, its own styles applied
        (None: not a cell drawn here). Kept by the value and the width, wherever the value is
        shown: a filter that brings a row to another place, or a value another row has too,
        draws no text again (DataTable parses each str as markup at every refill)."""
        kept = self.__dict__.setdefault("_lasting_texts", {})
        key = None if value is None else (value, inner)
        if key is not None and key in kept:
            found: list[Segment] | None = kept[key]
            return found
        _label, cells = self._get_row_renderables(row_index)
        cell = cells[column_index]
        if (
            not isinstance(cell, Text)
            or cell.justify not in (None, "default", "left")
            or cell.overflow == "ellipsis"
        ):
            segments = None
        else:
            console = self.app.console
            own_style = console.get_style(cell.style, default=Style.null())  # under its spans
            segments = Segment.adjust_line_length(
                list(
                    Segment.apply_style(
                        (s for s in cell.render(console, end="") if s.text != "\n"), own_style
                    )
                ),
                inner,
            )
        if key is not None:
            if len(kept) >= self.LASTING_MAX:
                kept.clear()
            kept[key] = segments
        return segments

    def _meta_style(self, row_index: int, column_index: int) -> Style:
        """The mouse metadata of a cell's place (which row and column a click lands on), made
        once per place: Rich gives each new one a random link id, so no sum of styles with a
        fresh one was ever found in Rich's cache."""
        kept: dict[tuple[int, int], Style] = self.__dict__.setdefault("_meta_styles", {})
        style = kept.get((row_index, column_index))
        if style is None:
            if len(kept) >= self.LASTING_MAX:
                kept.clear()
            style = kept[(row_index, column_index)] = Style.from_meta(
                {"row": row_index, "column": column_index}
            )
        return style

    def _keep(self, key: Hashable, lines: SegmentLines) -> None:
        lasting = self._lasting()
        if len(lasting) >= self.LASTING_MAX:
            lasting.clear()
        lasting[key] = lines
