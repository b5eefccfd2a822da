"""SCORM tracking data (one SCO attempt = one module) -> records.

K objectives become points on the module's questions; activity objectives, completion; interactions,
answers and reflection texts; suspend_data, the self-ratings (and the full texts in 2004).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import PurePath
from sys import intern
from typing import Any

from ..performance.ids import TaskRef, parse_id
from ..scorm_export.saved_state import fnv6, saved_reflections
from .catalog import Catalog
from .cmi_flat import split_cmi
from .records import (
    ActivityDone,
    AnswerSheet,
    KnowledgeEvidence,
    Origin,
    Record,
    ReflectionEntry,
    Skipped,
    TaskSubmission,
)
from .task_records import exact_submissions, from_interactions, from_saved_state
from .times import parse_text

_DONE_12 = {"passed", "failed"}  # 1.2 objective statuses that mean every question was answered


def read_cmi(data: Mapping[str, Any], file: str, catalog: Catalog) -> tuple[list[Record], list[Skipped]]:
    flat, objectives, interactions = split_cmi(data)
    v12 = any(k.startswith("cmi.core.") for k in flat)
    learner = intern(flat.get("cmi.core.student_id" if v12 else "cmi.learner_id") or PurePath(file).stem)
    skipped: list[Skipped] = []
    module = _module_of(objectives, interactions, catalog)
    answered: list[tuple[str, bool, tuple[str, ...]]] = []  # question, correct, K items
    texts: dict[str, str] = {}
    tasks: list[tuple[str, TaskRef, str, datetime | None]] = []  # performance-task interactions
    latest = None  # the attempt's time: its last interaction ("latest attempt wins" compares attempts)

    kinds = catalog.kinds
    question_knowledge = catalog.question_knowledge
    # Ids and learner names kept in records are interned: a cohort's records repeat a few thousand ids millions
    # of times, and JSON gives each its own string (10,000 learners: about 100 MB of copies).
    for n, inter in interactions.items():  # the hot loop: once per answered question of every attempt
        stamp = inter.get("timestamp")
        when = parse_text(stamp) if type(stamp) is str else None  # parse_time, without a call per question
        if when is not None and (latest is None or when > latest):
            latest = when
        iid = inter.get("id", "")
        knowledge = question_knowledge.get(iid)
        if knowledge is None:
            if iid in catalog.reflections:
                texts[iid] = inter.get("learner_response", inter.get("student_response", ""))
            elif (ref := parse_id(iid)) is not None:
                response = inter.get("learner_response", inter.get("student_response", ""))
                tasks.append((f"cmi.interactions.{n}", ref, response, when))
            else:
                skipped.append(Skipped(file, f"cmi.interactions.{n}", f"unknown question id '{iid}'"))
            continue
        first = inter.get("objectives.0.id")
        if first is not None and not (  # the usual case, one link naming the question's K item, made cheap
            len(knowledge) == 1 and first == knowledge[0] and "objectives.1.id" not in inter
        ):
            links = _links(inter)
            if links != knowledge:  # the SCO's own view (a republished module), checked against the standard
                unknown = next((k for k in links if kinds.get(k) != "knowledge"), None)
                if unknown is not None:
                    skipped.append(Skipped(file, f"cmi.interactions.{n}", f"unknown K id '{unknown}'"))
                    continue
                knowledge = links
        answered.append((intern(iid), inter.get("result") == "correct", knowledge))
    origin = Origin("scorm", file, latest)
    records: list[Record] = []
    if answered:
        questions, correct, _links_of = zip(*answered, strict=True)
        records.append(AnswerSheet(learner, questions, correct, origin))
    touched: set[str] | None = None  # K items with an answer: needed only for an objective still open

    for n, obj in objectives.items():
        where = f"cmi.objectives.{n}"
        oid = intern(obj.get("id", ""))
        kind = kinds.get(oid)
        if kind is None:
            skipped.append(Skipped(file, where, f"unknown item id '{oid}'"))
        elif kind == "knowledge":
            if module is None:
                skipped.append(Skipped(file, where, f"{oid}: cannot tell which module this SCO is"))
                continue
            if (module, oid) not in catalog.points:
                skipped.append(Skipped(file, where, f"module {module} does not assess {oid}"))
                continue
            complete = (obj.get("status") in _DONE_12) if v12 else obj.get("success_status") in _DONE_12
            if not complete:
                touched = touched if touched is not None else {k for _q, _c, ks in answered for k in ks}
                if oid not in touched:
                    continue  # written at launch, never answered: not attempted
            available = catalog.points[(module, oid)]
            earned = round(_ratio(obj) * available, 3)
            records.append(
                KnowledgeEvidence(learner, oid, module, module, earned, available, complete, origin)
            )
        elif kind == "activity":
            status = obj.get("status") if v12 else obj.get("completion_status")
            if status in (None, "", "not attempted", "unknown"):
                continue  # the SCO says the learner has not begun it: no record, so not_attempted
            records.append(ActivityDone(learner, oid, status in ("completed", "passed"), origin))

    records += _reflections(flat.get("cmi.suspend_data", ""), texts, learner, origin, catalog)
    read: list[Record] = from_interactions(tasks, learner, file, origin, catalog, skipped) if tasks else []
    if catalog.tasks:
        have = {(r.task, "field" if isinstance(r, TaskSubmission) else "self_rating") for r in read}  # type: ignore[union-attr]
        suspend = flat.get("cmi.suspend_data", "")
        read = exact_submissions(read, suspend, catalog) if read else read
        read += from_saved_state(suspend, learner, file, origin, catalog, skipped, have)
    records += read
    return records, skipped


_LINK_KEYS = tuple(f"objectives.{j}.id" for j in range(16))  # built once: an interaction names few K items


def _links(inter: Mapping[str, str]) -> tuple[str, ...]:
    """An interaction's objective ids, in order (objectives.0.id, objectives.1.id, ...)."""
    out: list[str] = []
    for key in _LINK_KEYS:
        value = inter.get(key)
        if value is None:
            return tuple(out)
        out.append(value)
    while f"objectives.{len(out)}.id" in inter:  # more links than _LINK_KEYS holds
        out.append(inter[f"objectives.{len(out)}.id"])
    return tuple(out)


