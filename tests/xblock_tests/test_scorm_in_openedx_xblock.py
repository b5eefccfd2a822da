"""Our per-module SCORM packages in openedx-scorm-xblock (from PyPI) in the xblock-sdk workbench, driven by Chromium.

The package is uploaded through the block's studio_submit handler with the form its Studio view sends. That LMS
never says cmi.entry = "resume" and answers "" for cmi.interactions._count: a relaunch must still restore every
answer and append interactions after the first session's, never over them.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import closing
from typing import Any

import pytest
from zhineng.modules.loader import load_course
from zhineng.scorm_export.package import build_packages

from zhineng.files import zip_bytes

from .browser import CHROMIUM, BrowserThread

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium", allow_module_level=True)
pytest.importorskip("workbench", reason="browser tests need the workbench: pip install 'xblock-sdk==0.14.0'")
pytest.importorskip("openedxscorm", reason="pip install 'openedx-scorm-xblock==19.0.5' (a test dependency)")

from .workbench import Workbench, start  # noqa: E402

MODULE = "T3"
SCENARIO = "<vertical_demo><scorm/></vertical_demo>"  # the block's entry point is `scorm`


@pytest.fixture(scope="module")
def workbench() -> Iterator[Workbench]:
    wb = start(SCENARIO)
    try:
        yield wb
    finally:
        wb.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserThread]:
    """Chromium on a thread of its own, closed with this module."""
    with closing(BrowserThread()) as chromium:
        yield chromium


def scenario_url(wb: Workbench, student: str) -> str:
    return f"{wb.url}/scenario/zhineng_olx_check.0/?student={student}"


def upload(page: Any, zip_data: bytes, name: str) -> dict[str, Any]:  # {status, body}
    """POST the package to studio_submit with the fields the block's Studio form sends (studio.js)."""
    return page.evaluate(  # type: ignore[no-any-return]
        """([b64, name]) => {
            const block = document.querySelector('.xblock-v1[data-block-type="scorm"]');
            const url = handlerBaseUrl + block.dataset.usage + '/studio_submit/?student=' + studentId;
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const form = new FormData();
            form.append('file', new File([bytes], name, {type: 'application/zip'}));
            const fields = {display_name: 'zhineng', has_score: '1', enable_navigation_menu: '0',
                            enable_fullscreen_button: '0', weight: '1', width: '', height: '800',
                            navigation_menu_width: '', popup_on_launch: '0'};
            Object.entries(fields).forEach(([k, v]) => form.append(k, v));
            const token = (document.cookie.match(/csrftoken=([^;]+)/) || [])[1] || '';
            return fetch(url, {method: 'POST', body: form, credentials: 'same-origin',
                               headers: {'X-CSRFToken': token}})
              .then(r => r.text().then(t => ({status: r.status, body: t})));
        }""",
        [base64.b64encode(zip_data).decode(), name],
    )


def sco(page: Any) -> Any:
    frame = page.frame_locator("iframe.scorm-embedded")
    frame.locator("html[data-ready=true]").wait_for(timeout=60_000)
    return frame


def goto(frame: Any, key: str) -> None:
    frame.locator(f"[data-action=goto][data-page={json.dumps(key)}]").click()
    frame.locator(f"main[data-page={json.dumps(key)}]").wait_for()


def answer_true_false_or_single(frame: Any, q: dict[str, Any]) -> None:
    hook = f"[data-question-id={json.dumps(q['id'])}]"
    if q["type"] == "true_false":
        frame.locator(f"{hook}[data-choice-id={json.dumps(str(q['answer']).lower())}]").check()
    else:
        pick = next(c for c in q["choices"] if c["correct"])
        frame.locator(f"{hook}[data-choice-id={json.dumps(pick['id'])}]").check()
    frame.locator(f"{hook}[data-action=submit]").click()
    frame.locator(f"{hook}.is-correct, {hook}.is-incorrect").wait_for()


def stored(wb: Workbench, student: str) -> dict[str, str]:
    [state] = wb.state(student, "scorm")
    return json.loads(state)["scorm_data"]  # type: ignore[no-any-return]


