"""Verifying a bundle on a machine that has never seen it, without extracting anything:
archive safety (names, links, duplicates, counts, sizes, compression ratios, counted while
streaming), bag completeness and every checksum, the CMS signature, the chain to the CA, the
CRL, the certificate's validity now (the receiver's clock) and its agency."""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from cryptography import x509
from cryptography.exceptions import InvalidSignature

from cchc_tui.bundle.bag import BAGIT_TXT, MANIFEST, SIGNATURE, TAGMANIFEST
from cchc_tui.bundle.cms import verify_detached
from cchc_tui.bundle.pki import Identity, identity
from cchc_tui.core.i18n import UserError, t

MAX_FILES = 20_000
MAX_TOTAL = 4 * 1024**3  # uncompressed bytes in one bundle
MAX_RATIO = 100  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
CHUNK = 1024 * 1024
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


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
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, detail: str = "") -> bool:
        self.checks.append(Check(name, ok, detail))
        return ok


class Refused(Exception):
    """A check failed so badly that the rest cannot run; the report says why."""


def _bad_name(name: str) -> bool:
    if "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    parts = PurePosixPath(name).parts
    return any(p in ("..", ".", "") for p in parts) or "\x00" in name


def _stream(zf: zipfile.ZipFile, zi: zipfile.ZipInfo) -> Iterator[bytes]:
    """The entry's bytes, stopping with Refused if it yields more than it declares."""
    got = 0
    with zf.open(zi) as fh:
        while chunk := fh.read(CHUNK):
            got += len(chunk)
            if got > zi.file_size:
                raise Refused(t("verify.too_long", name=zi.filename))
            yield chunk


def _read_small(zf: zipfile.ZipFile, zi: zipfile.ZipInfo, limit: int = 16 * 1024 * 1024) -> bytes:
    if zi.file_size > limit:
        raise Refused(t("verify.too_big", name=zi.filename))
    return b"".join(_stream(zf, zi))


def _sha256(zf: zipfile.ZipFile, zi: zipfile.ZipInfo) -> str:
    digest = hashlib.sha256()
    for chunk in _stream(zf, zi):
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
            info[label.strip()] = value.strip()
    return info


def verify_bundle(
    path: Path, ca_pem: bytes | None, crl_pem: bytes | None = None, now: datetime | None = None
) -> Report:
    """Every check, in order; the report lists what passed and the first thing that did not."""
    report = Report(Path(path))
    try:
        _verify(report, ca_pem, crl_pem, now or datetime.now(UTC))
    except Refused as e:
        report.add("refused", False, str(e))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, UnicodeDecodeError) as e:
        # damage found while reading an entry (a header, a compressed stream, a CRC)
        report.add("refused", False, t("verify.damaged", detail=str(e)))
    return report


