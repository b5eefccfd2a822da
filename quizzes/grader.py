"""The one grader. Pure, deterministic, and the single source of truth: each type's grading lives in its unit
(quizzes/types/), and the runtime module of that type is proven equal to it by the shared golden cases in
tests/golden/grading.
"""

from __future__ import annotations

from typing import Any

from .model import Question
from .result import MAX_TEXT_RESPONSE, ResponseError, Result
from .types import TYPES
from .types.numeric import tolerance_hit

__all__ = ["MAX_TEXT_RESPONSE", "ResponseError", "Result", "grade", "tolerance_hit"]


def grade(question: Question, response: Any) -> Result:
    """Grade one response. Raises ResponseError for a malformed response, never anything else."""
    return TYPES[question.type].grade(question, response)
