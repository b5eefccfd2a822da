"""The show-answer policy: when a learner may see the key and the explanation."""

from __future__ import annotations

SHOW_ANSWER = ("attempted", "finished", "never")


def may_reveal(policy: str, *, attempts: int, max_attempts: int, all_correct: bool) -> bool:
    """Never before a submission; then by policy. `finished` = all correct or out of attempts."""
    if attempts == 0:
        return False
    if policy == "attempted":
        return True
    if policy == "finished":
        return all_correct or (max_attempts > 0 and attempts >= max_attempts)
    return False
