"""The saved state (suspend_data) format, record by record: the one Python home for writing and reading it.

The runtime writes it (scorm_export/runtime/state.js, whose header comment has the layout, and task-state.js for a
task's record); here it is encoded and decoded at the level of its records, for the size budget
(scorm_export/budget.py encodes a worst-case state), the report (reports/read_scorm.py, task_records.py read the
reflections and tasks back) and the tests and benchmarks that need a learner's state. An answer's body is its
question type's (qtype-*.js) and is kept as written. tests/test_suspend_vectors.py holds both languages to the
same strings (tests/fixtures/suspend_vectors.json, written by the runtime).

Every version the runtime has written is read: Z3; Z2 (no task records); Z1 (no attempt field either: an open
attempt, next interaction 0). Lengths count UTF-16 units, as JavaScript does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

MAGIC = "Z3"
OLDER_MAGIC = "Z2"  # written before tasks: no task records
LEGACY_MAGIC = "Z1"  # written before the attempt field: no attempt marker, no next interaction index
HASH_CHARS = 6
INTERACTION_DIGITS = 3  # the next interaction index, at most "zzz"
MAX_INTERACTIONS = 36**INTERACTION_DIGITS - 1
MAX_USED = 35  # attempts used at a question, one b36 digit; past it only "more than one" matters
REFLECTION_HEAD = HASH_CHARS + 2  # id hash, draft/submitted flag, rating digit
TASK_HEAD = HASH_CHARS + 2  # id hash, draft/submitted/rated flag, number of criteria (then a digit each)

TaskStatus = Literal["draft", "submitted", "self_rated"]
TASK_STATUS: dict[str, TaskStatus] = {"d": "draft", "s": "submitted", "r": "self_rated"}
TASK_FLAG = {status: flag for flag, status in TASK_STATUS.items()}
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class SavedAnswer:
    key: str  # the first HASH_CHARS of the question's hash (payload `hash`)
    body: str  # the question type's body (qtype-*.js encode)
    used: int = 1  # attempts used: more than one after a retry


@dataclass(frozen=True)
class SavedReflection:
    submitted: bool
    rating: int | None
    text: str
    cut: bool = False  # the LMS had no room for all of it: only the start is here


@dataclass(frozen=True)
class SavedTask:
    """A task's record: draft (autosaved, never evidence), submitted, or submitted and self-rated.

    values: {field id: the field's value as the runtime keeps it}: text (long_text, link), a list of rows of
    input cells (table), a list of ticked item ids (checklist); fields left empty are absent.
    levels: the self-rating level of each criterion in rubric order, 0 where none was chosen (a submitted
    task may hold levels chosen before the self-rating was sent; they count only when status is self_rated).
    cut: the LMS had no room for all of it: only the start is here (the learner was told and offered a download).
    """

    status: TaskStatus
    cut: bool
    levels: tuple[int, ...]
    values: dict[str, Any]


@dataclass(frozen=True)
class SavedState:
    """A learner's state in one SCO. Reflections and tasks are keyed by fnv6 of their id, as the records are."""

    content_hash: str
    ended: bool = False  # the SCO said exit normal
    next_interaction: int = 0
    page: int = 0
    visited: str = ""  # visited activities as hex digits, four activities (payload order) a digit
    answers: tuple[SavedAnswer, ...] = ()
    reflections: dict[str, SavedReflection] = field(default_factory=dict)
    tasks: dict[str, SavedTask] = field(default_factory=dict)
    magic: str = MAGIC  # the version it was read from; encode always writes MAGIC


@lru_cache(maxsize=4096)  # the same few reflection and task ids are hashed for every attempt
def fnv6(text: str) -> str:
    """The runtime's FNV-1a hash of a reflection or task id (its UTF-16 units), first 6 hex digits."""
    h = 0x811C9DC5
    units = text.encode("utf-16-le")
    for n in range(0, len(units), 2):
        h ^= units[n] | units[n + 1] << 8
        h = (h * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"[:HASH_CHARS]


def b36(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _DIGITS[r] + out
        if not n:
            return out


def units(text: str) -> int:
    """The length of `text` in UTF-16 units, as JavaScript counts it."""
    return len(text) + sum(1 for ch in text if ch > "\uffff") if not text.isascii() else len(text)


def task_body(values: dict[str, Any]) -> str:
    """A task's values as the runtime writes them (JSON.stringify of the compacted values): '' when empty."""
    return json.dumps(values, ensure_ascii=False, separators=(",", ":")) if values else ""


def _record(head: str, body: str) -> str:
    return f"{head}{b36(units(body))}:{body}"


def _used_mark(used: int) -> str:
    return "*" + b36(min(used, MAX_USED)) if used > 1 else ""


def _level_digits(levels: tuple[int, ...]) -> str:
    return b36(len(levels)) + "".join(str(n) if 1 <= n <= 9 else "0" for n in levels)


def encode(state: SavedState) -> str:
    """The state as the runtime writes it (state.js `assemble`): records in the order given."""
    head = [
        MAGIC,
        state.content_hash,
        ("e" if state.ended else "o") + b36(min(state.next_interaction, MAX_INTERACTIONS)),
        b36(state.page),
        state.visited,
        b36(len(state.answers)),
    ]
    out = [":".join(head), ":"]
    out += [_record(a.key + _used_mark(a.used), a.body) for a in state.answers]
    out.append(b36(len(state.reflections)) + ":")
    for key, r in state.reflections.items():
        flag = "s" if r.submitted else "d"
        out.append(_record(key + (flag.upper() if r.cut else flag) + str(r.rating or 0), r.text))
    out.append(b36(len(state.tasks)) + ":")
    for key, t in state.tasks.items():
        flag = TASK_FLAG[t.status]
        out.append(
            _record(key + (flag.upper() if t.cut else flag) + _level_digits(t.levels), task_body(t.values))
        )
    return "".join(out)


class _Reader:
    """Reads the state in UTF-16 units. Text within the Basic Multilingual Plane (the usual case, Chinese
    included) has one unit per character, so it is read as the str itself; otherwise as UTF-16 bytes."""

    def __init__(self, text: str) -> None:
        self.bmp = not text or max(text) <= "\uffff"
        self.text = text
        self.units = b"" if self.bmp else text.encode("utf-16-le", "surrogatepass")
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

    def number(self, text: str) -> int:
        n = int(text, 36)
        if n < 0:
            raise ValueError("bad number")
        return n

    def count(self) -> int:
        return self.number(self.until(":"))


@lru_cache(maxsize=2)  # a SCORM attempt's state is read for its reflections, then for its tasks: parsed once
def decode(data: str, answers: bool = True) -> SavedState:
    """The state in `data`, of any version the runtime wrote. answers=False skips the answer records (the
    report reads answers from the interactions). Raises ValueError on anything that is not our format."""
    r = _Reader(data)
    magic = r.until(":")
    if magic not in (MAGIC, OLDER_MAGIC, LEGACY_MAGIC):
        raise ValueError("not zhineng suspend_data")
    content_hash = r.until(":")
    ended, next_interaction = False, 0
    if magic != LEGACY_MAGIC:
        attempt = r.until(":")
        if len(attempt) < 2 or attempt[0] not in "oe":
            raise ValueError("bad attempt")
        ended, next_interaction = attempt[0] == "e", r.number(attempt[1:])
    page = r.number(r.until(":"))
    visited = r.until(":")
    kept: list[SavedAnswer] = []
    for _ in range(r.count()):
        key = r.take(HASH_CHARS)
        length = r.until(":")
        used = 1
        if length.startswith("*"):  # attempts used: a retried answer
            used = int(length[1:2], 36)
            if used < 2:
                raise ValueError("bad attempts used")
            length = length[2:]
        body = r.take(r.number(length))
        if answers:
            kept.append(SavedAnswer(key, body, used))
    reflections: dict[str, SavedReflection] = {}
    for _ in range(r.count()):
        head = r.take(REFLECTION_HEAD)
        text = r.take(r.number(r.until(":")))
        flag = head[HASH_CHARS]
        rating = int(head[-1])
        reflections[head[:HASH_CHARS]] = SavedReflection(flag in "sS", rating or None, text, flag in "DS")
    tasks: dict[str, SavedTask] = {}
    if magic == MAGIC:
        for _ in range(r.count()):
            key = r.take(HASH_CHARS)
            flag = r.take(1)
            if flag.lower() not in TASK_STATUS:
                raise ValueError(f"bad task flag {flag!r}")
            levels = tuple(int(d, 36) for d in r.take(r.number(r.take(1))))
            body = r.take(r.number(r.until(":")))
            values = json.loads(body) if body else {}
            if not isinstance(values, dict):
                raise ValueError("bad task body")
            tasks[key] = SavedTask(TASK_STATUS[flag.lower()], flag != flag.lower(), levels, values)
    return SavedState(
        content_hash, ended, next_interaction, page, visited, tuple(kept), reflections, tasks, magic
    )


def saved_reflections(data: str) -> dict[str, SavedReflection]:
    """fnv6(reflection id) -> what was saved. Raises ValueError on anything that is not our format."""
    return decode(data, answers=False).reflections


def saved_tasks(data: str) -> dict[str, SavedTask]:
    """fnv6(task id) -> its record (none before Z3). Raises ValueError on anything that is not our format."""
    return decode(data, answers=False).tasks
