"""The multi-line field, safe for Vietnamese input methods (viet_input.py says how): its own
module, so that TextArea's (~5 ms) is loaded with the first form that has a note, not at
start (bench/bench_startup.py)."""

from __future__ import annotations

import unicodedata
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from cchc_tui.ui.widgets.viet_input import _TEXT_AREA_KEYS, _edit_in_order, _in_order

APP_F_KEYS = frozenset({"f6", "f7"})  # the apps' own (walk-through, scoring), taken by TextArea


def _bindings_without(widget: type[Widget], keys: frozenset[str]) -> list[BindingType]:
    """The bindings ``widget`` ends up with (a class's own replace its bases' for the same
    key, as Textual merges them), less those of ``keys``."""
    by_key: dict[str, list[BindingType]] = {}
    for cls in reversed(widget.__mro__):
        own: dict[str, list[BindingType]] = {}
        for b in cls.__dict__.get("BINDINGS", []):
            binding = b if isinstance(b, Binding) else Binding(*b)
            for key in binding.key.split(","):
                own.setdefault(key.strip(), []).append(b)
        by_key.update(own)
    kept = [b for key, found in by_key.items() if key not in keys for b in found]
    return list(dict.fromkeys(kept))  # a binding of several keys ("home,ctrl+a") once


class VietTextArea(TextArea, inherit_bindings=False):
    """A multi-line field, safe for Vietnamese input methods. Without TextArea's F6 (select
    the line) and F7 (select all): in a note they hid the walk-through and scoring keys, so
    F7 meant two things."""

    BINDINGS: ClassVar[list[BindingType]] = _bindings_without(TextArea, APP_F_KEYS)

    async def _on_key(self, event: events.Key) -> None:
        # (read-only: the editing actions themselves do nothing)
        if not _in_order(self, event):
            await _edit_in_order(self, event, _TEXT_AREA_KEYS)

    async def _on_paste(self, event: events.Paste) -> None:
        # once (TextArea's handler would run again for the same event); NFC: see below
        event.stop()
        event.prevent_default()
        await super()._on_paste(events.Paste(event.text))

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        """A key or a paste goes in NFC, composed with the letter before it when it starts with
        a combining mark ("e", U+0302 → "ê")."""
        insert = unicodedata.normalize("NFC", insert)
        row, column = min(start, end)
        before = self.document[row][:column]
        back = len(before) - 1  # the letter before the insertion point, with its marks
        while back > 0 and unicodedata.combining(before[back]):
            back -= 1
        if back >= 0:
            piece = before[back:] + insert
            composed = unicodedata.normalize("NFC", piece)
            if composed != piece:
                return super()._replace_via_keyboard(composed, (row, back), max(start, end))
        return super()._replace_via_keyboard(insert, start, end)

    @property
    def nfc_text(self) -> str:
        return unicodedata.normalize("NFC", self.text)
