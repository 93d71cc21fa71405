"""Refusing hostile files cheaply, each against a baseline in the same run:

- time to refuse a 4 GiB sparse file given as a bundle, and a 4 GiB file of junk with a zip
  end record, against verifying a genuine small bundle (aim ≤ 0.5 s for the refusals);
- peak memory of a receipt import of a 1 GiB file (a sparse file named .zip, and a real zip
  whose receipt.json declares 1 GiB), against importing a genuine receipt, each in a child
  process (aim ≤ 100 MB);
- the price of the path check: verifying the same bundle with and without a CRL.

    python bench/bench_trust.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from cchc_tui.bundle import bag, pki
from cchc_tui.bundle.receipt import make_receipt, read_receipt
from cchc_tui.bundle.verify import verify_bundle
from cchc_tui.core.errors import UserError
from cchc_tui.core.submission import Submission

PASS = b"mat-khau-bench-123"
OUT = Path(__file__).resolve().parent / "out"


def world(folder: Path) -> None:
    pki.init_ca(folder / "ca", PASS)
    for agency, role in (("918", "officer"), ("SNV", "reviewer")):
        pki.issue(
            folder / "ca",
            PASS,
            agency_code=agency,
            agency_name=agency,
            officer="Bench",
            p12_passphrase=PASS,
            out=folder / f"{agency}.p12",
            role=role,  # type: ignore[arg-type]
        )
    pki.make_crl(folder / "ca", PASS, folder / "crl.pem")
    key, cert, chain = pki.load_p12(folder / "918.p12", PASS)
    spec = bag.BundleSpec(
        agency_code="918",
        agency_name="Quận Bình Thuỷ",
        officer="Bench",
        plan_id="kh-260-2022",
        period="Q3",
        app_version="bench",
        timestamp=datetime(2022, 9, 9, tzinfo=UTC),
        submission=_submission(),
        audit=[],
    )
    (folder / "bundles").mkdir()
    built = bag.build_bundle(spec, key, cert, chain, folder / "bundles")
    built.path.rename(folder / "good.zip")
    rkey, rcert, rchain = pki.load_p12(folder / "SNV.p12", PASS)
    content = {
        "bundle_id": built.bundle_id,
        "bundle_sha256": built.sha256,
        "agency": "918",
        "plan": "kh-260-2022",
        "period": "Q3",
        "state": "da_duyet",
        "appraisal": {},
        "appraisal_total": {},
        "comments": [],
    }
    now = datetime.now(UTC).replace(microsecond=0)
    (folder / "receipt.zip").write_bytes(make_receipt(content, rkey, rcert, rchain, now))
    with (folder / "sparse.zip").open("wb") as fh:
        fh.truncate(4 * 1024**3)
    with (folder / "junk.zip").open("wb") as fh:  # junk, then a well-formed empty end record
        fh.truncate(4 * 1024**3 - 22)
        fh.seek(0, 2)
        fh.write(b"PK\x05\x06" + bytes(18))
    with (folder / "receipt-sparse.zip").open("wb") as fh:
        fh.truncate(1024**3)
    with zipfile.ZipFile(folder / "receipt-big.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("receipt.json", "w", force_zip64=True) as dst:
            block = b"\0" * (1 << 20)
            for _ in range(1024):
                dst.write(block)
        zf.writestr("receipt.json.p7s", b"x")


def _submission() -> Submission:
    """A genuine submission for the bench bundle: the demo officer's, if the schema needs one."""
    from cchc_tui.cli import _plan_text
    from cchc_tui.core.agencies import Registry
    from cchc_tui.demo import build_demo
    from cchc_tui.services.export import submission

    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        store, plan = build_demo(Path(tmp) / "d.sqlite", _plan_text(), Registry.load())
        try:
            data, _files = submission(
                store, plan, Registry.load(), "918", "Q3", datetime(2022, 9, 15).date()
            )
        finally:
            store.close()
    return data


def child(step: str, folder: Path) -> None:
    ca = (folder / "ca" / pki.CA_CERT).read_bytes()
    t0 = time.perf_counter()
    if step.startswith("receipt"):
        name = {"receipt": "receipt.zip", "receipt-sparse": "receipt-sparse.zip"}.get(
            step, "receipt-big.zip"
        )
        try:
            read_receipt(folder / name, ca, reviewer="SNV")
            outcome = "accepted"
        except UserError as e:
            outcome = f"refused: {e.message()}"
    else:
        name = {"good": "good.zip", "sparse": "sparse.zip"}.get(step, "junk.zip")
        report = verify_bundle(folder / name, ca)
        outcome = "accepted" if report.ok else "refused"
    took = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{took:.4f} {peak:.1f} {outcome}")


def run(step: str, folder: Path) -> tuple[float, float, str]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", step, str(folder)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split(maxsplit=2)
    return float(out[0]), float(out[1]), out[2].strip()


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]))
        return
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        folder = Path(tmp)
        world(folder)
        ca = (folder / "ca" / pki.CA_CERT).read_bytes()
        crl = (folder / "crl.pem").read_bytes()
        rounds = 20
        no_crl = with_crl = 0.0
        for _ in range(rounds):  # alternating, so that drift hits both
            t0 = time.perf_counter()
            assert verify_bundle(folder / "good.zip", ca).ok
            no_crl += time.perf_counter() - t0
            t0 = time.perf_counter()
            assert verify_bundle(folder / "good.zip", ca, crl).ok
            with_crl += time.perf_counter() - t0
        print(
            f"verify a genuine bundle: {no_crl / rounds * 1000:.1f} ms without a CRL, "
            f"{with_crl / rounds * 1000:.1f} ms with one ({with_crl / no_crl:.2f}×)"
        )
        base_t, base_m, base_o = run("good", folder)
        print(
            f"baseline: verify a genuine bundle in a child: {base_t:.3f} s, {base_m:.0f} MB, "
            f"{base_o}"
        )
        for step, label in (
            ("sparse", "4 GiB sparse file"),
            ("junk", "4 GiB of junk + end record"),
        ):
            took, peak, outcome = run(step, folder)
            print(
                f"refuse {label}: {took:.3f} s ({took / base_t:.2f}× baseline; aim ≤ 0.5 s), "
                f"{peak:.0f} MB, {outcome}"
            )
        base_t, base_m, base_o = run("receipt", folder)
        print(f"baseline: read a genuine receipt: {base_t:.3f} s, {base_m:.0f} MB, {base_o}")
        for step, label in (
            ("receipt-sparse", "1 GiB sparse file as a receipt"),
            ("receipt-big", "a receipt zip whose receipt.json is 1 GiB"),
        ):
            took, peak, outcome = run(step, folder)
            print(
                f"{label}: {took:.3f} s, peak {peak:.0f} MB ({peak / base_m:.2f}× baseline; "
                f"aim ≤ 100 MB), {outcome}"
            )


if __name__ == "__main__":
    main()
