"""Receipts as use cases, rule by rule: what a receipt says (the review desk's state, appraisal
points per round, the appraised total, the comments); signing it with the reviewer's key (none
kept: a clear sentence); the officer's import (for this agency, for a bundle it sent with the
same bytes, never older than one already imported, the same file twice changes nothing), each
audited."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cchc_tui.bundle import bag, pki
from cchc_tui.bundle.receipt import make_receipt
from cchc_tui.core.agencies import Registry
from cchc_tui.core.dates import local_time
from cchc_tui.core.errors import UserError
from cchc_tui.services import appraising
from cchc_tui.services import review_desk as desk
from cchc_tui.services.anchors import trust_anchors
from cchc_tui.services.export import import_key
from cchc_tui.services.importer import import_bundle, latest_received
from cchc_tui.services.receipts import (
    import_receipt,
    issued_receipts,
    pending_receipts,
    receipt_content,
    received_receipts,
    reissue_receipt,
    sign_pending,
    write_receipt,
)
from cchc_tui.store.models import BundleExport, ReceivedBundle
from cchc_tui.store.service import Store
from cchc_tui.store.transaction import utcnow
from tests.bundle_corpus import CA_PASS, WHEN, Kit, make_bundle, make_kit
from tests.dbcache import profile_db

REVIEWER_PASS = b"mat-khau-tham-dinh"


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    kit = make_kit(tmp_path_factory.mktemp("receipts"), ("918",))
    pki.issue(
        kit.folder / "ca",
        CA_PASS,
        agency_code="SNV",
        agency_name="Sở Nội vụ",
        officer="Thẩm định viên",
        p12_passphrase=REVIEWER_PASS,
        out=kit.folder / "snv.p12",
        role="reviewer",
    )
    return kit


@pytest.fixture(scope="module")
def sent(kit: Kit) -> Path:
    return make_bundle(kit, "918", kit.folder / "sent")


@pytest.fixture
def reviewer(reviewer: Store, kit: Kit) -> Store:
    """The bundle tests' reviewer, trusting this module's CA."""
    trust_anchors(reviewer, kit.ca_file)
    return reviewer


@pytest.fixture
def received(reviewer: Store, kit: Kit, sent: Path) -> ReceivedBundle:
    import_bundle(reviewer, sent, kit.ca_pem, None, actor="Thẩm định viên")
    row = latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert row is not None
    return row


@pytest.fixture
def officer(store: Store, sent: Path, kit: Kit) -> Store:
    """The officer's database (918), which exported ``sent``."""
    bundle_id = bag.bundle_id_for("918", "kh-260-2022", "Q3", WHEN)
    with store.transaction(actor="Nguyễn Văn An", agency="918") as s:
        s.add(
            BundleExport(
                agency_code="918",
                plan_id="kh-260-2022",
                period="Q3",
                bundle_id=bundle_id,
                sha256=hashlib.sha256(sent.read_bytes()).hexdigest(),
                path=str(sent),
                size=sent.stat().st_size,
                created_at=utcnow(),
                created_by="Nguyễn Văn An",
            )
        )
        s.record(action="bundle.export", entity="bundle", key=bundle_id, changes={})
    trust_anchors(store, kit.ca_file)
    return store


def audit(store: Store, action: str) -> list[tuple[str, str, str, dict[str, Any]]]:
    con = sqlite3.connect(store.path)
    rows = con.execute(
        "SELECT actor, agency_code, entity_key, changes FROM audit_log WHERE action = ? "
        "AND entity = 'bundle' ORDER BY id",
        (action,),
    ).fetchall()
    con.close()
    return [(a, b, c, json.loads(d)) for a, b, c, d in rows]


