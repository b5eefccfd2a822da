"""End to end: the same learner behaviour played in all three delivery channels, then ONE
`zhineng report` over what each channel kept, gives the same per-K mastery for every source.

The module content is the fixture course (tests/fixtures/course_small, two modules: M1 assesses K1 with Q1; M3
assesses K7 and K15 with Q3). Every learner answers M1 right and M3 wrong and saves both reflections:

1. SCORM 2004 in scorm-again (the wrapper LMS of tests/browser): the committed CMI of each SCO, as a JSON file;
2. the XBlocks of the OLX export in the xblock-sdk workbench: the events the blocks published (the workbench's
   event log), converted to Open edX tracking-log lines (`workbench_log.py`);
3. the cmi5 AUs against ralph (tests/browser/ralph_lrs.py, cmi5_launcher.py): ralph's statements API, kept
   as one file.

One learner id per source, and one more learner id whose M1 is a SCORM attempt and M3 a cmi5 one (the merge).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cmi5_launcher import Launcher
from launch import launch
from sco_checks import lms_errors
from test_cmi5_lrs import agent, close, play, registration_of
from workbench_log import tracking_log, url_name_of
from zhineng.cmi5_export.package import build_cmi5
from zhineng.cmi5_export.payload import au_payload
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.olx_export.package import olx_course
from zhineng.olx_export.url_names import url_name
from zhineng.quizzes.model import Question
from zhineng.quizzes.types import TYPES

from zhineng.cli import main

pytest.importorskip("workbench", reason="the workbench needs `pip install 'xblock-sdk==0.14.0'`")

from xblock_tests.workbench import Workbench, start  # noqa: E402

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "course_small"
RIGHT = {"M1": True, "M3": False}  # the behaviour every learner repeats: M1 all right, M3 wrong
RATING = 4  # learner.Learner.reflect's rating
TEXT = "上線前我會逐項檢查每一頁的價格與連結，再請同事覆核。"
OUR_BLOCKS = ("zhineng_quiz", "zhineng_reflection", "zhineng_progress")
SCORM, OPENEDX, XAPI, SHARED = "scorm-learner", "openedx-learner", "xapi-learner", "shared-learner"


@pytest.fixture(scope="module")
def small() -> Course:
    return load_course([SMALL])


def olx_scenario(course: Course) -> str:
    """Our blocks of the course's OLX export, in one workbench page (as test_xblock_workbench does)."""
    root = ET.Element("vertical_demo")
    for f in olx_course(course):
        if f.path.startswith("course/vertical/"):
            root.extend(el for el in ET.fromstring(f.data) if el.tag in OUR_BLOCKS)
    return ET.tostring(root, encoding="unicode")


@pytest.fixture(scope="module")
def workbench(small: Course) -> Iterator[tuple[Workbench, str]]:
    scenario = olx_scenario(small)
    wb = start(scenario)
    yield wb, scenario
    wb.stop()


@pytest.fixture(scope="module")
def lms(small: Course, lrs: Any) -> Iterator[Launcher]:
    [(_name, files)] = build_cmi5(small)
    launcher = Launcher({f.path: f.data for f in files}, lrs)
    server = launcher.serve()
    yield launcher
    server.shutdown()
    server.server_close()


# --- 1. SCORM 2004 in scorm-again -----------------------------------------------------------------------


def play_scorm(
    browser: Any, serve: Any, tmp: Path, course: Course, module_id: str, learner_id: str, out: Path
) -> None:
    # The LMS gives the learner id as an LMS does: in the CMI it loads before the SCO starts.
    site = tmp / f"scorm-{learner_id}-{module_id}"
    learner = launch(browser, serve, site, course, module_id, "scorm2004", cmi={"learner_id": learner_id})
    learner.do_everything(right=RIGHT[module_id], reflection_text=TEXT)
    cmi = learner.quit()
    assert learner.errors == [] and lms_errors(learner.lms("errors")) == []
    learner.page.close()
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{learner_id}-{module_id}.json").write_text(json.dumps(cmi, ensure_ascii=False), encoding="utf-8")


# --- 2. the XBlocks in the workbench ---------------------------------------------------------------------


