"""A performance task in the SCO, in Chromium against scorm-again: write a deliverable, leave it half-written,
come back to it, submit, rate it against the rubric, see the exemplar; what SCORM 2004 and 1.2 record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from launch import launch
from learner import Learner
from sco_checks import no_lms_errors, objectives
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.scorm_export.budget import b36_len
from zhineng.scorm_export.package import build_packages
from zhineng.scorm_export.saved_state import fnv6, saved_tasks

TASKS = Path(__file__).resolve().parents[1] / "fixtures" / "course_tasks"
VERSIONS = ["scorm12", "scorm2004"]


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course([TASKS])


def suspend_data(version: str, cmi: dict[str, Any]) -> str:
    return str(cmi["suspend_data"])


def autosaved(learner: Learner, at_least: int = 1) -> None:
    """Wait for the debounced autosave to have committed."""
    frame = learner.page.main_frame.child_frames[0]
    frame.wait_for_function(f"window.Zhineng.player.draftSaves >= {at_least}")


def on_task_page(
    browser: Any, serve: Any, site: Path, course: Course, version: str, **options: Any
) -> Learner:
    """The fixture module's SCO, launched and on its one task's page."""
    learner = launch(browser, serve, site, course, "M3", version, **options)
    learner.goto("task:M3-task")
    return learner


def field(learner: Learner, task: dict[str, Any], field_id: str, rest: str = "") -> Any:
    return learner.sco.locator(f"{learner.task_hook(task)}[data-field-id={json.dumps(field_id)}]{rest}")


@pytest.mark.parametrize("version", VERSIONS)
def test_a_half_written_deliverable_resumes_then_is_submitted_rated_and_recorded(
    version: str, course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, course, "M3", version)
    [task] = learner.payload["tasks"]
    # The task's page follows its activity's page.
    keys = learner.sco.locator("[data-action=goto]").evaluate_all("els => els.map(e => e.dataset.page)")
    assert keys.index("task:M3-task") == keys.index(task["activity"]) + 1
    learner.goto("task:M3-task")
    draft = "官網滿意度較高，\n蝦皮還沒寫完"
    field(learner, task, "analysis", "[data-action=task-text]").fill(draft)
    cells = field(learner, task, "stats", "[data-action=task-cell]")
    cells.nth(0).fill("官網")
    cells.nth(1).fill("120")
    cells.nth(2).fill("96")
    # Computed column and totals, by the shared formula rule.
    assert (
        learner.sco.locator(".field[data-field-id=stats] output[data-column-id=rate]").first.inner_text()
        == "80%"
    )
    assert learner.sco.locator(".field[data-field-id=stats] [data-total-id=total]").inner_text() == "120"
    autosaved(learner)
    cmi = learner.quit()
    no_lms_errors(learner)
    saved = saved_tasks(suspend_data(version, cmi))[fnv6("M3-task")]
    assert saved.status == "draft"
    assert saved.values == {"stats": [["官網", "120", "96"]], "analysis": draft}
    # A draft is never an interaction.
    assert not any("M3-task" in i["id"] for i in (cmi.get("interactions") or {}).values())

    again = launch(browser, serve, tmp_path / "again", course, "M3", version, cmi=cmi)
    assert again.sco.locator("main").get_attribute("data-page") == "task:M3-task"
    assert field(again, task, "analysis", "[data-action=task-text]").input_value() == draft
    assert field(again, task, "stats", "[data-action=task-cell]").nth(1).input_value() == "120"
    # Submit refuses what is missing, says what, and moves focus to it.
    again.sco.locator("[data-action=submit-task]").click()
    problems = again.sco.locator("[data-task-problems='M3-task']")
    said = problems.inner_text()
    assert "「滿意度分析」還差" in said and "「交件前核對」請至少勾選一項" in said
    analysis = field(again, task, "analysis", "[data-action=task-text]")
    assert analysis.evaluate("e => e === document.activeElement")  # the first field with a problem
    field(again, task, "checks", "[data-item-id=sum]").check()
    field(again, task, "sheet", "[data-action=task-link]").fill("not a url")
    again.sco.locator("[data-action=submit-task]").click()
    assert "http" in problems.inner_text()
    field(again, task, "sheet", "[data-action=task-link]").fill("https://docs.example.com.tw/s/1")
    field(again, task, "analysis", "[data-action=task-text]").fill(draft + "，原因是到貨時間較長。")
    again.submit_task(task)
    assert again.sco.locator("[data-task-self-rating='M3-task'] h2").evaluate(
        "e => e === document.activeElement"
    )
    assert again.sco.locator("[data-task-exemplar='M3-task']").is_hidden()  # only after the self-rating
    again.sco.locator("[data-action=submit-self-rating]").click()
    assert "2" in again.sco.locator("[data-task-self-rating='M3-task'] [role=alert]").inner_text()
    again.self_rate(task, level=3)
    exemplar = again.sco.locator("[data-task-exemplar='M3-task']")
    assert "官網滿意度 80.0%" in exemplar.inner_text()
    assert "5 / 6" in again.sco.locator("[data-task-points='M3-task']").inner_text()  # 3 of 4 + 2 of 2
    again.goto("progress")
    assert "已自評，待講師評分" in again.sco.locator("[data-objective-id='M3-task']").inner_text()
    cmi2 = again.quit()
    no_lms_errors(again)

    record = saved_tasks(suspend_data(version, cmi2))[fnv6("M3-task")]
    assert (record.status, record.cut, record.levels) == ("self_rated", False, (3, 3))
    interactions = {i["id"]: i for i in cmi2["interactions"].values()}
    response = "student_response" if version == "scorm12" else "learner_response"
    for criterion, level in (("accuracy", "3"), ("insight", "3")):
        got = interactions[f"M3-task/self/{criterion}"]
        assert (got["type"], got[response], got["result"]) == ("likert", level, "neutral")
        c = next(c for c in task["rubric"] if c["id"] == criterion)
        assert [o["id"] for o in got["objectives"].values()] == c["indicators"]
    parts = {k: v for k, v in interactions.items() if "/self/" not in k and k.startswith("M3-task/")}
    if version == "scorm12":
        assert parts == {}  # 1.2 keeps the deliverable in suspend_data only
    else:
        assert sorted(parts) == ["M3-task/analysis", "M3-task/checks", "M3-task/sheet", "M3-task/stats"]
        for got in parts.values():
            assert got["type"] == "long-fill-in" and got["result"] == "neutral"
            assert [o["id"] for o in got["objectives"].values()] == task["outputs"]
        assert parts["M3-task/stats"]["learner_response"] == '[["官網","120","96"]]'
        assert parts["M3-task/checks"]["learner_response"] == '["sum"]'
        assert parts["M3-task/sheet"]["learner_response"] == "https://docs.example.com.tw/s/1"
        # The newline is a space: scorm-again's 2004 pattern takes one line; the saved state keeps it.
        assert parts["M3-task/analysis"]["learner_response"].startswith("官網滿意度較高， 蝦皮還沒寫完")
        assert parts["M3-task/analysis"]["description"] == "滿意度分析"
    # A self-rating is no evidence: the module's K items and status come from the question alone.
    objs = objectives(cmi2)
    assert "M3-task" not in objs and "P3.2.3" not in objs


def test_12_says_what_does_not_fit_and_offers_the_whole_deliverable(
    course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = on_task_page(browser, serve, tmp_path, course, "scorm12")
    [task] = learner.payload["tasks"]
    room = learner.payload["limits"]["textRoom"]
    long = "長" * 4000
    learner.write_task(task, text=long)
    autosaved(learner)
    said = learner.sco.locator("[data-task-room='M3-task']").inner_text()
    need = len(
        json.dumps(
            {
                "stats": [
                    ["官網", str(40 + 40 * n), str(40 + 40 * n)]
                    for n in range(task["deliverable"][0]["rows"]["min"])
                ],
                "analysis": long,
                "checks": ["sum", "privacy"],
                "sheet": "https://shop.example.com.tw/p/1",
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
    )
    assert need > room
    kept = room  # the body's room: its length digits come out of the same room (state.js taskRoom)
    while kept + b36_len(kept) - 1 > room:
        kept -= 1
    assert f"只能為這份草稿保存 {kept} 個字元，目前需要 {need} 個字元" in said
    learner.submit_task(task)
    outcome = learner.sco.locator("[data-task-outcome='M3-task']").inner_text()
    assert f"共 {need} 個字元" in outcome and "下載作品" in outcome
    href = learner.sco.locator("[data-action=download-deliverable]").get_attribute("href")
    assert href.startswith("data:text/plain")
    text = unquote(href.split(",", 1)[1])
    assert long in text and "滿意度（%）" in text and "[x] 各通路評價數加總等於總評價數" in text
    cmi = learner.quit()
    no_lms_errors(learner)
    data = suspend_data("scorm12", cmi)
    assert len(data) <= 4096
    record = saved_tasks(data)[fnv6("M3-task")]
    assert record.status == "submitted" and record.cut
    assert record.values["analysis"] != long and long.startswith(record.values["analysis"])


def test_a_phone_wide_task_page_scrolls_its_table_not_the_page(
    course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = on_task_page(browser, serve, tmp_path, course, "scorm2004")
    learner.page.set_viewport_size({"width": 390, "height": 844})
    frame = learner.page.main_frame.child_frames[0]
    width = frame.evaluate("document.documentElement.clientWidth")
    assert frame.evaluate("document.documentElement.scrollWidth") <= width
    boxes = learner.sco.locator(".field-table .table-scroll")
    assert boxes.evaluate("e => e.scrollWidth > e.clientWidth")  # the table scrolls inside its own box
    # Every level of a criterion is one label: a tap anywhere on its row picks it.
    learner.write_task(learner.payload["tasks"][0])
    learner.submit_task(learner.payload["tasks"][0])
    level = learner.sco.locator("[data-criterion-id=accuracy] label.level").nth(2)
    level.locator(".descriptor").click()
    assert level.locator("input").is_checked()


def test_standalone_from_disk_keeps_the_draft_in_the_browser(
    course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    # No LMS: the package opened from a plain server, as from disk; a reload resumes from localStorage.
    learner = launch(browser, serve, tmp_path, course, "M3", "scorm2004", query="&noapi=1")
    assert learner.sco.locator("[data-banner=standalone]").is_visible()
    [task] = learner.payload["tasks"]
    learner.goto("task:M3-task")
    field(learner, task, "analysis", "[data-action=task-text]").fill("離線時寫的草稿")
    autosaved(learner)
    learner.page.reload()
    again = Learner(learner.page, learner.payload).ready()
    again.goto("task:M3-task")
    assert field(again, task, "analysis", "[data-action=task-text]").input_value() == "離線時寫的草稿"


def test_axe_finds_no_serious_violation_on_a_task_page_at_each_step(
    course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    from test_accessibility import scan

    learner = on_task_page(browser, serve, tmp_path, course, "scorm2004")
    [task] = learner.payload["tasks"]
    found = {"empty": scan(learner)}
    learner.sco.locator("[data-action=submit-task]").click()  # the problems listed
    found["problems"] = scan(learner)
    learner.write_task(task)
    learner.submit_task(task)
    found["self-rating"] = scan(learner)
    learner.self_rate(task)
    found["exemplar"] = scan(learner)
    learner.goto("progress")
    found["progress"] = scan(learner)
    assert {k: v for k, v in found.items() if v} == {}


def test_from_file_url_a_draft_survives_a_reload(course: Course, browser: Any, tmp_path: Path) -> None:
    """Offline, from disk, no LMS: the draft is kept in this browser's localStorage and comes back."""
    [(_name, files)] = build_packages(course, "scorm12", layout="per-module", modules=["M3"])
    for f in files:
        (tmp_path / f.path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f.path).write_bytes(f.data)
    page = browser.new_page()
    page.goto((tmp_path / "sco" / "M3" / "index.html").as_uri())
    page.locator("html[data-ready=true]").wait_for()
    assert page.locator("[data-banner=standalone]").is_visible()
    page.locator("[data-action=goto][data-page='task:M3-task']").click()
    page.locator("[data-field-id=checks][data-item-id=privacy]").check()
    page.locator("[data-field-id=analysis][data-action=task-text]").fill("從光碟開的課程，\n離線寫的草稿")
    page.wait_for_function("window.Zhineng.player.draftSaves >= 1")
    page.reload()
    page.locator("html[data-ready=true]").wait_for()
    assert page.locator("main").get_attribute("data-page") == "task:M3-task"
    assert (
        page.locator("[data-field-id=analysis][data-action=task-text]").input_value()
        == "從光碟開的課程，\n離線寫的草稿"
    )
    assert page.locator("[data-field-id=checks][data-item-id=privacy]").is_checked()
    page.close()


def test_a_paste_past_the_maximum_is_kept_whole_said_and_refused_on_submit(
    course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    from test_sco_evidence import clipboard_paste

    learner = on_task_page(browser, serve, tmp_path, course, "scorm2004")
    [task] = learner.payload["tasks"]
    learner.write_task(task)
    text = "貼上的長篇分析，" * 600  # 4,800 characters, over max_length 4,000
    box = "[data-field-id=analysis][data-action=task-text]"
    learner.sco.locator(box).fill("")
    clipboard_paste(learner, box, text)
    assert learner.sco.locator(box).input_value() == text  # nothing of the paste dropped
    assert "4800" in learner.sco.locator("[data-announce=paste][data-field-id=analysis]").inner_text()
    learner.sco.locator("[data-action=submit-task]").click()
    assert "上限 4000 字" in learner.sco.locator("[data-task-problems='M3-task']").inner_text()
    autosaved(learner)
    cmi = learner.quit()
    assert (
        saved_tasks(cmi["suspend_data"])[fnv6("M3-task")].values["analysis"] == text
    )  # the draft kept whole
