"""What the browser tests check in the CMI an LMS (scorm-again) kept."""

from __future__ import annotations

from typing import Any


def objectives(cmi: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in cmi["objectives"].values()}


def passed(version: str, objective: dict[str, Any]) -> bool:
    if version == "scorm12":
        return objective["status"] == "passed"  # type: ignore[no-any-return]
    return objective["success_status"] == "passed" and objective["completion_status"] == "completed"


# The SCO reads suspend_data whatever cmi.entry says; a 2004 LMS answers 403 (not initialized) on a first launch.
FIRST_READ = ("GetValue", "cmi.suspend_data", "403")


def lms_errors(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The calls the LMS answered with an error, but the first read of suspend_data."""
    return [c for c in calls if c["code"] != "0" and (c["fn"], *c["args"][:1], c["code"]) != FIRST_READ]


def no_lms_errors(learner: Any) -> None:
    calls = learner.lms("calls")
    assert calls, "the SCO never called the API"
    assert lms_errors(calls) == []
    assert learner.errors == []
