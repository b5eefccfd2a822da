"""The learner's standing against the standard, from what the quiz and reflection blocks recorded.

Pure functions over plain dicts (the blocks' own records), so the progress block and its tests share
one rule and nothing here needs a runtime.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..quizzes.grader import Result
from ..quizzes.mastery import KnowledgeStanding, MasteryRule, knowledge_standings
from ..quizzes.model import Question


def standing_dict(s: KnowledgeStanding) -> dict[str, Any]:
    return {
        "earned": s.earned,
        "available": s.available,
        "answered": s.answered,
        "questions": s.questions,
        "threshold": s.threshold,
        "status": s.status,
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
    total["status"] = _status(total)
    return total


def _status(t: Mapping[str, Any]) -> str:
    if t["answered"] < t["questions"]:
        return "incomplete"
    ratio = t["earned"] / t["available"] if t["available"] else 0.0
    return "mastered" if ratio + 1e-9 >= t["threshold"] else "not_mastered"


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
    reflected: dict[str, bool] = {}
    reflection_activities: dict[str, list[bool]] = {}
    for r in reflections:
        reflected[r["attitude"]] = reflected.get(r["attitude"], False) or bool(r["submitted"])
        if r.get("activity"):
            reflection_activities.setdefault(r["activity"], []).append(bool(r["submitted"]))

    knowledge = {}
    for item in outline["knowledge"]:
        mine = [q for q in questions.values() if item["id"] in q["knowledge"]]
        if not mine:
            knowledge[item["id"]] = "not_assessed"
            continue
        totals = {
            "earned": sum(scores.get(q["id"], 0.0) for q in mine),
            "available": sum(float(q["points"]) for q in mine),
            "answered": sum(1 for q in mine if q["id"] in scores),
            "questions": len(mine),
            "threshold": thresholds.get(item["id"], 0.8),
        }
        knowledge[item["id"]] = "mastered" if _status(totals) == "mastered" else "not_yet"

    activities: dict[str, str] = {}
    tasks: dict[str, str] = {}
    for task in outline["tasks"]:
        for act in task["activities"]:
            done = [q["id"] in scores for q in questions.values() if q["activity"] == act["id"]]
            done += reflection_activities.get(act["id"], [])
            activities[act["id"]] = "not_offered" if not done else ("done" if all(done) else "not_yet")
        offered = [activities[a["id"]] for a in task["activities"] if activities[a["id"]] != "not_offered"]
        tasks[task["id"]] = (
            "not_offered" if not offered else ("done" if set(offered) == {"done"} else "not_yet")
        )

    attitudes = {
        a["id"]: (
            "not_offered" if a["id"] not in reflected else "reflected" if reflected[a["id"]] else "not_yet"
        )
        for a in outline["attitudes"]
    }
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
