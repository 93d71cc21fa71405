"""The ranking as XLSX (one sheet per group, print-ready) and as CSV (every group, one table).

Each group (sở, ban, ngành; quận, huyện; xã, phường, thị trấn) is ranked on its own
(core/review.ranking); a sheet lists its ranked units, then the ones listed apart (a self
total while the others are appraised), then the ones not ranked (nothing sent, or a bundle
that cannot be read). Printed on A4 landscape, fit to the page's width, its title in words
and the header row repeated on every page."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cchc_tui.core.dates import format_date
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t
from cchc_tui.core.plan import Plan
from cchc_tui.core.review import GROUPS, Overview, Ranked, UnitRow, group_of, template_used
from cchc_tui.core.text import escape_controls
from cchc_tui.reports.xlsx_print import print_setup, sign_off

HEAD = (
    "Hạng",
    "Mã",
    "Cơ quan, đơn vị",
    "Tổng điểm",
    "Điểm tối đa áp dụng",
    "Tỷ lệ (%)",
    "Loại điểm",
    "Xếp loại",
    "Tình trạng nộp",
    "Việc chủ trì xong hoặc có lý do (%)",
    "Tiêu chí tự chấm có TLKC (%)",
    "Số TLKC trên một điểm",
)
GROUP_TITLE = {
    "city": "SỞ, BAN, NGÀNH",
    "district": "QUẬN, HUYỆN",
    "commune": "XÃ, PHƯỜNG, THỊ TRẤN",
}
SHEET = {"city": "Sở, ban, ngành", "district": "Quận, huyện", "commune": "Xã, phường, thị trấn"}
STATE = {"on_time": "đúng hạn", "late": "trễ hạn", "missing": "chưa nộp"}
WIDTHS = (6, 8, 40, 10, 10, 9, 11, 12, 14, 14, 14, 12)


def _state(row: UnitRow) -> str:
    """The sending state; a received bundle whose submission cannot be read says why."""
    if row.broken:
        return escape_controls(t("review.broken", reason=row.broken))
    return STATE[row.state]


def _full(row: UnitRow) -> list[float | None]:
    """The completeness figures as numbers (an empty cell where there is nothing to divide)."""
    full = row.full
    return [
        None if v is None else float(v)
        for v in (full.lead_share, full.backed_share, full.documents_per_point)
    ]


def _areas(ranked: list[Ranked]) -> list[str]:
    def key(code: str) -> tuple[int, str]:
        return (int(code), code) if code.isdigit() else (10**6, code)

    return sorted({a for r in ranked for a in r.areas}, key=key)


def _group_rows(view: Overview, ranked: list[Ranked], group: str) -> list[list[object]]:
    """A group's rows: ranked, then apart ("chưa thẩm định"), then unranked units."""
    mine = [r for r in ranked if r.group == group]
    areas = _areas(mine)
    out: list[list[object]] = []
    for r in mine:
        kind = "thẩm định" if r.appraised else "tự chấm"
        if r.rank is None:
            kind = "tự chấm (chưa thẩm định, không xếp hạng)"
        line: list[object] = [
            r.rank,
            r.row.agency.code,
            r.row.agency.name,
            float(r.total),
            None if r.maximum is None else float(r.maximum),
            None if r.percent is None else float(r.percent),
            kind,
            r.grade,
            _state(r.row),
            *_full(r.row),
        ]
        for area in areas:
            line += [
                float(r.areas[area]) if area in r.areas else None,
                r.area_ranks.get(area),
            ]
        out.append(line)
    listed = {r.row.agency.code for r in mine}
    for row in view.rows:
        if group_of(row.agency) == group and row.agency.code not in listed:
            out.append(
                [None, row.agency.code, row.agency.name, None, None, None, "", "", _state(row),
                 *_full(row)]
            )  # fmt: skip
    return out


def _title(plan: Plan | None, view: Overview) -> tuple[str, str]:
    """The sheet's title and subtitle in words, not internal codes."""
    period = view.period
    subtitle = ""
    if plan is not None:
        found = next((p for p in plan.period if p.code == view.period), None)
        if found is not None:
            period = f"{found.name} (hạn {format_date(found.due)})"
        subtitle = (
            f"Theo {plan.plan.title.lower()} (Kế hoạch số {plan.plan.number} ngày "
            f"{format_date(plan.plan.issued)} của {plan.plan.issuer}) — {period}"
        )
    year = plan.plan.year if plan is not None else ""
    title = f"XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}".strip()
    basis = BASIS
    if template_used(view):
        title += " (MẪU)"
        basis = TEMPLATE_NOTE + " " + BASIS
    return title, f"{subtitle or period}. {basis}"


