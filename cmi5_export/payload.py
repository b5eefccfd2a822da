"""The AU's payload: the SCO payload (scorm_export/payload.py) plus what the xAPI adapter needs to name
things: the IRI of every K, A, O and P item from the CASE export, the AU's own IRI, and the IRI prefix of its
questions, reflections and tasks (cmi5_export/ids.py builds them all; the runtime appends ids, never builds)."""

from __future__ import annotations

from typing import Any

from ..modules.course import Course
from ..modules.model import Module
from ..scorm_export.payload import Version, sco_payload
from .ids import activity_prefixes, au_iri, item_iri

# The suspend_data codec needs a version; 2004's 64,000-character room fits the cmi5 state document too.
STATE_VERSION: Version = "scorm2004"


def au_payload(course: Course, module: Module) -> dict[str, Any]:
    payload = sco_payload(course, module, STATE_VERSION, "strict")
    objectives = payload["objectives"]
    # A task's statements name its O items (submitted) and its criteria's P items (rated) by CASE IRI.
    outputs = [o for t in module.tasks for o in t.outputs]
    indicators = [p for t in module.tasks for p in t.indicators]
    items = list(
        dict.fromkeys(
            [
                *objectives["knowledge"],
                *objectives["attitudes"],
                *objectives["activities"],
                module.task,
                *outputs,
                *indicators,
            ]
        )
    )
    au = au_iri(course.standard, module.id)
    payload["xapi"] = {
        "au": au,
        "activities": activity_prefixes(au),
        "items": {ident: item_iri(course.standard, ident) for ident in items},
    }
    return payload
