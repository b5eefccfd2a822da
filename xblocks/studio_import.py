"""Turn YAML pasted in Studio into block content. PyYAML is imported here, lazily, only on import."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..modules.model import Reflection
from .bank import BankError, parse_bank


class ContentImportError(ValueError):
    """YAML that is not a module, a list of questions or a reflection; the message is for the author."""


def _load(text: str) -> Any:
    import yaml  # lazy: only an author's import needs a YAML parser

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ContentImportError(f"YAML: {where}{getattr(exc, 'problem', None) or exc}") from None


def bank_content_from_yaml(text: str) -> dict[str, Any]:
    """A module file (its questions and mastery rule) or a bare list of questions -> bank content."""
    data = _load(text)
    if isinstance(data, list):
        content: dict[str, Any] = {"module": "", "questions": data}
    elif isinstance(data, dict) and isinstance(data.get("questions"), list):
        content = {"module": str(data.get("id") or ""), "questions": data["questions"]}
        if isinstance(data.get("mastery"), dict):
            content["mastery"] = data["mastery"]
    else:
        raise ContentImportError("YAML: expected a module with `questions:` or a list of questions")
    try:
        parse_bank(content)
    except BankError as exc:
        raise ContentImportError(str(exc)) from None
    return content


def reflection_from_yaml(text: str) -> Reflection:
    data = _load(text)
    if isinstance(data, dict) and isinstance(data.get("reflections"), list) and data["reflections"]:
        data = data["reflections"][0]  # a module file: take its first reflection
    if not isinstance(data, dict):
        raise ContentImportError("YAML: expected a reflection (id, attitude, prompt, rating, ...)")
    try:
        return Reflection.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ContentImportError(f"{where}: {first['msg']}") from None
