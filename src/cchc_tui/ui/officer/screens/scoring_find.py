"""Finding a row of the criteria tree: `/` and a code or a few words (accent- and
case-insensitive; the cursor follows as they are typed, ↓ goes to the next match, Enter back to
the tree), and `n` for the next row that needs a look (a warning, or points typed in and not
saved). Kept apart from the screen: the rows are plain data, the search a pure function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cchc_tui.core.text import fold


@dataclass(frozen=True)
class Row:
    key: str  # the table's row key ("a:1", "c:1.1", "s:1.1.2")
    code: str
    title: str
    flagged: bool = False


def matches(row: Row, query: str) -> bool:
    """A code typed matches from its start ("1.1" finds 1.1, 1.1.1…); words, anywhere in the
    title, in any order ("ke hoach cchc" finds "Ban hành Kế hoạch CCHC năm")."""
    folded = fold(query)
    if not folded:
        return False
    if fold(row.code).startswith(folded):
        return True
    title = fold(row.title)
    return all(word in title for word in folded.split())


def next_index(rows: list[Row], start: int, wanted: Callable[[Row], bool]) -> int | None:
    """The first row after ``start`` (going round the end) that is wanted; ``start`` itself
    last. ``start`` -1 begins at the top."""
    count = len(rows)
    for step in range(1, count + 1):
        index = (start + step) % count
        if wanted(rows[index]):
            return index
    return None
