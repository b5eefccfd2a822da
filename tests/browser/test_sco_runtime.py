"""The SCO in a real browser against the real SCORM API (scorm-again), for SCORM 1.2 and 2004."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from launch import launch
from sco_checks import no_lms_errors, objectives, passed
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "course_small"
VERSIONS = ["scorm12", "scorm2004"]


@pytest.fixture(scope="module")
def small() -> Course:
    return load_course([SMALL])


@pytest.mark.parametrize("version", VERSIONS)
def test_full_pass_on_a_builtin_module(
    version: str, builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T3", version)
    learner.do_everything(right=True)
    learner.goto("progress")
    assert learner.sco.locator("[data-module-status]").get_attribute("data-module-status") == "passed"
    autosaves = learner.autosaves()
    cmi = learner.quit()
    no_lms_errors(learner)
    assert learner.lms("finishes") == 1
    payload = learner.payload
    # Batched: one Commit at launch, one per answer and per reflection, one per task's submit and self-rating,
    # one per autosave of a draft (after a pause in typing), one on the way out.
    commits = [c for c in learner.lms("calls") if c["fn"] in ("LMSCommit", "Commit")]
    assert len(commits) == (
        2 + len(payload["questions"]) + len(payload["reflections"]) + 2 * len(payload["tasks"]) + autosaves
    )
    if version == "scorm12":
        assert cmi["core"]["lesson_status"] == "passed"
        assert cmi["core"]["score"]["raw"] == "100"
        assert cmi["core"]["exit"] == ""
    else:
        assert (cmi["completion_status"], cmi["success_status"]) == ("completed", "passed")
        assert cmi["score"]["scaled"] == "1"
        assert cmi["exit"] == "normal"
    objs = objectives(cmi)
    for k in payload["objectives"]["knowledge"]:
        assert passed(version, objs[k]), k
    for a in payload["objectives"]["attitudes"]:
        assert passed(version, objs[a]), a
    for activity in payload["objectives"]["activities"]:
        assert activity in objs
    interactions = {i["id"]: i for i in cmi["interactions"].values()}
    for q in payload["questions"]:
        got = interactions[q["id"]]
        assert [o["id"] for o in got["objectives"].values()] == q["knowledge"]
        assert got["result"] == "correct"
        assert got["correct_responses"]["0"]["pattern"]
        assert got["latency"]
    for r in payload["reflections"]:
        got = interactions[r["id"]]
        assert got["objectives"]["0"]["id"] == r["attitude"]
        assert got["type"] == ("fill-in" if version == "scorm12" else "long-fill-in")


@pytest.mark.parametrize("version", VERSIONS)
def test_wrong_answers_fail_the_affected_k_items(
    version: str, small: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, small, "M3", version)
    learner.do_everything(right=False)
    cmi = learner.quit()
    no_lms_errors(learner)
    objs = objectives(cmi)
    for k in ("K15", "K7"):  # the one question of M3 assesses both
        assert not passed(version, objs[k])
        assert objs[k]["status" if version == "scorm12" else "success_status"] == "failed"
    if version == "scorm12":
        assert cmi["core"]["lesson_status"] == "failed"
    else:
        assert cmi["success_status"] == "failed"
    interaction = next(i for i in cmi["interactions"].values() if i["id"] == "Q3")
    assert interaction["result"] == ("wrong" if version == "scorm12" else "incorrect")


@pytest.mark.parametrize("version", VERSIONS)
def test_suspend_and_resume_restores_page_and_answers(
    version: str, builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T3", version)
    payload = learner.payload
    first = payload["objectives"]["activities"][0]
    questions = [q for q in payload["questions"] if q["activity"] == first][:4]
    learner.goto(first)
    for i, q in enumerate(questions):
        learner.answer(q, right=i % 2 == 0)
    reflection = next(r for r in payload["reflections"] if r.get("activity") == first)
    draft = "還沒寫完的反思，\n第二行。"
    learner.sco.locator(f"[data-reflection-id='{reflection['id']}'][data-action=reflect]").fill(draft)
    outcomes = [
        learner.sco.locator(f"[data-question-id='{q['id']}'] .outcome").inner_text() for q in questions
    ]
    cmi = learner.quit()
    no_lms_errors(learner)
    if version == "scorm12":
        assert cmi["core"]["exit"] == "suspend" and cmi["core"]["lesson_location"] == first
    else:
        assert cmi["exit"] == "suspend" and cmi["location"] == first

    again = launch(browser, serve, tmp_path / "again", builtin_course, "T3", version, cmi=cmi)
    assert again.sco.locator("main").get_attribute("data-page") == first
    for q, outcome in zip(questions, outcomes, strict=True):
        assert again.sco.locator(f"[data-question-id='{q['id']}'] .outcome").inner_text() == outcome
        assert again.sco.locator(f"[data-question-id='{q['id']}'][data-action=submit]").is_hidden()
    area = again.sco.locator(f"[data-reflection-id='{reflection['id']}'][data-action=reflect]")
    assert area.input_value() == draft
    # The resumed attempt carries on: the next answer adds to the same record.
    rest = [q for q in payload["questions"] if q["activity"] == first][4]
    again.answer(rest)
    cmi2 = again.quit()
    no_lms_errors(again)
    ids = [i["id"] for i in cmi2["interactions"].values()]
    assert ids[: len(questions)] == [q["id"] for q in questions] and rest["id"] in ids


@pytest.mark.parametrize("version", VERSIONS)
def test_a_failing_commit_is_retried_and_the_learner_warned(
    version: str, small: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, small, "M1", version, query="&failCommits=3")
    banner = learner.sco.locator("[data-banner=commit-failed]")
    banner.wait_for(state="visible")  # the launch commit and its two retries all failed
    assert learner.lms("failedCommits") == 3
    learner.goto("T1.1")
    learner.answer(learner.payload["questions"][0])
    banner.wait_for(state="hidden")  # the next commit got through, and with it everything so far
    cmi = learner.quit()
    assert [o["id"] for o in cmi["interactions"].values()] == ["Q1"]


@pytest.mark.parametrize("version", VERSIONS)
def test_one_failed_commit_is_retried_silently(
    version: str, small: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, small, "M1", version, query="&failCommits=1")
    learner.page.wait_for_function("window.lms.commits >= 1")
    assert learner.lms("failedCommits") == 1
    assert learner.sco.locator("[data-banner=commit-failed]").is_hidden()


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("fault", ["noapi", "failInit"])
def test_without_a_working_api_the_sco_runs_standalone_and_resumes_from_local_storage(
    version: str, fault: str, small: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, small, "M1", version, query=f"&{fault}=1")
    assert learner.sco.locator("[data-banner=standalone]").is_visible()
    learner.goto("T1.1")
    learner.answer(learner.payload["questions"][0])
    learner.page.reload()
    learner.ready()
    assert learner.sco.locator("[data-banner=standalone]").is_visible()
    assert learner.sco.locator("main").get_attribute("data-page") == "T1.1"
    assert learner.sco.locator("[data-question-id=Q1][data-choice-id=a]").is_checked()
    assert learner.errors == []


def test_the_openedx_profile_reports_k_items_only(
    small: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, small, "M1", "scorm2004", profile="openedx")
    learner.do_everything()
    cmi = learner.quit()
    no_lms_errors(learner)
    assert cmi["interactions"] == {}
    assert set(objectives(cmi)) == {"K1"}
    assert (cmi["completion_status"], cmi["success_status"]) == ("completed", "passed")


def test_english_ui_with_lang_query(small: Course, browser: Any, serve: Any, tmp_path: Path) -> None:
    learner = launch(browser, serve, tmp_path, small, "M1", "scorm12", query="")
    assert learner.sco.locator("[data-action=next]").inner_text() == "下一頁"
    sco_url = learner.page.frame_locator("#sco").locator("html").evaluate("() => location.href")
    learner.page.goto(sco_url + "?lang=en")
    assert learner.page.locator("[data-action=next]").inner_text() == "Next"


SECOND_QUESTION = """
  - id: Q2
    type: true_false
    activity: T1.1
    knowledge: [K1]
    prompt: {prompt}
    answer: true
    feedback: {{correct: 對。, incorrect: 再想想。}}
    explanation: 說明。
