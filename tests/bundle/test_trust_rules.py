"""The two trust rules a signer meets before anything is written, each broken one way, fast
(certificates made in memory, no bundle): a remembered revocation list is replaced only by a
newer one, and an officer's or reviewer's own key is checked before it signs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from cchc_tui.bundle import trust
from cchc_tui.core.errors import UserError
from cchc_tui.core.i18n import t

from .test_trust import NOW, Party, make_ca, make_crl, make_leaf, pem


@pytest.fixture(scope="module")
def ca() -> Party:
    return make_ca()


def crl(ca: Party, *, number: int | None = 1, hours_ago: int = 1, revoked: int = 0) -> object:
    """A list with (or without) a CRL number, issued ``hours_ago``, revoking ``revoked``."""
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.cert.subject)
        .last_update(NOW - timedelta(hours=hours_ago))
        .next_update(NOW + timedelta(days=30))
    )
    if number is not None:
        builder = builder.add_extension(x509.CRLNumber(number), critical=False)
    if revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(revoked)
            .revocation_date(NOW - timedelta(hours=2))
            .build()
        )
    return builder.sign(ca.key, hashes.SHA256())


def refused(old: object, new: object) -> dict[str, object]:
    with pytest.raises(trust.TrustError) as err:
        trust.check_replacement(old, new)  # type: ignore[arg-type]
    # the step it names, as every TrustError does (a verify report files it under it)
    assert (err.value.key, err.value.check) == ("trust.crl_older", "revocation")
    return err.value.params


# -- replacing a remembered revocation list ------------------------------------------------------


def test_a_numbered_list_is_replaced_only_by_a_higher_number(ca: Party) -> None:
    two = crl(ca, number=2)
    trust.check_replacement(two, crl(ca, number=3))  # newer: taken
    trust.check_replacement(two, two)  # the same list again: nothing to say
    assert refused(two, crl(ca, number=1)) == {"new": 1, "old": 2}
    # the same number with other content (a revocation added or removed): refused
    assert refused(two, crl(ca, number=2, revoked=12345)) == {"new": 2, "old": 2}
    # a lower number issued later is still older
    assert refused(two, crl(ca, number=1, hours_ago=0)) == {"new": 1, "old": 2}


def test_a_list_without_number_is_ordered_by_its_issue_time(ca: Party) -> None:
    day = crl(ca, number=None, hours_ago=24)
    trust.check_replacement(day, crl(ca, number=None, hours_ago=1))  # issued later
    trust.check_replacement(day, crl(ca, number=None, hours_ago=24))  # the same time
    older = crl(ca, number=None, hours_ago=72)
    params = refused(day, older)
    assert params == {
        "new": (NOW - timedelta(hours=72)).strftime("%d/%m/%Y"),
        "old": (NOW - timedelta(hours=24)).strftime("%d/%m/%Y"),
    }
    # one side numbered, the other not: the times decide
    trust.check_replacement(crl(ca, number=9, hours_ago=24), crl(ca, number=None, hours_ago=1))
    refused(crl(ca, number=None, hours_ago=1), crl(ca, number=9, hours_ago=24))


# -- an own key, before it signs -----------------------------------------------------------------


def own(cert: Party, role: trust.Role, ca: Party | None, crl_pem: bytes | None = None) -> None:
    trust.check_own_key(cert.cert, [], role, pem(ca.cert) if ca is not None else None, crl_pem, NOW)


def test_a_key_signs_only_for_its_role(ca: Party) -> None:
    officer = make_leaf(ca)
    reviewer = make_leaf(ca, "SNV", role="reviewer")
    unmarked = make_leaf(ca, role=None)
    own(officer, "officer", ca)
    own(reviewer, "reviewer", ca)
    for cert, role, key, has in (
        (officer, "reviewer", "trust.role_for_receipt", "trust.role.officer"),
        (reviewer, "officer", "trust.role_for_export", "trust.role.reviewer"),
        (unmarked, "officer", "trust.role_for_export", "trust.role.none"),
        (unmarked, "reviewer", "trust.role_for_receipt", "trust.role.none"),
    ):
        with pytest.raises(UserError) as err:
            own(cert, role, ca)  # type: ignore[arg-type]
        assert (err.value.key, err.value.params) == (key, {"has": t(has)})


def test_without_a_remembered_ca_the_certificate_itself_is_checked(ca: Party) -> None:
    own(make_leaf(ca), "officer", None)
    with pytest.raises(UserError) as err:
        own(make_leaf(ca, days=(-30, -1)), "officer", None)  # expired yesterday
    assert err.value.key == "trust.own_key_bad"
    assert "không còn hiệu lực hôm nay" in err.value.message()
    with pytest.raises(UserError) as err:
        own(make_leaf(ca, days=(1, 30)), "officer", None)  # not valid before tomorrow
    assert err.value.key == "trust.own_key_bad"


def test_with_the_remembered_ca_and_list_the_whole_path_is_checked(ca: Party) -> None:
    officer = make_leaf(ca)
    stranger = make_ca("Sở Nội vụ thành phố Cần Thơ")  # the same name, another key
    with pytest.raises(UserError) as err:
        own(make_leaf(stranger), "officer", ca)
    assert err.value.key == "trust.own_key_bad"
    assert "không do CA tin cậy cấp" in err.value.message()
    revoked = make_crl(ca, [officer.cert])
    with pytest.raises(UserError) as err:
        own(officer, "officer", ca, revoked)
    assert err.value.key == "trust.own_key_bad" and "thu hồi" in err.value.message()
    own(officer, "officer", ca, make_crl(ca))  # listed as good
    # a list past its next update: signing is still allowed (the receiver decides)
    stale = make_crl(ca, last=timedelta(days=-60), next_=timedelta(days=-30))
    own(officer, "officer", ca, stale)
    with pytest.raises(UserError) as err:  # a list the CA did not sign is not read as good
        own(officer, "officer", ca, make_crl(stranger))
    assert err.value.key == "trust.own_key_bad"


# -- each refusal of a signer: the step it names and its sentence --------------------------------
def refusal_of(call: object) -> tuple[str, str]:
    with pytest.raises(trust.TrustError) as err:
        call()  # type: ignore[operator]
    return err.value.check, err.value.message()


def signer(cert: x509.Certificate, ca: Party, *, role: str = "officer", crls: object = None,
           bundled: tuple[x509.Certificate, ...] = ()) -> object:  # fmt: skip
    return lambda: trust.check_signer(
        cert,
        list(bundled),
        ca.cert,
        crls,
        role=role,
        at=NOW,
        stale_crl_ok=False,  # type: ignore[arg-type]
    )


def test_each_refusal_of_a_signer_names_its_step_and_says_why(ca: Party) -> None:
    from cchc_tui.core import labels

    officer_role = t(labels.TRUST_ROLE["officer"])
    reviewer_role = t(labels.TRUST_ROLE["reviewer"])
    as_ca = make_leaf(ca, ca=True)
    assert refusal_of(signer(as_ca.cert, ca)) == ("role", t("trust.leaf_is_ca"))
    no_sign = make_leaf(ca, digital_signature=False)
    assert refusal_of(signer(no_sign.cert, ca)) == ("role", t("trust.no_digital_signature"))
    unmarked = make_leaf(ca, role=None)
    assert refusal_of(signer(unmarked.cert, ca)) == (
        "role",
        t("trust.no_role_mark", role=officer_role),
    )
    reviewer = make_leaf(ca, "SNV", role="reviewer")
    assert refusal_of(signer(reviewer.cert, ca)) == (
        "role",
        t("trust.wrong_role", role=officer_role, has=reviewer_role),
    )
    expired = make_leaf(ca, days=(-30, -2))
    from cchc_tui.core.dates import format_date

    assert refusal_of(signer(expired.cert, ca)) == (
        "validity",
        t(
            "verify.bad_validity",
            since=format_date(expired.cert.not_valid_before_utc.date()),
            until=format_date(expired.cert.not_valid_after_utc.date()),
        ),
    )
    good = make_leaf(ca)
    revoked_list = trust.load_crls(make_crl(ca, [good.cert]), ca.cert)[0]
    check, said = refusal_of(signer(good.cert, ca, crls=[revoked_list]))
    assert check == "revocation"
    revoked_at = revoked_list.get_revoked_certificate_by_serial_number(good.cert.serial_number)
    assert revoked_at is not None
    assert said == t("verify.revoked", when=format_date(revoked_at.revocation_date_utc.date()))
    other = make_ca("CA khác")
    stranger = make_leaf(other)
    check, _said = refusal_of(signer(stranger.cert, ca))
    assert check == "chain"


def test_revocation_lists_that_cannot_be_read_or_are_not_the_ca_s(ca: Party) -> None:
    assert refusal_of(lambda: trust.load_crls(b"no list here", ca.cert)) == (
        "revocation",
        t("verify.bad_crl"),
    )
    broken = b"-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n"
    assert refusal_of(lambda: trust.load_crls(broken, ca.cert)) == (
        "revocation",
        t("verify.bad_crl"),
    )
    other = make_ca("CA khác")
    foreign = make_crl(other)
    assert refusal_of(lambda: trust.load_crls(foreign, ca.cert)) == (
        "revocation",
        t("trust.crl_foreign"),
    )
    good = make_crl(ca)
    assert len(trust.load_crls(good + good, ca.cert)) == 2


def test_a_ca_certificate_that_cannot_be_read(ca: Party) -> None:
    garbage = b"khong phai chung thu"
    assert refusal_of(lambda: trust.load_ca(garbage)) == ("chain", t("verify.bad_ca"))
    assert trust.load_ca(pem(ca.cert)) == ca.cert


def test_a_leaf_without_any_key_usage_signs_nothing(ca: Party) -> None:
    """No KeyUsage extension at all (not one without digitalSignature): the same refusal."""
    from cryptography.x509.oid import NameOID

    from .test_trust import _key

    key = _key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Không có KeyUsage")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([trust.OID_BUNDLE_SIGNING]), critical=False)
        .sign(ca.key, hashes.SHA256())
    )
    assert refusal_of(signer(cert, ca)) == ("role", t("trust.no_digital_signature"))


@pytest.mark.parametrize(
    ("shape", "reason"),
    [
        ({"ca": True}, "ValueError: leaf is a CA"),
        ({"digital_signature": False}, "ValueError: digitalSignature"),
        ({"role": "reviewer"}, "ValueError: role"),
    ],
)
def test_the_verifier_holds_the_leaf_rules_again_on_its_own(
    ca: Party, shape: dict[str, object], reason: str
) -> None:
    """Defence in depth: the path verifier's own end-entity policy refuses what the leaf
    checks refuse first, and what it says reads without the verifier's wrapping."""
    from cryptography.x509 import verification as xv

    leaf = make_leaf(ca, **shape)  # type: ignore[arg-type]
    verifier = (
        xv.PolicyBuilder()
        .store(xv.Store([ca.cert]))
        .time(NOW)
        .extension_policies(
            ca_policy=xv.ExtensionPolicy.webpki_defaults_ca(),
            ee_policy=trust._ee_policy("officer"),
        )
        .build_client_verifier()
    )
    with pytest.raises(xv.VerificationError) as err:
        verifier.verify(leaf.cert, [])
    detail = trust._path_detail(str(err.value))
    assert detail.endswith(reason), detail  # the verifier's "(encountered …)" cut off
    assert "validation failed" not in detail
    assert verifier.verify(make_leaf(ca).cert, []).chain[-1] == ca.cert


