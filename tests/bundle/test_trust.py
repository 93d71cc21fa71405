"""The trust model against an insider: every officer holds a genuine certificate of the same CA
and wants to pass as someone else. Forged paths of every shape, the roles, revocation lists and
receipts — each refused with its reason; openssl as a second opinion where it applies."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from cchc_tui.bundle import bag, pki, trust
from cchc_tui.bundle.receipt import ReceiptError, make_receipt, read_receipt
from cchc_tui.bundle.verify import Report, verify_bundle
from cchc_tui.core.errors import UserError
from cchc_tui.core.review import reviewer_of
from cchc_tui.core.submission import parse_submission
from cchc_tui.services.anchors import trust_anchors
from cchc_tui.services.importer import ImportRefused, import_bundle
from cchc_tui.services.receipts import import_receipt
from cchc_tui.store.service import Store
from tests.tui_helpers import REGISTRY, cli, officer_bundle

NOW = datetime.now(UTC).replace(microsecond=0)
OPENSSL = shutil.which("openssl")
PASS = b"mat-khau-dai-123"


# -- a small CA workshop: any certificate an attacker or a careless CA could make ----------


def _ku(**on: bool) -> x509.KeyUsage:
    names = (
        "digital_signature content_commitment key_encipherment data_encipherment key_agreement "
        "key_cert_sign crl_sign encipher_only decipher_only"
    )
    return x509.KeyUsage(**{n: on.get(n, False) for n in names.split()})


@dataclass
class Party:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate


_KEYS: list[rsa.RSAPrivateKey] = []


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_ca(
    cn: str = "Sở Nội vụ thành phố Cần Thơ",
    *,
    issuer: Party | None = None,
    path_length: int | None = 0,
    ca: bool = True,
    key_cert_sign: bool = True,
    days: tuple[int, int] = (-1, 365),
) -> Party:
    key = _key()
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND thành phố Cần Thơ"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )
    signer = issuer or Party(key, None)  # type: ignore[arg-type]
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer.cert.subject if issuer else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW + timedelta(days=days[0]))
        .not_valid_after(NOW + timedelta(days=days[1]))
        .add_extension(
            x509.BasicConstraints(ca=ca, path_length=path_length if ca else None), critical=True
        )
        .add_extension(_ku(key_cert_sign=key_cert_sign, crl_sign=key_cert_sign), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), False
        )
    return Party(key, builder.sign(signer.key, hashes.SHA256()))


def make_leaf(
    issuer: Party,
    agency: str = "918",
    *,
    role: str | None = "officer",
    digital_signature: bool = True,
    ca: bool = False,
    days: tuple[int, int] = (-1, 365),
    officer: str = "Trần Thị Thu Hương",
) -> Party:
    key = _key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"Cơ quan {agency}"),
                    x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, agency),
                    x509.NameAttribute(NameOID.COMMON_NAME, officer),
                ]
            )
        )
        .issuer_name(issuer.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW + timedelta(days=days[0]))
        .not_valid_after(NOW + timedelta(days=days[1]))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            _ku(digital_signature=digital_signature, content_commitment=True), critical=True
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), False
        )
    )
    if role is not None:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([trust.ROLE_OID[role]]),  # type: ignore[index]
            critical=False,
        )
    return Party(key, builder.sign(issuer.key, hashes.SHA256()))


def make_crl(
    issuer: Party,
    revoked: list[x509.Certificate] = (),  # type: ignore[assignment]
    *,
    number: int = 1,
    last: timedelta = timedelta(hours=-1),
    next_: timedelta = timedelta(days=30),
) -> bytes:
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.cert.subject)
        .last_update(NOW + last)
        .next_update(NOW + next_)
        .add_extension(x509.CRLNumber(number), critical=False)
    )
    for cert in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(cert.serial_number)
            .revocation_date(NOW - timedelta(hours=2))
            .build()
        )
    return builder.sign(issuer.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


# -- the world: a genuine officer bundle, whose content any signer can re-sign ---------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    d = tmp_path_factory.mktemp("trust")
    cwd = Path.cwd()
    os.chdir(d)
    try:
        path = d / officer_bundle(d, "o918.sqlite", "918", "Trần Thị Thu Hương", out=".")
    finally:
        os.chdir(cwd)
    with zipfile.ZipFile(path) as zf:
        root = zf.namelist()[0].split("/")[0]
        submission = parse_submission(zf.read(f"{root}/data/submission.json"))
        audit = [json.loads(line) for line in zf.read(f"{root}/data/audit.jsonl").splitlines()]
    root_ca = make_ca()
    return {
        "dir": d,
        "genuine": path,
        "submission": submission,
        "audit": audit,
        "ca": root_ca,
        "officer": make_leaf(root_ca),
        "reviewer": make_leaf(root_ca, "SNV", role="reviewer", officer="Thẩm định viên"),
    }


_COUNTER = iter(range(1, 10_000))


def forge(
    world: dict[str, Any],
    signer: Party,
    chain: list[x509.Certificate] = (),  # type: ignore[assignment]
) -> Path:
    """The genuine bundle's content, signed by ``signer`` (its chain embedded)."""
    sub = world["submission"]
    spec = bag.BundleSpec(
        agency_code=sub.agency.code,
        agency_name=sub.agency.name,
        officer=sub.officer,
        plan_id=sub.plan,
        period=sub.period,
        app_version="0.1.0",
        timestamp=datetime(2022, 9, 9, 8, 0, tzinfo=UTC) + timedelta(seconds=next(_COUNTER)),
        submission=sub,
        audit=world["audit"],
    )
    out = world["dir"] / f"forged-{next(_COUNTER)}"
    out.mkdir()
    return bag.build_bundle(spec, signer.key, signer.cert, list(chain), out).path


