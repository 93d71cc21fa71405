"""Long work runs in threads (workers with thread=True, asyncio.to_thread), and a thread touches
widgets only through the app's thread-safe call_from_thread: Textual's DOM is not thread-safe,
and a query or an update from another thread is a race that shows up once in a hundred runs."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "cchc_tui" / "ui"
WIDGET_CALLS = {"query_one", "query", "mount", "remove", "focus", "notify", "push_screen"}


def _threaded(keywords: list[ast.keyword]) -> bool:
    return any(
        k.arg == "thread" and isinstance(k.value, ast.Constant) and bool(k.value.value)
        for k in keywords
    )


def _is_thread_worker(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(deco, ast.Call)
        and getattr(deco.func, "id", "") == "work"
        and _threaded(deco.keywords)
        for deco in fn.decorator_list
    )


def _thread_targets(tree: ast.AST) -> set[str]:
    """Methods handed to a thread: asyncio.to_thread(self.x, …), run_worker(self.x, thread=True)."""
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        threaded = name == "to_thread" or (name == "run_worker" and _threaded(node.keywords))
        target = node.args[0]
        if threaded and isinstance(target, ast.Attribute):
            names.add(target.attr)
    return names


def offences(source: str, where: str) -> list[str]:
    tree = ast.parse(source)
    targets = _thread_targets(tree)
    found = []
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if not (_is_thread_worker(fn) or fn.name in targets):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.Attribute) and node.attr in WIDGET_CALLS:
                found.append(f"{where}:{node.lineno} {fn.name}: {ast.unparse(node)}")
    return found


def test_threads_touch_widgets_only_through_call_from_thread() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += offences(path.read_text("utf-8"), str(path.relative_to(UI)))
    assert found == [], "widgets touched from a thread:\n" + "\n".join(found)


def test_the_check_sees_a_widget_touched_from_a_thread() -> None:
    source = (
        "class S:\n"
        "    @work(thread=True, group='x')\n"
        "    def run(self):\n"
        "        bar = self.query_one('#bar')\n"
        "        self.app.call_from_thread(self._done)\n"
        "    async def save(self):\n"
        "        await asyncio.to_thread(self._blocking, 1)\n"
        "    def _blocking(self, n):\n"
        "        self.notify('x')\n"
        "    def _done(self):\n"
        "        self.query_one('#bar').update(1)\n"
    )
    assert [f.split(" ", 1)[1] for f in offences(source, "s.py")] == [
        "run: self.query_one",
        "_blocking: self.notify",
    ]
