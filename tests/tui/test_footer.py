"""The footer shows the focused widget's keys in Vietnamese, and is rebuilt only when those
keys change (Tab between two text fields keeps the same key widgets: no relayout per Tab)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from cchc_tui.ui.widgets.footer import I18nFooter
from cchc_tui.ui.widgets.viet_input import VietInput
from tests.tui_helpers import wait_for


class Openable(Static, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("o", "open", "key.open")]

    def action_open(self) -> None:
        pass


class Form(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f2", "save", "key.save")]

    def compose(self) -> ComposeResult:
        yield VietInput(id="a")
        yield VietInput(id="b")
        yield Openable("một dòng", id="row")
        yield I18nFooter()

    def action_save(self) -> None:
        pass


def keys(app: App[None]) -> list[FooterKey]:
    return list(app.query(FooterKey))


async def test_the_same_keys_are_not_built_again_and_other_keys_are() -> None:
    app = Form()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: bool(keys(app)))
        before = keys(app)
        assert any(k.description == "Lưu" for k in before)
        await pilot.press("tab")  # a → b: the same keys
        await pilot.pause()
        assert app.focused is app.query_one("#b")
        assert keys(app) == before and all(k.is_attached for k in before)
        await pilot.press("tab")  # b → a row with a key of its own
        await pilot.pause()
        await wait_for(pilot, lambda: keys(app) != before)
        assert all(not k.is_attached for k in before)
        shown = {k.description for k in keys(app)}
        assert {"Lưu", "Mở"} <= shown
