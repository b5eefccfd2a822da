"""Meaning checks for one question, beyond its shape: is the key complete and consistent?

Each finding is `(path inside the question, message)` so the loader can point at the exact key. Each type's
checks live in its unit (quizzes/types/), beside its grader, because a key the grader cannot trust must never
reach it.
"""

from __future__ import annotations

from .model import Question
from .result import Finding
from .types import TYPES

__all__ = ["Finding", "question_findings"]


def question_findings(q: Question) -> list[Finding]:
    return TYPES[q.type].findings(q)
