"""build_report(course, records) -> Report: the one pure step from normalised records to what is shown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime
from functools import partial
from itertools import compress, repeat, starmap
from operator import attrgetter
from typing import Any

from ..modules.course import Course
from ..quizzes.status import Status, task_status
from .catalog import Catalog
from .class_view import class_view
from .knowledge import evidence_from_answers, learner_cells, needed_points
from .merge import latest_by, supersedes
from .model import (
    RULE,
    AttitudeSummary,
    KnowledgeCell,
    Label,
    LearnerRow,
    PracticeRow,
    QuestionStat,
    ReflectionRow,
    Report,
    TaskColumns,
    TaskProgress,
)
from .parallel import in_two
from .performance_cells import learner_performance, performance_layout
from .records import (
    ActivityDone,
    Answer,
    AnswerSheet,
    KnowledgeEvidence,
    Record,
    ReflectionEntry,
    TaskRating,
    TaskSubmission,
)
from .task_states import TaskState, learner_task_states
from .times import iso

NOT_ATTEMPTED = KnowledgeCell(Status.NOT_ATTEMPTED, None, None, None, ())

# Within one learner, what "the same thing" is for latest attempt wins (attrgetter: no Python call per record).
_ACTIVITY = attrgetter("activity")
_REFLECTION = attrgetter("attitude", "reflection")
_BY_LEARNER = attrgetter("learner", "reflection")  # an attitude's reflections, in the order they are shown


class _LearnerRecords:
    """One learner's records by type: every merge step groups within a learner, so the report is built
    learner by learner (small dicts per step instead of a few huge ones keyed by tuples, which cost more than
    linearly on 10,000 learners)."""

    __slots__ = ("evidence", "activities", "reflections", "answers", "practice", "submissions", "ratings")

    def __init__(self) -> None:
        self.evidence: list[KnowledgeEvidence] = []
        self.activities: list[ActivityDone] = []
        self.reflections: list[ReflectionEntry] = []
        self.answers: list[Answer | AnswerSheet] = []  # together, in input order: latest wins across both
        self.practice: list[Answer] = []  # given in cmi5 Browse or Review sessions: no mastery evidence
        self.submissions: list[TaskSubmission] = []  # performance tasks
        self.ratings: list[TaskRating] = []


def build_report(
    course: Course,
    records: Iterable[Record],
    skipped: Sequence[str] = (),
    catalog: Catalog | None = None,
    jobs: int | None = 1,
) -> Report:
    """jobs: processes to build with (None: one per CPU; a second one only for a large class)."""
    catalog = catalog or Catalog(course)
    std = course.standard
    by_learner: dict[str, _LearnerRecords] = {}
    sources: dict[str, int] = {}
    for r in records:  # millions of records: plain dict counts, and the commonest type tested first
        source = r.origin.source
        mine = by_learner.get(r.learner)
        if mine is None:
            mine = by_learner[r.learner] = _LearnerRecords()
        if type(r) is Answer:
            sources[source] = sources.get(source, 0) + 1
            (mine.answers if r.mode == "Normal" else mine.practice).append(r)
        elif type(r) is AnswerSheet:
            sources[source] = sources.get(source, 0) + len(r.questions)  # counted as the answers it holds
            mine.answers.append(r)
        else:
            sources[source] = sources.get(source, 0) + 1
            if type(r) is KnowledgeEvidence:
                mine.evidence.append(r)
            elif type(r) is ActivityDone:
                mine.activities.append(r)
            elif type(r) is TaskSubmission:
                mine.submissions.append(r)
            elif type(r) is TaskRating:
                mine.ratings.append(r)
            else:
                mine.reflections.append(r)  # type: ignore[arg-type]

    # Each learner's part depends on that learner's records alone: on a large class the second half of the
    # learners is done by a forked process meanwhile (reports/parallel.py), in the same order.
    work = partial(_learners_part, by_learner=by_learner, catalog=catalog, needed=needed_points(catalog))
    parts = in_two(work, sorted(by_learner), _pack_part, partial(_unpack_part, catalog=catalog), jobs)
    learners = [one for part in parts for one in part.learners]
    practice = [row for part in parts for row in part.practice]
    kept = [r for part in parts for r in part.kept]
    answered, right = parts[0].answered, parts[0].right
    for part in parts[1:]:
        answered.update(part.answered)
        right.update(part.right)

    tasks = tuple(
        TaskColumns(
            Label(t.id, std.distinct_label(t.id), t.title),
            tuple(
                Label(a.id, std.distinct_label(a.id), a.title)
                for a in t.activities
                if a.id in catalog.taught_activities[t.id]
            ),
        )
        for t in std.tasks
        if t.id in catalog.taught_activities
    )
    layout = performance_layout(catalog)
    # Most learners of a large class have handed nothing in: they share one set of (read-only) cells, which also
    # lets the renderers write those cells once (reports/shared_cells.py).
    nothing_handed_in = learner_performance({}, layout)
    rows = []
    for learner, k_cells, mine_acts, states in learners:
        statuses = {a.id: mine_acts.get(a.id, Status.NOT_ATTEMPTED) for t in tasks for a in t.activities}
        progress = {}
        for t in tasks:
            got = [statuses[a.id] for a in t.activities]
            progress[t.task.id] = TaskProgress(got.count(Status.COMPLETED), len(got), task_status(got))
        rows.append(
            LearnerRow(
                learner,
                {k: k_cells.get(k, NOT_ATTEMPTED) for k in catalog.assessed_knowledge},
                statuses,
                progress,
                *(learner_performance(states, layout) if states else nothing_handed_in),
            )
        )

    knowledge = tuple(
        Label(k, std.distinct_label(k), std.index[k].text or "") for k in catalog.assessed_knowledge
    )
    attitudes = _attitudes(course, kept)
    return Report(
        title=std.title,
        rule=RULE,
        class_view=class_view(knowledge, tasks, layout, rows, attitudes),
        knowledge=knowledge,
        tasks=tasks,
        performance=layout.tasks,
        outputs=layout.outputs,
        rubric=layout.rubric,
        learners=tuple(rows),
        attitudes=attitudes,
        questions=_questions(catalog, answered, right),
        practice=tuple(practice),
        sources=dict(sorted(sources.items())),
        skipped=tuple(skipped),
    )


Learned = tuple[str, dict[str, KnowledgeCell], dict[str, Status], dict[str, TaskState]]


class _Part:
    """What a run of learners gives, in their order: the report's rows are made from it."""

    __slots__ = ("learners", "practice", "kept", "answered", "right")

    def __init__(self) -> None:
        self.learners: list[Learned] = []  # learner, K cells, activity statuses, task states
        self.practice: list[PracticeRow] = []
        self.kept: list[ReflectionEntry] = []  # each learner's latest reflections
        self.answered: Counter[str] = Counter()  # question id -> learners whose latest answer it is
        self.right: Counter[str] = Counter()  # of those, the correct ones


