"""tests/vectors/question_types.json: a question of every registered type (quizzes/types/) as the SCO's payload
holds it, with its unit's right and wrong responses, for the runtime's Node tests (tests/js/fixture.js), which so
take the types from the one registry. Each is the first golden question of its type
(tests/golden/grading/cases.yaml); `make golden` rewrites the file after an intended change."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter
from zhineng.quizzes.attempts import DEFAULT_ATTEMPTS, DEFAULT_SHOW_ANSWER, rule_for
from zhineng.quizzes.model import Question
from zhineng.quizzes.types import TYPES
from zhineng.scorm_export.payload import payload_question

HERE = Path(__file__).parent
VECTORS = HERE / "vectors" / "question_types.json"
CASES = yaml.safe_load((HERE / "golden" / "grading" / "cases.yaml").read_text(encoding="utf-8"))


def vectors() -> dict[str, Any]:
    golden = [TypeAdapter(Question).validate_python(q) for q in CASES["questions"].values()]
    out: dict[str, Any] = {"questions": [], "right": {}, "wrong": {}}
    for name, unit in TYPES.items():
        q = next(q for q in golden if q.type == name)
        out["questions"].append(payload_question(q, rule_for(q, DEFAULT_ATTEMPTS, DEFAULT_SHOW_ANSWER)))
        out["right"][q.id] = unit.right_response(q)
        out["wrong"][q.id] = unit.wrong_response(q)
    return out


def test_the_vectors_hold_every_registered_type_as_the_registry_gives_it() -> None:
    text = json.dumps(vectors(), ensure_ascii=False, indent=1) + "\n"
    if os.environ.get("ZHINENG_UPDATE_GOLDEN"):
        VECTORS.write_text(text, encoding="utf-8")
    assert VECTORS.read_text(encoding="utf-8") == text, (
        "tests/vectors/question_types.json is stale: make golden"
    )
