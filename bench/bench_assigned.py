"""(b) Listing one agency's assigned items with their status, on a city-scale database.

Generates the city database with bench/citygen.py if it is not there (117 units × 5 yearly
plans of progress, 20,000 evidence rows), then times ``Store.assigned_status`` — the query
behind ``cchc assigned`` and the TUI's item table — for a district, a commune and a department,
against the same call on a one-agency database in the same process (the baseline). Prints p50
and p95 in ms and the city/baseline ratio (aim: p95 ≤ 10 ms).

    python bench/bench_assigned.py [--repeat 300] [--regenerate]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cchc_tui.core.agencies import Registry
from cchc_tui.store.service import Store
from citygen import DEFAULT_OUT, generate, plan_texts

AGENCIES = {"918": "Quận Bình Thủy", "31168": "Phường Bình Thủy", "STP": "Sở Tư pháp"}
TODAY = date(2022, 9, 15)


def timings(store: Store, registry: Registry, agency: str, repeat: int) -> list[float]:
    plan = store.load_plan("kh-260-2022")
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = store.assigned_status(plan, registry, agency, TODAY)
        out.append((time.perf_counter() - t0) * 1000)
        assert rows
    return out


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=300)
    ap.add_argument("--regenerate", action="store_true")
    args = ap.parse_args()
    if args.regenerate or not DEFAULT_OUT.exists():
        print("generating", DEFAULT_OUT, generate(DEFAULT_OUT))
    registry = Registry.load()
    with tempfile.TemporaryDirectory() as tmp:
        small = Store(Path(tmp) / "one.sqlite", create=True)
        small.init_profile("918", "Quận Bình Thuỷ", "bench")
        small.import_plan(plan_texts(1)[0])
        city = Store(DEFAULT_OUT)
        print(
            f"{'agency':<22} {'items':>5} {'base p50':>9} {'base p95':>9} {'city p50':>9} "
            f"{'city p95':>9} {'ratio p95':>9}"
        )
        worst = 0.0
        for code, name in AGENCIES.items():
            n = len(city.assigned_status(city.load_plan("kh-260-2022"), registry, code, TODAY))
            # alternate baseline and city in chunks so that machine noise hits both alike
            base: list[float] = []
            big: list[float] = []
            for _ in range(3):
                base += timings(small, registry, code, args.repeat // 3)
                big += timings(city, registry, code, args.repeat // 3)
            worst = max(worst, pct(big, 95))
            print(
                f"{name:<22} {n:>5} {pct(base, 50):>9.2f} {pct(base, 95):>9.2f} "
                f"{pct(big, 50):>9.2f} {pct(big, 95):>9.2f} "
                f"{pct(big, 95) / pct(base, 95):>8.2f}x"
            )
        city.close()
        small.close()
    print(f"worst city p95: {worst:.2f} ms (aim <= 10 ms)")


if __name__ == "__main__":
    main()
