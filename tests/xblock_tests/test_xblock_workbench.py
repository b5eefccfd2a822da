"""The blocks in the real runtime: the xblock-sdk workbench on 127.0.0.1, driven by Debian's Chromium.

Each test uses its own learner (`?student=`), so they share one server and stay independent.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.quizzes.types import TYPES

from .browser import AXE, CHROMIUM, BrowserThread, axe_violations, post_json
from .test_xblock_answer_leak import secrets

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium", allow_module_level=True)
pytest.importorskip("workbench", reason="browser tests need the workbench: pip install 'xblock-sdk==0.14.0'")
pytest.importorskip("playwright.sync_api", reason="browser tests need the `playwright` package")

from .workbench import Workbench, start  # noqa: E402

COURSE: Course = load_course()
OUR_BLOCKS = ("zhineng_quiz", "zhineng_reflection", "zhineng_progress")


def olx_scenario() -> str:
    """Every one of our blocks in the OLX export, in one workbench page."""
    from zhineng.olx_export.package import olx_course

    root = ET.Element("vertical_demo")
    for f in olx_course(COURSE):
        if f.path.startswith("course/vertical/"):
            root.extend(el for el in ET.fromstring(f.data) if el.tag in OUR_BLOCKS)
    return ET.tostring(root, encoding="unicode")


@pytest.fixture(scope="module")
def workbench() -> Iterator[Workbench]:
    wb = start(olx_scenario())
    yield wb
    wb.stop()


def open_scenario(page: Any, wb: Workbench, scenario: str, student: str) -> None:
    page.goto(f"{wb.url}/scenario/{scenario}/?student={student}")
    page.wait_for_selector(".zhineng")


def answer_two(page: Any, tf: str, number: str) -> None:
    page.get_by_label(tf, exact=True).first.check()
    page.get_by_label("Your answer").first.fill(number)
    page.get_by_role("button", name="Submit answers").first.click()


def test_quiz_right_then_stored_and_graded(workbench: Workbench, browser: BrowserThread) -> None:
    def steps(page: Any) -> None:
        open_scenario(page, workbench, "zhineng_quiz.0", "right")
        answer_two(page, "False", "45")
        page.wait_for_selector(".zhineng-status:has-text('Score: 2 / 2')")
        assert page.locator(".zhineng-correct").count() == 2
        assert "Answer: False" in page.inner_text(".zhineng-quiz")  # finished + all correct: the key is shown
        state = json.loads(workbench.state("right", "zhineng_quiz")[0])
        assert state["attempts"] == 1 and state["submission"]["earned"] == 2.0
        assert state["submission"]["knowledge"]["K2"]["status"] == "mastered"
        assert "'value': 2.0, 'max_value': 2.0" in "".join(workbench.events("grade", "zhineng_quiz"))
        assessed = workbench.events("zhineng.knowledge.assessed", "zhineng_quiz")
        assert any("'knowledge_id': 'K2'" in e and "'mastered': True" in e for e in assessed)

    browser.run(steps)


def test_quiz_wrong_then_refused_after_max_attempts(workbench: Workbench, browser: BrowserThread) -> None:
    def steps(page: Any) -> None:
        open_scenario(page, workbench, "zhineng_quiz.0", "wrong")
        answer_two(page, "True", "81.8")
        page.wait_for_selector(".zhineng-status:has-text('Score: 0 / 2')")
        text = page.inner_text(".zhineng-quiz")
        assert "Not quite" in text and "加成率" in text and "Answer:" not in text
        assert page.get_by_role("button", name="Submit answers").is_hidden()
        page.get_by_role("button", name="Retry").click()
        assert page.get_by_label("True", exact=True).first.is_checked()  # the last answer, to change
        answer_two(page, "True", "81.8")
        page.wait_for_selector(".zhineng-status:has-text('You have used all your attempts')")
        assert "Attempt 2 of 2" in page.inner_text(".zhineng-quiz")
        assert "Answer: False" in page.inner_text(".zhineng-quiz")  # finished: out of attempts shows the key
        assert page.get_by_role("button", name="Retry").is_hidden()
        assert page.get_by_role("button", name="Submit answers").is_hidden()
        refused = post_json(page, "submit", json.dumps({"answers": {"T1-Q006": False, "T1-Q002": "45"}}))
        assert refused["status"] == 403 and "no attempts left" in refused["body"]
        assert json.loads(workbench.state("wrong", "zhineng_quiz")[0])["attempts"] == 2
        page.reload()
        page.wait_for_selector(".zhineng-status:has-text('You have used all your attempts')")

    browser.run(steps)


def test_ordering_and_matching_mark_each_part_then_show_the_key(
    workbench: Workbench, browser: BrowserThread
) -> None:
    questions = {q.id: q for q in COURSE.module("T1").questions}
    ordering, matching = questions["T1-Q018"], questions["T1-Q020"]

    def steps(page: Any) -> None:
        open_scenario(page, workbench, "zhineng_quiz.2", "parts")
        items = page.locator(".zhineng-order li")
        shown = items.evaluate_all("els => els.map(e => e.dataset.item)")  # never the key's order
        premises = [p.id for p in matching.premises]  # type: ignore[attr-defined]
        for n, premise in enumerate(premises):
            key = matching.answer[premise]  # type: ignore[attr-defined]
            wrong = next(o.id for o in matching.options if o.id != key)  # type: ignore[attr-defined]
            page.locator(f"select[data-premise='{premise}']").select_option(key if n < 2 else wrong)
        page.get_by_role("button", name="Submit answers").click()
        page.wait_for_selector(".zhineng-status:has-text('Score')")
        # Each item marked, by an icon and words a screen reader reads, and the wrong ones named in the live region.
        marks = items.evaluate_all("els => els.map(e => e.querySelector('.zhineng-mark').textContent)")
        answer = list(ordering.answer)  # type: ignore[attr-defined]
        assert marks == [
            "✓(in place)" if item == answer[i] else "✗(out of place)" for i, item in enumerate(shown)
        ]
        feedback = page.locator(".zhineng-question[data-type=ordering] .zhineng-feedback")
        assert feedback.get_attribute("aria-live") == "polite"
        assert "Out of place: " in feedback.inner_text()
        pairs = page.locator(".zhineng-matching li .zhineng-mark").evaluate_all(
            "els => els.map(e => e.dataset.mark)"
        )
        assert pairs == ["right", "right"] + ["wrong"] * (len(premises) - 2)
        assert "Not matched right: " in page.inner_text(".zhineng-question[data-type=matching]")
        text = page.inner_text(".zhineng-quiz")
        assert "Attempt 1 of 2" in text and "Answer:" not in text
        # Retry: both questions open again, holding the last answers; marks gone; focus on the first control.
        page.get_by_role("button", name="Retry").click()
        assert page.locator(".zhineng-mark").count() == 0
        assert page.evaluate("document.activeElement.closest('.zhineng-question') !== null")
        page.get_by_role("button", name="Submit answers").click()
        page.wait_for_selector(".zhineng-status:has-text('You have used all your attempts')")
        key = page.locator(".zhineng-question[data-type=ordering] .zhineng-answer").inner_text()
        texts = {i.id: i.text for i in ordering.items}  # type: ignore[attr-defined]
        assert key == "Answer: " + " → ".join(texts[i] for i in answer)
        page.reload()
        page.wait_for_selector(".zhineng-status:has-text('You have used all your attempts')")
        assert page.locator(".zhineng-order li .zhineng-mark").count() == len(answer)

    browser.run(steps)


def test_unanswered_quiz_is_caught_in_the_page(workbench: Workbench, browser: BrowserThread) -> None:
    def steps(page: Any) -> None:
        open_scenario(page, workbench, "zhineng_quiz.0", "hasty")
        page.get_by_role("button", name="Submit answers").click()
        assert "Answer every question" in page.inner_text(".zhineng-status")
        assert (
            workbench.state("hasty", "zhineng_quiz") == []
            or json.loads(workbench.state("hasty", "zhineng_quiz")[0]).get("attempts", 0) == 0
        )

    browser.run(steps)


def test_reflection_too_short_then_kept_across_reload(workbench: Workbench, browser: BrowserThread) -> None:
    def steps(page: Any) -> None:
        open_scenario(page, workbench, "zhineng_reflection.0", "writer")
        page.get_by_label("Your reflection").fill("太短")
        page.locator(".zhineng-rating input").nth(2).check()
        page.get_by_role("button", name="Save reflection").click()
        # The scenario is the built-in course's first reflection: its own minimum, whatever the content asks.
        minimum = f"write at least {COURSE.modules[0].reflections[0].min_length}"
        assert minimum in page.inner_text(".zhineng-status")
        # The server says the same when the page's own check is bypassed.
        short = post_json(page, "submit", json.dumps({"text": "太短", "rating": 3}))
        assert short["status"] == 400 and minimum in short["body"]
        text = "去年中秋檔期的 ROAS 目標我直接沿用前一年的 3.5。" * 6
        page.get_by_label("Your reflection").fill(text)
        page.get_by_role("button", name="Save reflection").click()
        page.wait_for_selector(".zhineng-status:has-text('Saved')")
        page.reload()
        page.wait_for_selector(".zhineng-reflection")
        assert page.get_by_label("Your reflection").input_value() == text
        assert page.locator(".zhineng-rating input").nth(2).is_checked()
        assert workbench.events("completion", "zhineng_reflection")

    browser.run(steps)


def test_progress_updates_after_the_quiz(workbench: Workbench, browser: BrowserThread) -> None:
    def steps(page: Any) -> None:
        open_scenario(page, workbench, "zhineng_progress.0", "learner")
        k2 = page.locator('[data-kind="knowledge"][data-id="K2"]')
        assert k2.get_attribute("data-status") == "not_attempted"
        answer_two(page, "False", "45")
        page.wait_for_selector('[data-kind="knowledge"][data-id="K2"][data-status="mastered"]')
        assert k2.inner_text() == "Mastered"
        assert page.locator('[data-kind="activities"][data-id="T1.1"]').inner_text() == "Completed"

    browser.run(steps)


@pytest.mark.parametrize(
    ("scenario", "index", "handler", "body", "message"),
    [
        ("zhineng_quiz.0", 0, "submit", "{not json", "Invalid JSON"),
        ("zhineng_quiz.0", 0, "submit", '{"answers": {"T9-Q9": true}}', "unknown question id"),
        (
            "zhineng_quiz.0",
            0,
            "submit",
            '{"answers": {"T1-Q006": 1, "T1-Q002": "1"}}',
            "expected true or false",
        ),
        (
            "zhineng_reflection.0",
            0,
            "submit",
            json.dumps({"text": "字" * 10_001, "rating": 3}),
            "longer than",
        ),
        ("zhineng_reflection.0", 0, "submit", '{"text": "ok", "rating": "five"}', "whole number"),
        ("zhineng_progress.0", 2, "refresh", '{"user": "x"}', "unknown key"),
    ],
    ids=["malformed", "unknown-id", "wrong-type", "oversize-text", "rating-type", "unknown-key"],
)
def test_bad_handler_input_is_400(
    workbench: Workbench,
    browser: BrowserThread,
    scenario: str,
    index: int,
    handler: str,
    body: str,
    message: str,
) -> None:
    def steps(page: Any) -> None:
        open_scenario(page, workbench, scenario, "mallory")
        reply = post_json(page, handler, body, index)
        assert reply["status"] == 400 and message in json.loads(reply["body"])["error"]

    browser.run(steps)


def test_no_answer_in_the_served_pages(workbench: Workbench, browser: BrowserThread) -> None:
    """Each served question's own fieldset and its block's JS init data carry none of its secrets.

    (Per question, as in the unit scan: one question's key may be another's prompt. The workbench's debug
    panel, which prints the scenario XML, is not the student view and is not scanned.)"""

    def steps(page: Any) -> None:
        by_id = {q.id: q for _m, q in COURSE.questions()}
        for scenario in ("zhineng_quiz.0", "zhineng_quiz.1", "zhineng_progress.1"):
            open_scenario(page, workbench, scenario, "peeker")
            served = page.evaluate(
                """() => Array.from(document.querySelectorAll('.zhineng-question')).map(fs => {
                    const block = fs.closest('.xblock-v1');
                    const init = block.querySelector('.xblock_json_init_args');
                    return [fs.dataset.qid, fs.outerHTML + (init ? JSON.parse(init.textContent).json : '')];
                })"""
            )
            assert served
            leaked = {qid: s for qid, html in served for s in secrets(by_id[qid]) if s in html}
            assert leaked == {}

    browser.run(steps)


@pytest.mark.parametrize(
    "scenario", ["zhineng_quiz.0", "zhineng_quiz.1", "zhineng_reflection.0", "zhineng_progress.0"]
)
def test_axe_finds_no_serious_violations(workbench: Workbench, browser: BrowserThread, scenario: str) -> None:
    def steps(page: Any) -> None:
        assert AXE.exists(), "run `npm ci` for axe-core"
        open_scenario(page, workbench, scenario, "axe")
        assert axe_violations(page) == []

    browser.run(steps)


def test_one_scenario_per_module_renders(workbench: Workbench, browser: BrowserThread) -> None:
    def steps(page: Any) -> None:
        for i, module in enumerate(COURSE.modules, start=1):
            open_scenario(page, workbench, f"zhineng_progress.{i}", "modules")
            activities = {q.activity for q in module.questions}
            assert page.locator(".zhineng-quiz").count() == len(activities)
            assert page.locator(".zhineng-reflection").count() == len(module.reflections)
            assert page.locator(".zhineng-progress").count() == 1

    browser.run(steps)


def test_workbench_parses_and_renders_every_block_of_the_olx_export(
    workbench: Workbench, browser: BrowserThread
) -> None:
    def steps(page: Any) -> None:
        expected = {tag: olx_scenario().count(f"<{tag} ") for tag in OUR_BLOCKS}
        open_scenario(page, workbench, "zhineng_olx_check.0", "olx")
        assert page.locator(".zhineng-quiz").count() == expected["zhineng_quiz"]
        assert page.locator(".zhineng-reflection").count() == expected["zhineng_reflection"]
        assert page.locator(".zhineng-progress").count() == expected["zhineng_progress"] == 1
        assert page.locator(".zhineng-problem").count() == 0
        assert axe_violations(page) == []

    browser.run(steps)


READ_ALL = """() => Array.from(document.querySelectorAll('.zhineng-question')).map(fs =>
    [fs.dataset.qid, window.ZhinengQuizTypes[fs.dataset.type].read(fs)])"""


def test_every_question_type_reads_back_what_it_shows_and_scores_full(
    workbench: Workbench, browser: BrowserThread
) -> None:
    """Each type's block reader (xblocks/qtypes/, found through the registry) shows its type's right response and
    reads it back; the server gives it full marks; after a reload the block shows the stored responses again."""
    by_id = {q.id: q for _m, q in COURSE.questions()}

    def steps(page: Any) -> None:
        open_scenario(page, workbench, "zhineng_quiz.1", "keys")
        qids = page.eval_on_selector_all(".zhineng-question", "all => all.map(fs => fs.dataset.qid)")
        assert {by_id[qid].type for qid in qids} == set(TYPES)
        right = {qid: TYPES[by_id[qid].type].right_response(by_id[qid]) for qid in qids}
        page.evaluate(
            """(answers) => document.querySelectorAll('.zhineng-question').forEach(fs =>
                window.ZhinengQuizTypes[fs.dataset.type].write(fs, answers[fs.dataset.qid]))""",
            right,
        )
        assert dict(page.evaluate(READ_ALL)) == right
        page.get_by_role("button", name="Submit answers").press("Enter")
        total = sum(by_id[qid].points for qid in qids)
        page.wait_for_selector(f".zhineng-status:has-text('Score: {total:g} / {total:g}')")
        # Focus lands on the score the submit produced, not on <body>.
        assert page.evaluate("document.activeElement.className") == "zhineng-status"
        page.reload()
        page.wait_for_selector(f".zhineng-status:has-text('Score: {total:g} / {total:g}')")
        assert dict(page.evaluate(READ_ALL)) == right
        assert axe_violations(page) == []  # with the results, feedback and key shown

    browser.run(steps)


def test_ordering_moves_with_the_keyboard_and_says_where_to(
    workbench: Workbench, browser: BrowserThread
) -> None:
    by_id = {q.id: q for _m, q in COURSE.questions()}

    def steps(page: Any) -> None:
        open_scenario(page, workbench, "zhineng_quiz.1", "mover")
        fs = page.locator('.zhineng-question[data-type="ordering"]').first
        key = by_id[fs.get_attribute("data-qid")].model_dump()["answer"]
        for target, item in enumerate(key):
            while fs.locator(".zhineng-order li").nth(target).get_attribute("data-item") != item:
                fs.locator(f'li[data-item="{item}"] .zhineng-up').press("Enter")
                # Focus stays on the button pressed, and the item's new place is announced.
                assert page.evaluate("document.activeElement.className") == "zhineng-up"
                assert "Moved to position" in fs.locator(".zhineng-sr").inner_text()
        shown = [li.get_attribute("data-item") for li in fs.locator(".zhineng-order li").all()]
        assert shown == key

    browser.run(steps)


def test_studio_view_saves_settings_and_refuses_bad_ones(
    workbench: Workbench, browser: BrowserThread
) -> None:
    def steps(page: Any) -> None:
        page.goto(f"{workbench.url}/scenario/zhineng_reflection.0/studio_view/?student=author")
        page.wait_for_selector(".zhineng-studio")
        assert axe_violations(page) == []
        page.get_by_label("Minimum length").fill("30")
        page.get_by_role("button", name="Save").click()
        page.wait_for_selector(".zhineng-status:has-text('Saved.')")
        page.get_by_label("Self-rating anchors (five lines, for 1 to 5)").fill("only one line")
        page.get_by_role("button", name="Save").click()
        page.wait_for_selector(".zhineng-status:has-text('five self-rating anchors')")
        page.goto(f"{workbench.url}/scenario/zhineng_reflection.0/?student=author")
        assert "Write at least 30 characters." in page.inner_text(".zhineng-reflection")
        # Settings are shared by every learner of the scenario: put the authored value back.
        page.goto(f"{workbench.url}/scenario/zhineng_reflection.0/studio_view/?student=author")
        page.get_by_label("Minimum length").fill("120")
        page.get_by_role("button", name="Save").click()
        page.wait_for_selector(".zhineng-status:has-text('Saved.')")

    browser.run(steps)


def test_a_zh_tw_platform_shows_the_blocks_and_their_studio_editors_in_zh_tw(
    workbench: Workbench, browser: BrowserThread
) -> None:
    def steps(page: Any) -> None:
        open_scenario(page, workbench, "zhineng_quiz.0", "zh-tw-learner")
        quiz = page.inner_text(".zhineng-quiz")
        assert "送出答案" in quiz and "Submit answers" not in quiz
        page.goto(f"{workbench.url}/scenario/zhineng_reflection.0/studio_view/?student=zh-tw-author")
        page.wait_for_selector(".zhineng-studio")
        assert page.get_by_role("button", name="儲存").count() == 1
        assert page.get_by_role("button", name="取消").count() == 1
        assert axe_violations(page) == []

    browser.run(steps, locale="zh-TW")


def test_studio_editors_follow_studio_markup(workbench: Workbench, browser: BrowserThread) -> None:
    def steps(page: Any) -> None:
        for scenario in ("zhineng_quiz.0", "zhineng_reflection.0", "zhineng_progress.0"):
            page.goto(f"{workbench.url}/scenario/{scenario}/studio_view/?student=markup")
            page.wait_for_selector(".zhineng-studio")
            editors = page.locator(".zhineng-studio")
            for i in range(editors.count()):  # a scenario may hold more than one block
                editor = editors.nth(i)
                entries = editor.locator(
                    ".wrapper-comp-settings .list-input.settings-list > li.comp-setting-entry"
                )
                assert entries.count() >= 1, scenario
                assert editor.locator("li.comp-setting-entry label.setting-label").count() == entries.count()
                assert editor.locator(".xblock-actions .action-item .save-button.action-primary").count() == 1
                assert editor.locator(".xblock-actions .action-item .cancel-button").count() == 1
            editors.first.locator(
                ".cancel-button"
            ).click()  # the workbench has no runtime.notify: nothing breaks

    browser.run(steps)
