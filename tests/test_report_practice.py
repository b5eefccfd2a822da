"""cmi5 Browse and Review sessions in `zhineng report`: their answers are shown apart, never mastery evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.reports.build import build_report
from zhineng.reports.catalog import Catalog
from zhineng.reports.read_xapi import read_statements
from zhineng.reports.render_csv import report_csv
from zhineng.reports.render_html import report_html
from zhineng.reports.xapi_ids import ITEM_EXTENSION, LAUNCH_MODE_EXTENSION, QUESTION_EXTENSION

SMALL = Path(__file__).resolve().parent / "fixtures" / "course_small"


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course([SMALL])


def answered(learner: str, question: Any, mode: str | None, minute: int) -> dict[str, Any]:
    context: dict[str, Any] = {"registration": "r-" + learner}
    if mode:
        context["extensions"] = {LAUNCH_MODE_EXTENSION: mode}
    return {
        "actor": {"account": {"homePage": "https://lms.example", "name": learner}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": f"urn:au:question:{question.id}"},
        "result": {
            "success": True,
            "score": {"raw": question.points},
            "extensions": {ITEM_EXTENSION: list(question.knowledge), QUESTION_EXTENSION: question.id},
        },
        "context": context,
        "timestamp": f"2026-11-01T10:{minute:02d}:00Z",
    }


def test_browse_and_review_answers_are_shown_apart_and_never_make_mastery(course: Course) -> None:
    module = course.modules[0]
    questions = list(module.questions)
    statements = [answered("normal", q, "Normal", i) for i, q in enumerate(questions)]
    statements += [answered("no-mode", q, None, i) for i, q in enumerate(questions)]  # not cmi5: graded
    statements += [answered("browser", q, "Browse", i) for i, q in enumerate(questions)]
    reviewed = questions[:2]
    statements += [answered("browser", q, "Review", 30 + i) for i, q in enumerate(reviewed)]
    catalog = Catalog(course)
    records, skipped = read_statements(enumerate(statements, 1), "statements.json", catalog)
    assert skipped == []
    report = build_report(course, records, catalog=catalog)
    rows = {r.learner: r for r in report.learners}
    k = questions[0].knowledge[0]
    assert rows["normal"].knowledge[k].status == rows["no-mode"].knowledge[k].status == "mastered"
    assert {c.status for c in rows["browser"].knowledge.values()} == {"not_attempted"}
    assert [(p.learner, p.mode, p.answered, p.correct, p.when) for p in report.practice] == [
        ("browser", "Browse", len(questions), len(questions), f"2026-11-01T10:{len(questions) - 1:02d}:00Z"),
        ("browser", "Review", len(reviewed), len(reviewed), f"2026-11-01T10:{29 + len(reviewed)}:00Z"),
    ]
    difficulty = {q.id: q.answered for q in report.questions}
    assert difficulty[questions[0].id] == 2  # the two graded learners only
    assert 'id="practice"' in report_html(report) and "瀏覽與複習" in report_html(report)
    assert "Browse and Review sessions" in report_html(report, "en")
    csv_rows = [line for line in report_csv(report).splitlines() if line.startswith("practice,")]
    assert csv_rows[0].startswith(f"practice,browser,Browse,,,{len(questions)},{len(questions)},")
