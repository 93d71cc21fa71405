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
