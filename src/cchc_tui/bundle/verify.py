"""Verifying a bundle on a machine that has never seen it, without extracting anything: the
zip's structure first, before any hashing (zipscan), then archive safety (names, links,
duplicates, counts, sizes, compression ratios, counted while streaming; only the entry names
of the format), bag completeness and every checksum, the CMS signature, the bundle id and
data/submission.json against the schema, the chain to the CA, the CRL, the certificate's
validity now (the receiver's clock) and its agency. Never raises: whatever a damaged zip
does is one refusal in the report."""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from cryptography import x509

from cchc_tui.bundle.bag import BAGIT_TXT, MANIFEST, SIGNATURE, TAGMANIFEST, bundle_id_for
from cchc_tui.bundle.cms import verify_detached
from cchc_tui.bundle.pki import Identity, identity
from cchc_tui.bundle.trust import TrustError, check_signer, load_ca, load_crls
from cchc_tui.bundle.zipscan import (
    NotAZip,
    NotRegular,
    Unsafe,
    open_regular,
    read_entry,
    scan,
)
from cchc_tui.core.dates import format_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.submission import (
    PERIODS,
    Submission,
    SubmissionError,
    parse_submission,
    safe_agency_code,
    safe_plan_id,
)
from cchc_tui.core.text import escape_controls

MAX_FILES = 20_000
MAX_TOTAL = 4 * 1024**3  # uncompressed bytes in one bundle
MAX_RATIO = 100  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
CHUNK = 1024 * 1024
# the largest bundle file: the payload plus its zip structure (headers, descriptors and the
# central directory of MAX_FILES entries take well under this)
MAX_ZIP = MAX_TOTAL + 64 * 1024**2
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
# the only names a bag may hold below its root folder (docs/bundle-format.md)
TAG_FILES = frozenset({"bagit.txt", "bag-info.txt", MANIFEST})
# data/report.docx: the period report (issue 18), covered by the manifest like any payload file
ALLOWED_NAMES = TAG_FILES | {
    TAGMANIFEST,
    SIGNATURE,
    "data/submission.json",
    "data/audit.jsonl",
    "data/report.docx",
}
EVIDENCE_NAME = re.compile(r"data/evidence/([0-9a-f]{64})\.[a-z0-9]{1,10}")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    warning: bool = False  # passed, with something the reader must know (e.g. no CRL)


@dataclass
class Report:
    path: Path
    sha256: str = ""
    bundle_id: str = ""
    agency_code: str = ""
    plan: str = ""
    period: str = ""
    supersedes: str = ""
    supersedes_sha256: str = ""
    signer: Identity | None = None
    signing_time: datetime | None = None
    submission: Submission | None = None  # read through the schema, once it fits
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, detail: str, *, warning: bool = False) -> bool:
        self.checks.append(Check(name, ok, detail, warning))
        return ok

    @property
    def warnings(self) -> list[str]:
        return [c.detail for c in self.checks if c.warning]


class Refused(Exception):
    """A check failed so badly that the rest cannot run; the report says why."""


def _bad_name(name: str) -> bool:
    """A name no bundle has: absolute, a drive, a backslash, or a part that is empty ("a//b",
    a folder's trailing "/"), "." or "..". Split on "/" itself: PurePosixPath drops empty and
    "." parts, so "root/./data/x" would pass as "root/data/x" beside the real one. (A NUL:
    zipfile cuts the name there, and the cut name differs from the stored one: refused.)"""
    if "\\" in name or re.match(r"^[A-Za-z]:", name):  # "/x": its first part is empty
        return True
    return any(p in ("..", ".", "") for p in name.split("/"))


def _read_small(zf: zipfile.ZipFile, zi: zipfile.ZipInfo, limit: int = 16 * 1024 * 1024) -> bytes:
    if zi.file_size > limit:
        raise Refused(t("verify.too_big", name=zi.filename))
    return b"".join(read_entry(zf, zi))


def _sha256(zf: zipfile.ZipFile, zi: zipfile.ZipInfo) -> str:
    digest = hashlib.sha256()
    for chunk in read_entry(zf, zi):
        digest.update(chunk)
    return digest.hexdigest()


