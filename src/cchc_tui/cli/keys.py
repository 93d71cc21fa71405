"""`cchc keys`: the binding ids a config.toml [keymap] may name (the apps' F1 shows them too)."""

from __future__ import annotations

import argparse

from cchc_tui.cli.output import _emit_json, _table
from cchc_tui.core.i18n import t


def cmd_keys(args: argparse.Namespace) -> int:
    """The binding ids a config.toml [keymap] may name, with their keys and what they do."""
    from cchc_tui.ui.keymap import all_bindings
    from cchc_tui.ui.widgets.footer import describe

    rows = [
        (b.id or "", b.key, describe(b.description) if b.description else "")
        for b in all_bindings()
    ]
    if args.json:
        _emit_json([{"id": i, "keys": k, "does": d} for i, k, d in rows])
        return 0
    _table([t("col.key_id"), t("col.keys"), t("col.does")], [list(r) for r in rows], flex=2)
    return 0
