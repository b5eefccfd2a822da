"""numeric: a number within a tolerance, with an optional unit and feedback for known wrong values."""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import Field

from ..base import Feedback, QuestionBase, Strict, Text
from ..result import Finding, ResponseError, Result, result
from ..text import parse_number
from .unit import QuestionType, Step, typed_number

NUMERIC_MAX = 32  # the runtime's number box maxlength, and what its state codec keeps


class NumericMistake(Strict):
    value: float
    feedback: Text


class Numeric(QuestionBase):
    type: Literal["numeric"]
    answer: float
    tolerance: float = 0.0
    unit: str | None = None
    feedback: Feedback
    mistakes: list[NumericMistake] = Field(default_factory=list)


def tolerance_hit(value: float, target: float, tolerance: float) -> bool:
    # A relative epsilon absorbs binary rounding (0.1 + 0.2) without widening the author's tolerance.
    return abs(value - target) <= tolerance + 1e-9 * max(1.0, abs(target))


def findings(q: Numeric) -> list[Finding]:
    if q.tolerance < 0:
        return [(("tolerance",), f"tolerance must not be negative (got {q.tolerance:g})")]
    return []


def grade(q: Numeric, response: Any) -> Result:
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
        return result(q, 1, 1, [q.feedback.correct])
    mistake = next((m for m in q.mistakes if tolerance_hit(value, m.value, q.tolerance)), None)
    return result(q, 0, 1, [mistake.feedback if mistake else q.feedback.incorrect])


UNIT = QuestionType(
    name="numeric",
    model=Numeric,
    grade=grade,
    findings=findings,
    longest_body=lambda p: NUMERIC_MAX,
    public=lambda q: {"unit": q.unit or ""},
    answer=lambda q: q.answer,
    runtime="qtype-numeric.js",
    interaction="numeric",
    block_widget="numeric.html",
    block_reader="numeric.js",
    right_response=lambda q: typed_number(q.answer),
    wrong_response=lambda q: typed_number(q.answer + q.tolerance + 1000),
    sco_steps=lambda q, response: [Step("fill", value=response)],
)
