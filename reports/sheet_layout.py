"""The rating sheet's layout (TASKS_SPEC §6): written by `zhineng rate`, read back by `zhineng report`.

One row per learner × task × criterion on sheet `ratings`; an instructor types the level (1..n), and who rated,
when and a comment. `points` is derived (a formula), `indicators` is shown for reference: both locked.
"""

from __future__ import annotations

RATINGS = "ratings"
INSTRUCTIONS = "instructions"
LEARNERS = "learners"  # the learners the sheet was written for: a learner not on it is a typo

COLUMNS = ("learner", "task", "criterion", "indicators", "level", "points", "rater", "rated_at", "comment")
REQUIRED = ("learner", "task", "criterion", "level")  # the reader needs these; the rest may be missing
EDITABLE = ("level", "rater", "rated_at", "comment")  # unlocked cells: what an instructor fills in
