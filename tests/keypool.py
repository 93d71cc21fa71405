"""RSA keys for the tests, drawn from a pool instead of generated each time; PKCS#12 files made
with a fast key derivation, and each opened once.

Every test PKI (CAs, officers, reviewers, forgers) needs 2048-bit RSA keys, and generating one
costs 50–200 ms. Within one pytest session each draw returns a *different* key, exactly as
generating would; across sessions in the same process (mutmut forks one session per mutant from
a process that already ran the suite) the keys generated earlier are used again, so a mutant of
the trust code costs its test, not a dozen key generations. Keys of any other size or exponent,
and every key the product itself makes outside the tests, are generated as usual.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from cchc_tui.bundle import pki

# The PKCS#12 files the tests make (CA keys, officers' and reviewers' keys) use 1,000 PBKDF2
# rounds instead of the product's 600,000: the same code and file format, without ~0.15 s of key
# derivation at every write and every read (Django's tests swap in a fast password hasher for the
# same reason). test_keys_use_a_strong_kdf makes its keys with the product's own count, and the
# CLI run as a subprocess always does.
PRODUCTION_KDF_ROUNDS = pki.KDF_ROUNDS
TEST_KDF_ROUNDS = 1_000

_generate = rsa.generate_private_key
_load_p12 = pkcs12.load_key_and_certificates
_save_p12 = pkcs12.serialize_key_and_certificates
# What each PKCS#12 file made or opened so far holds, by its bytes and passphrase. Opening one
# checks its RSA key (43 ms on these machines, whatever the rounds), and a verifier's test
# session opens the CA and officer files it has just made a dozen times. The same bytes and
# passphrase hold the same key and certificates; a wrong passphrase or a damaged file is never
# in the table and raises as before.
_opened: dict[tuple[bytes, bytes | None], Any] = {}


def _open_p12(data: bytes, password: bytes | None, backend: Any = None) -> Any:
    key = (bytes(data), None if password is None else bytes(password))
    if key not in _opened:
        _opened[key] = _load_p12(data, password)
    return _opened[key]


def _make_p12(name: Any, key: Any, cert: Any, cas: Any, encryption: Any) -> bytes:
    blob: bytes = _save_p12(name, key, cert, cas, encryption)
    password = getattr(encryption, "password", None)
    if key is not None and password is not None:
        _opened[(blob, bytes(password))] = (key, cert, list(cas or []))
    return blob


_pool: list[rsa.RSAPrivateKey] = []
_used: set[int] = set()  # the pool's keys this session has drawn or claimed
_recorders: list[list[int]] = []
# The keys of set-ups made to be cached (recording): no later draw hands them out, so a cached
# set-up can nearly always be claimed by a later session instead of made again (a CA and its
# certificates: ~0.3 s in every one of mutmut's sessions, and a new template folder each time).
_reserved: set[int] = set()


def _draw(public_exponent: int, key_size: int, backend: Any = None) -> rsa.RSAPrivateKey:
    if public_exponent != 65537 or key_size != 2048:
        return _generate(public_exponent=public_exponent, key_size=key_size)
    index = 0
    while index in _used or index in _reserved:
        index += 1
    if index == len(_pool):
        _pool.append(_generate(public_exponent=public_exponent, key_size=key_size))
    _used.add(index)
    for recorder in _recorders:
        recorder.append(index)
    return _pool[index]


def install() -> None:
    rsa.generate_private_key = _draw  # type: ignore[assignment]
    pkcs12.load_key_and_certificates = _open_p12
    pkcs12.serialize_key_and_certificates = _make_p12
    pki.KDF_ROUNDS = TEST_KDF_ROUNDS


def new_session() -> None:
    """Draws start again from the first key: distinct within a session, reused across them."""
    _used.clear()


@contextlib.contextmanager
def recording() -> Iterator[list[int]]:
    """The pool's keys drawn inside the block (a set-up to be cached: tests/dbcache.py)."""
    drawn: list[int] = []
    _recorders.append(drawn)
    try:
        yield drawn
    finally:
        _recorders.remove(drawn)
        _reserved.update(drawn)


def claim(keys: list[int]) -> bool:
    """Take the keys a cached set-up was made with for this session, unless the session has
    drawn one of them already (then the set-up must be made again, with keys of its own)."""
    if _used.intersection(keys):
        return False
    _used.update(keys)
    for recorder in _recorders:
        recorder.extend(keys)
    return True
