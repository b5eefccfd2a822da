"""What a learner may see of a question before answering, and what is revealed after.

`public_question` is the only door from the question bank to a student view: it copies the fields a
learner needs to answer and nothing that bears the answer (correct flags, keys, feedback, explanation).
Display orders are shuffled deterministically so an ordering or matching key is not given by position.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..markdown import render_markdown
from ..quizzes.grader import MAX_TEXT_RESPONSE
from ..quizzes.model import (
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Question,
    ShortText,
    SingleChoice,
    TrueFalse,
)


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> str:
    """Sanitised HTML of authored Markdown; cached, as the same prompts render on every request."""
    return render_markdown(text)


def display_order(question_id: str, ids: Sequence[str], avoid: Sequence[str] | None = None) -> list[str]:
    """A stable shuffle of `ids`; never equal to `avoid` (the key) when there is another order to give."""
    order = sorted(ids, key=lambda i: hashlib.sha256(f"{question_id}\x00{i}".encode()).hexdigest())
    if avoid is not None and len(order) > 1 and order == list(avoid):
        order = order[1:] + order[:1]
    return order


def public_question(q: Question) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": q.id,
        "type": q.type,
        "points": q.points,
        "prompt_html": markdown_html(q.prompt),
    }
    if isinstance(q, (SingleChoice, MultipleResponse)):
        view["choices"] = [{"id": c.id, "text": c.text} for c in q.choices]
    elif isinstance(q, Numeric):
        view["unit"] = q.unit or ""
    elif isinstance(q, ShortText):
        view["max_length"] = MAX_TEXT_RESPONSE
    elif isinstance(q, Ordering):
        by_id = {i.id: i.text for i in q.items}
        shown = display_order(q.id, [i.id for i in q.items], q.answer)
        view["items"] = [{"id": i, "text": by_id[i]} for i in shown]
    elif isinstance(q, Matching):
        by_id = {o.id: o.text for o in q.options}
        aligned = [q.answer.get(p.id, "") for p in q.premises] + [
            o.id for o in q.options if o.id not in q.answer.values()
        ]
        shown = display_order(q.id, [o.id for o in q.options], aligned)
        view["premises"] = [{"id": p.id, "text": p.text} for p in q.premises]
        view["options"] = [{"id": o, "text": by_id[o]} for o in shown]
    return view


def revealed_answer(q: Question) -> dict[str, Any]:
    """The key and explanation, for after a submission when the show-answer policy allows it."""
    answer: Any
    if isinstance(q, (SingleChoice, MultipleResponse)):
        answer = [c.id for c in q.choices if c.correct]
    elif isinstance(q, (TrueFalse, Numeric, Ordering, Matching)):
        answer = q.answer
    elif isinstance(q, ShortText):
        answer = q.accepted[0]
    else:  # pragma: no cover - the union is closed
        answer = None
    return {"answer": answer, "explanation_html": markdown_html(q.explanation)}
