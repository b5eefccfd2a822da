"""The overview page and progress in a real browser against scorm-again: the start button, the page's place,
progress through the module as the learner works, the same progress and a resume button after a relaunch, progress
and score told apart, and axe-core finding nothing on the overview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from launch import launch
from sco_checks import no_lms_errors
from sco_site import AXE
from zhineng.modules.course import Course

VERSIONS = ["scorm12", "scorm2004"]


def progress(learner: Any) -> tuple[int, str, str]:
    """(percent, the progress line, the page's place) as the header shows them."""
    line = learner.sco.locator(".module-progress")
    return (
        int(line.get_attribute("data-module-progress")),
        learner.sco.locator(".progress-text").inner_text(),
        learner.sco.locator(".page-position").inner_text(),
    )


def percent(payload: dict[str, Any], visited: int, answered: int) -> int:
    every = (
        len(payload["objectives"]["activities"])
        + len(payload["questions"])
        + len(payload["reflections"])
        + len(payload["tasks"])
    )
    return 100 * (visited + answered) // every


@pytest.mark.parametrize("version", VERSIONS)
def test_progress_follows_the_learner_and_is_restored_on_resume(
    version: str, builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T3", version)
    payload = learner.payload
    acts = payload["objectives"]["activities"]
    pages = learner.sco.locator("[data-action=goto]").count()
    start = learner.sco.locator("[data-action=start]")
    assert start.inner_text() == "開始學習" and start.get_attribute("data-page") == acts[0]
    assert progress(learner) == (
        0,
        f"進度 0%：已瀏覽 0 / 3 個工作活動・已作答 0 / {len(payload['questions'])} 題",
        f"第 1 頁，共 {pages} 頁",
    )

    start.click()
    learner.sco.locator(f"main[data-page='{acts[0]}']").wait_for()
    assert learner.sco.locator("main h1").evaluate("h => h === document.activeElement")
    assert progress(learner)[2] == f"第 2 頁，共 {pages} 頁"
    assert "已瀏覽 1 / 3 個工作活動" in progress(learner)[1]
    questions = [q for q in payload["questions"] if q["activity"] == acts[0]][:3]
    for n, q in enumerate(questions, 1):
        learner.answer(q, right=n != 2)
        # Live: each answer moves the header's progress at once.
        assert f"已作答 {n} / {len(payload['questions'])} 題" in progress(learner)[1]
    before = progress(learner)
    assert before[0] == percent(payload, 1, 3) > 0

    cmi = learner.quit()
    no_lms_errors(learner)
    again = launch(browser, serve, tmp_path / "again", builtin_course, "T3", version, cmi=cmi)
    assert again.sco.locator("main").get_attribute("data-page") == acts[0]
    assert progress(again) == before
    again.goto("overview")
    resume = again.sco.locator("[data-action=start]")
    first = payload["labels"][acts[0]]
    assert resume.inner_text() == f"繼續學習：{first['label']} {first['text']}"
    assert resume.get_attribute("data-page") == acts[0]
    again.goto("progress")
    # Progress (how far) and score (how well) on lines of their own, each named.
    assert (
        again.sco.locator(".summary-progress")
        .inner_text()
        .startswith("進度：已瀏覽 1 / 3 個工作活動、已作答 3 / ")
    )
    assert again.sco.locator(".summary").inner_text().startswith("成績：")
    assert again.sco.locator("nav [data-page=progress]").inner_text() == "進度與成績"
    knowledge = again.sco.locator(".progress-table").first
    assert knowledge.locator("thead th").all_inner_texts() == ["項目", "成績", "進度", "狀態"]
    scores = knowledge.locator("tbody tr td:nth-of-type(1)").all_inner_texts()
    answered = knowledge.locator("tbody tr td:nth-of-type(2)").all_inner_texts()
    assert all(x.endswith("%") for x in scores) and all(x.startswith("已作答 ") for x in answered)


def test_english_overview_and_progress(
    builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T2", "scorm2004")
    module = builtin_course.module("T2")
    sco_url = learner.sco.locator("html").evaluate("() => location.href")
    page = learner.page
    page.goto(sco_url + "?lang=en")  # the SCO alone, in English
    page.locator("html[data-ready=true]").wait_for()
    assert page.locator("main h1").inner_text() == module.title
    facts = page.locator(".overview-facts").inner_text()
    assert (
        "Estimated time" in facts and "about 14 h" in facts and f"Questions\n{len(module.questions)}" in facts
    )
    assert page.locator("[data-action=start]").inner_text() == "Start"
    assert page.locator(".page-position").inner_text().startswith("Page 1 of ")
    assert page.locator(".progress-text").inner_text().startswith("Progress 0%: 0 of 5 activities visited")


@pytest.mark.parametrize("module_id", ["T1", "T2", "T3"])
def test_axe_finds_nothing_on_the_overview(
    module_id: str, builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, module_id, "scorm2004")
    frame = learner.page.main_frame.child_frames[0]
    frame.add_script_tag(path=str(AXE))
    result = frame.evaluate("axe.run(document.querySelector('main'), {resultTypes: ['violations']})")
    assert len(result["passes"]) > 5, "axe did not run its rules"
    assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    whole = frame.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in whole["violations"]] == []
