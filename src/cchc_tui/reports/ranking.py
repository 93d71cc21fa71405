"""The ranking as XLSX (a summary sheet and one sheet per area) and as CSV."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.review import Overview, Ranked, UnitRow
from cchc_tui.core.text import escape_controls

SUMMARY = (
    "Hạng",
    "Mã",
    "Cơ quan, đơn vị",
    "Tổng điểm",
    "Loại điểm",
    "Xếp loại",
    "Tình trạng nộp",
    "Mức đầy đủ (%)",
)
STATE = {"on_time": "đúng hạn", "late": "trễ hạn", "missing": "chưa nộp"}


def _state(row: UnitRow) -> str:
    """The sending state; a received bundle whose submission cannot be read says why."""
    if row.broken:
        return escape_controls(t("review.broken", reason=row.broken))
    return STATE[row.state]


def _rows(view: Overview, ranked: list[Ranked]) -> list[list[object]]:
    ranked_codes = {r.row.agency.code for r in ranked}
    out: list[list[object]] = [
        [
            r.rank,
            r.row.agency.code,
            r.row.agency.name,
            float(r.total),
            "thẩm định" if r.appraised else "tự chấm",
            r.grade,
            STATE[r.row.state],
            float(r.row.completeness),
        ]
        for r in ranked
    ]
    for row in view.rows:
        if row.agency.code not in ranked_codes:
            out.append(
                [
                    "",
                    row.agency.code,
                    row.agency.name,
                    None,
                    "",
                    "",
                    _state(row),
                    float(row.completeness),
                ]
            )
    return out


def _area_key(code: str) -> tuple[int, str]:
    return (int(code), code) if code.isdigit() else (10**6, code)


def write_ranking_xlsx(path: Path, view: Overview, ranked: list[Ranked]) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Tổng hợp"
    ws.append([f"XẾP HẠNG CHỈ SỐ CCHC — {view.plan} — kỳ {view.period}"])
    ws.append(list(SUMMARY))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in _rows(view, ranked):
        ws.append(row)
    areas = sorted({a for r in ranked for a in r.areas}, key=_area_key)
    for area in areas:
        sheet = wb.create_sheet(f"Lĩnh vực {area}")
        sheet.append(["Hạng chung", "Mã", "Cơ quan, đơn vị", "Điểm lĩnh vực", "Loại điểm"])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        by_area = sorted(
            (r for r in ranked if area in r.areas),
            key=lambda r: (-r.areas[area], r.row.agency.code),
        )
        for r in by_area:
            sheet.append(
                [
                    r.rank,
                    r.row.agency.code,
                    r.row.agency.name,
                    float(r.areas[area]),
                    "thẩm định" if r.appraised else "tự chấm",
                ]
            )
    fd, tmp = tempfile.mkstemp(prefix=".ranking-", suffix=".xlsx", dir=path.parent or Path("."))
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ranking_csv(view: Overview, ranked: list[Ranked]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(SUMMARY)
    for row in _rows(view, ranked):
        writer.writerow(row)
    return buf.getvalue()


def write_ranking(path: Path, view: Overview, ranked: list[Ranked]) -> None:
    """XLSX or CSV by the file's ending, written to a temporary file and renamed."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError("ranking.bad_suffix", path=path)
    try:
        if suffix == ".xlsx":
            write_ranking_xlsx(path, view, ranked)
            return
        fd, tmp = tempfile.mkstemp(prefix=".ranking-", suffix=".csv", dir=path.parent or Path("."))
        try:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
                f.write(ranking_csv(view, ranked))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise UserError("ranking.write_failed", path=path, detail=e.strerror or str(e)) from None
