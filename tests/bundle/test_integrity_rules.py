"""Issue 12: the integrity rules, each on its own. Every receipt and bundle here is genuinely
signed (a reviewer's or an officer's key of the test CA), so that only the rule under test can
refuse it, and each test names the refusal it expects: removing or loosening the rule turns it
red (each was seen red with its rule commented out, then the source restored).

Receipts: the path to the trusted CA, the signer's validity, the allowed states. Import: the
resubmission chain (a fork, an unknown predecessor, a predecessor of other bytes) and the
audit entry of an import (one for a bundle received, none for a bundle refused)."""

from __future__ import annotations

import hashlib
import json
import typing
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlmodel import col, select

from cchc_tui.bundle.bag import canonical_json
from cchc_tui.bundle.cms import sign_detached
from cchc_tui.bundle.receipt import (
    CONTENT,
    SIGNATURE,
    STATES,
    Receipt,
    ReceiptContent,
    ReceiptError,
    make_receipt,
    read_receipt,
)
from cchc_tui.core import review
from cchc_tui.core.agencies import Registry
from cchc_tui.core.dates import format_date
from cchc_tui.core.i18n import CATALOGUE, t
from cchc_tui.core.text import escape_controls
from cchc_tui.services import importer
from cchc_tui.services.importer import ImportRefused, import_bundle
from cchc_tui.services.receipts import import_receipt
from cchc_tui.store.models import AuditEntry, BundleExport, ReceivedBundle, ReceivedReceipt
from cchc_tui.store.service import Store
from cchc_tui.store.transaction import utcnow
from tests.bundle import test_import_hardening as hardening
from tests.bundle.test_trust import NOW, Party, content_for, make_ca, make_crl, make_leaf, pem
from tests.bundle_corpus import WHEN, Kit, bag_info_of, entries_of, make_bundle

# the import-hardening tests' CA with officers of 918 and 916 (pki.init_ca and pki.issue,
# module-wide); the reviewer's database is tests/bundle/conftest.py's
kit = hardening.kit

# -- receipts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Desk:
    """The test CA, its revocation list, and the genuine reviewer of Sở Nội vụ."""

    ca: Party
    crl: bytes
    reviewer: Party


@pytest.fixture(scope="module")
def desk() -> Desk:
    ca = make_ca()
    snv = make_leaf(ca, "SNV", role="reviewer", officer="Thẩm định viên")
    return Desk(ca, make_crl(ca), snv)


def signed_receipt(
    path: Path,
    signer: Party,
    content: dict[str, Any],
    *,
    when: datetime = NOW,
    chain: list[x509.Certificate] | None = None,
) -> Path:
    path.write_bytes(make_receipt(content, signer.key, signer.cert, chain or [], when))
    return path


def resigned(genuine: Path, out: Path, signer: Party, when: datetime, **changes: Any) -> Path:
    """A genuine receipt taken apart, its receipt.json changed and signed again with
    ``signer``'s key: the signature holds, only the content is other."""
    with zipfile.ZipFile(genuine) as zf:
        body = json.loads(zf.read(CONTENT))
    new = canonical_json({**body, **changes})
    stamp = when.timetuple()[:6]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo(CONTENT, date_time=stamp), new)
        zf.writestr(
            zipfile.ZipInfo(SIGNATURE, date_time=stamp),
            sign_detached(new, signer.key, signer.cert, [], when),
        )
    return out


def read(desk: Desk, path: Path, now: datetime = NOW) -> Receipt:
    return read_receipt(path, pem(desk.ca.cert), desk.crl, reviewer="SNV", now=now)


def untrusted(desk: Desk, path: Path) -> str:
    """The reason a receipt's signer was not trusted (and that it was refused for that)."""
    with pytest.raises(ReceiptError) as err:
        read(desk, path)
    assert err.value.key == "receipt.untrusted_because", err.value.message()
    return str(err.value.params["reason"])


