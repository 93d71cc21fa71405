"""Issue 14, help in Vietnamese: F1 says what statuses and TLKC are and the quarter's routine,
lists the screen's own keys first with the ids config.toml takes, and Textual's own keys in
Vietnamese (or not at all); the palette asks in Vietnamese and offers none of Textual's English
commands; `cchc keys` prints every id."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets import DataTable, Static

from cchc_tui.cli import main
from cchc_tui.ui.help import HelpScreen
from cchc_tui.ui.keymap import unknown_keymap_ids
from tests.tui_helpers import demo_db, make_app

ENGLISH = ("Cursor", "Focus", "Scroll", "Page", "Copy", "Select", "Paste", "Delete", "Toggle")


async def help_rows(tmp_path: Path, plan_text: str, lang: str) -> tuple[str, list[list[str]]]:
    app = make_app(demo_db(tmp_path, plan_text), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        guide = str(app.screen.query_one("#help-guide", Static).render())
        table = app.screen.query_one("#help-keys", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        await pilot.press("escape")
        return guide, rows


async def test_f1_in_vietnamese(tmp_path: Path, plan_text: str) -> None:
    guide, rows = await help_rows(tmp_path, plan_text, "vi")
    assert "TLKC (tài liệu kiểm chứng)" in guide and "không thực hiện được" in guide
    assert "F6" in guide and "F7 chấm điểm" in guide and "F8 xuất hồ sơ" in guide
    assert "cchc keys" in guide and "src/" not in guide
    assert rows[0] == ["/", "Tìm", "items.search"]  # the screen's own keys first
    assert ["f1", "Trợ giúp", "app.help"] in rows
    said = " ".join(r[1] for r in rows)
    assert not any(word in said for word in ENGLISH), said
    moving = [r[1] for r in rows if not r[2]]  # Textual's keys: no id, after ours
    assert {"Lên", "Xuống", "Về đầu", "Về cuối"} <= set(moving)
    assert rows.index(next(r for r in rows if not r[2])) > max(
        i for i, r in enumerate(rows) if r[2]
    )


async def test_f1_in_english(tmp_path: Path, plan_text: str) -> None:
    guide, rows = await help_rows(tmp_path, plan_text, "en")
    assert guide.startswith("Item statuses: not started")
    assert rows[0] == ["/", "Search", "items.search"]
    assert "Up" in [r[1] for r in rows]


async def test_the_palette_asks_in_vietnamese_and_offers_only_ours(
    tmp_path: Path, plan_text: str
) -> None:
    app = make_app(demo_db(tmp_path, plan_text))
    async with app.run_test(size=(80, 24)) as pilot:
        assert list(app.get_system_commands(app.screen)) == []
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "Tìm lệnh…"
        palette = app.screen

        async def offered(typed: str) -> str:
            await pilot.press(*typed)
            await pilot.pause(0.5)
            found = palette.query_one(CommandList)
            shown = " ".join(
                str(found.get_option_at_index(i).prompt) for i in range(found.option_count)
            )
            for _ in typed:
                await pilot.press("backspace")
            return shown

        assert "Tổng quan" in await offered("tong quan")  # ours, found without accents
        for typed in ("screenshot", "maximize", "keys"):
            shown = await offered(typed)
            assert "Screenshot" not in shown and "Maximize" not in shown and "Keys" not in shown


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(argv))
    return code, out.getvalue()


def test_cchc_keys_lists_every_id() -> None:
    code, out = run("keys")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Mã", "phím", "(config.toml)", "Phím", "Tác", "dụng"]
    assert any(line.split()[:3] == ["items.search", "slash", "Tìm"] for line in lines)
    code, out = run("--lang", "en", "keys", "--json")
    listed = json.loads(out)
    ids = [k["id"] for k in listed]
    assert code == 0 and ids == sorted(ids) and len(ids) == len(set(ids)) > 40
    assert unknown_keymap_ids(dict.fromkeys(ids, "x")) == []
    assert {"id": "app.help", "keys": "f1", "does": "Help"} in listed