def _learners_part(
    names: Sequence[str], by_learner: dict[str, _LearnerRecords], catalog: Catalog, needed: dict[str, float]
) -> _Part:
    part = _Part()
    for learner in names:
        mine = by_learner[learner]
        if mine.practice:
            part.practice += _practice_rows(learner, mine.practice)
        if mine.answers:
            xapi = [a for a in mine.answers if type(a) is Answer and a.origin.source == "xapi"]
            if xapi:
                mine.evidence += evidence_from_answers(xapi, catalog)
            latest = _latest_answers(mine.answers)
            part.answered.update(latest.keys())
            part.right.update(compress(latest, latest.values()))
        cells = learner_cells(mine.evidence, catalog, needed) if mine.evidence else {}
        acts: dict[str, Status] = {
            a.activity: Status.COMPLETED if a.completed else Status.INCOMPLETE
            for a in latest_by(mine.activities, _ACTIVITY).values()
        }
        part.kept += latest_by(mine.reflections, _REFLECTION).values()
        states = learner_task_states(learner, mine.submissions, mine.ratings, catalog)
        part.learners.append((learner, cells, acts, states))
    return part


# A part crosses from the forked process as plain tuples (ten times cheaper to pickle than dataclasses), and task
# states name their task by id: the course's objects stay this process's own.
_CELL = attrgetter(*(f.name for f in fields(KnowledgeCell)))
_ENTRY = attrgetter(*(f.name for f in fields(ReflectionEntry)))


