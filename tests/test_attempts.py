"""Attempts and the show-answer policy (quizzes/attempts.py): the shared vectors, and the author's settings as
the loader reads them (module default, question override, file:line errors)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from zhineng.quizzes.attempts import SHOW_ANSWER, AttemptRule

VECTORS = json.loads((Path(__file__).parent / "vectors" / "attempts.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", VECTORS["cases"])
def test_attempt_vectors(case: dict[str, Any]) -> None:
    rule = AttemptRule(case["attempts"], case["show_answer"])
    assert rule.may_show_answer(case["used"], case["correct"]) is case["may_show_answer"]
    assert rule.can_retry(case["used"], case["correct"]) is case["can_retry"]
    assert rule.left(case["used"]) == case["left"]


def test_vectors_cover_every_policy() -> None:
    assert {c["show_answer"] for c in VECTORS["cases"]} == set(SHOW_ANSWER)
