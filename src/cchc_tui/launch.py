"""The ``cchc`` command's first lines: start-up with Python's cyclic garbage collector off.

Starting the app makes some 300,000 objects (Textual, the plan, the first screen) and almost
none of them are garbage, yet the collector's passes over them were an eighth of the time to
the first screen (bench/bench_startup.py). It stays off until the command line is read; a
command other than the app turns it back on at once (cli.main), the app once its first screen
is on the terminal, after freezing what start-up made (ui/quiet_gc.py). Library users and the
tests import ``cchc_tui.cli`` and are not touched.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    gc.disable()
    from cchc_tui.cli import main as cli_main

    return cli_main(argv)
