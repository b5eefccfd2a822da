"""Golden report over the built-in course's T3 performance tasks, end to end: tracking data made by the spec
(TASKS_SPEC §5) from the tasks themselves, the sheet written by `zhineng rate`, filled in as an instructor would,
and read back by `zhineng report`.

- t3a submits every T3 task through cmi5 (xAPI submit, then a self-rating of 3 on every criterion); the
  instructor gives every criterion its top level -> every T3 task passed, all five T3 outputs mastered, all ten
  T3 indicators rated.
- t3b submits T3.1's task in a SCORM 2004 attempt (long-fill-in parts, likert self-rating 2); the instructor
  gives level 1 everywhere -> rated, not passed: O3.1.1 not yet.
- t3c never submits; named with --learner, rated face to face on every T3 task at level 2 on every criterion.
The inputs are made from the tasks at test time, so a content edit changes the golden (`make golden`), never the
test.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from zhineng.cmi5_export.ids import item_iri
from zhineng.modules.loader import load_course
from zhineng.performance.codec import encode_field, lms_parts
from zhineng.performance.ids import field_id, self_rating_id
from zhineng.performance.model import ChecklistField, DeliverableField, TableField, Task
from zhineng.reports.xapi_ids import (
    RATER_EXTENSION,
    TASK_EXTENSION,
    TASK_RATING_EXTENSION,
    VERB_RATED,
    VERB_SUBMITTED,
)

from zhineng.cli import main

GOLDEN = Path(__file__).resolve().parent / "golden" / "report_t3" / "performance.json"
COURSE = load_course()
T3 = [t for m, t in COURSE.tasks() if m.task == "T3"]
AU = "https://zhineng.example/au/T3"


def _value(field: DeliverableField) -> str:
    if isinstance(field, TableField):
        return encode_field(field, [["12" for _ in field.inputs], ["3" for _ in field.inputs]])
    if isinstance(field, ChecklistField):
        return encode_field(field, [i.id for i in field.items])
    return f"t3 的{field.label}：依資料整理。" if field.type == "long_text" else "https://shop.example/t3"


def _statement(verb: str, task: Task, when: str, result: dict[str, Any], items: list[str]) -> dict[str, Any]:
    return {
        "actor": {"account": {"homePage": "https://lms.example", "name": "t3a"}},
        "verb": {"id": verb},
        "object": {"id": f"{AU}:task:{task.id}", "definition": {"name": {"zh-TW": task.title}}},
        "timestamp": when,
        "result": result,
        "context": {"contextActivities": {"other": [{"id": item_iri(COURSE.standard, i)} for i in items]}},
    }


def _inputs(folder: Path) -> None:
    lines = []
    for task in T3:
        fields = {f.id: _value(f) for f in task.deliverable}
        lines.append(
            _statement(
                VERB_SUBMITTED,
                task,
                "2026-12-01T09:00:00Z",
                {"response": json.dumps(fields, ensure_ascii=False), "extensions": {TASK_EXTENSION: task.id}},
                task.outputs,
            )
        )
        ext = {
            TASK_EXTENSION: task.id,
            RATER_EXTENSION: "self",
            TASK_RATING_EXTENSION: {c.id: 3 for c in task.rubric},
        }
        lines.append(
            _statement(VERB_RATED, task, "2026-12-01T09:10:00Z", {"extensions": ext}, task.indicators)
        )
    (folder / "t3a.ndjson").write_text(
        "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in lines), "utf-8"
    )

    first = T3[0]
    interactions = []
    for f in first.deliverable:
        for n, part in enumerate(lms_parts(_value(f) * 300), start=1):  # long enough for several parts
            interactions.append({"id": field_id(first.id, f.id, n), "type": "long-fill-in",
                                 "timestamp": "2026-12-02T10:00:00Z", "learner_response": part,
                                 "objectives": [{"id": o} for o in first.outputs], "result": "neutral"})  # fmt: skip
    for c in first.rubric:
        interactions.append({"id": self_rating_id(first.id, c.id), "type": "likert", "learner_response": "2",
                             "timestamp": "2026-12-02T10:05:00Z", "result": "neutral"})  # fmt: skip
    cmi = {"cmi": {"learner_id": "t3b", "completion_status": "incomplete", "interactions": interactions}}
    (folder / "t3b-2004.json").write_text(json.dumps(cmi, ensure_ascii=False), "utf-8")


def _fill(sheet_path: Path) -> None:
    book = load_workbook(sheet_path)
    sheet = book["ratings"]
    tops = {(t.id, c.id): len(c.levels) for t in T3 for c in t.rubric}
    for row in sheet.iter_rows(min_row=2):
        learner, task, criterion = row[0].value, row[1].value, row[2].value
        level = {"t3a": tops[(task, criterion)], "t3b": 1, "t3c": 2}[learner]
        row[4].value, row[6].value, row[7].value = level, "林老師", "2026-12-03"
    book.save(sheet_path)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("t3")
    _inputs(folder)
    tasks = [arg for t in T3 for arg in ("--task", t.id)]
    rating = folder / "rating"
    code = main(["rate", str(folder), "--learner", "t3c", *tasks, "--sheet", "--out", str(rating)])
    assert code == 0
    _fill(rating / "ratings.xlsx")
    out = folder / "report"
    code = main(["report", str(folder), "--out", str(out)])
    assert code == 0
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # The golden holds the T3 performance tasks' part of report.json only: the rest of the course (questions,
    # K items, other modules' tasks) would make it change with every edit elsewhere.
    tasks = {t.id for t in T3}
    items = {o for t in T3 for o in t.outputs} | {
        i for t in T3 for c in t.rubric for i in (*c.indicators, *c.skills)
    }
    part = {
        "performance": [p for p in data["performance"] if p["task"]["id"] in tasks],
        "outputs": [o for o in data["outputs"] if o["id"] in items],
        "rubric": [i for i in data["rubric"] if i["id"] in items],
        "class_view": [i for i in data["class_view"] if i["id"] in items],
        "learners": [
            {
                "learner": r["learner"],
                "performance": {k: v for k, v in r["performance"].items() if k in tasks},
                "outputs": {k: v for k, v in r["outputs"].items() if k in items},
                "rubric": {k: v for k, v in r["rubric"].items() if k in items},
            }
            for r in data["learners"]
        ],
        "sources": data["sources"],
        "skipped": data["skipped"],
    }
    got = json.dumps(part, ensure_ascii=False, indent=1) + "\n"
    if os.environ.get("ZHINENG_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8"), (
        "the report's performance part differs from the golden copy"
    )
    return data


def test_t3a_rated_at_the_top_masters_every_t3_output_and_indicator(report: dict[str, Any]) -> None:
    rows = {r["learner"]: r for r in report["learners"]}
    t3_outputs = [o.id for a in COURSE.standard.task("T3").activities for o in a.outputs]
    t3_indicators = [p.id for a in COURSE.standard.task("T3").activities for p in a.indicators]
    assert len(t3_outputs) == 5 and len(t3_indicators) == 10
    a = rows["t3a"]
    assert {o: a["outputs"][o] for o in t3_outputs} == dict.fromkeys(t3_outputs, "mastered")
    assert {p: a["rubric"][p]["status"] for p in t3_indicators} == dict.fromkeys(t3_indicators, "rated")
    assert all(a["performance"][t.id]["passed"] for t in T3)
    assert all(a["performance"][t.id]["self_levels"] == {c.id: 3 for c in t.rubric} for t in T3)


def test_t3b_and_t3c(report: dict[str, Any]) -> None:
    rows = {r["learner"]: r for r in report["learners"]}
    b, c = rows["t3b"], rows["t3c"]
    first, last = T3[0], T3[-1]
    assert b["performance"][first.id]["state"] == "rated" and b["performance"][first.id]["passed"] is False
    assert b["performance"][first.id]["self_levels"] == {cr.id: 2 for cr in first.rubric}
    assert b["outputs"]["O3.1.1"] == "not_mastered"
    assert b["outputs"]["O3.2.1"] == "not_attempted"  # the sheet has rows only for what t3b submitted
    assert c["performance"][last.id]["levels"] == {cr.id: 2 for cr in last.rubric}
    assert {t.id: c["performance"][t.id]["state"] for t in T3} == dict.fromkeys((t.id for t in T3), "rated")
    assert "skipped" not in report or report["skipped"] == []
