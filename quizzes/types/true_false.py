"""true_false: a statement the learner marks true or false."""

from __future__ import annotations

from typing import Any, Literal

from ..base import Feedback, QuestionBase
from ..result import ResponseError, Result, result
from .unit import QuestionType, Step, no_findings, nothing_public


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    answer: bool
    feedback: Feedback


def grade(q: TrueFalse, response: Any) -> Result:
    if not isinstance(response, bool):
        raise ResponseError("expected true or false")
    right = response == q.answer
    return result(q, int(right), 1, [q.feedback.correct if right else q.feedback.incorrect])


UNIT = QuestionType(
    name="true_false",
    model=TrueFalse,
    grade=grade,
    findings=no_findings,
    longest_body=lambda p: 1,
    public=nothing_public,
    answer=lambda q: q.answer,
    runtime="qtype-true-false.js",
    interaction="true-false",
    block_widget="true_false.html",
    block_reader="true_false.js",
    right_response=lambda q: q.answer,
    wrong_response=lambda q: not q.answer,
    sco_steps=lambda q, response: [Step("check", "true" if response else "false")],
    block_strings={
        "true": "True",
        "false": "False",
    },
)
