"""Worst-case suspend_data size of one SCO, computed from its payload before export.

Mirrors the encoding of scorm_export/runtime/state.js (read its header comment); tests/test_budget.py runs
the real JS encoder on a worst-case state and checks it never exceeds these numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..errors import ZhinengError
from ..modules.model import Module
from ..quizzes.result import b36_len
from ..quizzes.types import TYPES
from .limits import SUSPEND_LIMIT

MAGIC = "Z3"
HASH_CHARS = 6
INTERACTION_DIGITS = 3  # state.js INTERACTION_DIGITS: the next interaction index, at most "zzz"
PAGES_BESIDES_ACTIVITIES = 3  # overview, reflections, progress: with one page per task, an upper bound
TASK_HEAD = HASH_CHARS + 2  # task-state.js: id hash, draft/submitted/rated flag, number of criteria


@dataclass(frozen=True)
class Budget:
    module_id: str
    limit: int
    without_texts: int  # every question answered at its longest, reflections and deliverables empty
    with_texts: int  # the same, every reflection text at its max_length (deliverables share the room left)

    @property
    def fits_without_texts(self) -> bool:
        return self.without_texts <= self.limit

    @property
    def fits_with_texts(self) -> bool:
        return self.with_texts <= self.limit


def _longest_body(question: dict[str, Any]) -> int:
    unit = TYPES.get(question["type"])
    if unit is None:
        raise ValueError(f"unknown question type {question['type']!r}")
    return unit.longest_body(question)


def _used_mark(question: dict[str, Any]) -> int:
    """The answer record's "*" and attempts-used digit, written once a question is retried (state.js)."""
    return 0 if question.get("attempts", 1) == 1 else 2


def _record(head: int, body: int) -> int:
    return head + b36_len(body) + 1 + body


def worst_case(payload: dict[str, Any]) -> Budget:
    activities = payload["objectives"]["activities"]
    questions = payload["questions"]
    reflections = payload["reflections"]
    tasks = payload.get("tasks", [])
    header = (
        len(MAGIC)
        + 1
        + len(payload["contentHash"])
        + 1
        + 1  # the attempt marker, o or e
        + INTERACTION_DIGITS
        + 1
        + b36_len(len(activities) + len(tasks) + PAGES_BESIDES_ACTIVITIES - 1)
        + 1
        + math.ceil(len(activities) / 4)
        + 1
        + b36_len(len(questions))
        + 1
    )
    answers = sum(_record(HASH_CHARS + _used_mark(q), _longest_body(q)) for q in questions)
    counts = b36_len(len(reflections)) + 1
    reflection_head = HASH_CHARS + 2  # id hash, draft/submitted flag, rating digit
    empty = sum(_record(reflection_head, 0) for _ in reflections)
    full = sum(_record(reflection_head, r["max_length"]) for r in reflections)
    # A task's record: its head, one level digit per criterion, an empty body. What the learner writes shares
    # the text room with reflection texts at run time (state.js taskRoom); what does not fit is said.
    task_records = b36_len(len(tasks)) + 1 + sum(_record(TASK_HEAD + len(t["rubric"]), 0) for t in tasks)
    base = header + answers + counts + task_records
    return Budget(
        module_id=payload["module"]["id"],
        limit=payload["limits"]["suspendData"],
        without_texts=base + empty,
        with_texts=base + full,
    )


def text_room(payload: dict[str, Any]) -> int:
    """Room left for reflection texts once every question is answered at its longest: the runtime lets a
    learner submit a reflection only within it, so a submitted text is never cut later (payload.limits.textRoom).
    """
    budget = worst_case(payload)
    return budget.limit - budget.without_texts


def budget_problems(payload: dict[str, Any]) -> list[tuple[str, str]]:
    """(the module key to blame, message) for a SCO whose saved state could outgrow suspend_data.

    1.2 (4,096): the state without reflection texts must fit, with room left (text_room) for every reflection's
    min_length; texts get that room.
    2004 (64,000): the state with every reflection text at its max_length must fit too.
    """
    budget = worst_case(payload)
    version = payload["version"]
    if not budget.fits_without_texts:
        return [
            (
                "questions",
                f"module {budget.module_id}: {version} suspend_data could need {budget.without_texts} "
                f"characters without any reflection text, over the limit of {budget.limit}; "
                "split the module or shorten its questions (fewer choices, items or premises)",
            )
        ]
    minimum = sum(r["min_length"] + b36_len(r["min_length"]) - 1 for r in payload["reflections"])
    if version == "scorm12" and budget.limit - budget.without_texts < minimum:
        return [
            (
                "reflections",
                f"module {budget.module_id}: {version} suspend_data leaves {budget.limit - budget.without_texts} "
                f"characters for reflection texts, fewer than their min_length needs ({minimum}); "
                "lower the reflections' min_length or split the module",
            )
        ]
    if version != "scorm12" and not budget.fits_with_texts:
        return [
            (
                "reflections",
                f"module {budget.module_id}: {version} suspend_data could need {budget.with_texts} characters "
                f"with reflection texts at their max_length, over the limit of {budget.limit}; "
                "lower the reflections' max_length or split the module",
            )
        ]
    return []


def check_budget(payload: dict[str, Any]) -> None:
    """Refuse a SCO whose saved state could outgrow suspend_data (see budget_problems)."""
    for _key, message in budget_problems(payload):
        raise ZhinengError(message)


def budget_input(module: Module, activities: list[str], version: str, content_hash: str) -> dict[str, Any]:
    """What worst_case() reads of sco_payload(), without rendering any Markdown: for checking at load time.

    tests/test_budget.py proves worst_case() gives the same numbers on this and on the real payload.
    """
    return {
        "version": version,
        "contentHash": content_hash,
        "module": {"id": module.id},
        "objectives": {"activities": activities},
        "questions": [q.model_dump(mode="json") for q in module.questions],
        "reflections": [r.model_dump(mode="json") for r in module.reflections],
        "tasks": [{"rubric": [c.id for c in t.rubric]} for t in module.tasks],
        "limits": {"suspendData": SUSPEND_LIMIT[version]},
    }
