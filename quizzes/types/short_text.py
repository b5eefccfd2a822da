"""short_text: a few words compared, once normalised, with the accepted answers."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..base import Feedback, QuestionBase, Strict, Text
from ..result import MAX_TEXT_RESPONSE, Finding, ResponseError, Result, result
from ..text import normalise_text
from .unit import QuestionType, Step

SHORT_TEXT_MAX = 100  # the runtime's text box maxlength, and what its state codec keeps


WRONG_TEXT = "不是答案"  # "not the answer": no question accepts it (a test learner's wrong answer)


class TextMistake(Strict):
    text: Text
    feedback: Text


class ShortText(QuestionBase):
    type: Literal["short_text"]
    accepted: list[Text] = Field(min_length=1)
    feedback: Feedback
    mistakes: list[TextMistake] = Field(default_factory=list)


def accepted_findings(
    key: tuple[str | int, ...], accepted: list[str]
) -> tuple[list[Finding], dict[str, int]]:
    """Accepted answers that are the same once normalised; also returns normalised answer -> first index."""
    found: list[Finding] = []
    seen: dict[str, int] = {}
    for i, text in enumerate(accepted):
        norm = normalise_text(text)
        if norm in seen:
            found.append(
                ((*key, i), f"'{text}' is the same answer as accepted[{seen[norm]}] once normalised")
            )
        seen.setdefault(norm, i)
    return found, seen


def findings(q: ShortText) -> list[Finding]:
    found, seen = accepted_findings(("accepted",), q.accepted)
    for i, m in enumerate(q.mistakes):
        if normalise_text(m.text) in seen:
            found.append((("mistakes", i, "text"), f"'{m.text}' is also an accepted answer"))
    return found


def grade(q: ShortText, response: Any) -> Result:
    if not isinstance(response, str):
        raise ResponseError("expected a text answer")
    if len(response) > MAX_TEXT_RESPONSE:
        raise ResponseError(f"the answer is longer than {MAX_TEXT_RESPONSE} characters")
    given = normalise_text(response)
    if not given:
        raise ResponseError("the answer is empty")
    if any(given == normalise_text(a) for a in q.accepted):
        return result(q, 1, 1, [q.feedback.correct])
    mistake = next((m for m in q.mistakes if given == normalise_text(m.text)), None)
    return result(q, 0, 1, [mistake.feedback if mistake else q.feedback.incorrect])


UNIT = QuestionType(
    name="short_text",
    model=ShortText,
    grade=grade,
    findings=findings,
    longest_body=lambda p: SHORT_TEXT_MAX,
    public=lambda q: {"max_length": MAX_TEXT_RESPONSE},
    answer=lambda q: q.accepted[0],
    runtime="qtype-short-text.js",
    interaction="fill-in",
    block_widget="short_text.html",
    block_reader="short_text.js",
    right_response=lambda q: q.accepted[0],
    wrong_response=lambda q: WRONG_TEXT,
    sco_steps=lambda q, response: [Step("fill", value=response)],
)
