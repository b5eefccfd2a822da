"""One heading outline a page, on every page of every built-in SCO: one H1 first, no level skipped, no heading
repeating the H1 (a lesson titled as its activity), and the module's title a heading on the overview alone."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from launch import launch
from zhineng.modules.course import Course

HEADINGS = """() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
  .filter((h) => h.checkVisibility())
  .map((h) => [Number(h.tagName[1]), h.textContent.trim()])"""


def same(a: str, b: str) -> bool:
    return unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b)


def repeats(text: str, h1: str) -> bool:
    """The heading says the H1 again, with or without the H1's leading code ("T1.1 ")."""
    text, h1 = unicodedata.normalize("NFKC", text), unicodedata.normalize("NFKC", h1)
    return text == h1 or h1.endswith(" " + text)


def outline_faults(headings: list[list[Any]], title: str, overview: bool) -> list[str]:
    faults = []
    levels = [level for level, _ in headings]
    if levels.count(1) != 1 or levels[0] != 1:
        faults.append(f"one H1, first: {levels}")
    for (before, _), (level, text) in zip(headings, headings[1:], strict=False):
        if level > before + 1:
            faults.append(f"H{before} then H{level} ({text})")
    h1 = headings[0][1] if headings else ""
    faults += [f"H{lv} repeats the H1: {text}" for lv, text in headings[1:] if repeats(text, h1)]
    if not overview:
        faults += [f"the module title as H{lv}" for lv, text in headings if same(text, title)]
    return faults


def test_outline_rules_catch_what_they_name() -> None:
    assert outline_faults([[1, "T1.1 發展商品(服務)知識"], [2, "發展商品（服務）知識"]], "M", False) == [
        "H2 repeats the H1: 發展商品（服務）知識"
    ]
    assert outline_faults([[1, "A"], [3, "B"]], "M", False) == ["H1 then H3 (B)"]
    assert outline_faults([[2, "A"], [1, "M"]], "M", False)[0].startswith("one H1")
    assert outline_faults([[1, "M"], [2, "B"]], "M", True) == []


@pytest.mark.parametrize("module_id", ["T1", "T2", "T3"])
def test_every_page_has_one_heading_outline(
    module_id: str, builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, module_id, "scorm2004")
    title = learner.payload["module"]["title"]
    keys = learner.sco.locator("[data-action=goto]").evaluate_all("els => els.map(e => e.dataset.page)")
    assert len(keys) > 3
    frame = learner.page.main_frame.child_frames[0]
    faults: dict[str, list[str]] = {}
    for key in keys:
        learner.goto(key)
        headings = frame.evaluate(HEADINGS)
        found = outline_faults(headings, title, key == "overview")
        if found:
            faults[key] = found
        if key == "overview":
            assert headings[0] == [1, title]
    assert faults == {}
