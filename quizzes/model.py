"""The question model: seven types, one discriminated union, no I/O.

Structure (types, required keys) is checked here by pydantic; meaning (exactly one correct
choice, a complete ordering key, ...) by `quizzes.checks`, which can name the exact offending key.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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


class NumericMistake(Strict):
    value: float
    feedback: Text


class TextMistake(Strict):
    text: Text
    feedback: Text


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

    @property
    def applied(self) -> bool:
        return self.style in APPLIED_STYLES


class SingleChoice(QuestionBase):
    type: Literal["single_choice"]
    choices: list[Choice] = Field(min_length=2)


class MultipleResponse(QuestionBase):
    type: Literal["multiple_response"]
    choices: list[Choice] = Field(min_length=2)
    scoring: Literal["all_or_nothing", "partial"] = "all_or_nothing"


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    answer: bool
    feedback: Feedback


class Numeric(QuestionBase):
    type: Literal["numeric"]
    answer: float
    tolerance: float = 0.0
    unit: str | None = None
    feedback: Feedback
    mistakes: list[NumericMistake] = Field(default_factory=list)


class ShortText(QuestionBase):
    type: Literal["short_text"]
    accepted: list[Text] = Field(min_length=1)
    feedback: Feedback
    mistakes: list[TextMistake] = Field(default_factory=list)


class Ordering(QuestionBase):
    type: Literal["ordering"]
    items: list[Item] = Field(min_length=2)
    answer: list[Id] = Field(description="Every item id once, in the right order.")
    feedback: Feedback


class Matching(QuestionBase):
    type: Literal["matching"]
    premises: list[Item] = Field(min_length=2)
    options: list[Item] = Field(min_length=2)
    answer: dict[str, str] = Field(description="premise id -> option id, for every premise.")
    scoring: Literal["all_or_nothing", "partial"] = "all_or_nothing"
    feedback: Feedback


Question = Annotated[
    SingleChoice | MultipleResponse | TrueFalse | Numeric | ShortText | Ordering | Matching,
    Field(discriminator="type"),
]

QUESTION_TYPES: tuple[str, ...] = (
    "single_choice",
    "multiple_response",
    "true_false",
    "numeric",
    "short_text",
    "ordering",
    "matching",
)