def _ratio(obj: Mapping[str, str]) -> float:
    try:
        if "score.scaled" in obj:
            return max(0.0, min(1.0, float(obj["score.scaled"])))
        top = float(obj.get("score.max") or 100)
        return max(0.0, min(1.0, float(obj.get("score.raw") or 0) / top)) if top else 0.0
    except ValueError:
        return 0.0


def _module_of(
    objectives: Mapping[int, Mapping[str, str]],
    interactions: Mapping[int, Mapping[str, str]],
    catalog: Catalog,
) -> str | None:
    """The SCO's module: from its interactions' question ids, else its activity objectives, else its K set."""
    for inter in interactions.values():
        iid = inter.get("id", "")
        if iid in catalog.questions:
            return catalog.questions[iid][0]
        if iid in catalog.reflections:
            return catalog.reflections[iid][0]
    ids = {o.get("id", "") for o in objectives.values()}
    for oid in ids:
        if catalog.is_kind(oid, "activity"):
            task = catalog.course.standard.task_of.get(oid)
            if task in catalog.module_of_task:
                return catalog.module_of_task[task]
    ks = {k for k in ids if catalog.is_kind(k, "knowledge")}
    fits = [m.id for m in catalog.course.modules if ks and all((m.id, k) in catalog.points for k in ks)]
    return fits[0] if len(fits) == 1 else None


def _reflections(
    suspend: str,
    texts: Mapping[str, str],
    learner: str,
    origin: Origin,
    catalog: Catalog,
) -> list[Record]:
    try:
        saved = saved_reflections(suspend) if suspend else {}
    except ValueError:
        saved = {}  # not our state (another SCO, or damaged): the interactions still give the texts
    out: list[Record] = []
    for rid, (_module, attitude, _activity) in catalog.reflections.items():
        kept = saved.get(fnv6(rid))
        if kept is not None and not kept.submitted:
            kept = None  # a draft is not a reflection
        if rid not in texts and kept is None:
            continue
        text = texts.get(rid, "")
        if kept is not None and len(kept.text) >= len(text):
            text = kept.text
        rating = kept.rating if kept else None
        out.append(ReflectionEntry(learner, attitude, rid, rating, text or None, origin))
    return out
