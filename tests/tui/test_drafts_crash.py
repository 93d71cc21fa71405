"""The power goes: the app is killed (SIGKILL, nothing runs on the way out) a few seconds after
the officer typed a note. The next start offers the draft with exactly that text."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from cchc_tui.ui.dialogs import RestoreDraft
from cchc_tui.ui.officer.screens.item import ItemScreen
from cchc_tui.ui.widgets.viet_text_area import VietTextArea
from tests.tui.test_guard import OCT, asked
from tests.tui_helpers import demo_db, make_app, wait_idle

pty = pytest.importorskip("pty")  # a real terminal: POSIX only

TYPED = "Đã gửi dự thảo, chờ góp ý — mất điện lúc 14:32"


def _read_until(fd: int, needle: bytes, seconds: float) -> bytes:
    got = bytearray()
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            got += chunk
            if needle in got:
                break
    return bytes(got)


def _send(fd: int, data: bytes, settle: float = 0.8) -> None:
    os.write(fd, data)
    _read_until(fd, b"\x00never", settle)  # keep the terminal drained while the app works


async def test_a_killed_app_offers_the_typed_note_back(tmp_path: Path, plan_text: str) -> None:
    db = demo_db(tmp_path, plan_text)
    env = {
        **os.environ,
        "CCHC_CONFIG": str(tmp_path / "none.toml"),
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
    }
    argv = [sys.executable, "-m", "cchc_tui.cli", "--db", str(db), "--today", "05/10/2022"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real app in a real terminal
        os.execvpe(argv[0], argv, env)
    try:
        screen = _read_until(fd, "Tổng quan".encode(), 30)
        assert screen, "the app drew nothing"
        _send(fd, b"\x1bOS", 2.0)  # F4: the assigned items
        _send(fd, b"\r", 2.0)  # the first one
        _send(fd, b"\t\t\t")  # status → progress → completion date → note
        for ch in TYPED:
            os.write(fd, ch.encode())
            time.sleep(0.01)
        _read_until(fd, b"\x00never", 3.0)  # the draft is written within about a second
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)

    rows = sqlite3.connect(db).execute("SELECT form, target, payload FROM draft").fetchall()
    assert len(rows) == 1, rows
    form, target, payload = rows[0]
    note = json.loads(payload)["note"]
    assert form == "progress" and TYPED in note

    app = make_app(db, today=OCT)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        await pilot.press("f4")
        await wait_idle(app, pilot)
        await pilot.press("enter")
        await asked(app, pilot, RestoreDraft)
        await pilot.press("enter")  # Khôi phục
        await wait_idle(app, pilot)
        item = app.screen
        assert isinstance(item, ItemScreen) and item.item_id == target
        assert item.query_one("#note", VietTextArea).text == note
