from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from pydantic import TypeAdapter
from zhineng.quizzes.grader import ResponseError, Result, grade
from zhineng.quizzes.model import QUESTION_TYPES, Question
from zhineng.quizzes.types import TYPES

CASES = yaml.safe_load(
    (Path(__file__).parent / "golden" / "grading" / "cases.yaml").read_text(encoding="utf-8")
)
QUESTIONS = {k: TypeAdapter(Question).validate_python(v) for k, v in CASES["questions"].items()}


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_golden_case(case: dict[str, Any]) -> None:
    question = QUESTIONS[case["question"]]
    if case.get("error"):
        with pytest.raises(ResponseError):
            grade(question, case["response"])
    else:
        assert grade(question, case["response"]).to_dict() == case["expected"]


def test_every_question_type_has_golden_cases() -> None:
    covered = {QUESTIONS[c["question"]].type for c in CASES["cases"]}
    assert covered == set(QUESTION_TYPES)


def test_every_type_has_a_malformed_case() -> None:
    refused = {QUESTIONS[c["question"]].type for c in CASES["cases"] if c.get("error")}
    assert refused == set(QUESTION_TYPES)


@pytest.mark.parametrize(
    "garbage",
    [
        None,
        1,
        1.5,
        True,
        "",
        "x" * 10_000,
        [],
        [None],
        [[]],
        {},
        {"a": None},
        {"a": ["b"]},
        float("nan"),
        float("inf"),
    ],
)
def test_garbage_is_refused_or_graded_never_crashes(garbage: Any) -> None:
    for question in QUESTIONS.values():
        try:
            result = grade(question, garbage)
        except ResponseError as exc:
            assert str(exc)  # a message a handler can show
        else:
            assert isinstance(result, Result) and 0 <= result.score <= result.max_score


def test_grading_is_deterministic() -> None:
    for case in CASES["cases"]:
        if not case.get("error"):
            question = QUESTIONS[case["question"]]
            assert {grade(question, case["response"]) for _ in range(5)} == {
                grade(question, case["response"])
            }


def test_result_is_refused_for_text_longer_than_the_cap() -> None:
    with pytest.raises(ResponseError, match="longer than 500"):
        grade(QUESTIONS["st"], "R" * 501)


def test_the_question_union_holds_exactly_the_registered_types() -> None:
    members = get_args(get_args(Question)[0])
    assert {m.model_fields["type"].annotation.__args__[0] for m in members} == set(TYPES)
    assert set(members) == {unit.model for unit in TYPES.values()}
