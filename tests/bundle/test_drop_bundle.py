"""The reviewer drops a received bundle: it no longer counts anywhere in the review desk, its
files are kept aside, the history still lists it (marked), it stays in the resubmission chain,
and the same file imported again is refused as dropped."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static

from cchc_tui.ui.dialogs import ConfirmLeave, QuitQuestion
from cchc_tui.ui.review.agency import ReviewAgencyScreen
from cchc_tui.ui.review.app import ReviewApp
from cchc_tui.ui.review.dialogs import DropModal
from cchc_tui.ui.review.overview import ReviewOverviewScreen
from cchc_tui.ui.widgets.viet_input import VietInput
from tests.cli.test_export_cli import exported, officer_ready, ok, run
from tests.tui_helpers import cli, officer_bundle, type_text, wait_idle


def overview(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, Any]:
    code, out, err = run(capsys, "--db", db, "review", "--period", "Q3", "--json")
    assert code == 0, err
    return dict(json.loads(out))


def unit(data: dict[str, Any], code: str) -> dict[str, Any]:
    return dict(next(u for u in data["units"] if u["code"] == code))


def test_drop_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    officer, reviewer = str(tmp_path / "o.sqlite"), str(tmp_path / "r.sqlite")
    officer_ready(capsys, tmp_path, officer)
    first = exported(capsys, officer, "Q3")
    ok(capsys, "--db", reviewer, "init", "--agency", "SNV", "--officer", "Phòng CCHC")
    assert run(capsys, "--db", reviewer, "import", first["path"], "--ca", "ca/ca.pem")[0] == 0
    stored = tmp_path / "r.sqlite.bundles" / "918" / first["bundle_id"]
    assert stored.is_dir() and overview(capsys, reviewer)["received"] == 1
    drop = ("--db", reviewer, "review", "--period", "Q3", "drop")

    # an id nobody sent, and a bundle of another period: a clear error, nothing changes
    code, _, err = run(capsys, *drop, "00000000-0000")
    assert code == 1 and "Không có hồ sơ «00000000-0000»" in err
    code, _, err = run(
        capsys, "--db", reviewer, "review", "--period", "NAM", "drop", first["bundle_id"]
    )
    assert code == 1 and "kỳ NAM" in err and stored.is_dir()

    # dropped by the start of its id, as the review desk shows it
    code, out, err = run(capsys, *drop, first["bundle_id"][:8], "--reason", "Gửi nhầm kỳ")
    assert code == 0, err
    assert out.startswith(f"Đã loại bỏ hồ sơ {first['bundle_id']} của 918 (kỳ Q3)")
    aside = tmp_path / "r.sqlite.bundles" / ".dropped" / "918" / first["bundle_id"]
    assert not stored.exists() and (aside / "data" / "submission.json").is_file()  # kept
    con = sqlite3.connect(reviewer)
    row = con.execute(
        "SELECT dropped_at IS NOT NULL, dropped_by, drop_reason, stored_path FROM received_bundle"
    ).fetchone()
    audit = [r[0] for r in con.execute("SELECT action FROM audit_log ORDER BY id")]
    con.close()
    assert row == (1, "Phòng CCHC", "Gửi nhầm kỳ", str(aside))
    assert audit[-1] == "bundle.drop"

    # twice: a clear error
    code, _, err = run(capsys, *drop, first["bundle_id"])
    assert code == 1 and "đã được loại bỏ" in err

    # it no longer counts: the unit is missing again, nothing to review or appraise
    data = overview(capsys, reviewer)
    assert data["received"] == 0
    got = unit(data, "918")
    assert got["state"] == "missing" and got["bundles"] == 0 and got["review_state"] is None
    assert [(h["bundle_id"], h["dropped"], h["drop_reason"]) for h in got["history"]] == [
        (first["bundle_id"], True, "Gửi nhầm kỳ")
    ]
    code, _, err = run(
        capsys, "--db", reviewer, "review", "--period", "Q3", "state", "918", "--state", "da_duyet"
    )
    assert code == 1 and "Chưa nhận hồ sơ nào của 918" in err
    code, out, _ = run(
        capsys, "--db", reviewer, "review", "--period", "Q3", "--activity", "hd3.8", "--json"
    )
    assert code == 0 and {u["status"] for u in json.loads(out)["units"]} == {"missing"}

    # the same file again: refused as dropped, not "already here"
    code, out, err = run(capsys, "--db", reviewer, "import", first["path"])
    assert code == 1 and "rồi bị loại bỏ" in err and "Gửi nhầm kỳ" in err
    assert "trước đó; không thay đổi" not in out

    # the resubmission names the dropped bundle: it is still the chain's latest, so accepted
    second = exported(capsys, officer, "Q3")
    code, _, err = run(capsys, "--db", reviewer, "import", second["path"])
    assert code == 0, err
    data = overview(capsys, reviewer)
    got = unit(data, "918")
    assert data["received"] == 1 and got["bundles"] == 1 and got["review_state"] == "da_nhan"
    assert [(h["bundle_id"], h["dropped"]) for h in got["history"]] == [
        (first["bundle_id"], True),
        (second["bundle_id"], False),
    ]
    assert got["history"][0]["dropped_at"] is not None

    # by the agency's code: its latest bundle that counts
    code, out, _ = run(capsys, *drop, "918", "--json")
    assert code == 0 and json.loads(out)["bundle_id"] == second["bundle_id"]
    assert overview(capsys, reviewer)["received"] == 0
    assert (tmp_path / "r.sqlite.bundles" / ".dropped" / "918" / second["bundle_id"]).is_dir()


def test_a_dropped_bundle_kept_aside_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder already where the bundle would be kept aside (left by hand): the next name."""
    monkeypatch.chdir(tmp_path)
    officer, reviewer = str(tmp_path / "o.sqlite"), str(tmp_path / "r.sqlite")
    officer_ready(capsys, tmp_path, officer)
    sent = exported(capsys, officer, "Q3")
    ok(capsys, "--db", reviewer, "init", "--agency", "SNV", "--officer", "Phòng CCHC")
    ok(capsys, "--db", reviewer, "import", sent["path"], "--ca", "ca/ca.pem")
    aside = tmp_path / "r.sqlite.bundles" / ".dropped" / "918"
    (aside / sent["bundle_id"]).mkdir(parents=True)
    (aside / sent["bundle_id"] / "note.txt").write_text("giữ", encoding="utf-8")
    code, _, err = run(
        capsys, "--db", reviewer, "review", "--period", "Q3", "drop", sent["bundle_id"]
    )
    assert code == 0, err
    assert (aside / sent["bundle_id"] / "note.txt").read_text(encoding="utf-8") == "giữ"
    assert (aside / f"{sent['bundle_id']}-2" / "data" / "submission.json").is_file()


