"""The one document picker, for an item's documents (F9 in an item) and a score's (F9 in
scoring): it opens on the first row, each row says [x] or [ ] in letters (not colour alone),
Space marks or unmarks the highlighted row, the line above counts the marked, Enter keeps the
choice and Esc leaves everything as it was. Typing a document's number ("15/") goes to the
first document whose number starts so: the officer has the paper in hand."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from time import monotonic
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cchc_tui.core.dates import format_date
from cchc_tui.core.i18n import t
from cchc_tui.store.reader import EvidenceView

MARKED, UNMARKED = "[x] ", "[ ] "
NUMBER_KEYS = frozenset("0123456789/")
TYPE_AHEAD_PAUSE = 1.5  # seconds: a longer pause starts a new number


def document_options(documents: Sequence[EvidenceView]) -> list[tuple[str, int]]:
    """A row per document: its number, date and title."""
    return [(f"{d.number:<18} {format_date(d.doc_date)}  {d.title}", d.id) for d in documents]


class PickDocuments(ModalScreen[list[int] | None]):
    """Returns the ids marked (in the order offered), or None when left with Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,ctrl+s,f2", "save", "key.save", id="pick_docs.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="pick_docs.cancel"),
        Binding("space", "mark", "key.toggle", id="pick_docs.toggle", priority=True),
        Binding("n", "new", "key.new_evidence", id="pick_docs.new"),
    ]

    def __init__(
        self,
        title: str,
        options: list[tuple[str, int]],
        chosen: set[int],
        *,
        new_form: Callable[[], Screen[int | None]] | None = None,
        reload: Callable[[], Awaitable[list[tuple[str, int]]]] | None = None,
    ) -> None:
        """``new_form``: the form that adds a document (``n``), returning its id; the rows are
        then read again (``reload``) and the new document is marked."""
        super().__init__()
        self.title_text, self.options = title, options
        self.marked = {value for _label, value in options if value in chosen}
        self.new_form, self.reload = new_form, reload
        self.typed, self._typed_at = "", 0.0

    def _prompt(self, label: str, value: int) -> Content:
        # Content, not a rich Text: the option's text-wrap and text-overflow rules apply to it
        # (one line a document, cut with "…"; the detail line below shows it whole)
        return Content((MARKED if value in self.marked else UNMARKED) + label)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.title_text, classes="title")
            yield Static("", id="pick-count", classes="hint")
            yield OptionList(
                *[
                    Option(self._prompt(label, value), id=str(value))
                    for label, value in self.options
                ],
                id="pick-docs",
            )
            # the highlighted document whole (a row shows what fits in one line)
            yield Static("", id="pick-detail", markup=False)

    def on_mount(self) -> None:
        picker = self.query_one("#pick-docs", OptionList)
        if self.options:
            picker.highlighted = 0  # Space acts on a row from the first key
        else:
            self.query_one("#pick-count", Static).update(t("ui.pick.none"))
        picker.focus()
        self._count()

    @on(OptionList.OptionHighlighted, "#pick-docs")
    def _detail(self, event: OptionList.OptionHighlighted) -> None:
        index = event.option_index
        label = self.options[index][0] if 0 <= index < len(self.options) else ""
        self.query_one("#pick-detail", Static).update(label)

    def _count(self) -> None:
        if self.options:
            line = t("ui.pick.count", marked=len(self.marked), total=len(self.options))
            if self.typed:
                line += t("ui.pick.typed", number=self.typed)
            self.query_one("#pick-count", Static).update(line)

    def on_key(self, event: events.Key) -> None:
        """A digit or / goes to the first document whose number starts with what was typed;
        Backspace takes the last character back."""
        if event.character is None or not (
            event.character in NUMBER_KEYS or (event.key == "backspace" and self.typed)
        ):
            return
        event.stop()
        event.prevent_default()
        now = monotonic()
        if event.key == "backspace":
            self.typed = self.typed[:-1]
        else:
            if now - self._typed_at > TYPE_AHEAD_PAUSE:
                self.typed = ""
            self.typed += event.character
        self._typed_at = now
        found = next(
            (i for i, (label, _v) in enumerate(self.options) if label.startswith(self.typed)),
            None,
        )
        if found is not None:
            self.query_one("#pick-docs", OptionList).highlighted = found
        elif self.typed:
            self.notify(t("ui.pick.no_number", number=self.typed), severity="warning")
        self._count()

    def action_mark(self) -> None:
        picker = self.query_one("#pick-docs", OptionList)
        index = picker.highlighted
        if index is None:
            return
        label, value = self.options[index]
        self.marked ^= {value}
        picker.replace_option_prompt_at_index(index, self._prompt(label, value))
        self._count()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new":
            return self.new_form is not None and self.reload is not None
        return True

    async def action_new(self) -> None:
        if self.new_form is None:
            return

        def added(new_id: int | None) -> None:
            if new_id is not None:
                self.run_worker(self._added(new_id))

        await self.app.push_screen(self.new_form(), added)

    async def _added(self, new_id: int) -> None:
        assert self.reload is not None
        self.options = await self.reload()
        self.marked.add(new_id)
        picker = self.query_one("#pick-docs", OptionList)
        picker.clear_options()
        picker.add_options(
            [Option(self._prompt(label, value), id=str(value)) for label, value in self.options]
        )
        index = next((i for i, (_l, v) in enumerate(self.options) if v == new_id), 0)
        picker.highlighted = index
        self._count()
        picker.focus()

    def action_save(self) -> None:
        self.dismiss([value for _label, value in self.options if value in self.marked])

    def action_cancel(self) -> None:
        self.dismiss(None)
