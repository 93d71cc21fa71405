"""The ranking workbook as an office suite prints it (issue 15): where LibreOffice is
installed, each group's sheet printed to PDF fits one page wide on landscape A4 (31 units a
sheet on one page), nothing cut. Skipped, with the reason, where it is not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cchc_tui.core.agencies import Registry
from cchc_tui.core.plan import Plan
from cchc_tui.core.review import overview, ranking
from cchc_tui.reports.ranking import write_ranking_xlsx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


def pdf_pages(pdf: bytes) -> tuple[int, tuple[float, float]]:
    """How many pages, and the first page size in points (LibreOffice writes plain page
    objects, and every page of a sheet the same size)."""
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    x0, y0, x1, y1 = re.findall(
        rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf
    )[0]
    return pages, (float(x1) - float(x0), float(y1) - float(y0))


def test_each_group_prints_one_page_wide(registry: Registry, plan: Plan, tmp_path: Path) -> None:
    assert SOFFICE is not None
    view = overview(registry, plan, "SNV", "Q3", {})
    book = tmp_path / "xep hang.xlsx"
    write_ranking_xlsx(book, view, ranking(view, {}), plan)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    count, (width, height) = pdf_pages((tmp_path / "xep hang.pdf").read_bytes())
    # two groups the city expects (22 departments, 9 districts), each one page: every column
    # on the page's width (a column cut off would print on a page of its own)
    assert count == 2
    assert (round(width), round(height)) == (842, 595)  # A4 landscape
