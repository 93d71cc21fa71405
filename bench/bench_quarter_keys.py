"""(d) The keystrokes of one quarter's update for a district, counted (aim: ≤ 150 keys).

Quận Bình Thuỷ (52 items) in early September 2022, before the Q3 report: every item had its
status set in the first half-year; this quarter ten were finished, and for each the document
that proves it is already in the register (F5; typed when it arrived). The officer, at 80×24:

    F4, then for each of the ten: ↓ to it, Enter, the status "hoàn thành" (Enter ↓ Enter), F9,
    the document's number typed until the picker is on it ("7", "1/"), Space, Enter, F2, Esc;
    then k and Enter (the other 42 keep their status);
    then F8, the passphrase, F2.

Driven through Textual's pilot, every key counted (a character typed is a key). The end state
is checked (ten done, each with its one document; 42 carried over; a signed bundle written),
so the count is of a flow that works.

    python bench/bench_quarter_keys.py
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import sqlite3
import sys
import tempfile
from datetime import date
from importlib import resources
from pathlib import Path

from textual.screen import ModalScreen

from cchc_tui.cli import main as cchc
from cchc_tui.config import Config
from cchc_tui.core.agencies import Registry
from cchc_tui.core.plan import DEFAULT_PLAN_FILE
from cchc_tui.store.service import Store
from cchc_tui.ui.officer.app import CchcApp

TODAY = date(2022, 9, 5)  # the Q3 report is due on 10/09; the 6-month one was due on 10/06
AGENCY, NAME, OFFICER = "918", "Quận Bình Thuỷ", "Nguyễn Thị Hương"
PASSPHRASE = "mat-khau-ky-so"
DONE = 10
AIM = 150


def _cli(*argv: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert cchc(list(argv)) == 0, argv


def setup(folder: Path) -> tuple[Path, list[str]]:
    """The database as the quarter starts; the ten items finished this quarter."""
    os.chdir(folder)
    Path("p").write_text(PASSPHRASE, "utf-8")
    _cli("pki", "init-ca", "--dir", "ca", "--passphrase-file", "p")
    _cli("pki", "issue", "--dir", "ca", "--passphrase-file", "p", "--agency", AGENCY,
         "--officer", OFFICER, "--out", "o.p12", "--p12-passphrase-file", "p")  # fmt: skip
    db = folder / "cchc.sqlite"
    _cli("--db", str(db), "init", "--agency", AGENCY, "--officer", OFFICER)
    _cli("--db", str(db), "key", "import", "o.p12", "--passphrase-file", "p")
    text = resources.files("cchc_tui.data").joinpath(DEFAULT_PLAN_FILE).read_text("utf-8")
    with Store(db) as store:
        plan = store.import_plan(text)
        rows = store.assigned_status(plan, Registry.load(), AGENCY, TODAY)
        done = [r.item.id for r in rows if not r.item.ongoing][:DONE]
        for r in rows:
            store.set_progress(plan, r.item.id, agency=AGENCY, actor=OFFICER,
                               status="dang_thuc_hien", progress_pct=50,
                               today=date(2022, 5, 20))  # fmt: skip
        for n, item_id in enumerate(done, 1):  # registered as each arrived, not yet linked
            store.add_evidence(agency=AGENCY, actor=OFFICER, number=f"{n}/BC-UBND",
                               doc_date=date(2022, 8, n), issuer=NAME,
                               title=f"Báo cáo kết quả {item_id}", today=TODAY)  # fmt: skip
    with sqlite3.connect(db) as con:  # set in May, before the 6-month report was due
        con.execute("UPDATE progress SET updated_at = '2022-05-20 03:00:00'")
    return db, done


async def quarter(db: Path, done: list[str], out: Path) -> int:
    app = CchcApp(db, Config(), today=TODAY, registry=Registry.load())
    keys = 0
    async with app.run_test(size=(80, 24)) as pilot:

        async def press(*names: str) -> None:
            nonlocal keys
            for name in names:
                keys += 1
                if os.environ.get("BENCH_DEBUG"):
                    print(keys, name, type(app.screen).__name__, file=sys.stderr, flush=True)
                await pilot.press(name)
                await settle()

        async def settle() -> None:
            await pilot.pause()
            # polled, not awaited: a worker waiting on a dialog's answer must not be cancelled
            for _ in range(100):
                if all(w.is_finished for w in app.workers) or isinstance(app.screen, ModalScreen):
                    break
                await asyncio.sleep(0.01)
            await pilot.pause()

        await settle()
        await press("f4")
        table = app.screen.query_one("#items")
        at = 0
        for item_id in done:
            row = table.get_row_index(item_id)  # type: ignore[attr-defined]
            await press(*["down"] * (row - at))
            at = row
            await press("enter")  # the item
            await press("enter", "down", "enter")  # status: from đang thực hiện to hoàn thành
            await press("f9")  # its documents: the register, newest first
            picker = app.screen.query_one("#pick-docs")
            labels = [
                str(picker.get_option_at_index(i).prompt)[4:]  # type: ignore[attr-defined]
                for i in range(picker.option_count)  # type: ignore[attr-defined]
            ]
            number = next(x for x in labels if f"Báo cáo kết quả {item_id}" in x).split()[0]
            # the number typed until the first document it matches is this one
            typed = next(
                number[:n]
                for n in range(1, len(number) + 1)
                if next(x for x in labels if x.startswith(number[:n])).split()[0] == number
            )
            await press(*typed, "space", "enter")
            await press("f2", "escape")  # saved; back to the list, the cursor where it was
        await press("k", "enter")  # carry the other 42 over
        await press("f8")
        for ch in PASSPHRASE:
            await press(ch)
        app.screen.query_one("#export-out").value = str(out)  # type: ignore[attr-defined]
        await press("f2")
        for _ in range(100):
            if any(out.glob("*.zip")):
                break
            await asyncio.sleep(0.05)
            await settle()
    return keys


def check(db: Path, done: list[str], out: Path) -> str:
    with sqlite3.connect(db) as con:
        finished = {
            k
            for (k,) in con.execute(
                "SELECT i.key FROM progress p JOIN plan_item i ON i.id = p.plan_item_id "
                "WHERE p.status = 'hoan_thanh'"
            )
        }
        linked = dict(
            con.execute(
                "SELECT i.key, count(*) FROM evidence_link l "
                "JOIN plan_item i ON i.id = l.plan_item_id GROUP BY i.key"
            ).fetchall()
        )
        (carried,) = con.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'progress.carry_over'"
        ).fetchone()
    assert finished == set(done), finished
    assert linked == dict.fromkeys(done, 1), linked
    bundles = list(out.glob("*.zip"))
    assert len(bundles) == 1, bundles
    return f"{len(finished)} done with 1 document each, {carried} carried over, {bundles[0].name}"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, done = setup(folder)
        out = folder / "usb"
        out.mkdir()
        keys = asyncio.run(quarter(db, done, out))
        state = check(db, done, out)
    print("one quarter's update, Quận Bình Thuỷ (52 items), 80x24")
    print(f"  end state: {state}")
    print(f"  keystrokes: {keys}   (aim <= {AIM}: {'met' if keys <= AIM else 'NOT met'})")
    sys.exit(0 if keys <= AIM else 1)


if __name__ == "__main__":
    main()
