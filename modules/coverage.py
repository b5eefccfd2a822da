"""The standard-by-content matrix: for every item of the standard, what in the course reaches it.

What "reaches" means:
- a task: the lessons, questions and reflections of the modules that teach it;
- an activity: lessons, questions and reflections placed under it;
- an output (O) or indicator (P): the lessons of its activity (a lesson teaches what its activity asks);
  an indicator also counts the questions that name it as evidence;
- a K or S item: lessons and questions that name it;
- an A item: reflections that name it.

Performance tasks count apart, in `tasks` and `criteria`:
- an output (O): the tasks that produce it, and the rubric criteria of those tasks;
- an indicator (P), a K, S or A item: the tasks whose rubric names it, and the criteria that name it;
- an activity or a work task: the tasks placed under it, and their criteria.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from ..quizzes.model import QUESTION_TYPES
from .course import Course

MIN_QUESTIONS_PER_K = 5
MIN_APPLIED_PER_K = 2
MIN_QUESTIONS = 90
MIN_REFLECTIONS_PER_MODULE = 2
MIN_REFLECTIONS_PER_A = 2
MIN_QUESTIONS_PER_P = 2  # or one rubric criterion: an indicator rated on a performance task is evidenced
MIN_QUESTIONS_PER_MODULE = 35  # a module is a whole work task; fewer questions cannot evidence its indicators


@dataclass(frozen=True)
class CoverageRow:
    id: str
    kind: str
    label: str
    text: str
    lessons: int
    questions: int
    applied: int
    reflections: int
    tasks: int
    criteria: int
    note: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def coverage(course: Course) -> list[CoverageRow]:
    lessons: Counter[str] = Counter()
    questions: Counter[str] = Counter()
    applied: Counter[str] = Counter()
    reflections: Counter[str] = Counter()
    std = course.standard

    for module, lesson in course.lessons():
        act = std.activities[lesson.activity]
        for ident in {
            module.task,
            lesson.activity,
            *lesson.knowledge,
            *lesson.skills,
            *(o.id for o in act.outputs),
            *(p.id for p in act.indicators),
        }:
            lessons[ident] += 1
    for module, q in course.questions():
        for ident in {module.task, q.activity, *q.knowledge, *q.indicators, *q.skills}:
            questions[ident] += 1
            applied[ident] += int(q.applied)
    for module, r in course.reflections():
        for ident in {module.task, r.attitude, *([r.activity] if r.activity else [])}:
            reflections[ident] += 1

    tasks: Counter[str] = Counter()
    criteria: Counter[str] = Counter()
    for module, t in course.tasks():
        for ident in {module.task, t.activity, *t.outputs}:
            tasks[ident] += 1
            criteria[ident] += len(t.rubric)
        named: Counter[str] = Counter(
            ident for c in t.rubric for ident in {*c.indicators, *c.skills, *c.knowledge, *c.attitudes}
        )
        for ident, n in named.items():
            tasks[ident] += 1
            criteria[ident] += n

    rows = []
    for item in std.items():
        counts = (lessons[item.id], questions[item.id], applied[item.id], reflections[item.id])
        rated = (tasks[item.id], criteria[item.id])
        rows.append(
            CoverageRow(
                id=item.id,
                kind=item.kind,
                label=item.label,
                text=item.text or "",
                lessons=counts[0],
                questions=counts[1],
                applied=counts[2],
                reflections=counts[3],
                tasks=rated[0],
                criteria=rated[1],
                note=_note(item.kind, item.text, item.erratum, *counts, *rated),
            )
        )
    return rows


def _note(
    kind: str,
    text: str | None,
    erratum: str | None,
    lessons: int,
    questions: int,
    applied: int,
    reflections: int,
    tasks: int,
    criteria: int,
) -> str:
    notes = []
    if text is None:
        notes.append(f"no text in the standard (ERRATA {erratum})")
    if kind in ("task", "activity") and lessons == 0:
        notes.append("no lesson")
    if kind == "output" and lessons == 0:
        notes.append("not taught")
    if kind == "output" and tasks == 0:
        notes.append("produced by no task")
    if kind == "skill" and questions == 0 and criteria == 0:
        notes.append("not assessed by any question or rubric")
    if kind == "indicator" and criteria == 0:
        if questions == 0:
            notes.append("not assessed by any question or rubric")
        elif questions < MIN_QUESTIONS_PER_P:
            notes.append(
                f"only {questions} questions (minimum {MIN_QUESTIONS_PER_P}) and no rubric criterion"
            )
    if kind == "knowledge" and questions < MIN_QUESTIONS_PER_K:
        notes.append(f"only {questions} questions (minimum {MIN_QUESTIONS_PER_K})")
    if kind == "knowledge" and applied < MIN_APPLIED_PER_K:
        notes.append(f"only {applied} applied questions (minimum {MIN_APPLIED_PER_K})")
    if kind == "attitude" and reflections == 0:
        notes.append("no reflection")
    elif kind == "attitude" and reflections < MIN_REFLECTIONS_PER_A:
        notes.append(f"only {reflections} reflections (minimum {MIN_REFLECTIONS_PER_A})")
    return "; ".join(notes)


def coverage_gaps(course: Course, rows: list[CoverageRow] | None = None) -> list[str]:
    """Where the course falls short of the product's minimums. Empty means the course is complete."""
    rows = rows if rows is not None else coverage(course)
    gaps = []
    for row in rows:
        if row.kind == "activity" and row.lessons == 0:
            gaps.append(f"activity {row.id} has no lesson")
        if row.kind == "knowledge" and row.questions < MIN_QUESTIONS_PER_K:
            gaps.append(f"{row.id} has {row.questions} questions (minimum {MIN_QUESTIONS_PER_K})")
        if row.kind == "knowledge" and row.applied < MIN_APPLIED_PER_K:
            gaps.append(f"{row.id} has {row.applied} applied questions (minimum {MIN_APPLIED_PER_K})")
        if row.kind == "indicator" and row.questions < MIN_QUESTIONS_PER_P and row.criteria == 0:
            gaps.append(
                f"{row.id} is evidenced by {row.questions} questions (minimum {MIN_QUESTIONS_PER_P}) and no rubric criterion"
            )
        if row.kind == "attitude" and row.reflections < MIN_REFLECTIONS_PER_A:
            name = f"attitude {row.id} ({row.text.split('：')[0]})"
            if row.reflections == 0:
                gaps.append(f"{name} has no reflection")
            else:
                gaps.append(f"{name} has {row.reflections} reflections (minimum {MIN_REFLECTIONS_PER_A})")
    all_questions = [q for _, q in course.questions()]
    if len(all_questions) < MIN_QUESTIONS:
        gaps.append(f"the course has {len(all_questions)} questions (minimum {MIN_QUESTIONS})")
    unused = [t for t in QUESTION_TYPES if t not in {q.type for q in all_questions}]
    if unused:
        gaps.append("question types not used: " + ", ".join(unused))
    for module in course.modules:
        if len(module.questions) < MIN_QUESTIONS_PER_MODULE:
            gaps.append(
                f"module {module.id} has {len(module.questions)} questions (minimum {MIN_QUESTIONS_PER_MODULE})"
            )
        if len(module.reflections) < MIN_REFLECTIONS_PER_MODULE:
            gaps.append(
                f"module {module.id} has {len(module.reflections)} reflections (minimum {MIN_REFLECTIONS_PER_MODULE})"
            )
    for task in course.standard.tasks:
        if not any(m.task == task.id for m in course.modules):
            gaps.append(f"task {task.id} has no module")
    gaps += _task_gaps(course, rows)
    return gaps