def _parse_manifest(text: str, what: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        digest, sep, path = line.partition("  ")
        if not sep or not _HEX64.match(digest):
            raise Refused(t("verify.bad_manifest_line", file=what, line=n))
        path = path.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        if path in entries:
            raise Refused(t("verify.duplicate", name=path))
        entries[path] = digest
    return entries


def _bag_info(text: str) -> dict[str, str]:
    info: dict[str, str] = {}
    for line in text.splitlines():
        label, sep, value = line.partition(":")
        if sep:
            if label.strip() in info:  # readers differ on which one counts: neither does
                raise Refused(t("verify.bag_info_repeated", label=label.strip()[:80]))
            info[label.strip()] = value.strip()
    return info


def _allowed_name(rel: str) -> bool:
    return rel in ALLOWED_NAMES or EVIDENCE_NAME.fullmatch(rel) is not None


def _canonical_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _identifier_problem(info: dict[str, str], root: str) -> str:
    """What is wrong with the bag's identity (empty: nothing): External-Identifier a canonical
    UUID, the root folder's name, and the uuid5 of bag-info's agency, plan, period and
    timestamp as the exporter derives it; agency code and plan id of safe forms."""
    value = info.get("External-Identifier", "")
    if not _canonical_uuid(value):
        return t("verify.bad_identifier", value=value[:80])
    if root != value:
        return t("verify.root_not_id", root=root[:80], value=value)
    agency = info.get("CCHC-Agency-Code", "")
    plan = info.get("CCHC-Plan", "")
    period = info.get("CCHC-Period", "")
    for label, text, good in (
        ("CCHC-Agency-Code", agency, safe_agency_code(agency)),
        ("CCHC-Plan", plan, safe_plan_id(plan)),
        ("CCHC-Period", period, period in PERIODS),
    ):
        if not good:
            return t("verify.bad_label", label=label, value=text[:80])
    try:
        stamp: datetime | None = datetime.fromisoformat(info.get("CCHC-Timestamp", ""))
    except ValueError:
        stamp = None
    if stamp is None or stamp.utcoffset() != timedelta(0):
        return t("verify.bad_label", label="CCHC-Timestamp", value=info.get("CCHC-Timestamp", ""))
    expected = bundle_id_for(agency, plan, period, stamp)
    if value != expected:
        return t("verify.id_not_derived", value=value, expected=expected)
    older = info.get("CCHC-Supersedes", "")
    older_sha = info.get("CCHC-Supersedes-SHA256", "")
    if (older or older_sha) and not _canonical_uuid(older):
        return t("verify.bad_label", label="CCHC-Supersedes", value=older[:80])
    if (older or older_sha) and not _HEX64.match(older_sha):
        return t("verify.bad_label", label="CCHC-Supersedes-SHA256", value=older_sha[:80])
    return ""


def _repeated_key(raw: bytes) -> str:
    """A key given twice in one JSON object ("" when none is)."""
    found: list[str] = []

    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        keys = [k for k, _v in items]
        if not found and len(set(keys)) != len(keys):
            found.append(next(k for k in keys if keys.count(k) > 1))
        return dict(items)

    json.loads(raw, object_pairs_hook=pairs)  # already parsed once by the schema: valid JSON
    return found[0] if found else ""


def _submission(
    zf: zipfile.ZipFile,
    by_name: dict[str, zipfile.ZipInfo],
    info: dict[str, str],
    manifest: dict[str, str],
) -> Submission | str:
    """data/submission.json read through the schema, and of the agency, plan and period
    bag-info names, every file it names in the bag; or what is wrong with it."""
    name = "data/submission.json"
    if name not in by_name:
        return t("verify.missing_file", name=name)
    raw = _read_small(zf, by_name[name])
    try:
        sub = parse_submission(raw)
    except SubmissionError as e:
        if not e.where:
            return t("verify.bad_submission_json", detail=e.detail)
        return t("verify.bad_submission", field=e.where, detail=e.detail)
    twice = _repeated_key(raw)
    if twice:  # readers differ on which of two values counts: neither is taken
        # a key the schema took: a field's name or an id of at most 64 dotted characters
        return t("verify.repeated_key", key=twice)
    for label, value, expected in (
        # present and well formed (_identifier_problem, before)
        ("agency.code", sub.agency.code, info["CCHC-Agency-Code"]),
        ("plan", sub.plan, info["CCHC-Plan"]),
        ("period", sub.period, info["CCHC-Period"]),
    ):
        if value != expected:
            return t("verify.submission_mismatch", label=label, value=value, expected=expected)
    for doc in sub.evidence:
        if doc.path is not None and doc.path not in manifest:
            return t("verify.evidence_unlisted", name=doc.path)
    return sub


def verify_bundle(
    path: Path,
    ca_pem: bytes | None,
    crl_pem: bytes | None = None,
    now: datetime | None = None,
    *,
    stale_crl_ok: bool = True,
) -> Report:
    """Every check, in order; the report lists what passed and the first thing that did not.
    A revocation list past its nextUpdate is a warning, or with ``stale_crl_ok=False`` (import)
    a refusal."""
    report = Report(Path(path))
    try:
        _verify(report, ca_pem, crl_pem, now or datetime.now(UTC), stale_crl_ok)
    except (Refused, Unsafe) as e:
        report.add("refused", False, str(e))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, UnicodeDecodeError) as e:
        # damage found while reading an entry (a header, a compressed stream, a CRC)
        report.add("refused", False, t("verify.damaged", detail=plain_damage(e)))
    except Exception as e:  # fail closed: whatever else a damaged zip raises is one refusal
        report.add("refused", False, t("verify.damaged", detail=f"{type(e).__name__}: {e}"))
    return report


