"""Several items at once (the items list's bulk update and carry-over): all or none, one audit
entry per item, and the desk refuses an item not assigned to the agency."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cchc_tui.core.agencies import Registry
from cchc_tui.core.errors import UserError
from cchc_tui.services.officer_desk import Context
from cchc_tui.store.service import Store
from tests.dbcache import profile_db

TODAY = date(2022, 7, 20)


def _desk(tmp_path: Path, plan_text: str) -> Context:
    db = profile_db(tmp_path / "d.sqlite", "918", "Quận Bình Thuỷ", "Hương", plan_text)
    return Context.on_store(Store(db), Registry.load(), today=TODAY)


def _audit(desk: Context) -> list[tuple[str, str]]:
    with sqlite3.connect(desk.store.path) as con:
        return con.execute(
            "SELECT action, entity_key FROM audit_log WHERE entity = 'progress' ORDER BY id"
        ).fetchall()


def test_a_bulk_update_is_all_or_none(tmp_path: Path, plan_text: str) -> None:
    desk = _desk(tmp_path, plan_text)
    ids = [r.item.id for r in desk.rows()][:3]
    desk.set_progress(ids[1], status="hoan_thanh")  # already done: refused with the rest
    with pytest.raises(UserError) as e:  # "không thực hiện được" needs a reason
        desk.set_progress_many(ids, status="khong_thuc_hien_duoc")
    assert "lý do" in e.value.message()
    assert [r.status for r in desk.rows()[:3]] == [None, "hoan_thanh", None]
    assert len(_audit(desk)) == 1
    changed = desk.set_progress_many(ids, status="hoan_thanh")
    assert sorted(changed) == [ids[0], ids[2]]  # the one already done is left as it was
    assert [r.status for r in desk.rows()[:3]] == ["hoan_thanh"] * 3
    assert [k.split("/")[1] for _a, k in _audit(desk)] == [ids[1], ids[0], ids[2]]
    desk.close()


def test_only_the_agency_s_own_items(tmp_path: Path, plan_text: str) -> None:
    desk = _desk(tmp_path, plan_text)
    mine = {r.item.id for r in desk.rows()}
    other = next(i for i in desk.plan.items_by_id if i not in mine)
    with pytest.raises(UserError):
        desk.set_progress_many([next(iter(mine)), other], status="chua_thuc_hien")
    with pytest.raises(UserError):
        desk.carry_over([other], "Q3")
    assert _audit(desk) == []
    desk.close()


@pytest.mark.parametrize(
    ("updated", "carried"),
    [("2022-06-10 16:59:00", True), ("2022-06-10 17:00:00", False)],  # 00:00 on 11/06, UTC+7
    ids=["on the deadline", "the day after"],
)
def test_untouched_means_not_updated_after_the_last_report_was_due(
    tmp_path: Path, plan_text: str, updated: str, carried: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    import time

    time.tzset()
    try:
        desk = _desk(tmp_path, plan_text)
        first = desk.rows()[0].item.id
        desk.set_progress(first, status="dang_thuc_hien", progress_pct=30)
        with sqlite3.connect(desk.store.path) as con:
            con.execute("UPDATE progress SET updated_at = ?", (updated,))
        now, last, rows = desk.carry_over_candidates()
        assert (now.code, last.code if last else None) == ("Q3", "6T")
        assert [r.item.id for r in rows] == ([first] if carried else [])
        if carried:
            assert desk.carry_over([first], now.code) == 1
            with sqlite3.connect(desk.store.path) as con:
                (changes,) = con.execute(
                    "SELECT changes FROM audit_log WHERE action = 'progress.carry_over'"
                ).fetchone()
            assert json.loads(changes) == {
                "period": [None, "Q3"],
                "status": ["dang_thuc_hien", "dang_thuc_hien"],
            }
            assert desk.carry_over_candidates()[2] == []  # now touched
        desk.close()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_no_carry_over_before_the_first_report(tmp_path: Path, plan_text: str) -> None:
    db = profile_db(tmp_path / "d.sqlite", "918", "Quận Bình Thuỷ", "Hương", plan_text)
    desk = Context.on_store(Store(db), Registry.load(), today=date(2022, 2, 1))
    now, last, rows = desk.carry_over_candidates()
    assert (now.code, last, rows) == ("Q1", None, [])
    desk.close()