def impostor(genuine: Party) -> Party:
    """A certificate made at home: the genuine reviewer's subject, issuer, serial, dates and
    extensions (role mark included) copied onto a fresh key, signed with that key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    src = genuine.cert
    builder = (
        x509.CertificateBuilder()
        .subject_name(src.subject)
        .issuer_name(src.issuer)
        .public_key(key.public_key())
        .serial_number(src.serial_number)
        .not_valid_before(src.not_valid_before_utc)
        .not_valid_after(src.not_valid_after_utc)
    )
    for ext in src.extensions:
        builder = builder.add_extension(ext.value, critical=ext.critical)
    return Party(key, builder.sign(key, hashes.SHA256()))


def test_the_genuine_reviewer_receipt_holds(desk: Desk, tmp_path: Path) -> None:
    """The baseline every refusal below differs from by one thing."""
    got = read(
        desk, signed_receipt(tmp_path / "ok.zip", desk.reviewer, content_for("b", "0" * 64, "918"))
    )
    assert got.signer.agency_code == "SNV" and got.signer.officer == "Thẩm định viên"
    assert got.content["state"] == "can_bo_sung"


def test_a_receipt_from_a_self_made_certificate_with_the_reviewers_names_is_refused(
    desk: Desk, tmp_path: Path
) -> None:
    """Planted mistake: the path to the trusted CA not checked when a receipt is read. The
    signer's certificate says everything the genuine reviewer's says — names, role mark, dates,
    even the serial — but no trusted CA issued it."""
    content = content_for("b", "0" * 64, "918")
    fake_ca = make_ca()  # the trusted CA's names too
    same_names = make_leaf(fake_ca, "SNV", role="reviewer", officer="Thẩm định viên")
    cases: dict[str, tuple[Party, list[x509.Certificate]]] = {
        "self-signed copy of the reviewer's certificate": (impostor(desk.reviewer), []),
        "issued by a home-made CA of the same names": (same_names, []),
        "the home-made CA embedded as intermediate": (same_names, [fake_ca.cert]),
    }
    for label, (signer, chain) in cases.items():
        assert signer.cert.subject == desk.reviewer.cert.subject, label
        assert signer.cert.issuer == desk.ca.cert.subject, label
        path = signed_receipt(tmp_path / "x.zip", signer, content, chain=chain)
        expected = t(
            "trust.bad_path",
            issuer=escape_controls(signer.cert.issuer.rfc4514_string()),
            detail=t("trust.path.not_issued"),
        )
        assert untrusted(desk, path) == expected, label


@pytest.mark.parametrize(
    ("label", "days", "signed_at"),
    [
        ("expired before the signing", (-400, -1), NOW),
        ("not yet valid at the signing", (2, 300), NOW),
        # a stolen expired key, its receipt dated back to when the certificate held
        ("expired, receipt dated back into its validity", (-400, -1), NOW - timedelta(days=10)),
    ],
)
def test_a_receipt_from_a_reviewer_certificate_out_of_its_validity_is_refused(
    desk: Desk, tmp_path: Path, label: str, days: tuple[int, int], signed_at: datetime
) -> None:
    """Planted mistake: the signer's validity not checked. Issued by the trusted CA, with the
    reviewer's role: only its dates are wrong, and the refusal says so (not the path: the
    leaf's own validity is named, with its dates)."""
    signer = make_leaf(desk.ca, "SNV", role="reviewer", officer="Thẩm định viên", days=days)
    path = signed_receipt(
        tmp_path / "x.zip", signer, content_for("b", "0" * 64, "918"), when=signed_at
    )
    expected = t(
        "verify.bad_validity",
        since=format_date(signer.cert.not_valid_before_utc.date()),
        until=format_date(signer.cert.not_valid_after_utc.date()),
    )
    assert untrusted(desk, path) == expected, label


def test_the_states_a_receipt_may_carry_are_the_review_states() -> None:
    """One list of states: the receipt's schema, the review desk's and the officer's screens."""
    allowed = typing.get_args(ReceiptContent.model_fields["state"].annotation)
    assert allowed == STATES == review.STATES
    assert set(STATES) == {"da_nhan", "can_bo_sung", "da_duyet", "khong_duyet"}
    for state in STATES:  # each is shown in words on the officer's screens
        assert f"ui.review.rstate.{state}" in CATALOGUE


NOT_STATES = ["dat", "DA_DUYET", "da_duyet ", "đã duyệt", "", "approved", "khong_duyet\n"]


def test_a_receipt_with_a_state_outside_the_allowed_set_is_refused(
    desk: Desk, tmp_path: Path
) -> None:
    """Planted mistake: the allowed-state check removed. A genuine receipt, its state changed
    and signed again with the genuine reviewer's key: refused as not a receipt; each allowed
    state, signed the same way, holds."""
    genuine = signed_receipt(
        tmp_path / "genuine.zip", desk.reviewer, content_for("b", "0" * 64, "918")
    )
    for state in STATES:
        path = resigned(genuine, tmp_path / f"{state}.zip", desk.reviewer, NOW, state=state)
        assert read(desk, path).content["state"] == state
    for bad in NOT_STATES:
        path = resigned(genuine, tmp_path / "bad.zip", desk.reviewer, NOW, state=bad)
        with pytest.raises(ReceiptError) as err:
            read(desk, path)
        assert err.value.key == "receipt.bad_form", repr(bad)


