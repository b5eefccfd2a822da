"""How an xAPI statement names items of the standard: the one mapping, shared with the cmi5 export.

An item (K, A, activity, ...) is named by the IRI of its CASE item (built by cmi5_export/ids.py item_iri, as the
cmi5 export names it; its question, reflection and task IRIs are read back with parse_activity_iri there):
`urn:uuid:<uuid5(NAMESPACE, "<standard id>/<item id>")>`, or the same identifier published under a base URI
(`https://host/path/<identifier>`). A plain item id (`K12`) is also accepted under `ITEM_EXTENSION`.
See docs/reporting.md, "xAPI statements", for where each statement carries them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..modules.case import case_identifier
from ..modules.standard import Standard

# Extension keys (result.extensions or context.extensions). Values: an IRI or id, or a list of them.
ITEM_EXTENSION = "https://zhineng.example/xapi/ext/item"
QUESTION_EXTENSION = "https://zhineng.example/xapi/ext/question"  # the question id, e.g. "T1-Q01"
REFLECTION_EXTENSION = "https://zhineng.example/xapi/ext/reflection"  # the reflection id
RATING_EXTENSION = "https://zhineng.example/xapi/ext/rating"  # the 1-5 self-rating of a reflection

# Performance tasks (docs/reporting.md, "Performance tasks"): the object is `<AU>:task:<task id>` (activity_iri).
TASK_EXTENSION = "https://zhineng.example/xapi/ext/task"  # the task id
TASK_RATING_EXTENSION = "https://zhineng.example/xapi/ext/task-rating"  # {criterion id: level}
RATER_EXTENSION = "https://zhineng.example/xapi/ext/rater"  # "self" for the learner's own rating
TASK_ACTIVITY_TYPE = "http://adlnet.gov/expapi/activities/performance"
VERB_SUBMITTED = "http://activitystrea.ms/schema/1.0/submit"
VERB_RATED = "http://id.tincanapi.com/verb/rated"

# cmi5's launch mode (the LMS puts it on "launched"; the cmi5 export's AU repeats it on every statement).
LAUNCH_MODE_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/launchmode"
PRACTICE_MODES = ("Browse", "Review")  # answers given in these are not graded as mastery evidence

VERB_ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed"

_CONTEXT_ACTIVITY_KINDS = ("parent", "grouping", "category", "other")


def iri_index(standard: Standard) -> dict[str, str]:
    """CASE identifier (the UUID) -> item id, for every item of the standard."""
    return {case_identifier(standard, item.id): item.id for item in standard.items()}


def item_id_of(value: str, by_uuid: Mapping[str, str], known: Mapping[str, object]) -> str | None:
    """An item id from an IRI (urn:uuid:X, or any IRI ending in /X) or a plain id; None if not ours."""
    if value in known:
        return value
    tail = value.rsplit("/", 1)[-1].removeprefix("urn:uuid:")
    return by_uuid.get(tail.lower())


_EMPTY: Mapping[str, Any] = {}


def obj(value: Any) -> Mapping[str, Any]:
    """The value if it is a JSON object, else an empty one (statements from the wild are untyped)."""
    if type(value) is dict:  # what json.loads gives: no abstract-class check, once per part of a statement
        return value
    return value if value is not None and isinstance(value, Mapping) else _EMPTY


def named_items(statement: Mapping[str, Any]) -> list[str]:
    """Every IRI or id a statement names as an item: result and context extensions, context activities."""
    found: list[str] = []
    result, context = obj(statement.get("result")), obj(statement.get("context"))
    for holder in (result, context):
        ext = holder.get("extensions")
        if isinstance(ext, dict):
            raw = ext.get(ITEM_EXTENSION)
            if isinstance(raw, str):
                found.append(raw)
            elif isinstance(raw, list):
                found += [v for v in raw if isinstance(v, str)]
    activities = context.get("contextActivities")
    if isinstance(activities, dict):
        for kind in _CONTEXT_ACTIVITY_KINDS:
            group = activities.get(kind)
            for act in group if isinstance(group, list) else [group] if isinstance(group, dict) else []:
                if isinstance(act, dict) and isinstance(act.get("id"), str):
                    found.append(act["id"])
    return found


def extension(statement: Mapping[str, Any], key: str) -> Any:
    """An extension's value from result.extensions, else context.extensions."""
    for part in ("result", "context"):
        holder = statement.get(part)
        ext = holder.get("extensions") if isinstance(holder, dict) else None
        if isinstance(ext, dict) and key in ext:
            return ext[key]
    return None
