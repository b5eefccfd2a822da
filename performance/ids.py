"""The ids a task's tracking data carries (SCORM interaction ids; see docs/authoring.md, "Performance tasks").

`<task>/<field>` holds a deliverable field (its part n ≥ 2 is `<task>/<field>/<n>`); `<task>/self/<criterion>`
is the learner's self-rating of one criterion. Task, field and criterion ids cannot contain "/" (see `Id`), so
the split is never ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SELF = "self"


def field_id(task_id: str, field: str, part: int = 1) -> str:
    return f"{task_id}/{field}" if part == 1 else f"{task_id}/{field}/{part}"


def self_rating_id(task_id: str, criterion_id: str) -> str:
    return f"{task_id}/{SELF}/{criterion_id}"


@dataclass(frozen=True)
class TaskRef:
    kind: Literal["field", "self_rating"]
    task: str
    name: str  # the field or the criterion id
    part: int = 1


def parse_id(ident: str) -> TaskRef | None:
    """What an interaction id names; None when it is not a task's (a question's or a reflection's id)."""
    parts = ident.split("/")
    if len(parts) == 2 and all(parts):
        return TaskRef("field", parts[0], parts[1])
    if len(parts) == 3 and all(parts):
        if parts[1] == SELF:
            return TaskRef("self_rating", parts[0], parts[2])
        if parts[2].isdigit() and int(parts[2]) >= 2:
            return TaskRef("field", parts[0], parts[1], int(parts[2]))
    return None
