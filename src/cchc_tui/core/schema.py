"""Checking data from outside against the core's dataclasses with pydantic.

The core's models (plan, registry) are plain dataclasses, so that the app starts without
importing pydantic (its import and schema building were a third of the start-up time,
bench/bench_startup.py). What comes from a user — a plan file, a registry file — is still
checked field by field by pydantic, through a ``TypeAdapter`` built once per model on first use.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import TypeAdapter

_T = TypeVar("_T")


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(kind: type[Any]) -> TypeAdapter[Any]:
    if kind not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[kind] = TypeAdapter(kind)
    return _ADAPTERS[kind]


def validate(kind: type[_T], data: Any) -> _T:
    """``data`` checked and converted to ``kind``; pydantic's ValidationError (a ValueError)
    names every field that is wrong."""
    result: _T = _adapter(kind).validate_python(data)
    return result


def dump(value: Any) -> Any:
    """``value`` (a core dataclass) as JSON-ready data: dates as ISO text, as pydantic writes."""
    return _adapter(type(value)).dump_python(value, mode="json")


def build(kind: type[_T], row: dict[str, Any]) -> _T:
    """``kind(**row)`` for a table already checked (the shipped files, what the store holds):
    keys the model does not know are left out, as pydantic leaves them out of a checked one."""
    assert is_dataclass(kind)
    known = {f.name for f in fields(kind)}
    return kind(**{k: v for k, v in row.items() if k in known})
