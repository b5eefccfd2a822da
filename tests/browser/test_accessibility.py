"""axe-core (npm, injected by Playwright) finds no violation of any impact on any page of a SCO."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from launch import launch
from sco_site import AXE
from zhineng.modules.course import Course


@pytest.fixture(autouse=True)
def _axe_installed() -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core is missing ({AXE}): run `npm ci` at the repository root")


def scan(learner: Any) -> list[dict[str, Any]]:
    frame = learner.page.main_frame.child_frames[0]  # the SCO, not the wrapper
    if not frame.evaluate("typeof window.axe !== 'undefined'"):
        frame.add_script_tag(path=str(AXE))
    result = frame.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert len(result["passes"]) > 10, "axe did not run its rules"
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_no_violation_of_any_impact_on_any_page(
    version: str, builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T1", version)
    payload = learner.payload
    found: dict[str, list[dict[str, Any]]] = {}
    for key in ["overview", *payload["objectives"]["activities"]]:
        learner.goto(key)
        # Half the questions answered, so feedback and explanations are scanned beside fresh questions.
        for i, q in enumerate(q for q in payload["questions"] if q["activity"] == key):
            if i % 2 == 0:
                learner.answer(q, right=i % 4 == 0)
        found[key] = scan(learner)
    learner.goto("progress")
    found["progress"] = scan(learner)
    assert {k: v for k, v in found.items() if v} == {}
