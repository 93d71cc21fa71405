"""Issue 14, plan year: on the real calendar, years after the plan's, the app works as of the
plan's last day — its final state, not every item "overdue" — and says so in the header and
in a notice; a day given (--as-of, the demo's day) is shown in the header instead."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cchc_tui.config import Config
from cchc_tui.ui.officer.app import CchcApp
from tests.tui_helpers import REGISTRY, demo_db, wait_idle


def notices(app: CchcApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_after_the_plan_year_the_app_shows_its_last_day(
    tmp_path: Path, plan_text: str
) -> None:
    app = CchcApp(demo_db(tmp_path, plan_text), Config(), registry=REGISTRY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        assert app.ctx is not None and app.ctx.today == date(2022, 12, 31)
        assert app.sub_title.startswith("xem ngày 31/12/2022 · Quận Bình Thuỷ")
        (notice,) = [n for n in notices(app) if "đã kết thúc" in n]
        assert "Năm kế hoạch 2022" in notice and "--as-of dd/mm/yyyy" in notice


async def test_a_day_given_is_shown_and_nothing_is_said_of_the_year(
    tmp_path: Path, plan_text: str
) -> None:
    app = CchcApp(demo_db(tmp_path, plan_text), Config(), today=date(2022, 9, 15),
                  registry=REGISTRY)  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        assert app.ctx is not None and app.ctx.today == date(2022, 9, 15)
        assert app.sub_title.startswith("xem ngày 15/09/2022 · ")
        assert not [n for n in notices(app) if "đã kết thúc" in n]
