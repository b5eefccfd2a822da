"""Every page type of a SCO at 1280x800 and on a 390x844 phone, in scorm-again's frame: nothing wider than the
screen, no table column squeezed to a character a line, 44 px tap targets on the phone, and axe-core finds no
violation of any impact. Screenshots of each page are left in the test's folder for a person to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from launch import launch
from layout_checks import SIZES, axe_all, layout_problems
from sco_site import AXE
from zhineng.modules.course import Course

ACTIVITY = "T1.2"  # a lesson with four tables, every question type and a reflection: one page of each part
TASK = "T1.1-task"  # four resource tables and four table editors
CHECKLIST_TASK = "T1.3-copy-task"  # a checklist, and the self-rating levels once submitted


def sco_frame(learner: Any) -> Any:
    return learner.page.main_frame.child_frames[0]  # the SCO, not the LMS's wrapper


def check(learner: Any, size: str, name: str, folder: Path) -> dict[str, list[Any]]:
    frame = sco_frame(learner)
    frame.evaluate("document.fonts.ready")
    found = {"layout": layout_problems(frame, size == "phone"), "axe": axe_all(frame, AXE)}
    # The whole page for a person to look at: the LMS's frame as tall as the SCO's page, for the picture only.
    tall = frame.evaluate("document.documentElement.scrollHeight")
    frame_box = learner.page.locator("#sco")
    frame_box.evaluate("(f, h) => { f.dataset.height = f.style.height; f.style.height = h + 'px'; }", tall)
    learner.page.screenshot(path=str(folder / f"{size}-{name.replace(':', '_')}.png"), full_page=True)
    frame_box.evaluate("f => { f.style.height = f.dataset.height; }")
    return {k: v for k, v in found.items() if v}


@pytest.mark.parametrize("size", SIZES)
def test_every_page_type_fits_and_passes_axe(
    size: str, builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path / "site", builtin_course, "T1", "scorm2004")
    learner.page.set_viewport_size(SIZES[size])
    payload = learner.payload
    found: dict[str, dict[str, list[Any]]] = {}

    for key in ("overview", ACTIVITY, f"task:{TASK}", "progress"):
        learner.goto(key)
        found[key] = check(learner, size, key, tmp_path)

    # The same activity answered: verdicts, per-choice feedback, explanations and a sent reflection.
    learner.goto(ACTIVITY)
    for i, q in enumerate(q for q in payload["questions"] if q["activity"] == ACTIVITY):
        learner.answer(q, right=i % 2 == 0)
    for r in (r for r in payload["reflections"] if r["activity"] == ACTIVITY):
        learner.reflect(r)
    found["answered"] = check(learner, size, f"{ACTIVITY}-answered", tmp_path)

    task = next(t for t in payload["tasks"] if t["id"] == CHECKLIST_TASK)
    learner.goto(f"task:{task['id']}")
    learner.write_task(task)
    learner.submit_task(task)
    found["self-rating"] = check(learner, size, "self-rating", tmp_path)

    assert {k: v for k, v in found.items() if v} == {}
    assert learner.errors == []


@pytest.mark.parametrize("module_id", ["T1", "T2", "T3"])
def test_every_page_of_every_module_fits_both_sizes(
    module_id: str, builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    """Layout only, fresh, but on every page: each module's own lesson tables, prompt tables and long codes."""
    learner = launch(browser, serve, tmp_path, builtin_course, module_id, "scorm12")
    frame = sco_frame(learner)
    keys = frame.evaluate("Zhineng.player.pages.map(p => p.key)")
    found = {}
    for size, viewport in SIZES.items():
        learner.page.set_viewport_size(viewport)
        for key in keys:
            learner.goto(key)
            problems = layout_problems(frame, size == "phone")
            if problems:
                found[f"{size} {key}"] = problems[:5]
    assert found == {}
    assert learner.errors == []