def message(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(UserError) as e:
        call(*args, **kwargs)
    return e.value.message()


# -- what a receipt says ------------------------------------------------------------------------
def test_the_content_of_a_receipt(reviewer: Store, received: ReceivedBundle) -> None:
    plain = receipt_content(reviewer, received)
    assert plain == {
        "bundle_id": received.bundle_id,
        "bundle_sha256": received.sha256,
        "agency": "918",
        "plan": "kh-260-2022",
        "period": "Q3",
        "state": "da_nhan",
        "appraisal": {},
        "appraisal_total": {},
        "comments": [],
    }
    desk.set_state(reviewer, received, "can_bo_sung", actor="TĐV")
    desk.add_comment(reviewer, received, "item:hd3.8", "Bổ sung quyết định", actor="TĐV")
    appraising.appraise(reviewer, received, "1.1.2", "0", round_=1, actor="TĐV", reason="Thiếu")
    appraising.appraise(reviewer, received, "1.1.2", "1", round_=2, actor="TĐV")
    appraising.appraise(reviewer, received, "1.1.1", "0", round_=1, actor="TĐV")
    got = receipt_content(reviewer, received)
    assert got["state"] == "can_bo_sung"
    assert got["appraisal"] == {"1.1.1": {"1": "0"}, "1.1.2": {"1": "0", "2": "1"}}
    assert got["appraisal_reasons"] == {"1.1.2": {"1": "Thiếu"}}
    assert got["appraisal_total"] == {"total": "1", "percent": "1.2", "grade": "Kém"}
    ((comment),) = got["comments"]
    assert (comment["target"], comment["text"], comment["by"]) == (
        "item:hd3.8",
        "Bổ sung quyết định",
        "TĐV",
    )
    assert datetime.fromisoformat(comment["at"])


def test_a_receipt_of_a_bundle_whose_set_is_unknown_has_no_total(
    reviewer: Store, received: ReceivedBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    appraising.appraise(reviewer, received, "1.1.2", "1", round_=1, actor="TĐV")
    monkeypatch.setattr(desk, "criteria_for", lambda store, set_id: None)
    got = receipt_content(reviewer, received)
    assert got["appraisal"] == {"1.1.2": {"1": "1"}} and got["appraisal_total"] == {}


# -- signing ------------------------------------------------------------------------------------
def test_no_key_no_receipt(reviewer: Store, received: ReceivedBundle, tmp_path: Path) -> None:
    out = tmp_path / "phieu.zip"
    assert message(write_receipt, reviewer, received, out, b"x", actor="TĐV") == (
        "Chưa có chứng thư ký số; hãy chạy: cchc key import TỆP.p12"
    )
    assert not out.exists()


def test_a_signed_receipt_reads_back_and_is_audited(
    reviewer: Store, received: ReceivedBundle, kit: Kit, tmp_path: Path, officer: Store,
    registry: Registry,
) -> None:  # fmt: skip
    import_key(reviewer, kit.folder / "snv.p12", REVIEWER_PASS)
    desk.set_state(reviewer, received, "da_duyet", actor="TĐV")
    out = tmp_path / "phiếu thẩm định.zip"
    before = datetime.now(UTC).replace(microsecond=0)
    row = write_receipt(reviewer, received, out, REVIEWER_PASS, actor="TĐV")
    assert (row.number, row.file, row.state) == (1, str(out), "da_duyet")
    assert row.data == out.read_bytes() and row.sha256 == hashlib.sha256(row.data).hexdigest()
    assert audit(reviewer, "review.receipt") == [
        (
            "TĐV",
            "918",
            received.bundle_id,
            {"number": [None, 1], "file": [None, str(out)], "state": [None, "da_duyet"]},
        )
    ]
    receipt, new = import_receipt(officer, out, kit.ca_pem, registry=registry)
    assert new and receipt.content == receipt_content(reviewer, received) | {
        "issued_at": receipt.issued_at.isoformat(),
        "type": "cchc-receipt",
        "version": 1,
    }
    assert before <= receipt.issued_at <= datetime.now(UTC)
    assert receipt.issued_at.microsecond == 0
    assert receipt.signer.officer == "Thẩm định viên"


def test_receipts_are_numbered_and_never_overwrite_a_file(
    reviewer: Store, received: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    import_key(reviewer, kit.folder / "snv.p12", REVIEWER_PASS)
    stick = tmp_path / "USB có dấu %"
    stick.mkdir()
    first = write_receipt(reviewer, received, stick, REVIEWER_PASS, actor="TĐV")
    desk.set_state(reviewer, received, "can_bo_sung", actor="TĐV")
    second = write_receipt(reviewer, received, stick, REVIEWER_PASS, actor="TĐV")
    assert [Path(r.file).name for r in (first, second)] == [
        "phieu-tham-dinh-918-Q3-01.zip",
        "phieu-tham-dinh-918-Q3-02.zip",
    ]
    assert (first.state, second.state) == ("da_nhan", "can_bo_sung")
    assert Path(first.file).read_bytes() == first.data  # the first one is still there
    # a file name given that exists: refused, no number taken, the file untouched
    taken = stick / "phieu.zip"
    taken.write_bytes(b"excel dang mo")
    assert message(write_receipt, reviewer, received, taken, REVIEWER_PASS, actor="TĐV") == (
        f"Đã có tệp {taken}; phiếu không ghi đè tệp nào. Chọn thư mục hoặc tên tệp khác."
    )
    assert taken.read_bytes() == b"excel dang mo"
    (stick / "phieu-tham-dinh-918-Q3-03.zip").write_bytes(b"someone else's")
    assert message(write_receipt, reviewer, received, stick, REVIEWER_PASS, actor="TĐV") == (
        f"Đã có tệp {stick / 'phieu-tham-dinh-918-Q3-03.zip'}; phiếu không ghi đè tệp nào. "
        "Chọn thư mục hoặc tên tệp khác."
    )
    listed = issued_receipts(reviewer, "918", "kh-260-2022", "Q3")
    assert [r.number for r in listed] == [1, 2]  # the refused one kept nothing
    assert sorted(p.name for p in stick.iterdir()) == [
        "phieu-tham-dinh-918-Q3-01.zip",
        "phieu-tham-dinh-918-Q3-02.zip",
        "phieu-tham-dinh-918-Q3-03.zip",
        "phieu.zip",
    ]  # and left no temporary file behind


def test_an_earlier_receipt_is_issued_again_as_signed(
    reviewer: Store, received: ReceivedBundle, kit: Kit, tmp_path: Path, officer: Store,
    registry: Registry,
) -> None:  # fmt: skip
    import_key(reviewer, kit.folder / "snv.p12", REVIEWER_PASS)
    first = write_receipt(reviewer, received, tmp_path, REVIEWER_PASS, actor="TĐV")
    Path(first.file).unlink()  # the stick was lost
    again = tmp_path / "lan 2"
    again.mkdir()
    _row, path = reissue_receipt(reviewer, "918", "kh-260-2022", "Q3", 1, again, actor="TĐV 2")
    assert path == again / "phieu-tham-dinh-918-Q3-01.zip" and path.read_bytes() == first.data
    receipt, new = import_receipt(officer, path, kit.ca_pem, registry=registry)
    assert new and receipt.content["state"] == "da_nhan"
    assert audit(reviewer, "review.receipt_reissue") == [
        ("TĐV 2", "918", received.bundle_id, {"number": [None, 1], "file": [None, str(path)]})
    ]
    assert (
        message(reissue_receipt, reviewer, "918", "kh-260-2022", "Q3", 1, again, actor="TĐV")
        == f"Đã có tệp {path}; phiếu không ghi đè tệp nào. Chọn thư mục hoặc tên tệp khác."
    )
    assert (
        message(reissue_receipt, reviewer, "918", "kh-260-2022", "Q3", 7, again, actor="TĐV")
        == "918 kỳ Q3 không có phiếu số 7; đã ký: 1."
    )


# -- the officer's import -----------------------------------------------------------------------
def signed(kit: Kit, path: Path, content: dict[str, Any], when: datetime) -> Path:
    key, cert, chain = pki.load_p12(kit.folder / "snv.p12", REVIEWER_PASS)
    path.write_bytes(make_receipt(content, key, cert, chain, when))
    return path


def content_of(officer: Store, **over: Any) -> dict[str, Any]:
    with officer.read() as s:
        from sqlmodel import select

        row = s.exec(select(BundleExport)).one()
    return {
        "bundle_id": row.bundle_id,
        "bundle_sha256": row.sha256,
        "agency": "918",
        "plan": "kh-260-2022",
        "period": "Q3",
        "state": "can_bo_sung",
        "appraisal": {},
        "appraisal_total": {},
        "comments": [],
        **over,
    }


NOW = datetime.now(UTC).replace(microsecond=0)
FRESH_NOW = True  # set again when the module runs (tests/bundle/conftest.py)


def test_a_receipt_for_another_agency(
    officer: Store, kit: Kit, tmp_path: Path, registry: Registry
) -> None:
    path = signed(kit, tmp_path / "p.zip", content_of(officer, agency="916"), NOW)
    assert message(import_receipt, officer, path, kit.ca_pem, registry=registry) == (
        "Phiếu thẩm định này dành cho cơ quan 916."
    )


@pytest.mark.parametrize("which", ["bundle_id", "bundle_sha256"])
def test_a_receipt_for_a_bundle_not_sent_from_here(
    officer: Store, kit: Kit, tmp_path: Path, registry: Registry, which: str
) -> None:
    content = content_of(officer)
    content[which] = content[which][:-1] + ("0" if content[which][-1] != "0" else "1")
    path = signed(kit, tmp_path / "p.zip", content, NOW)
    assert message(import_receipt, officer, path, kit.ca_pem, registry=registry) == (
        f"Phiếu thẩm định nói về hồ sơ {content['bundle_id']}, không phải hồ sơ cơ quan đã gửi."
    )
    assert received_receipts(officer) == []


def test_newer_receipts_only(officer: Store, kit: Kit, tmp_path: Path, registry: Registry) -> None:
    first = signed(kit, tmp_path / "1.zip", content_of(officer), NOW - timedelta(hours=1))
    receipt, new = import_receipt(officer, first, kit.ca_pem, registry=registry)
    assert new
    again = import_receipt(officer, first, kit.ca_pem, registry=registry)
    assert again[1] is False and again[0].sha256 == receipt.sha256
    assert len(audit(officer, "receipt.import")) == 1
    same_time = signed(
        kit, tmp_path / "2.zip", content_of(officer, state="da_duyet"), NOW - timedelta(hours=1)
    )
    older = signed(
        kit, tmp_path / "3.zip", content_of(officer, state="da_duyet"), NOW - timedelta(hours=2)
    )
    for path, when in ((same_time, NOW - timedelta(hours=1)), (older, NOW - timedelta(hours=2))):
        assert message(import_receipt, officer, path, kit.ca_pem, registry=registry) == (
            f"Phiếu cũ hơn phiếu đã nhận (phiếu này ký {local_time(when)}, đã có phiếu ký "
            f"{local_time(NOW - timedelta(hours=1))})."
        )
    newer = signed(kit, tmp_path / "4.zip", content_of(officer, state="da_duyet"), NOW)
    assert import_receipt(officer, newer, kit.ca_pem, registry=registry)[1]
    kept = received_receipts(officer)
    assert [(r["state"], r["signer"]) for r in kept] == [
        ("can_bo_sung", "Thẩm định viên"),
        ("da_duyet", "Thẩm định viên"),
    ]
    assert all(datetime.fromisoformat(r["received_at"]) for r in kept)
    bid = content_of(officer)["bundle_id"]
    assert audit(officer, "receipt.import") == [
        (
            "Nguyễn Văn An",
            "918",
            bid,
            {
                "state": [None, "can_bo_sung"],
                "issued_at": [None, (NOW - timedelta(hours=1)).isoformat()],
            },
        ),
        (
            "Nguyễn Văn An",
            "918",
            bid,
            {"state": [None, "da_duyet"], "issued_at": [None, NOW.isoformat()]},
        ),
    ]


def test_a_receipt_for_a_commune_must_come_from_its_district(
    tmp_path: Path, kit: Kit, registry: Registry, plan_text: str
) -> None:
    commune = Store(profile_db(tmp_path / "x.sqlite", "31168", "Phường Bình Thủy", "Lê Ba", None))
    try:
        path = signed(kit, tmp_path / "p.zip", {"agency": "31168", "state": "da_nhan"}, NOW)
        assert message(import_receipt, commune, path, kit.ca_pem, registry=registry) == (
            "Phiếu do Thẩm định viên (SNV) ký, không phải cơ quan thẩm định của đơn vị này (918)."
        )
    finally:
        commune.close()


def test_the_revocation_list_given_is_the_one_checked(
    officer: Store, kit: Kit, tmp_path: Path, registry: Registry
) -> None:
    _key, cert, _chain = pki.load_p12(kit.folder / "snv.p12", REVIEWER_PASS)
    path = signed(kit, tmp_path / "p.zip", content_of(officer), NOW)
    ca_dir = kit.folder / "ca"
    stale = tmp_path / "stale.pem"
    pki.make_crl(ca_dir, CA_PASS, stale, days=1, now=NOW - timedelta(days=3))
    msg = message(import_receipt, officer, path, kit.ca_pem, stale.read_bytes(), registry=registry)
    assert msg.startswith("Phiếu thẩm định không đáng tin: Danh sách thu hồi đã hết hạn ngày ")
    receipt, new = import_receipt(
        officer, path, kit.ca_pem, stale.read_bytes(), registry=registry, stale_crl_ok=True
    )
    assert new and receipt.signer.serial == cert.serial_number
    pki.revoke(ca_dir, CA_PASS, cert.serial_number)
    revoked = tmp_path / "revoked.pem"
    pki.make_crl(ca_dir, CA_PASS, revoked)
    later = signed(kit, tmp_path / "q.zip", content_of(officer, state="da_duyet"), NOW)
    crl = revoked.read_bytes()
    msg = message(import_receipt, officer, later, kit.ca_pem, crl, registry=registry)
    assert msg.startswith("Phiếu thẩm định không đáng tin: ") and "thu hồi" in msg


def test_a_receipt_that_cannot_be_written_keeps_nothing(
    reviewer: Store, received: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    import_key(reviewer, kit.folder / "snv.p12", REVIEWER_PASS)
    gone = tmp_path / "USB đã rút" / "phieu.zip"  # its folder is not there
    msg = message(write_receipt, reviewer, received, gone, REVIEWER_PASS, actor="TĐV")
    assert msg == (
        f"Không ghi được phiếu vào {gone}: No such file or directory. Chưa có phiếu nào được lưu."
    )
    assert issued_receipts(reviewer, "918", "kh-260-2022", "Q3") == []
    assert (
        message(reissue_receipt, reviewer, "918", "kh-260-2022", "Q3", 1, tmp_path, actor="TĐV")
        == "918 kỳ Q3 không có phiếu số 1; đã ký: —."
    )
    for _ in range(2):
        write_receipt(reviewer, received, tmp_path, REVIEWER_PASS, actor="TĐV")
    assert (
        message(reissue_receipt, reviewer, "918", "kh-260-2022", "Q3", 3, tmp_path, actor="TĐV")
        == "918 kỳ Q3 không có phiếu số 3; đã ký: 1, 2."
    )


def test_every_pending_receipt_signed_in_one_go(
    reviewer: Store, received: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    import_key(reviewer, kit.folder / "snv.p12", REVIEWER_PASS)
    units = ["918", "916", "917"]  # 916 and 917 sent nothing: no receipt for them
    assert [b.agency_code for b in pending_receipts(reviewer, "kh-260-2022", "Q3", units)] == [
        "918"
    ]
    stick = tmp_path / "USB"
    assert message(
        sign_pending, reviewer, "kh-260-2022", "Q3", units, stick, REVIEWER_PASS, actor="T"
    ) == (f"{stick} không phải thư mục có sẵn; phiếu ký một lượt ghi vào một thư mục.")
    stick.mkdir()
    assert (
        message(sign_pending, reviewer, "kh-260-2022", "Q3", units, stick, b"sai", actor="T")
        == "Sai mật khẩu (hoặc tệp khóa hỏng)."
    )
    rows = sign_pending(reviewer, "kh-260-2022", "Q3", units, stick, REVIEWER_PASS, actor="T")
    assert [(r.agency_code, r.number, Path(r.file).name) for r in rows] == [
        ("918", 1, "phieu-tham-dinh-918-Q3-01.zip")
    ]
    # signed, nothing changed since: nothing pending, nothing signed again (wrong key or not)
    assert pending_receipts(reviewer, "kh-260-2022", "Q3", units) == []
    assert sign_pending(reviewer, "kh-260-2022", "Q3", units, stick, b"sai", actor="T") == []
    # a comment after the receipt: pending again
    desk.add_comment(reviewer, received, "Chung", "Bổ sung TLKC", actor="T")
    assert [b.agency_code for b in pending_receipts(reviewer, "kh-260-2022", "Q3", units)] == [
        "918"
    ]
    again = sign_pending(reviewer, "kh-260-2022", "Q3", units, stick, REVIEWER_PASS, actor="T")
    assert [r.number for r in again] == [2] and len(list(stick.iterdir())) == 2


def test_a_write_refused_without_a_system_message_still_says_why(
    reviewer: Store, received: ReceivedBundle, kit: Kit, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from cchc_tui.services import receipts

    def refuse(path: Path, data: bytes) -> None:
        raise OSError("thẻ nhớ đang khóa ghi")

    import_key(reviewer, kit.folder / "snv.p12", REVIEWER_PASS)
    monkeypatch.setattr(receipts, "write_new", refuse)
    out = tmp_path / "phieu.zip"
    assert message(write_receipt, reviewer, received, out, REVIEWER_PASS, actor="TĐV") == (
        f"Không ghi được phiếu vào {out}: thẻ nhớ đang khóa ghi. Chưa có phiếu nào được lưu."
    )


def test_pending_follows_the_bundles_that_count(
    reviewer: Store, received: ReceivedBundle, kit: Kit, tmp_path: Path
) -> None:
    """A unit signed and unchanged does not stop the look at the next ones; a dropped latest
    bundle leaves the one before it pending."""
    other_kit = make_kit(tmp_path / "kit", ("916",))
    import_bundle(
        reviewer, make_bundle(other_kit, "916", tmp_path / "916"), other_kit.ca_pem, None,
        actor="T",
    )  # fmt: skip
    import_key(reviewer, kit.folder / "snv.p12", REVIEWER_PASS)
    row916 = latest_received(reviewer, "916", "kh-260-2022", "Q3")
    assert row916 is not None
    write_receipt(reviewer, row916, tmp_path, REVIEWER_PASS, actor="T")
    units = ["916", "918"]
    assert [b.agency_code for b in pending_receipts(reviewer, "kh-260-2022", "Q3", units)] == [
        "918"
    ]
    later = make_bundle(
        kit, "918", tmp_path / "later", when=WHEN.replace(hour=15),
        supersedes=(received.bundle_id, received.sha256),
    )  # fmt: skip
    import_bundle(reviewer, later, kit.ca_pem, None, actor="T")
    second = latest_received(reviewer, "918", "kh-260-2022", "Q3")
    assert second is not None
    desk.drop_bundle(reviewer, second, "nhầm", actor="T")
    (pending,) = pending_receipts(reviewer, "kh-260-2022", "Q3", units)
    assert pending.bundle_id == received.bundle_id
