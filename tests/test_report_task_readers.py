"""Performance-task tracking data by source, as TASKS_SPEC §5 writes it: what each reader keeps and what it
names and skips (the fixture course's task M3-page: fields copy, prices, checks, url; criteria accuracy 1–4,
update 1–3)."""

from __future__ import annotations

from typing import Any

import pytest
from report_support import COURSE
from zhineng.modules.loader import load_course
from zhineng.reports.catalog import Catalog
from zhineng.reports.read_scorm import read_cmi
from zhineng.reports.read_xapi import read_statements
from zhineng.reports.records import TaskRating, TaskSubmission
from zhineng.reports.xapi_ids import (
    LAUNCH_MODE_EXTENSION,
    RATER_EXTENSION,
    TASK_RATING_EXTENSION,
    VERB_RATED,
    VERB_SUBMITTED,
)
from zhineng.scorm_export.saved_state import TASK_STATUS, SavedState, SavedTask, encode, fnv6

CATALOG = Catalog(load_course([COURSE]))


def _fill(n: int, iid: str, response: str, kind: str = "long-fill-in") -> dict[str, str]:
    return {
        f"cmi.interactions.{n}.id": iid,
        f"cmi.interactions.{n}.type": kind,
        f"cmi.interactions.{n}.learner_response": response,
        f"cmi.interactions.{n}.timestamp": f"2026-12-0{n + 1}T10:00:00Z",
    }


def test_scorm_2004_parts_are_joined_in_order_and_a_missing_part_is_named() -> None:
    cmi = {"cmi.learner_id": "ann"}
    for n, (iid, text) in enumerate(
        [("M3-page/copy/2", "後半"), ("M3-page/copy", "前半"), ("M3-page/url", "u")]
    ):
        cmi |= _fill(n, iid, text)
    records, skipped = read_cmi(cmi, "a.json", CATALOG)
    (sub,) = [r for r in records if isinstance(r, TaskSubmission)]
    assert sub.fields == {"copy": "前半後半", "url": "u"}
    assert sub.origin.when is not None and sub.origin.when.day == 3  # the latest part's time
    assert skipped == []

    cmi = {"cmi.learner_id": "ann"} | _fill(0, "M3-page/copy/3", "c") | _fill(1, "M3-page/copy", "a")
    cmi |= _fill(2, "M3-page/nosuch", "x") | _fill(3, "NOPE/copy", "x")
    records, skipped = read_cmi(cmi, "b.json", CATALOG)
    assert not [r for r in records if isinstance(r, TaskSubmission)]
    assert [str(s) for s in skipped] == [
        "b.json: record cmi.interactions.2: task M3-page has no deliverable field 'nosuch'",
        "b.json: record cmi.interactions.3: unknown task id 'NOPE'",
        "b.json: record cmi.interactions.0: task M3-page field copy: part 2 of 3 is missing",
    ]


@pytest.mark.parametrize(
    ("response", "kept"), [("4", {"accuracy": 4}), ("5", None), ("三", None), ("0", None)]
)
def test_scorm_12_likert_levels_are_checked_against_the_criterion(response: str, kept: Any) -> None:
    cmi = {"core": {"student_id": "ben"}, "interactions": [{"id": "M3-page/self/accuracy", "type": "likert",
                                                              "student_response": response}]}  # fmt: skip
    records, skipped = read_cmi(cmi, "c.json", CATALOG)
    ratings = [r for r in records if isinstance(r, TaskRating)]
    if kept is None:
        assert ratings == [] and "level must be 1–4" in str(skipped[0])
    else:
        assert [(r.levels, r.rater, r.origin.when) for r in ratings] == [(kept, "self", None)]


def _statement(verb: str, result: dict[str, Any], obj: str = "https://x.example/au/M3:task:M3-page") -> Any:
    return {
        "actor": {"account": {"homePage": "https://lms.example", "name": "cy"}},
        "verb": {"id": verb},
        "object": {"id": obj},
        "timestamp": "2026-12-05T08:00:00Z",
        "result": result,
    }


