"""(a) 1,000 status saves through the store API against the same saves through plain sqlite3.

Each save is one transaction, as the app does it: read the item's row, write the new values,
append an audit entry, commit (WAL, synchronous=FULL, foreign keys on, BEGIN IMMEDIATE). The
two are run alternately in rounds in the same process, on files in the same folder, and the
script prints the median per-save time of each and their ratio (aim: ≤ 1.5×).

    python bench/bench_saves.py [--saves 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

from cchc_tui.core.plan import DEFAULT_PLAN_FILE
from cchc_tui.store.service import Store

ITEMS = ["hd3.8", "nv2.5", "hd3.10", "hd3.12", "hd3.13", "hd3.16", "hd3.23", "hd3.27"]
TODAY = date(2022, 9, 15)
OUT = Path(__file__).resolve().parent / "out"


def fresh_store(folder: Path, name: str) -> Store:
    text = resources.files("cchc_tui.data").joinpath(DEFAULT_PLAN_FILE).read_text("utf-8")
    store = Store(folder / name, create=True)
    store.init_profile("918", "Quận Bình Thuỷ", "bench")
    store.import_plan(text)
    return store


def run_store(store: Store, saves: int, offset: int) -> list[float]:
    plan = store.load_plan()
    times = []
    for i in range(saves):
        n = offset + i
        t0 = time.perf_counter()
        store.set_progress(
            plan,
            ITEMS[n % len(ITEMS)],
            agency="918",
            actor="bench",
            status="dang_thuc_hien",
            progress_pct=n % 100,
            note=f"lần {n}",
            today=TODAY,
        )
        times.append(time.perf_counter() - t0)
    return times


def run_plain(path: Path, saves: int, offset: int) -> list[float]:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA busy_timeout = 5000")
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    ids = dict(con.execute("SELECT key, id FROM plan_item WHERE plan_id = 'kh-260-2022'"))
    times = []
    for i in range(saves):
        n = offset + i
        key = ITEMS[n % len(ITEMS)]
        t0 = time.perf_counter()
        now = datetime.now(UTC).isoformat()
        con.execute("BEGIN IMMEDIATE")
        row = con.execute(
            "SELECT id, status, progress_pct, note FROM progress "
            "WHERE agency_code = ? AND plan_item_id = ?",
            ("918", ids[key]),
        ).fetchone()
        changes = json.dumps(
            {
                "progress_pct": [row[2] if row else 0, n % 100],
                "note": [row[3] if row else "", f"lần {n}"],
            },
            ensure_ascii=False,
        )
        if row:
            con.execute(
                "UPDATE progress SET status=?, progress_pct=?, note=?, updated_at=?, "
                "updated_by=? WHERE id=?",
                ("dang_thuc_hien", n % 100, f"lần {n}", now, "bench", row[0]),
            )
        else:
            con.execute(
                "INSERT INTO progress (agency_code, plan_item_id, status, reason, progress_pct, "
                "note, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)",
                ("918", ids[key], "dang_thuc_hien", "", n % 100, f"lần {n}", now, "bench"),
            )
        con.execute(
            "INSERT INTO audit_log (at, actor, agency_code, action, entity, entity_key, changes)"
            " VALUES (?,?,?,?,?,?,?)",
            (now, "bench", "918", "progress.set", "progress", f"kh-260-2022/{key}", changes),
        )
        con.execute("COMMIT")
        times.append(time.perf_counter() - t0)
    con.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--saves", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        folder = Path(tmp)
        store = fresh_store(folder, "store.sqlite")
        plain_path = folder / "plain.sqlite"
        fresh_store(folder, "plain.sqlite").close()
        per_store: list[float] = []
        per_plain: list[float] = []
        total_store = total_plain = 0.0
        for r in range(args.rounds):
            chunk = args.saves // args.rounds
            t0 = time.perf_counter()
            per_plain += run_plain(plain_path, chunk, r * chunk)
            total_plain += time.perf_counter() - t0
            t0 = time.perf_counter()
            per_store += run_store(store, chunk, r * chunk)
            total_store += time.perf_counter() - t0
        store.close()
    ms = 1000
    med_s, med_p = statistics.median(per_store) * ms, statistics.median(per_plain) * ms
    print(f"saves: {len(per_store)} each, {args.rounds} alternating rounds")
    print(
        f"plain sqlite3 : total {total_plain:.2f} s, median {med_p:.3f} ms/save, "
        f"p95 {statistics.quantiles(per_plain, n=20)[18] * ms:.3f} ms"
    )
    print(
        f"store API     : total {total_store:.2f} s, median {med_s:.3f} ms/save, "
        f"p95 {statistics.quantiles(per_store, n=20)[18] * ms:.3f} ms"
    )
    print(
        f"ratio (store / plain): total {total_store / total_plain:.2f}x, "
        f"median {med_s / med_p:.2f}x   (aim <= 1.5x)"
    )


if __name__ == "__main__":
    main()
