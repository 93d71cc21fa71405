"""The period report: building it for a district (the demo's 52 items) with 200 evidence
documents linked to its items, and its share of an export.

Prints (a) the time to build the content and write the .docx (aim ≤ 1 s), against writing an
empty python-docx document in the same run (the library's own floor); (b) what it adds to an
export: the export's data step (submission.json and the file list) alone and with the report
(signing and zipping, the same with or without it, are in bench_bundle.py).

    python bench/bench_report.py [--docs 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from importlib import resources
from pathlib import Path

import docx

from cchc_tui.core.agencies import Registry
from cchc_tui.core.period_report import build_report
from cchc_tui.core.plan import DEFAULT_PLAN_FILE
from cchc_tui.demo import DEMO_AGENCY, build_demo
from cchc_tui.reports.report_docx import write_report_docx
from cchc_tui.services import export

TODAY = date(2022, 10, 5)


def timed(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    registry = Registry.load()
    text = resources.files("cchc_tui.data").joinpath(DEFAULT_PLAN_FILE).read_text("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store, plan = build_demo(folder / "demo.sqlite", text, registry)
        rows = store.assigned_status(plan, registry, DEMO_AGENCY, TODAY)
        for i in range(args.docs):
            store.add_evidence(
                agency=DEMO_AGENCY, actor="bench", number=f"{100 + i}/BC-UBND",
                doc_date=date(2022, 1 + i % 9, 1 + i % 27), issuer="UBND quận Bình Thủy",
                title=f"Báo cáo kết quả thực hiện nhiệm vụ {i}", plan=plan,
                items=[rows[i % len(rows)].item.id], today=TODAY,
            )  # fmt: skip

        def build() -> None:
            docs = store.list_evidence(DEMO_AGENCY)
            content = build_report(
                plan, registry.agencies[DEMO_AGENCY], registry,
                store.assigned_status(plan, registry, DEMO_AGENCY, TODAY), docs,
                {d.id: list(d.items) for d in docs}, period="Q3", day=TODAY,
            )  # fmt: skip
            write_report_docx(content, folder / "bao-cao.docx")

        def empty() -> None:
            docx.Document().save(str(folder / "empty.docx"))

        build()  # warm: imports, the style cache
        report_ms, floor_ms = timed(build, args.runs), timed(empty, args.runs)
        print(f"(a) {len(rows)} items, {args.docs} documents, {args.runs} runs (medians)")
        print(f"    build and write the report: {report_ms:7.0f} ms   (aim <= 1000 ms)")
        print(f"    an empty python-docx file : {floor_ms:7.0f} ms   "
              f"ratio {report_ms / floor_ms:.1f}x")  # fmt: skip

        def data() -> None:
            export.submission(store, plan, registry, DEMO_AGENCY, "Q3", TODAY)

        def report_step() -> None:
            export._period_report(store, plan, registry, DEMO_AGENCY, "Q3", TODAY, str(folder))

        data_ms, step_ms = timed(data, args.runs), timed(report_step, args.runs)
        print("(b) an export's own work before signing and zipping (medians)")
        print(f"    submission.json and the file list: {data_ms:7.0f} ms")
        print(f"    + the period report              : {step_ms:7.0f} ms   "
              f"(the export's data step x{(data_ms + step_ms) / data_ms:.1f})")  # fmt: skip
        store.close()


if __name__ == "__main__":
    main()