@pytest.mark.asyncio
async def test_drop_from_the_review_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """918 sent twice; on its screen the reviewer presses l, cancels once, then drops the
    resubmission with a reason: back on the overview the first bundle counts again, and the
    agency's history marks the second as dropped."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "usb").mkdir()
    o918 = str(tmp_path / "918.sqlite")
    officer_bundle(tmp_path, o918, "918", "Hương", out="usb")
    cli("--db", o918, "export", "--period", "Q3", "--out", "usb", "--passphrase-file", "p")
    reviewer = tmp_path / "r.sqlite"
    cli("--db", str(reviewer), "init", "--agency", "SNV", "--officer", "Thẩm định viên")
    cli("--db", str(reviewer), "import", "usb", "--ca", "ca/ca.pem")
    con = sqlite3.connect(reviewer)
    first, second = [r[0] for r in con.execute("SELECT bundle_id FROM received_bundle ORDER BY id")]
    con.close()

    app = ReviewApp(reviewer, today=date(2022, 9, 5))  # current period: Q3
    async with app.run_test(size=(100, 36)) as pilot:
        await wait_idle(app, pilot)
        overview = app.screen
        assert isinstance(overview, ReviewOverviewScreen)
        table = overview.query_one("#review-units", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index("918"))
        await pilot.press("enter")
        await wait_idle(app, pilot)
        agency = app.screen
        assert isinstance(agency, ReviewAgencyScreen) and agency.got.bundle_id == second
        assert agency.active_bindings["l"].binding.id == "agency.drop"
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, DropModal)
        assert "Loại bỏ hồ sơ" in str(app.screen.query_one(".title", Static).render())
        await pilot.press("escape")  # changed one's mind: nothing happens
        await wait_idle(app, pilot)
        assert app.screen is agency
        con = sqlite3.connect(reviewer)
        assert con.execute(
            "SELECT count(*) FROM received_bundle WHERE dropped_at IS NOT NULL"
        ).fetchone() == (0,)
        con.close()
        await pilot.press("l")
        await pilot.pause()
        assert app.screen.query_one("#drop-reason", VietInput).has_focus
        await type_text(pilot, "Nộp nhầm bản")
        await pilot.press("escape")  # a reason typed: Esc asks (issue 11), Ở lại keeps it
        await pilot.pause()
        assert isinstance(app.screen, ConfirmLeave)
        await pilot.press("escape")
        await wait_idle(app, pilot)
        assert app.screen.query_one("#drop-reason", VietInput).value == "Nộp nhầm bản"
        await pilot.press("ctrl+q")  # quitting never drops a bundle on the way out
        await pilot.pause()
        assert isinstance(app.screen, QuitQuestion)
        await pilot.press("enter")  # "Lưu hết": refused for a drop, the dialog stays
        await wait_idle(app, pilot)
        assert isinstance(app.screen, DropModal)
        await pilot.press("f2")
        await wait_idle(app, pilot)
        assert app.screen is overview
        assert any("Đã loại bỏ hồ sơ" in n.message for n in app._notifications)
        # the first bundle counts again (one submission), the second is marked in the history
        table.move_cursor(row=table.get_row_index("918"))
        await pilot.press("enter")
        await wait_idle(app, pilot)
        agency = app.screen
        assert isinstance(agency, ReviewAgencyScreen) and agency.got.bundle_id == first
        assert agency.got.count == 1
        history = str(agency.query_one("#agency-history", Static).render()).splitlines()
        assert history[0].startswith("  lần 1: ") and history[0].endswith("đã nhận ← đang xét")
        assert history[1].startswith("  lần 2: ") and history[1].endswith("· đã loại bỏ")
    con = sqlite3.connect(reviewer)
    row = con.execute(
        "SELECT bundle_id, dropped_by, drop_reason FROM received_bundle "
        "WHERE dropped_at IS NOT NULL"
    ).fetchall()
    con.close()
    assert row == [(second, "Thẩm định viên", "Nộp nhầm bản")]
    assert (tmp_path / "r.sqlite.bundles" / ".dropped" / "918" / second).is_dir()
