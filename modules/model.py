"""The learning-module model an instructor writes in YAML: lessons, questions, reflections, performance tasks."""

from __future__ import annotations

from functools import cached_property
from typing import Annotated

from pydantic import Field, StringConstraints, computed_field

from ..markdown import render_markdown
from ..performance.model import Task
from ..quizzes.attempts import AttemptSettings
from ..quizzes.mastery import MasteryRule
from ..quizzes.model import Id, Question, Strict, Text

Anchor = Annotated[str, StringConstraints(min_length=1)]


class Lesson(Strict):
    id: Id
    activity: Id = Field(description="The activity this lesson teaches, e.g. T1.1.")
    title: Text
    minutes: int = Field(default=30, ge=1, le=600)
    knowledge: list[Id] = Field(default_factory=list, description="K items this lesson teaches.")
    skills: list[Id] = Field(default_factory=list, description="S items this lesson practises.")
    body: str = Field(description="Markdown. Rendered to sanitised HTML once, at load.")

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def html(self) -> str:
        return render_markdown(self.body)


class Rating(Strict):
    prompt: Text = Field(description="The self-rating question.")
    anchors: list[Anchor] = Field(min_length=5, max_length=5, description="Five anchor texts, for 1..5.")


class Reflection(Strict):
    id: Id
    attitude: Id = Field(description="The attitude item (A01…A07) this reflection develops.")
    activity: Id | None = None
    title: str | None = None
    prompt: Text
    min_length: int = Field(default=50, ge=0, le=5000, description="Minimum characters of the answer.")
    max_length: int = Field(default=2000, ge=1, le=10000)
    rating: Rating
    guidance: str | None = None


class Module(Strict, AttemptSettings):  # attempts, show_answer: the module's defaults for its questions
    id: Id
    task: Id = Field(description="The work task of the standard this module teaches, e.g. T1.")
    title: Text
    description: Text
    language: str = Field(default="zh-TW", pattern=r"^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    estimated_minutes: int = Field(
        ge=1,
        le=10000,
        description="The time the whole module takes, shown on its overview: at least its lessons' and "
        "performance tasks' minutes added up.",
    )
    mastery: MasteryRule = Field(default_factory=MasteryRule)
    lessons: list[Lesson] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    reflections: list[Reflection] = Field(default_factory=list)
    tasks: list[Task] = Field(
        default_factory=list,
        description="Performance tasks: the learner produces work outputs, rated on a rubric.",
    )

    @property
    def stated_minutes(self) -> int:
        """The minutes the module gives its parts: every lesson's and every performance task's `minutes`.
        estimated_minutes may not be less (modules/crossref.py)."""
        return sum(lesson.minutes for lesson in self.lessons) + sum(t.minutes for t in self.tasks)
