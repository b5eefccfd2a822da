"""Labels in the SCO: self-ratings numbered once as the blocks number them, shared printed codes told apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from launch import launch
from zhineng.modules.anchors import anchor_label
from zhineng.modules.course import Course


def test_sco_rating_labels_match_the_blocks(
    builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    learner = launch(browser, serve, tmp_path, builtin_course, "T3", "scorm12")
    checked = 0
    for key, reflections in learner.pages_with("reflections").items():
        learner.goto(key)
        for r in reflections:
            hook = f"[data-reflection-id={json.dumps(r['id'])}]"
            shown = learner.sco.locator(f"section{hook} fieldset.rating label").all_inner_texts()
            assert shown == [anchor_label(i + 1, a) for i, a in enumerate(r["rating"]["anchors"])]
            checked += 1
    assert checked == len(learner.payload["reflections"]) > 0


def test_sco_menu_and_progress_tell_shared_codes_apart(
    builtin_course: Course, browser: Any, serve: Any, tmp_path: Path
) -> None:
    """T1 prints two activities "T1.5" (ERRATA.md E1): menu entries and progress rows still differ."""
    learner = launch(browser, serve, tmp_path, builtin_course, "T1", "scorm12")
    menu = learner.sco.locator("nav [data-action=goto]").all_inner_texts()
    assert sum(1 for m in menu if m.startswith("T1.5 ")) == 2
    assert len(set(menu)) == len(menu)
    learner.goto("progress")
    rows = learner.sco.locator(".progress-table tbody th").all_inner_texts()
    assert len(rows) > 10 and len(set(rows)) == len(rows)