def test_xapi_submit_and_rated_by_the_object_iri_and_what_is_refused() -> None:
    statements = [
        _statement(VERB_SUBMITTED, {"response": '{"copy": "文案", "checks": "[\\"name\\"]"}'}),
        _statement(
            VERB_RATED, {"extensions": {TASK_RATING_EXTENSION: {"update": 3}, RATER_EXTENSION: "self"}}
        ),
        _statement(VERB_SUBMITTED, {"response": "not json"}),
        _statement(VERB_SUBMITTED, {"response": '["a list"]'}),
        _statement(
            VERB_RATED, {"extensions": {TASK_RATING_EXTENSION: {"update": 4}, RATER_EXTENSION: "self"}}
        ),
        _statement(VERB_SUBMITTED, {"response": '{"copy": "x"}'}, obj="https://other.example/thing"),
        {
            **_statement(VERB_SUBMITTED, {"response": '{"copy": "瀏覽"}'}),
            "context": {"extensions": {LAUNCH_MODE_EXTENSION: "Browse"}},
        },
    ]
    records, skipped = read_statements(enumerate(statements, start=1), "s.ndjson", CATALOG)
    assert [type(r).__name__ for r in records] == ["TaskSubmission", "TaskRating"]
    sub, rating = records
    assert isinstance(sub, TaskSubmission) and sub.fields == {"copy": "文案", "checks": '["name"]'}
    assert isinstance(rating, TaskRating) and rating.levels == {"update": 3} and rating.rater == "self"
    assert [(s.record, s.message.split(":")[0]) for s in skipped] == [
        ("3", "result.response is not JSON"),
        ("4", "result.response is not a JSON object of field values"),
        ("5", "task M3-page criterion update"),
    ]


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    return digits[n] if n < 36 else _b36(n // 36) + digits[n % 36]


def _suspend(flag: str, levels: str, values: dict[str, Any]) -> str:
    """A saved state holding only M3-page's record: flag as the record writes it (upper case when cut)."""
    task = SavedTask(TASK_STATUS[flag.lower()], flag.isupper(), tuple(int(n) for n in levels), values)
    return encode(SavedState("abcdef123456", visited="0", tasks={fnv6("M3-page"): task}))


@pytest.mark.parametrize(
    ("flag", "levels", "submitted", "self_levels", "named"),
    [
        ("d", "00", False, None, False),  # a draft: never evidence
        ("s", "30", True, None, False),  # levels picked but not sent: not a self-rating
        ("r", "32", True, {"accuracy": 3, "update": 2}, False),
        ("r", "09", True, None, False),  # no level chosen, and 9 is beyond update's 3 levels
        ("S", "00", True, None, True),  # cut short by the LMS's room: kept as far as it goes, and said
    ],
)
def test_scorm_12_deliverable_from_the_saved_state(
    flag: str, levels: str, submitted: bool, self_levels: Any, named: bool
) -> None:
    values = {"copy": "冷萃 😀 禮盒", "prices": [["禮盒", "2", "880"]], "checks": ["origin"]}
    cmi = {
        "core": {"student_id": "dee", "lesson_status": "incomplete"},
        "suspend_data": _suspend(flag, levels, values),
    }
    records, skipped = read_cmi(cmi, "d.json", CATALOG)
    subs = [r for r in records if isinstance(r, TaskSubmission)]
    ratings = [r for r in records if isinstance(r, TaskRating)]
    if submitted:
        (sub,) = subs
        assert sub.fields == {
            "copy": "冷萃 😀 禮盒",
            "prices": '[["禮盒","2","880"]]',
            "checks": '["origin"]',
        }
    else:
        assert subs == []
    assert [r.levels for r in ratings] == ([self_levels] if self_levels else [])
    assert [s.record for s in skipped] == (["cmi.suspend_data"] if named else [])


def test_interactions_win_over_the_saved_state_in_scorm_2004() -> None:
    cmi = {"cmi.learner_id": "eve", "cmi.suspend_data": _suspend("r", "32", {"copy": "舊"})}
    cmi |= _fill(0, "M3-page/copy", "新") | _fill(1, "M3-page/self/update", "1", "likert")
    records, _skipped = read_cmi(cmi, "e.json", CATALOG)
    assert [r.fields for r in records if isinstance(r, TaskSubmission)] == [{"copy": "新"}]
    assert [r.levels for r in records if isinstance(r, TaskRating)] == [{"update": 1}]


def test_a_2004_deliverable_reads_as_written_when_the_saved_state_holds_the_same_submission() -> None:
    # The interactions carry LMS lines (line breaks as spaces, "[,]" escaped); the saved state the exact text.
    written = "第一段：冷萃禮盒。\n\n第二段：[,] 不是分隔。"
    cmi = {"cmi.learner_id": "fay", "cmi.suspend_data": _suspend("r", "32", {"copy": written})}
    cmi |= _fill(0, "M3-page/copy", "第一段：冷萃禮盒。 第二段：[ ,] 不是分隔。")
    records, _skipped = read_cmi(cmi, "f.json", CATALOG)
    assert [r.fields for r in records if isinstance(r, TaskSubmission)] == [{"copy": written}]
    # a cut saved state keeps the interactions' text
    cmi["cmi.suspend_data"] = _suspend("S", "00", {"copy": written})
    records, _skipped = read_cmi(cmi, "f.json", CATALOG)
    assert [r.fields for r in records if isinstance(r, TaskSubmission)] == [
        {"copy": "第一段：冷萃禮盒。 第二段：[ ,] 不是分隔。"}
    ]
