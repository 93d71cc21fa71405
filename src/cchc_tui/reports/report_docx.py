"""The period report as a Word document in the layout of a state administrative document
(Nghị định 30/2020/NĐ-CP, Phụ lục I), through python-docx:

- A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 (13 in
  tables, 12 for "Nơi nhận");
- the issuing body at the left (its superior above it), "Số: …/BC-…" under it; the national
  heading "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc" at the right,
  the place and date under it in italics;
- "BÁO CÁO" and its summary line, centred and bold; the body justified, first lines indented;
- "Nơi nhận:" and its list at the left, the signer's title and name at the right;
- page numbers centred in the top margin from the second page on (none on the first);
- the appendix of every assigned item on a page of its own, its header row repeated.

Written to a temporary file beside the target and renamed: nothing half-written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from cchc_tui.core.errors import UserError
from cchc_tui.core.period_report import Report

FONT = "Times New Roman"
APPENDIX_HEAD = ("STT", "Số", "Nội dung", "Vai trò", "Thời hạn", "Trạng thái", "%", "TLKC")
APPENDIX_WIDTHS_CM = (1.0, 1.2, 5.2, 1.6, 2.0, 2.0, 1.0, 2.5)


def _para(container: Any, text: str = "", *, bold: bool = False, italic: bool = False,
          size: float | None = None, align: Any = None, indent: bool = False,
          after: float = 0) -> Any:  # fmt: skip
    p = container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(0)
    if indent:
        fmt.first_line_indent = Cm(1)
    return p


def _page_number(section: Any) -> None:
    """PAGE in the header's centre; the first page's header left empty (different first page)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)


def _repeat_header(row: Any) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def build_docx(report: Report) -> Any:
    """The python-docx Document for ``report``."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _page_number(section)
    h = report.heading
    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = head.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(9.5)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    left.paragraphs[0].text = ""
    if h.superior:
        _para(left, h.superior, size=13, align=centre)
    _para(left, h.issuer, bold=True, size=13, align=centre)
    _para(left, "_______", align=centre, size=10)
    _para(left, h.number, size=13, align=centre)
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13, align=centre)
    _para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14, align=centre)
    _para(right, "_______________________", align=centre, size=10)
    _para(right, h.place_date, italic=True, size=14, align=centre)
    for cell in (left, right):  # the empty first paragraph python-docx leaves in a new cell
        first = cell.paragraphs[0]
        if not first.text:
            first._p.getparent().remove(first._p)
    _para(doc, after=6)
    _para(doc, h.title, bold=True, align=centre)
    _para(doc, h.summary, bold=True, align=centre, after=12)
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _para(doc, report.opening, align=justify, indent=True, after=6)
    for part in report.parts:
        _para(doc, part.heading, bold=True, italic=part.level == 2, align=justify, after=6,
              indent=part.level == 2)  # fmt: skip
        for text in part.paragraphs:
            _para(doc, text, align=justify, indent=True, after=6)
    _signature(doc, report)
    if report.appendix:
        _appendix(doc, report)
    return doc


def _signature(doc: Any, report: Report) -> None:
    h = report.heading
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(8), Cm(8)
    _para(left, "Nơi nhận:", bold=True, italic=True, size=12)
    for i, name in enumerate(h.recipients):
        end = "." if i == len(h.recipients) - 1 else ";"
        _para(left, f"- {name}{end}", size=11)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    if h.signer_for:
        _para(right, h.signer_for, bold=True, size=14, align=centre)
    _para(right, h.signer_title, bold=True, size=14, align=centre)
    for _ in range(4):  # room for the signature and the seal
        _para(right, "", size=14)
    _para(right, h.signer or "", bold=True, size=14, align=centre)
    for cell in (left, right):
        first = cell.paragraphs[0]
        if not first.text:
            first._p.getparent().remove(first._p)


def _appendix(doc: Any, report: Report) -> None:
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    _para(doc, "PHỤ LỤC", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(
        doc,
        "Danh mục nhiệm vụ được giao và kết quả thực hiện",
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=6,
    )
    table = doc.add_table(rows=1, cols=len(APPENDIX_HEAD))
    table.style = "Table Grid"
    for cell, text, width in zip(table.rows[0].cells, APPENDIX_HEAD, APPENDIX_WIDTHS_CM,
                                 strict=True):  # fmt: skip
        cell.width = Cm(width)
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, Pt(12)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _repeat_header(table.rows[0])
    for i, r in enumerate(report.appendix, 1):
        cells = table.add_row().cells
        values = (str(i), r.number, r.text, r.role, r.due, r.status, r.progress, r.evidence)
        for cell, text, width in zip(cells, values, APPENDIX_WIDTHS_CM, strict=True):
            cell.width = Cm(width)
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(11)


def write_report_docx(report: Report, path: Path) -> None:
    """``report`` to ``path`` (.docx), atomically; a file open in Word is one sentence."""
    doc = build_docx(report)
    _replace(Path(path), lambda tmp: doc.save(tmp))


def write_docx_bytes(data: bytes, path: Path) -> None:
    """A .docx as received (a bundle's report) to ``path``, with the same checks and care."""
    _replace(Path(path), lambda tmp: Path(tmp).write_bytes(data))


def _replace(path: Path, write: Callable[[str], object]) -> None:
    """Checked (.docx, an existing folder), written to a temporary file beside the target and
    renamed over it: nothing half-written; a file open in Word is one sentence."""
    if path.suffix.lower() != ".docx":
        raise UserError("period_report.bad_suffix", path=path)
    if not path.parent.is_dir():
        raise UserError("period_report.no_folder", path=path.parent)
    fd, tmp = tempfile.mkstemp(prefix=".bao-cao-", suffix=".docx", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except PermissionError:
        Path(tmp).unlink(missing_ok=True)
        raise UserError("file.locked", path=path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
