"""The progress block shows what it can know of a learner's ORA2 task: not submitted, submitted, self-rated, rated
(passed or not, by the one pass rule), and says so where it cannot read the ratings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from zhineng.modules.course import Course
from zhineng.olx_export.elements import progress_element, to_xml
from zhineng.olx_export.ora import progress_entry
from zhineng.performance.rubric import task_passed, task_points
from zhineng.xblocks.ora_state import levels, observe, task_of_block
from zhineng.xblocks.task_standing import performance_standing, task_dump, task_of

from .harness import Harness

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "fixtures" / "course_tasks" / "T3.yaml"


@pytest.fixture(scope="module")
def steps() -> dict[str, Any]:
    run = subprocess.run(
        [sys.executable, str(HERE / "ora2_progress_probe.py"), str(FIXTURE)],
        capture_output=True,
        text=True,
        cwd=HERE,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    found: dict[str, Any] = json.loads(run.stdout)
    return found


def test_the_states_follow_the_learner_through_ora2(steps: dict[str, Any]) -> None:
    tasks = {
        name: s["performance"]["M3-task"] for name, s in steps.items() if name not in ("html", "refresh")
    }
    assert tasks == {
        "before": "not_submitted",
        "submitted": "submitted",
        "self_rated": "self_rated",
        "rated_low": "not_passed",
        "rated_again": "not_passed",  # every level >= 2, but 4 of 6 points is under the 70 % the rule asks
        "rated_top": "passed",
        "unreadable": "unknown",
    }
    outputs = {name: s["outputs"]["O3.2.1"] for name, s in steps.items() if name not in ("html", "refresh")}
    assert outputs == {
        "before": "not_attempted",
        "submitted": "awaiting_rating",
        "self_rated": "awaiting_rating",  # a self-rating never counts
        "rated_low": "not_mastered",
        "rated_again": "not_mastered",
        "rated_top": "mastered",
        "unreadable": "unknown",
    }


def test_indicators_show_the_instructors_levels_and_the_learners_apart(steps: dict[str, Any]) -> None:
    assert steps["self_rated"]["indicators"]["P3.2.3"] == {"status": "self_rated", "levels": [[4, 4]]}
    assert steps["rated_low"]["indicators"]["P3.2.3"] == {"status": "rated", "levels": [[1, 4]]}
    assert steps["rated_again"]["indicators"]["P3.2.2"] == {
        "status": "rated",
        "levels": [[2, 3]],
    }  # latest wins
    assert steps["refresh"]["indicators"]["P3.2.2"] == "rated"
    assert steps["refresh"]["notes"]["P3.2.2"] == "level 3 of 3"  # read after the last, top rating


def test_the_page_says_what_it_shows(steps: dict[str, Any]) -> None:
    html = steps["html"]
    assert 'data-kind="performance" data-id="M3-task" data-status="passed"' in html
    assert 'data-kind="outputs" data-id="O3.2.1" data-status="mastered"' in html
    assert 'data-kind="indicators" data-id="P3.2.3" data-status="rated"' in html
    assert "level 4 of 4" in html


def test_progress_and_grade_are_columns_of_their_own(steps: dict[str, Any]) -> None:
    from lxml import html as lxml_html

    root = lxml_html.fromstring(steps["html"])
    [table] = root.xpath("//ul[@class='zhineng-performance']//table")
    assert [th.text_content() for th in table.xpath("thead//th")] == ["Item", "Progress", "Grade"]
    [row] = table.xpath("tbody/tr[.//*[@data-id='P3.2.3']]")
    progress, grade = row.xpath("td")
    assert progress.xpath("span/@data-status") == ["rated"] and "level" not in progress.text_content()
    assert grade.text_content().strip() == "level 4 of 4"


def test_a_task_without_its_ora2_block_in_the_course_is_not_offered(builtin_course: Course) -> None:
    tasks_ = [t for _m, t in builtin_course.tasks()]
    element = progress_element(builtin_course.standard, "我的進度", tasks_)  # as the OLX course has it
    progress = Harness().parse(to_xml(element))  # alone: no ORA2 block in this course
    standing = progress.standing()
    tasks = [t.id for _m, t in builtin_course.tasks()]
    assert tasks and {standing["performance"][t] for t in tasks} == {"not_offered"}
    assert {standing["outputs"][o] for _m, t in builtin_course.tasks() for o in t.outputs} == {"not_offered"}


def test_an_ora2_block_is_found_by_its_url_name_where_the_runtime_keeps_one(builtin_course: Course) -> None:
    std = builtin_course.standard
    entries = [progress_entry(std, t) for _m, t in builtin_course.tasks()]
    second = entries[1]

    def block(block_id: str | None, title: str = "", criteria: list[str] | None = None) -> Any:
        usage = SimpleNamespace(block_id=block_id) if block_id is not None else "u7"
        rubric = [{"name": c} for c in criteria or []]
        return SimpleNamespace(scope_ids=SimpleNamespace(usage_id=usage), title=title, rubric_criteria=rubric)

    assert task_of_block(block(second["ora"], "renamed in Studio"), entries) == second["task"]["id"]
    assert task_of_block(block("someone-elses-ora"), entries) is None
    criteria = [c["id"] for c in second["task"]["rubric"]]
    assert task_of_block(block(None, second["title"], criteria), entries) == second["task"]["id"]
    assert task_of_block(block(None, second["title"], criteria[:1]), entries) is None


def test_levels_count_by_the_options_place() -> None:
    assessment = {
        "parts": [
            {"criterion": {"name": "accuracy"}, "option": {"name": "優秀（改名）", "order_num": 3}},
            {"criterion": {"name": "notes"}, "option": None},  # a feedback-only criterion
        ]
    }
    assert levels(assessment) == {"accuracy": 4}
    assert levels(None) is None


def test_a_team_assignment_is_reported_unseen_not_unsubmitted(builtin_course: Course) -> None:
    """A team's submission is not in the learner's own state: the block says it cannot see it."""
    task = next(t for _m, t in builtin_course.tasks())
    seen = observe(SimpleNamespace(teams_enabled=True, submission_uuid=None))
    standing = performance_standing([task_dump(task)], {task.id: seen})
    assert standing["performance"][task.id] == "unseen"
    assert {standing["outputs"][o] for o in task.outputs} == {"unseen"}


def test_the_kept_rubric_gives_the_pass_rule_the_same_answers(builtin_course: Course) -> None:
    """The outline keeps only points and the pass rule; the one pass rule must judge it as the whole task."""
    for _m, task in builtin_course.tasks():
        kept = task_of(task_dump(task))
        tops = [len(c.levels) for c in task.rubric]
        for shift in range(4):  # every criterion at one level, then the levels turned one place each time
            for base in range(1, 5):
                levels = {
                    c.id: min(top, max(1, base - (i + shift) % 2))
                    for i, (c, top) in enumerate(zip(task.rubric, tops, strict=True))
                }
                assert task_passed(kept, levels) == task_passed(task, levels)
                assert task_points(kept, levels) == task_points(task, levels)
