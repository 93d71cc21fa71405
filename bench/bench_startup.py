"""(a) Cold start to the first interactive screen, against a minimal Textual app.

Both run in a real pty (80×24), alternately, N times each: the time from spawning the process
to the moment its first screen with data is on the terminal — the overview with its counts for
cchc (on the demo database), the table for the minimal app (Header, DataTable, Footer). Prints
medians and the ratio (aim: ≤ 1.3×).

    python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cchc_tui.core.agencies import Registry
from cchc_tui.core.plan import DEFAULT_PLAN_FILE
from cchc_tui.demo import build_demo
from ptyrun import PtyApp

HERE = Path(__file__).resolve().parent
CCHC = str(Path(sys.executable).with_name("cchc"))


def once(argv: list[str], marker: bytes) -> float:
    app = PtyApp(argv)
    try:
        return app.wait_for(marker) * 1000
    finally:
        app.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        text = resources.files("cchc_tui.data").joinpath(DEFAULT_PLAN_FILE).read_text("utf-8")
        build_demo(db, text, Registry.load())[0].close()
        cchc_argv = [CCHC, "--db", str(db), "--today", "2022-09-15"]
        minimal_argv = [sys.executable, str(HERE / "minimal_app.py")]
        # the overview's counts line, as the terminal receives it
        cchc_marker = "mục được giao".encode()
        minimal_marker = b"READY"
        once(cchc_argv, cchc_marker)  # warm the file cache for both
        once(minimal_argv, minimal_marker)
        cchc_t, minimal_t = [], []
        for _ in range(args.runs):
            minimal_t.append(once(minimal_argv, minimal_marker))
            cchc_t.append(once(cchc_argv, cchc_marker))
    m_c, m_m = statistics.median(cchc_t), statistics.median(minimal_t)
    print(f"runs: {args.runs} each, alternating, 80x24 pty")
    print(f"minimal Textual app : median {m_m:7.0f} ms  (min {min(minimal_t):.0f}, "
          f"max {max(minimal_t):.0f})")  # fmt: skip
    print(f"cchc overview       : median {m_c:7.0f} ms  (min {min(cchc_t):.0f}, "
          f"max {max(cchc_t):.0f})")  # fmt: skip
    print(f"ratio cchc / minimal: {m_c / m_m:.2f}x   (aim <= 1.3x)")


if __name__ == "__main__":
    main()
