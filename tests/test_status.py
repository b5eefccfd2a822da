"""One status vocabulary and one mastery comparison (quizzes/status.py, quizzes/mastery.py), on the vectors their
JavaScript port is run on too (tests/js/status.test.js), and the statuses' one catalog of words as every channel
shows them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from node_support import needs_node, run_node_json
from pydantic import TypeAdapter
from zhineng.quizzes.mastery import (
    MasteryRule,
    knowledge_standings,
    knowledge_status,
    module_passed,
    reaches,
)
from zhineng.quizzes.model import Question
from zhineng.quizzes.result import Result
from zhineng.quizzes.status import LABELS, Status, attitude_status, progress_status, task_status
from zhineng.reports.labels import LABELS as REPORT_LABELS
from zhineng.xblocks.standing import course_standing

VECTORS = Path(__file__).resolve().parent / "vectors"
MASTERY = json.loads((VECTORS / "mastery.json").read_text(encoding="utf-8"))
STATUS = json.loads((VECTORS / "status.json").read_text(encoding="utf-8"))


def named(cases: list[dict[str, Any]]) -> Any:
    return pytest.mark.parametrize("case", cases, ids=[c["name"] for c in cases])


@named(MASTERY["reaches"])
def test_reaches(case: dict[str, Any]) -> None:
    assert reaches(case["earned"], case["available"], case["threshold"]) is case["reaches"]


@named(MASTERY["knowledge_status"])
def test_knowledge_status(case: dict[str, Any]) -> None:
    args = [case[k] for k in ("earned", "available", "answered", "questions", "threshold")]
    assert knowledge_status(*args) == case["status"]


def question(spec: dict[str, Any]) -> Question:
    return TypeAdapter(Question).validate_python(
        {
            "id": spec["id"],
            "type": "true_false",
            "activity": "T1.1",
            "knowledge": spec["knowledge"],
            "points": spec["points"],
            "prompt": spec["id"],
            "explanation": "e",
            "answer": True,
            "feedback": {"correct": "c", "incorrect": "i"},
        }
    )


@named(MASTERY["standings"])
def test_standings_and_passing(case: dict[str, Any]) -> None:
    questions = [question(q) for q in case["questions"]]
    points = {q.id: q.points for q in questions}
    results = {}
    for qid, score in case["attempts"]:  # a retried question: its latest attempt wins
        results[qid] = Result(score, points[qid], score == points[qid], ())
    standings = knowledge_standings(questions, results, MasteryRule.model_validate(case["mastery"]))
    got = {
        k: {"earned": s.earned, "available": s.available, "answered": s.answered, "questions": s.questions,
            "status": s.status}
        for k, s in standings.items()
    }  # fmt: skip
    assert got == case["standings"]  # equal floats: the same sums in the same order as written
    assert module_passed(standings) is case["passed"]


@named(MASTERY["standings"])
def test_the_progress_blocks_standing_is_the_same_sum(case: dict[str, Any]) -> None:
    """xblocks/standing.py course_standing, over the blocks' plain records, sums through the same knowledge_sums."""
    rule = MasteryRule.model_validate(case["mastery"])
    scores = dict(case["attempts"])  # a block keeps a question's latest score
    quiz = {
        "questions": [{**q, "activity": "T1.1"} for q in case["questions"]],
        "scores": scores,
        "thresholds": {k: rule.threshold_for(k) for k in case["standings"]},
    }
    outline = {"knowledge": [{"id": k} for k in [*case["standings"], "K-none"]], "tasks": [], "attitudes": []}
    got = course_standing(outline, [quiz], [])["knowledge"]
    assert got == {**{k: v["status"] for k, v in case["standings"].items()}, "K-none": "not_offered"}


@named(MASTERY["mastery_score"])
def test_cmi5_mastery_score_is_the_same_comparison(case: dict[str, Any]) -> None:
    assert reaches(case["scaled"], 1, case["mastery_score"]) is case["passed"]


@named(STATUS["progress"])
def test_progress_status(case: dict[str, Any]) -> None:
    assert progress_status(case["parts"]) == case["status"]


@named(STATUS["attitude"])
def test_attitude_status(case: dict[str, Any]) -> None:
    assert attitude_status(case["reflections"]) == case["status"]


@named(STATUS["task"])
def test_task_status(case: dict[str, Any]) -> None:
    assert task_status(case["activities"]) == case["status"]


def test_every_status_has_a_meaning_and_words_in_each_language() -> None:
    for status in Status:
        assert set(LABELS) == {"zh-TW", "en"}
        assert all(LABELS[lang][status].strip() for lang in LABELS), status
    for lang in LABELS:  # one word per meaning: no two statuses read alike
        assert len(set(LABELS[lang].values())) == len(Status), lang
    source = (Path(__file__).resolve().parent.parent / "quizzes" / "status.py").read_text(encoding="utf-8")
    for status in Status:  # its meaning, as the attribute's docstring right below it
        assert f'{status.name} = "{status.value}"\n    """' in source, status


def test_the_report_speaks_the_catalog_words() -> None:
    for lang, words in LABELS.items():
        assert {k: REPORT_LABELS[lang][k] for k in map(str, words)} == {str(s): w for s, w in words.items()}


@needs_node
def test_the_sco_speaks_the_catalog_words() -> None:
    shown = run_node_json("status_words.js", {})
    for lang in LABELS:
        assert shown[lang], lang
        assert shown[lang] == {k: LABELS[lang][Status(k)] for k in shown[lang]}, lang
    # what the SCO's progress view can show: every status its rules give
    assert set(shown["zh-TW"]) == {"mastered", "not_mastered", "incomplete", "not_attempted", "not_offered",
                                   "completed", "reflected"}  # fmt: skip
