"""A loaded, validated course: the standard plus its modules, in the standard's task order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import Problem
from ..performance.model import Task
from ..quizzes.model import Question
from .model import Lesson, Module, Reflection
from .standard import Standard


@dataclass(frozen=True)
class Course:
    standard: Standard
    modules: tuple[Module, ...]
    files: dict[str, str] = field(default_factory=dict)  # module id -> the file it came from
    warnings: tuple[Problem, ...] = ()
    # module id -> its Markdown texts in the order of its file (modules/markdown_texts.py): what helpers
    # render ahead; a course built without them renders each text where it is needed, as always.
    markdown: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def module(self, module_id: str) -> Module:
        for m in self.modules:
            if m.id == module_id:
                return m
        raise KeyError(module_id)

    def summary(self) -> str:
        """One line of counts: what `validate` and `export` say they checked."""
        counts = (
            (len(self.modules), "module"),
            (sum(1 for _ in self.lessons()), "lesson"),
            (sum(1 for _ in self.questions()), "question"),
            (sum(1 for _ in self.reflections()), "reflection"),
            (sum(1 for _ in self.tasks()), "task"),
            (len(self.warnings), "warning"),
        )
        return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)

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

    def tasks(self) -> Iterator[tuple[Module, Task]]:
        for m in self.modules:
            for t in m.tasks:
                yield m, t
