"""Helpers for tests of the bundle format: a valid submission from a few parts, and forged
bundles — a genuine bag taken apart, changed, its manifests recomputed and signed again with
the officer's genuine key, so that only the check under test can refuse it (the attacker is
an officer of another agency holding a real certificate from the same CA)."""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from cchc_tui.bundle import bag, pki
from cchc_tui.bundle.cms import sign_detached
from cchc_tui.core.submission import Submission

ITEM: dict[str, Any] = {
    "id": "hd3.1",
    "number": "3.1",
    "role": "lead",
    "status": None,
    "progress": 0,
    "note": "",
    "reason": "",
    "completed_on": None,
    "evidence_count": 0,
}
SUB: dict[str, Any] = {
    "code": "1.1.1",
    "suggested": None,
    "explanation": "",
    "self": None,
    "note": "",
    "evidence": [],
}
SCORES: dict[str, Any] = {
    "set": "mau-huyen-2022",
    "status": "mẫu",
    "finalised_at": None,
    "total": "0",
    "max_self": "84.5",
    "percent": "0",
    "grade": "Kém",
    "subs": [],
}
EVIDENCE: dict[str, Any] = {
    "id": 1,
    "number": "15/QĐ-UBND",
    "family": "administrative",
    "type": "QĐ",
    "date": "2022-09-20",
    "issuer": "UBND quận Bình Thủy",
    "title": "Quyết định",
    "file_name": "",
    "sha256": None,
    "size": None,
    "path": None,
    "items": [],
}


def submission_doc(
    agency: str = "918",
    plan: str = "kh-260-2022",
    period: str = "Q3",
    *,
    items: Iterable[Mapping[str, Any]] = (),
    scores: Iterable[Mapping[str, Any]] = (),
    evidence: Iterable[Mapping[str, Any]] = (),
    **top: Any,
) -> dict[str, Any]:
    """submission.json as JSON values: the parts given, every other field at a plain default."""
    return {
        "agency": {"code": agency, "name": "Quận Bình Thuỷ"},
        "officer": "Trần Thị Thu Hương",
        "plan": plan,
        "period": period,
        "items": [{**ITEM, **i} for i in items],
        "evidence": [{**EVIDENCE, **e} for e in evidence],
        "reports": {},
        "indicators": {},
        "scores": [
            {**SCORES, **s, "subs": [{**SUB, **x} for x in s.get("subs", [])]} for s in scores
        ],
        "schema_version": 1,
        **top,
    }


def make_submission(*args: Any, **kwargs: Any) -> Submission:
    return Submission.model_validate_json(json.dumps(submission_doc(*args, **kwargs)))


def declare_size(data: bytes, name: bytes, size: int, crc: int) -> bytes:
    """The entry ``name``'s uncompressed size and CRC-32 set in its local and central headers
    (what a forger with a hex editor does)."""
    out = bytearray(data)
    pos = 0
    while (pos := out.find(b"PK\x03\x04", pos)) >= 0:
        if out[pos + 30 : pos + 30 + len(name)] == name:
            struct.pack_into("<I", out, pos + 14, crc)
            struct.pack_into("<I", out, pos + 22, size)
        pos += 4
    pos = 0
    while (pos := out.find(b"PK\x01\x02", pos)) >= 0:
        if out[pos + 46 : pos + 46 + len(name)] == name:
            struct.pack_into("<I", out, pos + 16, crc)
            struct.pack_into("<I", out, pos + 24, size)
        pos += 4
    return bytes(out)


def entries_of(bundle: Path) -> tuple[str, dict[str, bytes]]:
    """(root folder, {path below the root: content}) of a bundle."""
    with zipfile.ZipFile(bundle) as zf:
        names = zf.namelist()
        root = PurePosixPath(names[0]).parts[0]
        return root, {n[len(root) + 1 :]: zf.read(n) for n in names}


def bag_info_of(files: Mapping[str, bytes]) -> dict[str, str]:
    info: dict[str, str] = {}
    for line in files["bag-info.txt"].decode("utf-8").splitlines():
        label, _sep, value = line.partition(": ")
        info[label] = value
    return info


def _manifest(files: Mapping[str, bytes], names: Iterable[str]) -> bytes:
    return "".join(f"{hashlib.sha256(files[n]).hexdigest()}  {n}\n" for n in sorted(names)).encode()


