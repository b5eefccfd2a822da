"""The SCO labels a self-rating exactly as the blocks do (zhineng.modules.anchors.anchor_label): numbered once."""

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
