"""What a module offers a learner before they start, as data: the work task and its purpose, what they will be
able to do (the task's activities), the work outputs (O) they produce, the K, S and A items the module covers,
its estimated time and its counts. A function of the module and the standard; the SCO's overview page renders it
(scorm_export/overview_html.py).

Codes are shown as the standard prints them, with what tells a shared code apart (Standard.distinct_label).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .course import Course
from .model import Module


@dataclass(frozen=True)
class Item:
    id: str
    code: str  # the printed code, qualified where another item of its kind prints the same one
    text: str


@dataclass(frozen=True)
class Overview:
    standard: str  # the standard's title
    task: Item  # its text is empty where it would repeat the module's title
    description: str  # Markdown: the module's purpose, as its author wrote it
    activities: tuple[Item, ...]  # what the learner will be able to do
    outputs: tuple[Item, ...]  # the work outputs (O) the module's performance tasks have the learner produce
    knowledge: tuple[Item, ...]
    skills: tuple[Item, ...]
    attitudes: tuple[Item, ...]
    minutes: int  # the author's estimated_minutes, at least Module.stated_minutes (validated)
    lessons: int
    questions: int
    reflections: int
    tasks: int


def same_title(a: str, b: str) -> bool:
    # Full-width and half-width forms of a title are the same title: "(服務)" and "（服務）".
    return unicodedata.normalize("NFKC", a).strip() == unicodedata.normalize("NFKC", b).strip()


def module_overview(course: Course, module: Module) -> Overview:
    std = course.standard
    order = {item.id: i for i, item in enumerate(std.items())}

    def items(ids: set[str]) -> tuple[Item, ...]:
        known = sorted((i for i in ids if i in std.index), key=order.__getitem__)
        return tuple(Item(i, std.distinct_label(i), std.index[i].text or "") for i in known)

    criteria = [c for t in module.tasks for c in t.rubric]
    knowledge = {
        *(k for lesson in module.lessons for k in lesson.knowledge),
        *(k for q in module.questions for k in q.knowledge),
        *(k for c in criteria for k in c.knowledge),
    }
    skills = {
        *(s for lesson in module.lessons for s in lesson.skills),
        *(s for q in module.questions for s in q.skills),
        *(s for c in criteria for s in c.skills),
    }
    attitudes = {r.attitude for r in module.reflections} | {a for c in criteria for a in c.attitudes}
    task = std.task(module.task)
    return Overview(
        standard=std.title,
        task=Item(
            task.id, std.distinct_label(task.id), "" if same_title(task.title, module.title) else task.title
        ),
        description=module.description,
        activities=items({a.id for a in task.activities}),
        outputs=items({o for t in module.tasks for o in t.outputs}),
        knowledge=items(knowledge),
        skills=items(skills),
        attitudes=items(attitudes),
        minutes=module.estimated_minutes,
        lessons=len(module.lessons),
        questions=len(module.questions),
        reflections=len(module.reflections),
        tasks=len(module.tasks),
    )