"""


def course_with_second_question(folder: Path, prompt: str) -> Course:
    folder.mkdir(parents=True)
    text = (SMALL / "T1.yaml").read_text(encoding="utf-8")
    head, tail = text.split("reflections:", 1)
    (folder / "T1.yaml").write_text(
        head + SECOND_QUESTION.lstrip("\n").format(prompt=prompt) + "reflections:" + tail, encoding="utf-8"
    )
    return load_course([folder])


@pytest.mark.parametrize("version", VERSIONS)
def test_republished_module_keeps_unchanged_answers_and_drops_changed_ones_with_a_notice(
    version: str, browser: Any, serve: Any, tmp_path: Path
) -> None:
    before = course_with_second_question(tmp_path / "v1", "保溫瓶是商品嗎？")
    learner = launch(browser, serve, tmp_path / "site1", before, "M1", version)
    learner.goto("T1.1")
    for q in learner.payload["questions"]:
        learner.answer(q)
    cmi = learner.quit()

    after = course_with_second_question(tmp_path / "v2", "保溫瓶是實體商品嗎？")  # Q2 corrected
    again = launch(browser, serve, tmp_path / "site2", after, "M1", version, cmi=cmi)
    assert again.payload["contentHash"] != learner.payload["contentHash"]
    notice = again.sco.locator("[data-notice=dropped]")
    assert notice.is_visible() and "1" in notice.inner_text()
    assert again.sco.locator("[data-question-id=Q1][data-choice-id=a]").is_checked()
    assert again.sco.locator("[data-question-id=Q2][data-action=submit]").is_enabled()
    again.answer(next(q for q in again.payload["questions"] if q["id"] == "Q2"))
    cmi2 = again.quit()
    no_lms_errors(again)
    assert [i["id"] for i in cmi2["interactions"].values()] == ["Q1", "Q2", "Q2"]


def test_ordering_and_matching_work_from_the_keyboard_alone(
    builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T3", "scorm12")
    q = next(q for q in learner.payload["questions"] if q["type"] == "ordering")
    learner.goto(q["activity"])
    hook = f"[data-question-id='{q['id']}']"
    keyboard = learner.page.keyboard
    shown = learner.sco.locator(f"{hook} ol > li").evaluate_all("els => els.map(e => e.dataset.choiceId)")
    assert shown != q["answer"], "the items are shuffled, never shown in their right order"
    # Bubble each item into place with its "up" button: Enter keeps focus on the moved item's controls.
    for position, item in enumerate(q["answer"]):
        up = learner.sco.locator(f"{hook}[data-action=move-up][data-choice-id='{item}']")
        order = learner.sco.locator(f"{hook} ol > li").evaluate_all("els => els.map(e => e.dataset.choiceId)")
        if order.index(item) > position:
            up.focus()
        for _ in range(order.index(item) - position):
            keyboard.press("Enter")
            focused = learner.sco.locator(":focus")
            assert focused.get_attribute("data-choice-id") == item
    learner.sco.locator(f"{hook}[data-action=submit]").focus()
    keyboard.press("Enter")
    assert learner.sco.locator(f"{hook}.is-correct").is_visible()


def test_a_short_reflection_is_refused_with_a_message(
    small: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, small, "M1", "scorm12", query="")
    learner.goto("reflections")
    hook = "[data-reflection-id=R1]"
    learner.sco.locator(f"{hook}[data-action=reflect]").fill("太短")
    learner.sco.locator(f"{hook}[data-action=rate][data-choice-id='3']").check()
    learner.sco.locator(f"{hook}[data-action=submit-reflection]").click()
    assert "8" in learner.sco.locator(f"{hook} .message").inner_text()  # min_length 10, 2 written
    assert learner.sco.locator(f"{hook} .counter").inner_text().startswith("已寫 2 字")
    assert [c for c in learner.lms("calls") if c["args"][:1] == ["cmi.interactions.0.id"]] == []
