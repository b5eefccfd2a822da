"""Performance tasks in the report: the columns (tasks, O items, P and S items) and one learner's cells.

States and rules: TASKS_SPEC §6; the O items' words are quizzes/status.py's. An O item is `mastered` when a task
producing it is rated and passed, `not_mastered` when rated and not passed, `awaiting_rating` when submitted or self-rated only, else `not_attempted`. A P item
(or an S item a criterion names) shows the instructor's level in every criterion naming it, else the learner's
self-rated levels apart. A self-rating never counts toward mastery.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..performance.rubric import max_points
from ..quizzes.status import Status
from .catalog import Catalog
from .model import (
    CriterionLabel,
    Label,
    PerformanceCell,
    PerformanceColumns,
    RubricCell,
    RubricStatus,
)
from .task_states import TaskState
from .times import iso


@dataclass(frozen=True)
class PerformanceLayout:
    tasks: tuple[PerformanceColumns, ...]
    outputs: tuple[Label, ...]
    rubric: tuple[Label, ...]
    producers: dict[str, tuple[str, ...]]  # O id -> the tasks producing it
    naming: dict[str, tuple[tuple[str, str], ...]]  # P or S id -> (task, criterion) naming it
    skills: frozenset[str]  # the S ids among `rubric`
    max_points: dict[str, float]  # task id -> its rubric's maximum points


def performance_layout(catalog: Catalog) -> PerformanceLayout:
    std = catalog.course.standard
    producers: dict[str, list[str]] = {}
    naming: dict[str, list[tuple[str, str]]] = {}
    columns = []
    for task_id, (_module, task) in catalog.tasks.items():
        for o in task.outputs:
            producers.setdefault(o, []).append(task_id)
        criteria = []
        for c in task.rubric:
            items = tuple(dict.fromkeys([*c.indicators, *c.skills]))
            for item in items:
                naming.setdefault(item, []).append((task_id, c.id))
            criteria.append(CriterionLabel(f"{task_id}/{c.id}", c.title, len(c.levels), items))
        label = Label(task_id, task_id, task.title)
        columns.append(PerformanceColumns(label, tuple(task.outputs), tuple(criteria)))
    order = {item.id: i for i, item in enumerate(std.items())}

    def labels(ids: list[str]) -> tuple[Label, ...]:
        return tuple(
            Label(i, std.distinct_label(i), std.index[i].text or "")
            for i in sorted(ids, key=order.__getitem__)
        )

    skills = [i for i in naming if std.index[i].kind == "skill"]
    return PerformanceLayout(
        tuple(columns),
        labels(list(producers)),
        labels([i for i in naming if i not in skills]) + labels(skills),
        {o: tuple(ts) for o, ts in producers.items()},
        {i: tuple(ns) for i, ns in naming.items()},
        frozenset(skills),
        {task_id: max_points(task) for task_id, (_module, task) in catalog.tasks.items()},
    )


def performance_cell(state: TaskState | None, max_pts: float) -> PerformanceCell:
    if state is None:
        return PerformanceCell("not_submitted", None, None, max_pts, {}, {}, None, ())
    whens = [state.submission.origin.when if state.submission else None]
    whens += [state.self_rating.origin.when if state.self_rating else None]
    whens += [r.rating.origin.when for r in state.ratings.values()]
    dated = [w for w in whens if w is not None]
    return PerformanceCell(
        state.state,
        state.passed,
        state.points,
        max_pts,
        state.levels,
        dict(state.self_rating.levels) if state.self_rating else {},
        iso(max(dated)) if dated else None,
        tuple(sorted({r.rater for r in state.ratings.values()})),
    )


Performance = tuple[dict[str, PerformanceCell], dict[str, Status], dict[str, RubricCell]]


def learner_performance(states: dict[str, TaskState], layout: PerformanceLayout) -> Performance:
    cells = {
        t.task.id: performance_cell(states.get(t.task.id), layout.max_points[t.task.id]) for t in layout.tasks
    }
    outputs: dict[str, Status] = {}
    for o in layout.outputs:
        mine = [cells[t] for t in layout.producers[o.id]]
        outputs[o.id] = (
            Status.MASTERED
            if any(c.passed for c in mine)
            else Status.NOT_MASTERED
            if any(c.state == "rated" for c in mine)
            else Status.AWAITING_RATING
            if any(c.state != "not_submitted" for c in mine)
            else Status.NOT_ATTEMPTED
        )
    rubric: dict[str, RubricCell] = {}
    for item in layout.rubric:
        levels: dict[str, int] = {}
        self_levels: dict[str, int] = {}
        handed_in = False
        for task_id, criterion in layout.naming[item.id]:
            cell = cells[task_id]
            key = f"{task_id}/{criterion}"
            if criterion in cell.levels:
                levels[key] = cell.levels[criterion]
            if criterion in cell.self_levels:
                self_levels[key] = cell.self_levels[criterion]
            handed_in = handed_in or cell.state != "not_submitted"
        status: RubricStatus = (
            "rated"
            if levels
            else "self_rated"
            if self_levels
            else "submitted"
            if handed_in
            else "not_submitted"
        )
        rubric[item.id] = RubricCell(status, levels, self_levels)
    return cells, outputs, rubric
