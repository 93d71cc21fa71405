"""The ranking as XLSX (a summary sheet and one sheet per area) and as CSV."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from cchc_tui.core.review import Overview, Ranked

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


def _rows(view: Overview, ranked: list[Ranked]) -> list[list[object]]:
    ranked_codes = {r.row.agency.code for r in ranked}
    out: list[list[object]] = [
        [
            r.rank,
            r.row.agency.code,
            r.row.agency.name,
            float(r.total),
            "thẩm định" if r.appraised else "tự chấm",
            r.row.grade,
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
                    STATE[row.state],
                    float(row.completeness),
                ]
            )
    return out


def _area_points(ranked: list[Ranked]) -> dict[str, dict[str, Decimal]]:
    """area code → agency code → self points of the area's sub-criteria."""
    areas: dict[str, dict[str, Decimal]] = {}
    for r in ranked:
        sub = r.row.received.submission if r.row.received else {}
        for s in ((sub.get("scores") or [{}])[0]).get("subs", []):
            if s.get("self") is None:
                continue
            area = str(s["code"]).split(".")[0]
            per = areas.setdefault(area, {})
            per[r.row.agency.code] = per.get(r.row.agency.code, Decimal(0)) + Decimal(s["self"])
    return areas


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
    for area, per in sorted(_area_points(ranked).items(), key=lambda x: int(x[0])):
        sheet = wb.create_sheet(f"Lĩnh vực {area}")
        sheet.append(["Mã", "Cơ quan, đơn vị", "Điểm tự chấm"])
        for r in ranked:
            sheet.append(
                [
                    r.row.agency.code,
                    r.row.agency.name,
                    float(per.get(r.row.agency.code, Decimal(0))),
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