def verify(path: Path, ca: Party, crl: bytes | None = None, **kw: Any) -> Report:
    return verify_bundle(path, pem(ca.cert), crl, NOW, **kw)


def refused(report: Report) -> str:
    assert not report.ok, report.checks
    return " ".join(c.detail for c in report.checks if not c.ok)


# -- bundles --------------------------------------------------------------------------------


def test_a_genuine_officer_bundle_holds_and_says_revocation_was_not_checked(
    world: dict[str, Any],
) -> None:
    report = verify(forge(world, world["officer"]), world["ca"])
    assert report.ok, report.checks
    assert any("chưa kiểm tra thu hồi" in w for w in report.warnings)
    crl = make_crl(world["ca"])
    report = verify(forge(world, world["officer"]), world["ca"], crl)
    assert report.ok and not report.warnings, report.checks


@pytest.mark.parametrize(
    ("shape", "reason"),
    [
        ("reviewer_signs_bundle", "vai trò thẩm định"),
        ("no_role_mark", "không có dấu vai trò cán bộ"),
        ("leaf_is_ca", "chứng thư của một CA"),
        ("the_ca_itself_signs", "chứng thư của một CA"),
        ("no_digital_signature", "digitalSignature"),
        ("expired_leaf", "hiệu lực"),
        ("leaf_not_yet_valid", "hiệu lực"),
        ("leaf_used_as_issuer", "không phải là CA"),
        ("intermediate_under_pathlen_0_root", "pathLen"),
        ("another_ca_with_the_same_names", "không do CA tin cậy cấp"),
        ("another_ca_embedded_as_intermediate", "không do CA tin cậy cấp"),
    ],
)
def test_forged_paths_and_wrong_roles_are_refused(
    world: dict[str, Any], shape: str, reason: str
) -> None:
    ca: Party = world["ca"]
    chain: list[x509.Certificate] = []
    if shape == "reviewer_signs_bundle":
        signer = make_leaf(ca, "918", role="reviewer")
    elif shape == "no_role_mark":
        signer = make_leaf(ca, role=None)
    elif shape == "leaf_is_ca":
        signer = make_leaf(ca, ca=True)
    elif shape == "the_ca_itself_signs":
        signer = ca
    elif shape == "no_digital_signature":
        signer = make_leaf(ca, digital_signature=False)
    elif shape == "expired_leaf":
        signer = make_leaf(ca, days=(-400, -1))
    elif shape == "leaf_not_yet_valid":
        signer = make_leaf(ca, days=(2, 300))
    elif shape == "leaf_used_as_issuer":
        # 916's genuine officer certificate "issues" one for 918
        insider = make_leaf(ca, "916")
        signer = make_leaf(insider, "918")
        chain = [insider.cert]
    elif shape == "intermediate_under_pathlen_0_root":
        inter = make_ca("Trung gian", issuer=ca, path_length=0)
        signer = make_leaf(inter)
        chain = [inter.cert]
    elif shape == "another_ca_with_the_same_names":
        signer = make_leaf(make_ca())
    else:
        other = make_ca()
        signer = make_leaf(other)
        chain = [other.cert]
    report = verify(forge(world, signer, chain), ca, make_crl(ca))
    assert reason in refused(report)


