"""The quiz block's attempts, per question, by the author's rule (quizzes/attempts.py), as the SCO follows it.

A question's rule is the course file's (its own `attempts` / `show_answer`, else its module's, carried in the
bank) unless the block's Studio settings override it for every question (`max_attempts`, `show_answer`: Open
edX's own field names; empty follows the course file). A submission answers the questions still open: not yet
answered, or answered not wholly correctly with attempts left. Each question keeps its last attempt, whose score
is the one that counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..quizzes.attempts import AttemptRule
from ..quizzes.model import Question
from .bank import Bank


def block_rule(bank: Bank, q: Question, max_attempts: int | None, show_answer: str) -> AttemptRule:
    own = bank.settings.attempt_rule(q)
    return AttemptRule(own.allowed if max_attempts is None else max_attempts, show_answer or own.show_answer)


def is_open(rule: AttemptRule, used: int, last: Mapping[str, Any] | None) -> bool:
    """Still to be answered: never answered, or another attempt is open (quizzes/attempts.py can_retry)."""
    return used == 0 or last is None or rule.can_retry(used, bool(last.get("correct")))


def tries_of(submission: Mapping[str, Any], submissions: int) -> dict[str, int]:
    """Attempts used per question; a submission stored before they were counted per question answered every
    question at each of the block's submissions."""
    if "tries" in submission:
        return dict(submission["tries"])
    return {qid: submissions for qid in submission.get("results", {})}


def outcome_entry(
    result: Mapping[str, Any], rule: AttemptRule, used: int, key: Mapping[str, Any]
) -> dict[str, Any]:
    """What the learner sees of one question after an attempt: its result, attempts, and the key by policy."""
    correct = bool(result.get("correct"))
    entry = dict(result)
    entry.update(
        attempts_used=used,
        attempts_allowed=rule.allowed,
        can_retry=rule.can_retry(used, correct),
    )
    if rule.may_show_answer(used, correct):
        entry.update(key)
    return entry
