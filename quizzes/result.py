"""What grading gives (Result) or refuses (ResponseError), and the helpers every type's grader shares.

Arithmetic is done in the same order the JS runtime does it (scorm_export/runtime/grader.js), so both give the
same doubles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .base import QuestionBase

MAX_TEXT_RESPONSE = 500

Finding = tuple[tuple[str | int, ...], str]
"""A meaning problem of one question: (path inside the question, message), so the loader can point at the key."""


class ResponseError(ValueError):
    """A learner's response that cannot be graded (wrong shape, unknown ids, or empty). Handlers map it to a
    4xx, and nothing is counted: an empty or malformed answer never uses up an attempt."""


@dataclass(frozen=True)
class Result:
    score: float
    max_score: float
    correct: bool
    feedback: tuple[str, ...]
    marks: tuple[tuple[str, bool], ...] = ()
    """Per part, in the question's order: (item or premise id, whether the learner got that part right); for
    the types whose feedback says which parts are wrong (ordering, matching). Empty for the others."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "score": self.score,
            "max_score": self.max_score,
            "correct": self.correct,
            "feedback": list(self.feedback),
        }
        if self.marks:
            out["marks"] = dict(self.marks)
        return out

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Result:
        """A result as to_dict stored it (a block keeps each question's last one)."""
        marks = tuple(data.get("marks", {}).items())
        return Result(data["score"], data["max_score"], data["correct"], tuple(data["feedback"]), marks)


def result(
    question: QuestionBase,
    fraction_num: int,
    fraction_den: int,
    feedback: list[str],
    marks: Sequence[tuple[str, bool]] = (),
) -> Result:
    score = question.points * fraction_num / fraction_den
    return Result(score, question.points, fraction_num == fraction_den, tuple(feedback), tuple(marks))


def ids_list(response: Any, what: str) -> list[str]:
    if not isinstance(response, list) or not all(isinstance(x, str) for x in response):
        raise ResponseError(f"expected a list of {what} ids")
    if len(set(response)) != len(response):
        raise ResponseError(f"the same {what} id is given twice")
    return response


class HasId(Protocol):
    @property
    def id(self) -> str: ...


def duplicate_ids(key: str, items: Sequence[HasId]) -> list[Finding]:
    seen: set[str] = set()
    found: list[Finding] = []
    for i, ident in enumerate(item.id for item in items):
        if ident in seen:
            found.append(((key, i, "id"), f"duplicate id '{ident}' in {key}"))
        seen.add(ident)
    return found


def b36_len(n: int) -> int:
    """Characters of n in base 36, as the runtime's state codec writes numbers."""
    digits = 1
    while n >= 36:
        n //= 36
        digits += 1
    return digits


def b36_width(n: int) -> int:
    return b36_len(max(n, 1))
