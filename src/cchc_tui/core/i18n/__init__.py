"""The one catalogue of user-facing strings, Vietnamese first, English as a setting, kept by
topic in this package's modules (one ``MESSAGES`` dict each; a key lives in exactly one).

``t("key", **params)`` formats the string for the current language. A test checks that both
languages have every key and the same placeholders.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

LANGUAGES = ("vi", "en")
_lang: ContextVar[str] = ContextVar("cchc_lang", default="vi")
# The tests set this: a parameter that is None ("None" shown to the user) is then an error.
STRICT = False


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _lang.set(lang)


def language() -> str:
    return _lang.get()


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Strings in ``lang`` within the block (an official document is Vietnamese whatever the
    interface's language), the language before it afterwards."""
    token = _lang.set(lang)
    try:
        yield
    finally:
        _lang.reset(token)


def t(key: str, /, **params: Any) -> str:
    entry = CATALOGUE[key]
    if STRICT:
        missing = sorted(name for name, value in params.items() if value is None)
        if missing:
            raise ValueError(f"t({key!r}): {', '.join(missing)} is None")
    return entry.get(language(), entry["vi"]).format(**params)


def _merged() -> dict[str, dict[str, str]]:
    from cchc_tui.core.i18n import (
        bundles,
        command_help,
        command_line,
        corrections,
        office_pc,
        officer_app,
        placeholders,
        plan_rules,
        profile,
        records,
        review_desk,
        scoring,
        verifying,
    )

    catalogue: dict[str, dict[str, str]] = {}
    for topic in (
        review_desk,
        corrections,
        officer_app,
        plan_rules,
        office_pc,
        bundles,
        scoring,
        command_line,
        command_help,
        placeholders,
        records,
        profile,
        verifying,
    ):
        twice = catalogue.keys() & topic.MESSAGES.keys()
        if twice:
            raise RuntimeError(f"catalogue keys in two topics: {sorted(twice)}")
        catalogue.update(topic.MESSAGES)
    return catalogue


CATALOGUE: dict[str, dict[str, str]] = _merged()
