"""Per learner and K item: mastered, not yet or not attempted, from every source's evidence.

Evidence is reduced in steps, each 'latest attempt wins' at its own grain: per part (a SCORM SCO, an Open edX
quiz), summed per module and source, then the latest source per module, then summed over the K item's modules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from .catalog import Catalog
from .merge import latest_by
from .model import KnowledgeCell
from .records import Answer, KnowledgeEvidence, Origin
from .times import iso

SLACK = 1e-9  # as quizzes/mastery.py


@dataclass(slots=True)  # private and never changed; not frozen, as a frozen init costs a call per field
class _ModuleTotal:
    learner: str
    knowledge: str
    module: str
    earned: float
    available: float
    complete: bool
    origin: Origin
    sources: frozenset[str]


def evidence_from_answers(answers: Iterable[Answer], catalog: Catalog) -> list[KnowledgeEvidence]:
    """xAPI has no per-K standing: grade the learner's latest answers per module with the mastery rule."""
    latest = latest_by(answers, lambda a: (a.learner, a.question))
    grouped: dict[tuple[str, str, str], list[Answer]] = defaultdict(list)
    for a in latest.values():
        module = catalog.questions[a.question][0]
        for k in catalog.questions[a.question][1].knowledge:
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


def _newest_of(totals: Iterable[_ModuleTotal]) -> datetime | None:
    whens = [t.origin.when for t in totals if t.origin.when]
    return max(whens) if whens else None


def knowledge_cells(
    evidence: Iterable[KnowledgeEvidence], catalog: Catalog
) -> dict[str, dict[str, KnowledgeCell]]:
    """learner -> K id -> cell (only where there is evidence)."""
    # Every step below groups within one learner, so reduce learner by learner: small dicts per step instead
    # of a few huge ones keyed by tuples, which cost more than linearly on 10,000 learners.
    by_learner: dict[str, list[KnowledgeEvidence]] = defaultdict(list)
    for e in evidence:
        by_learner[e.learner].append(e)
    needed_points = {
        k: sum(catalog.points[(m, k)] for m in modules) for k, modules in catalog.modules_of_knowledge.items()
    }
    return {learner: _learner_cells(mine, catalog, needed_points) for learner, mine in by_learner.items()}


def _learner_cells(
    evidence: list[KnowledgeEvidence], catalog: Catalog, needed_points: dict[str, float]
) -> dict[str, KnowledgeCell]:
    """One learner's evidence -> K id -> cell. needed_points: K id -> points over every module assessing it."""
    per_part = latest_by(evidence, lambda e: (e.knowledge, e.origin.source, e.part))
    per_source: dict[tuple[str, str, str], list[KnowledgeEvidence]] = defaultdict(list)
    for e in per_part.values():
        per_source[(e.knowledge, e.module, e.origin.source)].append(e)
    points = catalog.points
    totals: list[_ModuleTotal] = []
    for (k, module, source), parts in per_source.items():
        if len(parts) == 1:  # the common case (a SCORM SCO is the whole module): no sums to make
            p = parts[0]
            available, earned, complete = 0 + p.available, 0 + p.earned, p.complete  # as sum() of one
            origin = p.origin  # the same source, file and time a new Origin would hold
        else:
            available = sum(p.available for p in parts)
            earned = sum(p.earned for p in parts)
            complete = all(p.complete for p in parts)
            origin = Origin(parts[0].origin.source, parts[-1].origin.file, _newest(p.origin for p in parts))
        full = points.get((module, k), available)
        complete = complete and available + SLACK >= full
        learner, sources = parts[0].learner, _one_source(source)
        totals.append(
            _ModuleTotal(learner, k, module, earned, max(available, full), complete, origin, sources)
        )
    per_module = latest_by(totals, lambda t: (t.knowledge, t.module))
    by_k: dict[str, dict[str, _ModuleTotal]] = defaultdict(dict)
    for t in per_module.values():
        by_k[t.knowledge][t.module] = t
    cells: dict[str, KnowledgeCell] = {}
    for k, modules in by_k.items():
        needed = catalog.modules_of_knowledge.get(k, [])
        earned = sum(t.earned for t in modules.values())
        available = needed_points.get(k, 0) or sum(t.available for t in modules.values())
        complete = all(m in modules and modules[m].complete for m in needed)
        mastered = complete and available > 0 and earned / available + SLACK >= catalog.thresholds.get(k, 0.8)
        cells[k] = KnowledgeCell(
            "mastered" if mastered else "not_yet",
            round(earned, 3),
            round(available, 3),
            iso(_newest_of(modules.values())),
            tuple(sorted({s for t in modules.values() for s in t.sources})),
        )
    return cells
