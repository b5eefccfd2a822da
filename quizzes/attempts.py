"""Attempts and the show-answer policy: how often a learner may answer a question, which answer counts, and
when the key is shown. One home for both runtimes: the SCO's port (scorm_export/runtime/attempts.js) and the
quiz block (xblocks/quiz.py) follow these rules, proven equal on tests/vectors/attempts.json.

The author sets them in the module's YAML, a default for the module and an override per question:

    attempts: 2            # per question; 0 = no limit
    show_answer: finished  # one of SHOW_ANSWER

The names are Open edX's own (capa's `showanswer`), without those about a due date, which neither runtime has:
  always     the key may be shown at any time, even before a first answer (a "Show answer" button)
  answered   once the question is answered correctly
  attempted  after the first answer
  closed     once every attempt is used
  finished   once the question is answered correctly or every attempt is used (Open edX's default)
  never      never

The score that counts is the last submitted attempt's (SCORE_RULE), in the SCO, the blocks and the report
(whose "latest attempt wins" is the same rule). A learner may retry while attempts remain and the last answer is
not wholly correct.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

ShowAnswer = Literal["always", "answered", "attempted", "closed", "finished", "never"]
SHOW_ANSWER: tuple[str, ...] = get_args(ShowAnswer)
DEFAULT_SHOW_ANSWER: ShowAnswer = "finished"
DEFAULT_ATTEMPTS = 1
MAX_ATTEMPTS = 20  # the SCO's saved state keeps the attempts used in one base-36 digit
SCORE_RULE = "last"  # the last submitted attempt's score is the one recorded

# Labels for every place the policy is chosen or described (Studio, docs): en here, zh-TW in the translations.
SHOW_ANSWER_LABELS: dict[str, str] = {
    "always": "Always",
    "answered": "When answered correctly",
    "attempted": "After the first answer",
    "closed": "When every attempt is used",
    "finished": "When answered correctly or every attempt is used",
    "never": "Never",
}


@dataclass(frozen=True)
class AttemptRule:
    """A question's effective settings: its own where it sets them, else its module's."""

    allowed: int  # 0 = no limit
    show_answer: str

    def closed(self, used: int) -> bool:
        return self.allowed > 0 and used >= self.allowed

    def can_retry(self, used: int, correct: bool) -> bool:
        """Another attempt is open: one was made, it was not wholly correct, and the limit is not reached."""
        return used > 0 and not correct and not self.closed(used)

    def left(self, used: int) -> int | None:
        """Attempts still open; None when there is no limit."""
        return None if self.allowed == 0 else max(self.allowed - used, 0)

    def may_show_answer(self, used: int, correct: bool) -> bool:
        """Whether the key (and the explanation) may be shown now, after `used` attempts, the last `correct`."""
        policy = self.show_answer
        answered_right = used > 0 and correct
        if policy == "always":
            return True
        if policy == "attempted":
            return used > 0
        if policy == "answered":
            return answered_right
        if policy == "closed":
            return self.closed(used)
        if policy == "finished":
            return answered_right or self.closed(used)
        return False


class AttemptSettings(BaseModel):
    """A module's defaults, as its YAML sets them (and a quiz block's bank keeps them)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    attempts: int = Field(
        default=DEFAULT_ATTEMPTS,
        ge=0,
        le=MAX_ATTEMPTS,
        description="Attempts at each question (0 = no limit); a question's own `attempts` overrides it.",
    )
    show_answer: ShowAnswer = Field(
        default=DEFAULT_SHOW_ANSWER,
        description="When a question's key is shown: always, answered, attempted, closed, finished or never "
        "(Open edX's names); a question's own `show_answer` overrides it.",
    )

    def attempt_rule(self, question: Any) -> AttemptRule:
        return rule_for(question, self.attempts, self.show_answer)


def rule_for(question: Any, default_attempts: int, default_show_answer: str) -> AttemptRule:
    """The question's own `attempts` / `show_answer` where set, else the module's defaults."""
    allowed = question.attempts if question.attempts is not None else default_attempts
    show = question.show_answer if question.show_answer is not None else default_show_answer
    return AttemptRule(allowed, show)


def policy_problem(allowed: int, show_answer: str) -> str | None:
    """An author's setting that can never show the key although it names when to: say so (the loader points at it)."""
    if show_answer == "closed" and allowed == 0:
        return "show_answer 'closed' never shows the answer when attempts are unlimited (0): set attempts, or use 'never'"
    return None
