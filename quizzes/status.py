"""The words a learner's standing is told in, in every channel: the SCO, the Open edX blocks, the report, the docs.

One word per meaning, whoever computes it: a K item, an activity or a task reads `not_attempted` in the SCO, in
the progress block and in the report alike. The SCO's JavaScript (runtime/status.js) uses the same strings (its rules are proven
equal on tests/vectors/status.json and tests/vectors/mastery.json), and `LABELS` is the one catalog of their
words in each language the channels speak.

What a module as a whole reports to an LMS (passed, failed, incomplete ...) is SCORM's own vocabulary
(scorm_export/runtime/scorm-table.js), and a performance task's own states are TASKS_SPEC §6's; neither is here.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Status(StrEnum):
    """A K, O or A item's, an activity's or a task's status for one learner (a str: JSON and CSV show the word)."""

    MASTERED = "mastered"
    """K item: every question assessing it is answered and the points earned reach its threshold
    (quizzes/mastery.py `reaches`). O item: a task producing it is rated by an instructor and passed."""

    NOT_MASTERED = "not_mastered"
    """K item: every question assessing it is answered, and the points earned stay below its threshold.
    O item: a task producing it is rated and not passed."""

    INCOMPLETE = "incomplete"
    """Begun, not finished: some of a K item's questions answered, some of an activity's parts (its page, its
    questions, reflections and task deliverables) or some of a task's activities done."""

    NOT_ATTEMPTED = "not_attempted"
    """Offered to the learner, nothing done yet (no answer, no visit, no submission)."""

    NOT_OFFERED = "not_offered"
    """The course, or what this page can see of it, gives no way to reach the item: no question assesses
    the K item, no block belongs to the activity, no reflection asks about the attitude. Not the learner's
    doing, unlike `not_attempted`."""

    COMPLETED = "completed"
    """Activity: every part done. Task: every activity of it the course offers completed."""

    REFLECTED = "reflected"
    """A item: a reflection on it submitted (attitudes are reflected on, never mastered)."""

    AWAITING_RATING = "awaiting_rating"
    """O item: its task is submitted (perhaps self-rated); an instructor's rating has still to come."""

    UNSEEN = "unseen"
    """O item in the progress block: the page cannot see the task's record (the rating tool keeps none it can
    read)."""

    UNKNOWN = "unknown"
    """O item in the progress block: the task is submitted, but its rating cannot be read on this page."""


# The one catalog of the statuses' words. The report (reports/labels.py) and the progress block read it; the
# SCO's runtime/i18n.js (zh-TW) and i18n-en.js hold the same table (statusOf), which tests/test_status.py compares.
LABELS: dict[str, dict[Status, str]] = {
    "zh-TW": {
        Status.MASTERED: "已精熟",
        Status.NOT_MASTERED: "未達精熟",
        Status.INCOMPLETE: "進行中",
        Status.NOT_ATTEMPTED: "未作答",
        Status.NOT_OFFERED: "本課程未提供",
        Status.COMPLETED: "已完成",
        Status.REFLECTED: "已反思",
        Status.AWAITING_RATING: "待評分",
        Status.UNSEEN: "此頁看不到這項任務的紀錄",
        Status.UNKNOWN: "已繳交；此頁無法讀取評分",
    },
    "en": {
        Status.MASTERED: "Mastered",
        Status.NOT_MASTERED: "Not mastered",
        Status.INCOMPLETE: "In progress",
        Status.NOT_ATTEMPTED: "Not attempted",
        Status.NOT_OFFERED: "Not offered in this course",
        Status.COMPLETED: "Completed",
        Status.REFLECTED: "Reflected",
        Status.AWAITING_RATING: "Awaiting rating",
        Status.UNSEEN: "This page cannot see this task's record",
        Status.UNKNOWN: "Submitted; its rating cannot be read here",
    },
}


def progress_status(parts: Iterable[bool]) -> Status:
    """The one activity rule: an activity's status from whether each of its parts is done.

    The SCO counts its page visit, every question answered, reflection submitted and task deliverable handed
    in; the blocks count the questions and reflections they hold for it. No parts: `not_offered`.
    runtime/status.js `progressStatus` ports it (tests/vectors/status.json)."""
    done = list(parts)
    if not done:
        return Status.NOT_OFFERED
    if all(done):
        return Status.COMPLETED
    return Status.INCOMPLETE if any(done) else Status.NOT_ATTEMPTED


def attitude_status(reflections: Iterable[bool]) -> Status:
    """An A item's status from whether each reflection asking about it is submitted: `reflected` once all are,
    else as `progress_status`. runtime/status.js `attitudeStatus` ports it."""
    status = progress_status(reflections)
    return Status.REFLECTED if status == Status.COMPLETED else status


def task_status(activities: Iterable[str]) -> Status:
    """The one task rule: a task's status from its activities' statuses. Activities the course does not offer
    are left out; with none offered the task is `not_offered`."""
    offered = [Status(a) for a in activities if a != Status.NOT_OFFERED]
    if not offered:
        return Status.NOT_OFFERED
    if all(a == Status.COMPLETED for a in offered):
        return Status.COMPLETED
    if all(a == Status.NOT_ATTEMPTED for a in offered):
        return Status.NOT_ATTEMPTED
    return Status.INCOMPLETE
