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

from ..performance.model import Task
from ..performance.rubric import fully_rated, task_passed

Levels = dict[str, int]

# A task's state, then an O item's (the report's words: mastered / not_yet / awaiting_rating / not_attempted).
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
    "passed": "mastered",
    "not_passed": "not_yet",
    "unknown": "unknown",
    "unseen": "unseen",
    "self_rated": "awaiting_rating",
    "submitted": "awaiting_rating",
    "not_submitted": "not_attempted",
    "not_offered": "not_offered",
}
_O_ORDER = ("mastered", "not_yet", "unknown", "unseen", "awaiting_rating", "not_attempted", "not_offered")


def task_dump(task: Task) -> dict[str, Any]:
    """A task as the progress block stores it in its outline: the authored fields, read back by `task_of`."""
    return task.model_dump(mode="json", by_alias=True, exclude_computed_fields=True)


def task_of(dumped: Mapping[str, Any]) -> Task:
    return Task.model_validate(dumped)


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
    outputs: dict[str, list[str]] = {}
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


def _first(found: list[str]) -> str:
    return min(found, key=_O_ORDER.index)


def _indicator(entry: Mapping[str, Any]) -> dict[str, Any]:
    if entry["staff"]:
        return {"status": "rated", "levels": entry["staff"]}
    if entry["self"]:
        return {"status": "self_rated", "levels": entry["self"]}
    return {"status": _first(entry["tasks"]), "levels": []}
