"""The one grader. Pure, deterministic, and the single source of truth: the SCORM runtime's
JavaScript grader is proven equal to it by the shared golden cases in tests/golden/grading.

Arithmetic is done in the same order the JS runtime does it, so both give the same doubles.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model import (
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Question,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from .text import normalise_text, parse_number

MAX_TEXT_RESPONSE = 500


class ResponseError(ValueError):
    """A learner's response that cannot be graded (wrong shape, unknown ids, or empty). Handlers map it to a
    4xx, and nothing is counted: an empty or malformed answer never uses up an attempt."""


@dataclass(frozen=True)
class Result:
    score: float
    max_score: float
    correct: bool
    feedback: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "max_score": self.max_score,
            "correct": self.correct,
            "feedback": list(self.feedback),
        }


def grade(question: Question, response: Any) -> Result:
    """Grade one response. Raises ResponseError for a malformed response, never anything else."""
    grader: Callable[[Any, Any], Result] = _GRADERS[question.type]
    return grader(question, response)


def tolerance_hit(value: float, target: float, tolerance: float) -> bool:
    # A relative epsilon absorbs binary rounding (0.1 + 0.2) without widening the author's tolerance.
    return abs(value - target) <= tolerance + 1e-9 * max(1.0, abs(target))


def _result(question: Question, fraction_num: int, fraction_den: int, feedback: list[str]) -> Result:
    score = question.points * fraction_num / fraction_den
    return Result(score, question.points, fraction_num == fraction_den, tuple(feedback))


def _ids_list(response: Any, what: str) -> list[str]:
    if not isinstance(response, list) or not all(isinstance(x, str) for x in response):
        raise ResponseError(f"expected a list of {what} ids")
    if len(set(response)) != len(response):
        raise ResponseError(f"the same {what} id is given twice")
    return response


def _single_choice(q: SingleChoice, response: Any) -> Result:
    if not isinstance(response, str):
        raise ResponseError("expected one choice id")
    chosen = next((c for c in q.choices if c.id == response), None)
    if chosen is None:
        raise ResponseError(f"unknown choice id '{response[:40]}'")
    return _result(q, int(chosen.correct), 1, [chosen.feedback])


def _multiple_response(q: MultipleResponse, response: Any) -> Result:
    picked = set(_ids_list(response, "choice"))
    if not picked:
        raise ResponseError("choose at least one choice")
    unknown = picked - {c.id for c in q.choices}
    if unknown:
        raise ResponseError(f"unknown choice id '{sorted(unknown)[0][:40]}'")
    correct_ids = {c.id for c in q.choices if c.correct}
    feedback = [c.feedback for c in q.choices if c.id in picked]
    if q.scoring == "partial":
        right = len(picked & correct_ids)
        wrong = len(picked - correct_ids)
        return _result(q, max(0, right - wrong), len(correct_ids), feedback)
    return _result(q, int(picked == correct_ids), 1, feedback)


def _true_false(q: TrueFalse, response: Any) -> Result:
    if not isinstance(response, bool):
        raise ResponseError("expected true or false")
    right = response == q.answer
    return _result(q, int(right), 1, [q.feedback.correct if right else q.feedback.incorrect])


def _numeric(q: Numeric, response: Any) -> Result:
    if isinstance(response, bool):
        raise ResponseError("expected a number")
    if isinstance(response, (int, float)):
        value: float | None = float(response)
    elif isinstance(response, str) and len(response) <= 64:
        value = parse_number(response, q.unit)
    else:
        value = None
    if value is None or not math.isfinite(value):
        raise ResponseError("expected a number")
    if tolerance_hit(value, q.answer, q.tolerance):
        return _result(q, 1, 1, [q.feedback.correct])
    mistake = next((m for m in q.mistakes if tolerance_hit(value, m.value, q.tolerance)), None)
    return _result(q, 0, 1, [mistake.feedback if mistake else q.feedback.incorrect])


def _short_text(q: ShortText, response: Any) -> Result:
    if not isinstance(response, str):
        raise ResponseError("expected a text answer")
    if len(response) > MAX_TEXT_RESPONSE:
        raise ResponseError(f"the answer is longer than {MAX_TEXT_RESPONSE} characters")
    given = normalise_text(response)
    if not given:
        raise ResponseError("the answer is empty")
    if any(given == normalise_text(a) for a in q.accepted):
        return _result(q, 1, 1, [q.feedback.correct])
    mistake = next((m for m in q.mistakes if given == normalise_text(m.text)), None)
    return _result(q, 0, 1, [mistake.feedback if mistake else q.feedback.incorrect])


def _ordering(q: Ordering, response: Any) -> Result:
    order = _ids_list(response, "item")
    if sorted(order) != sorted(i.id for i in q.items):
        raise ResponseError("expected every item id exactly once")
    right = order == list(q.answer)
    return _result(q, int(right), 1, [q.feedback.correct if right else q.feedback.incorrect])


def _matching(q: Matching, response: Any) -> Result:
    if not isinstance(response, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in response.items()
    ):
        raise ResponseError("expected an object of premise id -> option id")
    if not response:
        raise ResponseError("match at least one premise")
    premise_ids = {p.id for p in q.premises}
    option_ids = {o.id for o in q.options}
    for premise, option in response.items():
        if premise not in premise_ids:
            raise ResponseError(f"unknown premise id '{premise[:40]}'")
        if option not in option_ids:
            raise ResponseError(f"unknown option id '{option[:40]}'")
    right = sum(1 for p in q.premises if response.get(p.id) == q.answer.get(p.id))
    total = len(q.premises)
    all_right = right == total
    feedback = [q.feedback.correct if all_right else q.feedback.incorrect]
    if q.scoring == "partial":
        return _result(q, right, total, feedback)
    return _result(q, int(all_right), 1, feedback)


_GRADERS: dict[str, Callable[[Any, Any], Result]] = {
    "single_choice": _single_choice,
    "multiple_response": _multiple_response,
    "true_false": _true_false,
    "numeric": _numeric,
    "short_text": _short_text,
    "ordering": _ordering,
    "matching": _matching,
}
