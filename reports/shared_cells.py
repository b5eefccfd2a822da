"""Text made once for cells that many learners share.

build_report gives every learner who has handed nothing in the same (read-only) performance cells; the renderers
make the text of those cells once through a `Shared` and splice each learner's name around it, instead of
formatting the same cells again for each of 10,000 learners. Keyed by the objects' identity (a dict is not
hashable, and comparing contents would cost what it saves); each entry keeps its objects alive, so an id never
names another object while its entry stands. Cells of a learner's own get their text made as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class Shared(Generic[V]):
    def __init__(self, make: Callable[..., V]) -> None:
        self._make = make
        self._made: dict[tuple[int, ...], tuple[tuple[object, ...], V]] = {}

    def __call__(self, *cells: object) -> V:
        key = tuple(map(id, cells))
        known = self._made.get(key)
        if known is not None and all(a is b for a, b in zip(known[0], cells, strict=True)):
            return known[1]
        made = self._make(*cells)
        self._made[key] = (cells, made)
        return made
