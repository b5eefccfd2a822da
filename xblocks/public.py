"""What a learner may see of a question before answering, and what is revealed after.

`public_question` is the only door from the question bank to a student view: it copies the fields a
learner needs to answer and nothing that bears the answer (correct flags, keys, feedback, explanation).
Display orders are shuffled deterministically so an ordering or matching key is not given by position.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..markdown import render_markdown
from ..quizzes.model import Question
from ..quizzes.types import TYPES
from ..quizzes.types.unit import display_order

__all__ = ["display_order", "markdown_html", "public_question", "revealed_answer"]


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> str:
    """Sanitised HTML of authored Markdown; cached, as the same prompts render on every request."""
    return render_markdown(text)


def public_question(q: Question) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": q.id,
        "type": q.type,
        "points": q.points,
        "prompt_html": markdown_html(q.prompt),
    }
    view.update(TYPES[q.type].public(q))
    return view


def revealed_answer(q: Question) -> dict[str, Any]:
    """The key and explanation, for after a submission when the show-answer policy allows it."""
    return {"answer": TYPES[q.type].answer(q), "explanation_html": markdown_html(q.explanation)}
