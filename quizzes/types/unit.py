"""What a question type is: one unit holding everything the toolkit needs to know about it.

Each module in quizzes/types/ defines its pydantic model and one `UNIT`; quizzes/types/__init__.py registers the
units, and the rest of the code asks the registry instead of testing `question.type`. The unit's JavaScript half
(grading, widget, saved-state codec, SCORM and xAPI records) is the runtime module named by `runtime`, which the
assembler ships in every channel; its half in the quiz block is the markup and the script named by `block_widget`
and `block_reader` (docs/authoring.md, "Adding a question type").
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..result import Finding, Result


@dataclass(frozen=True)
class QuestionType:
    name: str
    model: type[Any]
    grade: Callable[[Any, Any], Result]
    """Grade one response; raise ResponseError for a malformed one (the runtime module ports it exactly)."""
    findings: Callable[[Any], list[Finding]]
    """Meaning checks beyond the model's shape: is the key complete and consistent?"""
    longest_body: Callable[[dict[str, Any]], int]
    """Characters of the longest answer record body the runtime's state codec writes for this payload question."""
    public: Callable[[Any], dict[str, Any]]
    """What a learner may see before answering in a block (keys beyond id, type, points, prompt_html)."""
    answer: Callable[[Any], Any]
    """The key a block reveals after a submission (when its policy allows)."""
    runtime: str
    """The runtime module (scorm_export/runtime/) with the type's JavaScript half."""
    block_widget: str
    """The quiz block's markup for one question: a Django template in xblocks/qtypes/, given `q` (the `public` view
    with id, type, points and prompt_html), `dom_id` (the prefix of its element ids; `<dom_id>-prompt` is the
    prompt's) and `t` (the block's strings with this type's `block_strings`, translated)."""
    block_reader: str
    """The quiz block's script for it, in xblocks/qtypes/: registers `window.ZhinengQuizTypes["<name>"]` with
    `read(fieldset)` (the response, or undefined while unanswered), `write(fieldset, response)`,
    `answerText(fieldset, answer)` (the revealed key in words) and optionally `init(fieldset)`."""
    payload: Callable[[Any], dict[str, Any]] = lambda q: {}
    """What the runtime needs beyond the question's own keys (added to its entry in the SCO's data.js)."""
    block_strings: dict[str, str] = field(default_factory=dict)
    """English words the block widget uses beyond the quiz's own (key -> msgid; xblocks/translations has them)."""


def display_order(question_id: str, ids: Sequence[str], avoid: Sequence[str] | None = None) -> list[str]:
    """A stable shuffle of `ids`; never equal to `avoid` (the key) when there is another order to give."""
    order = sorted(ids, key=lambda i: hashlib.sha256(f"{question_id}\x00{i}".encode()).hexdigest())
    if avoid is not None and len(order) > 1 and order == list(avoid):
        order = order[1:] + order[:1]
    return order


def no_findings(question: Any) -> list[Finding]:
    return []


def nothing_public(question: Any) -> dict[str, Any]:
    return {}
