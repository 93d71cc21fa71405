from __future__ import annotations

import re
import string
from pathlib import Path

from cchc_tui.core.i18n import CATALOGUE, LANGUAGES, set_language, t

ROOT = Path(__file__).resolve().parent.parent


def _fields(s: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(s) if f}


def test_every_string_in_both_languages_with_the_same_placeholders() -> None:
    for key, entry in CATALOGUE.items():
        assert set(entry) == set(LANGUAGES), key
        assert entry["vi"].strip() and entry["en"].strip(), key
        assert _fields(entry["vi"]) == _fields(entry["en"]), key


def test_switching_language() -> None:
    set_language("en")
    assert t("status.hoan_thanh") == "done"
    set_language("vi")
    assert t("status.hoan_thanh") == "hoàn thành"


def test_every_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    for path in (ROOT / "src" / "cchc_tui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""(?:\bt|Error)\(\s*"([a-z_]+\.[a-z_0-9.]+)\"""", text))
    assert used, "no keys found: the pattern is wrong"
    assert used <= set(CATALOGUE), sorted(used - set(CATALOGUE))


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^python3 -m venv .*$", readme, flags=re.M)
    assert len(commands) == 2, "the quick start is exactly two commands"
    test_command = next(c for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci
