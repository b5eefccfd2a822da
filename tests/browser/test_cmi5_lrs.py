"""A cmi5 AU played in Chromium against a real LRS (ralph), launched by the strict test LMS in cmi5_launcher.py,
which refuses (4xx) whatever breaks cmi5's launch rules (cmi5_rules.py) before it reaches ralph."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import patience
import pytest
import ralph_lrs  # needs ralph-malph[lrs], a test dependency: missing is a failure, not a skip
from cmi5_launcher import LEARNER, Launcher
from cmi5_rules import Refused, Registration, Session, check_batch
from learner import Learner
from zhineng.cmi5_export.ids import activity_iri, parse_activity_iri
from zhineng.cmi5_export.package import build_cmi5
from zhineng.cmi5_export.payload import au_payload
from zhineng.modules.case import case_identifier, case_uri
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.quizzes.types import TYPES
from zhineng.reports.run import run_report

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "course_small"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"  # noqa: F811 - the same IRIs as cmi5_rules
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
# How long the LRS must hold the same statements before a closed session counts as landed (see settled()).
SETTLE_SECONDS = 3.0
MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
ITEM = "https://zhineng.example/xapi/ext/item"
VERB = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture(scope="module")
def small() -> Course:
    return load_course([SMALL])


@pytest.fixture
def lms(small: Course, lrs: Any) -> Iterator[Launcher]:
    [(_name, files)] = build_cmi5(small)
    launcher = Launcher({f.path: f.data for f in files}, lrs)
    server = launcher.serve()
    yield launcher
    server.shutdown()
    server.server_close()


def play(
    browser: Any, lms: Launcher, au_id: str, payload: dict[str, Any], page: Any = None, **launch: Any
) -> Learner:
    """Launch the AU in the LMS page's frame: a new browser context, or `page` again (its localStorage kept)."""
    page = page or browser.new_page()
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
            return settled(lrs, registration, found)
        learner.page.wait_for_timeout(100)
    raise AssertionError(f"no terminated statement reached the LRS; it refused: {lms.refused}")


