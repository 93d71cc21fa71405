"""The parsed copies of the TOML read at every start (cchc_tui/datacache.py): what they give
back is exactly what tomllib gives, a changed or damaged copy is never used, and a folder
that cannot be written only costs time."""

from __future__ import annotations

import sys
import tomllib
from datetime import date, datetime, time
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from cchc_tui import datacache
from cchc_tui.core.agencies import Registry
from cchc_tui.core.plan import DEFAULT_PLAN_FILE, Plan


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bộ nhớ đệm 100%"
    monkeypatch.setenv("CCHC_CACHE", str(folder))
    return folder


def _plan_text() -> str:
    return resources.files("cchc_tui.data").joinpath(DEFAULT_PLAN_FILE).read_text("utf-8")


def _no_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> Any:
        raise AssertionError("parsed again")

    monkeypatch.setitem(sys.modules, "tomllib", SimpleNamespace(loads=refuse))


def test_the_second_read_comes_from_the_copy_and_equals_the_parse(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _plan_text()
    first = datacache.parsed_toml(text)
    assert first == tomllib.loads(text)
    assert len(list(cache.glob("*.json"))) == 1
    plan = Plan.from_trusted_toml(text)
    _no_toml(monkeypatch)
    again = datacache.parsed_toml(text)
    assert again == first
    assert isinstance(again["plan"]["issued"], date)  # dates come back as dates
    assert Plan.from_trusted_data(again) == plan


def test_the_shipped_registry_from_its_copy_is_the_loaded_one(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = Registry.load()
    assert datacache.shipped_registry() == loaded
    _no_toml(monkeypatch)
    assert datacache.shipped_registry() == loaded


def test_a_changed_text_is_parsed_afresh(cache: Path) -> None:
    text = _plan_text()
    datacache.parsed_toml(text)
    changed = text.replace("issued = 2021-12-29", "issued = 2021-12-30", 1)
    assert changed != text
    assert datacache.parsed_toml(changed)["plan"]["issued"] == date(2021, 12, 30)
    assert datacache.parsed_toml(text)["plan"]["issued"] == date(2021, 12, 29)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short (a full disk, a pulled plug)
        lambda b: b"",
        lambda b: b"[1, 2, 3]",  # JSON, not a table
        lambda b: b.replace(b'"date"', b'"ngay"', 1),  # an unknown tag
        lambda b: b.replace(b"2021-12-29", b"2021-13-29", 1),  # a date that is none
        lambda b: b"\xff\xfe garbage",
    ],
)
def test_a_damaged_copy_is_ignored_and_written_again(cache: Path, damage: Any) -> None:
    text = _plan_text()
    datacache.parsed_toml(text)
    (copy,) = cache.glob("*.json")
    copy.write_bytes(damage(copy.read_bytes()))
    assert datacache.parsed_toml(text) == tomllib.loads(text)
    assert datacache.parsed_toml(text) == tomllib.loads(text)  # and from the new copy


def test_a_folder_that_cannot_be_written_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("CCHC_CACHE", str(blocker))
    text = _plan_text()
    assert datacache.parsed_toml(text) == tomllib.loads(text)
    assert blocker.read_text(encoding="utf-8").startswith("a file")
    assert not list(tmp_path.glob("**/*.tmp"))  # nothing half-written left behind


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = _plan_text()
    assert datacache.parsed_toml(text) == tomllib.loads(text)
    assert not list(tmp_path.rglob("*"))


def test_only_the_newest_copies_are_kept(cache: Path) -> None:
    for n in range(datacache.KEEP + 3):
        assert datacache.parsed_toml(f"n = {n}\n") == {"n": n}
    assert len(list(cache.glob("*.json"))) == datacache.KEEP


def test_a_table_that_looks_like_a_tagged_date_is_not_cached(cache: Path) -> None:
    text = '[x]\n"$toml" = "date"\nv = "2022-01-01"\n'
    assert datacache.parsed_toml(text) == {"x": {"$toml": "date", "v": "2022-01-01"}}
    assert not list(cache.glob("*.json"))
    assert datacache.parsed_toml(text) == {"x": {"$toml": "date", "v": "2022-01-01"}}


_scalars = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
_keys = st.text(min_size=1, max_size=8)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(_keys, _values, max_size=6))
def test_any_toml_comes_back_the_same_from_its_copy(data: dict[str, Any]) -> None:
    text = tomli_w.dumps(data)
    with pytest.MonkeyPatch.context() as mp:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            mp.setenv("CCHC_CACHE", folder)
            parsed = tomllib.loads(text)
            assert datacache.parsed_toml(text) == parsed  # parsed, copy written
            assert datacache.parsed_toml(text) == parsed  # from the copy


def test_time_and_datetime_keep_their_kind(cache: Path) -> None:
    text = "a = 2022-01-31\nb = 2022-01-31T08:30:00\nc = 08:30:00\n"
    datacache.parsed_toml(text)
    got = datacache.parsed_toml(text)
    assert type(got["a"]) is date and type(got["b"]) is datetime and type(got["c"]) is time


def test_a_copy_of_another_text_under_the_same_name_is_not_used(cache: Path) -> None:
    """The name only finds a copy (a CRC-32 and the length can collide): the text decides."""
    text = "n = 1\n"
    datacache.parsed_toml(text)
    (copy,) = cache.glob("*.json")
    other = copy.read_text(encoding="utf-8").replace('"n":1', '"n":2')
    copy.write_text(other.replace('"text":"n = 1', '"text":"n = 2'), encoding="utf-8")
    assert datacache.parsed_toml(text) == {"n": 1}


@pytest.mark.parametrize("name", ["agencies.toml", DEFAULT_PLAN_FILE, "criteria"])
def test_shipped_files_read_as_importlib_resources_reads_them(name: str) -> None:
    from cchc_tui.core.shipped import shipped_path, shipped_text

    found = resources.files("cchc_tui.data").joinpath(name)
    if name == "criteria":
        assert sorted(p.name for p in shipped_path(name).iterdir()) == sorted(
            p.name for p in found.iterdir()
        )
        return
    assert shipped_text(name) == found.read_text("utf-8")
