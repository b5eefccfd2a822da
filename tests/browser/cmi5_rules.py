"""The cmi5 rules a conformant LMS enforces on what an AU posts (cmi5 "Quartz", sections 7.1, 9, 10, 11), as
ADL's cmi5 player does: a statement that breaks one is refused with a 4xx and a message naming the rule.

A batch is all or nothing, as xAPI's POST /statements is: it is checked against a copy of the session and
registration state, which replaces the state only when every statement passes.
"""

from __future__ import annotations

import copy
import json
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION_EXT = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY_EXT = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
ADL = "http://adlnet.gov/expapi/verbs/"
AU_VERBS = {ADL + v: v for v in ("initialized", "completed", "passed", "failed", "terminated")}
# cmi5 9.3.8: after "terminated" the LMS waits a period of its choosing, then rejects everything for the session.
# Within it, a statement still in flight when terminated was sent is recorded if its timestamp comes before
# terminated's (order is by timestamp, cmi5 9.3); one stamped after it is refused at once.
TERMINATED_GRACE_SECONDS = 10.0


class Refused(Exception):
    """A statement the LMS turns down: HTTP status and the rule, for the AU and the test's message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Registration:
    """What cmi5 9.3 counts per registration and AU."""

    completed: bool = False
    passed: bool = False


@dataclass
class Session:
    id: str
    registration: str
    au: str
    actor: dict[str, Any]
    mode: str
    mastery: float | None
    template: dict[str, Any]
    preferences_read: bool = False
    defined: list[str] = field(default_factory=list)  # the cmi5-defined verbs said, in order
    first: datetime | None = None  # the initialized statement's timestamp
    latest: datetime | None = None
    terminated: bool = False
    terminated_at: datetime | None = None  # its timestamp
    terminated_seen: float = 0.0  # time.monotonic() when it was recorded
    abandoned: bool = False


def _categories(statement: dict[str, Any]) -> set[str]:
    acts = statement.get("context", {}).get("contextActivities", {})
    return {c.get("id") for c in acts.get("category", []) if isinstance(c, dict)}


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _when(statement: dict[str, Any]) -> datetime:
    try:
        return datetime.fromisoformat(str(statement["timestamp"]).replace("Z", "+00:00"))
    except (KeyError, ValueError):
        raise Refused(400, "every statement needs an ISO 8601 timestamp (cmi5 9.7)") from None


def _template_kept(statement: dict[str, Any], session: Session) -> None:
    """cmi5 10.2.1: the contextTemplate is the base of every context, nothing in it overwritten."""
    context = statement.get("context") or {}
    for key, value in (session.template.get("extensions") or {}).items():
        if (context.get("extensions") or {}).get(key) != value:
            raise Refused(400, f"context extension {key} is not the contextTemplate's value (cmi5 10.2.1)")
    acts = context.get("contextActivities") or {}
    for kind, wanted in (session.template.get("contextActivities") or {}).items():
        have = {a.get("id") for a in acts.get(kind, []) if isinstance(a, dict)}
        missing = [a["id"] for a in wanted if a["id"] not in have]
        if missing:
            raise Refused(400, f"contextActivities.{kind} lacks the contextTemplate's {missing} (cmi5 9.6.2)")


# cmi5 9.5: which result properties each AU verb must have and may have.
_SUCCESS = {"passed": True, "failed": False}
_DURATION = {"completed", "passed", "failed", "terminated"}


def _result_fits(verb: str, result: dict[str, Any]) -> None:
    if "score" in result and verb not in _SUCCESS:
        raise Refused(400, f"'{verb}' with a score: only passed and failed may carry one (cmi5 9.5.1)")
    if result.get("success") != _SUCCESS.get(verb):
        raise Refused(400, f"'{verb}' with result.success {result.get('success')} (cmi5 9.5.2)")
    if result.get("completion") != (True if verb == "completed" else None):
        raise Refused(400, f"'{verb}' with result.completion {result.get('completion')} (cmi5 9.5.3)")
    if verb in _DURATION and not isinstance(result.get("duration"), str):
        raise Refused(400, f"'{verb}' without result.duration (cmi5 9.5.4)")


def _defined(statement: dict[str, Any], session: Session, reg: Registration) -> None:
    """A cmi5-defined statement: verb, object, order, moveOn category, masteryScore (cmi5 9.3, 9.6, 10.2)."""
    verb = AU_VERBS.get(statement.get("verb", {}).get("id"))
    if verb is None:
        raise Refused(400, f"an AU may not send the cmi5-defined verb {statement.get('verb')} (cmi5 9.3)")
    if statement.get("object", {}).get("id") != session.au:
        raise Refused(400, "a cmi5-defined statement's object is the AU (cmi5 9.4)")
    if verb in session.defined:
        raise Refused(400, f"'{verb}' twice in one session (cmi5 9.3)")
    if verb in ("passed", "failed") and {"passed", "failed"} & set(session.defined):
        raise Refused(400, f"'{verb}' after a passed or failed in the same session (cmi5 9.3)")
    if session.mode != "Normal" and verb not in ("initialized", "terminated"):
        raise Refused(400, f"'{verb}' in a {session.mode} session (cmi5 10.2.2)")
    result = statement.get("result") or {}
    _result_fits(verb, result)
    judged = "success" in result or "completion" in result
    if judged != (MOVEON in _categories(statement)):
        raise Refused(
            400, "the moveOn category goes on exactly the statements with success or completion (9.6.2.2)"
        )
    if verb == "completed":
        if reg.completed:
            raise Refused(400, "a second 'completed' in the registration (cmi5 9.3)")
        reg.completed = True
    if verb in ("passed", "failed"):
        if reg.passed:
            raise Refused(400, f"'{verb}' after 'passed' in the registration (cmi5 9.3)")
        reg.passed = verb == "passed"
        if session.mastery is not None:
            ext = (statement.get("context", {}).get("extensions") or {}).get(MASTERY_EXT)
            if ext != session.mastery:
                raise Refused(
                    400, f"'{verb}' lacks the masteryscore extension {session.mastery} (cmi5 9.6.3.2)"
                )
            scaled = (result.get("score") or {}).get("scaled")
            if scaled is not None and (scaled >= session.mastery) != (verb == "passed"):
                raise Refused(
                    400, f"'{verb}' with scaled {scaled} against masteryScore {session.mastery} (9.3.4-5)"
                )
    session.defined.append(verb)


def check(statement: dict[str, Any], session: Session, reg: Registration) -> None:
    """One statement of the session's AU, in order; changes the session and registration state."""
    if session.abandoned:
        raise Refused(403, "the session was abandoned: no statements are recorded for it (cmi5 9.3.6)")
    when = _when(statement)
    if session.terminated:
        late = time.monotonic() - session.terminated_seen > TERMINATED_GRACE_SECONDS
        if late or session.terminated_at is None or when > session.terminated_at:
            raise Refused(403, "a statement after 'terminated' (cmi5 9.3.8)")
    if not session.preferences_read:
        raise Refused(403, "the AU sent a statement before reading cmi5LearnerPreferences (cmi5 11.0)")
    if _canon(statement.get("actor")) != _canon(session.actor):
        raise Refused(400, "the actor is not the launch's actor (cmi5 8.1.3)")
    context = statement.get("context") or {}
    if context.get("registration") != session.registration:
        raise Refused(400, "context.registration is not the launch's registration (cmi5 9.6.1)")
    _template_kept(statement, session)
    is_defined = CMI5 in _categories(statement)
    verb = AU_VERBS.get(statement.get("verb", {}).get("id")) if is_defined else None
    if session.first is None and verb != "initialized":
        raise Refused(400, "the first statement of a session is 'initialized' (cmi5 9.3.2)")
    if session.first is not None and when < session.first:
        raise Refused(400, "a statement timestamped before the session's 'initialized' (cmi5 9.3)")
    if not is_defined and MOVEON in _categories(statement):
        raise Refused(400, "the moveOn category on a cmi5-allowed statement (cmi5 9.6.2.2)")
    if is_defined:
        _defined(statement, session, reg)
    if verb == "initialized":
        session.first = when
    if verb == "terminated":
        if session.latest is not None and when < session.latest:
            raise Refused(400, "'terminated' is not the latest statement of the session (cmi5 9.3.8)")
        session.terminated, session.terminated_at, session.terminated_seen = True, when, time.monotonic()
    session.latest = max(when, session.latest or when)


def check_batch(
    statements: list[dict[str, Any]],
    sessions: dict[str, Session],
    registrations: dict[tuple[str, str], Registration],
    token_session: str,
) -> None:
    """A POST's statements, all or none: the state changes only when every one passes. token_session: the
    session the request's auth token was handed out for; an AU speaks for its own session only."""
    trial_sessions = copy.deepcopy(sessions)
    trial_regs = copy.deepcopy(registrations)
    for n, statement in enumerate(statements, 1):
        if not isinstance(statement, dict):
            raise Refused(400, f"statement {n}: not a JSON object")
        sid = ((statement.get("context") or {}).get("extensions") or {}).get(SESSION_EXT)
        session = trial_sessions.get(sid) if isinstance(sid, str) else None
        if session is None or sid != token_session:
            raise Refused(400, f"statement {n}: not the session id of this launch (cmi5 9.6.3.1)")
        reg = trial_regs.setdefault((session.registration, session.au), Registration())
        try:
            check(statement, session, reg)
        except Refused as refused:
            raise Refused(
                refused.status, f"statement {n} ({statement.get('verb', {}).get('id')}): {refused}"
            ) from None
    sessions.update(trial_sessions)
    registrations.update(trial_regs)
