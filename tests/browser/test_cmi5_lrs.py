"""A cmi5 AU played in Chromium against a real LRS (ralph), launched by the test LMS in cmi5_launcher.py."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import patience
import pytest
import ralph_lrs  # needs ralph-malph[lrs], a test dependency: missing is a failure, not a skip
from cmi5_launcher import LEARNER, Launcher
from learner import Learner
from zhineng.cmi5_export.package import build_cmi5
from zhineng.cmi5_export.payload import au_payload
from zhineng.modules.case import case_identifier, case_uri
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.reports.run import run_report

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "course_small"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
ITEM = "https://zhineng.example/xapi/ext/item"
VERB = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture(scope="module")
def small() -> Course:
    return load_course([SMALL])


@pytest.fixture(scope="module")
def lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    process, lrs = ralph_lrs.start_ralph(tmp_path_factory.mktemp("ralph"))
    yield lrs
    ralph_lrs.stop(process)


@pytest.fixture
def lms(small: Course, lrs: Any) -> Iterator[Launcher]:
    [(_name, files)] = build_cmi5(small)
    launcher = Launcher({f.path: f.data for f in files}, lrs)
    server = launcher.serve()
    yield launcher
    server.shutdown()
    server.server_close()


def play(browser: Any, lms: Launcher, au_id: str, payload: dict[str, Any], **launch: Any) -> Learner:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{lms.base}/lms.html")
    url = lms.launch_url(au_id, **launch)
    page.evaluate("url => { document.getElementById('sco').src = url; }", url)
    learner = Learner(page, payload).ready()
    learner.errors = errors
    return learner


def close(learner: Learner, lms: Launcher, lrs: Any, registration: str) -> list[dict[str, Any]]:
    """Close the AU as a learner closing the window does; wait until the LRS has this session's terminated."""

    def terminated(found: list[dict[str, Any]]) -> int:
        return sum(s["verb"]["id"] == VERB + "terminated" for s in found)

    before = terminated(lrs.statements(registration=registration))
    learner.page.evaluate("document.getElementById('sco').src = 'about:blank'")
    deadline = time.monotonic() + patience.REQUEST_SECONDS
    while time.monotonic() < deadline:
        found = lrs.statements(registration=registration)
        if terminated(found) > before:
            return found  # type: ignore[no-any-return]
        learner.page.wait_for_timeout(100)
    raise AssertionError(f"no terminated statement reached the LRS; it refused: {lms.refused}")


def registration_of(learner: Learner) -> str:
    url = learner.page.frame_locator("#sco").locator("html").evaluate("() => location.search")
    return dict(p.split("=", 1) for p in url[1:].split("&"))["registration"]


def iri(course: Course, item: str) -> str:
    return case_uri(case_identifier(course.standard, item), None)


def test_a_module_played_to_the_end_reaches_ralph_as_the_cmi5_sequence(
    small: Course, lms: Launcher, lrs: Any, browser: Any
) -> None:
    module = small.modules[0]
    payload = au_payload(small, module)
    au_id = payload["xapi"]["au"]
    learner = play(browser, lms, au_id, payload)
    learner.do_everything(right=True)
    registration = registration_of(learner)
    statements = close(learner, lms, lrs, registration)
    assert learner.errors == []
    assert len(lms.fetched) == 1  # the auth token was fetched exactly once

    def categories(s: dict[str, Any]) -> set[str]:
        return {c["id"] for c in s["context"].get("contextActivities", {}).get("category", [])}

    # The cmi5-defined statements, in order; the LMS's "launched" comes first.
    defined = [s for s in statements if CMI5 in categories(s)]
    verbs = [s["verb"]["id"].removeprefix(VERB) for s in defined]
    assert verbs[:2] == ["launched", "initialized"] and verbs[-1] == "terminated"
    assert sorted(verbs[2:-1]) == ["completed", "passed"]
    assert statements[0] is defined[0] and statements[1] is defined[1] and statements[-1] is defined[-1]
    allowed = [s for s in statements if CMI5 not in categories(s)]
    answers = len(payload["questions"]) + len(payload["reflections"])
    assert sorted(s["verb"]["id"].removeprefix(VERB) for s in allowed) == sorted(
        ["answered"] * answers + ["completed"] * len(payload["objectives"]["activities"])
    )
    for s in statements:
        assert s["actor"]["account"] == LEARNER["account"]
        assert s["context"]["registration"] == registration
        assert s["context"]["extensions"][SESSION]  # the LMS's session id, from the context template
    sessions = {s["context"]["extensions"][SESSION] for s in statements}
    assert len(sessions) == 1

    by_verb = {v: s for v, s in zip(verbs, defined, strict=True)}
    for verb in ("initialized", "completed", "passed", "terminated"):
        assert by_verb[verb]["object"]["id"] == au_id
    assert MOVEON in categories(by_verb["passed"]) and MOVEON in categories(by_verb["completed"])
    assert by_verb["passed"]["result"]["success"] is True
    assert by_verb["passed"]["result"]["score"]["scaled"] == 1
    assert by_verb["completed"]["result"]["completion"] is True

    # Answers and reflections: cmi5-allowed (no cmi5 category), each naming its K or A item by its CASE IRI.
    answered = [s for s in allowed if s["verb"]["id"] == VERB + "answered"]
    done = {s["object"]["id"] for s in allowed if s["verb"]["id"] == VERB + "completed"}
    assert done == {iri(small, a) for a in payload["objectives"]["activities"]}
    expected = {q["id"]: [iri(small, k) for k in q["knowledge"]] for q in payload["questions"]}
    expected |= {r["id"]: [iri(small, r["attitude"])] for r in payload["reflections"]}
    named = {}
    for s in answered:
        ident = s["object"]["id"].rsplit(":", 1)[-1]
        named[ident] = s["result"]["extensions"][ITEM]
        assert [a["id"] for a in s["context"]["contextActivities"]["other"]] == named[ident]
    assert named == expected
    question = next(s for s in answered if ":question:" in s["object"]["id"])
    assert question["result"]["success"] is True and "response" in question["result"]
    reflection = next(s for s in answered if ":reflection:" in s["object"]["id"])
    assert reflection["result"]["extensions"]["https://zhineng.example/xapi/ext/rating"] == 4

    # An LRS query by competency finds the answers about that K item.
    k = payload["objectives"]["knowledge"][0]
    about_k = lrs.statements(activity=iri(small, k), related_activities="true")
    assert {s["id"] for s in about_k} == {
        s["id"] for s in answered if iri(small, k) in named[s["object"]["id"].rsplit(":", 1)[-1]]
    }

    # `zhineng report --lrs` reads the same statements from ralph and finds every K item mastered.
    report, skipped = run_report([], lrs=lrs.url, lrs_auth=ralph_lrs.basic_credentials(), course=small)
    assert skipped == []
    row = next(r for r in report.learners if r.learner == LEARNER["account"]["name"])
    assert {k: row.knowledge[k].status for k in payload["objectives"]["knowledge"]} == dict.fromkeys(
        payload["objectives"]["knowledge"], "mastered"
    )


