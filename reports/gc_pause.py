"""Pause Python's cyclic garbage collector while millions of records are built.

The records hold no reference cycles, but each full collection walks every live object: with 10,000 learners
that made reading and building grow faster than the number of learners. Reference counting still frees
everything; the collector resumes (and runs once) afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
