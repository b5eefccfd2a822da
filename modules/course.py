"""A loaded, validated course: the standard plus its modules, in the standard's task order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..quizzes.model import Question
from .errors import Problem
from .model import Lesson, Module, Reflection
from .standard import Standard


@dataclass(frozen=True)
class Course:
    standard: Standard
    modules: tuple[Module, ...]
    files: dict[str, str] = field(default_factory=dict)  # module id -> the file it came from
    warnings: tuple[Problem, ...] = ()

    def module(self, module_id: str) -> Module:
        for m in self.modules:
            if m.id == module_id:
                return m
        raise KeyError(module_id)

    def lessons(self) -> Iterator[tuple[Module, Lesson]]:
        for m in self.modules:
            for lesson in m.lessons:
                yield m, lesson

    def questions(self) -> Iterator[tuple[Module, Question]]:
        for m in self.modules:
            for q in m.questions:
                yield m, q

    def reflections(self) -> Iterator[tuple[Module, Reflection]]:
        for m in self.modules:
            for r in m.reflections:
                yield m, r
