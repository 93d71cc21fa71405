"""Vietnamese text helpers: NFC normalisation and accent-insensitive folding."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_SPACES = re.compile(r"\s+")

# Old ("oà, uý") and new ("òa, úy") tone placement differ in a handful of vowel pairs.
# Folding removes tones entirely, so both spellings fold to the same key.


# Characters that show as nothing and mean nothing in Vietnamese text (zero-width space and
# joiners, word joiner, invisible operators, a stray byte-order mark, interlinear annotation
# marks): pasted in from a web page or Word, they would make two equal texts differ, and a
# bundle carrying one is refused (see CONTROL_CHARS below), so they are never stored.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060-\u2064\ufeff\ufff9-\ufffb]")


def nfc(text: str) -> str:
    """Return ``text`` NFC-normalised and without invisible characters: the only form stored
    anywhere."""
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def clean(text: str) -> str:
    """NFC, trimmed, with runs of white space folded to one space."""
    return _SPACES.sub(" ", nfc(text)).strip()


def user_text(data: bytes) -> str:
    """A text file a person saved (Notepad, Excel, a USB stick from another PC): UTF-8 with or
    without the BOM Notepad writes, every line end (CRLF, CR) as "\\n". UnicodeDecodeError
    for a file in a legacy code page."""
    return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def unquote_path(text: str) -> str:
    """A path as pasted: blanks around it and one pair of quotes around it removed."""
    text = text.strip()
    for quote in ('"', "'"):
        if len(text) >= 2 and text[0] == quote and text[-1] == quote:
            return text[1:-1].strip()
    return text


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


# What a terminal or a text widget could act on rather than show: C0 controls (ESC starts an
# escape sequence, CR and LF can forge a line), DEL, C1 controls (0x9b is a one-byte CSI), the
# bidi marks, embeddings, overrides and isolates (they reorder what follows them), and the
# Unicode line and paragraph separators; and what shows as nothing (zero-width spaces and
# joiners, the word joiner and invisible operators, a stray byte-order mark, the interlinear
# annotation marks), which can make two different texts look the same.
C0_CONTROLS = "\x00-\x1f"
OTHER_CONTROLS = (
    "\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"
)
CONTROL_CHARS = C0_CONTROLS + OTHER_CONTROLS  # for a regular expression's [...]
_CONTROLS = re.compile(f"[{CONTROL_CHARS}]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control character written out as an escape (``\\x1b``, ``\\u202e``):
    for showing text that came from outside (a bundle, a certificate, a file name) on a
    terminal or in the TUI, where it must not move the cursor, start a new line or reorder
    what follows. Everything else, accents included, is left as it is."""
    return _CONTROLS.sub(_escaped, text)


def mid_sentence(name: str) -> str:
    """A name as it reads inside a sentence: "Báo cáo năm" → "báo cáo năm"."""
    return name[:1].lower() + name[1:]
