"""Building a submission bundle: a BagIt 1.0 bag (RFC 8493) in one .zip, with a detached CMS
signature over its tag manifest. Evidence files are streamed: each is read once, hashed while
it is written into the zip, and the zip itself is hashed while it is written (the zip is
written as a stream, with data descriptors, so nothing is read back).

The same data and the same timestamp give a byte-identical zip.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import unicodedata
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from cchc_tui.bundle.cms import sign_detached
from cchc_tui.core.errors import UserError
from cchc_tui.core.submission import Submission

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "tagmanifest-sha256.txt.p7s"
SCHEMA_VERSION = 1
CHUNK = 1024 * 1024
# the namespace of bundle ids (uuid5 of agency, plan, period and timestamp)
NAMESPACE = uuid.UUID("6f1c3d0e-3b1a-5c2e-9a57-2a6e1c000000")


class BundleError(UserError):
    pass


def bundle_id_for(agency_code: str, plan_id: str, period: str, timestamp: datetime) -> str:
    """A bundle's id: uuid5 of its agency, plan, period and export time (UTC, to the second).
    The exporter names the bag's root folder by it; the verifier derives it again from
    bag-info.txt and refuses a bundle whose External-Identifier is not this."""
    stamp = timestamp.strftime("%Y%m%dT%H%M%SZ")
    return str(uuid.uuid5(NAMESPACE, f"{agency_code}|{plan_id}|{period}|{stamp}"))


@dataclass(frozen=True)
class PayloadFile:
    bag_path: str  # "data/evidence/<sha256>.pdf"
    source: Path
    sha256: str  # as recorded when the file was added
    size: int


@dataclass
class BundleSpec:
    agency_code: str
    agency_name: str
    officer: str
    plan_id: str
    period: str
    app_version: str
    timestamp: datetime  # UTC; also the signing time and every zip entry's date
    submission: Submission  # built (and so checked) through the schema
    audit: list[dict[str, Any]]
    files: list[PayloadFile] = field(default_factory=list)
    supersedes: tuple[str, str] | None = None  # (bundle id, bundle SHA-256)

    @property
    def bundle_id(self) -> str:
        return bundle_id_for(self.agency_code, self.plan_id, self.period, self.timestamp)

    @property
    def file_name(self) -> str:
        stamp = self.timestamp.strftime("%Y%m%dT%H%M%SZ")
        return f"cchc-{self.agency_code}-{self.plan_id}-{self.period}-{stamp}.zip"


@dataclass(frozen=True)
class Built:
    path: Path
    bundle_id: str
    sha256: str
    size: int
    files: int


class _HashingSink:
    """A write-only stream that hashes what passes through (zipfile then streams linearly)."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.sha = hashlib.sha256()
        self.count = 0

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        self.count += len(data)
        self.raw.write(data)
        return len(data)

    def flush(self) -> None:
        self.raw.flush()


def canonical_json(value: Any) -> bytes:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1, default=str)
    return unicodedata.normalize("NFC", text).encode("utf-8") + b"\n"


def _encode_path(path: str) -> str:
    """RFC 8493 §2.1.3: only CR, LF and % are percent-encoded in manifest paths."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def build_bundle(
    spec: BundleSpec,
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    out_dir: Path,
    progress: Callable[[int, int], None] | None = None,
) -> Built:
    """Write the bundle into ``out_dir``: under a temporary name, then renamed to its own."""
    staged = write_bundle(spec, key, cert, chain, out_dir, progress)
    try:
        return publish(staged, out_dir / spec.file_name)
    except BaseException:
        staged.path.unlink(missing_ok=True)
        raise


def publish(staged: Built, final: Path) -> Built:
    """Give a bundle written by :func:`write_bundle` its final name (one atomic rename), then
    flush the folder's entry to disk where the OS allows it."""
    os.replace(staged.path, final)
    _fsync_dir(final.parent)
    return replace(staged, path=final)