def row_ids(data: dict[str, str], kind: str) -> list[str]:
    """The ids of cmi.<kind>.0, 1, ... as the block stored them."""
    n = 0
    out = []
    while f"cmi.{kind}.{n}.id" in data:
        out.append(data[f"cmi.{kind}.{n}.id"])
        n += 1
    return out


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_relaunch_restores_answers_and_keeps_every_interaction(
    version: str, workbench: Workbench, browser: BrowserThread
) -> None:
    course = load_course()
    [(name, files)] = build_packages(course, version, layout="per-module", modules=[MODULE])
    payload_js = next(f.data for f in files if f.path == f"sco/{MODULE}/data.js").decode()
    payload = json.loads(payload_js.strip().removeprefix("window.ZHINENG_SCO = ").removesuffix(";"))
    simple = [q for q in payload["questions"] if q["type"] in ("true_false", "single_choice")]
    first, later = simple[:3], simple[3]
    student = f"learner-{version}"

    def first_session(page: Any) -> None:
        page.goto(scenario_url(workbench, student))
        page.wait_for_selector('.xblock-v1[data-block-type="scorm"]', state="attached")
        sent = upload(page, zip_bytes(files), name)
        assert (sent["status"], json.loads(sent["body"] or "null")) == (
            200,
            {"result": "success", "errors": []},
        ), sent["body"][-3000:] + (workbench.folder / "server.log").read_text(errors="replace")[-3000:]
        page.goto(scenario_url(workbench, student))
        frame = sco(page)
        for q in first:
            goto(frame, q["activity"])
            answer_true_false_or_single(frame, q)
        page.wait_for_load_state("networkidle")
        page.goto("about:blank")  # the learner leaves: pagehide

    browser.run(first_session)
    data = stored(workbench, student)
    assert data.get("cmi.core.entry", data.get("cmi.entry", "")) in ("", None)  # this LMS never says "resume"
    assert row_ids(data, "interactions") == [q["id"] for q in first]
    objectives = row_ids(data, "objectives")

    def relaunch(page: Any) -> None:
        page.goto(scenario_url(workbench, student))
        frame = sco(page)
        for q in first:
            goto(frame, q["activity"])
            hook = f"[data-question-id={json.dumps(q['id'])}]"
            assert frame.locator(f"{hook}[data-action=submit]").is_hidden(), q["id"]  # answered, restored
        goto(frame, later["activity"])
        answer_true_false_or_single(frame, later)
        page.wait_for_load_state("networkidle")
        page.goto("about:blank")

    browser.run(relaunch)
    data = stored(workbench, student)
    assert row_ids(data, "interactions") == [
        *(q["id"] for q in first),
        later["id"],
    ]  # appended, none overwritten
    again = row_ids(data, "objectives")
    assert again[: len(objectives)] == objectives and len(set(again)) == len(again)  # each in its own row


def test_the_course_layout_launches_only_its_first_sco(workbench: Workbench, browser: BrowserThread) -> None:
    """Why `export --all` writes the per-module layout too (README, runtime table)."""
    course = load_course()
    [(name, files)] = build_packages(course, "scorm2004", layout="course")
    first = course.modules[0].id

    def steps(page: Any) -> list[str]:
        page.goto(scenario_url(workbench, "course-layout"))
        page.wait_for_selector('.xblock-v1[data-block-type="scorm"]', state="attached")
        sent = upload(page, zip_bytes(files), name)
        assert sent["status"] == 200, sent["body"][-2000:]
        page.goto(scenario_url(workbench, "course-layout"))
        sco(page)
        launched = (
            page.frame_locator("iframe.scorm-embedded")
            .locator("html")
            .evaluate("() => window.ZHINENG_SCO.module.id")
        )
        return [launched, page.locator("iframe.scorm-embedded").count()]

    assert browser.run(steps) == [
        first,
        1,
    ]  # one frame, the first module's SCO (navigation menu off, its default)
