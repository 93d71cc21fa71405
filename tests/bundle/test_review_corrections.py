"""Correcting the review: an appraisal round chosen explicitly, a reason for every deduction
and every change, a round's entry withdrawn (the agency's own points stand again), the
agency's own points kept for a criterion or an area in one step, a comment withdrawn (kept,
struck out, never in a receipt), comments of an earlier bundle of the period still listed, and
the review state locked once approved unless reopened with a reason. Each with the sentence
the reviewer reads and the audit row it leaves."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc_tui.core.errors import UserError
from cchc_tui.core.resubmission import Change
from cchc_tui.services import appraising
from cchc_tui.services import review_desk as desk
from cchc_tui.services.importer import import_bundle, latest_received
from cchc_tui.services.receipts import receipt_content
from cchc_tui.store.models import ReceivedBundle
from cchc_tui.store.service import Store
from tests.bundle_corpus import WHEN, Kit, genuine_doc, make_bundle, make_kit

D = Decimal
PLAN, PERIOD = "kh-260-2022", "Q3"


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("corrections"), ("918",))


@pytest.fixture(scope="module")
def first(kit: Kit) -> Path:
    return make_bundle(kit, "918", kit.folder / "first")


@pytest.fixture
def bundle(reviewer: Store, kit: Kit, first: Path) -> ReceivedBundle:
    """918's bundle: 1.1.1 self-scored 0, 1.1.2 self-scored 1, nothing else scored."""
    import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV")
    row = latest_received(reviewer, "918", PLAN, PERIOD)
    assert row is not None
    return row


