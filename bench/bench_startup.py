"""Start-up: the app against a minimal Textual app, the command line against bare Python.

(a) Both apps run in a real pty (80×24), alternately, N times each: the time from spawning the
process to the moment its first screen with data is on the terminal — the overview with its
counts for cchc (on the demo database), the table for the minimal app (Header, DataTable,
Footer). Prints medians and the ratio (aim: ≤ 1.3×).
(b) ``cchc --help`` and ``cchc assigned`` (demo database, output to a pipe) against
``python -c "import argparse, sqlite3"``: medians and both ratios.
(c) With ``--kit DIR`` (a folder made by tools/build_kit.py): the kit's size per Python.

    python bench/bench_startup.py [--runs 7] [--kit DIR]
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cchc_tui
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


def run_once(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True)
    return (time.perf_counter() - start) * 1000


def command_line(db: Path, runs: int) -> None:
    bare = [sys.executable, "-c", "import argparse, sqlite3"]
    cases = {
        "cchc --help": [CCHC, "--help"],
        "cchc assigned": [CCHC, "--db", str(db), "--as-of", "2022-09-15", "assigned"],
    }
    for argv in (bare, *cases.values()):  # warm the file cache
        run_once(argv)
    times: dict[str, list[float]] = {"bare": [], **{k: [] for k in cases}}
    for _ in range(runs):
        times["bare"].append(run_once(bare))
        for name, argv in cases.items():
            times[name].append(run_once(argv))
    base = statistics.median(times["bare"])
    print(f"python -c 'import argparse, sqlite3': median {base:5.0f} ms")
    for name in cases:
        m = statistics.median(times[name])
        print(f"{name:<34}: median {m:5.0f} ms   ratio {m / base:.2f}x")


def kit_sizes(folder: Path) -> None:
    kit = json.loads((folder / "kit.json").read_text("utf-8"))
    print(f"kit {folder} ({kit.get('platform', '?')}): {len(kit['wheels'])} wheels, "
          f"{kit['size'] / 1e6:.1f} MB")  # fmt: skip
    for version, names in kit.get("pythons", {}).items():
        size = sum(kit["wheels"][n]["size"] for n in names)
        print(f"  Python {version}: {len(names)} wheels, {size / 1e6:.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--kit", type=Path, help="a folder made by tools/build_kit.py")
    args = ap.parse_args()
    # An installed copy has its bytecode compiled by pip; an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would compile ~70 modules on every start (~70 ms) and time that.
    compileall.compile_dir(Path(cchc_tui.__file__).parent, quiet=1)
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
        print("(b) command line, output to a pipe")
        command_line(db, args.runs)
    m_c, m_m = statistics.median(cchc_t), statistics.median(minimal_t)
    print(f"runs: {args.runs} each, alternating, 80x24 pty")
    print(f"minimal Textual app : median {m_m:7.0f} ms  (min {min(minimal_t):.0f}, "
          f"max {max(minimal_t):.0f})")  # fmt: skip
    print(f"cchc overview       : median {m_c:7.0f} ms  (min {min(cchc_t):.0f}, "
          f"max {max(cchc_t):.0f})")  # fmt: skip
    print(f"ratio cchc / minimal: {m_c / m_m:.2f}x   (aim <= 1.3x)")
    if args.kit:
        kit_sizes(args.kit)


if __name__ == "__main__":
    main()
