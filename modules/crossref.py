"""Checks that reach outside one key: ids against the standard, ids unique across the course,
prompts not repeated, lessons not empty. Each finding points at the key that is wrong."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import Problem
from ..performance.checks import task_findings
from ..performance.model import Task
from ..quizzes.attempts import policy_problem
from ..quizzes.checks import question_findings
from ..quizzes.model import Question
from ..quizzes.text import normalise_text
from .anchors import anchor_problem
from .model import Lesson, Module, Reflection
from .standard import ItemKind, Standard
from .yamlsrc import Source, format_path

_KIND_NAMES: dict[str, str] = {
    "task": "work task",
    "activity": "activity",
    "output": "output (O)",
    "indicator": "indicator (P)",
    "knowledge": "K item",
    "skill": "S item",
    "attitude": "A item",
}

Path = tuple[str | int, ...]


class CrossReferences:
    def __init__(self, standard: Standard) -> None:
        self.standard = standard
        self._ids: dict[tuple[str, str], tuple[str, int]] = {}  # (what, id) -> (file, line) first seen
        self._prompts: dict[str, tuple[str, str, int]] = {}
        self._late: list[Problem] = []

    def check_module(self, module: Module, source: Source) -> list[Problem]:
        found = self._attempt_problems(module, source) + self.check_parts(
            source,
            module_id=module.id,
            task=module.task,
            lessons=list(enumerate(module.lessons)),
            questions=list(enumerate(module.questions)),
            reflections=list(enumerate(module.reflections)),
            tasks=list(enumerate(module.tasks)),
            mastery_knowledge=list(module.mastery.knowledge),
        )
        if module.estimated_minutes < module.stated_minutes:
            found.append(
                source.problem(
                    ("estimated_minutes",),
                    f"{module.estimated_minutes} is less than the {module.stated_minutes} minutes of the module's "
                    "lessons and performance tasks added up",
                )
            )
        return found

    def check_parts(
        self,
        source: Source,
        *,
        module_id: str | None,
        task: str | None,
        lessons: list[tuple[int, Lesson]],
        questions: list[tuple[int, Question]],
        reflections: list[tuple[int, Reflection]],
        tasks: list[tuple[int, Task]],
        mastery_knowledge: list[str],
    ) -> list[Problem]:
        """Check whatever validated, so one bad question does not hide the problems of the others."""
        found: list[Problem] = []

        def err(path: Path, message: str) -> None:
            found.append(source.problem(path, message))

        def ref(path: Path, ident: str, kind: ItemKind) -> bool:
            item = self.standard.index.get(ident)
            if item is None:
                err(path, f"unknown {_KIND_NAMES[kind]} '{ident}'" + self._suggest(ident, kind))
                return False
            if item.kind != kind:
                err(path, f"'{ident}' is {_a(_KIND_NAMES[item.kind])}, not {_a(_KIND_NAMES[kind])}")
                return False
            return True

        def in_task(path: Path, ident: str, kind: ItemKind) -> bool:
            """ref, and the item belongs to the module's work task; True when the item is known and of its kind."""
            known = ref(path, ident, kind)
            if known and module_task_ok and self.standard.task_of[ident] != task:
                err(
                    path,
                    f"{_KIND_NAMES[kind]} '{ident}' belongs to task {self.standard.task_of[ident]}, not to this module's task {task}",
                )
            return known

        def each(
            path: Path, idents: list[str], kind: ItemKind, check: Callable[[Path, str, ItemKind], bool]
        ) -> None:
            for j, ident in enumerate(idents):
                check((*path, j), ident, kind)

        module_task_ok = task is not None and ref(("task",), task, "task")
        if module_id is not None:
            self._unique("module", module_id, source, ("id",))

        for i, lesson in lessons:
            at: Path = ("lessons", i)
            self._unique("lesson", lesson.id, source, (*at, "id"))
            in_task((*at, "activity"), lesson.activity, "activity")
            each((*at, "knowledge"), lesson.knowledge, "knowledge", ref)
            each((*at, "skills"), lesson.skills, "skill", ref)
            if not lesson.body.strip():
                err((*at, "body"), f"lesson '{lesson.id}' is empty: write its body in Markdown")

        for i, q in questions:
            at = ("questions", i)
            self._unique("question", q.id, source, (*at, "id"))
            in_task((*at, "activity"), q.activity, "activity")
            each((*at, "knowledge"), q.knowledge, "knowledge", ref)
            each((*at, "indicators"), q.indicators, "indicator", in_task)
            each((*at, "skills"), q.skills, "skill", ref)
            for sub, message in question_findings(q):
                err((*at, *sub), message)
            self._unique_prompt(q.prompt, q.id, source, (*at, "prompt"))

        for i, r in reflections:
            at = ("reflections", i)
            self._unique("reflection", r.id, source, (*at, "id"))
            ref((*at, "attitude"), r.attitude, "attitude")
            if r.activity is not None:
                in_task((*at, "activity"), r.activity, "activity")
            if r.min_length > r.max_length:
                err(
                    (*at, "min_length"),
                    f"min_length ({r.min_length}) is larger than max_length ({r.max_length})",
                )
            if not r.prompt.strip():
                err((*at, "prompt"), "the reflection prompt is empty")
            for j, anchor in enumerate(r.rating.anchors):
                problem = anchor_problem(j + 1, anchor)
                if problem:
                    err((*at, "rating", "anchors", j), problem)

        for i, t in tasks:
            at = ("tasks", i)
            self._unique("task", t.id, source, (*at, "id"))
            activity_ok = in_task((*at, "activity"), t.activity, "activity")
            for j, o in enumerate(t.outputs):
                if ref((*at, "outputs", j), o, "output") and activity_ok:
                    parent = self.standard.index[o].parent
                    if parent != t.activity:
                        err(
                            (*at, "outputs", j),
                            f"output '{o}' belongs to activity {parent}, not to this task's activity {t.activity}",
                        )
            for j, c in enumerate(t.rubric):
                cat: Path = (*at, "rubric", j)
                each((*cat, "indicators"), c.indicators, "indicator", in_task)
                each((*cat, "skills"), c.skills, "skill", ref)
                each((*cat, "knowledge"), c.knowledge, "knowledge", ref)
                each((*cat, "attitudes"), c.attitudes, "attitude", ref)
            for sub, message in task_findings(t):
                err((*at, *sub), message)

        for k in mastery_knowledge:
            ref(("mastery", "knowledge", k), k, "knowledge")
        return found

    @staticmethod
    def _attempt_problems(module: Module, source: Source) -> list[Problem]:
        """Attempts and show_answer that can never show the key: at the question key that decides it."""
        found: list[Problem] = []
        problem = policy_problem(module.attempts, module.show_answer)
        if problem:
            found.append(source.problem(("show_answer",), problem))
        for i, q in enumerate(module.questions):
            if q.attempts is None and q.show_answer is None:
                continue  # the module's setting, checked above
            rule = module.attempt_rule(q)
            problem = policy_problem(rule.allowed, rule.show_answer)
            if problem:
                key = "show_answer" if q.show_answer is not None else "attempts"
                found.append(source.problem(("questions", i, key), problem))
        return found

    def check_course(self) -> list[Problem]:
        return self._late

    def _unique(self, what: str, ident: str, source: Source, path: Path) -> None:
        line, col = source.place(path)
        first = self._ids.setdefault((what, ident), (source.file, line))
        if first != (source.file, line):
            self._late.append(
                Problem(
                    source.file,
                    line,
                    col,
                    f"{format_path(path)}: duplicate {what} id '{ident}' (first at {first[0]}:{first[1]})",
                )
            )

    def _unique_prompt(self, prompt: str, qid: str, source: Source, path: Path) -> None:
        key = normalise_text(prompt)
        line, col = source.place(path)
        first = self._prompts.setdefault(key, (qid, source.file, line))
        if first[0] != qid:
            self._late.append(
                Problem(
                    source.file,
                    line,
                    col,
                    f"{format_path(path)}: same prompt as question '{first[0]}' ({first[1]}:{first[2]}); no two questions may ask the same thing the same way",
                )
            )

    def _suggest(self, ident: str, kind: ItemKind) -> str:
        items = [i for i in self.standard.items() if i.kind == kind]
        printed = [i for i in items if i.label == ident and i.id != ident]
        if printed:  # an author typed the printed code of a renumbered item (see ERRATA.md)
            options = " or ".join(f"'{i.id}' ({i.text})" for i in printed)
            return f"; '{ident}' is the printed code, use the id {options}"
        close = [i.id for i in items if i.id.lower() == ident.lower()]
        if close:
            return f"; did you mean '{close[0]}'?"
        if kind in ("knowledge", "attitude", "task"):
            return f" (known: {', '.join(i.id for i in items)})"
        return ""


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiouAEIOU" else "a ") + noun
