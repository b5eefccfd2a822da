"""ordering: put every item in its place."""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from pydantic import Field

from ..base import Feedback, Id, Item, QuestionBase
from ..result import Finding, ResponseError, Result, b36_width, duplicate_ids, ids_list, result
from .unit import QuestionType, Step, display_order


class Ordering(QuestionBase):
    type: Literal["ordering"]
    items: list[Item] = Field(min_length=2)
    answer: list[Id] = Field(description="Every item id once, in the right order.")
    feedback: Feedback


def findings(q: Ordering) -> list[Finding]:
    found = duplicate_ids("items", q.items)
    item_ids = [i.id for i in q.items]
    for i, step in enumerate(q.answer):
        if step not in item_ids:
            found.append(
                (
                    ("answer", i),
                    f"answer names '{step}', which is not one of the items ({', '.join(item_ids)})",
                )
            )
    for step, n in Counter(q.answer).items():
        if n > 1:
            found.append((("answer",), f"answer lists '{step}' {n} times"))
    missing = [i for i in item_ids if i not in q.answer]
    if missing:
        found.append((("answer",), f"the ordering key is incomplete: {', '.join(missing)} not placed"))
    return found


def grade(q: Ordering, response: Any) -> Result:
    order = ids_list(response, "item")
    if sorted(order) != sorted(i.id for i in q.items):
        raise ResponseError("expected every item id exactly once")
    right = order == list(q.answer)
    return result(q, int(right), 1, [q.feedback.correct if right else q.feedback.incorrect], marks(q, order))


def marks(q: Ordering, order: list[str]) -> list[tuple[str, bool]]:
    """Per item, in the learner's order: is it in its place in the key? (Its place, not its neighbours: one
    item moved too early marks it and every item it pushed along, which is what the learner has to fix.)"""
    return [(item, item == q.answer[i]) for i, item in enumerate(order)]


def public(q: Ordering) -> dict[str, Any]:
    by_id = {i.id: i.text for i in q.items}
    shown = display_order(q.id, [i.id for i in q.items], q.answer)
    return {"items": [{"id": i, "text": by_id[i]} for i in shown]}


UNIT = QuestionType(
    name="ordering",
    model=Ordering,
    grade=grade,
    findings=findings,
    longest_body=lambda p: len(p["items"]) * b36_width(len(p["items"]) - 1),  # each item's index
    public=public,
    answer=lambda q: q.answer,
    runtime="qtype-ordering.js",
    interaction="sequencing",
    block_widget="ordering.html",
    block_reader="ordering.js",
    right_response=lambda q: list(q.answer),
    wrong_response=lambda q: list(reversed(q.answer)),
    sco_steps=lambda q, response: [Step("order", value=list(response))],
    block_strings={
        "move_up": "Move up",
        "move_down": "Move down",
        "moved": "Moved to position {n}",
        "in_place": "(in place)",
        "out_of_place": "(out of place)",
        "out_of_place_list": "Out of place: {items}",
    },
)
