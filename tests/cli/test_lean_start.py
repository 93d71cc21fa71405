"""What the office PC waits for at start: the app's first screen and the reading commands load
neither pydantic nor SQLAlchemy (issue 16, bench/bench_startup.py; the app's one-copy lock,
filelock, is taken in the background), and the plan and registry built without pydantic are
exactly what pydantic builds from the same files."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from cchc_tui import launch
from cchc_tui.cli import officer
from cchc_tui.core.agencies import Registry, RegistryFile
from cchc_tui.core.plan import DEFAULT_PLAN_FILE, Plan
from cchc_tui.core.schema import validate
from cchc_tui.demo import build_demo

HEAVY = ("pydantic", "sqlalchemy", "sqlmodel")


def _shipped(name: str) -> str:
    return resources.files("cchc_tui.data").joinpath(name).read_text("utf-8")


def test_the_shipped_plan_without_pydantic_is_the_checked_plan() -> None:
    text = _shipped(DEFAULT_PLAN_FILE)
    fast, checked = Plan.from_trusted_toml(text), Plan.from_toml(text)
    assert fast == checked
    assert len(fast.item) == len(checked.item) > 40
    assert fast.item[0].due == checked.item[0].due  # dates, not text


def test_the_shipped_registry_without_pydantic_is_the_checked_registry() -> None:
    fast = Registry.load()
    checked = validate(RegistryFile, tomllib.loads(_shipped("agencies.toml")))
    assert list(fast.agencies.values()) == checked.agency
    assert list(fast.groups.values()) == checked.group


def test_a_plan_file_from_outside_is_still_checked_field_by_field() -> None:
    text = _shipped(DEFAULT_PLAN_FILE)
    bad_date = text.replace("issued = 2021-12-29", 'issued = "29/13/2021"', 1)
    assert bad_date != text
    with pytest.raises(ValueError, match="issued"):
        Plan.from_toml(bad_date)
    bad_kind = text.replace('kind = "activity"', 'kind = "hoat dong"', 1)
    with pytest.raises(ValueError, match="kind"):
        Plan.from_toml(bad_kind)
    data = tomllib.loads(text)
    data["item"][1]["id"] = data["item"][0]["id"]  # the links check runs under pydantic too
    with pytest.raises(ValueError, match="trùng"):
        validate(Plan, data)


def test_a_registry_file_from_outside_is_checked_and_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "dm.toml"
    decomposed = "Quận Ninh Kiều".replace("ề", "e\u0302\u0300")
    path.write_text(
        '\ufeff[meta]\n[[agency]]\ncode = "NK"\nname = "  ' + decomposed + '"\n'
        'level = "district"\nkind = "quan"\n[[group]]\ncode = "g"\nname = "G"\n',
        encoding="utf-8",
    )
    assert Registry.load(path).agencies["NK"].name == "Quận Ninh Kiều"
    path.write_text(
        '[meta]\n[[agency]]\ncode = "NK"\nname = "X"\nlevel = "tinh"\nkind = "quan"\n[[group]]\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="level"):
        Registry.load(path)


def _modules_after(script: str) -> dict[str, bool]:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    loaded: dict[str, bool] = json.loads(out.strip().splitlines()[-1])
    return loaded


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lean") / "demo.sqlite"
    build_demo(path, _shipped(DEFAULT_PLAN_FILE), Registry.load())[0].close()
    return path


def test_the_first_screen_loads_no_heavy_library(demo_db: Path) -> None:
    loaded = _modules_after(
        f"""
        import asyncio, json, sys
        from datetime import date
        from pathlib import Path
        from cchc_tui.ui.officer.app import CchcApp

        async def main():
            app = CchcApp(Path({str(demo_db)!r}), today=date(2022, 9, 15))
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                shown = type(app.screen).__name__
                loaded = {{m: m in sys.modules for m in {HEAVY!r}}}
                loaded["overview"] = shown == "OverviewScreen"
                print(json.dumps(loaded))

        asyncio.run(main())
        """
    )
    assert loaded == {"overview": True, **dict.fromkeys(HEAVY, False)}


def test_reading_commands_load_no_heavy_library(demo_db: Path) -> None:
    loaded = _modules_after(
        f"""
        import contextlib, io, json, sys
        from cchc_tui.cli import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["--db", {str(demo_db)!r}, "--as-of", "15/09/2022", "assigned"])
        loaded = {{m: m in sys.modules for m in {(*HEAVY, "filelock")!r}}}
        loaded["listed"] = code == 0 and "hd" in out.getvalue()
        print(json.dumps(loaded))
        """
    )
    assert loaded == {"listed": True, **dict.fromkeys((*HEAVY, "filelock"), False)}


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    try:
        yield
    finally:
        gc.unfreeze()
        if was:
            gc.enable()
        else:
            gc.disable()


def test_a_command_runs_with_the_collector_on(
    demo_db: Path, collector_restored: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """`cchc` starts with the collector off (launch.py); a command other than the app turns it
    on before it runs: an import of a city's bundles must not grow without bound."""
    seen: list[bool] = []
    real = officer.cmd_assigned

    def spy(args: Any) -> int:
        seen.append(gc.isenabled())
        return real(args)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(officer, "cmd_assigned", spy)
        code = launch.main(["--db", str(demo_db), "--as-of", "15/09/2022", "assigned"])
    assert code == 0 and "hd" in capsys.readouterr().out
    assert seen == [True]


