"""Golden test of `zhineng coverage` (all three formats) on a small fixture course."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "coverage"
COURSE = "tests/fixtures/course_small"


@pytest.mark.parametrize(("fmt", "suffix"), [("json", "json"), ("csv", "csv"), ("table", "txt")])
def test_coverage_matches_golden(cli, fmt: str, suffix: str) -> None:  # type: ignore[no-untyped-def]
    run = cli("coverage", COURSE, "--format", fmt)
    assert (run.code, run.err) == (0, "")
    golden = GOLDEN / f"small.{suffix}"
    if os.environ.get("ZHINENG_UPDATE_GOLDEN"):
        golden.write_text(run.out, encoding="utf-8")
    assert run.out == golden.read_text(encoding="utf-8")


def test_coverage_json_has_a_row_for_every_standard_item(cli) -> None:  # type: ignore[no-untyped-def]
    rows = json.loads(cli("coverage", COURSE, "--format", "json").out)
    assert len(rows) == 143
    assert {"id", "kind", "label", "lessons", "questions", "reflections"} <= set(rows[0])
    by_id = {r["id"]: r for r in rows}
    # a question naming two K items counts for both; lessons reach their activity's P and O
    assert (by_id["K7"]["questions"], by_id["K15"]["questions"], by_id["K15"]["lessons"]) == (1, 1, 1)
    assert (by_id["P3.3.1"]["lessons"], by_id["P3.3.1"]["questions"], by_id["O3.3.1"]["lessons"]) == (1, 1, 1)
    assert (by_id["T3"]["lessons"], by_id["T3"]["questions"], by_id["T3"]["reflections"]) == (1, 1, 1)
    assert by_id["A07"]["reflections"] == 1 and by_id["T3.1"]["reflections"] == 1
    assert by_id["P3.3.2"]["note"] == "not assessed by any question or rubric"
    assert (
        by_id["S8"]["note"] == "no text in the standard (ERRATA E9); not assessed by any question or rubric"
    )
    assert (by_id["O3.3.1"]["tasks"], by_id["P3.3.1"]["criteria"]) == (0, 0)
    assert by_id["A02"]["note"] == "no reflection"


def test_check_flag_lists_gaps_and_fails(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("coverage", COURSE, "--format", "csv", "--check")
    assert run.code == 1
    gaps = run.err.splitlines()
    assert "coverage: activity T1.2 has no lesson" in gaps
    assert "coverage: K1 has 1 questions (minimum 5)" in gaps
    assert "coverage: attitude A06 (抗壓性) has no reflection" in gaps
    assert "coverage: the course has 2 questions (minimum 90)" in gaps
    assert "coverage: task T2 has no module" in gaps
    assert "coverage: module M1 has 1 reflections (minimum 2)" in gaps


def test_check_asks_two_questions_per_indicator_and_35_per_module(cli) -> None:  # type: ignore[no-untyped-def]
    gaps = cli("coverage", COURSE, "--format", "csv", "--check").err.splitlines()
    # the small course evidences P3.3.1 with its one question and nothing else
    assert "coverage: P3.3.1 is evidenced by 1 questions (minimum 2) and no rubric criterion" in gaps
    assert "coverage: P3.3.2 is evidenced by 0 questions (minimum 2) and no rubric criterion" in gaps
    assert len([g for g in gaps if g.startswith("coverage: P")]) == 60
    assert "coverage: module M1 has 1 questions (minimum 35)" in gaps


def test_check_asks_two_reflections_per_attitude(cli) -> None:  # type: ignore[no-untyped-def]
    gaps = cli("coverage", COURSE, "--format", "csv", "--check").err.splitlines()
    assert "coverage: attitude A07 (自我管理) has 1 reflections (minimum 2)" in gaps
    assert "coverage: attitude A06 (抗壓性) has no reflection" in gaps


def test_tasks_and_criteria_are_counted_and_checked_for_modules_with_tasks(cli) -> None:  # type: ignore[no-untyped-def]
    course = "tests/fixtures/course_tasks"
    by_id = {r["id"]: r for r in json.loads(cli("coverage", course, "--format", "json").out)}
    # one task produces O3.2.1 and O3.2.2 with two criteria; P3.2.3 is named by one of them, S5 too
    assert (by_id["O3.2.1"]["tasks"], by_id["O3.2.1"]["criteria"]) == (1, 2)
    assert (by_id["O3.2.3"]["tasks"], by_id["O3.2.3"]["note"]) == (0, "produced by no task")
    assert (by_id["P3.2.3"]["tasks"], by_id["P3.2.3"]["criteria"]) == (1, 1)
    assert (by_id["S5"]["criteria"], by_id["A07"]["criteria"], by_id["T3.2"]["tasks"]) == (1, 1, 1)
    assert by_id["P3.2.2"]["note"] == ""  # a rubric criterion evidences it without questions
    gaps = cli("coverage", course, "--format", "csv", "--check").err.splitlines()
    assert "coverage: output O3.2.3 (有效會員參與率分析) is produced by no performance task" in gaps
    assert (
        "coverage: indicator P3.3.2 (透過網路顧客之互動，提升實體行銷活動辦理成效) is named by no rubric criterion"
        in gaps
    )
    assert not any("P3.2.2" in g for g in gaps)
    # T1 has no module with tasks here: its outputs are not asked for yet
    assert not any(g.startswith("coverage: output O1") for g in gaps)
