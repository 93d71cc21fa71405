"""Mutation testing of the integrity-critical code, with mutmut.

    python tools/mutation.py              # every module in [tool.mutmut] only_mutate
    python tools/mutation.py --sample     # the fixed CI sample (SAMPLE below), a few minutes
    python tools/mutation.py --changed    # the modules changed since main (git diff main...)
    python tools/mutation.py --report     # the last results again, without running

mutmut plants one small mistake at a time (a `<` turned `<=`, a check deleted, a constant
changed) in a copy of the package under mutants/ and runs, for each, only the tests that reached
the mutated function. A mutant that no test notices is a *survivor*: either a test is missing,
or the mutant is equivalent (it cannot change what anyone observes). Each equivalent one is
listed in docs/mutation-equivalents.txt, keyed by function and a hash of the changed line, with
one line on why. The run prints the score per module and every survivor that is not listed, and
exits 1 when a module scores under the aim (90 %) or an unlisted survivor remains.

Why mutmut (3.x): it mutates with libcst and switches mutants on at run time through a
trampoline, so the package is imported once and each mutant costs one fork and the few tests
that reach it; cosmic-ray rewrites the file and starts a new test process per mutant (seconds
each with Textual and SQLAlchemy imported), far over our 20-minute budget for ~4,000 mutants.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import hashlib
import json
import os
import subprocess
import sys
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "docs" / "mutation-equivalents.txt"
AIM = 0.90
MAX_TESTS = 40  # per mutated function, of the tests that reached it (select() says which)
MIN_FAST = 8
# Widgets run inside Textual's message loop, where mutmut's stats see no test reach them: their
# mutants run the widget's own tests.
FALLBACK = {"cchc_tui.ui.widgets.viet_input.": "tests/tui/test_viet_input.py"}
SLOW = 0.5  # seconds
# Control sessions: the tests of every CONTROL_EVERY-th mutant run once more with no mutant active
# (a name in no module), forked from the same process beside the mutants. Every one must pass.
CONTROL_EVERY = 100
CONTROL_MODULE = "cchc_tui.mutation_control"
CONTROLS = ROOT / "mutants" / "controls.json"
# Each module's own rule tests (written for its rules, one sentence each, and fast): every one of
# them that reached a function runs for its mutants, ahead of and beyond the MAX_TESTS others.
# A big function (zipscan.scan, reached by 248 tests) otherwise got one case of each
# parametrised rule test, and a mistake in the ZIP64 checks only the other cases see survived.
OWN_TESTS: dict[str, tuple[str, ...]] = {
    "cchc_tui.bundle.zipscan.": (
        "tests/bundle/test_zipscan_rules.py",
        "tests/bundle/test_verify_refusals.py",  # read_entry: streams of another length
    ),
    "cchc_tui.bundle.cms.": ("tests/bundle/test_cms_rules.py",),
    "cchc_tui.bundle.receipt.": ("tests/bundle/test_receipt_rules.py",),
    "cchc_tui.bundle.trust.": (
        "tests/bundle/test_trust_rules.py",
        "tests/bundle/test_verify_refusals.py",  # the path and revocation sentences, whole
    ),
    "cchc_tui.bundle.verify.": (
        "tests/unit/test_plain_damage.py",  # damage said in words, not Python's
        "tests/bundle/test_verify_refusals.py",  # each refusal compared whole
        "tests/bundle/test_integrity_rules.py",
        "tests/bundle/test_bundle_format.py",  # each hostile label, name and file by its reason
    ),
    "cchc_tui.bundle.bag.": (
        "tests/bundle/test_bag_rules.py",
        "tests/bundle/test_bundle_format.py",
    ),
    "cchc_tui.bundle.pki.": ("tests/bundle/test_pki_rules.py",),
    "cchc_tui.services.importer.": ("tests/bundle/test_import_rules.py",),
    "cchc_tui.services.export.": ("tests/bundle/test_export_rules.py",),
    "cchc_tui.services.review_desk.": (
        "tests/bundle/test_review_desk_rules.py",
        "tests/bundle/test_review_corrections.py",
        "tests/bundle/test_arrival.py",  # the arrival day and its rules
    ),
    "cchc_tui.services.appraising.": (
        "tests/bundle/test_review_corrections.py",
        "tests/bundle/test_review_desk_rules.py",
    ),
    "cchc_tui.services.anchors.": ("tests/bundle/test_anchor_rules.py",),
    "cchc_tui.services.receipts.": (
        "tests/bundle/test_receipt_service_rules.py",
        "tests/bundle/test_review_corrections.py",
    ),
    "cchc_tui.store.review.": (
        "tests/store/test_review_store.py",
        "tests/bundle/test_review_corrections.py",
        "tests/bundle/test_arrival.py",
    ),
    "cchc_tui.store.exchange.": ("tests/store/test_review_store.py",),
    "cchc_tui.store.db.": ("tests/store/test_store_rules.py",),
    "cchc_tui.store.transaction.": ("tests/store/test_store_rules.py",),
    "cchc_tui.core.scoring.": ("tests/unit/test_scoring_rules.py",),
    "cchc_tui.core.tracking.": ("tests/unit/test_tracking_rules.py",),
    "cchc_tui.core.timing.": ("tests/unit/test_boundaries.py",),
    "cchc_tui.core.periods.": ("tests/unit/test_boundaries.py",),
}

# The CI sample: small modules that carry integrity rules, with the tests that reach them, so the
# stats run and the mutants fit in CI's budget (about two minutes on 2 cores).
SAMPLE: dict[str, list[str]] = {
    "src/cchc_tui/bundle/cms.py": [
        "tests/bundle/test_pki_cms.py",
        "tests/bundle/test_cms_rules.py",
    ],
    "src/cchc_tui/store/transaction.py": [
        "tests/store/test_store_rules.py",
        "tests/store/test_store_tx.py",
    ],
    "src/cchc_tui/store/db.py": ["tests/store/test_store_rules.py", "tests/store/test_store.py"],
}


def _config() -> dict[str, object]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    conf: dict[str, object] = data["tool"]["mutmut"]
    return conf


def _changed_modules(ref: str, patterns: list[str]) -> list[str]:
    out = subprocess.run(
        ["git", "diff", "--name-only", f"{ref}...HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    out += subprocess.run(
        ["git", "diff", "--name-only", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    return sorted({p for p in out if any(fnmatch.fnmatch(p, pat) for pat in patterns)})


# -- the run, in a child process whose output goes to mutants/mutmut.log ----------------------
def _inner(
    only: list[str],
    tests: list[str] | None,
    every: int = 1,
    names: list[str] | None = None,
    limit: int | None = MAX_TESTS,
) -> None:
    """Run mutmut in this process with the selection overridden (mutmut reads pyproject.toml)."""
    os.chdir(ROOT)
    from mutmut import configuration

    conf = configuration.config()
    conf.only_mutate = only
    # A mutant that strict mypy refuses cannot land (CI runs mypy): mutmut checks every mutant
    # of the copy in one mypy run (about a minute) and marks those "caught by type check"
    # instead of forking for each. Unused ignores are the trampoline's, not a mutant's.
    conf.type_check_command = [
        sys.executable,
        "-m",
        "mypy",
        "--output",
        "json",
        "--no-warn-unused-ignores",
    ]
    if tests is not None:
        conf.pytest_add_cli_args_test_selection = tests
    import mutmut.__main__ as mutmut_main
    from mutmut.state import state

    load = mutmut_main.collect_or_load_stats

    def load_and_select(*args: object, **kwargs: object) -> None:
        """mutmut runs every test that reached a function, fastest first, and stops at the first
        failure; a survivor costs all of them. Keep the fastest MAX_TESTS (what kills a mutant
        is nearly always among them; the slow ones are whole exports and imports)."""
        load(*args, **kwargs)  # type: ignore[arg-type]
        durations = state().duration_by_test
        breadth: dict[str, int] = defaultdict(int)  # how many mutated functions a test reached
        for tests in state().tests_by_mangled_function_name.values():
            for test in tests:
                breadth[test] += 1
        if limit is not None:
            for name, tests in state().tests_by_mangled_function_name.items():
                own = sorted(
                    (t for t in tests if _own(name, t)), key=lambda t: (durations.get(t, 0.0), t)
                )
                rest = select(set(tests) - set(own), durations, limit, breadth)
                state().tests_by_mangled_function_name[name] = own + rest

        by_function = state().tests_by_mangled_function_name
        fallback = {
            prefix: {t for t in durations if t.startswith(f"{path}::")}
            for prefix, path in FALLBACK.items()
        }
        state().tests_by_mangled_function_name = _WithFallback(by_function, fallback, durations)

    mutmut_main.collect_or_load_stats = load_and_select  # type: ignore[assignment]

    # mutmut runs the selected tests once more, unmutated, right after a stats run that has just
    # run them all and stopped on any failure: minutes for nothing. Kept when the stats came
    # from the cache (then it is the only proof the tests pass).
    from mutmut.workers import isolation

    fresh = {"stats": False}
    collect_stats = mutmut_main.run_stats_collection

    def stats_and_note(*args: Any, **kwargs: Any) -> None:
        collect_stats(*args, **kwargs)
        fresh["stats"] = True

    mutmut_main.run_stats_collection = stats_and_note

    # mutmut counts every mutant of every module again before each one it runs (its progress
    # line): 8,000² steps in the parent, a third of a core taken from the two workers. Once a
    # second is enough for a line nobody reads faster.
    counted = mutmut_main.print_stats
    last = {"at": 0.0}

    def progress(by_path: Any, force_output: bool = False) -> None:
        now = time.monotonic()
        if force_output or now - last["at"] >= 1.0:
            last["at"] = now
            counted(by_path, force_output=force_output)

    mutmut_main.print_stats = progress
    mutmut_main.filter_mutants_with_type_checker = _type_checked  # type: ignore[assignment]
    for cls in (isolation.ForkServerRunner, isolation.ForkRunner):
        clean = cls.run_clean_tests

        def clean_unless_fresh(self: Any, tests: Any, _clean: Any = clean) -> int:
            return 0 if fresh["stats"] else int(_clean(self, tests))

        cls.run_clean_tests = clean_unless_fresh  # type: ignore[method-assign]
    collect_every = mutmut_main.collect_source_file_mutation_data

    def skip_known(**kwargs: Any) -> Any:
        """A mutant listed as equivalent cannot be killed: it would cost every test that
        reaches its function (a survivor stops at no failure) and change nothing. Left "not
        checked", it is reported as equivalent from the list; a changed line gives it another
        hash, and it runs again."""
        mutants, by_path = collect_every(**kwargs)
        return _without_equivalents(mutants), by_path

    mutmut_main.collect_source_file_mutation_data = skip_known  # type: ignore[assignment]
    _with_controls(mutmut_main, isolation)
    # The tests run in the order select() gives (each module's own rule tests first, then the
    # most focused), not re-sorted by how long each took in the stats run: a mistake in a message
    # is named by the rule test that checks it, often after a dozen fast ones that cannot.
    isolation.sorted = _as_given  # type: ignore[attr-defined]
    if every > 1:  # a deterministic sample: every n-th mutant of each module
        collect_all = mutmut_main.collect_source_file_mutation_data

        def sample(**kwargs: Any) -> Any:
            mutants, by_path = collect_all(**kwargs)
            seen: dict[int, int] = defaultdict(int)
            kept = []
            for entry in mutants:
                seen[id(entry[0])] += 1
                if seen[id(entry[0])] % every == 1:
                    kept.append(entry)
            return kept, by_path

        mutmut_main.collect_source_file_mutation_data = sample  # type: ignore[assignment]
    mutmut_main._run(names or [], None)


def _as_given(tests: Any, key: Any = None, reverse: bool = False) -> list[Any]:
    return list(tests)


def _with_controls(mutmut_main: Any, isolation: Any) -> None:
    """Control sessions beside the mutants (CONTROL_EVERY). A test that fails with no mutant
    (a set-up an earlier session left broken, two sessions racing for one file, a cache from
    the stats run that no longer holds) "kills" every mutant it runs for, and the score would
    be a lie: the run reports each failed control and fails (report())."""
    results: dict[str, dict[str, Any]] = {}
    CONTROLS.unlink(missing_ok=True)
    (ROOT / "mutants" / "control-failures.txt").unlink(missing_ok=True)
    submit = isolation.ForkRunner.submit
    count = {"n": 0}

    def submit_with_controls(
        self: Any, mutant_name: str, tests: list[str], limit: int, estimated: float
    ) -> None:
        count["n"] += 1
        if count["n"] % CONTROL_EVERY == 1 and tests:
            control = f"{CONTROL_MODULE}.x_control__mutmut_{count['n']}"
            results[control] = {"for": mutant_name, "tests": len(tests), "exit": None}
            submit(self, control, tests, limit, estimated)
        submit(self, mutant_name, tests, limit, estimated)

    isolation.ForkRunner.submit = submit_with_controls
    register = mutmut_main._register_mutant_result

    def register_or_control(result: Any, by_name: Any) -> None:
        if result.mutant_name in results:
            results[result.mutant_name]["exit"] = result.exit_code
            results[result.mutant_name]["seconds"] = round(result.duration, 2)
            CONTROLS.write_text(json.dumps(results, indent=1), "utf-8")
            return
        register(result, by_name)

    mutmut_main._register_mutant_result = register_or_control


def _controls_report() -> tuple[int, list[str]]:
    """How many control sessions ran, and a line for each that did not pass."""
    if not CONTROLS.exists():
        return 0, []
    results = json.loads(CONTROLS.read_text("utf-8"))
    failed = [
        f"{name}: exit {r['exit']} running the {r['tests']} tests of {r['for']} with no mutant"
        for name, r in results.items()
        if r.get("exit") != 0
    ]
    return len(results), failed


def _without_equivalents(mutants: list[Any]) -> list[Any]:
    """``mutants`` (mutmut's (file data, name, result) triples) less the ones not yet run whose
    key is in docs/mutation-equivalents.txt."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    known = read_equivalents()
    functions = {key.split(" ", 1)[0] for key in known}
    kept = []
    for entry in mutants:
        data, name, result = entry
        if result is None and name.rsplit("__mutmut_", 1)[0] in functions:
            with contextlib.suppress(Exception):  # no diff: run it, as mutmut would
                if mutant_key(name, get_diff_for_mutant(name, path=data.path)) in known:
                    continue
        kept.append(entry)
    return kept


def _type_checked() -> dict[str, Any]:
    """mutmut's own filter, with the errors placed by the standard library's parser: mutmut
    finds the mutant around each mypy error with libcst, which took over ten minutes on the
    4 MB copy of verify.py (every mutant is a copy of its function); `ast` takes a second. An
    error outside every mutant (the trampolines) is not a mutant's and is left alone."""
    import ast

    from mutmut.configuration import config
    from mutmut.mutation.file_mutation import (
        FailedTypeCheckMutant,
        MutatedMethodLocation,
        group_by_path,
    )
    from mutmut.type_checking import run_type_checker
    from mutmut.utils.format_utils import get_mutant_name, is_mutated_method_name

    caught: dict[str, Any] = {}
    with contextlib.chdir(ROOT / "mutants"):
        errors = run_type_checker(config().type_check_command)
        for path, found in group_by_path(errors).items():
            tree = ast.parse(path.read_text("utf-8"))
            spans = sorted(
                (node.lineno, node.end_lineno or node.lineno, node.name)
                for node in ast.walk(tree)
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                and is_mutated_method_name(node.name)
            )
            relative = path.resolve().relative_to(Path.cwd().resolve())
            for error in found:
                for start, end, name in spans:
                    if start <= error.line_number <= end:
                        mutant = get_mutant_name(relative, name)
                        caught[mutant] = FailedTypeCheckMutant(
                            method_location=MutatedMethodLocation(path, name, start, end),
                            name=mutant,
                            error=error,
                        )
                        break
    return caught


def _own(function: str, test: str) -> bool:
    """Whether ``test`` is one of the rule tests written for ``function``'s module."""
    return any(
        function.startswith(prefix) and test.startswith(tuple(f"{f}::" for f in files))
        for prefix, files in OWN_TESTS.items()
    )


class Killers:
    """Which test caught each mutant so far, by function: tests/conftest.py appends a line
    (function, test) to KILLERS in every mutant's session that fails. A function's mutants
    are mostly caught by the same one or two rule tests, and mutmut stops at the first failure:
    putting those first makes the next mutant of the function cost one test, not the dozen
    that run before it in select()'s order. Only the order changes: a survivor still runs
    every selected test, so no result does. The file is kept between runs."""

    def __init__(self, path: Path, seed: Path | None = None) -> None:
        self.path = path
        self.read_to = 0
        self.counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        # the last full run's catching tests (committed): a function's first mutants of this
        # run need not run a dozen tests to find them again
        for function, test, count in _seed_lines(seed):
            self.counts[function][test] += count

    def refresh(self) -> None:
        try:
            with self.path.open("rb") as f:
                f.seek(self.read_to)
                chunk = f.read()
        except FileNotFoundError:
            return
        whole = chunk[: chunk.rfind(b"\n") + 1]  # a line still being written waits
        self.read_to += len(whole)
        for line in whole.decode("utf-8", "replace").splitlines():
            function, _, test = line.partition("\t")
            if test:
                self.counts[function][test] += 1

    def first(self, function: str, tests: list[str]) -> list[str]:
        """``tests`` with the ones that caught ``function``'s mutants first (most often first);
        the rest in their given order."""
        self.refresh()
        caught = self.counts.get(function)
        if not caught:
            return tests
        order = {t: i for i, t in enumerate(tests)}
        return sorted(tests, key=lambda t: (-caught.get(t, 0), order[t]))


KILLERS = ROOT / "mutants" / "mutation-killers.txt"
KILLERS_SEED = ROOT / "docs" / "mutation-killers.txt"
SEED_PER_FUNCTION = 4


def _seed_lines(seed: Path | None) -> list[tuple[str, str, int]]:
    if seed is None or not seed.exists():
        return []
    out = []
    for line in seed.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].isdigit() and not line.startswith("#"):
            out.append((parts[0], parts[1], int(parts[2])))
    return out


