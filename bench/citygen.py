"""A city-scale database, the size a reviewer's at Sở Nội vụ will reach.

Progress of every unit of the registry (117) on five yearly plans (the 2022 plan re-issued as
2022…2026), and 20,000 evidence rows linked to the items they prove, with audit entries for
all of it. The schema comes from the real migrations (Store(create=True)); rows are written in
bulk with sqlite3 for speed. Later issues reuse ``generate``.

    python bench/citygen.py [OUT.sqlite] [--plans 5] [--evidence 20000] [--seed 2022]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import time
import tomllib
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path

import tomli_w

from cchc_tui.core.agencies import Registry
from cchc_tui.core.assignment import assigned_items
from cchc_tui.core.plan import DEFAULT_PLAN_FILE, Plan
from cchc_tui.store.service import Store

DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "city.sqlite"
STATUSES = ["chua_thuc_hien", "dang_thuc_hien", "hoan_thanh", "khong_thuc_hien_duoc"]
TYPES = ["KH", "BC", "QĐ", "TB", "CV"]


def plan_texts(count: int) -> list[str]:
    base = tomllib.loads(
        resources.files("cchc_tui.data").joinpath(DEFAULT_PLAN_FILE).read_text("utf-8")
    )
    texts = []
    for k in range(count):
        doc = json.loads(json.dumps(base, default=str))  # deep copy, dates as text
        year = 2022 + k
        doc["plan"]["id"] = "kh-260-2022" if k == 0 else f"kh-cchc-{year}"
        doc["plan"]["year"] = year
        doc["plan"]["issued"] = date(year - 1, 12, 29)
        for it in doc["item"]:
            it["due"] = [date(year, *map(int, d[5:].split("-"))) for d in it["due"]]
            if "start" in it:
                it["start"] = date(year, *map(int, it["start"][5:].split("-")))
        for p in doc["period"]:
            p["due"] = date(year, *map(int, p["due"][5:].split("-")))
            for key in ("cutoff_start", "cutoff_end"):
                if key in p:
                    p[key] = date.fromisoformat(p[key])
        for o in doc["obligation"]:
            if "due" in o:
                o["due"] = date(year, *map(int, o["due"][5:].split("-")))
        doc["plan"]["issued"] = date(year - 1, 12, 29)
        texts.append(tomli_w.dumps(doc))
    return texts


def generate(
    out: Path, *, plans: int = 5, evidence: int = 20_000, seed: int = 2022
) -> dict[str, int]:
    rng = random.Random(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    registry = Registry.load()
    store = Store(out, create=True)
    store.init_profile("SNV", "Sở Nội vụ", "Phòng CCHC")
    loaded: list[Plan] = [store.import_plan(t) for t in plan_texts(plans)]
    store.close()

    con = sqlite3.connect(out)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = OFF")  # generation only; the app always uses FULL
    item_ids = {(p, k): i for p, k, i in con.execute("SELECT plan_id, key, id FROM plan_item")}
    now = datetime.now(UTC).isoformat()
    progress_rows = []
    audit_rows = []
    assigned: dict[str, list[tuple[str, str]]] = {}
    for plan in loaded:
        for code in registry.agencies:
            for a in assigned_items(plan, registry, code):
                assigned.setdefault(code, []).append((plan.id, a.item.id))
                status = rng.choices(STATUSES, weights=[2, 5, 6, 1])[0]
                pct = {"chua_thuc_hien": 0, "hoan_thanh": 100}.get(status, rng.randint(5, 95))
                done = (
                    date(plan.plan.year, rng.randint(1, 12), rng.randint(1, 28)).isoformat()
                    if status == "hoan_thanh"
                    else None
                )
                reason = "Chưa có hướng dẫn của cấp trên" if status == STATUSES[3] else ""
                progress_rows.append(
                    (
                        code,
                        item_ids[(plan.id, a.item.id)],
                        status,
                        reason,
                        pct,
                        f"Ghi chú của {code}",
                        done,
                        now,
                        "generator",
                    )
                )
                audit_rows.append(
                    (
                        now,
                        "generator",
                        code,
                        "progress.set",
                        "progress",
                        f"{plan.id}/{a.item.id}",
                        json.dumps({"status": ["", status]}),
                    )
                )
    con.executemany(
        "INSERT INTO progress (agency_code, plan_item_id, status, reason, progress_pct, note, "
        "completed_on, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)",
        progress_rows,
    )
    codes = list(assigned)
    ev_rows = []
    link_rows = []
    for n in range(1, evidence + 1):
        code = rng.choice(codes)
        typ = rng.choice(TYPES)
        year = 2022 + rng.randrange(plans)
        number = f"{rng.randint(1, 3000)}/{typ}-UBND" if typ != "CV" else f"{n}/UBND-NV"
        ev_rows.append(
            (
                n,
                code,
                number,
                "administrative",
                typ if typ != "CV" else "",
                (date(year, 1, 1) + timedelta(days=rng.randrange(360))).isoformat(),
                registry.agencies[code].name,
                f"Tài liệu kiểm chứng số {n}",
                "",
                "",
                "",
                None,
                now,
                "generator",
            )
        )
        for plan_id, key in rng.sample(
            assigned[code], k=min(len(assigned[code]), rng.randint(1, 3))
        ):
            link_rows.append((n, item_ids[(plan_id, key)]))
        audit_rows.append((now, "generator", code, "evidence.add", "evidence", str(n), "{}"))
    con.executemany(
        "INSERT INTO evidence (id, agency_code, number, family, doc_type, doc_date, issuer, title,"
        " file_name, file_path, sha256, size, created_at, created_by) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        ev_rows,
    )
    con.executemany("INSERT OR IGNORE INTO evidence_link VALUES (?, ?)", link_rows)
    con.executemany(
        "INSERT INTO audit_log (at, actor, agency_code, action, entity, entity_key, changes) "
        "VALUES (?,?,?,?,?,?,?)",
        audit_rows,
    )
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("ANALYZE")
    con.close()
    return {
        "plans": plans,
        "agencies": len(codes),
        "progress": len(progress_rows),
        "evidence": len(ev_rows),
        "links": len(link_rows),
        "audit": len(audit_rows),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--plans", type=int, default=5)
    ap.add_argument("--evidence", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=2022)
    args = ap.parse_args()
    t0 = time.perf_counter()
    counts = generate(args.out, plans=args.plans, evidence=args.evidence, seed=args.seed)
    size = args.out.stat().st_size / 1e6
    print(f"{args.out}: {counts} — {size:.1f} MB in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
