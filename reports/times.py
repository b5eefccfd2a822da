"""Timestamps from tracking data, as aware UTC datetimes (ISO 8601; a naive time is taken as UTC)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Any


def parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    return parse_text(value)


@lru_cache(maxsize=65536)
def parse_text(value: str) -> datetime | None:
    """Cached: an attempt's interactions and a batch of statements repeat the same few timestamps, and a
    datetime is immutable, so sharing one is safe (the cache is bounded)."""
    text = value.strip()
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def iso(when: datetime | None) -> str | None:
    return _iso(when) if when else None


@lru_cache(maxsize=65536)
def _iso(when: datetime) -> str:
    """Cached: the report repeats the same few attempt times across thousands of rows."""
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z")
