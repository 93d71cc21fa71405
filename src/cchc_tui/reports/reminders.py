"""The units to remind, as a workbook for the reminder letter (công văn đôn đốc): every unit
the reviewer expects that has sent nothing for the period, or sent it late, with the due date,
the day it arrived and the days late. One print-ready sheet; written aside, then renamed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from cchc_tui.core.dates import format_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.plan import Plan
from cchc_tui.core.review import Overview, UnitRow, group_of
from cchc_tui.reports.ranking import SHEET, title_rows, write_failed
from cchc_tui.reports.xlsx_print import print_setup

HEAD = ("STT", "Mã", "Cơ quan, đơn vị", "Nhóm", "Tình trạng", "Ngày đến", "Trễ (ngày)")
WIDTHS = (6, 8, 40, 18, 14, 12, 10)


def to_remind(view: Overview) -> list[UnitRow]:
    """Missing first, then late (the latest first), each by code."""
    missing = [r for r in view.rows if r.state == "missing"]
    late = [r for r in view.rows if r.state == "late"]
    return sorted(missing, key=lambda r: r.agency.code) + sorted(
        late, key=lambda r: (-r.days_late, r.agency.code)
    )


def write_reminders(path: Path, view: Overview, plan: Plan) -> int:
    """Write the workbook; returns how many units it lists."""
    if path.suffix.lower() != ".xlsx":
        raise UserError("reminders.bad_suffix", path=path)
    period = next((p for p in plan.period if p.code == view.period), None)
    name = period.name if period is not None else view.period
    due = format_date(view.due) if view.due is not None else "—"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Đôn đốc"
    ws.append([f"DANH SÁCH ĐƠN VỊ CHƯA NỘP HOẶC NỘP TRỄ BÁO CÁO CCHC — {name.upper()}"])
    ws.append([f"Theo Kế hoạch số {plan.plan.number} của {plan.plan.issuer}; hạn nộp {due}"])
    ws.append(list(HEAD))
    ws["A1"].font = Font(bold=True, size=13)
    title_rows(ws, len(HEAD))
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    rows = to_remind(view)
    for n, r in enumerate(rows, 1):
        arrived = r.received.arrival if r.received is not None else None
        ws.append(
            [
                n,
                r.agency.code,
                r.agency.name,
                SHEET[group_of(r.agency)],
                "chưa nộp" if r.state == "missing" else "nộp trễ",
                format_date(arrived) if arrived is not None else "",
                r.days_late if r.state == "late" else None,
            ]
        )
    for i, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A4"
    print_setup(ws, header_rows="3:3", header=str(ws.cell(1, 1).value or ""))
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=".reminders-", suffix=".xlsx", dir=path.parent or Path(".")
        )
    except OSError as e:
        raise write_failed(path, e) from None
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as e:  # a folder not there, the file open in Excel
        Path(tmp).unlink(missing_ok=True)
        raise write_failed(path, e) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(rows)
