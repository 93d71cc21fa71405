"""The ``[keymap]`` config names binding ids; a typo must be reported, not ignored."""

from __future__ import annotations

import re
from pathlib import Path

from cchc_tui.ui.keymap import binding_ids_by_class, known_binding_ids, unknown_keymap_ids

UI = Path(__file__).resolve().parents[2] / "src" / "cchc_tui" / "ui"


def test_known_ids() -> None:
    ids = known_binding_ids()
    assert {"app.help", "item.save", "review.quit", "confirm.save"} <= ids


def test_every_binding_id_in_the_source_is_known() -> None:
    """The module walk misses no screen: each ``Binding(..., id="…")`` written is found."""
    call = re.compile(r'Binding\((?:[^()]|\([^()]*\))*?\bid="([^"]+)"')
    written = {
        m.group(1)
        for path in UI.rglob("*.py")
        for m in call.finditer(path.read_text(encoding="utf-8"))
    }
    assert len(written) > 80 and written <= known_binding_ids()


def test_unknown_ids() -> None:
    assert unknown_keymap_ids({"app.help": "f12", "app.hepl": "f11"}) == ["app.hepl"]
    assert unknown_keymap_ids({"z.x": "a", "item.save": "f9", "a.b": "b"}) == ["a.b", "z.x"]
    assert unknown_keymap_ids({}) == []


def test_no_id_repeats_within_a_class() -> None:
    by_class = binding_ids_by_class()
    assert "cchc_tui.ui.officer.app.CchcApp" in by_class
    repeats = {
        name: sorted({i for i in ids if ids.count(i) > 1})
        for name, ids in by_class.items()
        if len(ids) != len(set(ids))
    }
    assert repeats == {}


def test_known_ids_is_a_copy() -> None:
    known_binding_ids().clear()
    assert "app.help" in known_binding_ids()


def test_no_function_key_means_two_things() -> None:
    """F7 is scoring and F8 export everywhere: no screen of the officer's app gives an F-key
    of the app's its own meaning (an item's history and documents have keys of their own)."""
    import importlib
    import pkgutil

    from textual.binding import Binding
    from textual.screen import Screen

    from cchc_tui.ui.officer import screens
    from cchc_tui.ui.officer.app import CchcApp

    def fkeys(bindings: object) -> dict[str, str]:
        out = {}
        for b in bindings:  # type: ignore[attr-defined]
            if isinstance(b, Binding):
                for key in b.key.split(","):
                    if key.startswith("f") and key[1:].isdigit():
                        out[key] = b.action
        return out

    app_keys = fkeys(CchcApp.BINDINGS)
    assert {"f7", "f8"} <= set(app_keys)
    clashes = []
    for info in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"{screens.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Screen) and value is not Screen:
                if value.__module__ != module.__name__:
                    continue
                for key, action in fkeys(getattr(value, "BINDINGS", [])).items():
                    if key in app_keys and app_keys[key] != action:
                        clashes.append(f"{value.__name__}: {key} = {action}")
    assert clashes == []


def test_no_field_takes_an_app_function_key() -> None:
    """The fields of the forms leave the app's F-keys alone: Textual's TextArea binds F6
    (select the line) and F7 (select all), which in a note hid the walk-through and
    scoring; every other key of TextArea's is kept."""
    from textual.widgets import TextArea

    from cchc_tui.ui.officer.app import CchcApp
    from cchc_tui.ui.widgets.viet_input import VietInput
    from cchc_tui.ui.widgets.viet_text_area import VietTextArea

    app_keys = {
        key.strip() for b in CchcApp.BINDINGS if hasattr(b, "key") for key in b.key.split(",")
    }
    for field in (VietTextArea, VietInput):
        assert not set(field._merge_bindings().key_to_bindings) & app_keys, field
    ours = VietTextArea._merge_bindings().key_to_bindings
    theirs = TextArea._merge_bindings().key_to_bindings
    assert {k: theirs[k] for k in theirs if k not in {"f6", "f7"}} == ours


async def test_f7_in_a_note_opens_scoring(tmp_path: Path, plan_text: str) -> None:
    from cchc_tui.ui.officer.screens.scoring import ScoringScreen
    from tests.tui.test_guard import open_item
    from tests.tui_helpers import demo_db, make_app, wait_idle

    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(app, pilot)
        for _ in range(3):  # status → progress → date → note
            await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "note"
        await pilot.press("f7")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ScoringScreen)


async def test_tab_goes_round_the_item_fields_and_back_to_the_top(
    tmp_path: Path, plan_text: str
) -> None:
    """Every Tab lands on something that shows focus (the scrolling body was a stop of its
    own, showing none); back on the first field, the item's place in the plan is in view."""
    from textual.containers import VerticalScroll

    from tests.tui.test_guard import open_item
    from tests.tui_helpers import demo_db, make_app

    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(app, pilot)
        body = app.screen.query_one("#item-body", VerticalScroll)
        seen = []
        for _ in range(5):
            await pilot.press("tab")
            await pilot.pause()
            assert app.focused is not None
            seen.append((app.focused.id, body.scroll_y > 0))
        assert seen == [
            ("pct", False),
            ("completed", False),
            ("note", True),  # scrolled down to show it
            ("evidence", True),
            ("status", False),
        ]
