"""cloze: a text with gaps; each gap has its accepted answers (compared once normalised, as short_text does) and
may have its own feedback, shown when that gap is wrong. Partial scoring gives a point share per right gap.

    text: "ROAS = [[revenue]] ÷ [[cost]]"       (plain text; [[gap id]] marks each gap, once, in the gaps' order)
    gaps:
      - {id: revenue, accepted: [廣告帶來的營收, 營收], feedback: 分子是廣告帶來的營收。}
      - {id: cost, accepted: [廣告費用, 廣告花費]}

The response is one text per gap, in the gaps' order.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field

from ..base import Feedback, Id, QuestionBase, Strict, Text
from ..result import MAX_TEXT_RESPONSE, Finding, ResponseError, Result, b36_len, duplicate_ids, result
from ..text import normalise_text
from .short_text import WRONG_TEXT, accepted_findings
from .unit import QuestionType, Step

GAP_MAX = 40  # the runtime's gap box maxlength, and what its state codec keeps of each gap
MAX_GAPS = 10  # SCORM 2004 fill-in: an LMS must keep at least 10 responses in one learner_response
MARKER = re.compile(r"\[\[([^\[\]]*)\]\]")


class Gap(Strict):
    id: Id
    accepted: list[Text] = Field(min_length=1)
    feedback: Text | None = Field(default=None, description="Shown when this gap is answered wrong.")


class Cloze(QuestionBase):
    type: Literal["cloze"]
    text: Text = Field(description="Plain text; [[gap id]] marks each gap, once, in the order of `gaps`.")
    gaps: list[Gap] = Field(min_length=1, max_length=MAX_GAPS)
    scoring: Literal["all_or_nothing", "partial"] = "partial"
    feedback: Feedback


def parts(text: str) -> list[dict[str, Any]]:
    """The text as the learner sees it: runs of text and gaps, in order ({"text": ...} or {"gap": id, "n": 1})."""
    out: list[dict[str, Any]] = []
    at = 0
    for m in MARKER.finditer(text):
        if m.start() > at:
            out.append({"text": text[at : m.start()]})
        out.append({"gap": m.group(1), "n": sum(1 for p in out if "gap" in p) + 1})
        at = m.end()
    if at < len(text):
        out.append({"text": text[at:]})
    return out


def findings(q: Cloze) -> list[Finding]:
    found = duplicate_ids("gaps", q.gaps)
    gap_ids = [g.id for g in q.gaps]
    marked = [p["gap"] for p in parts(q.text) if "gap" in p]
    for name in marked:
        if name not in gap_ids:
            found.append(
                (
                    ("text",),
                    f"the text marks gap '[[{name}]]', which is not one of the gaps ({', '.join(gap_ids)})",
                )
            )
    for i, gap in enumerate(q.gaps):
        n = marked.count(gap.id)
        if n == 0:
            found.append(
                (
                    ("gaps", i, "id"),
                    f"gap '{gap.id}' is not marked in the text (write [[{gap.id}]] where it goes)",
                )
            )
        elif n > 1:
            found.append(
                (("gaps", i, "id"), f"gap '{gap.id}' is marked {n} times in the text; mark each gap once")
            )
        more, _ = accepted_findings(("gaps", i, "accepted"), gap.accepted)
        found += more
        for k, text in enumerate(gap.accepted):
            if len(text) > GAP_MAX:
                found.append(
                    (
                        ("gaps", i, "accepted", k),
                        f"'{text[:20]}…' is longer than a gap holds ({GAP_MAX} characters)",
                    )
                )
    in_text = [name for name in marked if name in gap_ids]
    if not found and in_text != gap_ids:
        found.append((("gaps",), f"list the gaps in the order the text shows them ({', '.join(in_text)})"))
    return found


def grade(q: Cloze, response: Any) -> Result:
    if not isinstance(response, list) or not all(isinstance(x, str) for x in response):
        raise ResponseError("expected a list of gap answers")
    if len(response) != len(q.gaps):
        raise ResponseError(f"expected one answer per gap ({len(q.gaps)})")
    given = []
    for n, text in enumerate(response, start=1):
        if len(text) > MAX_TEXT_RESPONSE:
            raise ResponseError(f"the answer to gap {n} is longer than {MAX_TEXT_RESPONSE} characters")
        norm = normalise_text(text)
        if not norm:
            raise ResponseError(f"gap {n} is empty")
        given.append(norm)
    wrong = [
        g for g, text in zip(q.gaps, given, strict=True) if all(text != normalise_text(a) for a in g.accepted)
    ]
    right = len(q.gaps) - len(wrong)
    feedback = [q.feedback.incorrect if wrong else q.feedback.correct]
    feedback += [g.feedback for g in wrong if g.feedback]
    if q.scoring == "partial":
        return result(q, right, len(q.gaps), feedback)
    return result(q, int(not wrong), 1, feedback)


UNIT = QuestionType(
    name="cloze",
    model=Cloze,
    grade=grade,
    findings=findings,
    # each gap: its length in base 36, ":", then its text cut to GAP_MAX
    longest_body=lambda p: len(p["gaps"]) * (b36_len(GAP_MAX) + 1 + GAP_MAX),
    public=lambda q: {"parts": parts(q.text), "gap_max": GAP_MAX},
    answer=lambda q: [g.accepted[0] for g in q.gaps],
    runtime="qtype-cloze.js",
    interaction="fill-in",
    block_widget="cloze.html",
    block_reader="cloze.js",
    right_response=lambda q: [g.accepted[0] for g in q.gaps],
    wrong_response=lambda q: [WRONG_TEXT for _g in q.gaps],
    sco_steps=lambda q, response: [
        Step("fill", g.id, text) for g, text in zip(q.gaps, response, strict=True)
    ],
    payload=lambda q: {"parts": parts(q.text)},
)
