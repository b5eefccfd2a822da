"""The one passing rule in both languages: quizzes/mastery.py (knowledge_standings, module_passed) and the SCO's
scorm_export/runtime/rollup.js give the same standings and the same passed/failed on the same answers."""

from __future__ import annotations

from typing import Any

from node_support import needs_node, run_node_json
from zhineng.modules.course import Course
from zhineng.quizzes.grader import grade
from zhineng.quizzes.mastery import knowledge_standings, module_passed
from zhineng.quizzes.model import Question
from zhineng.quizzes.types import TYPES
from zhineng.scorm_export.payload import sco_payload


def response(q: Question, right: bool) -> Any:
    unit = TYPES[q.type]
    return unit.right_response(q) if right else unit.wrong_response(q)


def cases(course: Course) -> list[tuple[str, Any, dict[str, Any]]]:
    out = []
    for module in course.modules:
        qs = module.questions
        points: dict[str, float] = {}
        for q in qs:
            for k in q.knowledge:
                points[k] = points.get(k, 0.0) + q.points
        lightest = min(points, key=lambda k: points[k])
        out += [
            (f"{module.id} all right", module, {q.id: response(q, True) for q in qs}),
            (
                f"{module.id} {lightest} wrong",
                module,
                {q.id: response(q, lightest not in q.knowledge) for q in qs},
            ),
            (f"{module.id} half answered", module, {q.id: response(q, True) for q in qs[::2]}),
            (f"{module.id} all wrong", module, {q.id: response(q, False) for q in qs}),
        ]
    return out


@needs_node
def test_python_and_js_agree_on_standings_and_passing(builtin_course: Course) -> None:
    seen = set()
    for name, module, responses in cases(builtin_course):
        results = {}
        for q in module.questions:
            if q.id in responses:
                results[q.id] = grade(q, responses[q.id])
        standings = knowledge_standings(module.questions, results, module.mastery)
        payload = sco_payload(builtin_course, module, "scorm2004")
        js = run_node_json("rollup_cases.js", {"payload": payload, "responses": responses})
        py = {
            k: {"earned": s.earned, "available": s.available, "answered": s.answered, "status": s.status}
            for k, s in standings.items()
        }
        got = {
            k: {f: v[f] for f in ("earned", "available", "answered", "status")}
            for k, v in js["knowledge"].items()
        }
        assert got == py, name  # same sums in the same order: equal floats, not just close
        assert js["passed"] == module_passed(standings), name
        seen.add(module_passed(standings))
    assert seen == {True, False}  # both outcomes exercised
