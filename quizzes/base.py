"""The parts every question type is made of: ids, texts, choices, items, feedback and the common question keys.

Structure (types, required keys) is checked by pydantic; meaning (exactly one correct choice, a complete key, ...)
by each type's `findings` in quizzes/types/, which can name the exact offending key.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .attempts import MAX_ATTEMPTS, ShowAnswer

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_.\-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1)]

APPLIED_STYLES = frozenset({"scenario", "calculation"})


class Strict(BaseModel):
    # Unknown keys are kept (and reported as warnings by the loader) rather than refused,
    # so a typo never blocks an author but is never silent either.
    model_config = ConfigDict(extra="allow", frozen=True)


class Choice(Strict):
    id: Id
    text: Text
    correct: bool = False
    feedback: Text = Field(description="Shown when the learner picks this choice.")


class Feedback(Strict):
    correct: Text
    incorrect: Text


class Item(Strict):
    id: Id
    text: Text


class QuestionBase(Strict):
    id: Id
    activity: Id = Field(description="The activity of the standard this question belongs to, e.g. T1.1.")
    knowledge: list[Id] = Field(min_length=1, description="K items this question assesses.")
    indicators: list[Id] = Field(default_factory=list, description="P indicators this question evidences.")
    skills: list[Id] = Field(default_factory=list)
    style: Literal["recall", "scenario", "calculation"] = "recall"
    points: float = Field(default=1.0, gt=0, le=100)
    prompt: Text
    explanation: Text
    attempts: int | None = Field(
        default=None,
        ge=0,
        le=MAX_ATTEMPTS,
        description="Attempts at this question (0 = no limit); unset: the module's `attempts`.",
    )
    show_answer: ShowAnswer | None = Field(
        default=None,
        description="When the key is shown (quizzes/attempts.py); unset: the module's `show_answer`.",
    )

    @property
    def applied(self) -> bool:
        return self.style in APPLIED_STYLES
