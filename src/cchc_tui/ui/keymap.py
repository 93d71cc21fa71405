"""The binding ids the user's ``[keymap]`` may name, to warn about a typo instead of ignoring it.

Every ``Binding`` in the apps has an ``id`` (``"app.help"``, ``"item.save"``…); the config's
``[keymap]`` table maps such ids to keys and Textual's ``App.set_keymap`` silently skips an id
no binding has. ``unknown_keymap_ids`` tells which ones those are.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator, Mapping
from functools import cache
from types import ModuleType

from textual.binding import Binding


def _ui_modules() -> Iterator[ModuleType]:
    """Every module of the UI package: both apps, their screens, dialogs and widgets, wherever
    a move puts them."""
    import cchc_tui.ui as ui

    yield ui
    for info in sorted(pkgutil.walk_packages(ui.__path__, "cchc_tui.ui."), key=lambda m: m.name):
        yield importlib.import_module(info.name)


def _ui_classes() -> Iterator[type]:
    """Classes defined in the UI modules (not the ones they merely import)."""
    for module in _ui_modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                yield cls


def _own_ids(cls: type) -> list[str]:
    """Ids of the bindings ``cls`` itself declares (entries may be Bindings or tuples)."""
    bindings = vars(cls).get("BINDINGS") or []
    return [b.id for b in bindings if isinstance(b, Binding) and b.id is not None]


@cache
def _known() -> frozenset[str]:
    ids: set[str] = set()
    for cls in _ui_classes():
        # the whole MRO: a base class declared elsewhere contributes its bindings too
        for klass in cls.__mro__:
            ids.update(_own_ids(klass))
    return frozenset(ids)


def known_binding_ids() -> set[str]:
    """Every binding id declared by the classes of the UI (apps, screens, widgets).

    Imports the UI modules (Textual included), so call it from the UI, not from the CLI.
    """
    return set(_known())


def binding_ids_by_class() -> dict[str, list[str]]:
    """``module.Class`` → the ids its own ``BINDINGS`` declares, in order, repeats kept.

    For classes of the UI modules that declare ``BINDINGS`` themselves (a test checks that no
    id repeats within one class).
    """
    return {
        f"{cls.__module__}.{cls.__qualname__}": _own_ids(cls)
        for cls in _ui_classes()
        if "BINDINGS" in vars(cls)
    }


def all_bindings() -> list[Binding]:
    """Every binding with an id, once per id (the first class that declares it), by id: what
    a ``[keymap]`` may change."""
    found: dict[str, Binding] = {}
    for cls in _ui_classes():
        for klass in cls.__mro__:
            for b in vars(klass).get("BINDINGS") or []:
                if isinstance(b, Binding) and b.id is not None:
                    found.setdefault(b.id, b)
    return [found[i] for i in sorted(found)]


def unknown_keymap_ids(keymap: Mapping[str, str]) -> list[str]:
    """The ids of ``keymap`` (the config's ``[keymap]`` table) that no binding has, sorted."""
    known = _known()
    return sorted(k for k in keymap if k not in known)
