"""Dates and times as SQLite keeps them (ISO text), read back; naive times are UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _datetime(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
