"""Performance tasks: the model, its meaning checks (each at its exact `file:line:col`), the pass rule, the ids,
and the Python side of the shared formula and deliverable vectors (the runtime's JavaScript runs the same ones)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import TypeAdapter
from zhineng.modules.loader import load_course
from zhineng.performance.codec import (
    decode_field,
    encode_field,
    interaction_text,
    lms_line,
    lms_parts,
    utf16_length,
)
from zhineng.performance.formula import FormulaError, format_number, parse_formula, parse_number
from zhineng.performance.ids import field_id, parse_id, self_rating_id
from zhineng.performance.model import DeliverableField, TableField
from zhineng.performance.rubric import max_points, task_passed, task_points
from zhineng.performance.table import fill_table

HERE = Path(__file__).parent
BASE = HERE / "fixtures" / "course_tasks" / "T3.yaml"
VECTORS = HERE / "vectors"
FIELD = TypeAdapter(DeliverableField)


def _task():  # type: ignore[no-untyped-def]
    course = load_course([BASE])
    return course.module("M3").tasks[0]


def test_the_fixture_task_loads_with_everything_it_declares() -> None:
    task = _task()
    assert task.outputs == ["O3.2.1", "O3.2.2"]
    assert [f.type for f in task.deliverable] == ["table", "long_text", "checklist", "link"]
    assert task.indicators == ["P3.2.3", "P3.2.2", "P3.2.4"]
    assert task.pass_rule.min_percent == 70
    assert "<strong>上月顧客意見統計</strong>" in task.brief_html
    assert max_points(task) == 6


# (text in the base file, its replacement, the expected "line:col: path: message")
BROKEN = {
    "unknown_field_type": (
        "type: long_text",
        "type: essay",
        "54:9: tasks[0].deliverable[1]: unknown field type 'essay'; expected one of 'long_text', 'table', "
        "'checklist', 'link'",
    ),
    "output_of_other_activity": (
        "outputs: [O3.2.1, O3.2.2]",
        "outputs: [O3.2.1, O3.3.1]",
        "31:23: tasks[0].outputs[1]: output 'O3.3.1' belongs to activity T3.3, not to this task's activity T3.2",
    ),
    "indicator_of_other_task": (
        "indicators: [P3.2.2, P3.2.4]",
        "indicators: [P3.2.2, P1.1.1]",
        "82:30: tasks[0].rubric[1].indicators[1]: indicator (P) 'P1.1.1' belongs to task T1, not to this "
        "module's task T3",
    ),
    "not_an_output": (
        "outputs: [O3.2.1, O3.2.2]",
        "outputs: [P3.2.1]",
        "31:15: tasks[0].outputs[0]: 'P3.2.1' is an indicator (P), not an output (O)",
    ),
    "formula_reads_later_column": (
        'formula: "round(good / total * 100, 1)"',
        'formula: "round(good / later * 100, 1)"',
        "51:54: tasks[0].deliverable[0].columns[3].formula: 'later' is no column of this table; a formula "
        "reads number columns to its left",
    ),
    "formula_not_readable": (
        'formula: "round(good / total * 100, 1)"',
        'formula: "__import__(1)"',
        "51:54: tasks[0].deliverable[0].columns[3].formula: cannot read the formula: '_' is not allowed; "
        "use numbers, column ids, + - * / ( ) and round(x, n)",
    ),
    "formula_reads_text": (
        'formula: "round(good / total * 100, 1)"',
        'formula: "good / channel"',
        "51:54: tasks[0].deliverable[0].columns[3].formula: 'channel' is not a number or percent column",
    ),
    "points_fall": (
        "{label: 良好, points: 3, descriptor: 計算全部正確。}",
        "{label: 良好, points: 1, descriptor: 計算全部正確。}",
        "78:25: tasks[0].rubric[0].levels[2].points: points must rise with the level: level 3 has 1, level 2 has "
        "2 (list levels from lowest to highest)",
    ),
    "min_level_too_high": (
        "min_level: 2",
        "min_level: 4",
        "89:7: tasks[0].pass.min_level: min_level 4 is above criterion 'insight', which has 3 levels",
    ),
    "totals_of_text": (
        "totals: [total, good]",
        "totals: [total, channel]",
        "53:25: tasks[0].deliverable[0].totals[1]: 'channel' is not a number or percent column; only numbers "
        "are summed",
    ),
    "rows_start": (
        "rows: {min: 1, max: 10, start: 2}",
        "rows: {min: 1, max: 10, start: 12}",
        "52:33: tasks[0].deliverable[0].rows.start: rows.start (12) must lie between rows.min (1) and rows.max (10)",
    ),
    "reserved_field_id": (
        "- id: sheet",
        "- id: self",
        "66:9: tasks[0].deliverable[3].id: 'self' is reserved (it names self-ratings in tracking data)",
    ),
    "resource_row_width": (
        "- [蝦皮, 80, 52]",
        "- [蝦皮, 80]",
        "42:15: tasks[0].resources[0].table.rows[1]: this row has 2 cells; the table has 3 columns",
    ),
    "missing_outputs": (
        "    outputs: [O3.2.1, O3.2.2]\n",
        "",
        "28:5: tasks[0]: missing required key 'outputs' (the work outputs (O) this task produces, e.g. [O3.1.1])",
    ),
    "too_few_levels": (
        "          - {label: 良好, points: 2, descriptor: 指出較低的通路與可能原因，並提出一項改善。}\n",
        "",
        "84:9: tasks[0].rubric[1].levels: List should have at least 3 items after validation, not 2",
    ),
    "same_descriptor": (
        "{label: 良好, points: 3, descriptor: 計算全部正確。}",
        "{label: 良好, points: 3, descriptor: 計算大致正確，有一處錯誤。}",
        "77:38: tasks[0].rubric[0].levels[1].descriptor: two levels have the same descriptor; say what differs",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_task_is_named_at_its_key(cli, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    old, new, expected = BROKEN[name]
    text = BASE.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "T3.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    run = cli("validate", str(path))
    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert lines[-1].endswith("error(s)")
    assert any(line.endswith(expected) for line in lines), run.err


def test_pass_rule_needs_every_criterion_at_the_level_and_the_share_of_points() -> None:
    task = _task()  # accuracy: 0/2/3/4 points, insight: 0/1/2; 6 points at most, 70 % -> 4.2
    assert task_points(task, {"accuracy": 4, "insight": 3}) == 6
    assert task_passed(task, {"accuracy": 4, "insight": 3})
    assert task_passed(task, {"accuracy": 3, "insight": 3})  # 5 of 6
    assert not task_passed(task, {"accuracy": 3, "insight": 2})  # 4 of 6 < 70 %
    assert not task_passed(task, {"accuracy": 4, "insight": 1})  # a criterion below level 2
    assert not task_passed(task, {"accuracy": 4})  # not fully rated
    assert not task_passed(task, {"accuracy": 5, "insight": 3})  # no level 5: not a rating
    assert task_points(task, {"accuracy": 9}) == 0


def test_tracking_ids_name_fields_parts_and_self_ratings() -> None:
    assert field_id("T3.1-task", "copy") == "T3.1-task/copy"
    assert field_id("T3.1-task", "copy", 2) == "T3.1-task/copy/2"
    assert self_rating_id("T3.1-task", "accuracy") == "T3.1-task/self/accuracy"
    assert parse_id("T3.1-task/copy/2") is not None and parse_id("T3.1-task/copy/2").part == 2  # type: ignore[union-attr]
    assert parse_id("T3.1-task/self/accuracy").kind == "self_rating"  # type: ignore[union-attr]
    for not_ours in ("T3-Q001", "a/b/1", "a//b", "a/b/c/d", "/x"):
        assert parse_id(not_ours) is None


def test_formula_vectors() -> None:
    data = json.loads((VECTORS / "formula.json").read_text(encoding="utf-8"))
    for case in data["cells"]:
        assert parse_number(case["text"]) == case["number"], case
    for case in data["formulas"]:
        numbers = {k: parse_number(v) for k, v in case["row"].items()}
        assert parse_formula(case["formula"]).evaluate(numbers) == case["result"], case
    for text in data["refused"]:
        with pytest.raises(FormulaError):
            parse_formula(text)
    for case in data["tables"]:
        filled = fill_table(TableField.model_validate(case["field"]), case["rows"])
        assert filled.rows == case["filled"]
        assert filled.totals == case["totals"]
    for case in data["display"]:
        assert format_number(case["number"]) == case["text"], case


def test_deliverable_vectors_round_trip() -> None:
    for case in json.loads((VECTORS / "deliverable.json").read_text(encoding="utf-8")):
        field = FIELD.validate_python(case["field"])
        encoded = encode_field(field, case["value"])
        assert encoded == case["encoded"]
        parts = lms_parts(encoded)  # what SCORM 2004 interactions hold of it
        assert parts == case["parts"]
        assert all(utf16_length(p) <= 4000 for p in parts)
        decode_field(field, encoded)  # what was written reads back
        assert interaction_text(encoded) == case["interactions"] == lms_line(encoded)  # nothing lost to a cut


def test_formula_refuses_what_is_not_arithmetic() -> None:
    for text in ("a.__class__", "open('x')", "a if b else c", "lambda: 1", "[1]", "a" * 201):
        with pytest.raises(FormulaError):
            parse_formula(text)
