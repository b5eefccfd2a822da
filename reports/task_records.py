"""Performance-task tracking data -> records, checked against the course: one home for what every reader
(SCORM interactions, xAPI statements, the rating sheet) accepts as a deliverable or a level.

Ids and value texts are the runtime's (performance/ids.py, performance/codec.py); a problem raises ValueError
with the message the reader puts in its skipped list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..performance.codec import encode_field, interaction_text
from ..performance.ids import TaskRef
from ..performance.model import Criterion, Task
from ..scorm_export.saved_state import fnv6, saved_tasks
from .catalog import Catalog
from .records import SELF_RATER, Origin, Record, Skipped, TaskRating, TaskSubmission


def task_of(task_id: str, catalog: Catalog) -> Task:
    found = catalog.tasks.get(task_id)
    if found is None:
        raise ValueError(f"unknown task id '{task_id}'")
    return found[1]


def criterion_of(task: Task, criterion_id: str) -> Criterion:
    criterion = task.criterion(criterion_id)
    if criterion is None:
        raise ValueError(f"task {task.id} has no criterion '{criterion_id}'")
    return criterion


def level_of(task: Task, criterion_id: str, value: object) -> int:
    """A level as a whole number 1..n of the criterion's levels: from a number, or its text ("3")."""
    criterion = criterion_of(task, criterion_id)
    top = len(criterion.levels)
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = float(value.strip()) if len(value.strip()) < 4 else None
    if number is None or not number.is_integer() or not 1 <= number <= top:
        raise ValueError(f"task {task.id} criterion {criterion_id}: level must be 1–{top}, not {value!r}")
    return int(number)


def submission(
    learner: str, task_id: str, fields: Mapping[str, object], origin: Origin, catalog: Catalog
) -> TaskSubmission:
    task = task_of(task_id, catalog)
    known = {f.id for f in task.deliverable}
    kept: dict[str, str] = {}
    for fid, value in fields.items():
        if fid not in known:
            raise ValueError(f"task {task_id} has no deliverable field '{fid}'")
        if not isinstance(value, str):
            raise ValueError(f"task {task_id} field {fid}: the value is not text")
        kept[fid] = value
    return TaskSubmission(learner, task_id, kept, origin)


def self_rating(
    learner: str, task_id: str, levels: Mapping[str, object], origin: Origin, catalog: Catalog
) -> TaskRating:
    task = task_of(task_id, catalog)
    return TaskRating(
        learner, task_id, {c: level_of(task, c, v) for c, v in levels.items()}, SELF_RATER, "", origin
    )


@dataclass
class _Parts:
    """One task's interactions within a SCORM attempt."""

    fields: dict[str, dict[int, str]] = field(default_factory=dict)  # field -> part number -> text
    levels: dict[str, int] = field(default_factory=dict)
    submitted: list[datetime | None] = field(default_factory=list)
    rated: list[datetime | None] = field(default_factory=list)
    where: str = ""  # the first field interaction: where a missing part is reported


def from_interactions(
    found: Iterable[tuple[str, TaskRef, str, datetime | None]],
    learner: str,
    file: str,
    attempt: Origin,
    catalog: Catalog,
    skipped: list[Skipped],
) -> list[Record]:
    """found: (where, parsed id, learner_response, timestamp) of each task interaction of one attempt; a bad one
    is skipped by itself. A submission's time is its latest field's, a self-rating's its latest level's (the
    attempt's when they have none)."""
    tasks: dict[str, _Parts] = {}
    for where, ref, response, when in found:
        try:
            task = task_of(ref.task, catalog)
            parts = tasks.setdefault(ref.task, _Parts())
            if ref.kind == "field":
                if all(f.id != ref.name for f in task.deliverable):
                    raise ValueError(f"task {task.id} has no deliverable field '{ref.name}'")
                parts.where = parts.where or where
                parts.fields.setdefault(ref.name, {})[ref.part] = response
                parts.submitted.append(when)
            else:
                parts.levels[ref.name] = level_of(task, ref.name, response)
                parts.rated.append(when)
        except ValueError as exc:
            skipped.append(Skipped(file, where, str(exc)))
    out: list[Record] = []
    for task_id, parts in tasks.items():
        if parts.fields:
            try:
                joined = {f: _joined(task_id, f, p) for f, p in parts.fields.items()}
            except ValueError as exc:
                skipped.append(Skipped(file, parts.where, str(exc)))
            else:
                out.append(TaskSubmission(learner, task_id, joined, _origin(attempt, parts.submitted)))
        if parts.levels:
            origin = _origin(attempt, parts.rated)
            out.append(TaskRating(learner, task_id, parts.levels, SELF_RATER, "", origin))
    return out