async def test_the_app_turns_the_collector_on_once_its_first_screen_is_drawn(
    demo_db: Path, collector_restored: None
) -> None:
    from cchc_tui.ui.officer.app import CchcApp

    gc.disable()  # as launch.main leaves it for the app
    app = CchcApp(demo_db, today=date(2022, 9, 15))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "OverviewScreen"
        await pilot.pause(0.1)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 10_000  # what start-up made, kept out of the passes


@pytest.mark.parametrize(
    ("argv", "app"),
    [
        ([], True),
        (["--db", "E:\\CCHC 2022\\cchc.sqlite", "--as-of", "15/09/2022"], True),
        (["--lang", "en", "--theme", "ansi-dark", "--today", "2022-09-15"], True),
        (["--db=x.sqlite"], True),
        (["assigned"], False),
        (["--db", "x", "assigned", "--json"], False),
        (["--help"], False),
        (["-h"], False),
        (["--version"], False),
        (["--lang", "fr"], False),  # a mistake: answered by the whole grammar
        (["--db"], False),
        (["--unknown"], False),
        (["demo"], False),
    ],
)
def test_only_the_apps_own_start_skips_the_whole_grammar(argv: list[str], app: bool) -> None:
    from cchc_tui.cli.parser import app_start_args

    got = app_start_args(argv)
    assert (got is not None) is app
    if got is not None:  # read as the whole grammar reads it
        from cchc_tui.cli.parser import build_parser

        assert vars(got) == {k: v for k, v in vars(build_parser().parse_args(argv)).items()
                             if k != "command"}  # fmt: skip


def test_a_wrong_shared_option_is_still_said_in_vietnamese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cchc_tui.cli import main

    with pytest.raises(SystemExit) as ended:
        main(["--lang", "fr"])
    assert ended.value.code == 2
    assert "không có lựa chọn 'fr'" in capsys.readouterr().err


def test_the_apps_start_loads_no_command_module() -> None:
    loaded = _modules_after(
        """
        import json, sys
        from cchc_tui.cli import officer
        officer.cmd_tui = lambda args: 0  # the app itself is another test's
        from cchc_tui.cli import main
        main(["--as-of", "15/09/2022"])
        print(json.dumps({m: m in sys.modules for m in (
            "cchc_tui.cli.bundles", "cchc_tui.cli.review", "cchc_tui.cli.scoring")}))
        """
    )
    assert loaded == dict.fromkeys(("cchc_tui.cli.bundles", "cchc_tui.cli.review",
                                    "cchc_tui.cli.scoring"), False)  # fmt: skip


def test_a_second_start_parses_no_toml(demo_db: Path, tmp_path: Path) -> None:
    """The plan and registry come from their parsed copies (datacache.py) once the first
    start wrote them; the shipped files are found without importlib.resources."""
    script = f"""
        import asyncio, json, os, sys
        os.environ["CCHC_CACHE"] = {str(tmp_path / "cache")!r}
        from datetime import date
        from pathlib import Path
        from cchc_tui.ui.officer.app import CchcApp

        async def main():
            app = CchcApp(Path({str(demo_db)!r}), today=date(2022, 9, 15))
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                print(json.dumps({{m: m in sys.modules
                                   for m in ("tomllib", "importlib.resources")}}))

        asyncio.run(main())
        """
    first = _modules_after(script)
    assert first["tomllib"]  # nothing cached yet
    assert _modules_after(script) == dict.fromkeys(("tomllib", "importlib.resources"), False)


def test_a_listing_written_to_a_file_keeps_every_title_whole(demo_db: Path, tmp_path: Path) -> None:
    """`cchc assigned > ds.txt` is read in Notepad or Excel: no title cut to the terminal's
    width; piped to a pager it still fits the terminal."""
    argv = [sys.executable, "-m", "cchc_tui", "--db", str(demo_db), "--as-of", "15/09/2022",
            "assigned"]  # fmt: skip
    env = {**os.environ, "COLUMNS": "80"}
    out = tmp_path / "danh sách.txt"
    with out.open("wb") as f:
        subprocess.run(argv, stdout=f, check=True, env=env, timeout=120)
    text = out.read_text(encoding="utf-8")
    piped = subprocess.run(argv, capture_output=True, check=True, env=env, timeout=120).stdout
    assert "…" in piped.decode("utf-8")  # the terminal's 80 columns
    assert "…" not in text
    plan = Plan.from_trusted_toml(_shipped(DEFAULT_PLAN_FILE))
    longest = max((i.text for i in plan.item if i.text in text), key=len)
    assert len(longest) > 80  # a whole title longer than the terminal is in the file
