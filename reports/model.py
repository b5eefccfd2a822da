"""The report as data: what every renderer (HTML, JSON, CSV) shows, and nothing it has to compute."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..quizzes.status import Status

# The statuses' words and meanings are quizzes/status.py's (Status). A K item's status is mastered, not_mastered,
# incomplete or not_attempted; an activity's and a task's completed, incomplete or not_attempted; an O item's
# mastered, not_mastered, awaiting_rating or not_attempted.
# Performance tasks (TASKS_SPEC §6): a task's state, a rubric item's (P, or S by criteria).
PerformanceState = Literal["not_submitted", "submitted", "self_rated", "rated"]
RubricStatus = Literal["rated", "self_rated", "submitted", "not_submitted"]

RULE = (
    "Latest attempt wins: the same learner id in several sources is one learner. When records disagree about "
    "the same K item in the same module, activity, reflection or question, the one with the latest timestamp "
    "wins; an undated record (SCORM 1.2) loses to any dated one, and between equals the input read last wins. "
    "A K item is mastered when every module that assesses it has complete evidence and the points earned over "
    "all of them reach its threshold."
)


@dataclass(frozen=True, slots=True)
class Label:
    id: str
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class KnowledgeCell:
    status: Status
    earned: float | None
    available: float | None
    when: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TaskProgress:
    done: int
    total: int
    status: Status


@dataclass(frozen=True, slots=True)
class PerformanceCell:
    """A learner's performance task. levels: the instructor's, per criterion (only these decide `passed`, by
    performance/rubric.py); self_levels: the learner's own, shown apart."""

    state: PerformanceState
    passed: bool | None
    points: float | None
    max_points: float
    levels: dict[str, int]
    self_levels: dict[str, int]
    when: str | None  # the latest of the submission and the ratings
    raters: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RubricCell:
    """A P indicator (or an S item a criterion names): the instructor's level in every criterion naming it,
    keyed "task/criterion"; else the learner's self-rated levels, shown apart ("self_rated" only)."""

    status: RubricStatus
    levels: dict[str, int]
    self_levels: dict[str, int]


@dataclass(frozen=True, slots=True)
class LearnerRow:
    learner: str
    knowledge: dict[str, KnowledgeCell]
    activities: dict[str, Status]
    tasks: dict[str, TaskProgress]
    performance: dict[str, PerformanceCell]  # performance task id -> cell
    outputs: dict[str, Status]  # O id -> status
    rubric: dict[str, RubricCell]  # P (then S) id -> cell


@dataclass(frozen=True, slots=True)
class TaskColumns:
    task: Label
    activities: tuple[Label, ...]


@dataclass(frozen=True, slots=True)
class CriterionLabel:
    id: str  # "task/criterion"
    title: str
    levels: int  # how many levels: a level is 1..levels
    items: tuple[str, ...]  # the P (and S) ids it names


@dataclass(frozen=True, slots=True)
class PerformanceColumns:
    """A performance task of the course: what it produces (O) and the criteria it is rated on."""

    task: Label
    outputs: tuple[str, ...]
    criteria: tuple[CriterionLabel, ...]


@dataclass(frozen=True, slots=True)
class ReflectionRow:
    learner: str
    reflection: str
    rating: int | None
    text: str | None
    when: str | None
    source: str


@dataclass(frozen=True, slots=True)
class AttitudeSummary:
    item: Label
    learners: tuple[str, ...]
    ratings: dict[str, int]  # "1".."5" -> how many reflections gave it
    reflections: tuple[ReflectionRow, ...]


@dataclass(frozen=True, slots=True)
class QuestionStat:
    id: str
    module: str
    activity: str
    text: str  # the prompt as the author wrote it (Markdown source)
    knowledge: tuple[str, ...]
    answered: int
    correct: int
    share_correct: float | None


@dataclass(frozen=True, slots=True)
class PracticeRow:
    """A learner's answers in cmi5 Browse or Review sessions: shown, never counted as mastery evidence."""

    learner: str
    mode: str  # "Browse" | "Review"
    answered: int  # questions answered (the latest answer to each)
    correct: int
    when: str | None  # the latest of them


@dataclass(frozen=True, slots=True)
class ItemShare:
    """One item of the class view: how many of the class's learners reached it, are on the way (begun, not
    reached), or have not started (`not_attempted`). For K items `reached` = mastered (`on_the_way`: not_mastered
    or incomplete), for activities and tasks = completed (`on_the_way`: incomplete), for O items = mastered
    (`on_the_way`: not_mastered or awaiting a rating), for P and S items = rated by an instructor (`on_the_way`:
    submitted or self-rated only), for A items =
    reflected."""

    kind: Literal["knowledge", "activity", "task", "output", "indicator", "skill", "attitude"]
    id: str
    label: str
    text: str
    reached: int
    on_the_way: int
    not_attempted: int
    share: float | None  # reached / learners, None when there are no learners
    # K: learners per score band (SCORE_BANDS); P, S: learners per instructor level 1..4 (their lowest level
    # over the criteria naming it); A: reflections per rating 1..5
    distribution: tuple[int, ...]
    reflections: int  # A items: reflections kept (a learner may write several); 0 otherwise


SCORE_BANDS = ("0–19%", "20–39%", "40–59%", "60–79%", "80–100%")


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    rule: str
    class_view: tuple[ItemShare, ...]  # K items, activities, tasks, O, P, S, A items, in the standard's order
    knowledge: tuple[Label, ...]
    tasks: tuple[TaskColumns, ...]
    performance: tuple[PerformanceColumns, ...]  # the course's performance tasks
    outputs: tuple[Label, ...]  # O items its performance tasks produce, in the standard's order
    rubric: tuple[Label, ...]  # P items, then S items, its rubric criteria name
    learners: tuple[LearnerRow, ...]
    attitudes: tuple[AttitudeSummary, ...]
    questions: tuple[QuestionStat, ...]
    practice: tuple[PracticeRow, ...]
    sources: dict[str, int]  # records read per source
    skipped: tuple[str, ...]
