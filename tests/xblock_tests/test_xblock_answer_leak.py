"""No student_view (HTML, JS init data) carries an answer key or answer-bearing feedback before submission.

Every question of the built-in banks is rendered alone, from the built-in bank and from stored content
(as the OLX export writes it), and scanned for its own key, feedback and explanation.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.quizzes.model import (
    QUESTION_TYPES,
    Cloze,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Question,
    ShortText,
    SingleChoice,
    TrueFalse,
)
from zhineng.xblocks.bank import Bank, bank_to_content

from .harness import Harness

ANSWER_KEYS = {"answer", "correct", "accepted", "feedback", "explanation", "explanation_html", "mistakes"}
COURSE: Course = load_course()
QUESTIONS = [(m, q) for m, q in COURSE.questions()]


def secrets(q: Question) -> list[str]:
    """Texts that would give the answer away, long enough not to occur by chance in a page."""
    texts = [line.strip() for line in q.explanation.splitlines()]
    if isinstance(q, (SingleChoice, MultipleResponse)):
        texts += [c.feedback for c in q.choices]
    else:
        texts += [q.feedback.correct, q.feedback.incorrect]  # type: ignore[union-attr]
    if isinstance(q, (Numeric, ShortText)):
        texts += [m.feedback for m in q.mistakes]
    if isinstance(q, ShortText):
        texts += [a for a in q.accepted if a not in q.prompt]
    if isinstance(q, Cloze):
        texts += [g.feedback for g in q.gaps if g.feedback]
        texts += [a for g in q.gaps for a in g.accepted if a not in q.prompt and a not in q.text]
    return [t for t in texts if len(t) >= 3]


def keys_in(data: Any) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for v in data.values() for k in keys_in(v)}
    if isinstance(data, list):
        return {k for v in data for k in keys_in(v)}
    return set()


def render(h: Harness, xml: str) -> tuple[str, dict[str, Any]]:
    frag = h.runtime.render(h.parse(xml), "student_view", {})
    html = frag.body_html() + frag.foot_html()
    match = re.search(
        r'<script type="json/xblock-args" class="xblock_json_init_args">(.*?)</script>', html, re.S
    )
    assert match, "the JS init data is rendered into the page"
    return html, json.loads(json.loads(match.group(1))["json"])


@pytest.mark.parametrize("source", ["builtin", "stored"])
def test_no_question_leaks_its_answer(source: str) -> None:
    h = Harness()
    for module, q in QUESTIONS:
        if source == "builtin":
            xml = f'<zhineng_quiz selection_kind="ids" selection="{q.id}"/>'
        else:
            content = json.dumps(bank_to_content(Bank.of(module, (q,))), ensure_ascii=False)
            xml = f'<zhineng_quiz selection_kind="ids" selection="{q.id}" bank=\'{_attr(content)}\'/>'
        html, init = render(h, xml)
        page = html.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&")
        leaked = [s for s in secrets(q) if s in page]
        assert not leaked, f"{q.id} leaks {leaked}"
        assert not keys_in(init["questions"]) & ANSWER_KEYS and init["last"] is None
        body = html.split("<script", 1)[0]
        assert not re.search(r"\s(checked|selected)[\s>]", body), f"{q.id} preselects an input"
        if isinstance(q, Ordering):
            shown = re.findall(r'data-item="([^"]+)"', html)
            assert shown != list(q.answer), f"{q.id} lists its items in the answer order"
        if isinstance(q, Matching):
            first_option = re.findall(r'<option value="([^"]+)"', html)
            assert first_option[: len(q.premises)] != [q.answer[p.id] for p in q.premises], q.id
        if isinstance(q, TrueFalse):
            assert "data-answer" not in html


def test_every_type_is_scanned() -> None:
    assert {q.type for _m, q in QUESTIONS} == set(QUESTION_TYPES)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;").replace("\n", "&#10;")


def test_the_scan_catches_a_planted_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    import zhineng.xblocks.quiz as quiz_module

    real = quiz_module.public_question
    monkeypatch.setattr(quiz_module, "public_question", lambda q: {**real(q), "prompt_html": q.explanation})
    module, q = QUESTIONS[0]
    html, _init = render(Harness(), f'<zhineng_quiz selection_kind="ids" selection="{q.id}"/>')
    assert any(s in html for s in secrets(q))
