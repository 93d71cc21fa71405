"""A file path typed with completion from the disk, and file sizes as people read them."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester


class PathSuggester(Suggester):
    """Completes a file path from what is on disk (the first match, case-insensitive)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        try:
            return self._suggest(value)
        except OSError:  # a name too long for the disk, a bad character: no completion
            return None

    def _suggest(self, value: str) -> str | None:
        path = Path(os.path.expanduser(value))
        folder, stem = (path, "") if value.endswith(("/", os.sep)) else (path.parent, path.name)
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return None
        for name in names:
            if name.lower().startswith(stem.lower()) and name != stem:
                full = value[: len(value) - len(stem)] + name
                if (folder / name).is_dir():
                    full += os.sep
                return full
        return None


def human_size(n: int | None) -> str:
    if n is None:
        return ""
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"
