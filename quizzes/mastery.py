"""Mastery per K item: the share of points earned on that item's questions against a threshold."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from .grader import Result
from .model import Question
from .status import Status

DEFAULT_THRESHOLD = 0.8
# Points summed from fractions miss the threshold by a rounding error (0.1 * 8 is 0.7999999999999999, not 0.8):
# a share this close to the threshold reaches it.
SLACK = 1e-9


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
    def status(self) -> Status:
        return knowledge_status(self.earned, self.available, self.answered, self.questions, self.threshold)


def reaches(earned: float, available: float, threshold: float) -> bool:
    """The one mastery comparison: do `earned` of `available` points reach `threshold` (a share of them)?

    Nothing to earn reaches nothing. Every channel decides with it: the report (reports/knowledge.py), the
    blocks (xblocks/standing.py) through `knowledge_status`, and the SCO's port, runtime/status.js `reaches`,
    which also judges cmi5's masteryScore; tests/vectors/mastery.json proves the port equal."""
    return available > 0 and earned / available + SLACK >= threshold


def knowledge_status(
    earned: float, available: float, answered: int, questions: int, threshold: float
) -> Status:
    """A K item's status from the points and answers on the questions assessing it (quizzes/status.py words):
    no question -> not_offered; none answered -> not_attempted; some -> incomplete; all -> mastered when the
    points reach the threshold, else not_mastered. runtime/status.js `knowledgeStatus` ports it."""
    if questions == 0:
        return Status.NOT_OFFERED
    if answered == 0:
        return Status.NOT_ATTEMPTED
    return judged(answered == questions, earned, available, threshold)


def judged(complete: bool, earned: float, available: float, threshold: float) -> Status:
    """A K item some evidence is in on: incomplete until every question is answered (`complete`), then mastered
    or not_mastered. The report, which knows evidence as complete or not, calls it directly."""
    if not complete:
        return Status.INCOMPLETE
    return Status.MASTERED if reaches(earned, available, threshold) else Status.NOT_MASTERED


def knowledge_sums(
    entries: Iterable[tuple[Iterable[str], float, float | None]], threshold_for: Callable[[str], float]
) -> dict[str, KnowledgeStanding]:
    """The one sum behind every K standing: per K item, the points earned and available on the questions naming
    it, how many of them are answered and how many there are. `entries`: per question, its K items, its points
    and its score (None while unanswered); `threshold_for(K)`: the threshold each K item is judged by."""
    totals: dict[str, list[float]] = {}
    for knowledge, points, score in entries:
        for k in knowledge:
            earned, available, answered, count = totals.setdefault(k, [0.0, 0.0, 0, 0])
            totals[k] = [
                earned + (score or 0.0),
                available + points,
                answered + (score is not None),
                count + 1,
            ]
    return {
        k: KnowledgeStanding(k, v[0], v[1], int(v[2]), int(v[3]), threshold_for(k))
        for k, v in sorted(totals.items())
    }


def knowledge_standings(
    questions: Iterable[Question], results: Mapping[str, Result], rule: MasteryRule
) -> dict[str, KnowledgeStanding]:
    """Standing on every K item named by `questions`, given the results so far (keyed by question id)."""
    entries = ((q.knowledge, q.points, results[q.id].score if q.id in results else None) for q in questions)
    return knowledge_sums(entries, rule.threshold_for)


def module_passed(standings: Mapping[str, KnowledgeStanding]) -> bool:
    """The one passing rule: a module is passed when every K item it assesses is mastered.

    The SCO applies it (scorm_export/runtime/rollup.js mirrors it, tests/test_rollup_parity.py proves them equal),
    and the SCORM manifests carry no score threshold an LMS could apply instead.
    """
    return all(s.status == Status.MASTERED for s in standings.values())
