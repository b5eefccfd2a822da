"""The display shuffle (quizzes/types/unit.py display_order, used by the blocks) on the shared vectors
tests/vectors/shuffle.json, which tests/js/shuffle.test.js holds the SCO's port (widgets.js `shuffled`) to: a
learner sees an ordering or matching question's items in the same order in the SCO and in the blocks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from node_support import needs_node, run_node_json
from zhineng.modules.course import Course
from zhineng.quizzes.grader import grade
from zhineng.quizzes.types.matching import public as matching_public
from zhineng.quizzes.types.ordering import public as ordering_public
from zhineng.quizzes.types.unit import display_order
from zhineng.scorm_export.payload import sco_payload

VECTORS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "vectors" / "shuffle.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("vector", VECTORS, ids=[f"{v['seed']}-{len(v['ids'])}" for v in VECTORS])
def test_the_python_shuffle_gives_the_vectors_order(vector: dict[str, Any]) -> None:
    assert display_order(vector["seed"], vector["ids"], vector["avoid"]) == vector["order"]


def test_the_vectors_cover_the_key_rotated_away() -> None:
    rotated = [v for v in VECTORS if v["avoid"] and len(v["ids"]) > 1 and v["order"] != v["avoid"]]
    assert any(display_order(v["seed"], v["ids"]) == v["avoid"] for v in rotated)


def test_a_shown_order_never_changes_the_key_or_the_grade(builtin_course: Course) -> None:
    """The blocks show the shuffled order; a learner's answer still names ids, graded as before."""
    seen = 0
    for _module, q in builtin_course.questions():
        if q.type == "ordering":
            shown = [i["id"] for i in ordering_public(q)["items"]]
            assert sorted(shown) == sorted(i.id for i in q.items) and shown != list(q.answer)
            assert grade(q, list(q.answer)).correct and not grade(q, shown).correct
            seen += 1
        elif q.type == "matching":
            shown = [o["id"] for o in matching_public(q)["options"]]
            assert sorted(shown) == sorted(o.id for o in q.options)
            assert grade(q, dict(q.answer)).correct
            seen += 1
    assert seen


@needs_node
def test_the_sco_shows_every_ordering_and_matching_question_as_the_blocks_do(builtin_course: Course) -> None:
    shown_in_blocks = {}
    for _module, q in builtin_course.questions():
        if q.type == "ordering":
            shown_in_blocks[q.id] = [i["id"] for i in ordering_public(q)["items"]]
        elif q.type == "matching":
            shown_in_blocks[q.id] = [o["id"] for o in matching_public(q)["options"]]
    shown_in_sco = {}
    for module in builtin_course.modules:
        shown_in_sco |= run_node_json("shown_order.js", sco_payload(builtin_course, module, "scorm2004"))
    assert shown_in_sco == shown_in_blocks
    assert len(shown_in_sco) >= 2
