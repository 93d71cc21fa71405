"""An offline PKI for Sở Nội vụ, so that signed bundles work out of the box; certificates from
a real CA work the same way (the verifier only needs the CA certificate and its CRL).

CA_DIR holds ca.pem (the certificate), ca-key.p12 (the key: PKCS#12, AES-256-CBC under
PBKDF2-HMAC-SHA256 with 600,000 iterations of the CA passphrase), issued.json and revoked.json
(what was issued and revoked, by serial) and crl-number (the last CRL's number).

Officers' and reviewers' keys are PKCS#12 files encrypted the same way; each certificate
carries the mark of its role (bundle/trust.py).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from cchc_tui.bundle.trust import ROLE_OID, ROLES, Role, role_of
from cchc_tui.core.errors import UserError

CA_CERT = "ca.pem"
CA_KEY = "ca-key.p12"
LEGACY_CA_KEY = "ca-key.pem"  # before 0.2: PKCS#8 PEM (PBKDF2, 2,048 iterations); still read
ISSUED = "issued.json"
REVOKED = "revoked.json"
CRL_NUMBER = "crl-number"
KEY_BITS = 2048  # RSA: what Vietnamese CAs and `openssl cms` both take
KDF_ROUNDS = 600_000  # PBKDF2-HMAC-SHA256 (OWASP 2023); ~0.1 s to open a key here
MIN_PASSPHRASE = 12


class PkiError(UserError):
    pass


@dataclass(frozen=True)
class Identity:
    """Who a certificate says signed: the agency (code and name) and the officer."""

    agency_code: str
    agency_name: str
    officer: str
    serial: int
    fingerprint: str  # SHA-256 of the DER certificate, hex
    role: Role | None = None  # the project role marked in the certificate


def identity(cert: x509.Certificate) -> Identity:
    def first(oid: x509.ObjectIdentifier) -> str:
        attrs = cert.subject.get_attributes_for_oid(oid)
        return str(attrs[0].value) if attrs else ""

    return Identity(
        agency_code=first(NameOID.ORGANIZATIONAL_UNIT_NAME),
        agency_name=first(NameOID.ORGANIZATION_NAME),
        officer=first(NameOID.COMMON_NAME),
        serial=cert.serial_number,
        fingerprint=cert.fingerprint(hashes.SHA256()).hex(),
        role=role_of(cert),
    )


def _aside(path: Path, data: bytes, mode: int) -> str:
    """``data`` written whole and synced to a temporary file beside ``path``; its name."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    tmp = _aside(path, data, mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_new(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write a file that must not exist yet, whole or not at all: FileExistsError when it
    does (a receipt or a report never replaces one). Written aside, then linked in (which
    refuses an existing name atomically); where links do not work (FAT32 and exFAT sticks)
    moved in after a last look."""
    tmp = _aside(path, data, mode)
    try:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _now() -> datetime:
    return datetime.now(UTC)


def _passphrase_ok(passphrase: bytes) -> None:
    if len(passphrase.decode("utf-8", "replace")) < MIN_PASSPHRASE:
        raise PkiError("pki.weak_passphrase")


def _encryption(passphrase: bytes) -> serialization.KeySerializationEncryption:
    """PKCS#12 with PBES2 (AES-256-CBC, PBKDF2-HMAC-SHA256, KDF_ROUNDS) and a SHA-256 MAC."""
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase)
    )


def init_ca(
    ca_dir: Path, passphrase: bytes, *, name: str = "Sở Nội vụ thành phố Cần Thơ", days: int = 3650
) -> x509.Certificate:
    """Create the CA key (encrypted) and its self-signed certificate in ``ca_dir``."""
    _passphrase_ok(passphrase)
    ca_dir.mkdir(parents=True, exist_ok=True)
    if any((ca_dir / n).exists() for n in (CA_KEY, LEGACY_CA_KEY, CA_CERT)):
        raise PkiError("pki.ca_exists", dir=ca_dir)
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND thành phố Cần Thơ"),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    now = _now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    blob = pkcs12.serialize_key_and_certificates(b"CA", key, cert, None, _encryption(passphrase))
    write_atomic(ca_dir / CA_KEY, blob, 0o600)
    write_atomic(ca_dir / CA_CERT, cert.public_bytes(serialization.Encoding.PEM))
    write_atomic(ca_dir / ISSUED, b"{}")
    write_atomic(ca_dir / REVOKED, b"{}")
    return cert


