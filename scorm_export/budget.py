"""Worst-case suspend_data size of one SCO, computed from its payload before export.

The worst-case state is written by the saved-state encoder (scorm_export/saved_state.py, the Python home of
runtime/state.js's format); tests/test_budget.py runs the real JS encoder on a worst-case state and checks it
never exceeds these numbers.
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
from .saved_state import (
    HASH_CHARS,
    MAX_INTERACTIONS,
    MAX_USED,
    SavedAnswer,
    SavedReflection,
    SavedState,
    SavedTask,
    encode,
)

PAGES_BESIDES_ACTIVITIES = 3  # overview, reflections, progress: with one page per task, an upper bound


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


def _most_used(question: dict[str, Any]) -> int:
    """Attempts a learner could use at a question: a retried answer's record says how many (state.js)."""
    return 1 if question.get("attempts", 1) == 1 else MAX_USED


def worst_state(payload: dict[str, Any], texts: bool) -> SavedState:
    """The longest state a learner could reach in this SCO: every question answered at its longest body and as
    often as allowed, the attempt ended at the last interaction index, the last page, every task self-rated on
    every criterion with an empty deliverable (what the learner writes shares the text room with reflection
    texts at run time, state.js taskRoom; what does not fit is said), every reflection submitted with a text at
    its max_length (texts) or empty."""
    activities = payload["objectives"]["activities"]
    tasks = payload.get("tasks", [])
    return SavedState(
        content_hash=payload["contentHash"],
        ended=True,
        next_interaction=MAX_INTERACTIONS,
        page=len(activities) + len(tasks) + PAGES_BESIDES_ACTIVITIES - 1,
        visited="f" * math.ceil(len(activities) / 4),
        answers=tuple(
            SavedAnswer("0" * HASH_CHARS, "0" * _longest_body(q), _most_used(q)) for q in payload["questions"]
        ),
        reflections={
            f"{n:06x}": SavedReflection(True, 5, "0" * (r["max_length"] if texts else 0))
            for n, r in enumerate(payload["reflections"])
        },
        tasks={
            f"{n:06x}": SavedTask("self_rated", False, (9,) * len(t["rubric"]), {})
            for n, t in enumerate(tasks)
        },
    )


def worst_case(payload: dict[str, Any]) -> Budget:
    """The sizes of worst_state, as the saved-state encoder writes it."""
    return Budget(
        module_id=payload["module"]["id"],
        limit=payload["limits"]["suspendData"],
        without_texts=len(encode(worst_state(payload, texts=False))),
        with_texts=len(encode(worst_state(payload, texts=True))),
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
        # Attempts resolved against the module's default, as sco_payload does (a retry writes more).
        "questions": [
            {**q.model_dump(mode="json"), "attempts": module.attempt_rule(q).allowed}
            for q in module.questions
        ],
        "reflections": [r.model_dump(mode="json") for r in module.reflections],
        "tasks": [{"rubric": [c.id for c in t.rubric]} for t in module.tasks],
        "limits": {"suspendData": SUSPEND_LIMIT[version]},
    }