# what the ranking is by, printed under its title (and in the CSV's note column)
BASIS = (
    "Xếp hạng theo tỷ lệ điểm đạt trên điểm tối đa áp dụng cho từng đơn vị: điểm tự chấm trên "
    "tổng điểm không gồm điều tra xã hội học; điểm thẩm định trên tổng điểm gồm cả điều tra xã "
    "hội học. Bằng tỷ lệ thì bằng hạng."
)
TEMPLATE_NOTE = (
    "Lưu ý: có đơn vị chấm theo bộ tiêu chí MẪU (chưa phải bộ chính thức do UBND thành phố ban "
    "hành); điểm, xếp loại và hạng chỉ để tham khảo."
)


def _sheet(
    ws: Worksheet, title: str, subtitle: str, head: list[str], rows: list[list[object]]
) -> None:
    ws.append([title])
    ws.append([subtitle])
    ws.append(head)
    for cell in ws[1]:
        cell.font = Font(bold=True, size=13)
    title_rows(ws, len(head))
    ws.row_dimensions[3].height = 48  # the wrapped headers, four lines (office suites do not
    # grow a row for wrapped text they did not lay out themselves)
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in rows:
        ws.append(row)
    for i in range(1, len(head) + 1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS[i - 1] if i <= len(WIDTHS) else 10
    ws.freeze_panes = "D4"
    sign_off(ws, ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG CƠ QUAN"), columns=(3, 9))
    print_setup(ws, header_rows="3:3", header=title)
    ws.page_margins.left = ws.page_margins.right = 0.4


def write_failed(path: Path, e: OSError) -> UserError:
    """A report that could not be written, said so a person can act: a file open in another
    program (Excel locks what it shows; Windows says "permission denied") named as such."""
    if isinstance(e, PermissionError) and path.exists():
        return UserError("file.locked", path=path)
    return UserError("ranking.write_failed", path=path, detail=e.strerror or str(e))


def title_rows(ws: Worksheet, width: int) -> None:
    """The title and subtitle (rows 1 and 2) across the table's width, wrapped: a long
    subtitle printed whole on the page, never cut at its edge or drawn over the header."""
    for row, height in ((1, 20), (2, 32)):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(1, width))
        ws.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[row].height = height


def write_ranking_xlsx(
    path: Path, view: Overview, ranked: list[Ranked], plan: Plan | None = None
) -> None:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    title, subtitle = _title(plan, view)
    for group in GROUPS:
        if not any(group_of(r.agency) == group for r in view.rows):
            continue
        mine = [r for r in ranked if r.group == group]
        head = list(HEAD)
        for area in _areas(mine):
            head += [f"Lĩnh vực {area} (điểm)", f"Hạng lĩnh vực {area}"]
        ws = wb.create_sheet(SHEET[group])
        _sheet(
            ws, f"{title} — {GROUP_TITLE[group]}", subtitle, head, _group_rows(view, ranked, group)
        )
    if not wb.sheetnames:  # a reviewer who expects nobody: one empty sheet, said so
        _sheet(wb.create_sheet("Xếp hạng"), title, subtitle, list(HEAD), [])
    fd, tmp = tempfile.mkstemp(prefix=".ranking-", suffix=".xlsx", dir=path.parent or Path("."))
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ranking_csv(view: Overview, ranked: list[Ranked]) -> str:
    """Every group in one table, a group column first (CSV has no sheets)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    note = (TEMPLATE_NOTE + " " if template_used(view) else "") + BASIS
    writer.writerow(("Nhóm", *HEAD, "Căn cứ"))
    for group in GROUPS:
        for row in _group_rows(view, ranked, group):
            writer.writerow((SHEET[group], *row[: len(HEAD)], note))
    return buf.getvalue()


def write_ranking(
    path: Path, view: Overview, ranked: list[Ranked], plan: Plan | None = None
) -> None:
    """XLSX or CSV by the file's ending, written to a temporary file and renamed."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError("ranking.bad_suffix", path=path)
    try:
        if suffix == ".xlsx":
            write_ranking_xlsx(path, view, ranked, plan)
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
        raise write_failed(path, e) from None