def load_ca(ca_dir: Path, passphrase: bytes) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    try:
        cert = x509.load_pem_x509_certificate((ca_dir / CA_CERT).read_bytes())
        if (ca_dir / CA_KEY).exists():
            key, _c, _chain = pkcs12.load_key_and_certificates(
                (ca_dir / CA_KEY).read_bytes(), passphrase
            )
        else:
            key = serialization.load_pem_private_key(
                (ca_dir / LEGACY_CA_KEY).read_bytes(), passphrase
            )
    except FileNotFoundError:
        raise PkiError("pki.no_ca", dir=ca_dir) from None
    except (ValueError, TypeError):
        raise PkiError("pki.bad_passphrase") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise PkiError("pki.no_ca", dir=ca_dir)
    return cert, key


def _json(path: Path) -> dict[str, dict[str, str]]:
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}


def issue(
    ca_dir: Path,
    ca_passphrase: bytes,
    *,
    agency_code: str,
    agency_name: str,
    officer: str,
    p12_passphrase: bytes,
    out: Path,
    days: int = 730,
    not_before: datetime | None = None,
    role: Role = "officer",
) -> Identity:
    """A signing certificate for a person of an agency, as PKCS#12 with a passphrase: an
    officer's signs bundles, a reviewer's (Sở Nội vụ, a district's Phòng Nội vụ) receipts."""
    if role not in ROLES:
        raise PkiError("pki.bad_role", value=role)
    _passphrase_ok(p12_passphrase)
    ca_cert, ca_key = load_ca(ca_dir, ca_passphrase)
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    start = not_before or (_now() - timedelta(minutes=5))
    cert = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, agency_name),
                    x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, agency_code),
                    x509.NameAttribute(NameOID.COMMON_NAME, officer),
                ]
            )
        )
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ROLE_OID[role]]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    blob = pkcs12.serialize_key_and_certificates(
        f"{agency_code} {officer}".encode(), key, cert, [ca_cert], _encryption(p12_passphrase)
    )
    write_atomic(out, blob, 0o600)
    who = identity(cert)
    issued = _json(ca_dir / ISSUED)
    issued[format(cert.serial_number, "x")] = {
        "agency": agency_code,
        "officer": officer,
        "fingerprint": who.fingerprint,
        "role": role,
        "not_after": cert.not_valid_after_utc.isoformat(),
    }
    write_atomic(ca_dir / ISSUED, json.dumps(issued, ensure_ascii=False, indent=1).encode())
    return who


def parse_serial(text: str) -> int:
    """A serial as openssl and Windows print it: hex, any case, with or without 0x, in
    colon-separated pairs or not (int() takes the prefix, the case and the spaces around)."""
    try:
        return int(text.replace(":", ""), 16)
    except ValueError:
        raise PkiError("pki.bad_serial", serial=text) from None


def revoke(ca_dir: Path, ca_passphrase: bytes, serial: int) -> None:
    load_ca(ca_dir, ca_passphrase)  # only the CA's holder may revoke
    issued = _json(ca_dir / ISSUED)
    key = format(serial, "x")
    if key not in issued:
        raise PkiError("pki.unknown_serial", serial=key)
    revoked = _json(ca_dir / REVOKED)
    revoked.setdefault(key, {"at": _now().isoformat()})
    write_atomic(ca_dir / REVOKED, json.dumps(revoked, indent=1).encode())


def make_crl(
    ca_dir: Path, ca_passphrase: bytes, out: Path, days: int = 30, now: datetime | None = None
) -> int:
    """Write the CRL (PEM), numbered one above the last; returns how many it revokes."""
    ca_cert, ca_key = load_ca(ca_dir, ca_passphrase)
    now = now or _now()
    number_file = ca_dir / CRL_NUMBER
    number = int(number_file.read_text().strip() or 0) + 1 if number_file.exists() else 1
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(now - timedelta(minutes=5))
        .next_update(now + timedelta(days=days))
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
    )
    revoked = _json(ca_dir / REVOKED)
    for serial, info in revoked.items():
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(int(serial, 16))
            .revocation_date(datetime.fromisoformat(info["at"]))
            .build()
        )
    crl = builder.sign(ca_key, hashes.SHA256())
    write_atomic(number_file, f"{number}\n".encode())
    write_atomic(out, crl.public_bytes(serialization.Encoding.PEM))
    return len(revoked)


def load_p12(
    path: Path, passphrase: bytes
) -> tuple[rsa.RSAPrivateKey, x509.Certificate, list[x509.Certificate]]:
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(path.read_bytes(), passphrase)
    except FileNotFoundError:
        raise PkiError("pki.no_key", path=path) from None
    except ValueError:
        raise PkiError("pki.bad_passphrase") from None
    if key is None or cert is None or not isinstance(key, rsa.RSAPrivateKey):
        raise PkiError("pki.no_key", path=path)
    return key, cert, list(chain)
