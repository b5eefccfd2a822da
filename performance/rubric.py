"""The pass rule of a rated task: one home, used by the report, the rating forms and the docs' examples.

Only an instructor's levels come here. A learner's self-rating is shown beside them and never decides anything.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import Task

Levels = Mapping[str, int]  # criterion id -> level number, 1 = the lowest level


def max_points(task: Task) -> float:
    return sum(c.max_points for c in task.rubric)


def task_points(task: Task, levels: Levels) -> float:
    """Points of the rated criteria; a level outside a criterion's range counts nothing."""
    total = 0.0
    for criterion in task.rubric:
        level = levels.get(criterion.id)
        if level is not None and 1 <= level <= len(criterion.levels):
            total += criterion.levels[level - 1].points
    return total


def fully_rated(task: Task, levels: Levels) -> bool:
    return all(1 <= levels.get(c.id, 0) <= len(c.levels) for c in task.rubric)


def task_passed(task: Task, levels: Levels) -> bool:
    """Every criterion rated at `min_level` or above, and the points at least `min_percent` of the maximum."""
    if not fully_rated(task, levels):
        return False
    rule = task.pass_rule
    if any(levels[c.id] < rule.min_level for c in task.rubric):
        return False
    top = max_points(task)
    return top == 0 or task_points(task, levels) * 100 >= rule.min_percent * top
