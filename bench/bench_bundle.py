"""Export and verify of a bundle with 200 evidence files (~500 MB), each against a baseline in
the same run that only reads and SHA-256-hashes the same files once; and peak memory.

Prints the times, the ratios (aim ≤ 1.3×) and the peak resident memory of each step, measured
in a child process each (aim ≤ 100 MB: files are streamed, never read whole).

    python bench/bench_bundle.py [--files 200] [--mb 500]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from cchc_tui.bundle import bag, pki
from cchc_tui.bundle.verify import verify_bundle
from cchc_tui.core.submission import Submission

PASS = b"mat-khau-bench-123"


def baseline(paths: list[Path]) -> None:
    for p in paths:
        digest = hashlib.sha256()
        with p.open("rb") as fh:
            while chunk := fh.read(1024 * 1024):
                digest.update(chunk)


def child(step: str, folder: Path) -> None:
    """One step in its own process, so that its peak memory is its own."""
    paths = sorted((folder / "files").iterdir())
    t0 = time.perf_counter()
    if step == "baseline":
        baseline(paths)
    elif step == "copy":  # context for export: read, hash and write every byte once, fsync
        with (folder / "copy.bin").open("wb") as out:
            for p in paths:
                digest = hashlib.sha256()
                with p.open("rb") as fh:
                    while chunk := fh.read(1024 * 1024):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        (folder / "copy.bin").unlink()
    elif step == "export":
        key, cert, chain = pki.load_p12(folder / "a.p12", PASS)
        files = []
        for p in paths:
            files.append(
                bag.PayloadFile(
                    f"data/evidence/{RECORDED[p.name]}.pdf", p, RECORDED[p.name], p.stat().st_size
                )
            )
        t0 = time.perf_counter()
        spec = bag.BundleSpec(
            "918",
            "Quận Bình Thuỷ",
            "Bench",
            "kh-260-2022",
            "NAM",
            "bench",
            datetime(2022, 12, 9, tzinfo=UTC),
            Submission.model_validate(
                {
                    "agency": {"code": "918", "name": "Quận Bình Thuỷ"},
                    "officer": "Bench",
                    "plan": "kh-260-2022",
                    "period": "NAM",
                    "items": [],
                    "evidence": [],
                    "reports": {},
                    "indicators": {},
                    "scores": [],
                    "schema_version": 1,
                }
            ),
            [],
            files,
        )
        out = folder / "out"
        out.mkdir(exist_ok=True)
        bag.build_bundle(spec, key, cert, chain, out)
    elif step == "verify":
        bundle = next((folder / "out").glob("*.zip"))
        report = verify_bundle(bundle, (folder / "ca" / "ca.pem").read_bytes())
        assert report.ok, report.checks
    elapsed = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{elapsed:.3f} {peak_mb:.1f}")


RECORDED: dict[str, str] = {}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--mb", type=int, default=500)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        folder = Path(args.child[1])
        for line in (folder / "recorded.txt").read_text().splitlines():
            name, sha = line.split()
            RECORDED[name] = sha
        child(args.child[0], folder)
        return
    out = Path(__file__).parent / "out"  # ignored by git, like the city database
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        folder = Path(tmp)
        (folder / "files").mkdir()
        rng = random.Random(7)
        each = args.mb * 1024 * 1024 // args.files
        lines = []
        for i in range(args.files):
            data = rng.randbytes(each)  # incompressible, like scanned PDFs
            name = f"{i:04d}.pdf"
            (folder / "files" / name).write_bytes(data)
            lines.append(f"{name} {hashlib.sha256(data).hexdigest()}")
        (folder / "recorded.txt").write_text("\n".join(lines))
        pki.init_ca(folder / "ca", PASS)
        pki.issue(
            folder / "ca",
            PASS,
            agency_code="918",
            agency_name="Quận Bình Thuỷ",
            officer="Bench",
            p12_passphrase=PASS,
            out=folder / "a.p12",
        )
        results = {}
        for step in ("baseline", "copy", "export", "baseline", "verify", "baseline"):
            out = subprocess.run(
                [sys.executable, __file__, "--child", step, str(folder)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            secs, peak = map(float, out.split())
            results.setdefault(step, []).append((secs, peak))
    base = min(s for s, _ in results["baseline"])
    print(f"{args.files} files, {args.mb} MB, warm page cache")
    for step in ("baseline", "copy", "export", "verify"):
        secs = min(s for s, _ in results[step])
        peak = max(p for _, p in results[step])
        ratio = f"{secs / base:.2f}x baseline" if step != "baseline" else "1.00x"
        print(f"{step:<9} {secs:7.2f} s  {ratio:<16} peak RSS {peak:6.1f} MB")
    copy = min(s for s, _ in results["copy"])
    export = min(s for s, _ in results["export"])
    print(f"export / copy (read+hash+write+fsync): {export / copy:.2f}x")
    print("aims: export and verify <= 1.3x baseline; peak memory <= 100 MB")


if __name__ == "__main__":
    main()
