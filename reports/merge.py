"""'Latest attempt wins': of the records about the same thing, keep the newest (undated counts as oldest)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Protocol, TypeVar

from .records import Origin


class _HasOrigin(Protocol):
    @property
    def origin(self) -> Origin: ...


T = TypeVar("T", bound=_HasOrigin)


def older(a: Origin, b: Origin) -> bool:
    """a strictly older than b. Equal times are not older, so the input read last wins a tie."""
    if a.when is None:
        return b.when is not None
    return b.when is not None and a.when < b.when


def latest_by(records: Iterable[T], key: Callable[[T], Hashable]) -> dict[Hashable, T]:
    best: dict[Hashable, T] = {}
    get = best.get
    for r in records:
        k = key(r)
        current = get(k)
        if current is not None:  # `older` inlined: this runs once per record, millions of times
            mine, theirs = r.origin.when, current.origin.when
            if theirs is not None and (mine is None or mine < theirs):
                continue
        best[k] = r
    return best
