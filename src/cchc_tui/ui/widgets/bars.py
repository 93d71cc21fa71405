"""Text progress bars that render on any terminal (block glyphs, or ASCII for 16 colours)."""

from __future__ import annotations


def bar(fraction: float, width: int, ascii_only: bool = False) -> str:
    fraction = min(1.0, max(0.0, fraction))
    full = round(fraction * width)
    on, off = ("#", ".") if ascii_only else ("█", "░")
    return on * full + off * (width - full)