def _task_gaps(course: Course, rows: list[CoverageRow]) -> list[str]:
    """A module with performance tasks must let learners produce every output of its work task and be rated on
    every indicator: an output is assessed by producing it, and a choice question does not rate a behaviour."""
    with_tasks = {m.task for m in course.modules if m.tasks}
    task_of = course.standard.task_of
    gaps = []
    for row in rows:
        if task_of.get(row.id) not in with_tasks:
            continue
        if row.kind == "output" and row.tasks == 0:
            gaps.append(f"output {row.id} ({row.text}) is produced by no performance task")
        if row.kind == "indicator" and row.criteria == 0:
            gaps.append(f"indicator {row.id} ({row.text}) is named by no rubric criterion")
    return gaps


COLUMNS = (
    "id", "kind", "label", "lessons", "questions", "applied", "reflections", "tasks", "criteria", "note", "text"
)  # fmt: skip


def coverage_json(rows: list[CoverageRow]) -> str:
    import json

    return json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2) + "\n"


def coverage_csv(rows: list[CoverageRow]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([getattr(r, c) for c in COLUMNS])
    return out.getvalue()


def coverage_table(rows: list[CoverageRow], text_width: int = 40) -> str:
    """A plain-text table that lines up with CJK text (wide characters take two columns)."""
    header = ("id", "kind", "label", "L", "Q", "Qa", "R", "T", "C", "text  [note]")
    body = [
        (
            r.id,
            r.kind,
            r.label,
            str(r.lessons),
            str(r.questions),
            str(r.applied),
            str(r.reflections),
            str(r.tasks),
            str(r.criteria),
            _clip(r.text, text_width) + (f"  [{r.note}]" if r.note else ""),
        )
        for r in rows
    ]
    widths = [max(_width(row[i]) for row in [header, *body]) for i in range(len(header) - 1)]
    lines = []
    for row in [header, *body]:
        cells = [_pad(cell, widths[i], right=3 <= i <= 8) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    lines.append("")
    lines.append(
        "L = lessons, Q = questions, Qa = applied questions (scenario or calculation), R = reflections,"
        " T = performance tasks, C = rubric criteria"
    )
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def _clip(text: str, width: int) -> str:
    out = ""
    for ch in text:
        if _width(out + ch) > width - 1:
            return out + "…"
        out += ch
    return out
