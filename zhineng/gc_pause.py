"""Pause Python's cyclic garbage collector while many long-lived objects are built.

Each full collection walks every live object, so building a large structure with the collector on grows
faster than the structure: a report's millions of records for 10,000 learners, a 150-module course's
models and YAML nodes (validate took 22 % more CPU per module at 50x the built-in course than at 10x).
Those objects hold no reference cycles: reference counting still frees them, and the collector resumes after.
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
