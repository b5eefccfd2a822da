"""The reflections and task deliverables saved in a SCO's suspend_data (format: scorm_export/runtime/state.js,
header comment; a task's record: scorm_export/runtime/task-state.js).

Only reflections and tasks are read: answers are reported through the interactions. Lengths count UTF-16 units,
as JavaScript does, so the text is sliced in UTF-16.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

MAGIC = "Z3"
OLDER_MAGIC = "Z2"  # written before tasks: no task records
LEGACY_MAGIC = "Z1"  # written before the attempt field: no attempt marker, no next interaction index
HASH_CHARS = 6
TASK_STATUS: dict[str, Literal["draft", "submitted", "self_rated"]] = {
    "d": "draft",
    "s": "submitted",
    "r": "self_rated",
}


@dataclass(frozen=True)
class SavedReflection:
    submitted: bool
    rating: int | None
    text: str


@dataclass(frozen=True)
class SavedTask:
    """A task's record: draft (autosaved, never evidence), submitted, or submitted and self-rated.

    values: {field id: the field's value as the runtime keeps it}: text (long_text, link), a list of rows of
    input cells (table), a list of ticked item ids (checklist); fields left empty are absent.
    levels: the self-rating level of each criterion in rubric order, 0 where none was chosen (a submitted
    task may hold levels chosen before the self-rating was sent; they count only when status is self_rated).
    cut: the LMS had no room for all of it: only the start is here (the learner was told and offered a download).
    """

    status: Literal["draft", "submitted", "self_rated"]
    cut: bool
    levels: tuple[int, ...]
    values: dict[str, Any]


@lru_cache(maxsize=4096)  # the same few reflection ids are hashed for every attempt
def fnv6(text: str) -> str:
    """The runtime's FNV-1a hash of a reflection id, first 6 hex digits (ids are ASCII)."""
    h = 0x811C9DC5
    for ch in text:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"[:HASH_CHARS]


class _Reader:
    """Reads the state in UTF-16 units. Text within the Basic Multilingual Plane (the usual case, Chinese
    included) has one unit per character, so it is read as the str itself; otherwise as UTF-16 bytes."""

    def __init__(self, text: str) -> None:
        self.bmp = not text or max(text) <= "\uffff"
        self.text = text
        self.units = b"" if self.bmp else text.encode("utf-16-le")
        self.at = 0  # in UTF-16 units

    def until(self, sep: str) -> str:
        if self.bmp:
            end = self.text.find(sep, self.at)
            if end < 0:
                raise ValueError("truncated state")
            out = self.text[self.at : end]
            self.at = end + 1
            return out
        end = self.units.find(sep.encode("utf-16-le"), self.at * 2)
        while end >= 0 and end % 2:  # only at a unit boundary
            end = self.units.find(sep.encode("utf-16-le"), end + 1)
        if end < 0:
            raise ValueError("truncated state")
        out = self.units[self.at * 2 : end].decode("utf-16-le")
        self.at = end // 2 + 1
        return out

    def take(self, n: int) -> str:
        if self.bmp:
            if n < 0 or self.at + n > len(self.text):
                raise ValueError("truncated state")
            out = self.text[self.at : self.at + n]
            self.at += n
            return out
        if n < 0 or (self.at + n) * 2 > len(self.units):
            raise ValueError("truncated state")
        out = self.units[self.at * 2 : (self.at + n) * 2].decode("utf-16-le", errors="replace")
        self.at += n
        return out


def _count(r: _Reader) -> int:
    n = int(r.until(":"), 36)
    if n < 0:
        raise ValueError("bad count")
    return n


@lru_cache(maxsize=1)  # a SCORM attempt's state is read for its reflections, then for its tasks: parsed once
def _read(data: str) -> tuple[dict[str, SavedReflection], dict[str, SavedTask]]:
    r = _Reader(data)
    magic = r.until(":")
    if magic not in (MAGIC, OLDER_MAGIC, LEGACY_MAGIC):
        raise ValueError("not zhineng suspend_data")
    # content hash, [attempt and next interaction,] page, visited activities
    for _ in range(3 if magic == LEGACY_MAGIC else 4):
        r.until(":")
    for _ in range(_count(r)):
        r.take(HASH_CHARS)
        length = r.until(":")
        r.take(
            int(length[2:] if length.startswith("*") else length, 36)
        )  # "*" + attempts used: a retried answer
    reflections: dict[str, SavedReflection] = {}
    for _ in range(_count(r)):
        head = r.take(HASH_CHARS + 2)
        text = r.take(int(r.until(":"), 36))
        rating = int(head[-1])
        reflections[head[:HASH_CHARS]] = SavedReflection(head[HASH_CHARS] in "sS", rating or None, text)
    tasks: dict[str, SavedTask] = {}
    if magic != MAGIC:
        return reflections, tasks
    for _ in range(_count(r)):
        key = r.take(HASH_CHARS)
        flag = r.take(1)
        if flag.lower() not in TASK_STATUS:
            raise ValueError(f"bad task flag {flag!r}")
        levels = tuple(int(d, 36) for d in r.take(int(r.take(1), 36)))
        body = r.take(int(r.until(":"), 36))
        values = json.loads(body) if body else {}
        if not isinstance(values, dict):
            raise ValueError("bad task body")
        tasks[key] = SavedTask(TASK_STATUS[flag.lower()], flag != flag.lower(), levels, values)
    return reflections, tasks


def saved_reflections(data: str) -> dict[str, SavedReflection]:
    """fnv6(reflection id) -> what was saved. Raises ValueError on anything that is not our format."""
    return _read(data)[0]


def saved_tasks(data: str) -> dict[str, SavedTask]:
    """fnv6(task id) -> its record (none before the Z3 format). Raises ValueError on anything not our format."""
    return _read(data)[1]
