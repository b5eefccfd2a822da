"""Open edX tracking-log lines from our blocks -> records.

`zhineng.knowledge.assessed` gives a quiz's points per K item; a quiz's grade event marks its activity
completed; `zhineng.attitude.reflected` gives an A item's self-rating (the event has no text).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..quizzes.status import Status
from .catalog import Catalog
from .json_input import TOO_DEEP, NotJSON, parse_text
from .records import ActivityDone, KnowledgeEvidence, Origin, Record, ReflectionEntry, Skipped
from .times import parse_time
from .xapi_ids import obj

KNOWLEDGE = "zhineng.knowledge.assessed"
REFLECTED = "zhineng.attitude.reflected"
GRADES = ("grade", "edx.grades.problem.submitted")
EVENT_TYPES = (KNOWLEDGE, REFLECTED, *GRADES)


def is_event(data: Any) -> bool:
    return (
        isinstance(data, Mapping)
        and isinstance(data.get("event_type", data.get("name")), str)
        and "event" in data
    )


def read_events(
    lines: Iterable[tuple[int, Any]], file: str, catalog: Catalog
) -> tuple[list[Record], list[Skipped]]:
    """lines: (line number, parsed JSON) pairs."""
    records: list[Record] = []
    skipped: list[Skipped] = []
    for n, data in lines:
        try:
            record = _event(data, file, catalog)
        except ValueError as exc:
            skipped.append(Skipped(file, str(n), str(exc)))
            continue
        except RecursionError:  # an event nested within the parser's limit but deeper than str() goes
            skipped.append(Skipped(file, str(n), TOO_DEEP))
            continue
        if record is not None:
            records.append(record)
    return records, skipped


def _block(usage_key: Any) -> str:
    """`block-v1:org+course+run+type@zhineng_quiz+block@T1-T1_1-quiz` -> `T1-T1_1-quiz`."""
    return usage_key.rsplit("@", 1)[-1] if isinstance(usage_key, str) else ""


def _event(data: Any, file: str, catalog: Catalog) -> Record | None:
    if not is_event(data):
        raise ValueError("not a tracking-log event (no event_type and event)")
    kind = data.get("event_type", data.get("name"))
    if kind not in EVENT_TYPES:
        return None
    event = data["event"]
    if isinstance(event, str):
        try:
            event = parse_text(event)
        except NotJSON as exc:
            raise ValueError(f"{kind}: event is {exc}") from None
    if not isinstance(event, Mapping):
        raise ValueError(f"{kind}: event is not an object")
    context = obj(data.get("context"))
    learner = data.get("username") or context.get("user_id") or event.get("user_id")
    if learner in (None, ""):
        raise ValueError(f"{kind}: no username or user_id")
    module_info = obj(context.get("module"))
    block = _block(module_info.get("usage_key"))
    origin = Origin("openedx", file, parse_time(data.get("time")))
    learner = str(learner)

    if kind == KNOWLEDGE:
        k = event.get("knowledge_id")
        if not catalog.is_kind(str(k), "knowledge"):
            raise ValueError(f"unknown K id '{k}'")
        quiz = catalog.quiz_blocks.get(block)
        if quiz is None:
            raise ValueError(f"{k}: not from a quiz of this course (block '{block}')")
        try:
            earned, available = float(event["score"]), float(event["max_score"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"{k}: score and max_score must be numbers") from None
        complete = event.get("mastery") in (Status.MASTERED, Status.NOT_MASTERED)  # every question answered
        return KnowledgeEvidence(learner, str(k), quiz[0], block, earned, available, complete, origin)
    if kind == REFLECTED:
        a = event.get("attitude_id")
        if not catalog.is_kind(str(a), "attitude"):
            raise ValueError(f"unknown A id '{a}'")
        rating = event.get("rating")
        rid = catalog.reflection_blocks.get(block) or block or str(event.get("activity_id") or a)
        ok = isinstance(rating, int) and not isinstance(rating, bool) and 1 <= rating <= 5
        return ReflectionEntry(learner, str(a), rid, rating if ok else None, None, origin)
    usage = event.get("problem_id") if kind == GRADES[1] else module_info.get("usage_key")
    quiz = catalog.quiz_blocks.get(_block(usage))
    if quiz is None:
        return None  # a grade from another block type: not ours
    return ActivityDone(learner, quiz[1], True, origin)
