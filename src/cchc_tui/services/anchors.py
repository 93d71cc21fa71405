"""The trust anchors a database remembers: the CA certificate and revocation list that
bundles (at the review desk) and receipts (in the officer's app) are checked against. A
remembered CA is replaced only when asked; a revocation list is never replaced by an older
one (bundle/trust.py; docs/bundle-format.md, "Trust model")."""

from __future__ import annotations

import re
from pathlib import Path

from cchc_tui.core.errors import UserError
from cchc_tui.store.exchange import ExchangeStore
from cchc_tui.store.service import Store

_PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----\r?\n.+?-----END \1-----", re.S)


def canonical_pem(pem: bytes) -> bytes:
    """The PEM blocks of a file, with LF line ends: what is trusted, without the text around
    them (a comment, Notepad's byte-order mark, CRLF line ends) that would make the same
    certificate given again "another CA". A file with no block is returned as it is (and
    refused by whoever reads it)."""
    blocks = [m.group(0).replace(b"\r\n", b"\n") for m in _PEM_BLOCK.finditer(pem)]
    return b"\n".join(blocks) + b"\n" if blocks else pem


def remembered_anchors(store: Store) -> tuple[bytes | None, bytes | None]:
    """The CA certificate and revocation list this database remembers (None where none)."""
    rows = ExchangeStore(store).anchors()
    return rows.get("trust_ca_pem"), rows.get("trust_crl_pem")


def _fingerprint(pem: bytes) -> str:
    from cryptography.hazmat.primitives import hashes

    from cchc_tui.bundle import trust

    digest = trust.load_ca(pem).fingerprint(hashes.SHA256()).hex()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def trust_anchors(
    store: Store, ca: Path | None = None, crl: Path | None = None, *, replace_ca: bool = False
) -> tuple[bytes, bytes | None]:
    """The CA certificate (and revocation list) bundles and receipts are checked against: the
    files given are read, checked and remembered in the database; without them, what was
    remembered. A remembered CA is replaced only when asked (``replace_ca``: a "ca.pem" left
    on a stick must not silently become the trust anchor); a new CA drops a remembered list
    it did not sign. A revocation list must be signed by the CA and is never replaced by an
    older one."""
    from cchc_tui.bundle import trust

    def read(path: Path) -> bytes:
        try:
            return path.read_bytes()
        except OSError as e:
            raise UserError(
                "evidence.file_unreadable", path=path, detail=e.strerror or str(e)
            ) from None

    def decide(rows: dict[str, bytes]) -> dict[str, bytes | None]:
        ca_pem = rows.get("trust_ca_pem")
        crl_pem = rows.get("trust_crl_pem")
        if ca is not None:
            given = canonical_pem(read(ca))
            try:
                trust.load_ca(given)
            except trust.TrustError:
                raise UserError("import.bad_ca", path=ca) from None
            if ca_pem is not None and given != canonical_pem(ca_pem) and not replace_ca:
                raise UserError(
                    "trust.ca_differs",
                    path=ca,
                    new=_fingerprint(given),
                    old=_fingerprint(ca_pem),
                )
            if given != ca_pem and crl_pem is not None:
                try:  # a list the new CA did not sign no longer applies
                    trust.load_crls(crl_pem, trust.load_ca(given))
                except trust.TrustError:
                    crl_pem = None
            ca_pem = given
        if ca_pem is None:
            raise UserError("import.no_ca")
        if crl is not None:
            given = canonical_pem(read(crl))
            anchor = trust.load_ca(ca_pem)
            try:
                new = trust.load_crls(given, anchor)
            except trust.TrustError as e:
                raise UserError("import.bad_crl_because", path=crl, reason=e.message()) from None
            if crl_pem is not None:
                trust.check_replacement(
                    trust.newest(trust.load_crls(crl_pem, anchor)), trust.newest(new)
                )
            crl_pem = given
        return {"trust_ca_pem": ca_pem, "trust_crl_pem": crl_pem}

    prof = store.profile()
    who = (prof.officer, prof.agency_code) if prof is not None else ("", "")
    kept = ExchangeStore(store).update_anchors(decide, actor=who[0], agency=who[1])
    ca_pem = kept["trust_ca_pem"]
    assert ca_pem is not None  # decide() refuses a database with none
    return ca_pem, kept["trust_crl_pem"]
