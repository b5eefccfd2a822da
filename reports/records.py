"""The normalised tracking records every reader produces, whatever the source: pure data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Source = Literal["scorm", "openedx", "xapi", "sheet"]
SOURCES: tuple[Source, ...] = ("scorm", "openedx", "xapi")  # what --format names; a rating sheet is an .xlsx

# _NOT_FROZEN: the record types are built by the million and never changed afterwards; a frozen dataclass's
# __init__ sets each field through object.__setattr__, about four times slower than a plain slotted one.


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from, for the report and for 'latest attempt wins' (by `when`, then input order)."""

    source: Source
    file: str
    when: datetime | None

    def __reduce__(self) -> tuple[type[Origin], tuple[Source, str, datetime | None]]:
        # Half the cost of the default for a frozen slotted class: reports/parallel.py sends ~10^5 of them.
        return (Origin, (self.source, self.file, self.when))


@dataclass(slots=True)  # not frozen: see _NOT_FROZEN
class KnowledgeEvidence:
    """Points on a K item's questions within one module (SCORM SCO, Open edX quiz, xAPI answers)."""

    learner: str
    knowledge: str
    module: str
    part: str  # what one attempt covers: the module (SCORM), the quiz block (Open edX)
    earned: float
    available: float
    complete: bool  # every question of the part on this K item answered
    origin: Origin


@dataclass(slots=True)  # not frozen: see _NOT_FROZEN
class ActivityDone:
    learner: str
    activity: str
    completed: bool
    origin: Origin


@dataclass(slots=True)  # not frozen: see _NOT_FROZEN
class ReflectionEntry:
    learner: str
    attitude: str
    reflection: str  # the reflection id, or the block / activity when a source has no id
    rating: int | None
    text: str | None
    origin: Origin


@dataclass(slots=True)  # not frozen: see _NOT_FROZEN
class Answer:
    learner: str
    question: str
    correct: bool
    earned: float
    knowledge: tuple[str, ...]
    origin: Origin
    # The cmi5 launch mode of the session it was given in. Only "Normal" is mastery evidence: Browse and
    # Review let a learner look around or revisit without judgement (cmi5 10.2.2), so they are shown apart.
    mode: str = "Normal"


@dataclass(slots=True)  # not frozen: see _NOT_FROZEN
class AnswerSheet:
    """The answers of one SCORM attempt as one record, each question's answer right or wrong.

    One record an attempt rather than one an answer: a cohort's SCORM data holds over a million answers, and
    the report needs only which question was answered correctly, and when (the attempt's time)."""

    learner: str
    questions: tuple[str, ...]
    correct: tuple[bool, ...]  # correct[i] is the answer to questions[i]
    origin: Origin


@dataclass(slots=True)  # not frozen: see _NOT_FROZEN
class TaskSubmission:
    """A performance task's deliverable as the learner submitted it: field id -> the field's value as text
    (performance/codec.py), parts already joined."""

    learner: str
    task: str
    fields: dict[str, str]
    origin: Origin


@dataclass(slots=True)  # not frozen: see _NOT_FROZEN
class TaskRating:
    """Levels given on a task's rubric: criterion id -> level (1 = lowest). `rater` is "self" for the learner's
    own rating (never mastery evidence); an instructor's rating comes one criterion a row from the rating sheet,
    with who rated and their comment."""

    learner: str
    task: str
    levels: dict[str, int]
    rater: str
    comment: str
    origin: Origin


SELF_RATER = "self"

Record = (
    KnowledgeEvidence | ActivityDone | ReflectionEntry | Answer | AnswerSheet | TaskSubmission | TaskRating
)


@dataclass(frozen=True, slots=True)
class Skipped:
    """Input that could not be used: `file: record N: what is wrong`."""

    file: str
    record: str
    message: str

    def __str__(self) -> str:
        # A spreadsheet cell is named as a spreadsheet names it, sheet!A1 (sheet, column and row).
        where = self.record if "!" in self.record else f"record {self.record}"
        return f"{self.file}: {where}: {self.message}"