@pytest.fixture(scope="module")
def deep(world: dict[str, Any]) -> dict[str, Party]:
    """A real CA's root that allows one intermediate (pathLen 1)."""
    root = make_ca("Root CA", path_length=1)
    return {"root": root, "inter": make_ca("Intermediate CA", issuer=root, path_length=0)}


def test_a_root_that_allows_intermediates(world: dict[str, Any], deep: dict[str, Party]) -> None:
    root, inter = deep["root"], deep["inter"]
    signer = make_leaf(inter)
    ok = verify(forge(world, signer, [inter.cert]), root, make_crl(root))
    assert ok.ok, ok.checks
    # the leaf's own revocation cannot be checked without the intermediate's list: said so
    assert any("CA trung gian" in w for w in ok.warnings)
    cases: dict[str, tuple[list[x509.Certificate], Party, str]] = {}
    bad_ca_false = make_ca("Intermediate CA", issuer=root, ca=False)
    cases["CA:FALSE intermediate"] = ([bad_ca_false.cert], bad_ca_false, "không phải là CA")
    no_kcs = make_ca("Intermediate CA", issuer=root, key_cert_sign=False)
    cases["no keyCertSign"] = ([no_kcs.cert], no_kcs, "keyCertSign")
    expired = make_ca("Intermediate CA", issuer=root, days=(-400, -1))
    cases["expired intermediate"] = ([expired.cert], expired, "hết hạn")
    # two levels of intermediates under a root of pathLen 1
    lower = make_ca("Lower CA", issuer=inter, path_length=0)
    cases["too deep"] = ([inter.cert, lower.cert], lower, "pathLen")
    for label, (chain, issuer, reason) in cases.items():
        report = verify(forge(world, make_leaf(issuer), chain), root, make_crl(root))
        assert reason in refused(report), label
    # a revoked intermediate: the root's list names it
    report = verify(
        forge(world, make_leaf(inter), [inter.cert]), root, make_crl(root, [inter.cert])
    )
    assert "CA trung gian trong chuỗi đã bị thu hồi" in refused(report)


def test_revocation_lists(world: dict[str, Any]) -> None:
    ca, officer = world["ca"], world["officer"]
    bundle = forge(world, officer)
    assert "đã bị thu hồi" in refused(verify(bundle, ca, make_crl(ca, [officer.cert])))
    # a list of another CA, or one "issued" next week
    assert "không do CA tin cậy ký" in refused(verify(bundle, ca, make_crl(make_ca())))
    future = make_crl(ca, last=timedelta(days=7), next_=timedelta(days=30))
    assert "sau hôm nay" in refused(verify(bundle, ca, future))
    # past its nextUpdate: a warning on verify, a refusal when asked (import)
    stale = make_crl(ca, last=timedelta(days=-40), next_=timedelta(days=-10))
    report = verify(bundle, ca, stale)
    assert report.ok and any("hết hạn" in w for w in report.warnings)
    assert "--allow-stale-crl" in refused(verify(bundle, ca, stale, stale_crl_ok=False))
    # several lists in one file: the newest (by number) counts
    both = make_crl(ca, number=1) + make_crl(ca, [officer.cert], number=2)
    assert "đã bị thu hồi" in refused(verify(bundle, ca, both))


