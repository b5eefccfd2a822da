"""Self-rating anchors: the runtimes number them (the number is the rating's value), so an author writes none.

Both the SCO and the blocks show anchor i as "i – text". An anchor written "1 我通常…" would read
"1 – 1 我通常…"; this check, shared by `validate` and the blocks' Studio editor, refuses it.
"""

from __future__ import annotations

import re

# Its own value (1..5) at the start, then a space or a separator: "1 ", "1.", "1、", "(1)", "１：".
_NUMBERED = re.compile(r"^\s*[(（]?\s*([1-5１-５])\s*(?:[)）.．、:：\-–—]|\s)")


def anchor_problem(position: int, text: str) -> str | None:
    """Why anchor `position` (1..5) may not be shown as authored, or None."""
    found = _NUMBERED.match(text)
    if found is None:
        return None
    return f"anchor {position} starts with its number '{found.group(1)}': write the text only, the number is shown for you"


def anchor_label(value: int, text: str) -> str:
    """What a learner reads beside rating `value`; reflection.js writes the same (tests prove them equal)."""
    return f"{value} – {text}" if text else str(value)
