"""The review desk's and the exchanges' records, read directly with rows made here (no bundle,
no signature): which rows each query returns and in which order, what each write leaves and
audits, and the chain checks inside the write."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_tui.core.errors import UserError
from cchc_tui.store.exchange import ChainForked, ExchangeStore
from cchc_tui.store.models import BundleExport, ReceivedBundle, ReceivedReceipt
from cchc_tui.store.review import ChainMoved, ReviewStore
from cchc_tui.store.service import Store
from tests.dbcache import profile_db

D = Decimal
T0 = datetime(2022, 9, 9, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path, plan_text: str) -> Iterator[Store]:
    s = Store(profile_db(tmp_path / "r.sqlite", "SNV", "Sở Nội vụ", "TĐV", plan_text))
    yield s
    s.close()


def received(
    review: ReviewStore,
    bundle_id: str,
    agency: str = "918",
    *,
    plan: str = "kh-260-2022",
    period: str = "Q3",
    after: str = "",
) -> ReceivedBundle:
    row = ReceivedBundle(
        bundle_id=bundle_id,
        sha256=bundle_id.ljust(64, "0"),
        agency_code=agency,
        plan_id=plan,
        period=period,
        signer="Cán bộ",
        cert_serial="1",
        cert_fingerprint="f",
        signing_time=T0,
        received_at=T0,
        received_by="TĐV",
        supersedes=after,
        stored_path=f"/x/{bundle_id}",
        size=1,
        files=1,
    )
    review.add_received(row, expected_latest=after, actor="TĐV")
    got = review.by_id(bundle_id)
    assert got is not None
    return got


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def audit(store: Store, action: str) -> list[tuple[str, str, str, dict[str, object]]]:
    con = sqlite3.connect(store.path)
    rows = con.execute(
        "SELECT actor, agency_code, entity_key, changes FROM audit_log WHERE action = ? "
        "ORDER BY id",
        (action,),
    ).fetchall()
    con.close()
    return [(a, b, c, json.loads(d)) for a, b, c, d in rows]


def test_the_chain_of_received_bundles(store: Store) -> None:
    review = ReviewStore(store)
    a = received(review, "a1")
    with pytest.raises(ChainMoved) as e:
        received(review, "a2", after="")  # it thinks it is the first
    assert e.value.latest == "a1" and review.by_id("a2") is None
    b = received(review, "a2", after="a1")
    other_plan = received(review, "p1", plan="kh-khac")
    other_period = received(review, "q1", period="Q1")
    other_agency = received(review, "c1", agency="916")
    assert review.latest("918", "kh-260-2022", "Q3") == b
    assert [r.bundle_id for r in review.in_period("kh-260-2022", "Q3")] == ["a1", "a2", "c1"]
    assert [r.bundle_id for r in review.in_period("kh-260-2022", "Q3", agency="918")] == [
        "a1",
        "a2",
    ]
    assert review.by_sha256(a.sha256) == a and review.by_sha256("0" * 64) is None
    assert [r.bundle_id for r in review.starting_with("kh-260-2022", "Q3", "a")] == ["a1", "a2"]
    assert review.starting_with("kh-260-2022", "Q3", "%") == []
    assert (other_plan.plan_id, other_period.period, other_agency.agency_code) == (
        "kh-khac",
        "Q1",
        "916",
    )
    assert [x[2] for x in audit(store, "bundle.import")] == ["a1", "a2", "p1", "q1", "c1"]
    assert audit(store, "bundle.import")[1][3] == {
        "sha256": [None, b.sha256],
        "supersedes": [None, "a1"],
    }


def test_a_dropped_bundle_stays_in_the_chain_but_does_not_count(store: Store) -> None:
    review = ReviewStore(store)
    a = received(review, "a1")
    b = received(review, "a2", after="a1")
    when = review.mark_dropped(b, reason="nhầm", kept="/aside/a2", actor="TĐV", check=lambda r: r)  # type: ignore[arg-type,return-value]
    assert review.latest("918", "kh-260-2022", "Q3") == review.by_id("a2")
    assert review.latest("918", "kh-260-2022", "Q3", dropped_too=False) == a
    assert [r.bundle_id for r in review.in_period("kh-260-2022", "Q3", dropped_too=False)] == ["a1"]
    dropped = review.by_id("a2")
    assert dropped is not None and dropped.stored_path == "/aside/a2"
    assert (dropped.dropped_by, dropped.drop_reason) == ("TĐV", "nhầm")
    assert dropped.dropped_at is not None and dropped.dropped_at.replace(tzinfo=UTC) == when


def test_states_and_comments_in_order(store: Store) -> None:
    review = ReviewStore(store)
    a, b = received(review, "a1"), received(review, "b1", agency="916")
    assert review.latest_states(["a1", "b1", "zz"]) == dict.fromkeys(["a1", "b1", "zz"], "da_nhan")
    review.add_state(a, "can_bo_sung", actor="TĐV", reason="")
    review.add_state(b, "da_duyet", actor="TĐV", reason="")
    review.add_state(a, "da_duyet", actor="TĐV", reason="")
    assert review.latest_states(["a1", "b1"]) == {"a1": "da_duyet", "b1": "da_duyet"}
    review.add_comment(a, "general", "một", actor="TĐV")
    review.add_comment(b, "general", "khác", actor="TĐV")
    review.add_comment(a, "item:hd3.1", "hai", actor="TĐV 2")
    assert [(c.target, c.text, c.by) for c in review.comments("a1")] == [
        ("general", "một", "TĐV"),
        ("item:hd3.1", "hai", "TĐV 2"),
    ]


def test_points_per_round_a_later_bundle_replacing_an_earlier_one(store: Store) -> None:
    review = ReviewStore(store)
    first = received(review, "a1")
    second = received(review, "a2", after="a1")
    other = received(review, "c1", agency="916")
    elsewhere = received(review, "p1", plan="kh-khac")
    # written in the other order than the bundles came: the later bundle still wins
    review.set_points(second, [("1.1.1", 1, D("1"))], reason="", actor="TĐV")
    review.set_points(first, [("1.1.1", 1, D("0"))], reason="", actor="TĐV")
    review.set_points(first, [("1.1.2", 2, D("0.5"))], reason="", actor="TĐV")
    review.set_points(other, [("2.1.1", 1, D("2"))], reason="", actor="TĐV")
    review.set_points(elsewhere, [("9.9.9", 1, D("3"))], reason="", actor="TĐV")
    assert review.rounds_of("918", "kh-260-2022", "Q3") == {
        "1.1.1": {1: D("1")},
        "1.1.2": {2: D("0.5")},
    }
    assert review.rounds("kh-260-2022", "Q3") == {
        "918": {"1.1.1": {1: D("1")}, "1.1.2": {2: D("0.5")}},
        "916": {"2.1.1": {1: D("2")}},
    }
    review.set_points(first, [("1.1.2", 2, D("1"))], reason="", actor="TĐV 2")
    con = sqlite3.connect(store.path)
    rows = con.execute(
        "SELECT bundle_id, code, round, points, by, at IS NOT NULL FROM appraisal "
        "WHERE bundle_id = 'a1' ORDER BY id"
    ).fetchall()
    con.close()
    assert rows == [("a1", "1.1.1", 1, "0", "TĐV", 1), ("a1", "1.1.2", 2, "1", "TĐV 2", 1)]
    assert audit(store, "review.appraise")[-1] == (
        "TĐV 2",
        "918",
        "a1/1.1.2/2",
        {"points": ["0.5", "1"], "reason": [None, ""]},
    )


def test_exports_chain(store: Store) -> None:
    exchange = ExchangeStore(store)

    def row(bundle_id: str, after: str, period: str = "Q3") -> BundleExport:
        return BundleExport(
            agency_code="918",
            plan_id="kh-260-2022",
            period=period,
            bundle_id=bundle_id,
            sha256=bundle_id.ljust(64, "0"),
            path=f"/usb/{bundle_id}.zip",
            size=1,
            created_at=T0,
            created_by="Nguyễn Văn An",
            supersedes=after,
        )

    first = exchange.add_export(row("e1", ""), expected_latest="")
    with pytest.raises(ChainForked) as e:
        exchange.add_export(row("e2", ""), expected_latest="")
    assert e.value.latest == "e1"
    exchange.add_export(row("q1", "", "Q1"), expected_latest="")
    second = exchange.add_export(row("e2", "e1"), expected_latest="e1")
    latest = exchange.latest_export("918", "kh-260-2022", "Q3")
    assert latest is not None and (latest.id, latest.bundle_id) == (second, "e2")
    exchange.take_back_export(
        second, bundle_id="e2", sha256="s", error="Permission denied", actor="A", agency="918"
    )
    latest = exchange.latest_export("918", "kh-260-2022", "Q3")
    assert latest is not None and (latest.id, latest.bundle_id) == (first, "e1")
    assert exchange.export_by_id("e2") is None and exchange.export_by_id("q1") is not None
    assert audit(store, "bundle.export_failed") == [
        ("A", "918", "e2", {"sha256": ["s", None], "error": [None, "Permission denied"]})
    ]
    # each export recorded, the refused one (a fork) not
    assert audit(store, "bundle.export") == [
        ("Nguyễn Văn An", "918", b, {"sha256": [None, b.ljust(64, "0")], "period": [None, p]})
        for b, p in (("e1", "Q3"), ("q1", "Q1"), ("e2", "Q3"))
    ]
    with sqlite3.connect(store.path) as con:
        kinds = con.execute("SELECT DISTINCT entity FROM audit_log WHERE action LIKE 'bundle.%'")
        assert [k for (k,) in kinds] == ["bundle"]


def test_receipts_newest_first_to_the_check(store: Store) -> None:
    exchange = ExchangeStore(store)
    seen: list[str | None] = []

    def keep(sha: str, issued: datetime) -> None:
        exchange.add_receipt(
            ReceivedReceipt(
                sha256=sha,
                bundle_id="b1",
                state="da_nhan",
                content="{}",
                signer="TĐV",
                received_at=T0,
                issued_at=issued,
            ),
            issued,
            actor="An",
            agency="918",
            check=lambda newest: seen.append(newest.sha256 if newest else None),
        )

    keep("r-early", T0)
    keep("r-late", T0 + timedelta(hours=2))
    keep("r-mid", T0 + timedelta(hours=1))  # taken in later, issued earlier
    # the newest by issue time, neither the first nor the last kept
    assert seen == [None, "r-early", "r-late"]
    assert [r.sha256 for r in exchange.receipts()] == ["r-early", "r-late", "r-mid"]
    got = exchange.receipt_by_sha256("r-mid")
    assert got is not None and got.bundle_id == "b1"
    assert audit(store, "receipt.import")[0] == (
        "An",
        "918",
        "b1",
        {"state": [None, "da_nhan"], "issued_at": [None, T0.isoformat()]},
    )


def test_anchors_written_only_when_changed(store: Store) -> None:
    exchange = ExchangeStore(store)
    assert exchange.anchors() == {}
    ca, crl = b"-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n", b"crl\n"
    kept = exchange.update_anchors(
        lambda rows: {"trust_ca_pem": ca, "trust_crl_pem": crl}, actor="A", agency="SNV"
    )
    assert kept == {"trust_ca_pem": ca, "trust_crl_pem": crl}
    assert exchange.anchors() == {"trust_ca_pem": ca, "trust_crl_pem": crl}
    exchange.update_anchors(lambda rows: dict(rows), actor="A", agency="SNV")  # nothing changes
    exchange.update_anchors(lambda rows: {**rows, "trust_crl_pem": None}, actor="A", agency="SNV")
    assert exchange.anchors() == {"trust_ca_pem": ca}
    assert [(a[2], a[3]) for a in audit(store, "trust.anchor")] == [
        ("ca", {"sha256": [None, sha(ca)]}),
        ("crl", {"sha256": [None, sha(crl)]}),
        ("crl", {"sha256": [sha(crl), None]}),
    ]


def test_another_plan_or_agency_never_joins_a_chain(store: Store, plan_text: str) -> None:
    """Bundles of another plan (or, in the officer's copy, another agency) with the same period
    neither answer a search nor stand as the latest export."""
    review = ReviewStore(store)
    received(review, "a1")
    received(review, "a9", plan="kh-khac")
    assert [r.bundle_id for r in review.starting_with("kh-260-2022", "Q3", "a")] == ["a1"]
    with pytest.raises(ChainMoved) as moved:  # it names a predecessor nobody received
        received(review, "b1", agency="916", after="a1")
    assert moved.value.latest == ""
    exchange = ExchangeStore(store)

    def row(bundle_id: str, agency: str, plan: str) -> BundleExport:
        return BundleExport(
            agency_code=agency, plan_id=plan, period="Q3", bundle_id=bundle_id,
            sha256=bundle_id.ljust(64, "0"), path=f"/usb/{bundle_id}.zip", size=1,
            created_at=T0, created_by="An", supersedes="",
        )  # fmt: skip

    store.import_plan(plan_text.replace('id = "kh-260-2022"', 'id = "kh-khac"', 1))
    exchange.add_export(row("e1", "918", "kh-260-2022"), expected_latest="")
    exchange.add_export(row("k1", "918", "kh-khac"), expected_latest="")  # its own chain
    exchange.add_export(row("o1", "916", "kh-260-2022"), expected_latest="")
    for agency, plan, want in (
        ("918", "kh-260-2022", "e1"),
        ("918", "kh-khac", "k1"),
        ("916", "kh-260-2022", "o1"),
    ):
        latest = exchange.latest_export(agency, plan, "Q3")
        assert latest is not None and latest.bundle_id == want


def test_receipts_are_numbered_per_agency_plan_and_period(store: Store) -> None:
    review = ReviewStore(store)
    mine = received(review, "a1")
    others = [
        received(review, "b1", agency="916"),
        received(review, "p1", plan="kh-khac"),
        received(review, "q1", period="Q1"),
    ]
    numbers = []
    for bundle in [mine, *others, mine, mine]:
        row = review.add_issued(
            bundle,
            state="da_nhan",
            data=b"signed",
            sha256="s",
            file_for=lambda n, b=bundle: f"{b.bundle_id}-{n}.zip",
            actor="TĐV",
        )
        numbers.append((row.bundle_id, row.number, row.file))
    assert numbers == [
        ("a1", 1, "a1-1.zip"),
        ("b1", 1, "b1-1.zip"),
        ("p1", 1, "p1-1.zip"),
        ("q1", 1, "q1-1.zip"),
        ("a1", 2, "a1-2.zip"),
        ("a1", 3, "a1-3.zip"),
    ]
    assert [r.number for r in review.issued("918", "kh-260-2022", "Q3")] == [1, 2, 3]
    for agency, plan, period in (("916", "kh-260-2022", "Q3"), ("918", "kh-khac", "Q3")):
        assert [r.bundle_id for r in review.issued(agency, plan, period)] != ["a1"]
    assert [r.bundle_id for r in review.issued("918", "kh-260-2022", "Q1")] == ["q1"]

    # a file that cannot be written: nothing kept, the number free again
    def refuse(_n: int) -> str:
        raise UserError("receipt.exists", path="x")

    with pytest.raises(UserError):
        review.add_issued(mine, state="da_nhan", data=b"x", sha256="s", file_for=refuse, actor="T")
    assert [r.number for r in review.issued("918", "kh-260-2022", "Q3")] == [1, 2, 3]


def test_withdrawing_points_is_for_one_agency_plan_period_and_code(store: Store) -> None:
    review = ReviewStore(store)
    mine = received(review, "a1")
    for bundle in (
        mine,
        received(review, "b1", agency="916"),
        received(review, "p1", plan="kh-khac"),
        received(review, "q1", period="Q1"),
    ):
        review.set_points(
            bundle, [("1.1.1", 1, D("1")), ("1.1.2", 1, D("1"))], reason="", actor="T"
        )
    assert review.withdraw_points("918", "kh-260-2022", "Q3", "1.1.1", 1, "r", actor="T") == 1
    con = sqlite3.connect(store.path)
    left = con.execute("SELECT bundle_id, code FROM appraisal ORDER BY bundle_id, code").fetchall()
    con.close()
    assert left == [
        ("a1", "1.1.2"),
        ("b1", "1.1.1"),
        ("b1", "1.1.2"),
        ("p1", "1.1.1"),
        ("p1", "1.1.2"),
        ("q1", "1.1.1"),
        ("q1", "1.1.2"),
    ]
