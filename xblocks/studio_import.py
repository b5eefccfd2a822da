"""Turn YAML pasted in Studio into block content. The YAML reader is imported here, lazily, only on import.

Pasted YAML goes through the same reader as course files (modules/yamlsrc.py), with the same limits:
no anchors or aliases, bounded depth and size, every problem a message with its line.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..modules.anchors import anchor_problem
from ..modules.model import Reflection
from .bank import BankError, bank_to_content, parse_bank


class ContentImportError(ValueError):
    """YAML that is not a module, a list of questions or a reflection; the message is for the author."""


def _load(text: str) -> Any:
    from ..modules.yamlsrc import parse  # lazy: only an author's import needs a YAML parser

    source, problems = parse(text, "YAML")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        first = errors[0]
        raise ContentImportError(f"YAML: line {first.line}, column {first.col}: {first.message}")
    return source.data


def bank_content_from_yaml(text: str) -> dict[str, Any]:
    """A module file (its questions and mastery rule) or a bare list of questions -> bank content."""
    data = _load(text)
    if isinstance(data, list):
        content: dict[str, Any] = {"module": "", "questions": data}
    elif isinstance(data, dict) and isinstance(data.get("questions"), list):
        content = {"module": str(data.get("id") or ""), "questions": data["questions"]}
        if isinstance(data.get("mastery"), dict):
            content["mastery"] = data["mastery"]
        content.update(
            {k: data[k] for k in ("attempts", "show_answer") if k in data}
        )  # the module's defaults
    else:
        raise ContentImportError("YAML: expected a module with `questions:` or a list of questions")
    try:
        bank = parse_bank(content)
    except BankError as exc:
        raise ContentImportError(str(exc)) from None
    # Stored as the validated model dumps it: plain JSON, whatever else the YAML carried (dates, bytes).
    return bank_to_content(bank)


def reflection_from_yaml(text: str) -> Reflection:
    data = _load(text)
    if isinstance(data, dict) and isinstance(data.get("reflections"), list) and data["reflections"]:
        data = data["reflections"][0]  # a module file: take its first reflection
    if not isinstance(data, dict):
        raise ContentImportError("YAML: expected a reflection (id, attitude, prompt, rating, ...)")
    try:
        reflection = Reflection.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ContentImportError(f"{where}: {first['msg']}") from None
    for i, anchor in enumerate(reflection.rating.anchors):
        problem = anchor_problem(i + 1, anchor)
        if problem:
            raise ContentImportError(f"rating.anchors.{i}: {problem}")
    return reflection
