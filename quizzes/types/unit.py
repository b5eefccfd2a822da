"""What a question type is: one unit holding everything the toolkit needs to know about it.

Each module in quizzes/types/ defines its pydantic model and one `UNIT`; quizzes/types/__init__.py registers the
units, and the rest of the code asks the registry instead of testing `question.type`. The unit's JavaScript half
(grading, widget, saved-state codec, SCORM and xAPI records) is the runtime module named by `runtime`, which the
assembler ships in every channel; its half in the quiz block is the markup and the script named by `block_widget`
and `block_reader` (docs/authoring.md, "Adding a question type").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from ..result import Finding, Result


@dataclass(frozen=True)
class Step:
    """One thing a learner does in the SCO's widget for a question, through its QA hooks (data-action and
    data-choice-id, docs/scorm-runtime.md): `check` the choice `choice`; `fill` the text box (`choice`: which one,
    when the widget has several) with the text `value`; `select` the option `value` in the list `choice`; `order`
    the list's items into the order `value` (a list of item ids) with their move-up buttons."""

    action: Literal["check", "fill", "select", "order"]
    choice: str | None = None
    value: Any = None


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
    """The runtime module (scorm_export/runtime/) with the type's JavaScript half, its SCO widget's words (zh-TW and
    English) included."""
    interaction: str
    """The interaction type its SCORM records (cmi.interactions.n.type, 1.2 and 2004) and its xAPI definition
    (interactionType) carry; the runtime module writes them, tests/xblock_tests/test_question_types.py holds it to
    this."""
    block_widget: str
    """The quiz block's markup for one question: a Django template in xblocks/qtypes/, given `q` (the `public` view
    with id, type, points and prompt_html), `dom_id` (the prefix of its element ids; `<dom_id>-prompt` is the
    prompt's) and `t` (the block's strings with this type's `block_strings`, translated)."""
    block_reader: str
    """The quiz block's script for it, in xblocks/qtypes/: registers `window.ZhinengQuizTypes["<name>"]` with
    `read(fieldset)` (the response, or undefined while unanswered), `write(fieldset, response)`,
    `answerText(fieldset, answer, t)` (the revealed key in words) and optionally `init(fieldset, t)`, and for a
    type whose grading marks parts (Result.marks) `mark(fieldset, marks, t)` (returns the words naming the wrong
    parts) and `unmark(fieldset)`; `t` is the quiz's strings with `block_strings`, translated."""
    right_response: Callable[[Any], Any]
    """A response that earns full marks, in the form the block and the SCO send (what a test learner or a
    benchmark answers with; tests/test_question_types.py grades it on every question of the type)."""
    wrong_response: Callable[[Any], Any]
    """A well-formed response that earns nothing (likewise)."""
    sco_steps: Callable[[Any, Any], list[Step]]
    """How a learner gives a response (right_response's form) to a question in the SCO's widget, as steps over its
    QA hooks: the browser tests' learner (tests/browser/learner.py) and the runtime benchmark answer this way."""
    payload: Callable[[Any], dict[str, Any]] = lambda q: {}
    """What the runtime needs beyond the question's own keys (added to its entry in the SCO's data.js)."""
    block_strings: dict[str, str] = field(default_factory=dict)
    """English words the block widget uses beyond the quiz's own (key -> msgid; xblocks/translations has them)."""


def display_order(question_id: str, ids: Sequence[str], avoid: Sequence[str] | None = None) -> list[str]:
    """The order a question's items (ordering) or options (matching) are shown in, the same in the SCO and the
    blocks: a Fisher–Yates shuffle driven by a 32-bit LCG seeded with the FNV-1a hash of the question id (its
    UTF-16 units), so every learner sees the same order on every launch. If that order is `avoid` (the key),
    it is rotated by one, since authors often write items in their right order. The runtime's port is
    widgets.js `shuffled`; tests/vectors/shuffle.json holds both to the same orders. Only the display moves:
    responses name items by id, so grading and the LMS records do not depend on it."""
    seed = 0x811C9DC5
    units = question_id.encode("utf-16-le")
    for n in range(0, len(units), 2):
        seed = ((seed ^ int.from_bytes(units[n : n + 2], "little")) * 0x01000193) & 0xFFFFFFFF
    order = list(ids)
    for k in range(len(order) - 1, 0, -1):
        seed = (seed * 1103515245 + 12345) & 0xFFFFFFFF
        j = seed % (k + 1)
        order[k], order[j] = order[j], order[k]
    if avoid is not None and order == list(avoid):
        order = order[1:] + order[:1]
    return order


def typed_number(value: float) -> str:
    """A number as a learner types it: plain digits, never an exponent (1e16 is 10000000000000000)."""
    return format(Decimal(repr(float(value))).normalize(), "f")


def no_findings(question: Any) -> list[Finding]:
    return []


def nothing_public(question: Any) -> dict[str, Any]:
    return {}
