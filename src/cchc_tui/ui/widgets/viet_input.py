"""Text fields that do not lose Vietnamese characters typed with Unikey/VNI/Telex.

An input method replaces a letter by sending backspace and then the new letter ("tees" →
t, e, ⌫, ê, ⌫, ế). Textual's Input and TextArea run backspace as a *binding*, which the key
event reaches only after bubbling up to the app; printable keys are inserted at once by the
focused widget. In a burst, the letters after the backspace are inserted before it runs, so
the wrong character is deleted (textual #6605). These subclasses run backspace in their own
key handler, in order with the letters, and keep their value NFC.
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.widgets import Input, TextArea


class VietInput(Input):
    """A single-line field, safe for Vietnamese input methods; its value is NFC."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "backspace":
            event.stop()
            event.prevent_default()
            self._restart_blink()
            self.action_delete_left()
            return
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        if event.text:
            event = events.Paste(unicodedata.normalize("NFC", event.text))
        super()._on_paste(event)

    def insert_text_at_cursor(self, text: str) -> None:
        super().insert_text_at_cursor(unicodedata.normalize("NFC", text))

    @property
    def nfc_value(self) -> str:
        return unicodedata.normalize("NFC", self.value)


class VietTextArea(TextArea):
    """A multi-line field, safe for Vietnamese input methods."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "backspace" and not self.read_only:
            event.stop()
            event.prevent_default()
            self._restart_blink()
            self.action_delete_left()
            return
        await super()._on_key(event)

    @property
    def nfc_text(self) -> str:
        return unicodedata.normalize("NFC", self.text)
