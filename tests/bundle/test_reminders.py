"""The reminder list (issue 15): the units the reviewer expects that sent nothing for the
period, then the late ones (latest first), as a print-ready workbook read back with openpyxl;
a wrong ending or an unwritable place refused with a sentence, nothing left behind."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cchc_tui.core.agencies import Registry
from cchc_tui.core.errors import UserError
from cchc_tui.core.plan import Plan
from cchc_tui.core.review import overview
from cchc_tui.reports.reminders import to_remind, write_reminders
from tests.bundle.test_review import received


def test_the_reminder_list(registry: Registry, plan: Plan, tmp_path: Path) -> None:
    imported = received("918", 12, "80")
    got = {
        "918": replace(imported, arrived_on=date(2022, 9, 9)),  # on time: not listed
        "916": replace(imported, agency_code="916", arrived_on=date(2022, 9, 11)),  # 1 day
        "917": replace(imported, agency_code="917", arrived_on=date(2022, 9, 15)),  # 5 days
    }
    view = overview(registry, plan, "SNV", "Q3", got)  # type: ignore[arg-type]
    listed = to_remind(view)
    assert len(listed) == 31 - 1
    assert [r.agency.code for r in listed][-2:] == ["917", "916"]  # late, the latest first
    missing = [r.agency.code for r in listed if r.state == "missing"]
    assert missing == sorted(missing) and len(missing) == 28
    out = tmp_path / "đôn đốc Q3 %.xlsx"
    assert write_reminders(out, view, plan) == 30
    ws = load_workbook(out)["Đôn đốc"]
    assert str(ws["A1"].value).startswith("DANH SÁCH ĐƠN VỊ CHƯA NỘP HOẶC NỘP TRỄ")
    assert "hạn nộp 10/09/2022" in str(ws["A2"].value)
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    assert rows[-2][1:] == ["917", "Quận Ô Môn", "Quận, huyện", "nộp trễ", "15/09/2022", 5]
    assert rows[-1][1:] == ["916", "Quận Ninh Kiều", "Quận, huyện", "nộp trễ", "11/09/2022", 1]
    assert rows[0][0] == 1 and rows[0][4:] == ["chưa nộp", None, None]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$3:$3"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


def test_a_bad_place_is_refused(registry: Registry, plan: Plan, tmp_path: Path) -> None:
    view = overview(registry, plan, "SNV", "Q3", {})
    with pytest.raises(UserError) as e:
        write_reminders(tmp_path / "don-doc.csv", view, plan)
    assert e.value.message() == (
        f"Danh sách đôn đốc ghi ra tệp .xlsx (đã cho: {tmp_path / 'don-doc.csv'})."
    )
    with pytest.raises(UserError) as e:
        write_reminders(tmp_path / "không có" / "x.xlsx", view, plan)
    assert e.value.message().startswith("Không ghi được")


def test_a_workbook_open_in_excel_is_said_so(
    registry: Registry, plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel locks the file it shows: Windows refuses the rename with "permission denied"."""
    import os

    out = tmp_path / "don-doc.xlsx"
    out.write_bytes(b"the one the leaders have open")

    def locked(src: str, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    view = overview(registry, plan, "SNV", "Q3", {})
    with pytest.raises(UserError) as e:
        write_reminders(out, view, plan)
    assert e.value.message() == (
        f"Tệp {out} đang mở trong chương trình khác (Excel?): hãy đóng tệp rồi thử lại. "
        "Chưa ghi gì."
    )
    assert out.read_bytes() == b"the one the leaders have open"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["don-doc.xlsx"]