def answer_in_workbench(fieldset: Any, q: Question, right: bool) -> None:
    """The same responses learner.Learner gives in the SCO, shown by the question type's own block reader."""
    unit = TYPES[q.type]
    response = unit.right_response(q) if right else unit.wrong_response(q)
    fieldset.evaluate("(fs, r) => window.ZhinengQuizTypes[fs.dataset.type].write(fs, r)", response)


def play_workbench(page: Any, wb: Workbench, course: Course, learner_id: str) -> None:
    questions = {q.id: (m.id, q) for m, q in course.questions()}
    page.goto(f"{wb.url}/scenario/zhineng_olx_check.0/?student={learner_id}")
    quizzes = page.locator('.xblock-v1[data-block-type="zhineng_quiz"]')
    quizzes.first.locator(".zhineng-question").first.wait_for()
    for i in range(quizzes.count()):
        quiz = quizzes.nth(i)
        fieldsets = quiz.locator(".zhineng-question")
        earned = possible = 0.0
        for j in range(fieldsets.count()):
            module_id, q = questions[fieldsets.nth(j).get_attribute("data-qid")]
            answer_in_workbench(fieldsets.nth(j), q, RIGHT[module_id])
            earned += q.points if RIGHT[module_id] else 0.0
            possible += q.points
        quiz.get_by_role("button", name="Submit answers").click()
        quiz.locator(f".zhineng-status:has-text('Score: {earned:g} / {possible:g}')").wait_for()
    reflections = page.locator('.xblock-v1[data-block-type="zhineng_reflection"]')
    for i in range(reflections.count()):
        block = reflections.nth(i)
        block.get_by_label("Your reflection").fill(TEXT)
        block.locator(".zhineng-rating input").nth(RATING - 1).check()
        block.get_by_role("button", name="Save reflection").click()
        block.locator(".zhineng-status:has-text('Saved')").wait_for()


def quiz_usages_in_page(page: Any) -> dict[str, list[str]]:
    """The workbench usage id of each quiz on the page -> the question ids it shows."""
    return dict(
        page.evaluate(
            """() => Array.from(document.querySelectorAll('.xblock-v1[data-block-type="zhineng_quiz"]'))
                .map(b => [b.dataset.usage,
                           Array.from(b.querySelectorAll('.zhineng-question')).map(f => f.dataset.qid)])"""
        )
    )


# --- 3. cmi5 against ralph -------------------------------------------------------------------------------


def play_cmi5(browser: Any, lms: Launcher, lrs: Any, course: Course, module_id: str, learner_id: str) -> None:
    payload = au_payload(course, course.module(module_id))
    learner = play(browser, lms, payload["xapi"]["au"], payload, actor=agent(learner_id))
    learner.do_everything(right=RIGHT[module_id], reflection_text=TEXT)
    close(learner, lms, lrs, registration_of(learner))
    assert learner.errors == [] and lms.refused == []
    learner.page.close()


# --- the test --------------------------------------------------------------------------------------------


