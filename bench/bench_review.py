"""Issues 6 and 15 measures: importing 117 bundles (without evidence files) into a reviewer
database, and at that size (half the units appraised, every tenth resubmitted with changes):
the review overview as the desk recomputes it on every refresh (appraisal totals, review
states, the ranking by group), the rankings alone, and the "changes since the previous
bundle" view of a resubmitted unit. Baselines in the same run: verifying the same bundles
without importing them, and reading the submissions from disk.

    python bench/bench_review.py [--units 117]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from cchc_tui.bundle import bag, pki
from cchc_tui.bundle.verify import verify_bundle
from cchc_tui.core.agencies import Registry
from cchc_tui.core.criteria import CriteriaSet, parse_criteria
from cchc_tui.core.plan import Plan
from cchc_tui.core.review import expected_units, overview, ranking
from cchc_tui.core.scoring import totals
from cchc_tui.core.submission import Submission
from cchc_tui.services import appraising
from cchc_tui.services import review_desk as rs
from cchc_tui.services.importer import import_bundle
from cchc_tui.services.received import latest_for_period
from cchc_tui.store.service import Store

PASS = b"mat-khau-bench-123"


def criteria_for_set(set_id: str) -> CriteriaSet:
    from importlib import resources

    text = resources.files("cchc_tui.data").joinpath("criteria", f"{set_id}.toml").read_text()
    return parse_criteria(text, set_id)


SET_OF_LEVEL = {"city": "mau-so-2022", "district": "mau-huyen-2022", "commune": "mau-xa-2022"}


def submission(code: str, n: int, set_id: str, subs: list[str], done: int = 0) -> Submission:
    """An agency's submission: 52 items (the first ``done`` of them done), every sub-criterion
    self-scored at 0 (the first at 1 when ``done``) and the totals those points give (the
    review desk recomputes them at import)."""
    own = {c: Decimal(0) for c in subs}
    if done:
        own[subs[0]] = Decimal(1)
    result = totals(criteria_for_set(set_id), own)
    item = {"number": "3", "role": "lead", "note": "", "reason": "", "completed_on": None}
    sub = {"suggested": None, "explanation": "", "note": ""}
    return Submission.model_validate(
        {
            "agency": {"code": code, "name": code},
            "officer": "Bench",
            "plan": "kh-260-2022",
            "period": "Q3",
            "items": [
                {
                    **item,
                    "id": f"hd3.{i}",
                    "status": "hoan_thanh" if i < done else "dang_thuc_hien",
                    "progress": 100 if i < done else 50,
                    "evidence_count": 0,
                }
                for i in range(52)
            ],
            "evidence": [],
            "reports": {},
            "indicators": {},
            "scores": [
                {
                    "set": set_id,
                    "status": "mẫu",
                    "finalised_at": None,
                    "total": str(result.total),
                    "max_self": "100",
                    "percent": str(result.percent),
                    "grade": result.grade,
                    "subs": [
                        {**sub, "code": c, "self": str(own[c]), "evidence": [1]} for c in subs
                    ],
                }
            ],
            "schema_version": 1,
        }
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=117)
    args = ap.parse_args()
    registry = Registry.load()
    # every unit of the registry: departments and the other city units, districts, communes
    units = registry.by_level(["city", "district", "commune"])[: args.units]
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        pki.init_ca(d / "ca", PASS)
        ca_pem = (d / "ca" / "ca.pem").read_bytes()
        (d / "out").mkdir()
        t0 = time.perf_counter()
        paths: list[Path] = []
        later: list[Path] = []
        resubmitted: list[str] = []
        for n, a in enumerate(units):
            p12 = d / f"{a.code}.p12"
            pki.issue(
                d / "ca",
                PASS,
                agency_code=a.code,
                agency_name=a.name,
                officer="Bench",
                p12_passphrase=PASS,
                out=p12,
            )
            key, cert, chain = pki.load_p12(p12, PASS)
            set_id = SET_OF_LEVEL[a.level]
            cset = criteria_for_set(set_id)
            subs = [x.code for x in cset.subs if not x.is_survey]
            spec = bag.BundleSpec(
                a.code,
                a.name,
                "Bench",
                "kh-260-2022",
                "Q3",
                "bench",
                datetime(2022, 9, 8, tzinfo=UTC),
                submission(a.code, n, set_id, subs),
                [],
            )
            built = bag.build_bundle(spec, key, cert, chain, d / "out")
            paths.append(built.path)
            if n % 10 == 0:  # resubmitted: five items done since, one own score raised
                changed = submission(a.code, n, set_id, subs, done=5)
                again = replace(
                    spec,
                    timestamp=datetime(2022, 9, 9, tzinfo=UTC),
                    submission=changed,
                    supersedes=(built.bundle_id, built.sha256),
                )
                later.append(bag.build_bundle(again, key, cert, chain, d / "out").path)
                resubmitted.append(a.code)
        setup = time.perf_counter() - t0
        t0 = time.perf_counter()
        for p in paths:
            assert verify_bundle(p, ca_pem).ok
        verify_only = time.perf_counter() - t0
        store = Store(d / "snv.sqlite", create=True)
        store.init_profile("SNV", "Sở Nội vụ", "Bench")
        plan = store.import_plan(
            (Path(__file__).parent.parent / "data" / "plan-260-2022.toml").read_text(
                encoding="utf-8"
            )
        )
        t0 = time.perf_counter()
        for p in paths:
            import_bundle(store, p, ca_pem, None, actor="Bench")
        imported = time.perf_counter() - t0
        for p in later:
            import_bundle(store, p, ca_pem, None, actor="Bench")
        # every other unit appraised: five sub-criteria in round 1, one of them again in round 2
        for a in units[::2]:
            got = rs.latest_bundle(store, a.code, plan.id, "Q3")
            for code in ("1.1.1", "1.1.2", "1.2.1", "2.1.1", "3.1.1"):
                appraising.appraise(store, got, code, "0", round_=1, actor="Bench", reason="b")
            appraising.appraise(store, got, "1.1.2", "1", round_=2, actor="Bench")
        times = []
        for _ in range(60):
            t0 = time.perf_counter()
            expected = {a.code for a in expected_units(registry, plan, "SNV")}
            latest = latest_for_period(store, plan.id, "Q3", expected)
            view = overview(registry, plan, "SNV", "Q3", latest)
            ranked = ranking(view, rs.outcomes(store, plan.id, "Q3", latest))
            rs.latest_states(store, [r.bundle_id for r in latest.values()])
            times.append((time.perf_counter() - t0) * 1000)
        rankings = []  # the ranking screen's work once the overview is there
        for _ in range(60):
            t0 = time.perf_counter()
            ranked = ranking(view, rs.outcomes(store, plan.id, "Q3", latest))
            rankings.append((time.perf_counter() - t0) * 1000)
        changes = []  # v on a resubmitted unit: both submissions read and compared
        for _ in range(3):
            for code in resubmitted:
                t0 = time.perf_counter()
                got_changes = rs.since_previous(store, code, plan.id, "Q3")
                changes.append((time.perf_counter() - t0) * 1000)
                assert got_changes.previous is not None and len(got_changes.changes) == 11
        every = []  # the same with all 111 units' bundles and appraisals (no reviewer filter)
        for _ in range(30):
            t0 = time.perf_counter()
            latest_all = latest_for_period(store, plan.id, "Q3")
            found_all = rs.outcomes(store, plan.id, "Q3", latest_all)
            every.append((time.perf_counter() - t0) * 1000)
        assert len(found_all) == len(paths)
        assert sum(r.appraised for r in ranked) == len(
            [a for a in units[::2] if a.code in expected]
        )
        base = []
        stored = sorted((d / "snv.sqlite.bundles").glob("*/*/data/submission.json"))
        for _ in range(30):
            t0 = time.perf_counter()
            for f in stored:
                json.loads(f.read_text(encoding="utf-8"))
            base.append((time.perf_counter() - t0) * 1000)
        store.close()
    assert isinstance(plan, Plan) and view.received > 0
    p95 = statistics.quantiles(times, n=20)[18]
    print(f"{len(paths)} bundles (made in {setup:.1f} s, not timed below)")
    print(f"verify only      {verify_only:6.2f} s")
    print(
        f"import (verify, extract, record) {imported:6.2f} s  ({imported / verify_only:.2f}x "
        f"verify only; aim <= 10 s)"
    )
    print(
        f"overview of the {view.expected} units Sở Nội vụ expects + appraisals + ranking: "
        f"p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms "
        f"(aim <= 100 ms); reading the {len(stored)} submissions alone: p50 "
        f"{statistics.median(base):.1f} ms"
    )
    print(
        f"rankings by group: p50 {statistics.median(rankings):6.1f} ms  p95 "
        f"{statistics.quantiles(rankings, n=20)[18]:6.1f} ms (aim <= 100 ms)"
    )
    print(
        f"changes since the previous bundle ({len(resubmitted)} resubmitted units): p50 "
        f"{statistics.median(changes):6.1f} ms  p95 {statistics.quantiles(changes, n=20)[18]:6.1f}"
        f" ms (aim <= 100 ms)"
    )
    print(
        f"all {len(paths)} units' bundles and appraisals (no reviewer filter): p50 "
        f"{statistics.median(every):6.1f} ms  p95 {statistics.quantiles(every, n=20)[18]:6.1f} ms"
    )


if __name__ == "__main__":
    main()
