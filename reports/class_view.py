"""The class view: per K item, activity, task and A item, how much of the class got there.

Computed once, from the learner rows and attitude summaries that build_report made, so the HTML page and
report.json show the same figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal, TypeVar

from ..quizzes.status import Status
from .model import SCORE_BANDS, AttitudeSummary, ItemShare, Label, LearnerRow, TaskColumns
from .performance_cells import PerformanceLayout

LEVELS = 4  # the most levels a rubric criterion has
V = TypeVar("V")


def _share(reached: int, learners: int) -> float | None:
    return round(reached / learners, 4) if learners else None


def _band(earned: float, available: float) -> int:
    """The SCORE_BANDS index of earned / available (80 % and more is the last band)."""
    return min(int(earned / available * len(SCORE_BANDS)), len(SCORE_BANDS) - 1)


def _distinct(cells: list[V]) -> list[tuple[V, int]]:
    """Each distinct object (by identity) in cells, in order of first appearance, and how often it appears."""
    held: dict[int, list[Any]] = {}
    for c in cells:
        entry = held.get(id(c))
        if entry is None:
            held[id(c)] = [c, 1]
        else:
            entry[1] += 1
    return [(c, n) for c, n in held.values()]


def class_view(
    knowledge: Sequence[Label],
    tasks: Sequence[TaskColumns],
    performance: PerformanceLayout,
    rows: Sequence[LearnerRow],
    attitudes: Sequence[AttitudeSummary],
) -> tuple[ItemShare, ...]:
    n = len(rows)
    items: list[ItemShare] = []
    for k in knowledge:
        cells = [row.knowledge[k.id] for row in rows]
        counts: Counter[str] = Counter(c.status for c in cells)
        bands = Counter(_band(c.earned, c.available) for c in cells if c.earned is not None and c.available)
        items.append(
            ItemShare(
                "knowledge", k.id, k.label, k.text,
                counts[Status.MASTERED], counts[Status.NOT_MASTERED] + counts[Status.INCOMPLETE],
                counts[Status.NOT_ATTEMPTED], _share(counts[Status.MASTERED], n),
                tuple(bands[i] for i in range(len(SCORE_BANDS))), 0,
            )
        )  # fmt: skip
    done: list[tuple[Literal["activity", "task"], Label, Counter[str]]] = [
        ("activity", a, Counter(row.activities[a.id] for row in rows)) for t in tasks for a in t.activities
    ]
    done += [("task", t.task, Counter(row.tasks[t.task.id].status for row in rows)) for t in tasks]
    for kind, label, counts in done:
        items.append(
            ItemShare(
                kind, label.id, label.label, label.text,
                counts[Status.COMPLETED], counts[Status.INCOMPLETE], counts[Status.NOT_ATTEMPTED],
                _share(counts[Status.COMPLETED], n), (), 0,
            )
        )  # fmt: skip
    # Most learners of a large class share one set of performance cells (build_report): each distinct set is
    # counted once, as many times as learners hold it.
    outputs = _distinct([row.outputs for row in rows])
    rubrics = _distinct([row.rubric for row in rows])
    for o in performance.outputs:
        counts = Counter()
        for statuses, held in outputs:
            counts[statuses[o.id]] += held
        items.append(
            ItemShare(
                "output", o.id, o.label, o.text,
                counts[Status.MASTERED], counts[Status.NOT_MASTERED] + counts[Status.AWAITING_RATING],
                counts[Status.NOT_ATTEMPTED], _share(counts[Status.MASTERED], n), (), 0,
            )
        )  # fmt: skip
    for item in performance.rubric:
        counts = Counter()
        lowest: Counter[int] = Counter()
        for rubric, held in rubrics:
            c = rubric[item.id]
            counts[c.status] += held
            if c.levels:
                lowest[min(c.levels.values())] += held
        rated_kind: Literal["indicator", "skill"] = "skill" if item.id in performance.skills else "indicator"
        items.append(
            ItemShare(
                rated_kind, item.id, item.label, item.text,
                counts["rated"], counts["self_rated"] + counts["submitted"], counts["not_submitted"],
                _share(counts["rated"], n), tuple(lowest[i] for i in range(1, LEVELS + 1)), 0,
            )
        )  # fmt: skip
    for att in attitudes:
        reached = len(att.learners)
        items.append(
            ItemShare(
                "attitude", att.item.id, att.item.label, att.item.text,
                reached, 0, n - reached, _share(reached, n),
                tuple(att.ratings.values()), len(att.reflections),
            )
        )  # fmt: skip
    return tuple(items)