def test_a_remembered_crl_is_never_replaced_by_an_older_one(
    world: dict[str, Any], tmp_path: Path
) -> None:
    ca = world["ca"]
    (tmp_path / "ca.pem").write_bytes(pem(ca.cert))
    for n in (1, 2, 3):
        (tmp_path / f"crl{n}.pem").write_bytes(make_crl(ca, number=n))
    (tmp_path / "crl2b.pem").write_bytes(make_crl(ca, [world["officer"].cert], number=2))
    store = Store(tmp_path / "r.sqlite", create=True)
    try:
        store.init_profile("SNV", "Sở Nội vụ", "Thẩm định viên")
        _ca, crl = trust_anchors(store, tmp_path / "ca.pem", tmp_path / "crl2.pem")
        assert crl == (tmp_path / "crl2.pem").read_bytes()
        for older in ("crl1.pem", "crl2b.pem"):  # older, or the same number changed
            with pytest.raises(UserError) as err:
                trust_anchors(store, None, tmp_path / older)
            assert err.value.key == "trust.crl_older"
            assert trust_anchors(store)[1] == (tmp_path / "crl2.pem").read_bytes()
        assert (
            trust_anchors(store, None, tmp_path / "crl3.pem")[1]
            == (tmp_path / "crl3.pem").read_bytes()
        )
        # a new CA: the list the old one signed no longer applies
        other = make_ca("CA mới")
        (tmp_path / "other.pem").write_bytes(pem(other.cert))
        with pytest.raises(UserError) as err:  # not by a stray file: only when asked
            trust_anchors(store, tmp_path / "other.pem")
        assert err.value.key == "trust.ca_differs"
        assert trust_anchors(store, tmp_path / "other.pem", replace_ca=True)[1] is None
    finally:
        store.close()


def test_import_refuses_a_stale_crl_unless_allowed(world: dict[str, Any], tmp_path: Path) -> None:
    ca = world["ca"]
    stale = make_crl(ca, last=timedelta(days=-40), next_=timedelta(days=-10))
    store = Store(tmp_path / "r.sqlite", create=True)
    try:
        store.init_profile("SNV", "Sở Nội vụ", "Thẩm định viên")
        bundle = forge(world, world["officer"])
        before = hashlib.sha256((tmp_path / "r.sqlite").read_bytes()).hexdigest()
        with pytest.raises(ImportRefused) as err:
            import_bundle(store, bundle, pem(ca.cert), stale, actor="T", now=NOW)
        assert "hết hạn" in err.value.message()
        assert hashlib.sha256((tmp_path / "r.sqlite").read_bytes()).hexdigest() == before
        done = import_bundle(
            store, bundle, pem(ca.cert), stale, actor="T", now=NOW, allow_stale_crl=True
        )
        assert not done.already
    finally:
        store.close()


@pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed on this machine")
def test_openssl_agrees_on_paths_and_revocation(world: dict[str, Any], tmp_path: Path) -> None:
    """`openssl verify -crl_check` as a second opinion on the same certificates."""
    ca, officer = world["ca"], world["officer"]

    def openssl(leaf: x509.Certificate, chain: list[x509.Certificate], crl: bytes | None) -> int:
        (tmp_path / "ca.pem").write_bytes(pem(ca.cert) + (crl or b""))
        (tmp_path / "leaf.pem").write_bytes(pem(leaf))
        (tmp_path / "chain.pem").write_bytes(pem(*chain) if chain else b"")
        args = [str(OPENSSL), "verify", "-CAfile", str(tmp_path / "ca.pem")]
        if chain:
            args += ["-untrusted", str(tmp_path / "chain.pem")]
        if crl:
            args += ["-crl_check"]
        return subprocess.run([*args, str(tmp_path / "leaf.pem")], capture_output=True).returncode

    def ours(leaf: Party, chain: list[x509.Certificate], crl: bytes | None) -> bool:
        return verify(forge(world, leaf, chain), ca, crl).ok

    revoked = make_crl(ca, [officer.cert])
    insider = make_leaf(ca, "916")
    forged = make_leaf(insider, "918")
    inter = make_ca("Trung gian", issuer=ca)
    under = make_leaf(inter)
    for leaf, chain, crl, expect in [
        (officer, [], make_crl(ca), True),
        (officer, [], revoked, False),
        (forged, [insider.cert], make_crl(ca), False),
        (under, [inter.cert], make_crl(ca), False),  # the root allows no intermediate
    ]:
        assert (openssl(leaf.cert, chain, crl) == 0) is expect
        assert ours(leaf, chain, crl) is expect


# -- receipts --------------------------------------------------------------------------------


def content_for(bundle_id: str, sha: str, agency: str, **extra: Any) -> dict[str, Any]:
    return {
        "bundle_id": bundle_id,
        "bundle_sha256": sha,
        "agency": agency,
        "plan": "kh-260-2022",
        "period": "Q3",
        "state": "can_bo_sung",
        "appraisal": {},
        "appraisal_total": {},
        "comments": [{"target": "general", "text": "Bổ sung", "at": "x", "by": "T"}],
        **extra,
    }