def _fsync_dir(folder: Path) -> None:
    """Best effort: Windows cannot open a folder, and some file systems refuse to sync one."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_bundle(
    spec: BundleSpec,
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    out_dir: Path,
    progress: Callable[[int, int], None] | None = None,
) -> Built:
    """Write the bundle into ``out_dir`` under a temporary, hidden name (``.cchc-export-…``),
    flushed to disk; the Built's path is that file, which the caller names with
    :func:`publish` or removes. Nothing is left behind when this fails."""
    root = spec.bundle_id
    date_time = spec.timestamp.timetuple()[:6]
    total = sum(f.size for f in spec.files)
    done = 0
    fd, tmp_name = tempfile.mkstemp(prefix=".cchc-export-", suffix=".zip", dir=out_dir)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            sink = _HashingSink(raw)
            with zipfile.ZipFile(
                sink,  # type: ignore[call-overload]
                "w",
                compression=zipfile.ZIP_DEFLATED,
                compresslevel=6,
            ) as zf:

                def info(name: str, stored: bool = False) -> zipfile.ZipInfo:
                    zi = zipfile.ZipInfo(f"{root}/{name}", date_time=date_time)
                    # evidence (PDF, scans, office files) is already compressed: store it, and
                    # deflate only the text files
                    zi.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                    zi.create_system = 3
                    zi.external_attr = 0o100644 << 16
                    return zi

                def put(name: str, data: bytes) -> str:
                    zf.writestr(info(name), data)
                    return hashlib.sha256(data).hexdigest()

                manifest: list[tuple[str, str]] = []
                payload_bytes = 0
                submission = canonical_json(spec.submission.document())
                audit = b"".join(canonical_json(e).replace(b"\n", b"") + b"\n" for e in spec.audit)
                for name, data in (
                    ("data/submission.json", submission),
                    ("data/audit.jsonl", audit),
                ):
                    manifest.append((put(name, data), name))
                    payload_bytes += len(data)
                for f in sorted(spec.files, key=lambda x: x.bag_path):
                    digest = hashlib.sha256()
                    size = 0
                    try:
                        with (
                            f.source.open("rb") as src,
                            zf.open(info(f.bag_path, stored=True), "w", force_zip64=True) as dst,
                        ):
                            while chunk := src.read(CHUNK):
                                digest.update(chunk)
                                dst.write(chunk)
                                size += len(chunk)
                                done += len(chunk)
                                if progress is not None:
                                    progress(done, total)
                    except OSError as e:
                        raise BundleError(
                            "bundle.file_unreadable", path=f.source, detail=e.strerror or str(e)
                        ) from None
                    if digest.hexdigest() != f.sha256 or size != f.size:
                        raise BundleError("bundle.file_changed", path=f.source)
                    manifest.append((f.sha256, f.bag_path))
                    payload_bytes += size
                oxum = f"{payload_bytes}.{len(manifest)}"
                info_lines = [
                    ("Source-Organization", f"{spec.agency_name} ({spec.agency_code})"),
                    ("Bagging-Date", spec.timestamp.date().isoformat()),
                    ("External-Identifier", spec.bundle_id),
                    ("Payload-Oxum", oxum),
                    ("Internal-Sender-Identifier", spec.officer),
                    ("CCHC-Agency-Code", spec.agency_code),
                    ("CCHC-Plan", spec.plan_id),
                    ("CCHC-Period", spec.period),
                    ("CCHC-Timestamp", spec.timestamp.isoformat()),
                    ("CCHC-App-Version", spec.app_version),
                    ("CCHC-Schema-Version", str(SCHEMA_VERSION)),
                ]
                if spec.supersedes:
                    info_lines += [
                        ("CCHC-Supersedes", spec.supersedes[0]),
                        ("CCHC-Supersedes-SHA256", spec.supersedes[1]),
                    ]
                bag_info = "".join(f"{k}: {v}\n" for k, v in info_lines)
                bag_info_b = unicodedata.normalize("NFC", bag_info).encode("utf-8")
                manifest_b = "".join(
                    f"{h}  {_encode_path(p)}\n" for h, p in sorted(manifest, key=lambda m: m[1])
                ).encode("utf-8")
                tags = [
                    (put("bagit.txt", BAGIT_TXT), "bagit.txt"),
                    (put("bag-info.txt", bag_info_b), "bag-info.txt"),
                    (put(MANIFEST, manifest_b), MANIFEST),
                ]
                tagmanifest = "".join(f"{h}  {p}\n" for h, p in tags).encode("utf-8")
                put(TAGMANIFEST, tagmanifest)
                put(SIGNATURE, sign_detached(tagmanifest, key, cert, chain, spec.timestamp))
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return Built(tmp, spec.bundle_id, sink.sha.hexdigest(), sink.count, len(manifest))