def settled(lrs: Any, registration: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the LRS holds once the closing page's requests have all landed.

    The AU sends its last batch at once when the page closes, beside a batch that may still be in flight, and
    the LMS records a statement stamped before "terminated" that arrives after it (cmi5 9.3.8). On a loaded
    machine that earlier batch can land after "terminated": wait until the store stops growing.
    """
    quiet_since = time.monotonic()
    deadline = quiet_since + patience.REQUEST_SECONDS
    while time.monotonic() < deadline and time.monotonic() - quiet_since < SETTLE_SECONDS:
        time.sleep(0.2)
        now = lrs.statements(registration=registration)
        if len(now) != len(found):
            found, quiet_since = now, time.monotonic()
    return found


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
    assert lms.refused == []  # the strict LMS accepted every batch
    assert len(lms.fetched) == 1  # the auth token was fetched exactly once
    [session] = [s for s in lms.sessions.values() if s.registration == registration]
    assert session.preferences_read and session.terminated

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
    assert by_verb["passed"]["context"]["extensions"][MASTERY] == session.mastery == 0.8
    assert by_verb["completed"]["result"]["completion"] is True

    # Answers and reflections: cmi5-allowed (no cmi5 category), each naming its K or A item by its CASE IRI.
    answered = [s for s in allowed if s["verb"]["id"] == VERB + "answered"]
    done = {s["object"]["id"] for s in allowed if s["verb"]["id"] == VERB + "completed"}
    assert done == {iri(small, a) for a in payload["objectives"]["activities"]}
    expected = {q["id"]: [iri(small, k) for k in q["knowledge"]] for q in payload["questions"]}
    expected |= {r["id"]: [iri(small, r["attitude"])] for r in payload["reflections"]}
    # Their object IRIs are the ones the report reads back: built by cmi5_export/ids.py alone.
    kinds = {}
    for s in answered:
        parsed = parse_activity_iri(s["object"]["id"])
        assert parsed is not None and s["object"]["id"] == activity_iri(au_id, *parsed), s["object"]["id"]
        kinds[parsed[1]] = parsed[0]
    assert kinds == {q["id"]: "question" for q in payload["questions"]} | {
        r["id"]: "reflection" for r in payload["reflections"]
    }
    named = {}
    for s in answered:
        ident = s["object"]["id"].rsplit(":", 1)[-1]
        named[ident] = s["result"]["extensions"][ITEM]
        assert [a["id"] for a in s["context"]["contextActivities"]["other"]] == named[ident]
    assert named == expected
    question = next(s for s in answered if ":question:" in s["object"]["id"])
    assert question["result"]["success"] is True and "response" in question["result"]
    # Every question as ralph stored it: a full interaction definition, the AU as parent.
    by_id = {q["id"]: q for q in payload["questions"]}
    for s in answered:
        if ":question:" not in s["object"]["id"]:
            continue
        q = by_id[s["object"]["id"].rsplit(":", 1)[-1]]
        definition = s["object"]["definition"]
        assert definition["interactionType"] == TYPES[q["type"]].interaction
        assert definition["correctResponsesPattern"] and definition["description"]
        assert s["context"]["contextActivities"]["parent"] == [{"objectType": "Activity", "id": au_id}]
        if q["type"] in ("single_choice", "multiple_response"):
            assert [c["id"] for c in definition["choices"]] == [c["id"] for c in q["choices"]]
        if q["type"] == "matching":
            assert [c["id"] for c in definition["source"]] == [p["id"] for p in q["premises"]]
            assert [c["id"] for c in definition["target"]] == [o["id"] for o in q["options"]]
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
    assert lms.refused == [], lms.posts
    # `zhineng report` shows the Browse answers apart and grades no K item with them.
    report, _skipped = run_report([], lrs=lrs.url, lrs_auth=ralph_lrs.basic_credentials(), course=small)
    row = next(r for r in report.learners if r.learner == "learner-browse")
    assert {c.status for c in row.knowledge.values()} == {"not_attempted"}
    practice = [(p.mode, p.answered, p.correct) for p in report.practice if p.learner == "learner-browse"]
    assert practice == [("Browse", len(payload["questions"]), len(payload["questions"]))]


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


def test_the_learners_language_preference_picks_the_players_words(
    small: Course, lms: Launcher, lrs: Any, browser: Any
) -> None:
    payload = au_payload(small, small.modules[0])
    me = agent("learner-english")
    lms.set_preferences(me, {"languagePreference": "fr-FR,en-US", "audioPreference": "off"})
    learner = play(browser, lms, payload["xapi"]["au"], payload, actor=me)
    assert learner.sco.locator("[data-action=goto][data-page=overview]").inner_text() == "Overview"
    assert learner.sco.locator("[data-action=exit]").inner_text() == "Exit"
    close(learner, lms, lrs, registration_of(learner))
    assert lms.refused == []


def test_a_session_the_lms_refused_is_said_again_in_the_next_launch(
    small: Course, lms: Launcher, lrs: Any, browser: Any
) -> None:
    """Nothing the LMS did not accept is marked sent: the next launch of the registration says completed and
    passed, and restates the answers from this browser's outbox, so the report keeps the evidence."""
    payload = au_payload(small, small.modules[0])
    au_id, me = payload["xapi"]["au"], agent("learner-outage")
    lms.outage = True
    learner = play(browser, lms, au_id, payload, actor=me)
    learner.do_everything(right=True)
    registration = registration_of(learner)
    learner.sco.locator("[data-banner=commit-failed]").wait_for()  # retried, then the learner was told
    learner.page.evaluate("document.getElementById('sco').src = 'about:blank'")
    assert lrs.statements(registration=registration) == [
        s for s in lrs.statements(registration=registration) if s["verb"]["id"] == VERB + "launched"
    ]
    lms.outage = False

    again = play(browser, lms, au_id, payload, page=learner.page, actor=me, registration=registration)
    statements = close(again, lms, lrs, registration)
    assert lms.refused == [], lms.posts
    second = [
        s for s in statements if s["context"]["extensions"][SESSION] == again_session(lms, registration)
    ]
    verbs = [s["verb"]["id"].removeprefix(VERB) for s in second]
    assert verbs[0] == "launched" and verbs[1] == "initialized" and verbs[-1] == "terminated"
    assert verbs.count("answered") == len(payload["questions"]) + len(payload["reflections"])
    assert [v for v in verbs if v in ("completed", "passed")][-2:] == ["completed", "passed"]
    report, _skipped = run_report([], lrs=lrs.url, lrs_auth=ralph_lrs.basic_credentials(), course=small)
    row = next(r for r in report.learners if r.learner == "learner-outage")
    assert {row.knowledge[k].status for k in payload["objectives"]["knowledge"]} == {"mastered"}


def again_session(lms: Launcher, registration: str) -> str:
    """The registration's latest session (the one not abandoned)."""
    [live] = [s for s in lms.sessions.values() if s.registration == registration and not s.abandoned]
    return live.id


def test_the_exit_control_terminates_and_returns_to_the_lms(
    small: Course, lms: Launcher, lrs: Any, browser: Any
) -> None:
    payload = au_payload(small, small.modules[0])
    learner = play(browser, lms, payload["xapi"]["au"], payload, actor=agent("learner-exit"))
    registration = registration_of(learner)
    q = payload["questions"][0]
    learner.goto(q["activity"])
    learner.answer(q)
    learner.sco.locator("[data-action=exit]").click()
    learner.sco.locator("[data-returned]").wait_for()  # the frame went to returnURL
    session = again_session(lms, registration)
    assert lms.returned == [(session, 200)]  # after terminated was recorded, not before
    verbs = [s["verb"]["id"].removeprefix(VERB) for s in lrs.statements(registration=registration)]
    assert verbs[-1] == "terminated" and verbs.count("terminated") == 1
    assert lms.refused == []


# --- the strict LMS refuses what breaks the rules (so the tests above can fail) ----------------------------


def _session(**changes: Any) -> Session:
    s = Session(
        "s-1", "r-1", "urn:au", {"account": {"name": "l"}}, "Normal", 0.8, {"extensions": {SESSION: "s-1"}}
    )
    s.preferences_read = True
    for k, v in changes.items():
        setattr(s, k, v)
    return s


def _st(verb: str, minute: int = 0, defined: bool = True, **extra: Any) -> dict[str, Any]:
    if defined and verb in ("completed", "passed", "failed", "terminated"):
        extra["result"] = {"duration": "PT1S", **extra.get("result", {})}  # cmi5 9.5.4: these need one
    categories = [{"id": CMI5}] if defined else []
    if "result" in extra and {"success", "completion"} & set(extra["result"]):
        categories.append({"id": MOVEON})
    context = {
        "registration": "r-1",
        "contextActivities": {"category": categories},
        "extensions": {SESSION: "s-1"},
    }
    context["extensions"].update(extra.pop("extensions", {}))
    return {
        "actor": {"account": {"name": "l"}},
        "verb": {"id": VERB + verb},
        "object": {"id": "urn:au"},
        "context": context,
        "timestamp": f"2026-11-01T10:{minute:02d}:00Z",
        **extra,
    }


PASSED = {
    "result": {"success": True, "score": {"scaled": 0.9}, "duration": "PT1S"},
    "extensions": {MASTERY: 0.8},
}


@pytest.mark.parametrize(
    ("session", "batch", "rule"),
    [
        (_session(preferences_read=False), [_st("initialized")], "before reading cmi5LearnerPreferences"),
        (_session(), [_st("answered", defined=False)], "the first statement of a session is 'initialized'"),
        (
            _session(),
            [_st("initialized"), _st("passed", 1, result={"success": True})],
            "lacks the masteryscore",
        ),
        (
            _session(),
            [
                _st("initialized"),
                _st(
                    "failed",
                    1,
                    result={"success": False, "score": {"scaled": 0.9}},
                    extensions={MASTERY: 0.8},
                ),
            ],
            "against masteryScore",
        ),
        (
            _session(),
            [_st("initialized"), _st("terminated", 2), _st("answered", 3, defined=False)],
            "after 'terminated'",
        ),
        (_session(), [_st("initialized"), _st("initialized", 1)], "twice in one session"),
        (
            _session(),
            [_st("initialized", 5), _st("answered", 1, defined=False)],
            "before the session's 'initialized'",
        ),
        (
            _session(),
            [{**_st("initialized"), "context": {**_st("initialized")["context"], "registration": "r-2"}}],
            "registration",
        ),
        (
            _session(),
            [
                {
                    **_st("initialized"),
                    "context": {**_st("initialized")["context"], "extensions": {SESSION: "s-9"}},
                }
            ],
            "not the session id of this launch",
        ),
        (
            _session(),
            [_st("initialized"), _st("completed", 1, result={"completion": True, "score": {"scaled": 1}})],
            "only passed and failed may carry one",
        ),
        (
            _session(),
            [_st("initialized"), _st("terminated", 1, result={"duration": None})],
            "without result.duration",
        ),
        (
            _session(),
            [_st("initialized"), _st("passed", 1, **{**PASSED, "result": {"success": False}})],
            "result.success",
        ),
        (
            _session(mode="Browse"),
            [_st("initialized"), _st("completed", 1, result={"completion": True})],
            "in a Browse session",
        ),
    ],
)
def test_the_strict_lms_refuses_what_breaks_a_launch_rule(
    session: Session, batch: list[dict[str, Any]], rule: str
) -> None:
    sessions = {"s-1": session}
    registrations: dict[tuple[str, str], Registration] = {}
    with pytest.raises(Refused) as refused:
        check_batch(batch, sessions, registrations, "s-1")
    assert rule in refused.value.message and 400 <= refused.value.status < 500
    assert sessions["s-1"].defined == [] and registrations == {}  # a refused batch changes nothing


def test_the_strict_lms_accepts_a_conformant_session_and_counts_per_registration() -> None:
    sessions = {"s-1": _session()}
    registrations: dict[tuple[str, str], Registration] = {}
    good = [
        _st("initialized"),
        _st("answered", 1, defined=False),
        _st("completed", 2, result={"completion": True}),
    ]
    check_batch(good + [_st("passed", 3, **PASSED), _st("terminated", 4)], sessions, registrations, "s-1")
    assert sessions["s-1"].terminated and registrations[("r-1", "urn:au")] == Registration(True, True)
    sessions["s-2"] = _session(id="s-2", template={"extensions": {SESSION: "s-2"}})
    second = [_st("initialized", 5, extensions={SESSION: "s-2"}), _st("passed", 6, **PASSED)]
    second[1]["context"]["extensions"][SESSION] = "s-2"
    with pytest.raises(Refused, match="after 'passed' in the registration"):
        check_batch(second, sessions, registrations, "s-2")


def test_the_strict_lms_records_a_statement_in_flight_when_terminated_came_only_if_stamped_before_it() -> (
    None
):
    sessions = {"s-1": _session()}
    registrations: dict[tuple[str, str], Registration] = {}
    check_batch([_st("initialized"), _st("terminated", 5)], sessions, registrations, "s-1")
    check_batch([_st("answered", 4, defined=False)], sessions, registrations, "s-1")  # sent before terminated
    with pytest.raises(Refused, match="after 'terminated'"):
        check_batch([_st("answered", 6, defined=False)], sessions, registrations, "s-1")