def write_receipt(
    path: Path, signer: Party, content: dict[str, Any], when: datetime | None = None
) -> Path:
    path.write_bytes(make_receipt(content, signer.key, signer.cert, [], when or NOW))
    return path


def test_receipts_only_from_this_units_reviewer(world: dict[str, Any], tmp_path: Path) -> None:
    ca = world["ca"]
    ward = next(a for a in REGISTRY.agencies.values() if a.level == "commune")
    district = ward.parent
    assert reviewer_of(REGISTRY, ward.code) == district
    assert reviewer_of(REGISTRY, "918") == "SNV" and reviewer_of(REGISTRY, "STP") == "SNV"
    content = content_for("b", "0" * 64, ward.code)
    read: Callable[..., Any] = lambda p, **kw: read_receipt(  # noqa: E731
        p, pem(ca.cert), make_crl(ca), reviewer=district, now=NOW, **kw
    )
    good = make_leaf(ca, district, role="reviewer")
    assert read(write_receipt(tmp_path / "ok.zip", good, content)).signer.agency_code == district
    cases = {
        "Sở Nội vụ for a commune": (make_leaf(ca, "SNV", role="reviewer"), "không phải"),
        "another district": (
            make_leaf(ca, "916" if district != "916" else "918", role="reviewer"),
            "không phải",
        ),
        "the commune's own officer": (make_leaf(ca, ward.code), "vai trò cán bộ"),
        "the district's officer": (make_leaf(ca, district), "vai trò cán bộ"),
        "the CA itself": (ca, "chứng thư của một CA"),
        "another CA's reviewer": (make_leaf(make_ca(), district, role="reviewer"), "Chuỗi"),
    }
    for label, (signer, reason) in cases.items():
        with pytest.raises(ReceiptError) as err:
            read(write_receipt(tmp_path / "x.zip", signer, content))
        assert reason in err.value.message(), label
    with pytest.raises(ReceiptError) as err:  # revoked
        read_receipt(
            write_receipt(tmp_path / "r.zip", good, content),
            pem(ca.cert),
            make_crl(ca, [good.cert]),
            reviewer=district,
            now=NOW,
        )
    assert "thu hồi" in err.value.message()


def test_a_huge_file_is_not_read_to_be_refused(world: dict[str, Any], tmp_path: Path) -> None:
    big = tmp_path / "phieu.zip"
    with big.open("wb") as fh:
        fh.truncate(1024**3)  # sparse: 1 GiB
    with pytest.raises(ReceiptError) as err:
        read_receipt(big, pem(world["ca"].cert), reviewer="SNV", now=NOW)
    assert err.value.key == "receipt.too_big"