def save_killers_seed(live: Path = KILLERS, seed: Path = KILLERS_SEED) -> None:
    """The catching tests of this run and the seed, the SEED_PER_FUNCTION most frequent of
    each function, written back to the seed (sorted: a small, readable diff)."""
    killers = Killers(live, seed)
    killers.refresh()
    lines = [
        "# tools/mutation.py: the tests that caught each function's mutants in the last runs\n",
        "# how often; a run puts them first (only the order of a mutant's tests changes)\n",
    ]
    for function in sorted(killers.counts):
        best = sorted(killers.counts[function].items(), key=lambda kv: (-kv[1], kv[0]))
        lines += [f"{function}\t{test}\t{n}\n" for test, n in best[:SEED_PER_FUNCTION]]
    seed.write_text("".join(lines), "utf-8")


class _WithFallback(dict[str, Any]):
    """Tests per function, the ones that caught its earlier mutants first (Killers); for the
    widgets (FALLBACK), the module's own tests first, then what mutmut saw reach the function
    (it sees only the tests that call it outside the message loop, which are seldom the ones
    that check it)."""

    def __init__(
        self,
        tests: dict[str, Any],
        fallback: dict[str, set[str]],
        durations: dict[str, float],
        killers: Killers | None = None,
    ) -> None:
        super().__init__(tests)
        self.fallback = fallback
        self.durations = durations
        self.killers = killers or Killers(KILLERS, KILLERS_SEED)

    def get(self, key: str, default: Any = None) -> Any:
        found = list(super().get(key) or [])
        for prefix, tests in self.fallback.items():
            if key.startswith(prefix) and tests:
                own = sorted(tests, key=lambda t: (self.durations.get(t, 0.0), t))
                found = own + [t for t in found if t not in tests]
                break
        return self.killers.first(key, found) if found else default

    def __missing__(self, key: str) -> set[str]:
        found: set[str] = self.get(key, set())
        return found