def _pack_part(part: _Part) -> tuple[Any, ...]:
    learners = [
        (
            learner,
            [(k, *_CELL(c)) for k, c in cells.items()],
            acts,
            [(t, s.submission, s.self_rating, s.ratings) for t, s in states.items()],
        )
        for learner, cells, acts, states in part.learners
    ]
    return learners, part.practice, list(map(_ENTRY, part.kept)), part.answered, part.right


def _unpack_part(packed: tuple[Any, ...], catalog: Catalog) -> _Part:
    learners, practice, kept, answered, right = packed
    part = _Part()
    part.learners = [
        (
            learner,
            {k: KnowledgeCell(*cell) for k, *cell in cells},
            acts,
            {t: TaskState(learner, catalog.tasks[t][1], *state) for t, *state in states},
        )
        for learner, cells, acts, states in learners
    ]
    part.practice, part.kept = practice, list(starmap(ReflectionEntry, kept))
    part.answered, part.right = answered, right
    return part


def _latest_answers(answers: list[Answer | AnswerSheet]) -> dict[str, bool]:
    """One learner's answers, one or a sheet at a time -> question id -> its latest answer correct.
    Latest wins by merge.supersedes, question by question (a sheet's answers all carry the attempt's time)."""
    correct: dict[str, bool] = {}
    when_of: dict[str, datetime | None] = {}
    for a in answers:
        when = a.origin.when
        if isinstance(a, AnswerSheet):
            if when_of.keys().isdisjoint(a.questions):  # the usual case: nothing to compare, a C-level update
                correct.update(zip(a.questions, a.correct, strict=True))
                when_of.update(zip(a.questions, repeat(when)))
                continue
            pairs: Iterable[tuple[str, bool]] = zip(a.questions, a.correct, strict=True)
        else:
            pairs = ((a.question, a.correct),)
        for question, ok in pairs:
            if question not in when_of or supersedes(when, when_of[question]):
                correct[question] = ok
                when_of[question] = when
    return correct


def _practice_rows(learner: str, answers: list[Answer]) -> list[PracticeRow]:
    """One row per launch mode: the latest answer to each question, as for graded answers."""
    by_mode: dict[str, list[Answer | AnswerSheet]] = {}
    for a in answers:
        by_mode.setdefault(a.mode, []).append(a)
    rows = []
    for mode, given in sorted(by_mode.items()):
        latest = _latest_answers(given)
        dated = [a.origin.when for a in given if a.origin.when is not None]
        rows.append(
            PracticeRow(learner, mode, len(latest), sum(latest.values()), iso(max(dated)) if dated else None)
        )
    return rows


def _attitudes(course: Course, kept: Iterable[ReflectionEntry]) -> tuple[AttitudeSummary, ...]:
    by_attitude: dict[str, list[ReflectionEntry]] = {}
    for r in kept:
        by_attitude.setdefault(r.attitude, []).append(r)
    offered = {r.attitude for _m, r in course.reflections()}
    out = []
    for a in course.standard.attitudes:
        if a.id not in offered and a.id not in by_attitude:
            continue
        mine = sorted(by_attitude.get(a.id, []), key=_BY_LEARNER)
        ratings = Counter(r.rating for r in mine if r.rating)
        out.append(
            AttitudeSummary(
                Label(a.id, course.standard.distinct_label(a.id), a.full_text),
                tuple(sorted({r.learner for r in mine})),
                {str(n): ratings.get(n, 0) for n in range(1, 6)},
                tuple(
                    ReflectionRow(
                        r.learner, r.reflection, r.rating, r.text, iso(r.origin.when), r.origin.source
                    )
                    for r in mine
                ),
            )
        )
    return tuple(out)


def _questions(catalog: Catalog, answered: Counter[str], correct: Counter[str]) -> tuple[QuestionStat, ...]:
    """answered / correct: question id -> how many learners' latest answers (0 for a question nobody
    answered)."""
    return tuple(
        QuestionStat(
            qid,
            module,
            q.activity,
            q.prompt,
            tuple(q.knowledge),
            answered[qid],
            correct[qid],
            round(correct[qid] / answered[qid], 4) if answered[qid] else None,
        )
        for qid, (module, q) in catalog.questions.items()
    )
