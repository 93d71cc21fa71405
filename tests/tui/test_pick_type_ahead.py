"""The document picker goes to a document by its number as the officer types it (they have the
paper in hand): "1" is the first number starting with 1, "1/" the one that is exactly 1/…;
Backspace takes a character back; a long pause starts a new number."""

from __future__ import annotations

from textual.app import App
from textual.widgets import OptionList, Static

from cchc_tui.ui.widgets import pick_documents
from cchc_tui.ui.widgets.pick_documents import PickDocuments

OPTIONS = [
    ("12/KH-UBND         20/08/2022  Kế hoạch tuyên truyền", 5),
    ("10/BC-UBND         10/08/2022  Báo cáo quý", 4),
    ("1/QĐ-UBND          01/08/2022  Quyết định kiện toàn", 3),
    ("7/TB-UBND          07/07/2022  Thông báo", 2),
]


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.result: list[int] | None = None

    def on_mount(self) -> None:
        def done(result: list[int] | None) -> None:
            self.result = result

        self.push_screen(PickDocuments("TLKC", OPTIONS, set()), done)


async def test_typing_a_number_goes_to_its_document(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = [100.0]
    monkeypatch.setattr(pick_documents, "monotonic", lambda: clock[0])
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        picker = app.screen.query_one("#pick-docs", OptionList)
        assert picker.highlighted == 0
        await pilot.press("1")
        assert picker.highlighted == 0  # 12/… is the first to start with 1
        await pilot.press("slash")
        assert picker.highlighted == 2  # 1/…
        assert "số: 1/" in str(app.screen.query_one("#pick-count", Static).render())
        await pilot.press("backspace", "0")
        assert picker.highlighted == 1  # 10/…
        clock[0] += 5  # a pause: a new number
        await pilot.press("7")
        assert picker.highlighted == 3
        await pilot.press("9")  # no 79…: it says so and stays
        assert picker.highlighted == 3
        await pilot.press("space", "enter")
    assert app.result == [2]
