from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from cchc_tui.core.i18n import CATALOGUE, LANGUAGES, set_language, t

ROOT = Path(__file__).resolve().parents[2]


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


def _literals_in_source() -> set[str]:
    """Every string literal of the package outside the catalogue itself."""
    found: set[str] = set()
    for path in (ROOT / "src" / "cchc_tui").rglob("*.py"):
        if "i18n" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    for path in (ROOT / "src" / "cchc_tui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""(?:\bt|Error)\(\s*"([a-z_]+\.[a-z_0-9.]+)\"""", text))
    assert used, "no keys found: the pattern is wrong"
    assert used <= set(CATALOGUE), sorted(used - set(CATALOGUE))


def test_no_key_is_built_at_run_time_and_none_is_unused() -> None:
    """Every key is written out somewhere in the code (coded values go through the explicit
    maps of core/labels.py), so a key no literal names is dead text, and a key built with an
    f-string would hide from this test."""
    literals = _literals_in_source()
    unused = sorted(k for k in CATALOGUE if k not in literals)
    assert unused == []
    for path in (ROOT / "src" / "cchc_tui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        built = re.findall(r"""\bt\(\s*f["']|\bt\(\s*["'][a-z_.]+["']\s*\+""", text)
        assert not built, f"{path}: a catalogue key built at run time"


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^python3 -m venv .*$", readme, flags=re.M)
    assert len(commands) == 2, "the quick start is exactly two commands"
    test_command = next(c for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci


def test_every_package_is_installed() -> None:
    """An editable install finds every folder; a wheel (and the offline install kit) has only
    the packages pyproject.toml lists: one left out is an ImportError on the office PC."""
    import tomllib

    conf = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    listed = set(conf["packages"])
    src = ROOT / "src"
    found = {
        ".".join(p.parent.relative_to(src).parts)
        for p in src.rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found - listed == set(), "packages missing from [tool.setuptools] packages"
    assert listed - found == {"cchc_tui.data"}  # data/ is mapped in by package-dir
    assert conf["package-dir"]["cchc_tui.data"] == "data"
