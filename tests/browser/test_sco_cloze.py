"""The cloze widget in a real browser against the real SCORM API (scorm-again), for SCORM 1.2 and 2004: one box
per gap, per-gap feedback, the fill-in interaction each version reads, and the gaps restored on resume."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from launch import launch
from sco_checks import no_lms_errors
from zhineng.modules.course import Course

VERSIONS = ["scorm12", "scorm2004"]
QID = "T1-Q153"  # 1 ÷ [[base]] ... [[value]] ... [[verdict]]; partial scoring
TYPED = ["毛利率", "2.2", "低"]  # the middle gap wrong


@pytest.mark.parametrize("version", VERSIONS)
def test_cloze_boxes_feedback_record_and_resume(
    version: str, builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T1", version)
    q = next(q for q in learner.payload["questions"] if q["id"] == QID)
    hook = f"[data-question-id={json.dumps(QID)}]"
    learner.goto(q["activity"])
    boxes = learner.sco.locator(f"{hook}[data-action=input]")
    assert boxes.count() == 3
    assert [boxes.nth(i).get_attribute("aria-label") for i in range(3)] == [
        "第 1 個空格",
        "第 2 個空格",
        "第 3 個空格",
    ]
    # The text around the boxes is shown in order, the boxes where the gaps are.
    line = learner.sco.locator(f"section{hook} p.cloze")
    assert line.inner_text().startswith("損益兩平 ROAS = 1 ÷")
    # An empty gap is refused in the page, and nothing is recorded.
    boxes.nth(0).fill(TYPED[0])
    learner.sco.locator(f"{hook}[data-action=submit]").click()
    assert learner.sco.locator(f"section{hook} .message").inner_text() == "請填完每個空格。"
    for i, text in enumerate(TYPED):
        boxes.nth(i).fill(text)
    learner.sco.locator(f"{hook}[data-action=submit]").click()
    learner.sco.locator(f"{hook}.is-incorrect").wait_for()
    outcome = learner.sco.locator(f"section{hook} .outcome").inner_text()
    assert "0.67 / 1" in outcome and "1 ÷ 0.40 = 2.5。" in outcome
    assert boxes.nth(1).get_attribute("aria-invalid") == "true"
    assert boxes.nth(0).get_attribute("aria-invalid") is None
    right = next(q for q in learner.payload["questions"] if q["id"] == "T1-Q152")
    learner.goto(right["activity"])
    learner.answer(right)
    cmi = learner.quit()
    no_lms_errors(learner)

    records = {i["id"]: i for i in cmi["interactions"].values()}
    got, full = records[QID], records["T1-Q152"]
    assert got["type"] == full["type"] == "fill-in"
    if version == "scorm12":
        assert got["student_response"] == "毛利率,2.2,低"
        assert got["result"] == "wrong" and full["result"] == "correct"
        assert [p["pattern"] for p in got["correct_responses"].values()] == ["毛利率,2.5,低"]
    else:
        assert got["learner_response"] == "毛利率[,]2.2[,]低"
        assert got["result"] == "incorrect" and full["result"] == "correct"
        # One pattern per combination, each gap's k-th accepted answer (its last when it has fewer).
        assert [p["pattern"] for p in got["correct_responses"].values()] == [
            "毛利率[,]2.5[,]低",
            "毛利率[,]2.50[,]低於",
            "毛利率[,]2.50[,]小",
            "毛利率[,]2.50[,]還低",
        ]

    again = launch(browser, serve, tmp_path / "again", builtin_course, "T1", version, cmi=cmi)
    again.goto(q["activity"])
    boxes = again.sco.locator(f"{hook}[data-action=input]")
    assert [boxes.nth(i).input_value() for i in range(3)] == TYPED
    assert again.sco.locator(f"section{hook} .outcome").inner_text() == outcome
    assert again.sco.locator(f"{hook}[data-action=submit]").is_hidden()
    again.quit()
    no_lms_errors(again)
