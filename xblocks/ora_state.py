"""What the progress block can read of a learner's ORA2 submission in the same course, and nothing more.

The ORA2 block keeps the learner's submission id in its own user state (`submission_uuid`, set when they submit
a response; a team assignment, which our export never makes, keeps it elsewhere and is reported as unseen). The ratings live in ORA2's
assessment tables, read through ORA2's Python API (`openassessment.assessment.api.self` and `.staff`), which an
LMS with ORA2 installed can import; where it cannot, or the API fails, the observation says the ratings are
unreadable and the block says so. A level is the option's place in its criterion (1 = the lowest): our export
names options by level number, and a course team that renames an option in Studio keeps its place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

ORA = "openassessment"


def task_of_block(block: Any, entries: Iterable[Mapping[str, Any]]) -> str | None:
    """Which task an ORA2 block is: by its url_name, which Open edX keeps as the usage key's block_id; where a
    runtime's ids carry none, by the title and criteria the export gave it."""
    block_id = getattr(block.scope_ids.usage_id, "block_id", None)
    criteria = [str(c.get("name")) for c in getattr(block, "rubric_criteria", None) or []]
    for entry in entries:
        if block_id is not None:
            if block_id == entry["ora"]:
                return str(entry["task"]["id"])
        elif getattr(block, "title", None) == entry["title"] and criteria == [
            c["id"] for c in entry["task"]["rubric"]
        ]:
            return str(entry["task"]["id"])
    return None


def observe(block: Any) -> dict[str, Any]:
    if getattr(block, "teams_enabled", False):  # a team's submission is not in the learner's own state
        return {"found": True, "submitted": None}
    submission = getattr(block, "submission_uuid", None)
    if not submission:
        return {"found": True, "submitted": False}
    apis = assessment_apis()
    if apis is None:
        return {"found": True, "submitted": True, "readable": False}
    self_api, staff_api = apis
    try:
        staff = staff_api.get_latest_staff_assessment(submission)
        mine = self_api.get_assessment(submission)
    except Exception:  # ORA2's own errors (its database, a bad id): the page says it cannot know, never fails
        return {"found": True, "submitted": True, "readable": False}
    return {"found": True, "submitted": True, "readable": True, "staff": levels(staff), "self": levels(mine)}


def levels(assessment: Mapping[str, Any] | None) -> dict[str, int] | None:
    """criterion name -> level number, from an assessment as ORA2's API serialises it."""
    if not assessment:
        return None
    found = {}
    for part in assessment.get("parts") or []:
        option, criterion = part.get("option"), part.get("criterion") or {}
        if option is not None:  # a feedback-only criterion has no option
            found[str(criterion.get("name"))] = int(option.get("order_num", 0)) + 1
    return found


def assessment_apis() -> tuple[Any, Any] | None:
    try:  # the LMS's ORA2, when it has one
        from openassessment.assessment.api import self as self_api
        from openassessment.assessment.api import staff as staff_api
    except Exception:  # not installed, or installed without its Django apps (not an LMS): cannot know
        return None
    return self_api, staff_api
