"""What one SCO needs at run time, as plain JSON-able data: the module's content, its labels from the
standard, the mastery rule and the limits. The runtime (scorm_export/runtime/*.js) reads it as
`window.ZHINENG_SCO` from `data.js`.

SCORM content runs in the learner's browser, so the answer keys travel with it (as in every SCORM tool);
the LMS-side graders (Open edX) never send them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from ..markdown import render_markdown
from ..modules.course import Course
from ..modules.model import Module
from .budget import text_room
from .limits import SUSPEND_LIMIT
from .profiles import profile_switches

Version = Literal["scorm12", "scorm2004"]
PAYLOAD_FORMAT = 1


def content_hash(module: Module) -> str:
    """A short hash of everything a learner's saved state depends on; changes when the module does."""
    # Without the lessons' rendered HTML: it follows from their Markdown, which is hashed, and rendering it
    # here made `validate` (which checks the saved-state budget with this hash) render every lesson.
    data = module.model_dump(mode="json", exclude={"lessons": {"__all__": {"html"}}})
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def question_hash(question: Any) -> str:
    """Per-question hash, so a republished course can keep the answers to questions that did not change."""
    canonical = json.dumps(
        question.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


def sco_payload(course: Course, module: Module, version: Version, profile: str = "strict") -> dict[str, Any]:
    std = course.standard
    questions = []
    for q in module.questions:
        data = q.model_dump(mode="json", exclude={"prompt", "explanation"})  # sent as HTML only
        data["prompt_html"] = render_markdown(q.prompt)
        data["explanation_html"] = render_markdown(q.explanation)
        data["hash"] = question_hash(q)
        questions.append(data)
    reflections = []
    for r in module.reflections:
        data = r.model_dump(mode="json", exclude={"prompt", "guidance"})
        data["prompt_html"] = render_markdown(r.prompt)
        data["guidance_html"] = render_markdown(r.guidance) if r.guidance else ""
        reflections.append(data)
    knowledge = sorted({k for q in module.questions for k in q.knowledge}, key=_standard_order(course))
    attitudes = sorted({r.attitude for r in module.reflections}, key=_standard_order(course))
    activities = [a.id for a in std.task(module.task).activities]
    labels = {
        ident: {"label": std.index[ident].label, "text": std.index[ident].text or ""}
        for ident in [module.task, *activities, *knowledge, *attitudes]
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
            "description_html": render_markdown(module.description),
            "language": module.language,
        },
        "labels": labels,
        "mastery": {"threshold": module.mastery.threshold, "knowledge": dict(module.mastery.knowledge)},
        "objectives": {"knowledge": knowledge, "activities": activities, "attitudes": attitudes},
        "lessons": [
            {
                "id": lesson.id,
                "activity": lesson.activity,
                "title": lesson.title,
                "minutes": lesson.minutes,
                "html": lesson.html,
            }
            for lesson in module.lessons
        ],
        "questions": questions,
        "reflections": reflections,
        "limits": {"suspendData": SUSPEND_LIMIT[version]},
    }
    payload["limits"]["textRoom"] = text_room(payload)
    return payload


def _standard_order(course: Course) -> Any:
    order = {item.id: i for i, item in enumerate(course.standard.items())}
    return lambda ident: order.get(ident, len(order))