def plain_damage(e: BaseException) -> str:
    """A failure while reading a zip said in the reviewer's words: Python's own texts ("Bad
    CRC-32 for file …", "Error -3 while decompressing data") are English and name nothing an
    office worker can act on."""
    text = str(e)
    if isinstance(e, zipfile.BadZipFile):
        if text.startswith("Bad CRC-32 for file"):
            name = text.partition("'")[2].rpartition("'")[0]  # between the quotes, or ""
            return t("zip.bad_crc", name=escape_controls(name))
        if "not a zip file" in text:
            return t("zip.not_zip")
        return t("zip.bad_structure")
    if isinstance(e, zlib.error):
        return t("zip.bad_deflate")
    if isinstance(e, EOFError):
        return t("zip.truncated")
    if isinstance(e, UnicodeDecodeError):
        return t("zip.bad_text")
    if isinstance(e, OSError):
        return e.strerror or text
    return text


def _open(path: Path) -> BinaryIO:
    try:
        return open_regular(path)
    except NotRegular as e:
        raise Refused(str(e)) from None
    except FileNotFoundError:
        raise Refused(t("verify.missing", path=path)) from None
    except OSError as e:
        raise Refused(t("verify.not_zip", path=path, detail=e.strerror or str(e))) from None


def _opened_zip(report: Report, fh: BinaryIO) -> zipfile.ZipFile:
    """The cheap checks of the file's structure first (zipscan: size, layout, entry count,
    encryption, compression methods), then its SHA-256, then the zip read from the same open
    file, so that what was hashed is what is read."""
    try:
        scan(
            fh,
            os.fstat(fh.fileno()).st_size,
            max_size=MAX_ZIP,
            max_entries=MAX_FILES,
            max_total=MAX_TOTAL,
        )
    except NotAZip as e:
        raise Refused(t("verify.not_zip", path=report.path, detail=str(e))) from None
    digest = hashlib.sha256()
    fh.seek(0)
    while chunk := fh.read(CHUNK):
        digest.update(chunk)
    report.sha256 = digest.hexdigest()
    # what scan passed, zipfile reads (no flip of any byte of a bundle passes the one and not
    # the other); should it ever refuse, verify_bundle reports the damage
    return zipfile.ZipFile(fh)