def agent(name: str) -> dict[str, Any]:
    return {"objectType": "Agent", "account": {"homePage": "https://lms.zhineng.example", "name": name}}


def test_wrong_answers_fail_by_the_launch_datas_mastery_score(
    small: Course, lms: Launcher, lrs: Any, browser: Any
) -> None:
    payload = au_payload(small, small.modules[0])
    learner = play(browser, lms, payload["xapi"]["au"], payload, actor=agent("learner-wrong"))
    learner.do_everything(right=False)
    statements = close(learner, lms, lrs, registration_of(learner))
    verbs = [s["verb"]["id"].removeprefix(VERB) for s in statements]
    assert "failed" in verbs and "passed" not in verbs
    failed = next(s for s in statements if s["verb"]["id"] == VERB + "failed")
    assert failed["result"]["success"] is False and failed["result"]["score"]["scaled"] < 0.8
    assert all(s["result"]["success"] is False for s in statements if ":question:" in s["object"]["id"])


def test_browse_mode_neither_completes_nor_passes(
    small: Course, lms: Launcher, lrs: Any, browser: Any
) -> None:
    payload = au_payload(small, small.modules[0])
    launch = {"actor": agent("learner-browse"), "launch_mode": "Browse"}
    learner = play(browser, lms, payload["xapi"]["au"], payload, **launch)
    learner.do_everything(right=True)
    statements = close(learner, lms, lrs, registration_of(learner))
    au_verbs = [
        s["verb"]["id"].removeprefix(VERB) for s in statements if s["object"]["id"] == payload["xapi"]["au"]
    ]
    assert au_verbs == ["launched", "initialized", "terminated"]


def test_a_refused_token_fetch_leaves_the_au_standalone(small: Course, lms: Launcher, browser: Any) -> None:
    payload = au_payload(small, small.modules[0])
    page = browser.new_page()
    page.goto(f"{lms.base}/lms.html")
    url = lms.launch_url(payload["xapi"]["au"], actor=agent("learner-refused"))
    lms.tokens.clear()  # the LMS answers the fetch URL with an error (cmi5 8.2.3)
    page.evaluate("url => { document.getElementById('sco').src = url; }", url)
    learner = Learner(page, payload).ready()
    assert learner.sco.locator("[data-banner=standalone]").is_visible()


def test_a_new_session_of_the_same_registration_resumes_and_does_not_complete_twice(
    small: Course, lms: Launcher, lrs: Any, browser: Any
) -> None:
    payload = au_payload(small, small.modules[0])
    au_id, me = payload["xapi"]["au"], agent("learner-resume")
    learner = play(browser, lms, au_id, payload, actor=me)
    learner.do_everything(right=True)
    registration = registration_of(learner)
    close(learner, lms, lrs, registration)
    learner.page.close()

    again = play(browser, lms, au_id, payload, actor=me, registration=registration)
    q = payload["questions"][0]
    again.goto(q["activity"])
    again.sco.locator(f"[data-question-id='{q['id']}'].is-correct").wait_for()  # the answer came back
    statements = close(again, lms, lrs, registration)
    sessions: dict[str, list[str]] = {}
    for s in statements:
        verb = s["verb"]["id"].removeprefix(VERB)
        if s["object"]["id"] == au_id:
            sessions.setdefault(s["context"]["extensions"][SESSION], []).append(verb)
    first, second = sorted(sessions.values(), key=len, reverse=True)
    assert sorted(first) == sorted(["launched", "initialized", "completed", "passed", "terminated"])
    assert second == ["launched", "initialized", "terminated"]  # completed and passed are said once
