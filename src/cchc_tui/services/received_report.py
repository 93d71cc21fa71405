"""A unit's period report as its bundle carries it, at the review desk: read from the stored
bundle, checked against the bundle's signed manifest, and refused when it would act when opened."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cchc_tui.core.errors import UserError
from cchc_tui.store.models import ReceivedBundle

MAX_REPORT = 50 * 1024 * 1024  # a period report is a few hundred kB; more is not one


def received_report(bundle: ReceivedBundle) -> bytes:
    """The period report (data/report.docx) of a bundle received, read from its stored folder
    and checked against the bundle's own manifest (the files on this disk may have changed
    since they were verified). UserError when the bundle has none (made before reports) or it
    changed."""
    folder = Path(bundle.stored_path)
    report = folder / "data" / "report.docx"
    short = bundle.bundle_id[:12]
    if not report.is_file():
        raise UserError("review.no_report", id=short)
    try:
        if report.stat().st_size > MAX_REPORT:
            raise UserError("review.report_changed", id=short)
        data = report.read_bytes()
        manifest = (folder / "manifest-sha256.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UserError("review.report_changed", id=short) from None
    if f"{hashlib.sha256(data).hexdigest()}  data/report.docx" not in manifest.splitlines():
        raise UserError("review.report_changed", id=short)
    if not _plain_docx(data):
        raise UserError("review.report_unsafe", id=short)
    return data


def _plain_docx(data: bytes) -> bool:
    """A Word document and nothing that acts when it is opened: the sender holds a genuine
    certificate, so the signature says who sent it, not that it is harmless. Refused: not a
    .docx, macros (vbaProject.bin: a .docm renamed), embedded objects, and any relationship to
    something outside the file (a remote template or image fetched when Word opens it)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                return False
            if any(n.lower().endswith(".bin") or "/embeddings/" in n.lower() for n in names):
                return False
            for name in names:
                if name.endswith(".rels"):
                    info = zf.getinfo(name)
                    if info.file_size > 1024 * 1024:
                        return False
                    if b'TargetMode="External"' in zf.read(info).replace(b"'", b'"'):
                        return False
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return True
