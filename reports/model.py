"""The report as data: what every renderer (HTML, JSON, CSV) shows, and nothing it has to compute."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

KnowledgeStatus = Literal["mastered", "not_yet", "not_attempted"]
ActivityStatus = Literal["completed", "not_yet", "not_attempted"]

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
    status: KnowledgeStatus
    earned: float | None
    available: float | None
    when: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TaskProgress:
    done: int
    total: int
    status: ActivityStatus


@dataclass(frozen=True, slots=True)
class LearnerRow:
    learner: str
    knowledge: dict[str, KnowledgeCell]
    activities: dict[str, ActivityStatus]
    tasks: dict[str, TaskProgress]


@dataclass(frozen=True, slots=True)
class TaskColumns:
    task: Label
    activities: tuple[Label, ...]


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
    """One item of the class view: how many of the class's learners reached it, are on the way, or have not
    started. For K items `reached` = mastered, for activities and tasks = completed, for A items = reflected."""

    kind: Literal["knowledge", "activity", "task", "attitude"]
    id: str
    label: str
    text: str
    reached: int
    not_yet: int
    not_attempted: int
    share: float | None  # reached / learners, None when there are no learners
    distribution: tuple[int, ...]  # K: learners per score band (SCORE_BANDS); A: reflections per rating 1..5
    reflections: int  # A items: reflections kept (a learner may write several); 0 otherwise


SCORE_BANDS = ("0–19%", "20–39%", "40–59%", "60–79%", "80–100%")


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    rule: str
    class_view: tuple[ItemShare, ...]  # K items, then activities, tasks, A items, in the standard's order
    knowledge: tuple[Label, ...]
    tasks: tuple[TaskColumns, ...]
    learners: tuple[LearnerRow, ...]
    attitudes: tuple[AttitudeSummary, ...]
    questions: tuple[QuestionStat, ...]
    practice: tuple[PracticeRow, ...]
    sources: dict[str, int]  # records read per source
    skipped: tuple[str, ...]
