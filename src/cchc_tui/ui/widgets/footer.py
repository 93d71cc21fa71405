"""A Footer whose binding descriptions are catalogue keys, shown in the user's language."""

from __future__ import annotations

from collections.abc import Iterator

from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from cchc_tui.core.i18n import CATALOGUE, t


def describe(description: str) -> str:
    return t(description) if description in CATALOGUE else description


class I18nFooter(Footer):
    """Compact, without the palette key (ctrl+p still works): 80 columns are precious."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)

    def compose(self) -> Iterator[Widget]:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = describe(widget.description)
            yield widget
