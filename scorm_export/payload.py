"""What one SCO needs at run time, as plain JSON-able data: the module's content, its labels from the
standard, the mastery rule and the limits. The runtime (scorm_export/runtime/*.js) reads it as
`window.ZHINENG_SCO` from `data.js`.

SCORM content runs in the learner's browser, so the answer keys travel with it (as in every SCORM tool);
the LMS-side graders (Open edX) never send them.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Literal

from ..markdown import render_markdown
from ..modules.course import Course
from ..modules.model import Lesson, Module
from ..modules.overview import module_overview, same_title
from ..performance.model import Task
from ..quizzes.attempts import AttemptRule
from ..quizzes.types import TYPES
from .budget import text_room
from .limits import SUSPEND_LIMIT
from .overview_html import overview_html
from .profiles import profile_switches

Version = Literal["scorm12", "scorm2004"]
PAYLOAD_FORMAT = 1


# Modules are frozen, so a module object's hash never changes: computed once per object (validation's budget
# check, each package's manifest revision and each payload ask for it, 27 times in `export --all`). The entry
# keeps its module alive, so an id is never reused for another module while its entry stands.
_HASHES: dict[int, tuple[Module, str]] = {}
_HASHES_KEPT = 4096


def content_hash(module: Module) -> str:
    """A short hash of everything a learner's saved state depends on; changes when the module does."""
    known = _HASHES.get(id(module))
    if known is not None and known[0] is module:
        return known[1]
    digest = module_hash(module)
    if len(_HASHES) >= _HASHES_KEPT:
        _HASHES.clear()
    _HASHES[id(module)] = (module, digest)
    return digest


def module_hash(module: Module) -> str:
    """content_hash, computed (the kept value must always equal this)."""
    # Without the rendered HTML of lessons and tasks: it follows from their Markdown, which is hashed, and
    # rendering it here made `validate` (which checks the saved-state budget with this hash) render all of it.
    data = module.model_dump(mode="json", exclude=_RENDERED)
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


_TASK_RENDERED: dict[str, Any] = {
    "brief_html": True,
    "exemplar_html": True,
    "resources": {"__all__": {"html"}},
    "deliverable": {"__all__": {"help_html"}},
}
_RENDERED: dict[str, Any] = {"lessons": {"__all__": {"html"}}, "tasks": {"__all__": _TASK_RENDERED}}


def task_payload(task: Task) -> dict[str, Any]:
    """A task as the task page reads it (runtime/task-page.js): Markdown sent as HTML only."""
    return {
        "id": task.id,
        "activity": task.activity,
        "title": task.title,
        "outputs": list(task.outputs),
        "minutes": task.minutes,
        "brief_html": task.brief_html,
        "exemplar_html": task.exemplar_html,
        "resources": [
            {
                "id": r.id,
                "title": r.title,
                "body_html": r.html,
                "table": r.table.model_dump(mode="json") if r.table else None,
            }
            for r in task.resources
        ],
        "deliverable": [
            {**f.model_dump(mode="json", exclude={"help"}), "help_html": f.help_html}
            for f in task.deliverable
        ],
        "rubric": [
            {
                **c.model_dump(mode="json", exclude={"levels"}),
                "levels": [
                    {
                        "label": lv.label,
                        "points": lv.points,
                        "descriptor_html": render_markdown(lv.descriptor),
                    }
                    for lv in c.levels
                ],
            }
            for c in task.rubric
        ],
        "pass": task.pass_rule.model_dump(mode="json"),
    }


def lesson_payload(course: Course, module: Module, lesson: Lesson) -> dict[str, Any]:
    """A lesson as its activity's page shows it, under the page's one H1 (the activity). The only lesson of
    its activity, titled as the activity, takes no heading of its own (the title would repeat the H1); any
    other lesson's title is an H2, and its body's headings move one level down to sit under it."""
    alone = [x.id for x in module.lessons if x.activity == lesson.activity] == [lesson.id]
    activity = course.standard.activities.get(lesson.activity)
    same = activity is not None and same_title(activity.title, lesson.title)
    heading = not (alone and same)
    return {
        "id": lesson.id,
        "activity": lesson.activity,
        "title": lesson.title,
        "heading": heading,
        "minutes": lesson.minutes,
        "html": demote_headings(lesson.html) if heading else lesson.html,
    }


