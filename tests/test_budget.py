"""The suspend_data budget (scorm_export/budget.py) against the real JS encoder (runtime/state.js)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from node_support import needs_node, run_node_json
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.scorm_export.budget import check_budget, worst_case
from zhineng.scorm_export.payload import sco_payload

from zhineng.errors import ZhinengError

HERE = Path(__file__).parent
SMALL = HERE / "fixtures" / "course_small"


def js_sizes(payload: dict[str, Any]) -> dict[str, int]:
    sizes: dict[str, int] = run_node_json("worst_case.js", payload)
    return sizes


def payloads(course: Course) -> list[dict[str, Any]]:
    return [sco_payload(course, m, v) for m in course.modules for v in ("scorm12", "scorm2004")]


@needs_node
@pytest.mark.parametrize("which", ["builtin", "small"])
def test_python_bound_equals_the_js_worst_case(which: str, builtin_course: Course) -> None:
    course = builtin_course if which == "builtin" else load_course([SMALL])
    for payload in payloads(course):
        bound = worst_case(payload)
        sizes = js_sizes(payload)
        assert sizes["without"] <= bound.without_texts and sizes["with"] <= bound.with_texts
        # Exact, not just below: the bound mirrors the encoder, so any drift shows up here.
        assert (sizes["without"], sizes["with"]) == (bound.without_texts, bound.with_texts)
        if payload["version"] == "scorm12":
            assert sizes["capped"] <= 4096


def test_the_builtin_course_fits_both_versions(builtin_course: Course) -> None:
    for payload in payloads(builtin_course):
        check_budget(payload)


def _small_payload(version: str) -> dict[str, Any]:
    course = load_course([SMALL])
    return sco_payload(course, course.modules[0], version)  # type: ignore[arg-type]


def test_too_many_questions_fail_with_the_module_and_sizes() -> None:
    payload = _small_payload("scorm12")
    numeric = {"id": "N", "type": "numeric", "hash": "abcdef12"}
    payload["questions"] = [dict(numeric, id=f"N{i}") for i in range(120)]
    bound = worst_case(payload)
    with pytest.raises(ZhinengError) as caught:
        check_budget(payload)
    assert str(caught.value) == (
        f"module M1: scorm12 suspend_data could need {bound.without_texts} characters without any reflection "
        "text, over the limit of 4096; split the module or shorten its questions (fewer choices, items or premises)"
    )


def test_long_reflections_are_fine_in_12_but_must_fit_in_2004() -> None:
    one = _small_payload("scorm12")["reflections"][0]
    for version in ("scorm12", "scorm2004"):
        payload = _small_payload(version)
        payload["reflections"] = [dict(copy.deepcopy(one), id=f"R{i}", max_length=10000) for i in range(7)]
        if version == "scorm12":
            check_budget(payload)  # texts are cut to fit at run time
        else:
            with pytest.raises(
                ZhinengError, match=r"^module M1: scorm2004 suspend_data could need 70\d\d\d "
            ):
                check_budget(payload)


def test_12_refuses_a_module_whose_reflections_cannot_all_reach_their_minimum() -> None:
    payload = _small_payload("scorm12")
    one = payload["reflections"][0]
    payload["reflections"] = [
        dict(copy.deepcopy(one), id=f"R{i}", min_length=1500) for i in range(4)
    ]  # 4 × (1500 + 2 more length digits)
    room = payload["limits"]["suspendData"] - worst_case(payload).without_texts
    with pytest.raises(ZhinengError) as caught:
        check_budget(payload)
    assert str(caught.value) == (
        f"module M1: scorm12 suspend_data leaves {room} characters for reflection texts, fewer than their "
        "min_length needs (6008); lower the reflections' min_length or split the module"
    )
