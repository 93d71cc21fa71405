"""The core must stay free of Textual (Harlequin's rule): import it alone and look."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import cchc_tui.core


def test_core_modules_do_not_import_textual() -> None:
    modules = [m.name for m in pkgutil.iter_modules(cchc_tui.core.__path__, "cchc_tui.core.")]
    assert len(modules) >= 8
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
