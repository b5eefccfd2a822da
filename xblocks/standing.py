"""The learner's standing against the standard, from what the quiz and reflection blocks recorded.

Pure functions over plain dicts (the blocks' own records), so the progress block and its tests share
one rule and nothing here needs a runtime.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..quizzes.grader import Result
from ..quizzes.mastery import (
    DEFAULT_THRESHOLD,
    KnowledgeStanding,
    MasteryRule,
    knowledge_standings,
    knowledge_status,
    knowledge_sums,
)
from ..quizzes.model import Question
from ..quizzes.status import Status, attitude_status, progress_status, task_status


def standing_dict(s: KnowledgeStanding) -> dict[str, Any]:
    return {
        "earned": s.earned,
        "available": s.available,
        "answered": s.answered,
        "questions": s.questions,
        "threshold": s.threshold,
        "status": str(s.status),
    }


def quiz_knowledge(
    groups: Iterable[tuple[MasteryRule, list[Question]]], results: Mapping[str, Result]
) -> dict[str, dict[str, Any]]:
    """Per-K standing over a quiz whose questions may come from modules with different mastery rules."""
    merged: dict[str, dict[str, Any]] = {}
    for rule, questions in groups:
        for k, s in knowledge_standings(questions, results, rule).items():
            merged[k] = _add(merged.get(k), standing_dict(s))
    return dict(sorted(merged.items()))


def _add(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    if old is None:
        return new
    total = {key: old[key] + new[key] for key in ("earned", "available", "answered", "questions")}
    total["threshold"] = max(old["threshold"], new["threshold"])  # the stricter rule wins
    total["status"] = str(_status(total))
    return total


def _status(t: Mapping[str, Any]) -> Status:
    return knowledge_status(t["earned"], t["available"], t["answered"], t["questions"], t["threshold"])


def course_standing(
    outline: Mapping[str, Any],
    quizzes: Iterable[Mapping[str, Any]],
    reflections: Iterable[Mapping[str, Any]],
) -> dict[str, Any]:
    """Status per K item, activity, task and attitude of `outline` (see `outline_of`).

    A quiz record is `{"questions": [{id, activity, knowledge, points}], "scores": {qid: score},
    "thresholds": {K: t}}`; a reflection record is `{"attitude", "activity", "submitted"}`.
    """
    questions: dict[str, Mapping[str, Any]] = {}
    scores: dict[str, float] = {}
    thresholds: dict[str, float] = {}
    for quiz in quizzes:
        for q in quiz["questions"]:
            questions.setdefault(q["id"], q)
        for qid, score in quiz["scores"].items():
            scores[qid] = max(scores.get(qid, 0.0), float(score))  # the same question in two quizzes: best
        for k, t in quiz["thresholds"].items():
            thresholds[k] = max(thresholds.get(k, 0.0), float(t))
    reflected: dict[str, list[bool]] = {}
    reflection_activities: dict[str, list[bool]] = {}
    for r in reflections:
        reflected.setdefault(r["attitude"], []).append(bool(r["submitted"]))
        if r.get("activity"):
            reflection_activities.setdefault(r["activity"], []).append(bool(r["submitted"]))

    def threshold(k: str) -> float:
        return thresholds.get(k, DEFAULT_THRESHOLD)

    sums = knowledge_sums(
        ((q["knowledge"], float(q["points"]), scores.get(q["id"])) for q in questions.values()), threshold
    )
    knowledge = {
        item["id"]: str(
            sums.get(item["id"], KnowledgeStanding(item["id"], 0.0, 0.0, 0, 0, threshold(item["id"]))).status
        )
        for item in outline["knowledge"]
    }

    activities: dict[str, str] = {}
    tasks: dict[str, str] = {}
    for task in outline["tasks"]:
        for act in task["activities"]:
            parts = [q["id"] in scores for q in questions.values() if q["activity"] == act["id"]]
            parts += reflection_activities.get(act["id"], [])
            activities[act["id"]] = str(progress_status(parts))
        tasks[task["id"]] = str(task_status(activities[a["id"]] for a in task["activities"]))

    attitudes = {a["id"]: str(attitude_status(reflected.get(a["id"], []))) for a in outline["attitudes"]}
    return {"knowledge": knowledge, "activities": activities, "tasks": tasks, "attitudes": attitudes}


def outline_of(standard: Any, performance: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The parts of a `Standard` the progress block shows, as plain data it can store in its content.

    `performance`: the course's performance tasks as the OLX export places them (`olx_export.ora.progress_entry`:
    the ORA2 block's url_name and title, and the task), so the block can find them and show their O and P items.
    """
    outline = {
        "title": standard.title,
        "tasks": [
            {
                "id": t.id,
                "label": t.label,
                "title": t.title,
                "activities": [{"id": a.id, "label": a.label, "title": a.title} for a in t.activities],
            }
            for t in standard.tasks
        ],
        "knowledge": [{"id": k.id, "label": k.label, "text": k.text or ""} for k in standard.knowledge],
        "attitudes": [{"id": a.id, "label": a.label, "name": a.name} for a in standard.attitudes],
    }
    if performance:  # only then: a course without tasks keeps the outline (and the archives) it had
        ids = [i for e in performance for i in e["task"]["outputs"]]
        ids += [p for e in performance for c in e["task"]["rubric"] for p in c["indicators"]]
        outline["performance"] = list(performance)
        outline["items"] = {
            i: {"label": standard.distinct_label(i), "text": standard.index[i].text or ""}
            for i in dict.fromkeys(ids)
        }
    return outline
