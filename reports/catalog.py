"""What the readers need to know about the course: ids by kind, question and reflection lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..modules.course import Course
from ..olx_export.url_names import url_name
from ..performance.model import Task
from ..quizzes.model import Question
from .xapi_ids import iri_index, item_id_of

_SEEN_MAX = 10_000  # bounded: a course names a few hundred items, under one or two base IRIs
_SEEN_KEY_MAX = 300


@dataclass(frozen=True)
class Catalog:
    course: Course

    @cached_property
    def kinds(self) -> dict[str, str]:
        return {item.id: item.kind for item in self.course.standard.items()}

    @cached_property
    def questions(self) -> dict[str, tuple[str, Question]]:
        """question id -> (module id, question)."""
        return {q.id: (m.id, q) for m, q in self.course.questions()}

    @cached_property
    def question_knowledge(self) -> dict[str, tuple[str, ...]]:
        """question id -> its K items, one shared tuple per question (records reuse it)."""
        return {q.id: tuple(q.knowledge) for _m, q in self.course.questions()}

    @cached_property
    def reflections(self) -> dict[str, tuple[str, str, str | None]]:
        """reflection id -> (module id, attitude id, activity id)."""
        return {r.id: (m.id, r.attitude, r.activity) for m, r in self.course.reflections()}

    @cached_property
    def tasks(self) -> dict[str, tuple[str, Task]]:
        """performance task id -> (module id, task)."""
        return {t.id: (m.id, t) for m, t in self.course.tasks()}

    @cached_property
    def reflection_blocks(self) -> dict[str, str]:
        """OLX url_name of a reflection block -> reflection id."""
        return {url_name(r): r for r in self.reflections}

    @cached_property
    def quiz_blocks(self) -> dict[str, tuple[str, str]]:
        """OLX url_name of an activity quiz -> (module id, activity id)."""
        return {url_name(m.id, q.activity, "quiz"): (m.id, q.activity) for m, q in self.course.questions()}

    def module_activities(self, module_id: str) -> list[str]:
        """Activities a module teaches (has a lesson, question or reflection for), in the standard's order."""
        m = self.course.module(module_id)
        used = {x.activity for x in [*m.lessons, *m.questions]} | {
            r.activity for r in m.reflections if r.activity
        }
        return [a.id for a in self.course.standard.task(m.task).activities if a.id in used]

    @cached_property
    def taught_activities(self) -> dict[str, list[str]]:
        """task id -> its activities that the course teaches."""
        out: dict[str, list[str]] = {}
        for m in self.course.modules:
            out.setdefault(m.task, [])
            out[m.task] += [a for a in self.module_activities(m.id) if a not in out[m.task]]
        order = {a.id: i for t in self.course.standard.tasks for i, a in enumerate(t.activities)}
        return {t: sorted(acts, key=order.__getitem__) for t, acts in out.items()}

    @cached_property
    def module_of_task(self) -> dict[str, str]:
        return {m.task: m.id for m in self.course.modules}

    @cached_property
    def points(self) -> dict[tuple[str, str], float]:
        """(module id, K id) -> the points of the module's questions on that K item."""
        out: dict[tuple[str, str], float] = {}
        for m, q in self.course.questions():
            for k in q.knowledge:
                out[(m.id, k)] = out.get((m.id, k), 0.0) + q.points
        return out

    @cached_property
    def question_counts(self) -> dict[tuple[str, str], int]:
        """(module id, K id) -> how many of the module's questions assess that K item."""
        out: dict[tuple[str, str], int] = {}
        for m, q in self.course.questions():
            for k in q.knowledge:
                out[(m.id, k)] = out.get((m.id, k), 0) + 1
        return out

    @cached_property
    def modules_of_knowledge(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for module_id, k in self.points:
            out.setdefault(k, []).append(module_id)
        return out

    @cached_property
    def thresholds(self) -> dict[str, float]:
        """K id -> its threshold; where modules differ, the highest wins (as the progress block does)."""
        out: dict[str, float] = {}
        for m in self.course.modules:
            for k in {k for q in m.questions for k in q.knowledge}:
                out[k] = max(out.get(k, 0.0), m.mastery.threshold_for(k))
        return out

    @cached_property
    def assessed_knowledge(self) -> list[str]:
        """K items the course assesses, in the standard's order."""
        return [k.id for k in self.course.standard.knowledge if k.id in self.modules_of_knowledge]

    @cached_property
    def by_uuid(self) -> dict[str, str]:
        return iri_index(self.course.standard)

    @cached_property
    def _seen_items(self) -> dict[str, str | None]:
        return {}

    def item(self, value: str) -> str | None:
        """An item id from a CASE IRI or a plain id. Remembered: statements name the same few IRIs."""
        seen = self._seen_items
        if value in seen:
            return seen[value]
        found = item_id_of(value, self.by_uuid, self.kinds)
        if len(seen) < _SEEN_MAX and len(value) <= _SEEN_KEY_MAX:
            seen[value] = found
        return found

    def is_kind(self, item_id: str, kind: str) -> bool:
        return self.kinds.get(item_id) == kind
