"""Per learner and performance task: where the work stands (TASKS_SPEC §6), from submissions and ratings.

Latest wins by timestamp (merge.latest_by): the latest submission, the latest self-rating, and per criterion the
latest instructor rating. State: `rated` when an instructor rated any criterion (passed only by the pass rule,
performance/rubric.py, over every criterion), else `self_rated`, else `submitted`, else `not_submitted`. An
instructor's rating decides even with no submission at all: a face-to-face rating.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Literal

from ..performance.model import Task
from ..performance.rubric import task_passed, task_points
from .catalog import Catalog
from .merge import latest_by
from .records import SELF_RATER, Origin, Record, TaskRating, TaskSubmission

TaskStateName = Literal["not_submitted", "submitted", "self_rated", "rated"]
_TASK = attrgetter("task")


@dataclass(frozen=True)
class CriterionRating:
    level: int
    rater: str
    comment: str
    rating: TaskRating  # the record it came from (its origin: when and where)


@dataclass(frozen=True)
class TaskState:
    learner: str
    task: Task
    submission: TaskSubmission | None
    self_rating: TaskRating | None
    ratings: dict[str, CriterionRating]  # criterion id -> the instructor's latest rating

    @property
    def state(self) -> TaskStateName:
        if self.ratings:
            return "rated"
        if self.self_rating is not None:
            return "self_rated"
        return "submitted" if self.submission is not None else "not_submitted"

    @property
    def levels(self) -> dict[str, int]:
        return {c: r.level for c, r in self.ratings.items()}

    @property
    def passed(self) -> bool | None:
        return task_passed(self.task, self.levels) if self.ratings else None

    @property
    def points(self) -> float | None:
        return task_points(self.task, self.levels) if self.ratings else None


@dataclass(frozen=True)
class _Given:
    task: str
    criterion: str
    rating: TaskRating

    @property
    def origin(self) -> Origin:
        return self.rating.origin


def learner_task_states(
    learner: str, submissions: Iterable[TaskSubmission], ratings: Iterable[TaskRating], catalog: Catalog
) -> dict[str, TaskState]:
    """One learner's records -> task id -> state, for the tasks with any record (in the course's order)."""
    submitted = latest_by(submissions, _TASK)
    mine = list(ratings)
    selfs = latest_by((r for r in mine if r.rater == SELF_RATER), _TASK)
    # An instructor's sheet gives one criterion a row: latest wins per criterion.
    given = [_Given(r.task, c, r) for r in mine if r.rater != SELF_RATER for c in r.levels]
    latest = latest_by(given, attrgetter("task", "criterion"))
    out: dict[str, TaskState] = {}
    for task_id, (_module, task) in catalog.tasks.items():
        rated = {
            g.criterion: CriterionRating(
                g.rating.levels[g.criterion], g.rating.rater, g.rating.comment, g.rating
            )
            for g in latest.values()
            if g.task == task_id
        }
        sub, own = submitted.get(task_id), selfs.get(task_id)
        if sub is not None or own is not None or rated:
            out[task_id] = TaskState(learner, task, sub, own, rated)
    return out


def by_learner_tasks(records: Iterable[Record], catalog: Catalog) -> dict[str, dict[str, TaskState]]:
    """Every learner's task states (learners with task records only)."""
    submissions: dict[str, list[TaskSubmission]] = {}
    ratings: dict[str, list[TaskRating]] = {}
    for r in records:
        if type(r) is TaskSubmission:
            submissions.setdefault(r.learner, []).append(r)
        elif type(r) is TaskRating:
            ratings.setdefault(r.learner, []).append(r)
    return {
        learner: learner_task_states(learner, submissions.get(learner, []), ratings.get(learner, []), catalog)
        for learner in sorted(submissions.keys() | ratings.keys())
    }