def select(
    tests: set[str],
    durations: dict[str, float],
    limit: int = MAX_TESTS,
    breadth: dict[str, int] | None = None,
) -> list[str]:
    """`limit` of the tests that reached a function, from two orders: three fifths the fastest
    (mostly end-to-end tests that check what comes out), the rest the most *focused* (the
    tests that reached the fewest mutated functions: the rule tests written for this code,
    which check its messages and edges). Within each, as varied as they come: one case
    of each test function, then a second of each (the cases of one parametrised test mostly
    walk the same path). Slow tests (whole exports through the command line) come in only when
    fewer than MIN_FAST quick ones reached the function."""
    width = breadth or {}
    quick = {t for t in tests if durations.get(t, 0.0) <= SLOW}
    pool = quick if len(quick) >= MIN_FAST else tests

    def varied(rank: Callable[[str], tuple[Any, ...]]) -> list[str]:
        groups: dict[str, list[str]] = defaultdict(list)
        for test in sorted(pool, key=rank):
            groups[test.split("[", 1)[0]].append(test)
        order = sorted(groups.values(), key=lambda g: rank(g[0]))
        out: list[str] = []
        for depth in range(max((len(g) for g in order), default=0)):
            out += [g[depth] for g in order if depth < len(g)]
        return out

    focused = varied(lambda t: (width.get(t, 0), durations.get(t, 0.0), t))
    fastest = varied(lambda t: (durations.get(t, 0.0), t))
    share = limit * 3 // 5  # of the fastest; the rest of the most focused not among them
    chosen = set(fastest[:share])
    for test in focused:
        if len(chosen) >= limit:
            break
        chosen.add(test)
    # In the order they run (pytest keeps the command line's; mutmut stops at the first
    # failure): the most focused first, the fastest of equals first. A killed mutant then
    # costs the one rule test that names its mistake, not the end-to-end ones before it.
    return sorted(chosen, key=lambda t: (width.get(t, 0), durations.get(t, 0.0), t))