def _verify(
    report: Report,
    ca_pem: bytes | None,
    crl_pem: bytes | None,
    now: datetime,
    stale_crl_ok: bool,
) -> None:
    fh = _open(report.path)
    with fh, _opened_zip(report, fh) as zf:
        infos = zf.infolist()
        # -- archive safety, before reading any content (the number of entries, their total
        # size and their file types were checked by scan, from the directory zipfile reads) --
        names = [zi.filename for zi in infos]
        bad = [zi.orig_filename for zi in infos if zi.orig_filename != zi.filename]
        bad += [n for n in names if _bad_name(n)]
        if bad:
            raise Refused(t("verify.unsafe_name", name=escape_controls(bad[0])))
        if len(set(names)) != len(names):
            dup = next(n for n in names if names.count(n) > 1)
            raise Refused(t("verify.duplicate", name=dup))
        for zi in infos:
            if zi.file_size > RATIO_FLOOR and zi.file_size > MAX_RATIO * max(zi.compress_size, 1):
                raise Refused(t("verify.ratio", name=zi.filename))
        roots = {PurePosixPath(n).parts[0] for n in names}
        if len(roots) != 1:
            raise Refused(t("verify.roots", count=len(roots)))
        root = roots.pop()
        by_name = {PurePosixPath(zi.filename).relative_to(root).as_posix(): zi for zi in infos}
        odd = sorted(rel for rel in by_name if not _allowed_name(rel))
        if odd:
            raise Refused(t("verify.bad_entry_name", name=f"{root}/{odd[0]}"))
        report.add("archive", True, t("verify.ok_archive", count=len(infos)))
        # -- the bag --
        for required in ("bagit.txt", "bag-info.txt", MANIFEST, TAGMANIFEST, SIGNATURE):
            if required not in by_name:
                raise Refused(t("verify.missing_file", name=required))
        if _read_small(zf, by_name["bagit.txt"]) != BAGIT_TXT:
            raise Refused(t("verify.bad_bagit"))
        tag_bytes = _read_small(zf, by_name[TAGMANIFEST])
        tags = _parse_manifest(tag_bytes.decode("utf-8", "replace"), TAGMANIFEST)
        if set(tags) != TAG_FILES:
            raise Refused(t("verify.tag_list", name=sorted(set(tags) ^ TAG_FILES)[0]))
        for name, want in sorted(tags.items()):  # the tag files, each present (checked above)
            if _sha256(zf, by_name[name]) != want:
                report.add("tags", False, t("verify.changed", name=name))
                return
        report.add("tags", True, t("verify.ok_tags", count=len(tags)))
        # -- the signature --
        try:
            signed = verify_detached(_read_small(zf, by_name[SIGNATURE]), tag_bytes)
        except UserError as e:
            report.add("signature", False, e.message())
            return
        report.signer = identity(signed.signer)
        report.signing_time = signed.signing_time
        report.add("signature", True, t("verify.ok_signature", officer=report.signer.officer))
        # -- the payload --
        manifest = _parse_manifest(_read_small(zf, by_name[MANIFEST]).decode("utf-8"), MANIFEST)
        payload = {n for n in by_name if n.startswith("data/")}
        if set(manifest) != payload:
            extra = sorted(payload - set(manifest)) or sorted(set(manifest) - payload)
            report.add("payload", False, t("verify.unlisted", name=extra[0]))
            return
        for name in sorted(manifest):
            if _sha256(zf, by_name[name]) != manifest[name]:
                report.add("payload", False, t("verify.changed", name=name))
                return
        for name, digest in sorted(manifest.items()):
            named = EVIDENCE_NAME.fullmatch(name)
            if named is not None and named.group(1) != digest:
                report.add("payload", False, t("verify.evidence_hash", name=name))
                return
        info = _bag_info(_read_small(zf, by_name["bag-info.txt"]).decode("utf-8"))
        octets = sum(by_name[n].file_size for n in manifest)
        if info.get("Payload-Oxum") != f"{octets}.{len(manifest)}":
            report.add("payload", False, t("verify.oxum"))
            return
        report.add("payload", True, t("verify.ok_payload", count=len(manifest)))
        # -- the bag's identity and its submission --
        problem = _identifier_problem(info, root)
        if problem:
            report.add("identifier", False, problem)
            return
        report.add("identifier", True, t("verify.ok_identifier", id=root))
        sub = _submission(zf, by_name, info, manifest)
        if isinstance(sub, str):
            report.add("submission", False, sub)
            return
        report.submission = sub
        report.add(
            "submission",
            True,
            t(
                "verify.ok_submission",
                version=sub.schema_version,
                items=len(sub.items),
                evidence=len(sub.evidence),
            ),
        )
        # present and well formed (_identifier_problem)
        report.bundle_id = info["External-Identifier"]
        report.agency_code = info["CCHC-Agency-Code"]
        report.plan = info["CCHC-Plan"]
        report.period = info["CCHC-Period"]
        report.supersedes = info.get("CCHC-Supersedes", "")
        report.supersedes_sha256 = info.get("CCHC-Supersedes-SHA256", "")
    # -- trust --
    if ca_pem is None:
        report.add("chain", False, t("verify.no_ca"))
        return
    _trust(report, signed.signer, signed.certificates, ca_pem, crl_pem, now, stale_crl_ok)


def _trust(
    report: Report,
    cert: x509.Certificate,
    bundled: list[x509.Certificate],
    ca_pem: bytes,
    crl_pem: bytes | None,
    now: datetime,
    stale_crl_ok: bool,
) -> None:
    """The signer holds (bundle/trust.py: an officer's certificate, a path to the trusted CA,
    valid now, not revoked) and is of the agency the bag names."""
    try:
        ca = load_ca(ca_pem)
        crls = load_crls(crl_pem, ca) if crl_pem is not None else None
        verdict = check_signer(
            cert, bundled, ca, crls, role="officer", at=now, stale_crl_ok=stale_crl_ok
        )
    except TrustError as e:
        report.add(e.check, False, e.message())
        return
    depth = len(verdict.chain) - 1
    report.add("role", True, t("trust.role.officer"))
    report.add("chain", True, t("verify.ok_chain") + (f" ({depth})" if depth > 1 else ""))
    report.add(
        "validity",
        True,
        t("verify.ok_validity", until=format_date(cert.not_valid_after_utc.date())),
    )
    report.add(
        "revocation", True, verdict.revocation, warning=verdict.revocation in verdict.warnings
    )
    for w in verdict.warnings:
        if w != verdict.revocation:
            report.add("revocation", True, w, warning=True)
    who = identity(cert)
    same = who.agency_code == report.agency_code and bool(who.agency_code)
    report.add(
        "agency",
        same,
        t("verify.ok_agency", agency=who.agency_name)
        if same
        else t("verify.other_agency", cert=who.agency_code, bag=report.agency_code),
    )
