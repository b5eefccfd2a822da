"""'Latest attempt wins', the one rule every reader's records are merged by (model.RULE says it to the reader).

Of two records about the same thing, the later-dated one wins; an undated record (SCORM 1.2 keeps no times)
loses to any dated one; between equal times, or two undated records, the one read last wins. "Read last" is
the order of the inputs: files as given on the command line, a folder's files in path order
(sources.input_files), the lines or statements of a file in order, an LRS's statements oldest stored first
(lrs.fetch_statements puts them so). A sum over parts (an Open edX module's quizzes) counts as read when its
last part was; the K evidence an xAPI learner's answers make counts as read after that learner's files.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime
from typing import Protocol, TypeVar

from .records import Origin


class _HasOrigin(Protocol):
    @property
    def origin(self) -> Origin: ...


T = TypeVar("T", bound=_HasOrigin)


def supersedes(mine: datetime | None, theirs: datetime | None) -> bool:
    """Whether a record dated `mine`, read after one dated `theirs`, replaces it."""
    return theirs is None or (mine is not None and mine >= theirs)


def latest_by(records: Iterable[T], key: Callable[[T], Hashable]) -> dict[Hashable, T]:
    """key -> the winning record among those with that key, records taken in the order read. The keys are in
    the order their winners were read, so a later merge of these winners can still tell which was read last."""
    best: dict[Hashable, T] = {}
    get = best.get
    for r in records:
        k = key(r)
        current = get(k)
        if current is None:
            best[k] = r
        elif supersedes(r.origin.when, current.origin.when):
            del best[k]  # to the end: read after the winners of the other keys so far
            best[k] = r
    return best
