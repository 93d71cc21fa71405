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