def test_a_list_issued_in_the_future_beyond_five_minutes_is_refused(ca: Party) -> None:
    """A fast clock is forgiven up to CLOCK_SKEW; a list dated later was made on a wrong clock
    or on purpose (it would hide revocations until then)."""
    from cchc_tui.core.dates import format_date

    good = make_leaf(ca)
    edge = trust.load_crls(make_crl(ca, last=trust.CLOCK_SKEW), ca.cert)
    assert trust.check_signer(
        good.cert, [], ca.cert, edge, role="officer", at=NOW, stale_crl_ok=False
    ).revocation == t("verify.ok_revocation")
    later = trust.CLOCK_SKEW + timedelta(seconds=1)
    future = trust.load_crls(make_crl(ca, last=later), ca.cert)
    assert refusal_of(signer(good.cert, ca, crls=future)) == (
        "revocation",
        t("trust.crl_future", date=format_date((NOW + later).date())),
    )


def test_a_path_through_an_intermediate_is_built_from_what_the_signature_carries() -> None:
    """The signature carries the leaf, the intermediate and the root again (as real CA tools
    do): the path is leaf → intermediate → the trusted root; a revoked intermediate is named
    as such, not as the signer."""
    from cchc_tui.core.dates import format_date

    root = make_ca("Root CA", path_length=1)
    inter = make_ca("Intermediate CA", issuer=root, path_length=0)
    leaf = make_leaf(inter)
    carried = (leaf.cert, inter.cert, root.cert)
    crls = trust.load_crls(make_crl(root), root.cert)
    verdict = trust.check_signer(
        leaf.cert, list(carried), root.cert, crls, role="officer", at=NOW, stale_crl_ok=False
    )
    assert verdict.chain == [leaf.cert, inter.cert, root.cert]
    assert verdict.revocation == t("trust.unchecked_leaf")
    revoked = trust.load_crls(make_crl(root, [inter.cert]), root.cert)
    check, said = refusal_of(signer(leaf.cert, root, crls=revoked, bundled=carried))
    entry = revoked[0].get_revoked_certificate_by_serial_number(inter.cert.serial_number)
    assert entry is not None
    when = format_date(entry.revocation_date_utc.date())
    assert (check, said) == ("revocation", t("trust.issuer_revoked", when=when))


