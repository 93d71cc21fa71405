"""The front doors (the `cchc` command and both apps) write only through services/: no module of
cli/ or ui/ calls one of the store's write methods itself. import-linter keeps them away from the
tables, the transaction API and the write aggregates' modules; this test covers what an import
contract cannot see, a write method called on a Store object a front door holds for reading."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "cchc_tui"
WRITE_OPENERS = {"_write", "_write_conn", "transaction"}


def _write_methods() -> set[str]:
    """Every method of the store's classes whose body opens a write (or is the opener)."""
    found = set(WRITE_OPENERS)
    for path in sorted((SRC / "store").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            for fn in (n for n in cls.body if isinstance(n, ast.FunctionDef)):
                called = {
                    n.attr
                    for n in ast.walk(fn)
                    if isinstance(n, ast.Attribute) and n.attr in WRITE_OPENERS
                }
                if called:
                    found.add(fn.name)
    return found


def _names_a_store(node: ast.expr) -> bool:
    """`store`, `self.store`, `ctx._store`, `Store(...)`, `ScoringStore(store)`…"""
    if isinstance(node, ast.Call):
        return _names_a_store(node.func)
    if isinstance(node, ast.Name):
        return "store" in node.id.lower()
    if isinstance(node, ast.Attribute):
        return "store" in node.attr.lower()
    return False


def _calls(root: Path, methods: set[str]) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in methods
                and _names_a_store(node.func.value)
            ):
                where = f"{path.relative_to(root.parent)}:{node.lineno}"
                out.append(f"{where} {ast.unparse(node.func)}")
    return out


def test_the_write_methods_are_found() -> None:
    """The list the next test checks against is the store's real one (a renamed opener or a
    moved module would otherwise leave it empty and the check vacuous)."""
    methods = _write_methods()
    for name in ("set_progress", "add_evidence", "update_evidence", "set_links", "import_plan"):
        assert name in methods
    for name in ("import_criteria", "set_score", "set_finalised", "set_indicator"):
        assert name in methods
    assert "load_plan" not in methods and "assigned_status" not in methods


def test_front_doors_write_only_through_services() -> None:
    methods = _write_methods()
    calls = _calls(SRC / "cli", methods) + _calls(SRC / "ui", methods)
    assert calls == [], "front doors calling the store's writes directly:\n" + "\n".join(calls)


def test_a_direct_write_would_be_seen(tmp_path: Path) -> None:
    """The check itself: a front door written the old way is caught."""
    bad = tmp_path / "cli"
    bad.mkdir()
    (bad / "old.py").write_text(
        "def cmd(store, ctx):\n"
        "    store.set_progress(plan, 'x', agency='a', actor='b', status='done')\n"
        "    ScoringStore(store).set_score(cset, 'p', '1.1')\n"
        "    ctx.store.add_evidence(number='1')\n"
        "    ctx.set_progress('x', status='done')\n",
        "utf-8",
    )
    found = _calls(bad, _write_methods())
    assert [f.split(" ", 1)[1] for f in found] == [
        "store.set_progress",
        "ScoringStore(store).set_score",
        "ctx.store.add_evidence",
    ]
