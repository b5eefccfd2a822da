"""A performance task in a cmi5 AU, in Chromium, through the strict test LMS (cmi5_launcher.py, cmi5_rules.py) to
ralph: a half-written deliverable resumes from the progress state in the next session, then "submitted" and
"rated" reach the LRS as cmi5-allowed statements naming the O and P items by their CASE IRIs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cmi5_launcher import Launcher
from test_cmi5_lrs import ITEM, close, iri, play, registration_of
from zhineng.cmi5_export.ids import activity_iri, parse_activity_iri
from zhineng.cmi5_export.package import build_cmi5
from zhineng.cmi5_export.payload import au_payload
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course

TASKS = Path(__file__).resolve().parents[1] / "fixtures" / "course_tasks"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
SUBMIT = "http://activitystrea.ms/schema/1.0/submit"
RATED = "http://id.tincanapi.com/verb/rated"
EXT = "https://zhineng.example/xapi/ext/"


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course([TASKS])


@pytest.fixture
def lms(course: Course, lrs: Any) -> Iterator[Launcher]:
    [(_name, files)] = build_cmi5(course)
    launcher = Launcher({f.path: f.data for f in files}, lrs)
    server = launcher.serve()
    yield launcher
    server.shutdown()
    server.server_close()


def test_a_task_submitted_and_self_rated_reaches_ralph_through_the_strict_lms(
    course: Course, lms: Launcher, lrs: Any, browser: Any
) -> None:
    payload = au_payload(course, course.modules[0])
    au_id = payload["xapi"]["au"]
    [task] = payload["tasks"]
    first = play(browser, lms, au_id, payload)
    first.goto("task:M3-task")
    first.sco.locator("[data-field-id=analysis][data-action=task-text]").fill("上次寫到一半的分析")
    frame = first.page.main_frame.child_frames[0]
    frame.wait_for_function("window.Zhineng.player.draftSaves >= 1")
    registration = registration_of(first)
    before = close(first, lms, lrs, registration)
    assert not [s for s in before if s["verb"]["id"] in (SUBMIT, RATED)]  # a draft is never a statement

    again = play(browser, lms, au_id, payload, registration=registration)
    assert again.sco.locator("main").get_attribute("data-page") == "task:M3-task"
    area = again.sco.locator("[data-field-id=analysis][data-action=task-text]")
    assert area.input_value() == "上次寫到一半的分析"
    again.write_task(task)
    again.submit_task(task)
    again.self_rate(task, level=2)
    statements = close(again, lms, lrs, registration)
    assert again.errors == []
    assert lms.refused == []  # the strict LMS accepted both as cmi5-allowed statements

    [submitted] = [s for s in statements if s["verb"]["id"] == SUBMIT]
    [rated] = [s for s in statements if s["verb"]["id"] == RATED]
    for s in (submitted, rated):
        assert s["object"]["id"] == activity_iri(au_id, "task", "M3-task")  # as the report reads it back
        assert parse_activity_iri(s["object"]["id"]) == ("task", "M3-task")
        assert s["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/performance"
        assert CMI5 not in {c["id"] for c in s["context"]["contextActivities"].get("category", [])}
        assert s["result"]["extensions"][EXT + "task"] == "M3-task"
        assert "success" not in s["result"] and "score" not in s["result"]
    outputs = [iri(course, o) for o in task["outputs"]]
    assert submitted["result"]["extensions"][ITEM] == outputs
    assert [a["id"] for a in submitted["context"]["contextActivities"]["other"]] == outputs
    response = json.loads(submitted["result"]["response"])
    assert set(response) == {f["id"] for f in task["deliverable"]}
    assert response["checks"] == '["sum","privacy"]'
    assert json.loads(response["stats"])[0][0] == "官網"
    assert rated["result"]["extensions"][EXT + "rater"] == "self"
    assert rated["result"]["extensions"][EXT + "task-rating"] == {"accuracy": 2, "insight": 2}
    indicators = list(dict.fromkeys(p for c in task["rubric"] for p in c["indicators"]))
    assert rated["result"]["extensions"][ITEM] == [iri(course, p) for p in indicators]
