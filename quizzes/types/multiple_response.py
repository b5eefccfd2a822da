"""multiple_response: any number of correct choices; all-or-nothing or partial scoring."""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import Field

from ..base import Choice, QuestionBase
from ..result import ResponseError, Result, ids_list, result
from .single_choice import choice_findings, correct_ids, public_choices
from .unit import QuestionType, Step


class MultipleResponse(QuestionBase):
    type: Literal["multiple_response"]
    choices: list[Choice] = Field(min_length=2)
    scoring: Literal["all_or_nothing", "partial"] = "all_or_nothing"


def grade(q: MultipleResponse, response: Any) -> Result:
    picked = set(ids_list(response, "choice"))
    if not picked:
        raise ResponseError("choose at least one choice")
    unknown = picked - {c.id for c in q.choices}
    if unknown:
        raise ResponseError(f"unknown choice id '{sorted(unknown)[0][:40]}'")
    right_ids = {c.id for c in q.choices if c.correct}
    feedback = [c.feedback for c in q.choices if c.id in picked]
    if q.scoring == "partial":
        right = len(picked & right_ids)
        wrong = len(picked - right_ids)
        return result(q, max(0, right - wrong), len(right_ids), feedback)
    return result(q, int(picked == right_ids), 1, feedback)


UNIT = QuestionType(
    name="multiple_response",
    model=MultipleResponse,
    grade=grade,
    findings=choice_findings,
    longest_body=lambda p: math.ceil(len(p["choices"]) / 4),  # one hex digit per four choices
    public=lambda q: {"input": "checkbox", **public_choices(q)},  # the widget's <input type>
    answer=correct_ids,
    runtime="qtype-multiple-response.js",
    interaction="choice",
    block_widget="choices.html",
    block_reader="choices.js",
    right_response=correct_ids,
    wrong_response=lambda q: [c.id for c in q.choices if not c.correct],
    sco_steps=lambda q, response: [Step("check", c) for c in response],
)