def test_an_older_receipt_never_replaces_a_newer_one(
    world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = officer_bundle(tmp_path, "o.sqlite", "918", "Hương", out=".")
    sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    with zipfile.ZipFile(path) as zf:
        bundle_id = zf.namelist()[0].split("/")[0]
    cli("--db", "o.sqlite", "receipt", "list")  # the database is there
    ca_cert, ca_key = pki.load_ca(tmp_path / "ca", PASS)
    ca = Party(ca_key, ca_cert)
    reviewer = make_leaf(ca, "SNV", role="reviewer")
    first = write_receipt(
        tmp_path / "r1.zip",
        reviewer,
        content_for(bundle_id, sha, "918"),
        NOW - timedelta(days=2),
    )
    second = write_receipt(
        tmp_path / "r2.zip",
        reviewer,
        content_for(bundle_id, sha, "918", state="da_duyet"),
        NOW - timedelta(days=1),
    )
    store = Store(tmp_path / "o.sqlite")
    try:
        ca_pem = pem(ca_cert)
        assert import_receipt(store, second, ca_pem, registry=REGISTRY)[1] is True
        before = hashlib.sha256((tmp_path / "o.sqlite").read_bytes()).hexdigest()
        with pytest.raises(UserError) as err:  # a replay of the older verdict
            import_receipt(store, first, ca_pem, registry=REGISTRY)
        assert "cũ hơn phiếu đã nhận" in err.value.message()
        assert hashlib.sha256((tmp_path / "o.sqlite").read_bytes()).hexdigest() == before
        assert import_receipt(store, second, ca_pem, registry=REGISTRY)[1] is False
    finally:
        store.close()


def test_keys_are_used_only_for_their_role(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reviewer's key cannot export a bundle, an officer's cannot sign a receipt: refused
    before anything is written."""
    from tests.tui_helpers import person_with_key

    monkeypatch.chdir(tmp_path)
    (tmp_path / "p").write_text(PASS.decode(), encoding="utf-8")
    cli("pki", "init-ca", "--dir", "ca", "--passphrase-file", "p")
    person_with_key("o.sqlite", "918", "Hương", role="reviewer")
    for item in json.loads(cli("--db", "o.sqlite", "assigned", "--json"))["items"]:
        cli("--db", "o.sqlite", "progress", "set", item["id"], "--status", "dang")
    from cchc_tui.cli import main

    (tmp_path / "usb").mkdir()
    assert (
        main(
            [
                "--db",
                "o.sqlite",
                "export",
                "--period",
                "Q3",
                "--out",
                "usb",
                "--passphrase-file",
                "p",
            ]
        )
        == 1
    )
    assert list((tmp_path / "usb").iterdir()) == []


def test_a_new_passphrase_is_asked_twice_on_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import getpass
    import sys

    from cchc_tui.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter(["mat-khau-dai-123", "mat-khau-dai-124"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert main(["pki", "init-ca", "--dir", "ca"]) == 1
    assert "không khớp" in capsys.readouterr().err
    assert not (tmp_path / "ca").exists() or not any((tmp_path / "ca").iterdir())
    answers = iter(["mat-khau-dai-123", "mat-khau-dai-123"])
    assert main(["pki", "init-ca", "--dir", "ca"]) == 0
    assert (tmp_path / "ca" / pki.CA_KEY).exists()


def test_a_receipt_that_does_not_fit_its_schema_is_refused(
    world: dict[str, Any], tmp_path: Path
) -> None:
    """Signed by the right reviewer, but with text a terminal would act on, a field too many,
    or a state that does not exist."""
    ca = world["ca"]
    reviewer = make_leaf(ca, "SNV", role="reviewer")
    base = content_for("b", "0" * 64, "918")
    escape = {"target": "general", "text": "\x1b[2J\x1b[1;1HĐẠT", "at": "x", "by": "T"}
    for label, content in {
        "escape sequence": base | {"comments": [escape]},
        "extra field": base | {"approved_by_director": True},
        "unknown state": base | {"state": "dat"},
        "not a hash": base | {"bundle_sha256": "x"},
    }.items():
        with pytest.raises(ReceiptError) as err:
            read_receipt(
                write_receipt(tmp_path / "x.zip", reviewer, content),
                pem(ca.cert),
                reviewer="SNV",
                now=NOW,
            )
        assert err.value.key == "receipt.bad_form", label
    ok = read_receipt(
        write_receipt(tmp_path / "ok.zip", reviewer, base), pem(ca.cert), reviewer="SNV", now=NOW
    )
    assert ok.content["state"] == "can_bo_sung"


def test_a_revoked_reviewer_key_signs_no_receipt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cchc_tui.cli import main
    from tests.tui_helpers import person_with_key

    monkeypatch.chdir(tmp_path)
    bundle = officer_bundle(tmp_path, "o.sqlite", "918", "Hương", out=".")
    person_with_key("r.sqlite", "SNV", "Thẩm định viên", role="reviewer")
    cli("--db", "r.sqlite", "import", bundle, "--ca", "ca/ca.pem")
    receipt = ["--db", "r.sqlite", "review", "--period", "Q3", "receipt", "918"]
    cli(*receipt, "--out", "phieu1.zip", "--passphrase-file", "p")
    serial = pki.identity(pki.load_p12(tmp_path / "SNV-reviewer.p12", PASS)[1]).serial
    cli("pki", "revoke", "--dir", "ca", "--passphrase-file", "p", format(serial, "x"))
    cli("pki", "crl", "--dir", "ca", "--passphrase-file", "p", "--out", "crl.pem")
    cli("--db", "r.sqlite", "import", bundle, "--crl", "crl.pem")  # remembered
    capsys.readouterr()
    assert main([*receipt, "--out", "phieu2.zip", "--passphrase-file", "p"]) == 1
    assert "đã bị thu hồi" in capsys.readouterr().err
    assert not (tmp_path / "phieu2.zip").exists()
