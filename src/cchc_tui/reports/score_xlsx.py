"""The self-assessment scoring table as an .xlsx, in the columns agencies use:

STT | Lĩnh vực / Tiêu chí / Tiêu chí thành phần | Điểm tối đa | Điểm tự đánh giá |
Tài liệu kiểm chứng | Giải trình / Ghi chú — then the totals and the grade.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from cchc_tui.core.criteria import CriteriaSet
from cchc_tui.core.scoring import Result
from cchc_tui.reports.xlsx_print import print_setup, sign_off

HEADERS = (
    "STT",
    "Lĩnh vực / Tiêu chí / Tiêu chí thành phần",
    "Điểm tối đa",
    "Điểm tự đánh giá",
    "Tài liệu kiểm chứng",
    "Giải trình / Ghi chú",
)


def _n(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


TEMPLATE_NOTE = (
    "Lưu ý: chấm theo bộ tiêu chí MẪU (chưa phải bộ chính thức do UBND thành phố ban hành); "
    "điểm và xếp loại chỉ để tham khảo."
)


def write_score_xlsx(
    path: Path,
    cset: CriteriaSet,
    result: Result,
    *,
    agency: str,
    documents: Mapping[str, list[str]],
) -> None:
    """Write the table to ``path`` atomically (a temporary file renamed into place)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Tự chấm điểm"
    bold = Font(bold=True)
    template = "" if cset.official else " (MẪU)"
    ws.append([f"BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM {cset.year}{template}"])
    ws.append([agency])
    ws.append([f"{cset.title} ({cset.status})"])
    # a template set says so where it is read: its points are the template's, not the city's
    ws.append([TEMPLATE_NOTE] if template else [])
    ws.append(list(HEADERS))
    for cell in ws[5]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    by_code = {r.sub.code: r for r in result.subs}
    crit_totals = {c.code: c for c in result.criteria}
    area_totals = {a.code: a for a in result.areas}
    for area in cset.areas:
        ws.append([area.code, area.title, _n(area.max), _n(area_totals[area.code].points)])
        for cell in ws[ws.max_row]:
            cell.font = bold
        for crit in cset.criteria_of(area.code):
            ws.append([crit.code, crit.title, _n(crit.max), _n(crit_totals[crit.code].points)])
            ws[ws.max_row][1].font = Font(italic=True)
            for sub in cset.subs_of(crit.code):
                r = by_code[sub.code]
                notes = [x for x in (r.note, r.suggestion.explanation, *r.warnings) if x]
                ws.append(
                    [
                        sub.code,
                        sub.title,
                        _n(sub.max),
                        _n(r.self_points),
                        "; ".join(documents.get(sub.code, [])),
                        " | ".join(notes),
                    ]
                )
    ws.append([])
    rows = [
        ("Tổng điểm tự đánh giá", result.total),
        ("Điểm tối đa (không gồm điểm điều tra xã hội học)", result.max_self),
        ("Điểm điều tra xã hội học (Sở Nội vụ chấm)", result.survey_max),
        ("Điểm thưởng", result.bonus),
        ("Điểm trừ", result.penalty),
        ("Tỷ lệ đạt (%)", result.percent),
    ]
    for label, value in rows:
        ws.append(["", label, None, _n(value)])
        ws[ws.max_row][1].font = bold
    ws.append(["", "Xếp loại", None, result.grade])
    ws[ws.max_row][1].font = bold
    for col, width in zip("ABCDEF", (8, 60, 12, 14, 30, 60), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=6):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
        row[5].alignment = Alignment(wrap_text=True, vertical="top")
    sign_off(ws, ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG CƠ QUAN"), columns=(2, 5))
    print_setup(
        ws,
        header_rows="5:5",
        header=f"{agency} — {cset.title}{template}",
    )
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".score-", suffix=".xlsx", dir=path.parent or Path("."))
    os.close(fd)
    try:
        wb.save(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a table is for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