# Sanitised HTML (zhineng/markdown.py) has headings h2 to h4 without attributes.
_HEADING = re.compile(r"<(/?)h([2-5])>")


def demote_headings(html: str) -> str:
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}>", html)


def question_hash(question: Any) -> str:
    """Per-question hash, so a republished course can keep the answers to questions that did not change."""
    # Without the attempt settings: they change when the key is shown, not what a saved response means.
    canonical = json.dumps(
        question.model_dump(mode="json", exclude={"attempts", "show_answer"}),
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


def payload_question(q: Any, rule: AttemptRule) -> dict[str, Any]:
    """A question's entry in the SCO's payload: its keys, its Markdown as HTML, its hash, its attempt rule resolved
    (the runtime reads one value, runtime/attempts.js) and what its type's runtime needs beyond its keys."""
    data: dict[str, Any] = q.model_dump(mode="json", exclude={"prompt", "explanation"})  # sent as HTML only
    data["prompt_html"] = render_markdown(q.prompt)
    data["explanation_html"] = render_markdown(q.explanation)
    data["hash"] = question_hash(q)
    data["attempts"], data["show_answer"] = rule.allowed, rule.show_answer
    data.update(TYPES[q.type].payload(q))
    return data


def sco_payload(course: Course, module: Module, version: Version, profile: str = "strict") -> dict[str, Any]:
    std = course.standard
    questions = [payload_question(q, module.attempt_rule(q)) for q in module.questions]
    reflections = []
    for r in module.reflections:
        data = r.model_dump(mode="json", exclude={"prompt", "guidance"})
        data["prompt_html"] = render_markdown(r.prompt)
        data["guidance_html"] = render_markdown(r.guidance) if r.guidance else ""
        reflections.append(data)
    knowledge = sorted({k for q in module.questions for k in q.knowledge}, key=_standard_order(course))
    attitudes = sorted({r.attitude for r in module.reflections}, key=_standard_order(course))
    activities = [a.id for a in std.task(module.task).activities]
    # The O items tasks produce and the P indicators their criteria rate: named in statements and progress.
    outputs = list(dict.fromkeys(o for t in module.tasks for o in t.outputs))
    indicators = list(dict.fromkeys(p for t in module.tasks for p in t.indicators))
    labels = {
        ident: {"label": std.index[ident].label, "text": std.index[ident].text or ""}
        for ident in [module.task, *activities, *knowledge, *attitudes, *outputs, *indicators]
        if ident in std.index
    }
    payload: dict[str, Any] = {
        "format": PAYLOAD_FORMAT,
        "version": version,
        "profile": profile,
        "profileSwitches": profile_switches(profile),
        "contentHash": content_hash(module),
        "standard": {"id": std.id, "title": std.title},
        "module": {
            "id": module.id,
            "task": module.task,
            "title": module.title,
            "overview_html": overview_html(module_overview(course, module)),
            "language": module.language,
        },
        "labels": labels,
        "mastery": {"threshold": module.mastery.threshold, "knowledge": dict(module.mastery.knowledge)},
        "objectives": {"knowledge": knowledge, "activities": activities, "attitudes": attitudes},
        "lessons": [lesson_payload(course, module, lesson) for lesson in module.lessons],
        "questions": questions,
        "reflections": reflections,
        "tasks": [task_payload(t) for t in module.tasks],
        "limits": {"suspendData": SUSPEND_LIMIT[version]},
    }
    payload["limits"]["textRoom"] = text_room(payload)
    return payload


def _standard_order(course: Course) -> Any:
    order = {item.id: i for i, item in enumerate(course.standard.items())}
    return lambda ident: order.get(ident, len(order))
