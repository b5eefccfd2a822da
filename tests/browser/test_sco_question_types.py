"""Every registered question type (quizzes/types/) answered in a real SCO against the real SCORM API (scorm-again)
the way its unit says a learner answers (`sco_steps`, which tests/browser/learner.py performs): its right response
is graded right and its wrong one wrong, and the LMS keeps a record of the unit's interaction type for each. A
type without its steps, or whose steps miss its widget's controls, fails here by name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from launch import launch
from sco_checks import no_lms_errors
from zhineng.modules.course import Course
from zhineng.quizzes.types import TYPES


def test_every_registered_type_is_answered_right_and_wrong_through_its_steps(
    builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T1", "scorm2004")
    given: dict[str, tuple[str, bool]] = {}  # question id -> (type, answered right)
    for name in TYPES:
        of_type = [q for q in learner.payload["questions"] if q["type"] == name]
        assert len(of_type) >= 2, f"the built-in T1 has fewer than two {name} questions to answer"
        for q, right in ((of_type[0], True), (of_type[1], False)):
            learner.goto(q["activity"])
            learner.answer(q, right)
            verdict = "is-correct" if right else "is-incorrect"
            assert learner.sco.locator(f"[data-question-id={json.dumps(q['id'])}].{verdict}").count() == 1, (
                name,
                q["id"],
                right,
            )
            given[q["id"]] = (name, right)
    cmi = learner.quit()
    no_lms_errors(learner)
    records = {i["id"]: i for i in cmi["interactions"].values()}
    for qid, (name, right) in given.items():
        assert records[qid]["type"] == TYPES[name].interaction, qid
        assert records[qid]["result"] == ("correct" if right else "incorrect"), qid