# -- the report -------------------------------------------------------------------------------
@dataclass
class Module:
    path: str
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    survivors: list[tuple[str, str, str]] = field(default_factory=list)  # key, name, diff

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def caught(self) -> int:
        return self.counts["killed"] + self.counts["timeout"] + self.counts["caught by type check"]

    @property
    def equivalent(self) -> int:
        return self.counts["equivalent"]

    def score(self) -> float:
        counted = self.total - self.equivalent
        return 1.0 if counted == 0 else self.caught / counted


def mutant_key(name: str, diff: str) -> str:
    """Stable across renumbering: the function, and a hash of the lines the mutant changes."""
    function = name.rsplit("__mutmut_", 1)[0]
    changed = [
        line[1:].strip()
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    digest = hashlib.sha256("\n".join(changed).encode("utf-8")).hexdigest()[:10]
    return f"{function} {digest}"


def read_equivalents() -> dict[str, str]:
    known: dict[str, str] = {}
    if not EQUIVALENTS.exists():
        return known
    for line in EQUIVALENTS.read_text("utf-8-sig").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        function, digest, *why = line.split(maxsplit=2)
        known[f"{function} {digest}"] = why[0] if why else ""
    return known


def collect(only: list[str], *, sampled: bool = False) -> list[Module]:
    os.chdir(ROOT)
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code

    known = read_equivalents()
    modules = []
    for path in only:
        module = Module(path)
        data = SourceFileMutationData(path=Path(path))
        with contextlib.suppress(FileNotFoundError):
            data.load()
        for name, code in sorted(data.exit_code_by_key.items()):
            status = status_by_exit_code[code]
            if status == "not checked" and sampled:
                continue
            if status in ("survived", "no tests", "suspicious", "skipped", "not checked"):
                try:
                    diff = get_diff_for_mutant(name, path=path)
                except Exception:  # a mutant of a function that has since changed: gone
                    continue
                key = mutant_key(name, diff)
                if key in known:
                    status = "equivalent"
                else:
                    module.survivors.append((key, f"{name} ({status})", diff))
            module.counts[status] += 1
        modules.append(module)
    return modules


def report(modules: list[Module], seconds: float | None) -> int:
    width = max(len(m.path) for m in modules)
    print(f"\n{'module':<{width}}  mutants  caught  equiv.  left   score")
    total = caught = equivalent = 0
    for m in modules:
        total += m.total
        caught += m.caught
        equivalent += m.equivalent
        print(
            f"{m.path:<{width}}  {m.total:7}  {m.caught:6}  {m.equivalent:6}  "
            f"{len(m.survivors):4}  {m.score():6.1%}"
        )
    overall = 1.0 if total == equivalent else caught / (total - equivalent)
    print(
        f"{'all':<{width}}  {total:7}  {caught:6}  {equivalent:6}  "
        f"{sum(len(m.survivors) for m in modules):4}  {overall:6.1%}"
    )
    if seconds is not None:
        print(f"\ntime: {seconds / 60:.1f} min")
    left = [s for m in modules for s in m.survivors]
    if left:
        print(
            f"\n{len(left)} survivors (kill each with a test, or list it as equivalent in "
            f"{EQUIVALENTS.relative_to(ROOT)} as '<function> <hash> <why>'):"
        )
        for key, name, diff in left:
            print(f"\n== {key}   [{name}]")
            print(
                "\n".join(line for line in diff.splitlines() if not line.startswith(("+++", "---")))
            )
    controls, failed = _controls_report()
    if controls:
        print(
            f"\ncontrol sessions (tests with no mutant, beside the mutants): {controls}, "
            f"{'all passed' if not failed else f'{len(failed)} FAILED'}"
        )
    for line in failed:
        print(f"  {line}")
    if failed:
        print(
            "A control failed: some kills may be the tests' own failures; the score is not "
            "to be trusted until the cause is fixed."
        )
    low = [m for m in modules if m.total and m.score() < AIM]
    for m in low:
        print(f"\n{m.path}: {m.score():.1%} is under the aim of {AIM:.0%}")
    empty = [m for m in modules if not m.total]
    for m in empty:
        print(f"\n{m.path}: no mutants were run")
    return 1 if left or low or empty or failed else 0


def _forget_plain_copies(only: list[str]) -> None:
    """mutmut's incremental state goes wrong for a module mutated after a run that left it
    out: that run copied it into mutants/ as it is, and its stats saw no test reach it (no
    trampolines then), so mutmut would make no mutant of it, or give each "no tests". Such a
    module's copy, its mutants (.meta, .spans) and the stats go, and mutmut makes them again."""
    stats = ROOT / "mutants" / "mutmut-stats.json"
    reached: dict[str, Any] = {}
    if stats.exists():
        reached = json.loads(stats.read_text("utf-8")).get("tests_by_mangled_function_name", {})
    stale = []
    for module in only:
        copy = ROOT / "mutants" / module
        prefix = module.removeprefix("src/").removesuffix(".py").replace("/", ".") + "."
        if not copy.exists():
            continue
        if (
            "__mutmut_" not in copy.read_text("utf-8", errors="replace")
            or not copy.with_name(copy.name + ".meta").exists()
            or not any(name.startswith(prefix) for name in reached)
        ):
            stale.append(copy)
    for copy in stale:
        for extra in ("", ".meta", ".spans"):
            copy.with_name(copy.name + extra).unlink(missing_ok=True)
    if stale:
        stats.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--sample", action="store_true", help="the fixed CI sample")
    mode.add_argument(
        "--changed",
        nargs="?",
        const="main",
        metavar="REF",
        help="only the modules changed since REF (default: main)",
    )
    mode.add_argument("--report", action="store_true", help="print the last results")
    parser.add_argument(
        "--every",
        type=int,
        default=1,
        metavar="N",
        help="only every N-th mutant of each module (an estimate; the rest stay unchecked)",
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help="run the last run's survivors again (after adding tests)",
    )
    parser.add_argument(
        "--modules",
        nargs="+",
        metavar="GLOB",
        help="only these of the configured modules (e.g. 'src/cchc_tui/core/*')",
    )
    parser.add_argument("--inner", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.inner:  # the path of the run's spec (a list of survivors can be long)
        spec = json.loads(Path(args.inner).read_text("utf-8"))
        _inner(spec["only"], spec["tests"], spec.get("every", 1), spec.get("names"), spec["limit"])
        return 0

    conf = _config()
    patterns = [str(p) for p in conf["only_mutate"]]  # type: ignore[attr-defined]
    all_modules = sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "src").rglob("*.py")
        if any(fnmatch.fnmatch(str(p.relative_to(ROOT)), pat) for pat in patterns)
        and p.name != "__init__.py"
    )
    tests: list[str] | None = None
    if args.sample:
        only = list(SAMPLE)
        tests = sorted({t for ts in SAMPLE.values() for t in ts})
    elif args.changed:
        only = _changed_modules(args.changed, patterns)
        if not only:
            print(f"no integrity-critical module changed since {args.changed}")
            return 0
    else:
        only = all_modules
    if args.modules:
        only = [m for m in only if any(fnmatch.fnmatch(m, g) for g in args.modules)]
        if not only:
            print("no configured module matches " + " ".join(args.modules))
            return 2

    names: list[str] | None = None
    if args.again:
        # the mutants that ran and survived; not the ones a sampled run (--every) left unchecked
        names = [
            name.split(" ", 1)[0]
            for m in collect(only, sampled=True)
            for _key, name, _diff in m.survivors
        ]
        if not names:
            print("no survivors to run again")
            return report(collect(only), None)
    seconds = None
    if not args.report:
        _forget_plain_copies(only)
        log = ROOT / "mutants" / "mutmut.log"
        log.parent.mkdir(exist_ok=True)
        print(f"mutmut: {len(only)} modules; progress in {log.relative_to(ROOT)}", flush=True)
        start = time.monotonic()
        spec_file = ROOT / "mutants" / "run-spec.json"
        spec_file.write_text(
            json.dumps(
                {
                    "only": only,
                    "tests": tests,
                    "every": args.every,
                    "names": names,
                    # the sample's own test files are small: every test that reaches
                    "limit": None if args.sample else MAX_TESTS,
                }
            ),
            "utf-8",
        )
        with log.open("w", encoding="utf-8") as out:
            done = subprocess.run(
                [sys.executable, __file__, "--inner", str(spec_file)],
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONUTF8": "1", "CCHC_MUTATION": "1"},
            )
        seconds = time.monotonic() - start
        if done.returncode != 0:
            print(log.read_text("utf-8", errors="replace")[-3000:])
            print(f"mutmut failed (exit {done.returncode})")
            return 2
        if not args.sample and args.every == 1 and not args.again:
            save_killers_seed()
    return report(collect(only, sampled=args.every > 1), seconds)


if __name__ == "__main__":
    sys.exit(main())
