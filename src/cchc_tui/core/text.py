"""Vietnamese text helpers: NFC normalisation and accent-insensitive folding."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_SPACES = re.compile(r"\s+")

# Old ("oà, uý") and new ("òa, úy") tone placement differ in a handful of vowel pairs.
# Folding removes tones entirely, so both spellings fold to the same key.


def nfc(text: str) -> str:
    """Return ``text`` NFC-normalised, the only form stored anywhere."""
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """NFC, trimmed, with runs of white space folded to one space."""
    return _SPACES.sub(" ", nfc(text)).strip()


def fold(text: str) -> str:
    """An accent-, case- and spacing-insensitive key for searching.

    "Bình Thuỷ", "Bình Thủy" and "binh thuy" all fold to "binh thuy".
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped.casefold()).strip()


def similarity(a: str, b: str) -> float:
    """Similarity of two folded strings in [0, 1] (difflib ratio)."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
