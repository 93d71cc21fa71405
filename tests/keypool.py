"""RSA keys for the tests, drawn from a pool instead of generated each time; PKCS#12 files made
with a fast key derivation.

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

from cchc_tui.bundle import pki

# The PKCS#12 files the tests make (CA keys, officers' and reviewers' keys) use 1,000 PBKDF2
# rounds instead of the product's 600,000: the same code and file format, without ~0.15 s of key
# derivation at every write and every read (Django's tests swap in a fast password hasher for the
# same reason). test_keys_use_a_strong_kdf makes its keys with the product's own count, and the
# CLI run as a subprocess always does.
PRODUCTION_KDF_ROUNDS = pki.KDF_ROUNDS
TEST_KDF_ROUNDS = 1_000

_generate = rsa.generate_private_key
_pool: list[rsa.RSAPrivateKey] = []
_used: set[int] = set()  # the pool's keys this session has drawn or claimed
_recorders: list[list[int]] = []


def _draw(public_exponent: int, key_size: int, backend: Any = None) -> rsa.RSAPrivateKey:
    if public_exponent != 65537 or key_size != 2048:
        return _generate(public_exponent=public_exponent, key_size=key_size)
    index = 0
    while index in _used:
        index += 1
    if index == len(_pool):
        _pool.append(_generate(public_exponent=public_exponent, key_size=key_size))
    _used.add(index)
    for recorder in _recorders:
        recorder.append(index)
    return _pool[index]


def install() -> None:
    rsa.generate_private_key = _draw  # type: ignore[assignment]
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


def claim(keys: list[int]) -> bool:
    """Take the keys a cached set-up was made with for this session, unless the session has
    drawn one of them already (then the set-up must be made again, with keys of its own)."""
    if _used.intersection(keys):
        return False
    _used.update(keys)
    for recorder in _recorders:
        recorder.extend(keys)
    return True
