"""Hostile requests to every handler: each is a 4xx with a message, never a 500, and nothing is stored or
counted; authored and learner text never reaches the page inside a <script> element as markup."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hostile_inputs import ALIAS_BOMB, BLOCK_HANDLERS, HOSTILE_BODIES
from zhineng.modules.loader import load_course
from zhineng.quizzes.types import TYPES

from .harness import Harness


@pytest.mark.parametrize(("xml", "handler"), BLOCK_HANDLERS)
@pytest.mark.parametrize("body", sorted(HOSTILE_BODIES))
def test_bad_bodies_are_400_on_every_handler(harness: Harness, xml: str, handler: str, body: str) -> None:
    block = harness.parse(xml)
    reply = harness.call(block, handler, None, raw=HOSTILE_BODIES[body])
    assert reply.status == 400, (body, reply)
    assert reply.data["error"]
    assert harness.events == []


def test_too_deep_says_so(harness: Harness) -> None:
    reply = harness.call(harness.parse("<zhineng_quiz/>"), "submit", None, raw=b"[" * 5000 + b"]" * 5000)
    assert reply.data == {"error": "the request body is nested more than 16 levels deep"}


SETTINGS = {
    "display_name": "Q",
    "selection_kind": "module",
    "selection": "",
    "weight": 1,
    "max_attempts": 2,
    "show_answer": "finished",
}


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        (ALIAS_BOMB, "YAML: line 5, column 28: with its aliases the file holds more than 50,000 values"),
        ("questions: " + "[" * 5000, "YAML: line 1, column 43: nested more than 32 levels deep"),
        ("questions: [{points: " + "9" * 5000 + "}]", "YAML: line 1, column 22: '999"),
        ("questions: !!python/object/new:os.system [ls]", "YAML: line 1, column 12: YAML tag"),
    ],
)
def test_hostile_studio_imports_are_400(harness: Harness, yaml_text: str, message: str) -> None:
    for xml in ("<zhineng_quiz/>", "<zhineng_reflection/>"):
        block = harness.parse(xml)
        body = {**SETTINGS, "yaml": yaml_text} if "quiz" in xml else {"yaml": yaml_text}
        reply = harness.call(block, "studio_submit", body)
        assert reply.status == 400
        assert reply.data["error"].startswith(message), reply.data


def blanks(response: Any) -> list[Any]:
    """Answers shaped like `response` with nothing in them: none at all, only spaces, or one part left blank."""
    if isinstance(response, str):
        return ["", " \u3000\t"]
    if isinstance(response, list):
        return [[], [""] * len(response), [*response[:-1], " \u3000"]]
    if isinstance(response, dict):
        return [{}, dict.fromkeys(response, "")]
    return [None]


# One question of each registered type from the built-in banks, and empty answers shaped like its right one.
FIRST = {q.type: q for _m, q in reversed(list(load_course().questions()))}
EMPTY = {q.id: blanks(TYPES[t].right_response(q)) for t, q in sorted(FIRST.items())}


@pytest.mark.parametrize("qid", sorted(EMPTY))
def test_empty_answers_never_use_an_attempt(harness: Harness, qid: str) -> None:
    block = harness.parse(f'<zhineng_quiz selection_kind="ids" selection="{qid}" max_attempts="1"/>')
    for empty in EMPTY[qid]:
        reply = harness.call(block, "submit", {"answers": {qid: empty}})
        assert reply.status == 400 and reply.data["error"].startswith(f"question {qid}: "), reply
    reply = harness.call(block, "submit", {"answers": {}})
    assert reply.status == 400
    assert block.attempts == 0 and block.submission == {} and harness.events == []


PAYLOAD = "</script><script>window.pwned=1</script><!--\u2028&amp;"
BANK = f"""
id: X
questions:
  - id: X1
    type: numeric
    activity: T1.1
    knowledge: [K1]
    prompt: "How much? {PAYLOAD}"
    explanation: "{PAYLOAD}"
    answer: 1
    feedback: {{correct: "{PAYLOAD}", incorrect: "{PAYLOAD}"}}
    mistakes: [{{value: 2, feedback: "{PAYLOAD}"}}]
"""


def test_authored_text_never_breaks_out_of_the_init_script(harness: Harness) -> None:
    block = harness.parse("<zhineng_quiz/>")
    assert (
        harness.call(block, "studio_submit", {**SETTINGS, "show_answer": "attempted", "yaml": BANK}).status
        == 200
    )
    assert harness.call(block, "submit", {"answers": {"X1": "2"}}).status == 200
    for view in ("student_view", "studio_view"):
        frag = harness.runtime.render(block, view, {})
        page = frag.body_html() + frag.foot_html()
        scripts = re.findall(r'<script type="json/xblock-args"[^>]*>(.*?)</script>', page, re.S)
        assert len(scripts) == 1, "the init arguments are in the page, in one element"
        assert PAYLOAD not in page
        for text in scripts:
            assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}, text[:200]
        args = json.loads(json.loads(scripts[0])["json"])  # as ZhinengCommon.initArgs reads it
        if view == "student_view":  # the learner's last outcome carries the authored feedback, intact
            assert args["last"]["results"]["X1"]["feedback"] == [PAYLOAD]
