"""The day the app works as of: today while the plan's year runs, its last day once it has
ended, or the day the officer gives — from the command line as from the app's header."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cchc_tui.cli import main
from cchc_tui.core.asof import AsOf, as_of


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2022, 1, 1), AsOf(date(2022, 1, 1))),
        (date(2022, 12, 31), AsOf(date(2022, 12, 31))),  # the last day still runs
        (date(2023, 1, 1), AsOf(date(2022, 12, 31), ended=True)),
        (date(2026, 12, 3), AsOf(date(2022, 12, 31), ended=True)),
        (date(2021, 12, 29), AsOf(date(2021, 12, 29))),  # the plan was issued before its year
    ],
)
def test_the_day_follows_the_plan_year(today: date, expected: AsOf) -> None:
    assert as_of(2022, today) == expected
    assert expected.shown is expected.ended


def test_a_given_day_wins_and_is_shown() -> None:
    got = as_of(2022, date(2026, 12, 3), date(2022, 9, 15))
    assert got == AsOf(date(2022, 9, 15), given=True) and got.shown and not got.ended


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as e:
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_works_as_of_the_plan_s_end_or_the_day_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "none.sqlite")  # no database: the shipped plan, for an agency named
    base = ("--db", db)
    code, out, _ = run(capsys, *base, "assigned", "--agency", "918", "--json")
    assert code == 0 and json.loads(out)["as_of"] == "2022-12-31"  # today is past 2022
    code, out, _ = run(capsys, *base, "--as-of", "15/09/2022", "assigned", "--agency", "918",
                       "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["as_of"] == "2022-09-15"
    code, out, _ = run(capsys, *base, "assigned", "--agency", "918", "--as-of", "01/10/2022",
                       "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["as_of"] == "2022-10-01"
    code, out, _ = run(capsys, *base, "--as-of", "15/09/2022", "assigned", "--agency", "918")
    assert code == 0 and "15/09/2022" in out
    overdue_then = out
    code, out, _ = run(capsys, *base, "assigned", "--agency", "918")
    assert "31/12/2022" in out and out != overdue_then


def test_a_day_that_is_no_date_is_refused_in_vietnamese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "x.sqlite"
    db.write_bytes(b"not a database")  # the day is said first, before the file is opened
    code, out, err = run(capsys, "--db", str(db), "--as-of", "31/02/2022", "assigned")
    assert code != 0 and out == ""
    assert err.startswith("Lỗi: Ngày «31/02/2022» không có: tháng 2/2022 có 28 ngày")
