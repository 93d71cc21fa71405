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
from typing import TYPE_CHECKING, Any

from textual import events
from textual.widget import Widget
from textual.widgets import Input

from cchc_tui.core.i18n import t
from cchc_tui.core.text import unquote_path

if TYPE_CHECKING:  # TextArea's module (~5 ms) is loaded with the first form that has a note
    from textual.widgets import TextArea


def _in_order(widget: Widget, event: events.Key) -> bool:
    """Keep a burst of keys in order across a focus change; True when the key was handled.

    Tab moves focus at once (as a binding it would run after the keys behind it), and a key
    that was queued to this field before focus left it goes on to the field that has focus
    now — so "15/KH-UBND⇥20/01/2022" typed or pasted in one go lands in two fields.
    """
    focused = widget.screen.focused
    if focused is not None and focused is not widget:
        # queued here before focus left: hand it on, in order, to where focus is now
        event.stop()
        event.prevent_default()
        focused.post_message(events.Key(event.key, event.character))
        return True
    if event.key in ("tab", "shift+tab"):
        event.stop()
        event.prevent_default()
        if event.key == "tab":
            widget.screen.focus_next()
        else:
            widget.screen.focus_previous()
        return True  # focus moved
    return False


# Editing keys that Input and TextArea run as bindings (so after the letters behind them in a
# burst): run in the field's own key handler instead, in order with the letters ("abc" Left
# Left "X" is "aXbc", not "abcX").
_INPUT_KEYS = {
    "backspace": "action_delete_left",
    "left": "action_cursor_left",
    "right": "action_cursor_right",
    "home": "action_home",
    "end": "action_end",
    "delete": "action_delete_right",
}
_TEXT_AREA_KEYS = {
    **_INPUT_KEYS,
    "up": "action_cursor_up",
    "down": "action_cursor_down",
    "home": "action_cursor_line_start",
    "end": "action_cursor_line_end",
}


async def _edit_in_order(widget: Input | TextArea, event: events.Key, keys: dict[str, str]) -> None:
    """Run an editing key now, in order with the letters, and stop it there. Any other key
    goes on to the base class's own handler: Textual calls each class's ``_on_key`` in turn
    until one prevents the default (Input's and TextArea's insert the printable ones)."""
    name = keys.get(event.key)
    if name is None:
        return
    event.stop()
    event.prevent_default()
    widget._restart_blink()
    result = getattr(widget, name)()
    if result is not None:
        await result


class VietInput(Input):
    """A single-line field, safe for Vietnamese input methods; its value is NFC."""

    async def _on_key(self, event: events.Key) -> None:
        if not _in_order(self, event):
            await _edit_in_order(self, event, _INPUT_KEYS)

    def _on_paste(self, event: events.Paste) -> None:
        # Textual also calls Input's own handler for the same event unless its default is
        # prevented: handled here once (NFC), then stopped, or the text goes in twice
        event.stop()
        event.prevent_default()
        if not event.text:
            return
        lines = event.text.splitlines()  # a text that is not empty has a first line
        if len(lines) > 1:  # one line only: say what happened to the rest
            self.notify(t("ui.paste_first_line", count=len(lines)), severity="warning")
        super()._on_paste(events.Paste(lines[0]))  # NFC: see replace

    def replace(self, text: str, start: int, end: int) -> None:
        """Every change (a key, a paste, an edit) goes through here: the value stays NFC, and a
        combining mark typed or pasted after its letter composes with it ("e", U+0302 → "ê")."""
        value = self.value
        start, end = sorted((max(0, start), min(len(value), end)))
        head = value[:start] + text
        whole = head + value[end:]
        if unicodedata.is_normalized("NFC", whole):
            super().replace(text, start, end)
            return
        whole = unicodedata.normalize("NFC", whole)
        super().replace(whole, 0, len(value))
        if self.value == whole:  # not refused (restrict, max_length): the cursor after the text
            self.cursor_position = min(len(unicodedata.normalize("NFC", head)), len(whole))

    @property
    def nfc_value(self) -> str:
        return unicodedata.normalize("NFC", self.value)

    @property
    def path_text(self) -> str:
        """The field as a file or folder path: blanks around it and the quotes Explorer's
        "Copy as path" or a file dropped into Windows Terminal put around it removed."""
        return unquote_path(self.nfc_value)


class KeysInOrder:
    """App mixin: a key that would act before the keys typed ahead of it reached their field
    waits for them. A priority binding (F2/Ctrl+S save, F-keys, Ctrl+Q) runs when the app
    reads the key, while letters read just before it sit in the focused field's queue: F2
    right after fast typing saved "…số hóa t" without its last letters. Such a key, and
    every key behind it, is held until that queue is empty, then posted again in order."""

    _held_keys: list[events.Key] | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            app: Any = self
            held = self._held_keys
            focused = app.focused
            busy = focused is not None and focused._message_queue.qsize() > 0
            if held or (busy and not event.is_printable):
                if not held:
                    self._held_keys = held = []
                    # after the queued keys (the field's own queue), and a timer in case the
                    # field goes away before it gets there: keys are never held for good
                    focused.call_later(self._release_held_keys)
                    app.set_timer(0.5, self._release_held_keys)
                held.append(event)
                return
        await super().on_event(event)  # type: ignore[misc]

    def _release_held_keys(self) -> None:
        held, self._held_keys = self._held_keys or [], None
        for event in held:
            self.post_message(events.Key(event.key, event.character))  # type: ignore[attr-defined]
