"""Keyboard users in the SCO: a skip link past the page list comes first, and after every submit focus lands on
what the submit produced (the feedback, or the saved reflection's status), never on <body>."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from launch import launch
from zhineng.modules.course import Course

FOCUSED = """() => { const e = document.activeElement;
  return {tag: e.tagName, outcome: e.dataset.outcome || e.dataset.reflectionOutcome || null,
          inMain: !!e.closest('main#content'), text: e.textContent}; }"""


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_focus_after_submit_and_the_skip_link(
    version: str, builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T3", version)
    frame = learner.page.main_frame.child_frames[0]
    tabbable = frame.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
                 .filter(e => e.tabIndex >= 0 && !e.disabled && !e.hidden && e.offsetParent !== null)
                 .map(e => e.dataset.action || e.tagName)"""
    )
    assert tabbable[0] == "skip"  # before the header and every page button
    assert tabbable.index("goto") > 0
    skip = learner.sco.locator("[data-action=skip]")
    assert skip.get_attribute("href") == "#content"
    assert frame.evaluate("document.getElementById('content').tagName") == "MAIN"
    skip.focus()
    assert skip.is_visible()  # shown when focused, so a sighted keyboard user sees where Tab went
    learner.page.keyboard.press("Enter")
    assert frame.evaluate(FOCUSED) | {"text": ""} == {
        "tag": "H1",
        "outcome": None,
        "inMain": True,
        "text": "",
    }

    questions = learner.pages_with("questions")
    key = next(iter(questions))
    learner.goto(key)
    for q, right in zip(questions[key][:2], (True, False), strict=False):
        learner.answer(q, right=right)
        got = frame.evaluate(FOCUSED)
        assert (got["tag"], got["outcome"]) == ("DIV", q["id"])
        assert got["text"]  # the verdict and score, read out as focus lands

    reflections = learner.pages_with("reflections")
    key = next(iter(reflections))
    learner.goto(key)
    r = reflections[key][0]
    learner.reflect(r)
    learner.sco.locator(f"[data-reflection-outcome={json.dumps(r['id'])}]:not(:empty)").wait_for()
    got = frame.evaluate(FOCUSED)
    assert (got["tag"], got["outcome"]) == ("P", r["id"])
    assert learner.errors == []