def _joined(task_id: str, field_id: str, parts: dict[int, str]) -> str:
    missing = [n for n in range(1, max(parts) + 1) if n not in parts]
    if missing:
        raise ValueError(f"task {task_id} field {field_id}: part {missing[0]} of {max(parts)} is missing")
    return "".join(parts[n] for n in sorted(parts))


def _origin(attempt: Origin, whens: list[datetime | None]) -> Origin:
    dated = [w for w in whens if w is not None]
    return Origin(attempt.source, attempt.file, max(dated) if dated else attempt.when)


def from_saved_state(
    suspend: str,
    learner: str,
    file: str,
    attempt: Origin,
    catalog: Catalog,
    skipped: list[Skipped],
    have: set[tuple[str, str]],
) -> list[Record]:
    """Submitted tasks and self-ratings kept in suspend_data (scorm_export/saved_state.py): how SCORM 1.2 carries a
    deliverable. have: (task id, "field" | "self_rating") already read from this attempt's interactions, which
    win (SCORM 2004 has both). A draft is never evidence; a deliverable the LMS had no room for in full is kept
    as far as it goes and named."""
    try:
        saved = saved_tasks(suspend) if suspend else {}
    except (ValueError, TypeError):
        return []  # not our state (another SCO, or damaged): the interactions still tell what they hold
    out: list[Record] = []
    for task_id, (_module, task) in catalog.tasks.items():
        kept = saved.get(fnv6(task_id))
        if kept is None or kept.status == "draft":
            continue
        if (task_id, "field") not in have:
            fields = {
                f.id: encode_field(f, kept.values[f.id]) for f in task.deliverable if f.id in kept.values
            }
            out.append(TaskSubmission(learner, task_id, fields, attempt))
            if kept.cut:
                skipped.append(
                    Skipped(file, "cmi.suspend_data", f"task {task_id}: only the start of the deliverable was "
                            "saved (the LMS had no room for the rest; the learner was offered it as a download)")
                )  # fmt: skip
        if kept.status == "self_rated" and (task_id, "self_rating") not in have:
            levels = {
                c.id: n for c, n in zip(task.rubric, kept.levels, strict=False) if 1 <= n <= len(c.levels)
            }
            if levels:
                out.append(TaskRating(learner, task_id, levels, SELF_RATER, "", attempt))
    return out


def exact_submissions(read: list[Record], suspend: str, catalog: Catalog) -> list[Record]:
    """SCORM 2004 interactions hold a deliverable as LMS lines (`performance.codec.interaction_text`: line
    breaks as spaces, "[,]" escaped, then split into 4,000-unit parts): where this attempt's saved state holds the same
    submission in full, its exact text replaces theirs, so an instructor reads the paragraphs as written. A saved
    state that holds anything else (older, cut, a draft, not ours) changes nothing: the interactions win."""
    try:
        saved = saved_tasks(suspend) if suspend else {}
    except (ValueError, TypeError):
        return read
    out: list[Record] = []
    for r in read:
        kept = saved.get(fnv6(r.task)) if isinstance(r, TaskSubmission) and r.task in catalog.tasks else None
        if isinstance(r, TaskSubmission) and kept is not None and kept.status != "draft" and not kept.cut:
            task = catalog.tasks[r.task][1]
            exact = {
                f.id: encode_field(f, kept.values[f.id]) for f in task.deliverable if f.id in kept.values
            }
            if exact.keys() == r.fields.keys() and all(
                interaction_text(exact[k]) == v for k, v in r.fields.items()
            ):
                r = replace(r, fields=exact)
        out.append(r)
    return out
