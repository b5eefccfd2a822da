"""Per learner and K item: its status (quizzes/status.py) from every source's evidence.

Evidence is reduced in steps, each 'latest attempt wins' at its own grain: per part (a SCORM SCO, an Open edX
quiz), summed per module and source, then the latest source per module, then summed over the K item's modules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from operator import attrgetter

from ..quizzes.mastery import DEFAULT_THRESHOLD, SLACK, judged
from .catalog import Catalog
from .merge import latest_by, supersedes
from .model import KnowledgeCell
from .records import Answer, KnowledgeEvidence, Origin
from .times import iso

_PART = attrgetter("knowledge", "origin.source", "part")  # what one attempt covers, per K item
_QUESTION = attrgetter("learner", "question")  # one answer per learner and question: the latest


def evidence_from_answers(answers: Iterable[Answer], catalog: Catalog) -> list[KnowledgeEvidence]:
    """xAPI has no per-K standing: grade the learner's latest answers per module with the mastery rule."""
    latest = latest_by(answers, _QUESTION)
    grouped: dict[tuple[str, str, str], list[Answer]] = defaultdict(list)
    questions = catalog.questions
    for a in latest.values():
        module, question = questions[a.question]
        for k in question.knowledge:
            grouped[(a.learner, module, k)].append(a)
    out = []
    for (learner, module, k), mine in grouped.items():
        count = catalog.question_counts[(module, k)]
        whens = [a.origin.when for a in mine if a.origin.when]
        origin = Origin("xapi", mine[-1].origin.file, max(whens) if whens else None)
        earned = sum(a.earned for a in mine)
        available = catalog.points[(module, k)]
        out.append(
            KnowledgeEvidence(learner, k, module, module, earned, available, len(mine) == count, origin)
        )
    return out


def _newest(origins: Iterable[Origin]) -> datetime | None:
    whens = [o.when for o in origins if o.when]
    return max(whens) if whens else None


@cache
def _one_source(source: str) -> frozenset[str]:
    return frozenset([source])  # shared: one per source, not one per module total


@cache
def _sorted(sources: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(sources))  # shared: a handful of distinct source sets per report


def needed_points(catalog: Catalog) -> dict[str, float]:
    """K id -> points over every module that assesses it (what mastery is measured against)."""
    return {
        k: sum(catalog.points[(m, k)] for m in modules) for k, modules in catalog.modules_of_knowledge.items()
    }


# K id -> module -> (earned, available, complete, time, source): the latest source per (K, module)
PerModule = dict[str, dict[str, tuple[float, float, bool, "datetime | None", str]]]


def learner_cells(
    evidence: list[KnowledgeEvidence], catalog: Catalog, needed_points: dict[str, float]
) -> dict[str, KnowledgeCell]:
    """One learner's evidence -> K id -> cell (only where there is evidence). needed_points: from
    needed_points(catalog), computed once per report."""
    per_module = _one_part_each(evidence, catalog.points)
    if per_module is None:
        per_module = _latest_per_module(evidence, catalog.points)
    cells: dict[str, KnowledgeCell] = {}
    thresholds = catalog.thresholds
    modules_of_knowledge = catalog.modules_of_knowledge
    for k, modules in per_module.items():
        if len(modules) == 1:  # the common case: no sums or unions to make
            ((earned, available, _complete, newest, source),) = modules.values()
            earned, available = 0 + earned, needed_points.get(k, 0) or 0 + available  # as sum() of one
            sources = _one_source(source)
        else:
            totals = modules.values()
            earned = sum(t[0] for t in totals)
            available = needed_points.get(k, 0) or sum(t[1] for t in totals)
            whens = [t[3] for t in totals if t[3]]
            newest = max(whens) if whens else None
            sources = frozenset(t[4] for t in totals)
        complete = True
        for m in modules_of_knowledge.get(k, ()):
            done = modules.get(m)
            if done is None or not done[2]:
                complete = False
                break
        cells[k] = KnowledgeCell(
            judged(complete, earned, available, thresholds.get(k, DEFAULT_THRESHOLD)),
            round(earned, 3),
            round(available, 3),
            iso(newest),
            _sorted(sources),
        )
    return cells


def _module_total(
    available: float, earned: float, complete: bool, full: float, when: datetime | None, source: str
) -> tuple[float, float, bool, datetime | None, str]:
    """A module's points on a K item from one source: complete only if they cover all its points there."""
    return (earned, max(available, full), complete and available + SLACK >= full, when, source)


def _one_part_each(
    evidence: list[KnowledgeEvidence], points: dict[tuple[str, str], float]
) -> PerModule | None:
    """The usual case, in one pass: each piece of evidence is a whole module (part = module: a SCORM SCO, xAPI
    answers) and the only one on its K item and module, so there is nothing to merge. None otherwise."""
    per_module: PerModule = {}
    for e in evidence:
        module, k = e.module, e.knowledge
        if e.part != module:
            return None
        modules = per_module.get(k)
        if modules is None:
            modules = per_module[k] = {}
        elif module in modules:
            return None
        available = 0 + e.available  # as sum() of one
        origin = e.origin
        modules[module] = _module_total(
            available,
            0 + e.earned,
            e.complete,
            points.get((module, k), available),
            origin.when,
            origin.source,
        )
    return per_module


def _latest_per_module(evidence: list[KnowledgeEvidence], points: dict[tuple[str, str], float]) -> PerModule:
    """Latest wins per part, parts summed per module and source, then the latest source per module."""
    per_part = latest_by(evidence, _PART)
    per_source: dict[tuple[str, str, str], list[KnowledgeEvidence]] = {}
    for e in per_part.values():
        key = (e.knowledge, e.module, e.origin.source)
        group = per_source.pop(key, None)  # to the end: a group counts as read when its last part was
        if group is None:
            per_source[key] = [e]
        else:
            group.append(e)
            per_source[key] = group
    per_module: PerModule = {}
    for (k, module, source), parts in per_source.items():
        if len(parts) == 1:  # no sums to make
            p = parts[0]
            available, earned, complete = 0 + p.available, 0 + p.earned, p.complete  # as sum() of one
            when = p.origin.when
        else:
            available = sum(p.available for p in parts)
            earned = sum(p.earned for p in parts)
            complete = all(p.complete for p in parts)
            when = _newest(p.origin for p in parts)
        modules = per_module.get(k)
        if modules is None:
            modules = per_module[k] = {}
        current = modules.get(module)
        if current is None or supersedes(when, current[3]):  # another source on the module: latest wins
            modules[module] = _module_total(
                available, earned, complete, points.get((module, k), available), when, source
            )
    return per_module
