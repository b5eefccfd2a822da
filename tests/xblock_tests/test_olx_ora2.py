"""Performance tasks in the OLX course: each an ORA2 `openassessment` block that ORA2's own import code reads
(parse_xml, then the validator Studio runs), and that olxcleaner accepts."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.olx_export.ora import points_scale
from zhineng.olx_export.package import export_olx
from zhineng.olx_export.url_names import url_name
from zhineng.performance.formula import format_number
from zhineng.performance.model import Task

from zhineng.cjk_breaks import join_cjk_lines

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "fixtures" / "course_tasks" / "T3.yaml"
PROBE = HERE / "ora2_probe.py"
OUR_BLOCKS = ["zhineng_quiz", "zhineng_reflection", "zhineng_progress"]


def extract(course: Course, folder: Path) -> Path:
    _name, data = export_olx(course)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(folder, filter="data")
    return folder / "course"


def ora2_import(olx: Path) -> dict[str, dict[str, Any]]:
    run = subprocess.run([sys.executable, str(PROBE), str(olx)], capture_output=True, text=True, cwd=HERE)
    assert run.returncode == 0, run.stderr[-3000:]
    parsed: dict[str, dict[str, Any]] = json.loads(run.stdout)
    return parsed


def variant(tmp_path: Path, *edits: tuple[str, str]) -> Course:
    text = FIXTURE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "T3.yaml"
    path.write_text(text, encoding="utf-8")
    return load_course([path])


def assert_task_block(course: Course, task: Task, block: dict[str, Any]) -> None:
    """What ORA2 read back is the task: prompts, criteria, levels, points, steps, exemplar."""
    assert block["valid"] == [True, ""], block["valid"]
    assert block["text_response"] == "required" and block["prompts_type"] == "html"
    prompts = block["prompts"]
    assert len(prompts) == len(task.deliverable)  # one response part per deliverable field
    assert task.brief_html in prompts[0]
    for prompt, field in zip(prompts, task.deliverable, strict=True):
        assert field.label in prompt
    for resource in task.resources:
        assert resource.title in prompts[0]
        for row in resource.table.rows if resource.table else []:
            for cell in row:  # numbers read as on the SCO's task page (60,000, never 60000)
                if isinstance(cell, (int, float)):
                    assert f"<td>{format_number(cell)}</td>" in prompts[0]
    scale = points_scale(task)
    criteria = block["criteria"]
    assert [c["name"] for c in criteria] == [c.id for c in task.rubric]
    for got, criterion in zip(criteria, task.rubric, strict=True):
        assert got["label"].startswith(criterion.title)
        for p in criterion.indicators:
            assert course.standard.distinct_label(p) in got["label"]
            assert (course.standard.index[p].text or "") in got["prompt"]
        assert [o["name"] for o in got["options"]] == [str(n) for n in range(1, len(criterion.levels) + 1)]
        assert [o["label"] for o in got["options"]] == [level.label for level in criterion.levels]
        assert [o["explanation"] for o in got["options"]] == [level.descriptor for level in criterion.levels]
        assert [o["points"] for o in got["options"]] == [
            round(level.points * scale) for level in criterion.levels
        ]
    assert block["max_score"] == round(sum(c.max_points for c in task.rubric) * scale)
    steps = [(a["name"], a.get("required")) for a in block["assessments"]]
    assert steps == [("self-assessment", None), ("staff-assessment", True)]
    assert join_cjk_lines(task.exemplar.strip()) in block["feedback_prompt"]


def test_every_task_imports_into_ora2(tmp_path: Path) -> None:
    course = load_course([FIXTURE])
    blocks = ora2_import(extract(course, tmp_path))
    tasks = [t for _m, t in course.tasks()]
    assert sorted(blocks) == sorted(f"{url_name(t.id, 'v')}.xml" for t in tasks) and tasks
    for task in tasks:
        assert_task_block(course, task, blocks[f"{url_name(task.id, 'v')}.xml"])


def test_the_built_in_course_tasks_import_into_ora2(builtin_course: Course, tmp_path: Path) -> None:
    blocks = ora2_import(extract(builtin_course, tmp_path))
    tasks = [t for _m, t in builtin_course.tasks()]
    assert len(blocks) == len(tasks)
    for task in tasks:
        assert_task_block(builtin_course, task, blocks[f"{url_name(task.id, 'v')}.xml"])


def test_a_code_the_standard_prints_twice_is_told_apart(tmp_path: Path) -> None:
    # P3.1.4 is printed as P3.1.3 too (ERRATA.md): its label says which one.
    course = variant(tmp_path, ("indicators: [P3.2.2, P3.2.4]", "indicators: [P3.2.2, P3.1.4]"))
    task = course.module("M3").tasks[0]
    block = next(iter(ora2_import(extract(course, tmp_path / "olx")).values()))
    label = block["criteria"][1]["label"]
    assert label == f"分析與建議（P3.2.2、{course.standard.distinct_label('P3.1.4')}）" and "（依照" in label
    assert_task_block(course, task, block)


def test_fractional_points_are_scaled_to_the_whole_points_ora2_keeps(tmp_path: Path) -> None:
    course = variant(tmp_path, ("{label: 基本達成, points: 1,", "{label: 基本達成, points: 1.5,"))
    task = course.module("M3").tasks[0]
    assert points_scale(task) == 2
    block = next(iter(ora2_import(extract(course, tmp_path / "olx")).values()))
    assert [o["points"] for o in block["criteria"][1]["options"]] == [0, 3, 4]
    assert "乘以 2" in block["criteria"][0]["prompt"]
    assert_task_block(course, task, block)


def test_ora2_refuses_what_it_cannot_import(tmp_path: Path) -> None:
    """The probe is not a rubber stamp: ORA2's own checks fail on a block Studio would refuse."""
    olx = extract(load_course([FIXTURE]), tmp_path)
    vertical = next((olx / "vertical").glob("*-task-v.xml"))
    text = vertical.read_text(encoding="utf-8")
    staff = '<assessment name="staff-assessment" required="True" />'
    vertical.write_text(text.replace(staff, "").replace("<assessments>", "<assessments>" + staff), "utf-8")
    assert next(iter(ora2_import(olx).values()))["valid"][0] is False


def test_the_course_with_tasks_passes_olxcleaner(tmp_path: Path) -> None:
    olxcleaner = pytest.importorskip("olxcleaner")
    olx = extract(load_course([FIXTURE]), tmp_path)
    course, errors, _urls = olxcleaner.validate(str(olx), steps=8, allowed_xblocks=OUR_BLOCKS)
    assert course is not None
    assert [f"{type(e).__name__}: {e.description}" for e in errors.errors] == []


def test_tasks_are_graded_apart_from_the_quizzes(tmp_path: Path) -> None:
    olx = extract(load_course([FIXTURE]), tmp_path)
    policy = json.loads((olx / "policies" / "2026" / "grading_policy.json").read_text(encoding="utf-8"))
    assert [(g["type"], g["min_count"], g["weight"]) for g in policy["GRADER"]] == [
        ("測驗", 1, 0.5),
        ("實作評量", 1, 0.5),
    ]
    sequential = (olx / "sequential" / "M3-T3_2-tasks.xml").read_text(encoding="utf-8")
    assert 'format="實作評量"' in sequential and 'graded="true"' in sequential
