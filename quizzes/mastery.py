"""Mastery per K item: the share of points earned on that item's questions against a threshold."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from .grader import Result
from .model import Question

DEFAULT_THRESHOLD = 0.8


class MasteryRule(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    threshold: float = Field(
        default=DEFAULT_THRESHOLD, gt=0, le=1, description="Share of a K item's points needed to master it."
    )
    knowledge: dict[str, float] = Field(
        default_factory=dict, description="Per-K overrides of the threshold, e.g. {K10: 1.0}."
    )

    def threshold_for(self, knowledge_id: str) -> float:
        return self.knowledge.get(knowledge_id, self.threshold)


@dataclass(frozen=True)
class KnowledgeStanding:
    knowledge_id: str
    earned: float
    available: float
    answered: int
    questions: int
    threshold: float

    @property
    def ratio(self) -> float:
        return self.earned / self.available if self.available else 0.0

    @property
    def status(self) -> str:
        """'mastered', 'not_mastered' (every question answered, below threshold), or 'incomplete'."""
        if self.answered < self.questions:
            return "incomplete"
        return "mastered" if self.ratio + 1e-9 >= self.threshold else "not_mastered"


def knowledge_standings(
    questions: Iterable[Question], results: Mapping[str, Result], rule: MasteryRule
) -> dict[str, KnowledgeStanding]:
    """Standing on every K item named by `questions`, given the results so far (keyed by question id)."""
    totals: dict[str, list[float]] = {}
    for q in questions:
        result = results.get(q.id)
        for k in q.knowledge:
            earned, available, answered, count = totals.setdefault(k, [0.0, 0.0, 0, 0])
            totals[k] = [
                earned + (result.score if result else 0.0),
                available + q.points,
                answered + (1 if result else 0),
                count + 1,
            ]
    return {
        k: KnowledgeStanding(k, v[0], v[1], int(v[2]), int(v[3]), rule.threshold_for(k))
        for k, v in sorted(totals.items())
    }


def module_passed(standings: Mapping[str, KnowledgeStanding]) -> bool:
    """The one passing rule: a module is passed when every K item it assesses is mastered.

    The SCO applies it (scorm_export/runtime/rollup.js mirrors it, tests/test_rollup_parity.py proves them equal),
    and the SCORM manifests carry no score threshold an LMS could apply instead.
    """
    return all(s.status == "mastered" for s in standings.values())