def message(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(UserError) as e:
        call(*args, **kwargs)
    return e.value.message()


def audit(store: Store, action: str) -> list[tuple[str, str, dict[str, Any]]]:
    con = sqlite3.connect(store.path)
    rows = con.execute(
        "SELECT actor, entity_key, changes FROM audit_log WHERE action = ? ORDER BY id", (action,)
    ).fetchall()
    con.close()
    return [(a, k, json.loads(c)) for a, k, c in rows]


def rounds(store: Store) -> dict[str, dict[int, Decimal]]:
    return desk.rounds_for(store, "918", PLAN, PERIOD)


# -- the round and the reasons -------------------------------------------------------------------
@pytest.mark.parametrize("given", [None, ""])
def test_the_round_is_chosen_never_guessed(
    reviewer: Store, bundle: ReceivedBundle, given: str | None
) -> None:
    assert message(
        appraising.appraise, reviewer, bundle, "1.1.1", "1", round_=given, actor="T"
    ) == ("Chọn vòng thẩm định: 1, hoặc 2 (sau giải trình).")
    assert message(appraising.appraise, reviewer, bundle, "1.1.1", "1", round_="3", actor="T") == (
        "Vòng thẩm định «3» không có; dùng 1 hoặc 2 (sau giải trình)."
    )
    assert rounds(reviewer) == {}


def test_a_deduction_needs_a_reason_and_the_receipt_carries_it(
    reviewer: Store, bundle: ReceivedBundle
) -> None:
    # 1.1.2: the agency scored 1; 0 is a deduction
    assert message(appraising.appraise, reviewer, bundle, "1.1.2", "0", round_=1, actor="T") == (
        "1.1.2: đơn vị tự chấm 1, thẩm định 0 là trừ điểm; cần ghi lý do (gửi kèm phiếu thẩm định)."
    )
    assert rounds(reviewer) == {}
    # the same points, or more, need none; a reason of blanks is no reason
    appraising.appraise(reviewer, bundle, "1.1.2", "1", round_=1, actor="T")
    appraising.appraise(reviewer, bundle, "1.1.1", "0,5", round_=1, actor="T", reason="  ")
    appraising.appraise(
        reviewer, bundle, "1.1.2", "0", round_=2, actor="T", reason="Kế hoạch ban hành trễ"
    )
    assert rounds(reviewer) == {"1.1.1": {1: D("0.5")}, "1.1.2": {1: D("1"), 2: D("0")}}
    got = receipt_content(reviewer, bundle)
    assert got["appraisal_reasons"] == {"1.1.2": {"2": "Kế hoạch ban hành trễ"}}
    entry = appraising.entry(reviewer, bundle, "1.1.2")
    assert (entry.self_points, entry.rounds, entry.reasons) == (
        D("1"),
        {1: D("1"), 2: D("0")},
        {1: "", 2: "Kế hoạch ban hành trễ"},
    )


def test_a_change_needs_a_reason_and_keeps_the_earlier_value_in_the_audit(
    reviewer: Store, bundle: ReceivedBundle
) -> None:
    appraising.appraise(reviewer, bundle, "1.1.1", "1", round_=1, actor="T")
    appraising.appraise(reviewer, bundle, "1.1.1", "1", round_=1, actor="T")  # same: no change
    assert message(appraising.appraise, reviewer, bundle, "1.1.1", "0,5", round_=1, actor="T") == (
        "1.1.1 vòng 1 đã có điểm 1; đổi thành 0,5 cần ghi lý do."
    )
    appraising.appraise(reviewer, bundle, "1.1.1", "0,5", round_=1, actor="T2", reason="Nhầm")
    assert rounds(reviewer) == {"1.1.1": {1: D("0.5")}}
    key = f"{bundle.bundle_id}/1.1.1/1"
    assert audit(reviewer, "review.appraise")[-1] == (
        "T2",
        key,
        {"points": ["1", "0.5"], "reason": [None, "Nhầm"]},
    )


# -- withdrawing --------------------------------------------------------------------------------
def test_withdrawing_a_round_lets_the_agency_s_points_stand_again(
    reviewer: Store, bundle: ReceivedBundle
) -> None:
    appraising.appraise(reviewer, bundle, "1.1.2", "0", round_=1, actor="T", reason="Thiếu")
    appraising.appraise(reviewer, bundle, "1.1.2", "1", round_=2, actor="T")
    assert (
        message(appraising.withdraw, reviewer, bundle, "1.1.2", round_=1, reason=" ", actor="T")
        == "Rút điểm thẩm định 1.1.2 vòng 1 cần ghi lý do."
    )
    assert (
        message(appraising.withdraw, reviewer, bundle, "1.1.1", round_=1, reason="x", actor="T")
        == "1.1.1 chưa có điểm thẩm định vòng 1 để rút."
    )
    was = appraising.withdraw(reviewer, bundle, "1.1.2", round_=2, reason="Nhập nhầm", actor="T")
    assert was == D("1") and rounds(reviewer) == {"1.1.2": {1: D("0")}}
    appraising.withdraw(reviewer, bundle, "1.1.2", round_=1, reason="Đã giải trình", actor="T")
    assert rounds(reviewer) == {}
    assert audit(reviewer, "review.appraise_withdraw") == [
        (
            "T",
            f"{bundle.bundle_id}/1.1.2/2",
            {"points": ["1", None], "reason": ["", "Nhập nhầm"]},
        ),
        (
            "T",
            f"{bundle.bundle_id}/1.1.2/1",
            {"points": ["0", None], "reason": ["Thiếu", "Đã giải trình"]},
        ),
    ]
    # nothing appraised any more: the standing is the agency's own again
    got = {r.bundle_id: r for r in [bundle]}
    assert got and receipt_content(reviewer, bundle)["appraisal"] == {}


def test_a_withdrawal_reaches_an_earlier_bundle_s_entry_too(
    reviewer: Store, bundle: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    appraising.appraise(reviewer, bundle, "1.1.1", "1", round_=1, actor="T")
    later = make_bundle(
        kit, "918", tmp_path / "later", when=WHEN.replace(hour=10),
        supersedes=(bundle.bundle_id, bundle.sha256),
    )  # fmt: skip
    import_bundle(reviewer, later, kit.ca_pem, None, actor="T")
    second = latest_received(reviewer, "918", PLAN, PERIOD)
    assert second is not None and second.bundle_id != bundle.bundle_id
    appraising.appraise(reviewer, second, "1.1.1", "0,5", round_=1, actor="T", reason="Sửa")
    appraising.withdraw(reviewer, second, "1.1.1", round_=1, reason="Bỏ", actor="T")
    assert rounds(reviewer) == {}  # the first bundle's entry does not surface again


# -- accepting the agency's own points ----------------------------------------------------------
def test_accept_the_agency_s_points_for_a_criterion_in_one_step(
    reviewer: Store, bundle: ReceivedBundle
) -> None:
    appraising.appraise(reviewer, bundle, "1.1.2", "0", round_=1, actor="T", reason="Thiếu")
    codes = appraising.accept_self(reviewer, bundle, "1.1", round_=1, actor="T")
    assert codes == ["1.1.1"]  # 1.1.2 was appraised in round 1: kept; 1.1.3 not self-scored
    assert rounds(reviewer) == {"1.1.1": {1: D("0")}, "1.1.2": {1: D("0")}}
    assert appraising.accept_self(reviewer, bundle, "1", round_=2, actor="T") == ["1.1.1", "1.1.2"]
    assert rounds(reviewer)["1.1.2"] == {1: D("0"), 2: D("1")}
    assert message(appraising.accept_self, reviewer, bundle, "1", round_=2, actor="T") == (
        "«1»: không còn tiêu chí nào đơn vị tự chấm mà vòng 2 chưa thẩm định."
    )
    assert message(appraising.accept_self, reviewer, bundle, "42", round_=1, actor="T") == (
        "Bộ tiêu chí mau-huyen-2022 không có lĩnh vực, tiêu chí hay tiêu chí thành phần «42»."
    )
    assert message(appraising.accept_self, reviewer, bundle, "1", round_=None, actor="T") == (
        "Chọn vòng thẩm định: 1, hoặc 2 (sau giải trình)."
    )
    accepted = [k for _a, k, _c in audit(reviewer, "review.appraise")]
    assert accepted[-3:] == [
        f"{bundle.bundle_id}/1.1.1/1",
        f"{bundle.bundle_id}/1.1.1/2",
        f"{bundle.bundle_id}/1.1.2/2",
    ]


# -- comments -----------------------------------------------------------------------------------
def test_a_withdrawn_comment_stays_listed_and_leaves_the_receipt(
    reviewer: Store, bundle: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    desk.add_comment(reviewer, bundle, "Hoạt động 3.8", "Thiếu quyết định", actor="T")
    desk.add_comment(reviewer, bundle, "Chung", "Nộp trễ", actor="T")
    later = make_bundle(
        kit, "918", tmp_path / "later", when=WHEN.replace(hour=11),
        supersedes=(bundle.bundle_id, bundle.sha256),
    )  # fmt: skip
    import_bundle(reviewer, later, kit.ca_pem, None, actor="T")
    second = latest_received(reviewer, "918", PLAN, PERIOD)
    assert second is not None
    desk.add_comment(reviewer, second, "tiêu chí 1.1.2", "Đạt sau giải trình", actor="T")
    listed = desk.period_comments(reviewer, "918", PLAN, PERIOD)
    assert [(c.row.target, c.bundle_id == bundle.bundle_id) for c in listed] == [
        ("item:hd3.8", True),  # the round-1 comments remain in view after the resubmission
        ("general", True),
        ("criterion:1.1.2", False),
    ]
    first_id = listed[0].row.id
    assert first_id is not None
    assert message(desk.withdraw_comment, reviewer, second, first_id, "", actor="T") == (
        "Rút nhận xét cần ghi lý do."
    )
    desk.withdraw_comment(reviewer, second, first_id, "Đã có trong hồ sơ", actor="T2")
    assert message(desk.withdraw_comment, reviewer, second, first_id, "x", actor="T") == (
        f"Nhận xét số {first_id} đã được rút."
    )
    assert message(desk.withdraw_comment, reviewer, second, 999, "x", actor="T") == (
        "Không có nhận xét số 999 trên hồ sơ này."
    )
    listed = desk.period_comments(reviewer, "918", PLAN, PERIOD)
    gone = listed[0].withdrawn
    assert gone is not None and (gone.reason, gone.by) == ("Đã có trong hồ sơ", "T2")
    assert listed[0].row.text == "Thiếu quyết định"  # kept as written
    sent = receipt_content(reviewer, second)["comments"]
    assert [c["text"] for c in sent] == ["Nộp trễ", "Đạt sau giải trình"]
    assert audit(reviewer, "review.comment_withdraw") == [
        (
            "T2",
            f"{bundle.bundle_id}/{first_id}",
            {"text": ["Thiếu quyết định", None], "reason": [None, "Đã có trong hồ sơ"]},
        )
    ]


# -- the review state ---------------------------------------------------------------------------
def test_an_approved_bundle_is_reopened_only_with_a_reason(
    reviewer: Store, bundle: ReceivedBundle
) -> None:
    assert message(desk.set_state, reviewer, bundle, "da_nhan", actor="T") == (
        "Hồ sơ đang ở trạng thái «đã nhận»."
    )
    assert desk.set_state(reviewer, bundle, "da_duyet", actor="T") == "da_nhan"
    assert message(desk.set_state, reviewer, bundle, "can_bo_sung", actor="T") == (
        "Hồ sơ đã duyệt; mở lại (đổi trạng thái) cần ghi lý do."
    )
    assert desk.latest_states(reviewer, [bundle.bundle_id])[bundle.bundle_id] == "da_duyet"
    desk.set_state(reviewer, bundle, "can_bo_sung", actor="T2", reason="Thiếu TLKC 2.1")
    assert desk.latest_states(reviewer, [bundle.bundle_id])[bundle.bundle_id] == "can_bo_sung"
    assert audit(reviewer, "review.state")[-1] == (
        "T2",
        bundle.bundle_id,
        {"state": [None, "can_bo_sung"], "reason": [None, "Thiếu TLKC 2.1"]},
    )
    con = sqlite3.connect(reviewer.path)
    kept = con.execute("SELECT state, reason FROM review_state ORDER BY id").fetchall()
    con.close()
    assert kept == [("da_duyet", ""), ("can_bo_sung", "Thiếu TLKC 2.1")]


# -- the rules' edges (each found by a mutant that no test saw) ---------------------------------
@pytest.fixture
def two_units(reviewer: Store, bundle: ReceivedBundle, kit: Kit, tmp_path: Path) -> ReceivedBundle:
    """916's bundle beside 918's (the kit signs for both)."""
    other = make_kit(tmp_path / "kit916", ("916",)) if "916" not in kit.officers else kit
    import_bundle(
        reviewer, make_bundle(other, "916", tmp_path / "916"), other.ca_pem, None, actor="T"
    )
    row = latest_received(reviewer, "916", PLAN, PERIOD)
    assert row is not None
    return row


def test_the_round_typed_as_text(reviewer: Store, bundle: ReceivedBundle) -> None:
    for typed in ("x", "0", "12", " 3"):
        assert (
            message(appraising.appraise, reviewer, bundle, "1.1.1", "1", round_=typed, actor="T")
            == f"Vòng thẩm định «{typed}» không có; dùng 1 hoặc 2 (sau giải trình)."
        )
    assert appraising.appraise(reviewer, bundle, "1.1.1", "1", round_=" 2 ", actor="T") == D("1")
    assert rounds(reviewer) == {"1.1.1": {2: D("1")}}


def test_kept_points_carry_no_reason(reviewer: Store, bundle: ReceivedBundle) -> None:
    appraising.accept_self(reviewer, bundle, "1.1.2", round_=1, actor="T")
    assert appraising.entry(reviewer, bundle, "1.1.2").reasons == {1: ""}
    assert "appraisal_reasons" not in receipt_content(reviewer, bundle)


def test_each_unit_keeps_its_own_entries_comments_and_first_bundle(
    reviewer: Store, bundle: ReceivedBundle, two_units: ReceivedBundle
) -> None:
    other = two_units
    appraising.appraise(reviewer, bundle, "1.1.1", "1", round_=1, actor="T", reason="918")
    appraising.appraise(reviewer, other, "1.1.1", "1", round_=1, actor="T", reason="916")
    appraising.appraise(reviewer, other, "1.1.2", "1", round_=1, actor="T")
    desk.add_comment(reviewer, other, "Chung", "của 916", actor="T")
    # withdrawing 918's entry leaves 916's, and 918's other codes
    appraising.appraise(reviewer, bundle, "1.1.2", "1", round_=1, actor="T")
    appraising.withdraw(reviewer, bundle, "1.1.1", round_=1, reason="Bỏ", actor="T")
    assert rounds(reviewer) == {"1.1.2": {1: D("1")}}
    assert desk.rounds_for(reviewer, "916", PLAN, PERIOD) == {
        "1.1.1": {1: D("1")},
        "1.1.2": {1: D("1")},
    }
    assert desk.reasons_for(reviewer, "916", PLAN, PERIOD) == {
        "1.1.1": {1: "916"},
        "1.1.2": {1: ""},
    }
    assert desk.reasons_for(reviewer, "918", PLAN, PERIOD) == {"1.1.2": {1: ""}}
    assert desk.period_comments(reviewer, "918", PLAN, PERIOD) == []
    (mine,) = desk.period_comments(reviewer, "916", PLAN, PERIOD)
    assert mine.row.text == "của 916" and mine.withdrawn is None
    assert mine.row.id is not None
    # a comment of another unit cannot be withdrawn through this one
    assert message(desk.withdraw_comment, reviewer, bundle, mine.row.id, "x", actor="T") == (
        f"Không có nhận xét số {mine.row.id} trên hồ sơ này."
    )
    assert desk.first_bundle(reviewer, "916", PLAN, PERIOD).bundle_id == other.bundle_id
    assert desk.first_bundle(reviewer, "918", PLAN, PERIOD).bundle_id == bundle.bundle_id
    assert message(desk.first_bundle, reviewer, "917", PLAN, PERIOD) == (
        "Chưa nhận hồ sơ nào của 917 cho kỳ Q3."
    )


def test_a_withdrawal_names_the_comment_on_an_earlier_bundle(
    reviewer: Store, bundle: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    desk.add_comment(reviewer, bundle, "Chung", "một", actor="T")
    desk.add_comment(reviewer, bundle, "Chung", "hai", actor="T")
    later = make_bundle(
        kit, "918", tmp_path / "later", when=WHEN.replace(hour=9),
        supersedes=(bundle.bundle_id, bundle.sha256),
    )  # fmt: skip
    import_bundle(reviewer, later, kit.ca_pem, None, actor="T")
    second = latest_received(reviewer, "918", PLAN, PERIOD)
    assert second is not None
    first_id, second_id = (c.row.id for c in desk.period_comments(reviewer, "918", PLAN, PERIOD))
    assert first_id is not None and second_id is not None
    desk.withdraw_comment(reviewer, second, second_id, "Trùng", actor="T")
    listed = desk.period_comments(reviewer, "918", PLAN, PERIOD)
    assert [(c.row.text, c.withdrawn is not None) for c in listed] == [
        ("một", False),
        ("hai", True),
    ]
    key = audit(reviewer, "review.comment_withdraw")[0][1]
    assert key == f"{bundle.bundle_id}/{second_id}"  # the bundle the comment is on
    # and one on the latest bundle, with the earlier bundle's comments beside it
    desk.add_comment(reviewer, second, "Chung", "ba", actor="T")
    third = desk.period_comments(reviewer, "918", PLAN, PERIOD)[-1].row.id
    assert third is not None
    desk.withdraw_comment(reviewer, second, third, "Sai", actor="T")
    assert audit(reviewer, "review.comment_withdraw")[-1][1] == f"{second.bundle_id}/{third}"


def test_a_dropped_bundle_takes_its_comments_and_first_place_with_it(
    reviewer: Store, bundle: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    desk.add_comment(reviewer, bundle, "Chung", "trên hồ sơ bỏ", actor="T")
    appraising.appraise(reviewer, bundle, "1.1.1", "1", round_=1, actor="T")
    later = make_bundle(
        kit, "918", tmp_path / "later", when=WHEN.replace(hour=12),
        supersedes=(bundle.bundle_id, bundle.sha256),
    )  # fmt: skip
    import_bundle(reviewer, later, kit.ca_pem, None, actor="T")
    second = latest_received(reviewer, "918", PLAN, PERIOD)
    assert second is not None
    desk.drop_bundle(reviewer, bundle, "nhầm kỳ", actor="T")
    assert desk.period_comments(reviewer, "918", PLAN, PERIOD) == []
    assert desk.first_bundle(reviewer, "918", PLAN, PERIOD).bundle_id == second.bundle_id
    appraising.appraise(reviewer, second, "1.1.1", "0,5", round_=1, actor="T")
    appraising.withdraw(reviewer, second, "1.1.1", round_=1, reason="Bỏ", actor="T")
    # the dropped bundle's entry is void, and stays as it was
    con = sqlite3.connect(reviewer.path)
    left = con.execute("SELECT bundle_id, points FROM appraisal ORDER BY id").fetchall()
    con.close()
    assert left == [(bundle.bundle_id, "1")]


def test_every_review_write_is_audited_on_the_bundle(
    reviewer: Store, bundle: ReceivedBundle
) -> None:
    desk.set_state(reviewer, bundle, "can_bo_sung", actor="T")
    desk.add_comment(reviewer, bundle, "Chung", "x", actor="T")
    (c,) = desk.period_comments(reviewer, "918", PLAN, PERIOD)
    assert c.row.id is not None
    desk.withdraw_comment(reviewer, bundle, c.row.id, "y", actor="T")
    appraising.appraise(reviewer, bundle, "1.1.1", "1", round_=1, actor="T")
    appraising.withdraw(reviewer, bundle, "1.1.1", round_=1, reason="z", actor="T")
    desk.set_arrival(reviewer, bundle, "09/09/2022", "USB", actor="T")
    con = sqlite3.connect(reviewer.path)
    rows = con.execute(
        "SELECT action, entity, changes FROM audit_log WHERE action LIKE 'review.%' ORDER BY id"
    ).fetchall()
    con.close()
    assert {(a, e) for a, e, _c in rows} == {
        ("review.state", "bundle"),
        ("review.comment", "bundle"),
        ("review.comment_withdraw", "bundle"),
        ("review.appraise", "bundle"),
        ("review.appraise_withdraw", "bundle"),
        ("review.arrival", "bundle"),
    }
    state = json.loads(rows[0][2])
    assert state == {"state": [None, "can_bo_sung"]}  # no reason given: none recorded
    con = sqlite3.connect(reviewer.path)
    assert con.execute("SELECT reason FROM review_state").fetchall() == [("",)]
    con.close()
    arrival = json.loads(rows[-1][2])
    assert arrival == {"arrived_on": [None, "2022-09-09"], "note": ["", "USB"]}
    desk.set_arrival(reviewer, bundle, "10/09/2022", actor="T")  # the note left out: none
    again = audit(reviewer, "review.arrival")[-1][2]
    assert again == {"arrived_on": ["2022-09-09", "2022-09-10"], "note": ["USB", ""]}


def test_an_arrival_given_as_a_day(reviewer: Store, bundle: ReceivedBundle) -> None:
    from datetime import date

    today = date(2022, 9, 12)
    assert (
        message(desk.set_arrival, reviewer, bundle, date(2022, 9, 13), actor="T", today=today)
        == "Ngày 13/09/2022 ở tương lai (hôm nay là 12/09/2022)."
    )
    row = desk.set_arrival(reviewer, bundle, today, actor="T", today=today)
    assert row.arrived_on == today and row.arrival_note == ""


def test_a_comment_s_target_is_read_against_the_bundle_s_own_plan(
    reviewer: Store, bundle: ReceivedBundle, plan_text: str
) -> None:
    """With next year's plan in the database too (its items renumbered), "Hoạt động 3.8" is
    still 918's 2022 activity hd3.8."""
    later = plan_text.replace('id = "kh-260-2022"', 'id = "kh-1-2023"').replace(
        "year = 2022", "year = 2023"
    )
    later = later.replace('id = "hd3.8"', 'id = "hd3.8-2023"')
    reviewer.import_plan(later)
    assert reviewer.load_plan().id == "kh-1-2023"
    assert desk.add_comment(reviewer, bundle, "Hoạt động 3.8", "x", actor="T") == "item:hd3.8"


# -- the desk's period and what changed ---------------------------------------------------------
def test_the_desk_opens_on_the_latest_period_with_a_bundle(
    reviewer: Store, bundle: ReceivedBundle, kit: Kit, tmp_path: Path, plan_text: str
) -> None:
    from datetime import date

    plan = reviewer.load_plan(PLAN)
    late_in_year = date(2022, 12, 20)  # the year's report is the period of that day
    assert desk.opening_period(reviewer, plan, late_in_year) == "Q3"
    # a Q1 bundle too: Q3 is still the latest; another plan's bundles are not this plan's
    q1 = make_bundle(kit, "918", tmp_path / "q1", doc=genuine_doc("918", period="Q1"))
    import_bundle(reviewer, q1, kit.ca_pem, None, actor="T")
    assert desk.opening_period(reviewer, plan, late_in_year) == "Q3"
    desk.drop_bundle(reviewer, bundle, "nhầm", actor="T")  # a dropped bundle does not count
    assert desk.opening_period(reviewer, plan, late_in_year) == "Q1"
    other = plan_text.replace('id = "kh-260-2022"', 'id = "kh-1-2023"')
    other = other.replace("year = 2022", "year = 2023")
    later = reviewer.import_plan(other)
    assert desk.opening_period(reviewer, later, date(2022, 2, 1)) == "Q1"  # none: today's
    assert desk.opening_period(reviewer, later, late_in_year) == "NAM"  # (its dates: 2022)


def test_what_changed_since_the_previous_bundle(
    reviewer: Store, bundle: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    alone = desk.since_previous(reviewer, "918", PLAN, PERIOD)
    assert (alone.latest.bundle_id, alone.previous, alone.changes) == (bundle.bundle_id, None, [])
    assert message(desk.since_previous, reviewer, "917", PLAN, PERIOD) == (
        "Chưa nhận hồ sơ nào của 917 cho kỳ Q3."
    )
    pdf = tmp_path / "qd.pdf"
    pdf.write_bytes(b"%PDF-1.4 quyet dinh\n")
    later = make_bundle(
        kit, "918", tmp_path / "later", when=WHEN.replace(hour=13), evidence_file=pdf,
        supersedes=(bundle.bundle_id, bundle.sha256),
    )  # fmt: skip
    import_bundle(reviewer, later, kit.ca_pem, None, actor="T")
    second = latest_received(reviewer, "918", PLAN, PERIOD)
    assert second is not None
    got = desk.since_previous(reviewer, "918", PLAN, PERIOD)
    assert (got.latest.bundle_id, got.previous and got.previous.bundle_id) == (
        second.bundle_id,
        bundle.bundle_id,
    )
    assert got.changes == [
        Change("score", "1.1.2", "documents", "", "15/QĐ-UBND"),
        Change("document", "15/QĐ-UBND", "added", "", "qd.pdf"),
    ]
    # a stored copy changed on this disk: said, not compared
    (Path(bundle.stored_path) / "data" / "submission.json").write_text("{}", encoding="utf-8")
    msg = message(desk.since_previous, reviewer, "918", PLAN, PERIOD)
    assert msg.startswith("Hồ sơ của 918 bị hỏng (") and msg.endswith("); chưa thẩm định được.")
    # the earlier one dropped: nothing before the latest any more
    desk.drop_bundle(reviewer, bundle, "hỏng", actor="T")
    got = desk.since_previous(reviewer, "918", PLAN, PERIOD)
    assert (got.latest.bundle_id, got.previous, got.changes) == (second.bundle_id, None, [])
    (Path(second.stored_path) / "data" / "submission.json").write_text("{}", encoding="utf-8")
    desk.drop_bundle(reviewer, second, "hỏng", actor="T")
    assert message(desk.since_previous, reviewer, "918", PLAN, PERIOD) == (
        "Chưa nhận hồ sơ nào của 918 cho kỳ Q3."
    )


def test_a_broken_latest_bundle_is_said_too(
    reviewer: Store, bundle: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    later = make_bundle(
        kit, "918", tmp_path / "later", when=WHEN.replace(hour=14),
        supersedes=(bundle.bundle_id, bundle.sha256),
    )  # fmt: skip
    import_bundle(reviewer, later, kit.ca_pem, None, actor="T")
    second = latest_received(reviewer, "918", PLAN, PERIOD)
    assert second is not None
    (Path(second.stored_path) / "data" / "submission.json").unlink()
    msg = message(desk.since_previous, reviewer, "918", PLAN, PERIOD)
    assert msg.startswith("Hồ sơ của 918 bị hỏng (")


# -- survey points ------------------------------------------------------------------------------
def test_survey_points_listed_and_entered(
    reviewer: Store, bundle: ReceivedBundle, two_units: ReceivedBundle
) -> None:
    units = ["917", "918", "916"]  # 917 sent nothing: not listed; the order kept
    rows = appraising.survey_rows(reviewer, PLAN, PERIOD, units)
    assert [(r.agency, r.code, r.max, r.points) for r in rows] == [
        ("918", "8.1.1", D("15.5"), None),
        ("916", "8.1.1", D("15.5"), None),
    ]
    assert appraising.set_survey(reviewer, bundle, "8.1.1", "12,75", actor="T") == D("12.75")
    assert message(appraising.set_survey, reviewer, bundle, "1.1.1", "1", actor="T") == (
        "1.1.1 không phải tiêu chí điều tra xã hội học."
    )
    over = message(appraising.set_survey, reviewer, bundle, "8.1.1", "16", actor="T")
    assert over == "Điểm 16 của «8.1.1» phải trong [0, 15,5] và là bội của 0,01."
    assert message(appraising.set_survey, reviewer, bundle, "8.1.1", "10", actor="T") == (
        "8.1.1 vòng 1 đã có điểm 12,75; đổi thành 10 cần ghi lý do."
    )
    appraising.set_survey(reviewer, two_units, "8.1.1", "9", actor="T")
    appraising.set_survey(reviewer, bundle, "8.1.1", "10", actor="T", reason="Phiếu bổ sung")
    rows = appraising.survey_rows(reviewer, PLAN, PERIOD, units)
    assert [(r.agency, r.points) for r in rows] == [("918", D("10")), ("916", D("9"))]
    assert rounds(reviewer)["8.1.1"] == {1: D("10")}
    # a bundle that cannot be read, or one dropped, has nothing to enter against
    (Path(two_units.stored_path) / "data" / "submission.json").unlink()
    rows = appraising.survey_rows(reviewer, PLAN, PERIOD, ["916", "918"])
    assert [r.agency for r in rows] == ["918"]  # 916 left out, the next one still listed
    desk.drop_bundle(reviewer, bundle, "nhầm", actor="T")
    assert appraising.survey_rows(reviewer, PLAN, PERIOD, units) == []
