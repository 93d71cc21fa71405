"""The mutation run's test order (tools/mutation.py): the tests that caught a function's
earlier mutants run first for its next ones; only the order changes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_tool", ROOT / "tools" / "mutation.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mutation_tool", module)
    spec.loader.exec_module(module)
    return module


def test_tests_that_caught_a_function_run_first_most_often_first(tmp_path: Path) -> None:
    tool = _tool()
    log = tmp_path / "killers.txt"
    killers = tool.Killers(log)
    tests = ["t::a", "t::b", "t::c", "t::d"]
    assert killers.first("m.f", tests) == tests  # nothing caught yet: as given
    log.write_text("m.f\tt::c\nm.g\tt::a\nm.f\tt::d\nm.f\tt::d\n", "utf-8")
    assert killers.first("m.f", tests) == ["t::d", "t::c", "t::a", "t::b"]
    assert killers.first("m.g", tests) == ["t::a", "t::b", "t::c", "t::d"]
    assert killers.first("m.h", tests) == tests
    # lines appended later are read on the next call; a half-written last line waits
    with log.open("a", encoding="utf-8") as out:
        out.write("m.f\tt::b\nm.f\tt::b\nm.f\tt::b\nm.f\tt::")
    assert killers.first("m.f", tests) == ["t::b", "t::d", "t::c", "t::a"]
    with log.open("a", encoding="utf-8") as out:
        out.write("a\nm.f\tt::a\n")
    assert killers.first("m.f", tests)[:2] == ["t::b", "t::a"]


def test_a_function_keeps_exactly_its_selected_tests(tmp_path: Path) -> None:
    tool = _tool()
    log = tmp_path / "killers.txt"
    log.write_text("m.f\tt::z\nm.f\tt::b\n", "utf-8")  # t::z was not selected for m.f
    table = tool._WithFallback({"m.f": ["t::a", "t::b"]}, {}, {}, tool.Killers(log))
    assert table.get("m.f") == ["t::b", "t::a"]
    assert table.get("m.none", set()) == set()
    assert table["m.none"] == set()


def test_the_seed_orders_a_function_s_first_mutants_and_keeps_the_most_frequent(
    tmp_path: Path,
) -> None:
    tool = _tool()
    live, seed = tmp_path / "killers.txt", tmp_path / "seed.txt"
    seed.write_text("# comment\nm.f\tt::c\t3\nm.f\tt::a\t1\nbroken line\n", "utf-8")
    tests = ["t::a", "t::b", "t::c"]
    assert tool.Killers(live, seed).first("m.f", tests) == ["t::c", "t::a", "t::b"]
    live.write_text("m.f\tt::b\nm.f\tt::b\nm.f\tt::b\nm.f\tt::b\nm.g\tt::a\n", "utf-8")
    tool.save_killers_seed(live, seed)
    kept = [line for line in seed.read_text("utf-8").splitlines() if not line.startswith("#")]
    assert kept == ["m.f\tt::b\t4", "m.f\tt::c\t3", "m.f\tt::a\t1", "m.g\tt::a\t1"]
    assert tool.Killers(tmp_path / "none.txt", seed).first("m.f", tests) == [
        "t::b",
        "t::c",
        "t::a",
    ]
