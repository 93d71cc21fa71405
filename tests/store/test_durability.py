"""SIGKILL in the middle of a long run of saves, many times: every acknowledged save survives
and the database stays sound."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from cchc_tui.store.service import Store

HERE = Path(__file__).resolve().parent.parent  # tests/, where save_loop.py is
ROUNDS = 12


def test_sigkill_never_loses_an_acknowledged_save(tmp_path: Path, plan_text: str) -> None:
    path = tmp_path / "cchc.sqlite"
    s = Store(path, create=True)
    s.init_profile("918", "Quận Bình Thuỷ", "durability")
    s.import_plan(plan_text)
    s.close()
    rng = random.Random(20221229)
    acked: set[int] = set()
    next_n = 0
    for _ in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, str(HERE / "save_loop.py"), str(path), str(next_n)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "READY"
        deadline = time.monotonic() + rng.uniform(0.05, 0.6)
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line.startswith("ACK "):
                acked.add(int(line.split()[1]))
        proc.send_signal(signal.SIGKILL)
        # lines already written before the kill were acknowledged too
        for line in proc.stdout:
            if line.startswith("ACK "):
                acked.add(int(line.split()[1]))
        proc.wait()
        next_n = max(acked, default=next_n) + 1000  # a fresh range: no n is written twice

        con = sqlite3.connect(path)
        try:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            notes = {
                json.loads(c)["note"][1]
                for (c,) in con.execute(
                    "SELECT changes FROM audit_log WHERE actor='durability' "
                    "AND action='progress.set'"
                )
                if "note" in json.loads(c)
            }
        finally:
            con.close()
        saved = {int(n.rsplit(" ", 1)[1]) for n in notes}
        missing = acked - saved
        assert not missing, f"acknowledged but lost: {sorted(missing)[:10]}"
    assert len(acked) > ROUNDS * 5  # the test really saved a lot
    with Store(path) as s:
        assert s.check()["ok"]


async def test_a_second_process_never_takes_our_wal(tmp_path: Path, plan_text: str) -> None:
    """The app holds its drafts' connection and opens the writer afterwards; another process
    (a second copy, `cchc assigned`) opening and closing the database must not delete the
    app's WAL: a save the app says is done is seen by everyone else."""
    from cchc_tui.ui.widgets.viet_text_area import VietTextArea
    from tests.tui_helpers import demo_db, make_app, wait_idle

    db = demo_db(tmp_path, plan_text)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_idle(app, pilot)
        assert app.ctx is not None and app.draft_writer is not None
        app.draft_writer.store.all()  # the drafts' connection is open
        app.ctx.store  # noqa: B018 - and the writer opened after it (the warm-up's order)
        await pilot.press("f4")  # the app reads and writes a little first
        await wait_idle(app, pilot)
        await pilot.press("escape")
        await wait_idle(app, pilot)
        subprocess.run(  # a second process, as `cchc assigned` or a second copy
            [sys.executable, "-m", "cchc_tui.cli", "--db", str(db), "assigned"],
            check=True,
            capture_output=True,
        )
        assert db.with_name(db.name + "-wal").exists(), "another process deleted our WAL"
        await pilot.press("f4")
        await wait_idle(app, pilot)
        await pilot.press("enter")
        await wait_idle(app, pilot)
        note = app.screen.query_one("#note", VietTextArea)
        note.clear()
        note.insert("Lưu thật sự")
        await pilot.press("f2")
        await wait_idle(app, pilot)
        seen = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import sqlite3; print(sqlite3.connect({str(db)!r}).execute("
                "\"SELECT count(*) FROM progress WHERE note = 'Lưu thật sự'\").fetchone()[0])",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert seen.stdout.strip() == "1"
