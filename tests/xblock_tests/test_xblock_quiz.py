"""Quiz block handlers without a server: grading, state, events, attempts, show-answer policy, bad input."""

from __future__ import annotations

import pytest

from .harness import Harness

TWO = (
    '<zhineng_quiz selection_kind="ids" selection="T1-Q006,T1-Q002" max_attempts="2" show_answer="{policy}"/>'
)
RIGHT = {"T1-Q006": False, "T1-Q002": "45"}
WRONG = {"T1-Q006": True, "T1-Q002": "81.8"}


def quiz(h: Harness, policy: str = "finished"):
    return h.parse(TWO.format(policy=policy))


def test_right_answers_score_and_publish(harness: Harness) -> None:
    block = quiz(harness)
    reply = harness.call(block, "submit", {"answers": RIGHT})
    assert reply.status == 200
    assert (reply.data["score"], reply.data["max_score"]) == (2.0, 2.0)
    assert harness.of_type("grade") == [{"value": 2.0, "max_value": 2.0, "only_if_higher": None}]
    assert harness.of_type("completion") == [{"completion": 1.0}]
    assessed = {e["knowledge_id"]: e for e in harness.of_type("zhineng.knowledge.assessed")}
    assert sorted(assessed) == ["K1", "K2", "K6"]
    assert assessed["K2"]["mastered"] is True and assessed["K2"]["mastery"] == "mastered"
    # Stored state: attempts, responses, per-question results, per-K standing, the score.
    assert block.attempts == 1
    assert block.responses == RIGHT
    assert block.results["T1-Q002"]["correct"] is True
    assert block.knowledge["K2"]["status"] == "mastered"
    assert (block.submission["earned"], block.submission["possible"]) == (2.0, 2.0)
    assert block.get_score() == (2.0, 2.0)


def test_wrong_answers_get_targeted_feedback_but_no_key_while_attempts_remain(harness: Harness) -> None:
    block = quiz(harness)
    reply = harness.call(block, "submit", {"answers": WRONG})
    assert reply.data["score"] == 0.0
    q2 = reply.data["results"]["T1-Q002"]
    assert q2["correct"] is False
    assert "加成率" in q2["feedback"][0]  # the mistake's own feedback for 81.8
    assert "answer" not in q2 and "explanation_html" not in q2
    assert harness.of_type("zhineng.knowledge.assessed")[0]["mastered"] is False
    assert block.knowledge["K2"]["status"] == "not_mastered"


def test_max_attempts_enforced_on_the_server(harness: Harness) -> None:
    block = quiz(harness)
    assert harness.call(block, "submit", {"answers": WRONG}).status == 200
    last = harness.call(block, "submit", {"answers": WRONG})
    assert last.data["can_retry"] is False
    assert "answer" in last.data["results"]["T1-Q002"]  # finished: out of attempts reveals the key
    refused = harness.call(block, "submit", {"answers": RIGHT})
    assert refused.status == 403
    assert refused.data == {"error": "no attempts left"}
    assert block.attempts == 2 and block.get_score() == (0.0, 2.0)
    assert len(harness.of_type("grade")) == 2


@pytest.mark.parametrize(
    ("policy", "first_reveals"),
    [("attempted", True), ("finished", False), ("never", False)],
)
def test_show_answer_policy(harness: Harness, policy: str, first_reveals: bool) -> None:
    block = quiz(harness, policy)
    reply = harness.call(block, "submit", {"answers": WRONG})
    assert ("answer" in reply.data["results"]["T1-Q006"]) is first_reveals
    last = harness.call(block, "submit", {"answers": WRONG})
    assert ("answer" in last.data["results"]["T1-Q006"]) is (policy != "never")


def test_finished_policy_reveals_when_all_correct(harness: Harness) -> None:
    reply = harness.call(quiz(harness), "submit", {"answers": RIGHT})
    assert reply.data["results"]["T1-Q006"]["answer"] is False
    assert "Google" in reply.data["results"]["T1-Q006"]["explanation_html"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", "Invalid JSON"),
        (b"\xff\xfe", "Invalid JSON"),
        (b"[1, 2]", "the request body must be a JSON object"),
        (b'{"answers": []}', "'answers' must be a JSON object"),
        (b'{"answers": {}, "extra": 1}', "unknown key 'extra'"),
        (b'{"answers": {"T9-Q999": true}}', "unknown question id 'T9-Q999'"),
        (b'{"answers": {"T1-Q006": true}}', "question T1-Q002 is not answered; answer every question"),
        (b'{"answers": {"T1-Q006": "yes", "T1-Q002": "45"}}', "question T1-Q006: expected true or false"),
        (b'{"answers": {"T1-Q006": true, "T1-Q002": [45]}}', "question T1-Q002: expected a number"),
        (
            b'{"answers": {"T1-Q006": true, "T1-Q002": "' + b"9" * 100 + b'"}}',
            "question T1-Q002: expected a number",
        ),
    ],
)
def test_bad_input_is_400_and_nothing_is_stored(harness: Harness, raw: bytes, message: str) -> None:
    block = quiz(harness)
    reply = harness.call(block, "submit", None, raw=raw)
    assert (reply.status, reply.data) == (400, {"error": message})
    assert block.attempts == 0 and block.submission == {}
    assert harness.events == []


def test_oversize_short_text_is_400(harness: Harness) -> None:
    block = harness.parse('<zhineng_quiz selection_kind="ids" selection="T1-Q012"/>')
    reply = harness.call(block, "submit", {"answers": {"T1-Q012": "字" * 501}})
    assert reply.status == 400
    assert reply.data["error"] == "question T1-Q012: the answer is longer than 500 characters"
    assert block.attempts == 0


def test_unlimited_attempts(harness: Harness) -> None:
    block = harness.parse('<zhineng_quiz selection_kind="ids" selection="T1-Q006" max_attempts="0"/>')
    for _ in range(4):
        assert harness.call(block, "submit", {"answers": {"T1-Q006": True}}).status == 200
    assert block.attempts == 4


def test_rescore_regrades_stored_responses(harness: Harness) -> None:
    block = quiz(harness)
    harness.call(block, "submit", {"answers": RIGHT})
    assert block.calculate_score() == (2.0, 2.0)
    block.rescore(only_if_higher=False)
    assert harness.of_type("grade")[-1]["value"] == 2.0
    block.set_score(block.calculate_score())
    assert block.get_score() == (2.0, 2.0) and block.responses == RIGHT


def test_selection_by_module_activity_and_knowledge(harness: Harness) -> None:
    by_activity = harness.parse('<zhineng_quiz selection_kind="activity" selection="T1.1"/>').questions()
    assert by_activity and {q.activity for q in by_activity} == {"T1.1"}
    by_k = harness.parse('<zhineng_quiz selection_kind="knowledge" selection="K2"/>').questions()
    assert by_k and all("K2" in q.knowledge for q in by_k)
    by_module = harness.parse('<zhineng_quiz selection_kind="module" selection="T3"/>').questions()
    assert by_module and all(q.id.startswith("T3-") for q in by_module)


def test_misconfigured_selection_shows_a_message_not_a_crash(harness: Harness) -> None:
    block = harness.parse('<zhineng_quiz selection_kind="ids" selection="NOPE-1"/>')
    assert "unknown question id &#x27;NOPE-1&#x27;" in harness.html(block)
    assert harness.call(block, "submit", {"answers": {}}).status == 409
