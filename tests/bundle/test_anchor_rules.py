"""The trust anchors a database remembers, rule by rule: none yet; a CA given once and
remembered; the same again changes nothing; another CA only when asked, and then a revocation
list it did not sign is forgotten; a revocation list signed by the CA, never replaced by an
older one; each change audited with the hashes before and after."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from cchc_tui.bundle import pki
from cchc_tui.core.errors import UserError
from cchc_tui.services.anchors import canonical_pem, remembered_anchors, trust_anchors
from cchc_tui.store.service import Store
from tests.bundle_corpus import CA_PASS

from .test_trust import NOW


@pytest.fixture(scope="module")
def cas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("anchors")
    out = {}
    for name in ("one", "two"):
        pki.init_ca(base / name, CA_PASS)
        out[name] = base / name
        for n in (1, 2):  # numbered 1 and 2
            pki.make_crl(base / name, CA_PASS, base / f"{name}-crl{n}.pem", now=NOW)
    return out


def ca_file(cas: dict[str, Path], name: str) -> Path:
    return cas[name] / pki.CA_CERT


def crl_file(cas: dict[str, Path], name: str, n: int) -> Path:
    return cas[name].parent / f"{name}-crl{n}.pem"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "a.sqlite", create=True)
    s.init_profile("SNV", "Sở Nội vụ", "Thẩm định viên")
    yield s
    s.close()


def refusal(*args: Any, **kwargs: Any) -> str:
    with pytest.raises(UserError) as e:
        trust_anchors(*args, **kwargs)
    return e.value.message()


def audit(store: Store) -> list[tuple[str, str, str, dict[str, Any]]]:
    con = sqlite3.connect(store.path)
    rows = con.execute(
        "SELECT actor, agency_code, entity_key, changes FROM audit_log "
        "WHERE action = 'trust.anchor' AND entity = 'trust' ORDER BY id"
    ).fetchall()
    con.close()
    return [(a, b, c, json.loads(d)) for a, b, c, d in rows]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def grouped(ca: Path) -> str:
    digest = x509.load_pem_x509_certificate(ca.read_bytes()).fingerprint(hashes.SHA256()).hex()
    return f"{digest[0:4]} {digest[4:8]} {digest[8:12]} {digest[12:16]}"


def test_no_ca_yet(store: Store) -> None:
    assert remembered_anchors(store) == (None, None)
    assert refusal(store) == (
        "Chưa có CA tin cậy: chỉ ra tệp ca.pem của Sở Nội vụ (trên dòng lệnh: --ca); được ghi "
        "nhớ cho các lần sau."
    )


def test_a_ca_given_once_is_remembered_and_audited(store: Store, cas: dict[str, Path]) -> None:
    ca = ca_file(cas, "one")
    assert trust_anchors(store, ca) == (ca.read_bytes(), None)
    assert remembered_anchors(store) == (ca.read_bytes(), None)
    assert trust_anchors(store) == (ca.read_bytes(), None)
    assert trust_anchors(store, ca) == (ca.read_bytes(), None)  # the same again: no change
    assert audit(store) == [("Thẩm định viên", "SNV", "ca", {"sha256": [None, sha(ca)]})]


def test_a_file_that_cannot_be_read(store: Store, tmp_path: Path) -> None:
    missing = tmp_path / "ca.pem"
    assert refusal(store, missing) == (
        f"Không đọc được tệp «{missing}»: No such file or directory."
    )
    assert remembered_anchors(store) == (None, None)


def test_a_file_that_is_no_certificate(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "ca.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n")
    assert refusal(store, bad) == (
        f"«{bad}» không phải chứng thư số dạng PEM (tệp ca.pem của Sở Nội vụ)."
    )


def test_another_ca_only_when_asked(store: Store, cas: dict[str, Path]) -> None:
    one, two = ca_file(cas, "one"), ca_file(cas, "two")
    trust_anchors(store, one, crl_file(cas, "one", 1))
    assert refusal(store, two) == (
        f"CA trong «{two}» (vân tay {grouped(two)}) khác CA đã ghi nhớ ({grouped(one)}): không "
        "thay. Nếu Sở Nội vụ thật sự đổi CA, chạy lại với --replace-ca."
    )
    assert remembered_anchors(store) == (one.read_bytes(), crl_file(cas, "one", 1).read_bytes())
    # replaced: the old CA's list no longer applies and is forgotten
    assert trust_anchors(store, two, replace_ca=True) == (two.read_bytes(), None)
    assert remembered_anchors(store) == (two.read_bytes(), None)
    crl_sha = sha(crl_file(cas, "one", 1))
    assert audit(store)[-2:] == [
        ("Thẩm định viên", "SNV", "ca", {"sha256": [sha(one), sha(two)]}),
        ("Thẩm định viên", "SNV", "crl", {"sha256": [crl_sha, None]}),
    ]


def test_a_renewed_ca_keeps_a_list_it_signed(
    store: Store, cas: dict[str, Path], tmp_path: Path
) -> None:
    """The same CA key in a renewed certificate (other serial and dates): the list it signed
    still applies; a list the new CA did not sign would be forgotten (above)."""
    old, key = pki.load_ca(cas["one"], CA_PASS)
    builder = (
        x509.CertificateBuilder()
        .subject_name(old.subject)
        .issuer_name(old.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(old.not_valid_before_utc)
        .not_valid_after(old.not_valid_after_utc + timedelta(days=365))
    )
    for ext in old.extensions:
        builder = builder.add_extension(ext.value, ext.critical)
    renewed = tmp_path / "ca-renewed.pem"
    renewed.write_bytes(builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM))
    trust_anchors(store, ca_file(cas, "one"), crl_file(cas, "one", 1))
    ca, crl = trust_anchors(store, renewed, replace_ca=True)
    assert ca == renewed.read_bytes() and crl == crl_file(cas, "one", 1).read_bytes()


def test_the_same_ca_with_a_comment_a_bom_or_crlf_is_the_same_ca(
    store: Store, cas: dict[str, Path], tmp_path: Path
) -> None:
    """Only the PEM blocks are kept and compared: a ca.pem saved by Notepad (BOM, CRLF) or with
    a Vietnamese note above it is the CA already remembered, not "another CA"."""
    pem = ca_file(cas, "one").read_bytes()
    noted = tmp_path / "ca có ghi chú.pem"
    note = "\ufeffCA của Sở Nội vụ TP Cần Thơ, nhận ngày 01/03\r\n".encode()
    noted.write_bytes(note + pem.replace(b"\n", b"\r\n"))
    assert trust_anchors(store, noted) == (pem, None)
    assert trust_anchors(store, noted) == (pem, None)  # again: the same CA
    assert trust_anchors(store, ca_file(cas, "one")) == (pem, None)
    assert remembered_anchors(store) == (pem, None)
    assert len(audit(store)) == 1
    crl = crl_file(cas, "one", 1)
    crlf = tmp_path / "crl-windows.pem"
    crlf.write_bytes(b"\xef\xbb\xbf" + crl.read_bytes().replace(b"\n", b"\r\n"))
    assert trust_anchors(store, crl=crlf) == (pem, crl.read_bytes())


def test_a_file_that_cannot_be_read_without_a_system_message(
    store: Store, cas: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Path) -> bytes:
        raise OSError("thiết bị USB bị rút ra")

    monkeypatch.setattr(Path, "read_bytes", broken)
    ca = ca_file(cas, "one")
    assert refusal(store, ca) == f"Không đọc được tệp «{ca}»: thiết bị USB bị rút ra."


def test_revocation_lists(store: Store, cas: dict[str, Path], tmp_path: Path) -> None:
    one = ca_file(cas, "one")
    trust_anchors(store, one)
    foreign = crl_file(cas, "two", 1)
    assert refusal(store, crl=foreign) == (
        f"Tệp «{foreign}» không dùng được làm danh sách thu hồi: Danh sách thu hồi (CRL) không do "
        "CA tin cậy ký."
    )
    first, second = crl_file(cas, "one", 1), crl_file(cas, "one", 2)
    assert trust_anchors(store, crl=second) == (one.read_bytes(), second.read_bytes())
    with pytest.raises(UserError) as e:
        trust_anchors(store, crl=first)
    assert e.value.message() == (
        "Danh sách thu hồi này cũ hơn danh sách đã có (số 1 so với 2): không thay thế."
    )
    assert remembered_anchors(store) == (one.read_bytes(), second.read_bytes())
    assert trust_anchors(store, crl=second) == (one.read_bytes(), second.read_bytes())
    assert [a[2] for a in audit(store)] == ["ca", "crl"]
    assert audit(store)[1][3] == {"sha256": [None, sha(second)]}


def test_without_a_profile_the_audit_names_no_one(tmp_path: Path, cas: dict[str, Path]) -> None:
    s = Store(tmp_path / "b.sqlite", create=True)
    try:
        trust_anchors(s, ca_file(cas, "one"))
        assert audit(s) == [("", "", "ca", {"sha256": [None, sha(ca_file(cas, "one"))]})]
    finally:
        s.close()


def test_canonical_pem_keeps_each_block_on_its_own_and_a_file_without_one_as_it_is() -> None:
    one = b"-----BEGIN CERTIFICATE-----\r\nQUJD\r\n-----END CERTIFICATE-----"
    two = b"-----BEGIN X509 CRL-----\nREVG\n-----END X509 CRL-----"
    note = "\ufeffCA của Sở Nội vụ\r\n".encode()  # Notepad's BOM and a line of text
    given = note + one + b"\r\n\r\n" + two
    assert canonical_pem(given) == one.replace(b"\r\n", b"\n") + b"\n" + two + b"\n"
    assert canonical_pem(b"not a certificate\n") == b"not a certificate\n"
    assert canonical_pem(b"") == b""