def _audit(store: Store, action: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(col(AuditEntry.id))
    if action is not None:
        query = query.where(AuditEntry.action == action)
    with store._read() as s:
        return list(s.exec(query).all())


def test_the_officer_keeps_each_allowed_state_and_refuses_any_other(
    desk: Desk, store: Store, registry: Registry, tmp_path: Path
) -> None:
    """End to end on the officer's side: a receipt of each allowed state for a bundle sent from
    here is kept with its state and audited; one of another state, newer still and signed by
    the same reviewer, changes nothing."""
    sha = hashlib.sha256(b"the bundle sent").hexdigest()
    bundle_id = str(uuid.uuid4())
    with store._write() as s:
        s.add(
            BundleExport(
                agency_code="918",
                plan_id="kh-260-2022",
                period="Q3",
                bundle_id=bundle_id,
                sha256=sha,
                path="x.zip",
                size=1,
                created_at=utcnow(),
                created_by="Nguyễn Văn An",
            )
        )
    content = content_for(bundle_id, sha, "918")
    ca = pem(desk.ca.cert)
    start = NOW - timedelta(minutes=len(STATES) + 1)
    for i, state in enumerate(STATES):
        path = signed_receipt(
            tmp_path / f"{state}.zip",
            desk.reviewer,
            content | {"state": state},
            when=start + timedelta(minutes=i),
        )
        receipt, new = import_receipt(store, path, ca, desk.crl, registry=registry)
        assert new and receipt.content["state"] == state
    with store._read() as s:
        kept = [r.state for r in s.exec(select(ReceivedReceipt).order_by(col(ReceivedReceipt.id)))]
    assert kept == list(STATES)
    audited = _audit(store, "receipt.import")
    assert [(a.actor, a.agency_code, a.entity_key) for a in audited] == [
        ("Nguyễn Văn An", "918", bundle_id)
    ] * len(STATES)
    assert [json.loads(a.changes)["state"] for a in audited] == [[None, s] for s in STATES]
    before = (kept, len(_audit(store)))
    for bad in ("dat", "da_duyet "):
        path = signed_receipt(tmp_path / "bad.zip", desk.reviewer, content | {"state": bad})
        with pytest.raises(ReceiptError) as err:
            import_receipt(store, path, ca, desk.crl, registry=registry)
        assert err.value.key == "receipt.bad_form"
    with store._read() as s:
        kept = [r.state for r in s.exec(select(ReceivedReceipt).order_by(col(ReceivedReceipt.id)))]
    assert (kept, len(_audit(store))) == before


# -- import: the resubmission chain -------------------------------------------------------------


@dataclass(frozen=True)
class Sent:
    path: Path
    bundle_id: str
    sha256: str


def _sent(path: Path) -> Sent:
    return Sent(path, entries_of(path)[0], hashlib.sha256(path.read_bytes()).hexdigest())


@pytest.fixture(scope="module")
def chain(kit: Kit) -> dict[str, Sent]:
    """Bundles of 918 for Q3, each genuinely signed by its officer: ``a`` first, ``b`` naming
    ``a``, ``c`` naming ``b``, and the ones that do not fit the chain a → b."""
    out = kit.folder / "chain"
    made: dict[str, Sent] = {}

    def bundle(name: str, day: int, supersedes: tuple[str, str] | None = None) -> None:
        when = WHEN + timedelta(days=day)
        made[name] = _sent(make_bundle(kit, "918", out / name, when=when, supersedes=supersedes))

    bundle("a", 0)
    bundle("b", 1, (made["a"].bundle_id, made["a"].sha256))
    bundle("c", 2, (made["b"].bundle_id, made["b"].sha256))
    bundle("names_nothing", 3)
    bundle("names_a_again", 4, (made["a"].bundle_id, made["a"].sha256))
    bundle("names_unknown", 5, (str(uuid.uuid4()), made["a"].sha256))
    bundle("names_a_wrong_sha", 6, (made["a"].bundle_id, made["b"].sha256))
    bundle("names_b_wrong_sha", 7, (made["b"].bundle_id, made["a"].sha256))
    ids = {s.bundle_id for s in made.values()}
    assert len(ids) == len(made)
    return made


def bag_info(sent: Sent) -> dict[str, str]:
    return bag_info_of(entries_of(sent.path)[1])


def received(store: Store) -> list[tuple[str, str]]:
    with store._read() as s:
        rows = s.exec(select(ReceivedBundle).order_by(col(ReceivedBundle.id))).all()
    return [(r.bundle_id, r.supersedes) for r in rows]


def state_of(store: Store) -> tuple[list[tuple[str, str]], int, list[str]]:
    """What a refused import must leave as it was: the bundles received, the audit log, and
    the bundle store's agency folder."""
    folder = importer.bundles_dir(store) / "918"
    on_disk = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    return received(store), len(_audit(store)), on_disk


def refused(store: Store, kit: Kit, sent: Sent) -> ImportRefused:
    before = state_of(store)
    with pytest.raises(ImportRefused) as err:
        import_bundle(store, sent.path, kit.ca_pem, None, actor="TĐV")
    assert state_of(store) == before, err.value.message()
    return err.value


def stale(err: ImportRefused) -> tuple[str, object, object]:
    """The refusal's key, and which predecessor the bundle named and which the desk holds."""
    return err.key, err.params.get("named"), err.params.get("latest")


def accept(store: Store, kit: Kit, sent: Sent) -> None:
    done = import_bundle(store, sent.path, kit.ca_pem, None, actor="TĐV")
    assert done.report.ok and not done.already and done.report.bundle_id == sent.bundle_id


def test_a_bundle_naming_no_predecessor_after_others_is_a_fork(
    kit: Kit, chain: dict[str, Sent], reviewer: Store
) -> None:
    """Planted mistake: a bundle that names no predecessor accepted though the agency already
    sent one for the plan and period (two chains). Refused as stale, naming the latest."""
    a, b = chain["a"], chain["b"]
    accept(reviewer, kit, a)
    err = refused(reviewer, kit, chain["names_nothing"])
    assert stale(err) == ("import.stale", "—", a.bundle_id)
    accept(reviewer, kit, b)
    for fork in ("names_nothing", "names_a_again"):  # a fork at the start or in the middle
        err = refused(reviewer, kit, chain[fork])
        named = "—" if fork == "names_nothing" else a.bundle_id
        assert stale(err) == ("import.stale", named, b.bundle_id), fork
    assert received(reviewer) == [(a.bundle_id, ""), (b.bundle_id, a.bundle_id)]


def test_a_fork_that_arrives_while_another_import_runs_is_refused(
    kit: Kit,
    chain: dict[str, Sent],
    reviewer: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The chain is read again inside the write: a bundle naming no predecessor, checked while
    the desk had nothing of 918 yet, is refused when ``a`` came in meanwhile."""
    a = chain["a"]
    accept(reviewer, kit, a)
    monkeypatch.setattr(importer, "latest_received", lambda *_args: None)  # what it saw before
    err = refused(reviewer, kit, chain["names_nothing"])
    assert stale(err) == ("import.stale", "—", a.bundle_id)


def test_a_predecessor_the_desk_never_received_is_refused(
    kit: Kit, chain: dict[str, Sent], reviewer: Store
) -> None:
    """An unknown predecessor id: before anything came in (the first bundle names one), and
    after ``a`` (an id that is not the latest received)."""
    a, b = chain["a"], chain["b"]
    err = refused(reviewer, kit, b)  # names a, which the desk never got
    assert stale(err) == ("import.stale", a.bundle_id, "—")
    accept(reviewer, kit, a)
    unknown = chain["names_unknown"]
    err = refused(reviewer, kit, unknown)
    named = bag_info(unknown)["CCHC-Supersedes"]
    assert named not in {s.bundle_id for s in chain.values()}
    assert stale(err) == ("import.stale", named, a.bundle_id)


def test_a_predecessor_named_with_another_sha256_is_refused(
    kit: Kit, chain: dict[str, Sent], reviewer: Store
) -> None:
    """Planted mistake: the predecessor's SHA-256 not compared. The right id, the hash of
    other bytes: refused with its own sentence; the same id with the right hash then holds."""
    a, b = chain["a"], chain["b"]
    accept(reviewer, kit, a)
    wrong = chain["names_a_wrong_sha"]
    assert bag_info(wrong)["CCHC-Supersedes"] == a.bundle_id
    assert bag_info(wrong)["CCHC-Supersedes-SHA256"] != a.sha256
    err = refused(reviewer, kit, wrong)
    assert err.key == "import.stale_sha"
    assert err.message() == t("import.stale_sha", path=wrong.path)
    accept(reviewer, kit, b)
    assert refused(reviewer, kit, chain["names_b_wrong_sha"]).key == "import.stale_sha"
    accept(reviewer, kit, chain["c"])


# -- import: the audit log --------------------------------------------------------------------


def test_an_import_is_audited_and_a_refused_one_is_not(
    kit: Kit, chain: dict[str, Sent], reviewer: Store
) -> None:
    """Planted mistake: the audit entry of an import left out. One row per bundle received —
    who, what, whose, which bundle, its hash and what it replaces; none for a refusal, none
    for the same bundle imported again."""
    a, b = chain["a"], chain["b"]
    base = len(_audit(reviewer))  # the profile and the plan
    accept(reviewer, kit, a)
    accept(reviewer, kit, b)
    for name in ("names_nothing", "names_a_again", "names_unknown", "names_a_wrong_sha"):
        refused(reviewer, kit, chain[name])
    assert import_bundle(reviewer, a.path, kit.ca_pem, None, actor="TĐV").already
    rows = [
        (r.actor, r.action, r.agency_code, r.entity, r.entity_key, json.loads(r.changes))
        for r in _audit(reviewer)[base:]
    ]
    assert rows == [
        (
            "TĐV",
            "bundle.import",
            "918",
            "bundle",
            a.bundle_id,
            {"sha256": [None, a.sha256], "supersedes": [None, ""]},
        ),
        (
            "TĐV",
            "bundle.import",
            "918",
            "bundle",
            b.bundle_id,
            {"sha256": [None, b.sha256], "supersedes": [None, a.bundle_id]},
        ),
    ]
    with reviewer._read() as s:
        got = s.exec(select(ReceivedBundle).where(ReceivedBundle.bundle_id == b.bundle_id)).one()
    assert (got.received_by, got.sha256, got.supersedes) == ("TĐV", b.sha256, a.bundle_id)


@pytest.mark.parametrize(
    "changes",
    [
        {"appraisal": {"1.1.1": {"1": "abc"}}},  # the officer's app makes a number of it
        {"appraisal": {"1.1.1": {"1": "-1"}}},
        {"appraisal": {"1.1.1": {"1": "1E+3"}}},
        {"appraisal": {"1.1.1": {"3": "1"}}},  # rounds are 1 and 2
        {"appraisal_total": {"total": "abc", "percent": "50", "grade": "Tốt"}},
        {"appraisal_total": {"total": "40", "percent": "50"}},  # no grade
        {"appraisal_total": {"total": "40", "percent": "50", "grade": "Tốt", "x": "1"}},
    ],
)
def test_a_receipt_whose_numbers_are_not_numbers_is_refused(
    desk: Desk, tmp_path: Path, changes: dict[str, Any]
) -> None:
    """Signed by the genuine reviewer, but what the scoring screen turns into numbers is not
    one: refused when read, instead of breaking the screen later."""
    genuine = signed_receipt(
        tmp_path / "genuine.zip", desk.reviewer, content_for("b", "0" * 64, "918")
    )
    path = resigned(genuine, tmp_path / "bad.zip", desk.reviewer, NOW, **changes)
    with pytest.raises(ReceiptError) as err:
        read(desk, path)
    assert err.value.key == "receipt.bad_form"


def test_a_receipt_with_numbers_and_totals_holds(desk: Desk, tmp_path: Path) -> None:
    genuine = signed_receipt(
        tmp_path / "genuine.zip", desk.reviewer, content_for("b", "0" * 64, "918")
    )
    good = {
        "appraisal": {"1.1.1": {"1": "0.5", "2": "1"}},
        "appraisal_total": {"total": "81.25", "percent": "81.3", "grade": "Tốt"},
    }
    path = resigned(genuine, tmp_path / "good.zip", desk.reviewer, NOW, **good)
    assert read(desk, path).content["appraisal_total"]["total"] == "81.25"


@pytest.mark.parametrize(("ahead", "ok"), [(timedelta(hours=23), True), (timedelta(days=2), False)])
def test_a_receipt_dated_ahead_of_today_is_refused(
    desk: Desk, tmp_path: Path, ahead: timedelta, ok: bool
) -> None:
    """A receipt "from the future" (a wrong clock on the signing PC) would make every later,
    genuine receipt for the bundle look older and be refused; a day of drift is tolerated."""
    path = signed_receipt(
        tmp_path / "r.zip",
        desk.reviewer,
        content_for("b", "0" * 64, "918"),
        when=NOW + ahead,
    )
    if ok:
        assert read(desk, path).issued_at == NOW + ahead
        return
    with pytest.raises(ReceiptError) as err:
        read(desk, path)
    assert err.value.key == "receipt.future"
