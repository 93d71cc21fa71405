"""Printing a workbook as a state office prints a table (the scoring table, the ranking)."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet


def print_setup(ws: Worksheet, *, header_rows: str, header: str) -> None:
    """Printed as a state office prints a table: A4 landscape, every column on one page's
    width, the header rows on every page, the agency and criteria set in the page header,
    "Trang N / M" in the footer, Times New Roman throughout."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = header_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    top, bottom = ws.oddHeader, ws.oddFooter
    assert top is not None and bottom is not None
    top.center.text = header.replace("&", "&&")  # "&" starts a header code
    top.center.font = "Times New Roman"
    bottom.center.text = "Trang &P / &N"
    bottom.center.font = "Times New Roman"
    for row in ws.iter_rows():
        for cell in row:
            font = cell.font
            cell.font = Font(name="Times New Roman", size=font.sz or 12, bold=font.b, italic=font.i)


def sign_off(ws: Worksheet, titles: tuple[str, str], *, columns: tuple[int, int]) -> None:
    """The signature block under the table: who made it, the head of the agency (each with
    "(Ký, ghi rõ họ tên)" and room to sign)."""
    first = ws.max_row + 2  # a blank row between the table and the signatures
    for offset, text in enumerate((titles, ("(Ký, ghi rõ họ tên)",) * 2)):
        for column, value in zip(columns, text, strict=True):
            cell = ws.cell(first + offset, column, value)
            cell.font = Font(bold=offset == 0, italic=offset == 1)
            cell.alignment = Alignment(horizontal="center")