def test_a_certificate_marked_for_both_roles_or_none_of_ours_has_no_role(ca: Party) -> None:
    from cryptography.x509.oid import ExtendedKeyUsageOID

    both = make_leaf(ca)
    assert trust.role_of(both.cert) == "officer"
    for usages in (
        [trust.OID_BUNDLE_SIGNING, trust.OID_RECEIPT_SIGNING],
        [ExtendedKeyUsageOID.CLIENT_AUTH],
    ):
        cert = (
            x509.CertificateBuilder()
            .subject_name(both.cert.subject)
            .issuer_name(ca.cert.subject)
            .public_key(both.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - timedelta(days=1))
            .not_valid_after(NOW + timedelta(days=1))
            .add_extension(x509.ExtendedKeyUsage(usages), critical=False)
            .sign(ca.key, hashes.SHA256())
        )
        assert trust.role_of(cert) is None, usages


def test_a_certificate_holds_from_its_first_second_to_its_last(ca: Party) -> None:
    leaf = make_leaf(ca)
    start, end = leaf.cert.not_valid_before_utc, leaf.cert.not_valid_after_utc
    for at in (start, end):
        trust.check_signer(leaf.cert, [], ca.cert, None, role="officer", at=at, stale_crl_ok=True)
    for at in (start - timedelta(seconds=1), end + timedelta(seconds=1)):
        with pytest.raises(trust.TrustError) as err:
            trust.check_signer(
                leaf.cert, [], ca.cert, None, role="officer", at=at, stale_crl_ok=True
            )
        assert err.value.check == "validity"


def test_a_list_is_stale_only_after_its_next_update(ca: Party) -> None:
    from cchc_tui.core.dates import format_date

    good = make_leaf(ca)
    crls = trust.load_crls(make_crl(ca, next_=timedelta(hours=1)), ca.cert)
    at_next = crls[0].next_update_utc
    assert at_next is not None
    trust.check_signer(good.cert, [], ca.cert, crls, role="officer", at=at_next, stale_crl_ok=False)
    later = at_next + timedelta(seconds=1)
    with pytest.raises(trust.TrustError) as err:
        trust.check_signer(
            good.cert, [], ca.cert, crls, role="officer", at=later, stale_crl_ok=False
        )
    assert (err.value.check, err.value.message()) == (
        "revocation",
        t("trust.crl_stale", date=format_date(at_next.date())),
    )


def test_the_newest_list_a_numbered_one_over_one_without_number(ca: Party) -> None:
    numbered = crl(ca, number=0, hours_ago=5)
    unnumbered = crl(ca, number=None, hours_ago=1)
    assert trust.newest([unnumbered, numbered]) is numbered  # type: ignore[list-item]
    assert trust.newest([numbered, unnumbered]) is numbered  # type: ignore[list-item]
