"""The readers keep one string per id and the course's own K tuple per question: records hold the same values
as when every id is its own copy."""

from __future__ import annotations

import json
from typing import Any

from zhineng.modules.loader import load_course
from zhineng.reports.catalog import Catalog
from zhineng.reports.read_scorm import read_cmi
from zhineng.reports.read_xapi import read_statements
from zhineng.reports.records import Answer, AnswerSheet
from zhineng.reports.xapi_ids import ITEM_EXTENSION

CATALOG = Catalog(load_course())
_M, QUESTION = next((m, q) for m, q in CATALOG.course.questions() if len(q.knowledge) >= 2)


def _answer(knowledge: list[str]) -> dict[str, Any]:
    # Parsed from text, as a file gives it: every string its own object.
    return json.loads(
        json.dumps(
            {
                "actor": {"account": {"homePage": "https://lms.example", "name": "learner1"}},
                "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                "object": {"id": f"https://zhineng.example/q/{QUESTION.id}"},
                "result": {"success": True, "extensions": {ITEM_EXTENSION: knowledge}},
                "timestamp": "2026-11-30T10:00:00Z",
            }
        )
    )


def test_an_answer_naming_its_questions_k_items_holds_the_courses_tuple() -> None:
    records, skipped = read_statements(enumerate([_answer(list(QUESTION.knowledge))] * 2, 1), "s", CATALOG)
    assert not skipped
    first, second = records
    assert isinstance(first, Answer) and isinstance(second, Answer)
    assert (
        first.knowledge == tuple(QUESTION.knowledge)
        and first.knowledge is CATALOG.question_knowledge[QUESTION.id]
    )
    assert (
        first.question == QUESTION.id
        and first.learner is second.learner
        and first.question is second.question
    )


def test_an_answer_naming_other_k_items_keeps_its_own() -> None:
    named = list(reversed(QUESTION.knowledge))
    [answer], _skipped = read_statements(enumerate([_answer(named)], 1), "s", CATALOG)
    assert isinstance(answer, Answer) and answer.knowledge == tuple(named)


def test_scorm_attempts_share_their_question_ids() -> None:
    def attempt() -> dict[str, str]:
        data = {
            "cmi.learner_id": "learner1",
            "cmi.interactions.0.id": QUESTION.id,
            "cmi.interactions.0.result": "correct",
        }
        return json.loads(json.dumps(data))

    (first, *_), _ = read_cmi(attempt(), "a.json", CATALOG)
    (second, *_), _ = read_cmi(attempt(), "b.json", CATALOG)
    assert isinstance(first, AnswerSheet) and isinstance(second, AnswerSheet)
    assert first.questions == (QUESTION.id,) and first.questions[0] is second.questions[0]
    assert first.learner is second.learner


def test_statements_of_one_time_share_one_origin_and_an_unknown_item_is_skipped_each_time() -> None:
    """A file's statements at the same time share their Origin; what a file repeats is worked out once, but a
    statement naming an unknown item is skipped every time, not only the first."""
    k = list(QUESTION.knowledge)
    later = _answer(k) | {"timestamp": "2026-12-01T10:00:00Z"}
    statements = [_answer(k), _answer(k), later, _answer([*k, "K999"]), _answer([*k, "K999"]), _answer(k)]
    records, skipped = read_statements(enumerate(statements, start=1), "lrs.ndjson", CATALOG)
    assert [s.record for s in skipped] == ["4", "5"]
    assert all("unknown item id 'K999'" in s.message for s in skipped)
    first, second, third, last = records
    assert first.origin is second.origin is last.origin and third.origin is not first.origin
    assert str(third.origin.when) == "2026-12-01 10:00:00+00:00" and first.origin.file == "lrs.ndjson"
    assert all(isinstance(r, Answer) and r.knowledge == tuple(k) for r in records)
