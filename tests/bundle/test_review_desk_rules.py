"""Review desk rules read directly, each with the sentence the reviewer sees and the audit row it
leaves: a bundle's self-assessment checked against the reviewer's copy of its set; which set
that is; states, comments and appraisal points; finding and dropping a bundle; rounds over a
resubmission; the evidence files hashed again."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc_tui.core.errors import UserError
from cchc_tui.services import appraising
from cchc_tui.services import review_desk as desk
from cchc_tui.services.importer import import_bundle, latest_received
from cchc_tui.services.self_assessment import import_criteria
from cchc_tui.store.models import ReceivedBundle
from cchc_tui.store.service import Store
from tests.bundle_corpus import WHEN, Kit, genuine_doc, make_bundle, make_kit, make_submission

D = Decimal
SET = "mau-huyen-2022"


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return make_kit(tmp_path_factory.mktemp("desk-rules"), ("918", "916"))


@pytest.fixture(scope="module")
def pdf(kit: Kit) -> Path:
    p = kit.folder / "qd.pdf"
    p.write_bytes(b"%PDF-1.4 quyet dinh\n" * 40)
    return p


@pytest.fixture(scope="module")
def first(kit: Kit, pdf: Path) -> Path:
    return make_bundle(kit, "918", kit.folder / "first", evidence_file=pdf)


@pytest.fixture
def bundle(reviewer: Store, kit: Kit, first: Path) -> ReceivedBundle:
    import_bundle(reviewer, first, kit.ca_pem, None, actor="TĐV")
    row = latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert row is not None
    return row


def message(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(UserError) as e:
        call(*args, **kwargs)
    return e.value.message()


def audit(store: Store, action: str) -> list[tuple[str, str, str, str, dict[str, Any]]]:
    con = sqlite3.connect(store.path)
    rows = con.execute(
        "SELECT actor, agency_code, entity, entity_key, changes FROM audit_log WHERE action = ?"
        " ORDER BY id",
        (action,),
    ).fetchall()
    con.close()
    return [(a, b, c, d, json.loads(e)) for a, b, c, d, e in rows]


# -- the self-assessment a bundle states --------------------------------------------------------
def scored(*subs: dict[str, Any], total: str, percent: str, grade: str, set_id: str = SET) -> Any:
    return make_submission(
        "918",
        scores=[
            {"set": set_id, "total": total, "percent": percent, "grade": grade, "subs": list(subs)}
        ],
    )


def test_a_consistent_self_assessment_passes(reviewer: Store) -> None:
    sub = scored(
        {"code": "1.1.1", "self": "1"},
        {"code": "1.1.2", "self": "1"},
        {"code": "8.1.1", "self": None},
        total="2",
        percent="2.4",
        grade="Kém",
    )
    desk.check_self_assessment(reviewer, sub)


def test_an_unknown_set(reviewer: Store) -> None:
    sub = scored(total="0", percent="0", grade="Kém", set_id="mau-khong-co")
    assert message(desk.check_self_assessment, reviewer, sub) == (
        "Hồ sơ tự chấm theo bộ tiêu chí «mau-khong-co», máy thẩm định chưa có bộ này: nhập bộ "
        "tiêu chí (cchc criteria import) rồi nhập lại hồ sơ."
    )


def test_an_unknown_sub_criterion(reviewer: Store) -> None:
    sub = scored({"code": "9.9.9", "self": "1"}, total="1", percent="1.2", grade="Kém")
    assert message(desk.check_self_assessment, reviewer, sub) == (
        f"Hồ sơ chấm tiêu chí «9.9.9», bộ tiêu chí «{SET}» không có tiêu chí này."
    )


def test_survey_points_are_not_self_scored(reviewer: Store) -> None:
    sub = scored({"code": "8.1.1", "self": "1"}, total="1", percent="1.2", grade="Kém")
    assert message(desk.check_self_assessment, reviewer, sub) == (
        "«8.1.1» do Sở Nội vụ chấm qua điều tra xã hội học, không tự chấm."
    )


def test_points_the_rule_cannot_give(reviewer: Store) -> None:
    sub = scored({"code": "1.1.1", "self": "0.7"}, total="0.7", percent="0.8", grade="Kém")
    assert message(desk.check_self_assessment, reviewer, sub) == (
        "Điểm tự chấm tiêu chí 1.1.1 không hợp lệ: Cách chấm của «1.1.1» chỉ cho các mức: "
        "0, 0,5, 1 (đã nhập 0,7)."
    )


@pytest.mark.parametrize(
    ("total", "percent", "grade"),
    [("2", "1.2", "Kém"), ("1", "1.3", "Kém"), ("1", "1.2", "Khá")],
)
def test_a_stated_total_the_points_do_not_give(
    reviewer: Store, total: str, percent: str, grade: str
) -> None:
    sub = scored({"code": "1.1.2", "self": "1"}, total=total, percent=percent, grade=grade)
    assert message(desk.check_self_assessment, reviewer, sub) == (
        f"Tổng tự chấm hồ sơ ghi ({total} = {percent}% ({grade})) không đúng với điểm các tiêu "
        f"chí theo bộ «{SET}» (1 = 1,2% (Kém))."
    )


# -- which set ---------------------------------------------------------------------------------
def shipped_text() -> str:
    return (Path(__file__).parents[2] / "data" / "criteria" / f"{SET}.toml").read_text("utf-8")


def test_criteria_for_a_set_held_here_before_the_shipped_one(reviewer: Store) -> None:
    text = shipped_text().replace(f'id = "{SET}"', 'id = "ct-huyen-2022"', 1)
    text = text.replace('title = "Ban hành kế hoạch CCHC năm đúng thời hạn"', 'title = "Riêng"')
    import_criteria(reviewer, text, "ct.toml")
    held = desk.criteria_for(reviewer, "ct-huyen-2022")
    assert held is not None and held.id == "ct-huyen-2022"
    assert next(s for s in held.subs if s.code == "1.1.1").title == "Riêng"
    shipped = desk.criteria_for(reviewer, SET)
    assert shipped is not None and shipped.id == SET
    assert next(s for s in shipped.subs if s.code == "1.1.1").title != "Riêng"


@pytest.mark.parametrize("set_id", ["mau-khong-co", "../criteria/mau-huyen-2022", "mau huyen"])
def test_criteria_for_an_unknown_or_odd_id_is_none(reviewer: Store, set_id: str) -> None:
    assert desk.criteria_for(reviewer, set_id) is None


def test_criteria_of_a_bundle(reviewer: Store, bundle: ReceivedBundle) -> None:
    set_id, cset, submission = desk.criteria_of_bundle(reviewer, bundle)
    assert set_id == cset.id == SET and submission.agency.code == "918"


def test_criteria_of_a_bundle_without_scores(reviewer: Store, kit: Kit, tmp_path: Path) -> None:
    doc = genuine_doc("918")
    doc["scores"] = []
    b = make_bundle(kit, "918", tmp_path / "b", doc=doc)
    import_bundle(reviewer, b, kit.ca_pem, None, actor="TĐV")
    row = latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert message(desk.criteria_of_bundle, reviewer, row) == (
        "Hồ sơ này không có bảng tự chấm điểm để thẩm định."
    )


def test_criteria_of_a_broken_bundle(reviewer: Store, bundle: ReceivedBundle) -> None:
    (Path(bundle.stored_path) / "data" / "submission.json").unlink()
    msg = message(desk.criteria_of_bundle, reviewer, bundle)
    assert msg.startswith("Hồ sơ của 918 bị hỏng (") and msg.endswith("); chưa thẩm định được.")


# -- states and comments ------------------------------------------------------------------------
def test_states(reviewer: Store, bundle: ReceivedBundle) -> None:
    assert message(desk.set_state, reviewer, bundle, "xong", actor="TĐV") == (
        "Trạng thái «xong» không có; dùng: da_nhan, can_bo_sung, da_duyet, khong_duyet."
    )
    assert desk.latest_states(reviewer, [bundle.bundle_id, "khac"]) == {
        bundle.bundle_id: "da_nhan",
        "khac": "da_nhan",
    }
    desk.set_state(reviewer, bundle, "can_bo_sung", actor="TĐV")
    desk.set_state(reviewer, bundle, "da_duyet", actor="TĐV 2")
    assert desk.latest_states(reviewer, [bundle.bundle_id]) == {bundle.bundle_id: "da_duyet"}
    assert desk.state_and_comments(reviewer, bundle.bundle_id) == ("da_duyet", [])
    assert audit(reviewer, "review.state") == [
        ("TĐV", "918", "bundle", bundle.bundle_id, {"state": [None, "can_bo_sung"]}),
        ("TĐV 2", "918", "bundle", bundle.bundle_id, {"state": [None, "da_duyet"]}),
    ]


def test_comments(reviewer: Store, bundle: ReceivedBundle) -> None:
    assert message(desk.add_comment, reviewer, bundle, "general", "  \n", actor="TĐV") == (
        "Nhận xét trống."
    )
    for bad in ("hd99.1", "items:hd3.1", "9.9.9", "về 3.8"):
        assert message(desk.add_comment, reviewer, bundle, bad, "x", actor="TĐV") == (
            f"Không rõ nhận xét về «{bad}»: ghi «Chung», «Hoạt động 3.8», «Nhiệm vụ 2.4» "
            "hoặc «Tiêu chí 1.1.1»."
        )
    assert message(desk.add_comment, reviewer, bundle, "Hoạt động 99.9", "x", actor="TĐV") == (
        "Kế hoạch không có hoạt động «Hoạt động 99.9»."
    )
    assert message(desk.add_comment, reviewer, bundle, "Tiêu chí 9.9", "x", actor="TĐV") == (
        "Bộ tiêu chí của hồ sơ không có tiêu chí «Tiêu chí 9.9»."
    )
    decomposed = "Thie\u0302\u0301u TLKC"  # typed without a composing input method
    desk.add_comment(reviewer, bundle, "general", f"  {decomposed} \n", actor="TĐV")
    stored = [
        desk.add_comment(reviewer, bundle, typed, text, actor="TĐV")
        for typed, text in (
            ("hoat dong 3.8", "Bổ sung quyết định"),
            ("Tiêu chí 1.1.2", "Đạt"),
            ("item:hd3.8", "Thêm"),
            ("1.1", "Tiêu chí"),
            ("Chung", "Chung"),
        )
    ]
    assert stored == ["item:hd3.8", "criterion:1.1.2", "item:hd3.8", "criterion:1.1", "general"]
    state, comments = desk.state_and_comments(reviewer, bundle.bundle_id)
    assert state == "da_nhan"
    assert [(c.target, c.text, c.by) for c in comments][:3] == [
        ("general", "Thiếu TLKC", "TĐV"),
        ("item:hd3.8", "Bổ sung quyết định", "TĐV"),
        ("criterion:1.1.2", "Đạt", "TĐV"),
    ]
    assert audit(reviewer, "review.comment")[0] == (
        "TĐV",
        "918",
        "bundle",
        bundle.bundle_id,
        {"general": [None, "Thiếu TLKC"]},
    )


# -- appraisal points ---------------------------------------------------------------------------
def test_appraise(reviewer: Store, bundle: ReceivedBundle) -> None:
    assert message(appraising.appraise, reviewer, bundle, "1.1.1", "1", round_=3, actor="TĐV") == (
        "Vòng thẩm định «3» không có; dùng 1 hoặc 2 (sau giải trình)."
    )
    assert message(appraising.appraise, reviewer, bundle, "9.9.9", "1", round_=1, actor="TĐV") == (
        f"Bộ tiêu chí {SET} không có tiêu chí thành phần «9.9.9»."
    )
    assert message(
        appraising.appraise, reviewer, bundle, "1.1.1", "0.7", round_=1, actor="TĐV"
    ) == ("Cách chấm của «1.1.1» chỉ cho các mức: 0, 0,5, 1 (đã nhập 0,7).")
    assert appraising.appraise(reviewer, bundle, "1.1.1", "0,5", round_=1, actor="TĐV") == D("0.5")
    assert message(appraising.appraise, reviewer, bundle, "1.1.1", "1", round_=1, actor="TĐV") == (
        "1.1.1 vòng 1 đã có điểm 0,5; đổi thành 1 cần ghi lý do."
    )
    assert appraising.appraise(
        reviewer, bundle, "1.1.1", "1", round_=1, actor="TĐV 2", reason="Có quyết định"
    ) == D("1")
    assert appraising.appraise(reviewer, bundle, "8.1.1", "12.25", round_=2, actor="TĐV") == D(
        "12.25"
    )
    assert desk.rounds_for(reviewer, "918", "kh-260-2022", "Q3") == {
        "1.1.1": {1: D("1")},
        "8.1.1": {2: D("12.25")},
    }
    key = f"{bundle.bundle_id}/1.1.1/1"
    assert audit(reviewer, "review.appraise")[:2] == [
        ("TĐV", "918", "bundle", key, {"points": [None, "0.5"], "reason": [None, ""]}),
        (
            "TĐV 2",
            "918",
            "bundle",
            key,
            {"points": ["0.5", "1"], "reason": [None, "Có quyết định"]},
        ),
    ]
    con = sqlite3.connect(reviewer.path)
    one = con.execute("SELECT count(*), max(by) FROM appraisal WHERE code = '1.1.1'").fetchone()
    assert one == (1, "TĐV 2")
    con.close()
    assert desk.rounds_for(reviewer, "916", "kh-260-2022", "Q3") == {}


def test_rounds_over_a_resubmission_and_a_drop(
    reviewer: Store, bundle: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    appraising.appraise(reviewer, bundle, "1.1.1", "0", round_=1, actor="TĐV")
    appraising.appraise(reviewer, bundle, "1.1.2", "1", round_=1, actor="TĐV")
    later = make_bundle(
        kit,
        "918",
        tmp_path / "later",
        when=WHEN.replace(hour=10),
        supersedes=(bundle.bundle_id, bundle.sha256),
    )
    import_bundle(reviewer, later, kit.ca_pem, None, actor="TĐV")
    second = latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert second is not None and second.bundle_id != bundle.bundle_id
    appraising.appraise(reviewer, second, "1.1.1", "1", round_=2, actor="TĐV")
    appraising.appraise(  # replaces round 1
        reviewer, second, "1.1.2", "0", round_=1, actor="TĐV", reason="Thiếu kế hoạch"
    )
    assert desk.rounds_for(reviewer, "918", "kh-260-2022", "Q3") == {
        "1.1.1": {1: D("0"), 2: D("1")},
        "1.1.2": {1: D("0")},
    }
    assert desk.latest_bundle(reviewer, "918", "kh-260-2022", "Q3").bundle_id == second.bundle_id
    desk.drop_bundle(reviewer, second, "nhầm", actor="TĐV")
    assert desk.rounds_for(reviewer, "918", "kh-260-2022", "Q3") == {
        "1.1.1": {1: D("0")},
        "1.1.2": {1: D("1")},
    }
    assert desk.latest_bundle(reviewer, "918", "kh-260-2022", "Q3").bundle_id == bundle.bundle_id
    history = desk.history(reviewer, "918", "kh-260-2022", "Q3")
    assert [(r.bundle_id, s) for r, s in history] == [
        (bundle.bundle_id, "da_nhan"),
        (second.bundle_id, "da_nhan"),
    ]
    assert history[1][0].dropped_at is not None
    assert list(desk.histories(reviewer, "kh-260-2022", "Q3")) == ["918"]
    assert desk.all_rounds(reviewer, "kh-260-2022", "Q1") == {}


def test_latest_bundle_when_none_came(reviewer: Store) -> None:
    assert message(desk.latest_bundle, reviewer, "916", "kh-260-2022", "Q3") == (
        "Chưa nhận hồ sơ nào của 916 cho kỳ Q3."
    )


# -- finding and dropping -----------------------------------------------------------------------
def test_find_bundle(reviewer: Store, bundle: ReceivedBundle) -> None:
    bid = bundle.bundle_id
    assert desk.find_bundle(reviewer, "kh-260-2022", "Q3", bid[:7]) is None  # too short
    assert desk.find_bundle(reviewer, "kh-260-2022", "Q3", bid[:8]) == bundle
    assert desk.find_bundle(reviewer, "kh-260-2022", "Q3", f"  {bid[:8].upper()} ") == bundle
    assert desk.find_bundle(reviewer, "kh-260-2022", "Q3", bid) == bundle
    assert desk.find_bundle(reviewer, "kh-260-2022", "Q1", bid) is None
    assert desk.find_bundle(reviewer, "kh-260-2022", "Q3", "%%%%%%%%") is None
    assert desk.find_bundle(reviewer, "kh-260-2022", "Q3", "________") is None


def _second_row(reviewer: Store, bundle: ReceivedBundle, bundle_id: str) -> ReceivedBundle:
    with reviewer.transaction(actor="TĐV", agency="918") as s:
        row = ReceivedBundle(
            **{
                **bundle.model_dump(exclude={"id"}),
                "bundle_id": bundle_id,
                "sha256": "1" * 64,
            }
        )
        s.add(row)
        s.record(action="test.row", entity="bundle", key=bundle_id, changes={})
    return row


def test_find_bundle_ambiguous_and_exact(reviewer: Store, bundle: ReceivedBundle) -> None:
    bid = bundle.bundle_id
    longer = bid[:-1] + ("0" if bid[-1] != "0" else "1")
    _second_row(reviewer, bundle, longer)
    assert message(desk.find_bundle, reviewer, "kh-260-2022", "Q3", bid[:8]) == (
        f"«{bid[:8]}» khớp nhiều hồ sơ ({', '.join(sorted([bid, longer]))}); hãy ghi đủ mã hồ sơ."
    )
    found = desk.find_bundle(reviewer, "kh-260-2022", "Q3", bid)
    assert found is not None and found.bundle_id == bid


def test_drop_moves_the_folder_aside_and_audits(reviewer: Store, bundle: ReceivedBundle) -> None:
    source = Path(bundle.stored_path)
    aside = reviewer.path.parent / "r.sqlite.bundles" / ".dropped" / "918"
    (aside / bundle.bundle_id).mkdir(parents=True)  # an earlier drop of the same id, kept
    kept = desk.drop_bundle(reviewer, bundle, "  Gửi\u00a0nhầm kỳ ", actor="TĐV")
    assert kept == aside / f"{bundle.bundle_id}-2"
    assert kept.is_dir() and (kept / "bag-info.txt").is_file() and not source.exists()
    with reviewer.read() as s:
        row = s.get(ReceivedBundle, bundle.id)
    assert row is not None and row.dropped_by == "TĐV" and row.drop_reason == "Gửi nhầm kỳ"
    assert row.stored_path == str(kept) and row.dropped_at is not None
    ((actor, agency, entity, key, changes),) = audit(reviewer, "bundle.drop")
    assert (actor, agency, entity, key) == ("TĐV", "918", "bundle", bundle.bundle_id)
    assert changes["reason"] == [None, "Gửi nhầm kỳ"]
    assert changes["stored_path"] == [str(source), str(kept)]
    assert changes["dropped_at"][0] is None and changes["dropped_at"][1]
    msg = message(desk.drop_bundle, reviewer, row, "lần nữa", actor="TĐV 2")
    assert msg.startswith(f"Hồ sơ {bundle.bundle_id} đã được loại bỏ lúc ")
    assert msg.endswith(" (TĐV).")
    # the stale row the desk still holds: refused inside the write, nothing moved
    msg = message(desk.drop_bundle, reviewer, bundle, "lần nữa", actor="TĐV 2")
    assert msg.endswith(" (TĐV).") and kept.is_dir()


def test_a_bundle_whose_folder_is_gone_is_still_dropped(
    reviewer: Store, bundle: ReceivedBundle
) -> None:
    import shutil

    shutil.rmtree(bundle.stored_path)
    assert desk.drop_bundle(reviewer, bundle, "mất", actor="TĐV") == Path(bundle.stored_path)


@pytest.mark.parametrize(
    ("error", "said"),
    [(PermissionError(13, "Permission denied"), "Permission denied"), (OSError("ổ đầy"), "ổ đầy")],
)
def test_a_folder_that_cannot_be_moved(
    reviewer: Store,
    bundle: ReceivedBundle,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    said: str,
) -> None:
    def refused(a: Any, b: Any) -> None:
        raise error

    monkeypatch.setattr(os, "rename", refused)
    assert message(desk.drop_bundle, reviewer, bundle, "x", actor="TĐV") == (
        f"Không chuyển được thư mục «{bundle.stored_path}» ({said}); hồ sơ chưa bị loại bỏ."
    )
    monkeypatch.undo()
    with reviewer.read() as s:
        row = s.get(ReceivedBundle, bundle.id)
    assert row is not None and row.dropped_at is None and Path(row.stored_path).is_dir()


def test_a_failed_record_moves_the_folder_back(
    reviewer: Store, bundle: ReceivedBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = ReceivedBundle(**{**bundle.model_dump(), "id": 99999})
    msg = message(desk.drop_bundle, reviewer, gone, "x", actor="TĐV")
    assert msg == f"Không có hồ sơ «{bundle.bundle_id}» trong các hồ sơ đã nhận của kỳ Q3."
    assert Path(bundle.stored_path).is_dir()
    assert not any((reviewer.path.parent / "r.sqlite.bundles" / ".dropped" / "918").iterdir())


# -- evidence files hashed again ----------------------------------------------------------------
def test_check_evidence(tmp_path: Path) -> None:
    root = tmp_path / "b"
    ev = root / "data" / "evidence"
    ev.mkdir(parents=True)
    content = {k: f"%PDF {k}".encode() for k in "abcde"}
    sha = {k: hashlib.sha256(v).hexdigest() for k, v in content.items()}
    name = {k: f"{sha[k]}.pdf" for k in "abcde"}
    (ev / name["a"]).write_bytes(content["a"])
    (ev / name["b"]).write_bytes(b"%PDF changed")
    (tmp_path / "outside.pdf").write_bytes(content["d"])
    (ev / name["d"]).symlink_to(tmp_path / "outside.pdf")  # leads out of the bundle
    (ev / name["e"]).mkdir()
    docs: list[dict[str, Any]] = [
        {"id": n, "path": f"data/evidence/{name[k]}", "sha256": sha[k], "size": 6}
        for n, k in enumerate("abcde", 1)
    ]
    sub = make_submission(evidence=[*docs, {"id": 6}])
    got = [(c.key, c.state, c.path) for c in desk.check_evidence(root, sub)]
    # a document without a file first: it ends nothing; a hash without a path is no file
    sub = make_submission(evidence=[{"id": 6}, {"id": 7, "sha256": sha["a"]}, *docs])
    got = [(c.key, c.state, c.path) for c in desk.check_evidence(root, sub)]
    assert got[:2] == [("6", "none", None), ("7", "none", None)]
    assert got[2:] == [
        ("1", "ok", ev / name["a"]),
        ("2", "mismatch", ev / name["b"]),
        ("3", "missing", ev / name["c"]),
        ("4", "missing", tmp_path / "outside.pdf"),
        ("5", "missing", ev / name["e"]),
    ]


def test_period_view(reviewer: Store, bundle: ReceivedBundle, registry: Any, plan: Any) -> None:
    desk.set_state(reviewer, bundle, "da_duyet", actor="TĐV")
    view = desk.period_view(reviewer, registry, plan, "SNV", "Q3")
    assert view.states == {"918": "da_duyet"}
    assert "918" in view.expected and len(view.expected) == 31
    assert view.outcomes["918"].total == D("1")
    assert view.overview.received == 1


def test_history_is_the_agency_s_own(
    reviewer: Store, bundle: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    other = make_bundle(kit, "916", tmp_path / "916")
    import_bundle(reviewer, other, kit.ca_pem, None, actor="TĐV")
    assert [r.agency_code for r, _s in desk.history(reviewer, "918", "kh-260-2022", "Q3")] == [
        "918"
    ]
    assert sorted(desk.histories(reviewer, "kh-260-2022", "Q3")) == ["916", "918"]
    appraising.appraise(reviewer, bundle, "1.1.1", "1", round_=1, actor="TĐV")
    row916 = latest_received(reviewer, "916", "kh-260-2022", "Q3")
    assert row916 is not None
    appraising.appraise(reviewer, row916, "1.1.2", "0", round_=1, actor="TĐV", reason="Thiếu")
    assert desk.rounds_for(reviewer, "918", "kh-260-2022", "Q3") == {"1.1.1": {1: D("1")}}
    assert desk.all_rounds(reviewer, "kh-260-2022", "Q3") == {
        "918": {"1.1.1": {1: D("1")}},
        "916": {"1.1.2": {1: D("0")}},
    }


def test_a_file_that_cannot_be_read_is_missing_and_the_rest_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "b"
    ev = root / "data" / "evidence"
    ev.mkdir(parents=True)
    docs = []
    for n, k in enumerate("ab", 1):
        data = f"%PDF {k}".encode()
        digest = hashlib.sha256(data).hexdigest()
        (ev / f"{digest}.pdf").write_bytes(data)
        docs.append({"id": n, "path": f"data/evidence/{digest}.pdf", "sha256": digest, "size": 6})
    first = ev / Path(docs[0]["path"]).name
    real = Path.open

    def locked(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == first:
            raise PermissionError(13, "The process cannot access the file")  # Excel has it
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    checks = desk.check_evidence(root, make_submission(evidence=docs))
    got = [(c.key, c.state, c.path) for c in checks]
    assert got == [("1", "missing", first), ("2", "ok", ev / Path(docs[1]["path"]).name)]


def test_a_bundle_whose_set_is_not_held_names_the_sets_held(
    reviewer: Store, bundle: ReceivedBundle
) -> None:
    path = Path(bundle.stored_path) / "data" / "submission.json"
    data = json.loads(path.read_text("utf-8"))
    data["scores"][0]["set"] = "mau-khong-co"  # changed on the reviewer's disk
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert message(desk.criteria_of_bundle, reviewer, bundle) == (
        "Không có bộ tiêu chí «mau-khong-co». Có: —."
    )
    text = shipped_text().replace(f'id = "{SET}"', 'id = "ct-huyen-2022"', 1)
    import_criteria(reviewer, text, "ct.toml")
    assert message(desk.criteria_of_bundle, reviewer, bundle) == (
        "Không có bộ tiêu chí «mau-khong-co». Có: ct-huyen-2022."
    )
    text = shipped_text().replace(f'id = "{SET}"', 'id = "ct-huyen-2023"', 1)
    import_criteria(reviewer, text.replace("year = 2022", "year = 2023", 1), "ct3.toml")
    assert message(desk.criteria_of_bundle, reviewer, bundle) == (
        "Không có bộ tiêu chí «mau-khong-co». Có: ct-huyen-2023, ct-huyen-2022."
    )


def test_a_broken_bundle_says_why(reviewer: Store, bundle: ReceivedBundle) -> None:
    (Path(bundle.stored_path) / "data" / "submission.json").unlink()
    from cchc_tui.core.i18n import t

    assert message(desk.criteria_of_bundle, reviewer, bundle) == (
        f"Hồ sơ của 918 bị hỏng ({t('review.broken_missing')}); chưa thẩm định được."
    )


def test_dropping_twice_says_when_and_a_dash_for_no_name(
    reviewer: Store, bundle: ReceivedBundle
) -> None:
    desk.drop_bundle(reviewer, bundle, "nhầm", actor="")
    with reviewer.read() as s:
        row = s.get(ReceivedBundle, bundle.id)
    assert row is not None and row.dropped_at is not None
    from cchc_tui.core.dates import local_time

    assert message(desk.drop_bundle, reviewer, row, "lần nữa", actor="TĐV") == (
        f"Hồ sơ {bundle.bundle_id} đã được loại bỏ lúc {local_time(row.dropped_at)} (—)."
    )


def test_outcomes_skip_a_broken_unit_or_an_unknown_set_and_go_on(
    reviewer: Store, bundle: ReceivedBundle
) -> None:
    from dataclasses import replace

    (got,) = desk.latest_for_period(reviewer, "kh-260-2022", "Q3").values()
    assert got.submission is not None
    unknown_set = got.submission.model_copy(
        update={"scores": [got.submission.scores[0].model_copy(update={"set_id": "khong-co"})]}
    )
    latest = {
        "901": replace(got, agency_code="901", submission=None),
        "902": replace(got, agency_code="902", submission=unknown_set),
        "918": got,
    }
    assert list(desk.outcomes(reviewer, "kh-260-2022", "Q3", latest)) == ["918"]


def test_a_district_s_view_holds_only_its_communes(
    reviewer: Store, bundle: ReceivedBundle, registry: Any, plan: Any
) -> None:
    """A Phòng Nội vụ expects its communes: a department's or district's bundle in the same
    database is not theirs to rank."""
    view = desk.period_view(reviewer, registry, plan, "916", "Q3")
    assert "918" not in view.expected and view.expected
    assert view.outcomes == {} and view.overview.received == 0
