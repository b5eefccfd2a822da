"""single_choice: one correct choice among several; feedback per choice."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..base import Choice, QuestionBase
from ..result import Finding, ResponseError, Result, b36_len, duplicate_ids, result
from .unit import QuestionType, Step


class SingleChoice(QuestionBase):
    type: Literal["single_choice"]
    choices: list[Choice] = Field(min_length=2)


def choice_findings(q: Any) -> list[Finding]:
    """Shared with multiple_response: unique ids and at least one correct choice."""
    found = duplicate_ids("choices", q.choices)
    if not any(c.correct for c in q.choices):
        found.append((("choices",), "no choice is marked `correct: true`"))
    return found


def findings(q: SingleChoice) -> list[Finding]:
    found = choice_findings(q)
    correct = [c for c in q.choices if c.correct]
    if len(correct) > 1:
        ids = ", ".join(c.id for c in correct)
        found.append(
            (
                ("choices",),
                f"a single_choice question has exactly one correct choice, found {len(correct)} ({ids}); use multiple_response",
            )
        )
    return found


def grade(q: SingleChoice, response: Any) -> Result:
    if not isinstance(response, str):
        raise ResponseError("expected one choice id")
    chosen = next((c for c in q.choices if c.id == response), None)
    if chosen is None:
        raise ResponseError(f"unknown choice id '{response[:40]}'")
    return result(q, int(chosen.correct), 1, [chosen.feedback])


def public_choices(q: Any) -> dict[str, Any]:
    return {"choices": [{"id": c.id, "text": c.text} for c in q.choices]}


def correct_ids(q: Any) -> list[str]:
    return [c.id for c in q.choices if c.correct]


UNIT = QuestionType(
    name="single_choice",
    model=SingleChoice,
    grade=grade,
    findings=findings,
    longest_body=lambda p: b36_len(len(p["choices"]) - 1),  # the choice's index
    public=lambda q: {"input": "radio", **public_choices(q)},  # the widget's <input type>
    answer=correct_ids,
    runtime="qtype-single-choice.js",
    interaction="choice",
    block_widget="choices.html",
    block_reader="choices.js",
    right_response=lambda q: correct_ids(q)[0],
    wrong_response=lambda q: next(c.id for c in q.choices if not c.correct),
    sco_steps=lambda q, response: [Step("check", response)],
)
