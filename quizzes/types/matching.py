"""matching: pair each premise with one option (options may outnumber premises)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..base import Feedback, Item, QuestionBase
from ..result import Finding, ResponseError, Result, b36_width, duplicate_ids, result
from .unit import QuestionType, Step, display_order


class Matching(QuestionBase):
    type: Literal["matching"]
    premises: list[Item] = Field(min_length=2)
    options: list[Item] = Field(min_length=2)
    answer: dict[str, str] = Field(description="premise id -> option id, for every premise.")
    scoring: Literal["all_or_nothing", "partial"] = "all_or_nothing"
    feedback: Feedback


def findings(q: Matching) -> list[Finding]:
    found = duplicate_ids("premises", q.premises) + duplicate_ids("options", q.options)
    premise_ids = [p.id for p in q.premises]
    option_ids = [o.id for o in q.options]
    for premise, option in q.answer.items():
        if premise not in premise_ids:
            found.append(
                (
                    ("answer", premise),
                    f"answer names premise '{premise}', which is not one of the premises ({', '.join(premise_ids)})",
                )
            )
        elif option not in option_ids:
            found.append(
                (
                    ("answer", premise),
                    f"answer names '{option}', which is not one of the options ({', '.join(option_ids)})",
                )
            )
    missing = [p for p in premise_ids if p not in q.answer]
    if missing:
        found.append((("answer",), f"the matching key is incomplete: no option for {', '.join(missing)}"))
    return found


def grade(q: Matching, response: Any) -> Result:
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
    marks = [(p.id, response.get(p.id) == q.answer.get(p.id)) for p in q.premises]  # unmatched: wrong
    right = sum(1 for _p, ok in marks if ok)
    total = len(q.premises)
    all_right = right == total
    feedback = [q.feedback.correct if all_right else q.feedback.incorrect]
    if q.scoring == "partial":
        return result(q, right, total, feedback, marks)
    return result(q, int(all_right), 1, feedback, marks)


def public(q: Matching) -> dict[str, Any]:
    by_id = {o.id: o.text for o in q.options}
    aligned = [q.answer.get(p.id, "") for p in q.premises] + [
        o.id for o in q.options if o.id not in q.answer.values()
    ]
    shown = display_order(q.id, [o.id for o in q.options], aligned)
    return {
        "premises": [{"id": p.id, "text": p.text} for p in q.premises],
        "options": [{"id": o, "text": by_id[o]} for o in shown],
    }


def wrong_pairs(q: Matching) -> dict[str, str]:
    """Every premise paired with an option that is not its own."""
    options = [o.id for o in q.options]
    return {premise: next(o for o in options if o != right) for premise, right in q.answer.items()}


UNIT = QuestionType(
    name="matching",
    model=Matching,
    grade=grade,
    findings=findings,
    longest_body=lambda p: (
        len(p["premises"]) * b36_width(len(p["options"]))
    ),  # each premise's option, 0 = none
    public=public,
    answer=lambda q: q.answer,
    runtime="qtype-matching.js",
    interaction="matching",
    block_widget="matching.html",
    block_reader="matching.js",
    right_response=lambda q: dict(q.answer),
    wrong_response=wrong_pairs,
    sco_steps=lambda q, response: [Step("select", premise, option) for premise, option in response.items()],
    block_strings={
        "choose": "Choose…",
        "pair_right": "(matched right)",
        "pair_wrong": "(not matched right)",
        "pairs_wrong": "Not matched right: {items}",
    },
)
