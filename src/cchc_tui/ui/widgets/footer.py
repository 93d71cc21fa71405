"""A Footer whose binding descriptions are catalogue keys, shown in the user's language."""

from __future__ import annotations

from collections.abc import Iterator

from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from cchc_tui.core.i18n import CATALOGUE, language, t

# What Textual's own widgets call their keys, in the catalogue; in Vietnamese the ones not here
# are not shown (Page Left, Show menu…: keys an officer does not need, in English).
TEXTUAL: dict[str, str] = {
    "Cursor up": "key.nav.up",
    "Cursor Up": "key.nav.up",
    "Up": "key.nav.up",
    "Scroll Up": "key.nav.up",
    "Cursor down": "key.nav.down",
    "Cursor Down": "key.nav.down",
    "Down": "key.nav.down",
    "Scroll Down": "key.nav.down",
    "Cursor left": "key.nav.left",
    "Move cursor left": "key.nav.left",
    "Scroll Left": "key.nav.left",
    "Cursor right": "key.nav.right",
    "Move cursor right": "key.nav.right",
    "Scroll Right": "key.nav.right",
    "Home": "key.nav.first",
    "Top": "key.nav.first",
    "First": "key.nav.first",
    "Scroll Home": "key.nav.first",
    "Go to start": "key.nav.first",
    "End": "key.nav.last",
    "Bottom": "key.nav.last",
    "Last": "key.nav.last",
    "Scroll End": "key.nav.last",
    "Go to end": "key.nav.last",
    "Page up": "key.nav.page_up",
    "Page Up": "key.nav.page_up",
    "Page down": "key.nav.page_down",
    "Page Down": "key.nav.page_down",
    "Select": "key.nav.select",
    "Submit": "key.nav.select",
    "Press button": "key.nav.select",
    "Toggle": "key.nav.select",
    "Focus Next": "key.nav.next_field",
    "Focus Previous": "key.nav.previous_field",
    "Copy selected text": "key.nav.copy",
    "Paste text from the clipboard": "key.nav.paste",
    "Cut selected text": "key.nav.cut",
    "Select all": "key.nav.select_all",
    "Delete character left": "key.nav.delete_left",
    "Delete character right": "key.nav.delete_right",
}


def describe(description: str) -> str:
    """A binding's description in the user's language (our bindings name a catalogue key;
    Textual's own are English text): "" for one not worth showing in Vietnamese."""
    if description in CATALOGUE:
        return t(description)
    if description in TEXTUAL:
        return t(TEXTUAL[description])
    return "" if language() == "vi" else description


class I18nFooter(Footer):
    """Compact, without the palette key (ctrl+p still works): 80 columns are precious."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)
        self._shown: tuple[object, ...] | None = None

    def _signature(self) -> tuple[object, ...]:
        """What compose() would show: the keys, their actions and descriptions, the language."""
        if not self._bindings_ready:
            return ()
        return (
            language(),
            *(
                (binding.key, binding.action, binding.description, binding.group, on, tip)
                for _node, binding, on, tip in self.screen.active_bindings.values()
                if binding.show
            ),
        )

    async def recompose(self) -> None:
        """Only when what it shows changes: Textual's Footer removes and mounts every key on each
        focus change (Tab between two text fields: the same keys, ~15 ms of an old PC's frame)."""
        if not self.is_attached or not self.is_mounted:
            return  # as Widget.recompose: a footer leaving the screen shows nothing more
        signature = self._signature()
        if signature == self._shown and self.children:
            return
        self._shown = signature
        await super().recompose()

    def compose(self) -> Iterator[Widget]:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = describe(widget.description)
            yield widget
