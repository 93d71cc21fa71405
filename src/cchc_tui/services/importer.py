"""Import (Sở Nội vụ): copy the file once into a private temporary file in the bundle store
and verify that copy; then extract from the same copy into a fresh temporary folder — only regular
files the bag lists, every path checked with os.path.commonpath, sizes and hashes counted while
streaming — and move it into place only after every check passed; record the signer, the
certificate, the signing time next to the receipt time, and the bundle's SHA-256.

A resubmission must name the latest bundle received from that agency for that plan and period;
importing the same bundle twice changes nothing."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from cchc_tui.bundle.bag import MANIFEST, TAGMANIFEST
from cchc_tui.bundle.verify import CHUNK, MAX_FILES, MAX_TOTAL, MAX_ZIP, Report, verify_bundle
from cchc_tui.bundle.zipscan import NotAZip, NotRegular, Unsafe, open_regular, scan
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.submission import (
    safe_agency_code,
)
from cchc_tui.services.received import bundles_dir
from cchc_tui.store.models import ReceivedBundle
from cchc_tui.store.review import ChainMoved, ReviewStore
from cchc_tui.store.service import Store


class ImportRefused(UserError):
    pass


@dataclass(frozen=True)
class Imported:
    report: Report
    stored: Path | None
    already: bool


def latest_received(store: Store, agency: str, plan: str, period: str) -> ReceivedBundle | None:
    """The agency's latest bundle for the plan and period, a dropped one included: dropped
    bundles stay in the resubmission chain."""
    return ReviewStore(store).latest(agency, plan, period)


def import_bundle(
    store: Store,
    path: Path,
    ca_pem: bytes,
    crl_pem: bytes | None,
    *,
    actor: str,
    now: datetime | None = None,
    allow_stale_crl: bool = False,
) -> Imported:
    """Import one bundle file. Verification and extraction read the same bytes: the file is
    copied once (hashed while copied) into a private temporary file in the bundle store, that
    copy is verified, extracted from, and removed. What an import that stopped half-way left
    behind (``.incoming-*`` copies and folders) is removed first. A refused bundle leaves the
    database and the bundle store as they were."""
    home = bundles_dir(store)
    before = {p.name for p in home.iterdir()} if home.is_dir() else None
    _sweep(home)
    try:
        copy, sha256 = _private_copy(path, home)
        try:
            return _import(
                store,
                path,
                copy,
                sha256,
                ca_pem,
                crl_pem,
                actor=actor,
                now=now,
                allow_stale_crl=allow_stale_crl,
            )
        finally:
            copy.unlink(missing_ok=True)
    except BaseException:
        _tidy(home, before)
        raise


LEFTOVER_AGE = 15 * 60  # seconds: older than any import in progress (another copy of the app)


def _sweep(place: Path) -> None:
    """Remove the temporary copies (in the bundle store) or half-extracted folders (in an
    agency's folder, swept before each extraction into it) an interrupted import left: they
    never hold a bundle anyone has a record of. Only those older than LEFTOVER_AGE: a fresh
    one may belong to an import running right now in a second copy of the app (leftovers
    have unique names and block nothing, so waiting costs nothing)."""
    if not place.is_dir():
        return
    cutoff = time.time() - LEFTOVER_AGE
    for leftover in place.glob(".incoming-*"):
        try:
            if leftover.lstat().st_mtime > cutoff:
                continue
        except OSError:
            continue
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _tidy(home: Path, before: set[str] | None) -> None:
    """After a refused import: the folders it created and left empty go again (the bundle
    store as it was)."""
    if not home.is_dir():
        return
    for child in home.iterdir():
        if (before is None or child.name not in before) and child.is_dir():
            with contextlib.suppress(OSError):
                child.rmdir()  # only when empty
    if before is None:
        with contextlib.suppress(OSError):
            home.rmdir()


def _private_copy(path: Path, home: Path) -> tuple[Path, str]:
    """A private copy of the bundle file (mode 0600) in the bundle store, and its SHA-256,
    read once; a file over the bundle limit is refused before anything is copied."""
    try:
        src = open_regular(path)
    except NotRegular as e:
        raise ImportRefused("import.refused", path=path, reasons=str(e)) from None
    except FileNotFoundError:
        raise ImportRefused(
            "import.refused", path=path, reasons=t("verify.missing", path=path)
        ) from None
    except OSError as e:
        raise ImportRefused("import.unreadable", path=path, detail=e.strerror or str(e)) from None
    with src:
        info = os.fstat(src.fileno())
        too_big = t("verify.file_too_large", size=info.st_size // 1024**2, limit=MAX_ZIP // 1024**2)
        if info.st_size > MAX_ZIP:
            raise ImportRefused("import.refused", path=path, reasons=too_big)
        try:  # the cheap checks of the zip's structure, before a byte is copied
            scan(src, info.st_size, max_size=MAX_ZIP, max_entries=MAX_FILES, max_total=MAX_TOTAL)
        except NotAZip as e:  # worded as the verifier words it
            reason = t("verify.not_zip", path=path, detail=str(e))
            raise ImportRefused("import.refused", path=path, reasons=reason) from None
        except Unsafe as e:
            raise ImportRefused("import.refused", path=path, reasons=str(e)) from None
        src.seek(0)
        home.mkdir(exist_ok=True)  # beside the database, whose folder exists
        fd, name = tempfile.mkstemp(prefix=".incoming-", dir=home)
        copy = Path(name)
        digest = hashlib.sha256()
        copied = 0
        try:
            with os.fdopen(fd, "wb") as dst:
                while chunk := src.read(CHUNK):
                    copied += len(chunk)
                    if copied > MAX_ZIP:  # it grew while being read
                        raise ImportRefused("import.refused", path=path, reasons=too_big)
                    digest.update(chunk)
                    dst.write(chunk)
        except OSError as e:
            copy.unlink(missing_ok=True)
            raise ImportRefused(
                "import.unreadable", path=path, detail=e.strerror or str(e)
            ) from None
        except BaseException:
            copy.unlink(missing_ok=True)
            raise
    return copy, digest.hexdigest()


def _folder(home: Path, agency: str, bundle_id: str) -> tuple[Path, Path]:
    """The agency's folder and the bundle's final folder in the store, from the verified agency
    code and bundle id only, checked again here to be plain names and to stay inside."""
    if not safe_agency_code(agency):
        raise ImportRefused("import.bad_folder", name=agency)
    if not re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", bundle_id):
        raise ImportRefused("import.bad_folder", name=bundle_id)
    base = os.path.realpath(home)
    final = os.path.realpath(os.path.join(base, agency, bundle_id))
    if os.path.commonpath([base, final]) != base or final == base:
        raise ImportRefused("import.bad_folder", name=f"{agency}/{bundle_id}")
    return home / agency, home / agency / bundle_id


def _import(
    store: Store,
    path: Path,
    copy: Path,
    copied_sha256: str,
    ca_pem: bytes,
    crl_pem: bytes | None,
    *,
    actor: str,
    now: datetime | None,
    allow_stale_crl: bool,
) -> Imported:
    now = now or datetime.now(UTC)
    report = verify_bundle(copy, ca_pem, crl_pem, now, stale_crl_ok=allow_stale_crl)
    report.path = path  # what the reviewer chose, in the report and its reasons
    report.checks = [
        replace(c, detail=c.detail.replace(str(copy), str(path))) for c in report.checks
    ]
    if report.ok and report.sha256 != copied_sha256:  # cannot happen to a private copy
        report.add("refused", False, t("verify.bad_directory"))
    if not report.ok:
        reasons = "; ".join(c.detail for c in report.checks if not c.ok)
        raise ImportRefused("import.refused", path=path, reasons=reasons)
    review = ReviewStore(store)
    same = review.by_sha256(report.sha256)
    if same is not None and same.dropped_at is not None:  # the reviewer dropped it: say so
        from cchc_tui.core.dates import local_time

        raise ImportRefused(
            "import.dropped",
            path=path,
            when=local_time(same.dropped_at),
            reason=same.drop_reason or "—",
        )
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
    # the same id, other bytes (a dropped bundle's id, re-signed)
    if review.by_id(report.bundle_id) is not None:
        raise ImportRefused("import.id_taken", bundle=report.bundle_id)
    if report.submission is not None:
        from cchc_tui.services.review_desk import check_self_assessment

        try:
            check_self_assessment(store, report.submission)
        except UserError as e:
            raise ImportRefused("import.refused", path=path, reasons=e.message()) from None
    target_root, final = _folder(bundles_dir(store), report.agency_code, report.bundle_id)
    target_root.mkdir(exist_ok=True)  # in the bundle store, made for the private copy
    _sweep(target_root)
    if final.exists() or final.is_symlink():
        if review.by_id(report.bundle_id) is not None:  # imported meanwhile by another copy
            raise ImportRefused("import.exists", path=final)
        # left by an import that stopped before its record was written: extracted again
        if final.is_dir() and not final.is_symlink():
            shutil.rmtree(final)
        else:
            final.unlink()
    tmp = Path(tempfile.mkdtemp(prefix=".incoming-", dir=target_root))
    try:
        files = _extract(copy, tmp)
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    row = ReceivedBundle(
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
        size=copy.stat().st_size,
        files=files,
    )
    try:
        review.add_received(row, expected_latest=expected, actor=actor)
    except ChainMoved as moved:
        shutil.rmtree(final, ignore_errors=True)
        raise ImportRefused(
            "import.stale", path=path, named=report.supersedes or "—", latest=moved.latest or "—"
        ) from None
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
            # zipfile reads no more than the size the directory declares (and checks the CRC)
            with zf.open(zi) as src, open(target, "xb") as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    dst.write(chunk)
            if rel in listed and digest.hexdigest() != listed[rel]:
                raise ImportRefused("import.changed", name=rel)
            count += 1
    return count


MAX_DEPTH = 8  # folders below the one given: a stick holds a folder per agency, not a maze


def bundles_in(folder: Path) -> list[Path]:
    """The bundle files on a folder or USB stick, subfolders included (one per agency is a
    common layout; at most MAX_DEPTH levels, walked without recursion): every regular *.zip
    file except hidden files and folders (".Trashes", and the "._" copies macOS leaves on FAT
    sticks); links are not followed. Sorted by file name, then path, so that an agency's
    bundles come in the order they were made (the name ends with the export time) and a
    resubmission follows the bundle it supersedes."""
    found: list[Path] = []
    stack = [(folder, 0)]
    while stack:
        place, depth = stack.pop()
        try:
            entries = list(os.scandir(place))
        except OSError:
            continue  # an unreadable folder holds nothing to import
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if depth < MAX_DEPTH:
                        stack.append((Path(entry.path), depth + 1))
                elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(".zip"):
                    found.append(Path(entry.path))
            except OSError:
                continue
    return sorted(found, key=lambda p: (p.name, str(p)))
