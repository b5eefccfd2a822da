"""Every authored text a script-injection payload, through the OLX export into the workbench: every block's
student view (before and after a submission, as rendered by the server and by its own script) and Studio
view runs no script of the author's: no dialog, no event-handler attribute, no javascript: link."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from xss_course import ACTIVE_MARKUP_JS, xss_course
from zhineng.modules.course import Course
from zhineng.quizzes.model import (
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)

from .browser import CHROMIUM, BrowserThread, post_json

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium", allow_module_level=True)
pytest.importorskip("workbench", reason="browser tests need the workbench: pip install 'xblock-sdk==0.14.0'")
pytest.importorskip("playwright.sync_api", reason="browser tests need the `playwright` package")

from .workbench import Workbench, start  # noqa: E402

OUR_BLOCKS = ("zhineng_quiz", "zhineng_reflection", "zhineng_progress")


def blocks_of(course: Course) -> list[ET.Element]:
    from zhineng.olx_export.package import olx_course

    found = []
    for f in olx_course(course):
        if f.path.startswith("course/vertical/"):
            found += [el for el in ET.fromstring(f.data) if el.tag in OUR_BLOCKS]
    for el in found:
        if el.tag == "zhineng_quiz":
            el.set("show_answer", "attempted")  # keys and explanations shown after any submission
    return found


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    return xss_course(tmp_path_factory.mktemp("xss") / "course")


@pytest.fixture(scope="module")
def workbench(course: Course) -> Iterator[tuple[Workbench, int]]:
    """Scenario 0: every block on one page; then one scenario per block, for its Studio view."""
    blocks = blocks_of(course)
    page = ET.Element("vertical_demo")
    page.extend(blocks)
    scenarios = [("all", ET.tostring(page, encoding="unicode"))]
    scenarios += [(f"{el.tag} {i}", ET.tostring(el, encoding="unicode")) for i, el in enumerate(blocks)]
    wb = start(json.dumps(scenarios))
    yield wb, len(blocks)
    wb.stop()


def any_response(q: Question) -> Any:
    """A well-formed response, right or wrong: the policy shows the key after any submission."""
    if isinstance(q, SingleChoice):
        return q.choices[0].id
    if isinstance(q, MultipleResponse):
        return [q.choices[0].id]
    if isinstance(q, Ordering):
        return [i.id for i in q.items]
    if isinstance(q, Matching):
        return {q.premises[0].id: q.options[0].id}
    if isinstance(q, TrueFalse):
        return True
    return "1" if isinstance(q, Numeric) else "x"  # numeric, short text


def watch(page: Any) -> list[str]:
    dialogs: list[str] = []

    def caught(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", caught)
    return dialogs


def active_markup(page: Any) -> list[str]:
    return page.locator("body").evaluate(ACTIVE_MARKUP_JS)  # type: ignore[no-any-return]


def test_student_views_before_and_after_submission(
    workbench: tuple[Workbench, int], browser: BrowserThread, course: Course
) -> None:
    wb, _count = workbench
    questions = {q.id: q for _m, q in course.questions()}

    def steps(page: Any) -> None:
        dialogs = watch(page)
        page.goto(f"{wb.url}/scenario/zhineng_olx_check.0/?student=xss")
        page.wait_for_selector(".zhineng-quiz")
        seen = active_markup(page)
        kinds = page.locator('.xblock-v1[data-block-type^="zhineng_"]').evaluate_all(
            "els => els.map(e => e.dataset.blockType)"
        )
        for index, kind in enumerate(kinds):
            if kind == "zhineng_quiz":
                block = page.locator('.xblock-v1[data-block-type^="zhineng_"]').nth(index)
                ids = block.locator(".zhineng-question").evaluate_all("els => els.map(e => e.dataset.qid)")
                body = {"answers": {qid: any_response(questions[qid]) for qid in ids}}
                reply = post_json(page, "submit", json.dumps(body), index)
                assert reply["status"] == 200, reply
            elif kind == "zhineng_reflection":
                reply = post_json(
                    page, "submit", json.dumps({"text": "我會逐項檢查。" * 60, "rating": 4}), index
                )
                assert reply["status"] == 200, reply
        # After the submissions: the server renders the stored state, and each block's script shows the last
        # outcome (the authored feedback, keys and explanations) with the same code that shows a submit's reply.
        page.reload()
        page.wait_for_selector(".zhineng-quiz")
        page.wait_for_load_state("load")  # the blocks' scripts run on load
        seen += active_markup(page)
        assert "alert(" in page.inner_text(".zhineng-quiz")  # the payloads are on the page, as text
        assert dialogs == [] and seen == []

    browser.run(steps)


def test_studio_views(workbench: tuple[Workbench, int], browser: BrowserThread) -> None:
    wb, count = workbench

    def steps(page: Any) -> None:
        dialogs = watch(page)
        seen: list[str] = []
        for n in range(1, count + 1):
            page.goto(f"{wb.url}/scenario/zhineng_olx_check.{n}/studio_view/?student=author")
            page.wait_for_selector(".zhineng-studio")
            seen += active_markup(page)
        assert dialogs == [] and seen == []

    browser.run(steps)
