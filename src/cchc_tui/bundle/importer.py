"""Import (Sở Nội vụ): verify first; then extract into a fresh temporary folder — only regular
files the bag lists, every path checked with os.path.commonpath, sizes and hashes counted while
streaming — and move it into place only after every check passed; record the signer, the
certificate, the signing time next to the receipt time, and the bundle's SHA-256.

A resubmission must name the latest bundle received from that agency for that plan and period;
importing the same bundle twice changes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from sqlmodel import col, select

from cchc_tui.bundle.bag import MANIFEST, TAGMANIFEST
from cchc_tui.bundle.verify import CHUNK, Report, verify_bundle
from cchc_tui.core.i18n import UserError
from cchc_tui.core.review import Received
from cchc_tui.store.models import ReceivedBundle
from cchc_tui.store.service import Store


class ImportRefused(UserError):
    pass


@dataclass(frozen=True)
class Imported:
    report: Report
    stored: Path | None
    already: bool


def bundles_dir(store: Store) -> Path:
    return store.path.with_name(store.path.name + ".bundles")


def latest_received(store: Store, agency: str, plan: str, period: str) -> ReceivedBundle | None:
    with store._read() as s:
        return s.exec(
            select(ReceivedBundle)
            .where(
                ReceivedBundle.agency_code == agency,
                ReceivedBundle.plan_id == plan,
                ReceivedBundle.period == period,
            )
            .order_by(col(ReceivedBundle.id).desc())
        ).first()


def import_bundle(
    store: Store,
    path: Path,
    ca_pem: bytes,
    crl_pem: bytes | None,
    *,
    actor: str,
    now: datetime | None = None,
) -> Imported:
    now = now or datetime.now(UTC)
    report = verify_bundle(path, ca_pem, crl_pem, now)
    if not report.ok:
        reasons = "; ".join(c.detail for c in report.checks if not c.ok)
        raise ImportRefused("import.refused", path=path, reasons=reasons)
    with store._read() as s:
        same = s.exec(select(ReceivedBundle).where(ReceivedBundle.sha256 == report.sha256)).first()
    if same is not None:
        return Imported(report, Path(same.stored_path), True)
    latest = latest_received(store, report.agency_code, report.plan, report.period)
    expected = latest.bundle_id if latest else ""
    if report.supersedes != expected:
        raise ImportRefused(
            "import.stale", path=path, named=report.supersedes or "—", latest=expected or "—"
        )
    if latest is not None and report.supersedes_sha256 != latest.sha256:
        raise ImportRefused("import.stale_sha", path=path)
    target_root = bundles_dir(store) / report.agency_code
    target_root.mkdir(parents=True, exist_ok=True)
    final = target_root / report.bundle_id
    if final.exists():
        raise ImportRefused("import.exists", path=final)
    tmp = Path(tempfile.mkdtemp(prefix=".incoming-", dir=target_root))
    try:
        files = _extract(path, tmp)
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    try:
        with store._write() as s:
            s.add(
                ReceivedBundle(
                    bundle_id=report.bundle_id,
                    sha256=report.sha256,
                    agency_code=report.agency_code,
                    plan_id=report.plan,
                    period=report.period,
                    signer=report.signer.officer if report.signer else "",
                    cert_serial=format(report.signer.serial, "x") if report.signer else "",
                    cert_fingerprint=report.signer.fingerprint if report.signer else "",
                    signing_time=report.signing_time,
                    received_at=now,
                    received_by=actor,
                    supersedes=report.supersedes,
                    stored_path=str(final),
                    size=path.stat().st_size,
                    files=files,
                )
            )
            store._audit(
                s,
                actor=actor,
                agency=report.agency_code,
                action="bundle.import",
                entity="bundle",
                key=report.bundle_id,
                changes={"sha256": (None, report.sha256), "supersedes": (None, report.supersedes)},
            )
    except BaseException:
        shutil.rmtree(final, ignore_errors=True)
        raise
    return Imported(report, final, False)


def _extract(path: Path, into: Path) -> int:
    """Write the bag's listed regular files under ``into``; re-check every hash as it streams."""
    base = os.path.realpath(into)
    count = 0
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        root = PurePosixPath(infos[0].filename).parts[0]
        by_rel = {PurePosixPath(zi.filename).relative_to(root).as_posix(): zi for zi in infos}
        listed: dict[str, str] = {}
        for manifest in (MANIFEST, TAGMANIFEST):
            for line in zf.read(by_rel[manifest]).decode("utf-8").splitlines():
                want, _sep, rel = line.partition("  ")
                listed[rel] = want
        allowed = set(listed) | {MANIFEST, TAGMANIFEST, f"{TAGMANIFEST}.p7s"}
        for rel, zi in by_rel.items():
            if rel not in allowed:
                raise ImportRefused("import.unlisted", name=rel)
            target = os.path.realpath(os.path.join(base, *PurePosixPath(rel).parts))
            if os.path.commonpath([base, target]) != base:
                raise ImportRefused("import.outside", name=rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            digest = hashlib.sha256()
            written = 0
            with zf.open(zi) as src, open(target, "xb") as dst:
                while chunk := src.read(CHUNK):
                    written += len(chunk)
                    if written > zi.file_size:
                        raise ImportRefused("import.too_long", name=rel)
                    digest.update(chunk)
                    dst.write(chunk)
            if rel in listed and digest.hexdigest() != listed[rel]:
                raise ImportRefused("import.changed", name=rel)
            count += 1
    return count


def latest_for_period(
    store: Store, plan: str, period: str, only: Collection[str] | None = None
) -> dict[str, Received]:
    """The latest accepted bundle of each unit for a plan and period, with its submission
    (of the units in `only`, when given: the ones this reviewer expects)."""
    with store._read() as s:
        rows = s.exec(
            select(ReceivedBundle)
            .where(ReceivedBundle.plan_id == plan, ReceivedBundle.period == period)
            .order_by(col(ReceivedBundle.id))
        ).all()
    counts: dict[str, int] = {}
    latest: dict[str, ReceivedBundle] = {}
    for r in rows:
        counts[r.agency_code] = counts.get(r.agency_code, 0) + 1
        latest[r.agency_code] = r
    out = {}
    for code, r in latest.items():
        if only is not None and code not in only:
            continue
        path = Path(r.stored_path) / "data" / "submission.json"
        try:
            submission = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            submission = {}
        out[code] = Received(
            code,
            r.bundle_id,
            r.received_at.replace(tzinfo=UTC),
            r.signing_time,
            submission,
            counts[code],
        )
    return out


def trust_anchors(
    store: Store, ca: Path | None = None, crl: Path | None = None
) -> tuple[bytes, bytes | None]:
    """The CA certificate (and revocation list) bundles are checked against: the files given
    are read, checked to be what they claim and remembered in the database; without them, what
    was remembered."""
    from cryptography import x509
    from sqlalchemy import text

    given: dict[str, str] = {}
    for key, path in (("trust_ca_pem", ca), ("trust_crl_pem", crl)):
        if path is None:
            continue
        try:
            data = path.read_bytes()
        except OSError as e:
            raise UserError(
                "evidence.file_unreadable", path=path, detail=e.strerror or str(e)
            ) from None
        try:
            if key == "trust_ca_pem":
                x509.load_pem_x509_certificate(data)
            else:
                x509.load_pem_x509_crl(data)
        except ValueError:
            raise UserError(
                "import.bad_ca" if key == "trust_ca_pem" else "import.bad_crl", path=path
            ) from None
        given[key] = data.decode("ascii", "replace")
    with store._write() as s:
        conn = s.connection()
        for key, value in given.items():
            conn.execute(
                text("INSERT OR REPLACE INTO app_meta (key, value) VALUES (:k, :v)"),
                {"k": key, "v": value},
            )
        query = text(
            "SELECT key, value FROM app_meta WHERE key IN ('trust_ca_pem', 'trust_crl_pem')"
        )
        rows = {str(k): str(v) for k, v in conn.execute(query).all()}
    if "trust_ca_pem" not in rows:
        raise UserError("import.no_ca")
    remembered = rows.get("trust_crl_pem")
    return rows["trust_ca_pem"].encode(), remembered.encode() if remembered else None


def bundles_in(folder: Path) -> list[Path]:
    """The bundle files on a folder or USB stick, subfolders included (one per agency is a
    common layout): every *.zip except hidden files and folders (".Trashes", and the "._"
    copies macOS leaves on FAT sticks). Sorted by file name, then path, so that an agency's
    bundles come in the order they were made (the name ends with the export time) and a
    resubmission follows the bundle it supersedes."""
    found = [
        p
        for p in folder.rglob("*.zip")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found, key=lambda p: (p.name, str(p)))
