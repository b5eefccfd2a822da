"""Meaning checks for one question, beyond its shape: is the key complete and consistent?

Each finding is `(path inside the question, message)` so the loader can point at the exact key.
Kept here, beside the grader, because a key the grader cannot trust must never reach it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .model import (
    Choice,
    Item,
    Matching,
    MultipleResponse,
    Numeric,
    Ordering,
    Question,
    ShortText,
    SingleChoice,
)
from .text import normalise_text

Finding = tuple[tuple[str | int, ...], str]


def question_findings(q: Question) -> list[Finding]:
    found: list[Finding] = []
    if isinstance(q, (SingleChoice, MultipleResponse)):
        found += _duplicate_ids("choices", q.choices)
        correct = [c for c in q.choices if c.correct]
        if not correct:
            found.append((("choices",), "no choice is marked `correct: true`"))
        elif isinstance(q, SingleChoice) and len(correct) > 1:
            ids = ", ".join(c.id for c in correct)
            found.append(
                (
                    ("choices",),
                    f"a single_choice question has exactly one correct choice, found {len(correct)} ({ids}); use multiple_response",
                )
            )
    elif isinstance(q, Numeric):
        if q.tolerance < 0:
            found.append((("tolerance",), f"tolerance must not be negative (got {q.tolerance:g})"))
    elif isinstance(q, ShortText):
        seen: dict[str, int] = {}
        for i, text in enumerate(q.accepted):
            key = normalise_text(text)
            if key in seen:
                found.append(
                    (("accepted", i), f"'{text}' is the same answer as accepted[{seen[key]}] once normalised")
                )
            seen.setdefault(key, i)
        for i, m in enumerate(q.mistakes):
            if normalise_text(m.text) in seen:
                found.append((("mistakes", i, "text"), f"'{m.text}' is also an accepted answer"))
    elif isinstance(q, Ordering):
        found += _duplicate_ids("items", q.items)
        item_ids = [i.id for i in q.items]
        for i, step in enumerate(q.answer):
            if step not in item_ids:
                found.append(
                    (
                        ("answer", i),
                        f"answer names '{step}', which is not one of the items ({', '.join(item_ids)})",
                    )
                )
        for step, n in Counter(q.answer).items():
            if n > 1:
                found.append((("answer",), f"answer lists '{step}' {n} times"))
        missing = [i for i in item_ids if i not in q.answer]
        if missing:
            found.append((("answer",), f"the ordering key is incomplete: {', '.join(missing)} not placed"))
    elif isinstance(q, Matching):
        found += _duplicate_ids("premises", q.premises)
        found += _duplicate_ids("options", q.options)
        premise_ids = [p.id for p in q.premises]
        option_ids = [o.id for o in q.options]
        for premise, option in q.answer.items():
            if premise not in premise_ids:
                found.append(
                    (
                        ("answer", premise),
                        f"answer names premise '{premise}', which is not one of the premises ({', '.join(premise_ids)})",
                    )
                )
            elif option not in option_ids:
                found.append(
                    (
                        ("answer", premise),
                        f"answer names '{option}', which is not one of the options ({', '.join(option_ids)})",
                    )
                )
        missing = [p for p in premise_ids if p not in q.answer]
        if missing:
            found.append((("answer",), f"the matching key is incomplete: no option for {', '.join(missing)}"))
    return found


def _duplicate_ids(key: str, items: Sequence[Item] | Sequence[Choice]) -> list[Finding]:
    seen: set[str] = set()
    found: list[Finding] = []
    for i, ident in enumerate(item.id for item in items):
        if ident in seen:
            found.append(((key, i, "id"), f"duplicate id '{ident}' in {key}"))
        seen.add(ident)
    return found