def forge(
    genuine: Path,
    out: Path,
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    *,
    when: datetime,
    root: str | None = None,
    files: Mapping[str, bytes | None] | None = None,
    info: Mapping[str, str | None] | None = None,
    tag_names: Iterable[str] | None = None,
    rename: Callable[[str], str] | None = None,
    submission: Mapping[str, Any] | None = None,
    info_tail: str = "",
    tag_files: Mapping[str, bytes] | None = None,
) -> Path:
    """A copy of ``genuine`` with its payload and tag files changed (``files``: path → new
    content, None removes), bag-info labels changed (None removes) or added (``info_tail``),
    the submission replaced, the root folder renamed; the payload manifest, Payload-Oxum and
    tag manifest (of ``tag_names``, by default the three tag files) recomputed and signed again
    with the key. ``rename`` maps each path below the root to the name it gets in the zip
    (after signing: for names the bag lists as they are); ``tag_files`` replaces tag files
    with the bytes given, after bag-info is written and before the tag manifest is signed."""
    old_root, entries = entries_of(genuine)
    entries = dict(entries)
    if submission is not None:
        entries["data/submission.json"] = bag.canonical_json(dict(submission))
    for name, data in (files or {}).items():
        if data is None:
            entries.pop(name, None)
        else:
            entries[name] = data
    payload = [n for n in entries if n.startswith("data/")]
    entries[bag.MANIFEST] = _manifest(entries, payload)
    labels = bag_info_of(entries)
    octets = sum(len(entries[n]) for n in payload)
    labels["Payload-Oxum"] = f"{octets}.{len(payload)}"
    for label, value in (info or {}).items():
        if value is None:
            labels.pop(label, None)
        else:
            labels[label] = value
    lines = "".join(f"{k}: {v}\n" for k, v in labels.items()) + info_tail
    entries["bag-info.txt"] = lines.encode()
    entries.update(tag_files or {})  # tag files of bytes given as they are (signed)
    tags = list(tag_names) if tag_names is not None else ["bagit.txt", "bag-info.txt", bag.MANIFEST]
    tagmanifest = _manifest(entries, [n for n in tags if n in entries])
    entries[bag.TAGMANIFEST] = tagmanifest
    entries[bag.SIGNATURE] = sign_detached(tagmanifest, key, cert, chain, when)
    new_root = root if root is not None else old_root
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            shown = rename(name) if rename else name
            zi = zipfile.ZipInfo(f"{new_root}/{shown}", date_time=when.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o100644 << 16
            zf.writestr(zi, data)
    return out


# -- a small world: a CA, officers, genuine bundles ---------------------------------------------
CA_PASS = b"mat-khau-cua-CA"
P12_PASS = b"mat-khau-can-bo"
WHEN = datetime(2022, 9, 9, 8, 0, tzinfo=UTC)
AGENCIES = {"918": "Quận Bình Thuỷ", "916": "Quận Ninh Kiều", "917": "Quận Cái Răng"}


@dataclass(frozen=True)
class Officer:
    agency: str
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    chain: list[x509.Certificate]


@dataclass(frozen=True)
class Kit:
    folder: Path
    ca_pem: bytes
    officers: dict[str, Officer]

    @property
    def ca_file(self) -> Path:
        return self.folder / "ca" / pki.CA_CERT


def make_kit(folder: Path, agencies: Iterable[str] = ("918",)) -> Kit:
    """A CA in ``folder``/ca and an officer's certificate and key for each agency (made once
    per process and copied: tests/dbcache.py)."""
    from tests import dbcache

    folder.mkdir(parents=True, exist_ok=True)
    officers = dbcache.replayed(
        folder, ("kit", tuple(agencies)), lambda: _officers(folder, agencies)
    )
    return Kit(folder, (folder / "ca" / pki.CA_CERT).read_bytes(), dict(officers))


def _registry_name(code: str) -> str:
    from cchc_tui.core.agencies import Registry

    return Registry.load().agencies[code].name


def _officers(folder: Path, agencies: Iterable[str]) -> dict[str, Officer]:
    pki.init_ca(folder / "ca", CA_PASS)
    officers = {}
    for code in agencies:
        p12 = folder / f"{code}.p12"
        pki.issue(
            folder / "ca",
            CA_PASS,
            agency_code=code,
            agency_name=AGENCIES.get(code) or _registry_name(code),
            officer=f"Cán bộ {code}",
            p12_passphrase=P12_PASS,
            out=p12,
        )
        key, cert, chain = pki.load_p12(p12, P12_PASS)
        officers[code] = Officer(code, key, cert, chain)
    return officers


def genuine_doc(
    agency: str,
    evidence_file: Path | None = None,
    *,
    more_evidence: Iterable[Path] = (),
    **over: Any,
) -> dict[str, Any]:
    """A realistic submission.json: hd3.8 done with a document (and one more document for
    each of ``more_evidence``), 1.1.2 self-scored (the shipped criteria set of a district, so
    the review desk can recompute it)."""
    evidence = []
    documents = [*([evidence_file] if evidence_file is not None else []), *more_evidence]
    items: list[dict[str, Any]] = [
        {"id": "hd3.1", "status": "dang_thuc_hien", "progress": 40, "note": "Đã rà soát"},
        {"id": "hd3.8", "number": "3.8", "status": "hoan_thanh", "progress": 100,
         "completed_on": "2022-09-01", "evidence_count": len(documents)},
    ]  # fmt: skip
    for n, document in enumerate(documents, 1):
        data = document.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        evidence.append(
            {
                "id": n,
                "number": f"{14 + n}/QĐ-UBND",
                "file_name": document.name,
                "sha256": sha,
                "size": len(data),
                "path": f"data/evidence/{sha}.pdf",
                "items": ["hd3.8"],
            }
        )
    scores = [
        {
            "total": "1",
            "percent": "1.2",
            "subs": [
                {"code": "1.1.1", "suggested": "0", "self": "0", "explanation": "tự động"},
                {"code": "1.1.2", "self": "1", "note": "Có kế hoạch",
                 "evidence": list(range(1, len(documents) + 1))},
            ],
        }
    ]  # fmt: skip
    return submission_doc(agency, items=items, evidence=evidence, scores=scores, **over)


def make_bundle(
    kit: Kit,
    agency: str,
    out_dir: Path,
    *,
    when: datetime = WHEN,
    doc: Mapping[str, Any] | None = None,
    evidence_file: Path | None = None,
    supersedes: tuple[str, str] | None = None,
    more_evidence: Iterable[Path] = (),
) -> Path:
    """A genuine bundle of ``agency`` signed by its officer, written into ``out_dir`` (with
    ``evidence_file`` and ``more_evidence`` as its documents' files). The same bundle asked
    for again in this process is a copy of the first (see ``_reusable``)."""
    more = list(more_evidence)
    sources = [*([evidence_file] if evidence_file is not None else []), *more]
    key = (
        kit.ca_pem,
        kit.officers[agency].cert.serial_number,
        agency,
        when,
        None if doc is None else json.dumps(doc, sort_keys=True, default=str),
        tuple((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in sources),
        supersedes,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    if _reusable() and key in _BUILT:
        name, data = _BUILT[key]
        (out_dir / name).write_bytes(data)
        return out_dir / name
    path = _build(kit, agency, out_dir, when, doc, evidence_file, supersedes, more)
    _BUILT[key] = (path.name, path.read_bytes())
    return path


# Bundles made by make_bundle in this process, by what they were made from. mutmut forks each
# mutant's session from a process that ran every test once: a module fixture's bundles (a
# verifier's tests build five) are then copies, not signatures made again. Not while a mutant
# of the code that builds and signs bundles is active: its tests must build with it.
_BUILT: dict[tuple[Any, ...], tuple[str, bytes]] = {}
_BUILDERS = ("cchc_tui.bundle.bag.", "cchc_tui.bundle.cms.", "cchc_tui.bundle.pki.")


def _reusable() -> bool:
    import os

    return not os.environ.get("MUTANT_UNDER_TEST", "").startswith(_BUILDERS)


def _build(
    kit: Kit,
    agency: str,
    out_dir: Path,
    when: datetime,
    doc: Mapping[str, Any] | None,
    evidence_file: Path | None,
    supersedes: tuple[str, str] | None,
    more: list[Path],
) -> Path:
    officer = kit.officers[agency]
    document = (
        dict(doc) if doc is not None else genuine_doc(agency, evidence_file, more_evidence=more)
    )
    files = []
    for source in [*([evidence_file] if evidence_file is not None else []), *more]:
        data = source.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        files.append(bag.PayloadFile(f"data/evidence/{sha}.pdf", source, sha, len(data)))
    spec = bag.BundleSpec(
        agency_code=agency,
        agency_name=AGENCIES.get(agency) or _registry_name(agency),
        officer=f"Cán bộ {agency}",
        plan_id=document["plan"],
        period=document["period"],
        app_version="0.1.0",
        timestamp=when,
        submission=Submission.model_validate_json(json.dumps(document)),
        audit=[{"action": "progress.set", "key": "kh-260-2022/hd3.1"}],
        files=files,
        supersedes=supersedes,
    )
    return bag.build_bundle(spec, officer.key, officer.cert, officer.chain, out_dir).path
