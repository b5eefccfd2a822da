"""The quiz block follows the author's attempts and show-answer policy per question (quizzes/attempts.py), as the
SCO does: the course file's module default and per-question override, or the block's Studio override; each
question keeps its last attempt, which is the one that counts; ordering and matching mark each part."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from zhineng.modules.loader import load_course
from zhineng.xblocks.bank import Bank, bank_to_content

from .harness import Harness

ORDERING, MATCHING = "T1-Q018", "T1-Q020"  # ordering: all or nothing; matching: partial, 6 premises
MODULE = load_course().module("T1")
Q = {q.id: q for q in MODULE.questions}


def quiz(h: Harness, overrides: dict[str, dict[str, Any]] | None = None, **attrs: str) -> Any:
    """A block over ORDERING and MATCHING, from a course file whose module sets 2 attempts, `finished`."""
    module = MODULE.model_copy(update={"attempts": 2, "show_answer": "finished"})
    questions = tuple(Q[i].model_copy(update=(overrides or {}).get(i, {})) for i in (ORDERING, MATCHING))
    bank = json.dumps(bank_to_content(Bank.of(module, questions)), ensure_ascii=False)
    element = ET.Element(
        "zhineng_quiz",
        {"selection_kind": "ids", "selection": f"{ORDERING},{MATCHING}", "bank": bank, **attrs},
    )
    return h.parse(ET.tostring(element, encoding="unicode"))


def ordering(right: bool) -> list[str]:
    answer = list(Q[ORDERING].answer)  # type: ignore[attr-defined]
    return answer if right else [answer[1], answer[0], *answer[2:]]  # the first two swapped


def matching(right_pairs: int) -> dict[str, str]:
    q = Q[MATCHING]
    out = {}
    for n, p in enumerate(q.premises):  # type: ignore[attr-defined]
        key = q.answer[p.id]  # type: ignore[attr-defined]
        other = next(o.id for o in q.options if o.id != key)  # type: ignore[attr-defined]
        out[p.id] = key if n < right_pairs else other
    return out


def test_each_part_is_marked_and_wrong_questions_stay_open(harness: Harness) -> None:
    block = quiz(harness)
    reply = harness.call(block, "submit", {"answers": {ORDERING: ordering(False), MATCHING: matching(4)}})
    assert reply.status == 200
    o, m = reply.data["results"][ORDERING], reply.data["results"][MATCHING]
    answer = list(Q[ORDERING].answer)  # type: ignore[attr-defined]
    assert o["marks"] == {answer[1]: False, answer[0]: False, **{i: True for i in answer[2:]}}
    assert list(m["marks"].values()) == [True] * 4 + [False] * 2
    for r in (o, m):
        assert (r["attempts_used"], r["attempts_allowed"], r["can_retry"]) == (1, 2, True)
        assert (
            "answer" not in r and "explanation_html" not in r
        )  # finished: neither right nor out of attempts
    assert reply.data["can_retry"] is True


def test_the_last_attempt_counts_and_the_key_follows_the_policy(harness: Harness) -> None:
    block = quiz(harness)
    harness.call(block, "submit", {"answers": {ORDERING: ordering(True), MATCHING: matching(4)}})
    # The ordering is right: closed. Only the matching is open now.
    refused = harness.call(block, "submit", {"answers": {ORDERING: ordering(True), MATCHING: matching(6)}})
    assert (refused.status, refused.data) == (400, {"error": f"question {ORDERING} has no attempt left"})
    reply = harness.call(block, "submit", {"answers": {MATCHING: matching(2)}})
    assert reply.status == 200
    m = reply.data["results"][MATCHING]
    assert (m["attempts_used"], m["can_retry"]) == (2, False)
    assert m["answer"] == Q[MATCHING].answer  # type: ignore[attr-defined]  # closed: the key is shown
    points = Q[MATCHING].points
    # The last attempt's score (2 of 6 pairs), not the better first one (4 of 6).
    assert reply.data["score"] == 1.0 + points * 2 / 6
    assert block.get_score() == (1.0 + points * 2 / 6, 1.0 + points)
    assert block.submission["tries"] == {ORDERING: 1, MATCHING: 2}
    assert block.responses[ORDERING] == ordering(True)  # kept from its own last attempt
    assert reply.data["can_retry"] is False
    assert harness.call(block, "submit", {"answers": {MATCHING: matching(6)}}).status == 403


def test_a_question_override_from_the_course_file(harness: Harness) -> None:
    block = quiz(
        harness, {ORDERING: {"attempts": 1, "show_answer": "never"}, MATCHING: {"show_answer": "attempted"}}
    )
    reply = harness.call(block, "submit", {"answers": {ORDERING: ordering(False), MATCHING: matching(0)}})
    o, m = reply.data["results"][ORDERING], reply.data["results"][MATCHING]
    assert (o["attempts_allowed"], o["can_retry"], "answer" in o) == (1, False, False)
    assert (m["attempts_allowed"], m["can_retry"], "answer" in m) == (2, True, True)


def test_the_blocks_studio_settings_override_the_course_file(harness: Harness) -> None:
    block = quiz(harness, max_attempts="3", show_answer="attempted")
    reply = harness.call(block, "submit", {"answers": {ORDERING: ordering(False), MATCHING: matching(0)}})
    o = reply.data["results"][ORDERING]
    assert (o["attempts_allowed"], o["can_retry"], "answer" in o) == (3, True, True)


def test_show_answer_always_gives_the_key_before_any_answer(harness: Harness) -> None:
    from .test_xblock_answer_leak import render

    _html, init = render(harness, ET.tostring(_element("always"), encoding="unicode"))
    assert set(init["keys"]) == {ORDERING, MATCHING}
    assert init["keys"][ORDERING]["answer"] == Q[ORDERING].answer  # type: ignore[attr-defined]
    _html, init = render(harness, ET.tostring(_element("finished"), encoding="unicode"))
    assert init["keys"] == {}


def _element(show_answer: str) -> ET.Element:
    bank = json.dumps(bank_to_content(Bank.of(MODULE, (Q[ORDERING], Q[MATCHING]))), ensure_ascii=False)
    return ET.Element(
        "zhineng_quiz",
        {
            "selection_kind": "ids",
            "selection": f"{ORDERING},{MATCHING}",
            "bank": bank,
            "show_answer": show_answer,
        },
    )


def test_a_bank_that_can_never_show_its_key_is_refused(harness: Harness) -> None:
    content = bank_to_content(Bank.of(MODULE, (Q[ORDERING],)))
    reply = harness.call(
        harness.parse("<zhineng_quiz/>"),
        "studio_submit",
        {
            "display_name": "Q",
            "selection_kind": "module",
            "selection": "",
            "weight": 1,
            "max_attempts": "",
            "show_answer": "",
            "yaml": json.dumps({**content, "id": "T1", "attempts": 0, "show_answer": "closed"}),
        },
    )
    assert reply.status == 400
    assert reply.data["error"] == (
        f"{ORDERING}: show_answer 'closed' never shows the answer when attempts are unlimited (0): "
        "set attempts, or use 'never'"
    )


def test_the_knowledge_events_follow_each_questions_last_attempt(harness: Harness) -> None:
    """What the report reads from the tracking log (the latest zhineng.knowledge.assessed per K item wins) is
    the standing over each question's last attempt, also after a submit that answered only one of them."""
    block = quiz(harness)
    harness.call(block, "submit", {"answers": {ORDERING: ordering(True), MATCHING: matching(0)}})
    harness.call(block, "submit", {"answers": {MATCHING: matching(6)}})
    last = {e["knowledge_id"]: e for e in harness.of_type("zhineng.knowledge.assessed")}
    assert (last["K3"]["score"], last["K3"]["max_score"], last["K3"]["mastered"]) == (2.0, 2.0, True)
    assert last["K3"]["attempt"] == 2


def test_the_studio_editor_offers_the_one_vocabulary_in_zh_tw() -> None:
    import re

    from zhineng.quizzes.attempts import SHOW_ANSWER

    from .test_xblock_i18n import ZhTW

    h = Harness(i18n=ZhTW())
    html = h.html(h.parse("<zhineng_quiz/>"), "studio_view")
    select = re.search(r'<select[^>]*name="show_answer".*?</select>', html, re.S)
    assert select
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(0))
    assert [v for v, _label in options] == ["", *SHOW_ANSWER]  # empty: as the course file sets it
    labels = dict(options)
    assert (labels[""], labels["finished"], labels["never"]) == (
        "依課程檔的設定",
        "答對或用完作答次數時",
        "永不顯示",
    )
