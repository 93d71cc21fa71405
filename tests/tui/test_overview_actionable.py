"""Issue 14, actionable lists: the overview's rows (overdue, done without evidence) are all
there, not the first eight; ↓ moves through them with the page following at 80×24, and Enter
opens the item named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import OptionList

from cchc_tui.core.agencies import Registry
from cchc_tui.store.service import Store
from cchc_tui.ui.officer.screens.item import ItemScreen
from cchc_tui.ui.officer.screens.overview import OverviewScreen
from tests.dbcache import profile_db
from tests.tui_helpers import make_app, wait_idle


async def test_every_row_is_reached_and_opens(tmp_path: Path, plan_text: str) -> None:
    # by the year's end: five items overdue, twenty done without a document
    db = profile_db(tmp_path / "o.sqlite", "918", "Quận Bình Thuỷ", "Hương", plan_text)
    with Store(db) as store:
        plan = store.load_plan()
        rows = store.assigned_status(plan, Registry.load(), "918", date(2022, 12, 31))
        for row in [r for r in rows if not r.overdue][:20]:
            store.set_progress(
                plan, row.item.id, agency="918", actor="H", status="hoan_thanh",
                completed_on=date(2022, 12, 1), today=date(2022, 12, 31),
            )  # fmt: skip
    app = make_app(db, today=date(2022, 12, 31))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        attention = screen.query_one("#ov-attention", OptionList)
        assert app.focused is attention
        options = [attention.get_option_at_index(i) for i in range(attention.option_count)]
        ids = [o.id or "" for o in options if not o.disabled]
        late = [i for i in ids if i.startswith("late:")]
        bare = [i for i in ids if i.startswith("bare:")]
        # all of them, where eight were shown before; the three more since issue 17 missed a
        # quarter's milestone (3.1, 3.4 "Quý I Quý IV", 3.5 "Quý III, Quý IV")
        assert (len(late), len(bare)) == (8, 20)
        assert str(attention.get_option("h:late").prompt) == "Quá hạn (8)"
        assert str(attention.get_option("h:bare").prompt) == "Hoàn thành nhưng chưa có TLKC (20)"
        page = screen.query_one("#overview", VerticalScroll)
        assert page.max_scroll_y > 0  # taller than the terminal
        start = page.scroll_y
        assert start == 0  # it opens at its top: period and deadline first
        assert attention.highlighted_option is not None
        assert attention.highlighted_option.id == late[0]
        for _ in range(len(ids) - 1):  # headings are passed over
            await pilot.press("down")
        await pilot.pause()
        assert attention.highlighted_option is not None
        assert attention.highlighted_option.id == bare[-1]
        assert page.scroll_y > start  # the page followed the highlighted row
        line = attention.virtual_region.y + (attention.highlighted or 0)
        assert page.scroll_y <= line < page.scroll_y + page.scrollable_content_region.height
        await pilot.press("enter")
        await wait_idle(app, pilot)
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.item_id == bare[-1].split(":", 1)[1]
        await pilot.press("escape")
        await wait_idle(app, pilot)
        assert app.screen is screen
        assert attention.highlighted_option is not None
        assert attention.highlighted_option.id == bare[-1]  # where it was
