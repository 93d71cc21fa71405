"""What commands print: JSON, tables fitted to the terminal, local times, a progress line."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
from datetime import datetime
from typing import Any

from cchc_tui.core.i18n import t
from cchc_tui.core.text import OTHER_CONTROLS, escape_controls


def _emit_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    # JSON escapes C0 controls itself; DEL, C1 controls and bidi marks (which a terminal or an
    # editor would act on) are written as \uXXXX too: the same JSON, nothing to act on
    sys.stdout.write(_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    sys.stdout.write("\n")


_RAW_CONTROLS = re.compile(f"[{OTHER_CONTROLS}]")


FILE_WIDTH = 10_000  # a table written to a file: every cell whole


def _width() -> int:
    """The terminal's width, even when stdout is piped (``cchc assigned | less``); written to a
    file (``cchc assigned > ds.txt``), no width: the file is read in Notepad or Excel, which
    have room for every title whole."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode):
            return FILE_WIDTH
    if os.environ.get("COLUMNS", "").isdigit():
        return max(60, int(os.environ["COLUMNS"]))
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            return max(60, os.get_terminal_size(stream.fileno()).columns)
        except (OSError, ValueError, AttributeError):
            continue
    return 100


def _table(headers: list[str], rows: list[list[str]], flex: int) -> None:
    """Print a plain table; column ``flex`` takes the remaining width and is truncated."""
    if not rows:
        print(t("list.empty"))
        return
    rows = [[escape_controls(c) for c in r] for r in rows]  # cells may come from a bundle
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    total = _width() - 1
    gap = 2 if sum(widths) + 2 * (len(widths) - 1) <= total or total >= 100 else 1
    fixed = sum(w + gap for i, w in enumerate(widths) if i != flex)
    widths[flex] = max(10, min(widths[flex], total - fixed))
    sep = " " * gap

    def fmt(cells: list[str]) -> str:
        out = []
        for i, c in enumerate(cells):
            w = widths[i]
            if len(c) > w:
                c = c[: w - 1] + "…"
            out.append(c.ljust(w))
        return sep.join(out).rstrip()

    print(fmt(headers))
    print(sep.join("-" * w for w in widths))
    for r in rows:
        print(fmt(r))


def _local_time(when: datetime) -> str:
    from cchc_tui.core.dates import local_time

    return local_time(when)


class _Progress:
    """`[12/111] 11% name` on one line of the terminal, redrawn; nothing when not a terminal."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and sys.stderr.isatty()

    def show(self, n: int, name: str) -> None:
        if self.enabled:
            pct = n * 100 // self.total
            sys.stderr.write(f"\r\x1b[K[{n}/{self.total}] {pct:3d}% {name}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
