"""A learner's standing on the course's performance tasks, from what ORA2 recorded (read by `ora_state`).

Pure functions over plain data, so the progress block and its tests share one rule. Whether a rated task passed
is the pass rule of `performance.rubric`, the only one; a self-rating is shown apart and never counts.

An observation of one task's ORA2 block: `{"found": bool, "submitted": bool | None (None: the block keeps
no record this page can read), "staff": levels | None,
"self": levels | None, "readable": bool}`, levels being `{criterion id: level number}` and `readable` false
where the ratings cannot be read (ORA2's assessment API is not importable there, or failed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..performance.model import Criterion, Level, PassRule, Task
from ..performance.rubric import fully_rated, task_passed
from ..quizzes.status import Status

Levels = dict[str, int]

# A task's state (TASKS_SPEC §6), then what it makes of the O items the task produces (quizzes/status.py words).
TASK_STATES = (
    "not_offered",
    "unseen",
    "not_submitted",
    "submitted",
    "self_rated",
    "passed",
    "not_passed",
    "unknown",
)
_O_FROM_TASK = {
    "passed": Status.MASTERED,
    "not_passed": Status.NOT_MASTERED,
    "unknown": Status.UNKNOWN,
    "unseen": Status.UNSEEN,
    "self_rated": Status.AWAITING_RATING,
    "submitted": Status.AWAITING_RATING,
    "not_submitted": Status.NOT_ATTEMPTED,
    "not_offered": Status.NOT_OFFERED,
}
# An O item produced by several tasks shows the first of its tasks' statuses in this order.
_O_ORDER = (
    Status.MASTERED,
    Status.NOT_MASTERED,
    Status.UNKNOWN,
    Status.UNSEEN,
    Status.AWAITING_RATING,
    Status.NOT_ATTEMPTED,
    Status.NOT_OFFERED,
)


def task_dump(task: Task) -> dict[str, Any]:
    """What the progress block keeps of a task in its outline: only what its states and the pass rule read
    (the brief, fields and exemplar would make every progress block carry the whole course)."""
    return {
        "id": task.id,
        "outputs": list(task.outputs),
        "rubric": [
            {"id": c.id, "indicators": list(c.indicators), "points": [level.points for level in c.levels]}
            for c in task.rubric
        ],
        "pass": task.pass_rule.model_dump(mode="json"),
    }


def task_of(dumped: Mapping[str, Any]) -> Task:
    """The task back, holding what `task_dump` kept: the rubric's points and the pass rule, which is all
    `performance.rubric` reads. Built without validation (`model_construct`, from plain dicts of fields): the
    course was checked when it was loaded, and the texts left out are never read here."""
    rubric = []
    for c in dumped["rubric"]:
        level_fields: list[dict[str, Any]] = [{"points": float(points)} for points in c["points"]]
        criterion: dict[str, Any] = {
            "id": c["id"],
            "indicators": list(c["indicators"]),
            "levels": [Level.model_construct(**f) for f in level_fields],
        }
        rubric.append(Criterion.model_construct(**criterion))
    fields: dict[str, Any] = {
        "id": dumped["id"],
        "outputs": list(dumped["outputs"]),
        "rubric": rubric,
        "pass_rule": PassRule.model_validate(dumped["pass"]),
    }
    return Task.model_construct(**fields)


def task_state(task: Task, seen: Mapping[str, Any] | None) -> str:
    if not seen or not seen.get("found"):
        return "not_offered"
    if seen.get("submitted") is None:
        return "unseen"
    if not seen.get("submitted"):
        return "not_submitted"
    if not seen.get("readable", True):
        return "unknown"
    staff: Levels | None = seen.get("staff")
    if staff and fully_rated(task, staff):
        return "passed" if task_passed(task, staff) else "not_passed"
    return "self_rated" if seen.get("self") else "submitted"


def performance_standing(
    dumped_tasks: Iterable[Mapping[str, Any]], observations: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """State per task, per O item it produces, per P indicator its rubric names (with the levels given)."""
    tasks = [task_of(d) for d in dumped_tasks]
    states = {t.id: task_state(t, observations.get(t.id)) for t in tasks}
    outputs: dict[str, list[Status]] = {}
    for t in tasks:
        for o in t.outputs:
            outputs.setdefault(o, []).append(_O_FROM_TASK[states[t.id]])
    indicators: dict[str, dict[str, Any]] = {}
    for t in tasks:
        seen = observations.get(t.id) or {}
        for c in t.rubric:
            for p in c.indicators:
                entry = indicators.setdefault(p, {"staff": [], "self": [], "tasks": []})
                entry["tasks"].append(_O_FROM_TASK[states[t.id]])
                if states[t.id] in ("passed", "not_passed"):
                    entry["staff"].append([seen["staff"][c.id], len(c.levels)])
                elif states[t.id] == "self_rated" and c.id in seen["self"]:
                    entry["self"].append([seen["self"][c.id], len(c.levels)])
    return {
        "performance": states,
        "outputs": {o: _first(found) for o, found in outputs.items()},
        "indicators": {p: _indicator(e) for p, e in indicators.items()},
    }


def _first(found: list[Status]) -> str:
    return str(min(found, key=_O_ORDER.index))


def _indicator(entry: Mapping[str, Any]) -> dict[str, Any]:
    if entry["staff"]:
        return {"status": "rated", "levels": entry["staff"]}
    if entry["self"]:
        return {"status": "self_rated", "levels": entry["self"]}
    return {"status": _first(entry["tasks"]), "levels": []}