def test_one_report_over_scorm_openedx_and_xapi_gives_the_same_per_k_mastery(
    small: Course,
    workbench: tuple[Workbench, str],
    lms: Launcher,
    lrs: Any,
    browser: Any,
    serve: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    inputs = tmp_path / "inputs"

    # 1. SCORM: every module for one learner; M1 only for the shared learner.
    for module_id in RIGHT:
        play_scorm(browser, serve, tmp_path, small, module_id, SCORM, inputs / "scorm")
    play_scorm(browser, serve, tmp_path, small, "M1", SHARED, inputs / "scorm")

    # 2. Open edX: the blocks in the workbench; the events they published, as tracking-log lines.
    wb, scenario = workbench
    logged_before = wb.events_log.read_text(encoding="utf-8") if wb.events_log.exists() else ""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    play_workbench(page, wb, small, OPENEDX)
    shown = quiz_usages_in_page(page)
    page.close()
    assert errors == []
    # The workbench numbers each block type's definitions in scenario order; check that reading against the
    # questions each quiz showed, so that every event goes to the block (url_name) that published it.
    quiz_of = {q.id: url_name(m.id, q.activity, "quiz") for m, q in small.questions()}
    for usage, qids in shown.items():
        assert {quiz_of[qid] for qid in qids} == {url_name_of(usage, scenario)}
    logged = wb.events_log.read_text(encoding="utf-8").removeprefix(logged_before)
    lines = tracking_log(logged, scenario, username=OPENEDX)
    assert {
        (line["event_type"], line["context"]["module"]["usage_key"].rsplit("@", 1)[-1]) for line in lines
    } >= {
        ("grade", "M1-T1_1-quiz"),
        ("grade", "M3-T3_3-quiz"),
        ("zhineng.attitude.reflected", "R1"),
        ("zhineng.attitude.reflected", "R3"),
    }
    # What the blocks themselves said about each K item (their `mastered` flag) is what this test expects.
    assessed = [line["event"] for line in lines if line["event_type"] == "zhineng.knowledge.assessed"]
    assert {e["knowledge_id"]: e["mastered"] for e in assessed} == {"K1": True, "K7": False, "K15": False}
    (inputs / "openedx").mkdir(parents=True)
    (inputs / "openedx" / "tracking.log").write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )

    # 3. cmi5: every module for one learner; M3 only for the shared learner. Kept: ralph's statements.
    for module_id in RIGHT:
        play_cmi5(browser, lms, lrs, small, module_id, XAPI)
    play_cmi5(browser, lms, lrs, small, "M3", SHARED)
    (inputs / "xapi").mkdir(parents=True)
    statements = lrs.statements()
    (inputs / "xapi" / "statements.json").write_text(
        json.dumps({"statements": statements}, ensure_ascii=False), encoding="utf-8"
    )

    # 4. One `zhineng report` over the three, through the real command line.
    out = tmp_path / "report"
    monkeypatch.chdir(tmp_path)
    code = main(
        ["report", "inputs/scorm", "inputs/openedx", "inputs/xapi", "--course", str(SMALL), "--out", "report"]
    )
    err = capsys.readouterr().err
    assert code == 0, err  # every input was read, nothing skipped
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert all(report["sources"][source] > 0 for source in ("scorm", "openedx", "xapi"))

    # 5. The same behaviour, the same per-K rows, whatever the source.
    rows = {row["learner"]: row for row in report["learners"]}
    assert set(rows) == {SCORM, OPENEDX, XAPI, SHARED}

    def per_k(learner: str) -> dict[str, tuple[str, float, float]]:
        return {
            k: (cell["status"], cell["earned"], cell["available"])
            for k, cell in rows[learner]["knowledge"].items()
        }

    expected = {
        "K1": ("mastered", 1.0, 1.0),
        "K7": ("not_mastered", 0.0, 1.0),
        "K15": ("not_mastered", 0.0, 1.0),
    }
    assert per_k(SCORM) == per_k(OPENEDX) == per_k(XAPI) == expected
    for learner, source in ((SCORM, "scorm"), (OPENEDX, "openedx"), (XAPI, "xapi")):
        assert {k: tuple(c["sources"]) for k, c in rows[learner]["knowledge"].items()} == dict.fromkeys(
            expected, (source,)
        )
    # The shared learner: M1 (K1) from the SCORM attempt, M3 (K7, K15) from the cmi5 one, merged into one row.
    assert per_k(SHARED) == expected
    assert {k: tuple(c["sources"]) for k, c in rows[SHARED]["knowledge"].items()} == {
        "K1": ("scorm",),
        "K7": ("xapi",),
        "K15": ("xapi",),
    }

    # The rest of the same behaviour, within the documented limits of each source (docs/reporting.md):
    # Open edX counts an activity completed when its quiz was graded, so T3.1 (a reflection, no quiz) is not.
    for learner in rows:
        quiz_activities = {a: rows[learner]["activities"][a] for a in ("T1.1", "T3.3")}
        assert quiz_activities == {"T1.1": "completed", "T3.3": "completed"}
        want_t31 = "not_attempted" if learner == OPENEDX else "completed"
        assert rows[learner]["activities"]["T3.1"] == want_t31
    ratings = {
        (r["learner"], r["reflection"]): r["rating"] for a in report["attitudes"] for r in a["reflections"]
    }
    assert ratings == {(learner, rid): RATING for learner in rows for rid in ("R1", "R3")}
    # Open edX answers do not count in question difficulty (its events carry no per-question result).
    difficulty = {q["id"]: (q["answered"], q["correct"]) for q in report["questions"]}
    assert difficulty == {"Q1": (3, 3), "Q3": (3, 0)}
