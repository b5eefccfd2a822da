"""build_report(course, records) -> Report: the one pure step from normalised records to what is shown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..modules.course import Course
from .catalog import Catalog
from .knowledge import evidence_from_answers, knowledge_cells
from .merge import latest_by
from .model import (
    RULE,
    ActivityStatus,
    AttitudeSummary,
    KnowledgeCell,
    Label,
    LearnerRow,
    QuestionStat,
    ReflectionRow,
    Report,
    TaskColumns,
    TaskProgress,
)
from .records import ActivityDone, Answer, KnowledgeEvidence, Record, ReflectionEntry
from .times import iso

NOT_ATTEMPTED = KnowledgeCell("not_attempted", None, None, None, ())


def build_report(
    course: Course, records: Iterable[Record], skipped: Sequence[str] = (), catalog: Catalog | None = None
) -> Report:
    catalog = catalog or Catalog(course)
    std = course.standard
    evidence: list[KnowledgeEvidence] = []
    activities: list[ActivityDone] = []
    reflections: list[ReflectionEntry] = []
    answers: list[Answer] = []
    sources: dict[str, int] = {}
    for r in records:  # millions of records: a plain dict count, and the commonest type tested first
        source = r.origin.source
        sources[source] = sources.get(source, 0) + 1
        if isinstance(r, Answer):
            answers.append(r)
        elif isinstance(r, KnowledgeEvidence):
            evidence.append(r)
        elif isinstance(r, ActivityDone):
            activities.append(r)
        else:
            reflections.append(r)
    evidence += evidence_from_answers((a for a in answers if a.origin.source == "xapi"), catalog)
    cells = knowledge_cells(evidence, catalog)
    done = latest_by(activities, lambda a: (a.learner, a.activity))
    kept = latest_by(reflections, lambda r: (r.learner, r.attitude, r.reflection))
    last_answers = latest_by(answers, lambda a: (a.learner, a.question))

    learners = sorted(
        {*cells, *(a.learner for a in done.values()), *(r.learner for r in kept.values())}
        | {a.learner for a in last_answers.values()}
    )
    acts: dict[str, dict[str, ActivityStatus]] = {}
    for a in done.values():
        acts.setdefault(a.learner, {})[a.activity] = "completed" if a.completed else "not_yet"

    tasks = tuple(
        TaskColumns(
            Label(t.id, t.label, t.title),
            tuple(
                Label(a.id, a.label, a.title) for a in t.activities if a.id in catalog.taught_activities[t.id]
            ),
        )
        for t in std.tasks
        if t.id in catalog.taught_activities
    )
    rows = []
    for learner in learners:
        mine = acts.get(learner, {})
        statuses = {a.id: mine.get(a.id, "not_attempted") for t in tasks for a in t.activities}
        progress = {}
        for t in tasks:
            got = [statuses[a.id] for a in t.activities]
            n = got.count("completed")
            status: ActivityStatus = (
                "completed"
                if n == len(got)
                else "not_attempted"
                if set(got) == {"not_attempted"}
                else "not_yet"
            )
            progress[t.task.id] = TaskProgress(n, len(got), status)
        k_cells = cells.get(learner, {})
        rows.append(
            LearnerRow(
                learner,
                {k: k_cells.get(k, NOT_ATTEMPTED) for k in catalog.assessed_knowledge},
                statuses,
                progress,
            )
        )

    return Report(
        title=std.title,
        rule=RULE,
        knowledge=tuple(
            Label(k, std.index[k].label, std.index[k].text or "") for k in catalog.assessed_knowledge
        ),
        tasks=tasks,
        learners=tuple(rows),
        attitudes=_attitudes(course, kept.values()),
        questions=_questions(catalog, last_answers.values()),
        sources=dict(sorted(sources.items())),
        skipped=tuple(skipped),
    )


def _attitudes(course: Course, kept: Iterable[ReflectionEntry]) -> tuple[AttitudeSummary, ...]:
    by_attitude: dict[str, list[ReflectionEntry]] = {}
    for r in kept:
        by_attitude.setdefault(r.attitude, []).append(r)
    offered = {r.attitude for _m, r in course.reflections()}
    out = []
    for a in course.standard.attitudes:
        if a.id not in offered and a.id not in by_attitude:
            continue
        mine = sorted(by_attitude.get(a.id, []), key=lambda r: (r.learner, r.reflection))
        ratings = Counter(r.rating for r in mine if r.rating)
        out.append(
            AttitudeSummary(
                Label(a.id, a.label, a.full_text),
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


def _questions(catalog: Catalog, answers: Iterable[Answer]) -> tuple[QuestionStat, ...]:
    answered: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for a in answers:
        answered[a.question] += 1
        correct[a.question] += a.correct
    return tuple(
        QuestionStat(
            qid,
            module,
            q.activity,
            tuple(q.knowledge),
            answered[qid],
            correct[qid],
            round(correct[qid] / answered[qid], 4) if answered[qid] else None,
        )
        for qid, (module, q) in catalog.questions.items()
    )
