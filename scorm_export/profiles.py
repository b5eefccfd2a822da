"""LMS profiles: which optional CMI data a SCO reports, for LMSs known to choke on some of it.

The table is the one place that says so; packaging validates `--profile` against it and the payload carries
the chosen row as `profileSwitches`, which the runtime reads. Course status, score, session time,
exit/suspend, location and suspend_data are always reported: without them nothing is tracked or resumed.
"""

from __future__ import annotations

from typing import Final

from ..errors import ZhinengError

# Column meanings (each switch on = reported):
#   interactions                 cmi.interactions.n for questions and reflections
#   interactionCorrectResponses  cmi.interactions.n.correct_responses (the answer key, sent to the LMS)
#   objectives                   cmi.objectives.n per K item
#   activityObjectives           cmi.objectives.n per activity of the standard (T1.5a, ...)
#   attitudeObjectives           cmi.objectives.n per A item
#   longReflectionText           the full reflection text in its interaction; off = cut to 255 characters
SWITCHES: Final = (
    "interactions",
    "interactionCorrectResponses",
    "objectives",
    "activityObjectives",
    "attitudeObjectives",
    "longReflectionText",
)

PROFILES: Final[dict[str, dict[str, bool]]] = {
    # Every switch on: interactions, objectives per K, activity and A item, full reflection texts.
    "strict": dict.fromkeys(SWITCHES, True),
    # Moodle lists every objective and interaction in its reports: keep K and A items and the questions,
    # drop the per-activity rows and keep interaction texts short enough for its report tables.
    "moodle": {
        "interactions": True,
        "interactionCorrectResponses": True,
        "objectives": True,
        "activityObjectives": False,
        "attitudeObjectives": True,
        "longReflectionText": False,
    },
    # openedx-scorm-xblock keeps every value in one learner-state field and reads only status and score:
    # report the K items and nothing bulky.
    "openedx": {
        "interactions": False,
        "interactionCorrectResponses": False,
        "objectives": True,
        "activityObjectives": False,
        "attitudeObjectives": False,
        "longReflectionText": False,
    },
    # Status, score, time, bookmark and suspend_data only.
    "minimal": dict.fromkeys(SWITCHES, False),
}

DEFAULT_PROFILE: Final = "strict"


def profile_switches(profile: str) -> dict[str, bool]:
    """The switches of a profile, as a fresh dict (callers may put it in a payload)."""
    try:
        return dict(PROFILES[profile])
    except KeyError:
        raise ZhinengError(f"unknown LMS profile '{profile}' (known: {', '.join(PROFILES)})") from None
