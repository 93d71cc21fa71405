"""Saves progress in a loop and prints "ACK n" after each commit (used by test_durability)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from cchc_tui.core.plan import Plan
from cchc_tui.store.service import Store

ITEMS = ["hd3.8", "nv2.5", "hd3.10", "hd3.12", "hd3.13", "hd3.16"]


def main() -> None:
    path, start = Path(sys.argv[1]), int(sys.argv[2])
    store = Store(path)
    plan: Plan = store.load_plan()
    print("READY", flush=True)
    n = start
    while True:
        store.set_progress(
            plan,
            ITEMS[n % len(ITEMS)],
            agency="918",
            actor="durability",
            status="dang_thuc_hien",
            progress_pct=n % 100,
            note=f"lần lưu {n}",
            today=date(2022, 9, 15),
        )
        print(f"ACK {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main()