def _verify(report: Report, ca_pem: bytes | None, crl_pem: bytes | None, now: datetime) -> None:
    path = report.path
    try:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
        report.sha256 = digest.hexdigest()
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise Refused(t("verify.missing", path=path)) from None
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise Refused(t("verify.not_zip", path=path, detail=str(e))) from None
    with zf:
        infos = zf.infolist()
        # -- archive safety, before reading any content --
        if len(infos) > MAX_FILES:
            raise Refused(t("verify.too_many", count=len(infos), limit=MAX_FILES))
        names = [zi.filename for zi in infos]
        bad = [n for n in names if _bad_name(n)]
        if bad:
            raise Refused(t("verify.unsafe_name", name=bad[0]))
        if len(set(names)) != len(names):
            dup = next(n for n in names if names.count(n) > 1)
            raise Refused(t("verify.duplicate", name=dup))
        for zi in infos:
            kind = stat.S_IFMT(zi.external_attr >> 16)  # 0: no Unix type (e.g. Windows tools)
            if zi.is_dir() or (kind and kind != stat.S_IFREG):
                raise Refused(t("verify.not_regular", name=zi.filename))
            if zi.file_size > RATIO_FLOOR and zi.file_size > MAX_RATIO * max(zi.compress_size, 1):
                raise Refused(t("verify.ratio", name=zi.filename))
        if sum(zi.file_size for zi in infos) > MAX_TOTAL:
            raise Refused(t("verify.too_large", limit=MAX_TOTAL // 1024**2))
        roots = {PurePosixPath(n).parts[0] for n in names}
        if len(roots) != 1:
            raise Refused(t("verify.roots", count=len(roots)))
        root = roots.pop()
        by_name = {PurePosixPath(zi.filename).relative_to(root).as_posix(): zi for zi in infos}
        report.add("archive", True, t("verify.ok_archive", count=len(infos)))
        # -- the bag --
        for required in ("bagit.txt", "bag-info.txt", MANIFEST, TAGMANIFEST, SIGNATURE):
            if required not in by_name:
                raise Refused(t("verify.missing_file", name=required))
        if _read_small(zf, by_name["bagit.txt"]) != BAGIT_TXT:
            raise Refused(t("verify.bad_bagit"))
        tag_bytes = _read_small(zf, by_name[TAGMANIFEST])
        tags = _parse_manifest(tag_bytes.decode("utf-8", "replace"), TAGMANIFEST)
        for name, want in sorted(tags.items()):
            if name.startswith("data/") or name not in by_name:
                raise Refused(t("verify.bad_tag_entry", name=name))
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
        info = _bag_info(_read_small(zf, by_name["bag-info.txt"]).decode("utf-8"))
        octets = sum(by_name[n].file_size for n in manifest)
        if info.get("Payload-Oxum") != f"{octets}.{len(manifest)}":
            report.add("payload", False, t("verify.oxum"))
            return
        report.add("payload", True, t("verify.ok_payload", count=len(manifest)))
        report.bundle_id = info.get("External-Identifier", "")
        report.agency_code = info.get("CCHC-Agency-Code", "")
        report.plan = info.get("CCHC-Plan", "")
        report.period = info.get("CCHC-Period", "")
        report.supersedes = info.get("CCHC-Supersedes", "")
        report.supersedes_sha256 = info.get("CCHC-Supersedes-SHA256", "")
    # -- trust --
    if ca_pem is None:
        report.add("chain", False, t("verify.no_ca"))
        return
    _trust(report, signed.signer, signed.certificates, ca_pem, crl_pem, now)


def _trust(
    report: Report,
    cert: x509.Certificate,
    bundled: list[x509.Certificate],
    ca_pem: bytes,
    crl_pem: bytes | None,
    now: datetime,
) -> None:
    try:
        ca = x509.load_pem_x509_certificate(ca_pem)
    except ValueError:
        report.add("chain", False, t("verify.bad_ca"))
        return
    issuers = [ca, *(c for c in bundled if c != cert)]
    chain_ok = False
    for issuer in issuers:
        try:
            cert.verify_directly_issued_by(issuer)
        except (ValueError, TypeError, InvalidSignature):
            continue
        if issuer is ca:
            chain_ok = True
        else:  # one intermediate, itself issued by the CA
            try:
                issuer.verify_directly_issued_by(ca)
                chain_ok = True
            except (ValueError, TypeError, InvalidSignature):
                continue
        if chain_ok:
            break
    if not report.add(
        "chain",
        chain_ok,
        t("verify.ok_chain")
        if chain_ok
        else t("verify.bad_chain", issuer=cert.issuer.rfc4514_string()),
    ):
        return
    valid = cert.not_valid_before_utc <= now <= cert.not_valid_after_utc
    report.add(
        "validity",
        valid,
        t("verify.ok_validity", until=cert.not_valid_after_utc.date())
        if valid
        else t(
            "verify.bad_validity",
            since=cert.not_valid_before_utc.date(),
            until=cert.not_valid_after_utc.date(),
        ),
    )
    if crl_pem is not None:
        try:
            crl = x509.load_pem_x509_crl(crl_pem)
        except ValueError:
            report.add("revocation", False, t("verify.bad_crl"))
            return
        if not crl.is_signature_valid(ca.public_key()):  # type: ignore[arg-type]
            report.add("revocation", False, t("verify.bad_crl"))
            return
        revoked = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
        report.add(
            "revocation",
            revoked is None,
            t("verify.ok_revocation")
            if revoked is None
            else t("verify.revoked", when=revoked.revocation_date_utc.date()),
        )
    who = identity(cert)
    same = who.agency_code == report.agency_code and bool(who.agency_code)
    report.add(
        "agency",
        same,
        t("verify.ok_agency", agency=who.agency_name)
        if same
        else t("verify.other_agency", cert=who.agency_code, bag=report.agency_code),
    )
