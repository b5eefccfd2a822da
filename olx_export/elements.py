"""XML elements for our blocks, built from the course model: shared by the OLX export and the workbench
scenarios, so the workbench parses exactly what Studio will import. The blocks import it only for their
workbench scenarios, never when an LMS loads or renders them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from ..modules.model import Module, Reflection
from ..modules.standard import Standard
from ..performance.model import Task
from ..xblocks.bank import Bank, bank_to_content
from ..xblocks.standing import outline_of
from .ora import progress_entry


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def quiz_element(
    module: Module,
    activity: str,
    title: str,
    *,
    url_name: str | None = None,
    max_attempts: int | None = None,
    weight: float = 1.0,
    show_answer: str = "",
) -> ET.Element:
    """A quiz of one activity's questions, carrying them in its content so it needs no built-in bank. Attempts
    and show_answer follow the module file (its defaults travel in the bank) unless given here."""
    questions = tuple(q for q in module.questions if q.activity == activity)
    bank = Bank.of(module, questions)
    attrs = {
        "display_name": title,
        "selection_kind": "activity",
        "selection": activity,
        "weight": f"{weight:g}",
        "bank": _json(bank_to_content(bank)),
    }
    if max_attempts is not None:
        attrs["max_attempts"] = str(max_attempts)
    if show_answer:
        attrs["show_answer"] = show_answer
    if url_name:
        attrs = {"url_name": url_name, **attrs}
    return ET.Element("zhineng_quiz", attrs)


def reflection_element(r: Reflection, *, url_name: str | None = None) -> ET.Element:
    attrs = {
        "display_name": r.title or r.id,
        "attitude": r.attitude,
        "activity": r.activity or "",
        "min_length": str(r.min_length),
        "max_length": str(min(r.max_length, 10_000)),
        "prompt": r.prompt,
        "guidance": r.guidance or "",
        "rating_prompt": r.rating.prompt,
        "rating_anchors": _json(list(r.rating.anchors)),
    }
    if url_name:
        attrs = {"url_name": url_name, **attrs}
    return ET.Element("zhineng_reflection", attrs)


def progress_element(
    standard: Standard, title: str, tasks: Sequence[Task] = (), *, url_name: str | None = None
) -> ET.Element:
    """The progress block over the standard, and over the performance tasks given (their ORA2 blocks)."""
    performance = [progress_entry(standard, t) for t in tasks]
    attrs = {"display_name": title, "outline": _json(outline_of(standard, performance))}
    if url_name:
        attrs = {"url_name": url_name, **attrs}
    return ET.Element("zhineng_progress", attrs)


def to_xml(element: ET.Element) -> str:
    # ElementTree escapes newlines in attributes (&#10;), so Markdown keeps its line breaks.
    return ET.tostring(element, encoding="unicode")
