"""Numeric input, by the one rule of core.numbers: whatever is typed is either a finite Decimal
in the field's range or one clear sentence (exit 1 on the command line) — never a crash, never
NaN, an infinity or a 100 000-digit exponent in the database."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_tui.cli import main
from cchc_tui.core.criteria import parse_criteria
from cchc_tui.core.errors import UserError
from cchc_tui.core.numbers import (
    LIMIT,
    check_number,
    indicator_value,
    parse_number,
    parse_points,
    parse_progress,
)
from cchc_tui.core.plan import Plan
from cchc_tui.core.scoring import check_points

from .test_scoring import SMALL

HOSTILE = [
    "NaN",
    "nan",
    "sNaN",
    "-NaN",
    "Infinity",
    "inf",
    "-inf",
    "+Infinity",
    "1e999",
    "1e-999",
    "1E+100000",
    "1e2",
    "0x10",
    "1_000",
    "1.000.000",
    "1,5,0",
    "١٢",  # Arabic-Indic digits (int() and Decimal() take them)
    "１２",  # full-width digits
    "12 5",
    "½",
    "5%",
    "",
    "   ",
    "-",
    ",5",
    "5,",
    "0" * 40,
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as e:  # argparse
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# -- the rule itself -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_what_is_not_a_plain_number_is_refused_in_one_sentence(text: str) -> None:
    for parse in (parse_points, parse_progress, lambda x: parse_number(x, field="value")):
        with pytest.raises(UserError) as err:
            parse(text)
        assert err.value.key in ("number.invalid", "number.empty")
        assert "{" not in err.value.message()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", Decimal(0)),
        ("0,5", Decimal("0.5")),
        ("0.25", Decimal("0.25")),
        (" 1,50 ", Decimal("1.50")),
        ("1,500", Decimal("1.50")),  # extra trailing zeros are only zeros
        ("+3", Decimal(3)),
        ("-0", Decimal(0)),
        ("100", Decimal(100)),
    ],
)
def test_points_as_people_write_them(text: str, expected: Decimal) -> None:
    got = parse_points(text)
    assert got == expected and got.is_finite() and not got.is_signed()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("-1", "number.negative"),
        ("-0,5", "number.negative"),
        ("100,01", "number.out_of_range"),
        ("101", "number.out_of_range"),
        ("0,125", "number.places"),
        ("1,001", "number.places"),
    ],
)
def test_points_out_of_range_or_too_precise(text: str, key: str) -> None:
    with pytest.raises(UserError) as err:
        parse_points(text)
    assert err.value.key == key


@pytest.mark.parametrize(
    ("text", "key"),
    [("-5", "number.negative"), ("101", "number.out_of_range"), ("2,5", "number.not_whole")],
)
def test_progress_is_a_whole_number_from_0_to_100(text: str, key: str) -> None:
    with pytest.raises(UserError) as err:
        parse_progress(text)
    assert err.value.key == key
    assert parse_progress("40") == 40 and parse_progress("100,0") == 100


def _check(value: Decimal, low: Decimal, high: Decimal, places: int) -> None:
    assert isinstance(value, Decimal) and value.is_finite()
    assert low <= value <= high
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int) and -exponent <= max(places, 0)


NUMBERISH = st.from_regex(
    r"[ +\-]?[0-9０-９٠-٩]{0,25}([.,][0-9]{0,6})?([eE][+\-]?[0-9]{1,7})?[ %]?", fullmatch=True
)
WORDS = st.sampled_from(HOSTILE)


@given(st.one_of(st.text(max_size=50), NUMBERISH, WORDS))
def test_any_text_is_a_number_in_range_or_a_user_error(text: str) -> None:
    cases = [
        (parse_points, Decimal(0), Decimal(100), 2),
        (lambda x: Decimal(parse_progress(x)), Decimal(0), Decimal(100), 0),
        (lambda x: parse_number(x, field="numerator"), Decimal(0), LIMIT, 2),
    ]
    for parse, low, high, places in cases:
        try:
            value = parse(text)
        except UserError as e:
            assert e.message()  # a sentence, its placeholders all filled
            continue
        _check(value, low, high, places)


ANY_DECIMAL = st.decimals(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity"), Decimal("1E+100000")]
)


@given(value=ANY_DECIMAL, num=st.none() | ANY_DECIMAL, den=st.none() | ANY_DECIMAL)
def test_any_decimal_given_to_the_store_rules_is_in_range_or_a_user_error(
    plan: Plan, value: Decimal, num: Decimal | None, den: Decimal | None
) -> None:
    """What the store accepts, from any caller: an indicator (a percentage, and a rank) and
    the points of every kind of rule."""
    for ind in (plan.indicator[0], next(i for i in plan.indicator if i.unit == "hạng")):
        for given_value in (value, None):
            try:
                got = indicator_value(ind, given_value, num, den)
            except UserError as e:
                assert e.message()
                continue
            if ind.unit == "%":
                _check(got, Decimal(0), Decimal(100), 2)
            else:
                _check(got, Decimal(1), Decimal(10_000), 0)
    for sub in CSET.subs:
        try:
            check_points(sub, value)
        except UserError as e:
            assert e.message()
            continue
        _check(value, Decimal(0), Decimal(100), 2)
    try:
        check_number(value, field="value")
    except UserError as e:
        assert e.message()


CSET = parse_criteria(SMALL)  # every kind of rule: yes/no, bands, by hand, survey, bonus


# -- through the command line ------------------------------------------------------------------


@pytest.fixture
def officer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    db = tmp_path / "c.sqlite"
    monkeypatch.setenv("CCHC_DB", str(db))
    assert run(capsys, "init", "--agency", "918", "--officer", "An")[0] == 0
    assert run(capsys, "score", "--json")[0] == 0  # the first use brings the template set in
    return db


def audit_count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        con.close()


PERCENT = "so-hoa-ket-qua-tthc"  # a percentage (target 40 % for a district)
RANK = "xep-hang-chi-so"  # a rank (hạng), at most 25


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        *[
            ((PERCENT, "--value", text), "không phải là số hợp lệ cho giá trị chỉ tiêu")
            for text in ("NaN", "nan", "Infinity", "1e999", "1e-999", "1E+100000")
        ],
        # (argparse reads "--value -inf" as a missing value: exit 2; written with "=", exit 1)
        ((PERCENT, "--value=-inf"), "không phải là số hợp lệ cho giá trị chỉ tiêu"),
        ((PERCENT, "--value", ""), "Chưa nhập giá trị chỉ tiêu"),
        ((PERCENT, "--value", "-5"), "không được âm"),
        ((PERCENT, "--value", "100,5"), "phải từ 0 đến 100"),
        ((PERCENT, "--value", "12,345"), "tối đa 2"),
        ((PERCENT, "--num", "1", "--den", "0"), "Mẫu số bằng 0"),
        ((PERCENT, "--num", "1200", "--den", "1000"), "không thể vượt quá 100%"),
        ((PERCENT, "--num", "-1", "--den", "10"), "không được âm"),
        ((PERCENT, "--num", "NaN", "--den", "10"), "không phải là số hợp lệ cho tử số"),
        ((PERCENT, "--num", "1", "--den", "Infinity"), "không phải là số hợp lệ cho mẫu số"),
        ((PERCENT, "--num", "1", "--den", "1E+100000"), "không phải là số hợp lệ cho mẫu số"),
        ((RANK, "--value", "2,5"), "phải là số nguyên"),
        ((RANK, "--value", "0"), "phải từ 1 đến 10000"),
        ((RANK, "--num", "1", "--den", "2"), "không phải tỷ lệ"),
    ],
)
def test_indicator_set_refuses_with_a_sentence_and_exit_1(
    officer: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], needle: str
) -> None:
    before = audit_count(officer)
    code, _, err = run(capsys, "indicator", "set", *argv)
    assert code == 1, err
    assert needle in err and "Traceback" not in err and "không lường trước" not in err
    assert audit_count(officer) == before


def test_indicator_set_takes_sensible_values(
    officer: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "indicator", "set", PERCENT, "--value", "42,5")[0] == 0
    assert run(capsys, "indicator", "set", PERCENT, "--num", "1000", "--den", "1000")[0] == 0
    assert run(capsys, "indicator", "set", RANK, "--value", "12")[0] == 0
    code, out, _ = run(capsys, "indicator", "list", "--json")
    assert code == 0
    import json

    values = {r["id"]: r["value"] for r in json.loads(out)}
    assert values[PERCENT] == "100.00" and values[RANK] == "12"


@pytest.mark.parametrize(
    ("points", "needle"),
    [
        ("NaN", "không phải là số hợp lệ cho điểm"),
        ("Infinity", "không phải là số hợp lệ cho điểm"),
        ("-Infinity", "không phải là số hợp lệ cho điểm"),
        ("1e999", "không phải là số hợp lệ cho điểm"),
        ("1E+100000", "không phải là số hợp lệ cho điểm"),
        ("-1", "không được âm"),
        ("0,001", "tối đa 2"),
        ("101", "phải từ 0 đến 100"),
        ("3", "chỉ cho các mức"),  # in range for points, not for this rule
    ],
)
def test_score_set_refuses_with_a_sentence_and_exit_1(
    officer: Path, capsys: pytest.CaptureFixture[str], points: str, needle: str
) -> None:
    before = audit_count(officer)
    code, _, err = run(capsys, "score", "set", "1.1.2", f"--points={points}")
    assert code == 1, err
    assert needle in err and "Traceback" not in err and "không lường trước" not in err
    assert audit_count(officer) == before


# -- in the app ----------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_app_refuses_the_same_numbers(tmp_path: Path, plan_text: str) -> None:
    """F7: the indicator values (i) and the points of the sub-criterion under the cursor."""
    from textual.widgets import Static

    from cchc_tui.store.service import Store
    from cchc_tui.ui.officer.screens.score_data import IndicatorValues
    from cchc_tui.ui.officer.screens.scoring import ScoringScreen
    from cchc_tui.ui.widgets.viet_input import VietInput
    from tests.tui_helpers import demo_db, make_app, wait_for, wait_idle

    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, ScoringScreen))
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ScoringScreen)
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, IndicatorValues))
        dialog = app.screen
        assert isinstance(dialog, IndicatorValues)
        field = dialog.query_one(f"#ind-{PERCENT}", VietInput)
        for typed, said in (
            ("NaN", "không phải là số hợp lệ cho giá trị chỉ tiêu"),
            ("1E+100000", "không phải là số hợp lệ"),
            ("1200/1000", "không thể vượt quá 100%"),
            ("5/0", "Mẫu số bằng 0"),
            ("150", "phải từ 0 đến 100"),
        ):
            field.value = typed
            await pilot.press("f2")
            await wait_idle(app, pilot)
            assert app.screen is dialog, typed
            assert said in str(dialog.query_one(".error", Static).render()), typed
        await pilot.press("escape")  # a value typed: asked before it is dropped
        await wait_for(pilot, lambda: app.screen is not dialog)
        await pilot.press("tab", "enter")  # Bỏ thay đổi
        await wait_for(pilot, lambda: app.screen is screen)
        await wait_idle(app, pilot)
        await pilot.press("down", "down", "down", "enter")  # 1.1.2
        for typed, said in (("NaN", "không phải là số hợp lệ cho điểm"), ("101", "0 đến 100")):
            screen.query_one("#score-points", VietInput).value = typed
            await pilot.press("ctrl+s")
            await wait_idle(app, pilot)
            assert said in str(screen.query_one("#score-error", Static).render()), typed
    with Store(db) as store:
        assert PERCENT not in store.indicator_values("918", "kh-260-2022")
