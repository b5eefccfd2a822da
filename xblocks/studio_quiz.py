"""Saving a quiz's settings from Studio: check everything first, then write all of it or nothing."""

from __future__ import annotations

from typing import Any

from ..quizzes.attempts import MAX_ATTEMPTS, SHOW_ANSWER
from . import inputs
from .bank import SELECTION_KINDS, BankError, builtin_banks, select, stored_bank
from .studio_import import ContentImportError, bank_content_from_yaml


def apply_settings(block: Any, body: dict[str, Any]) -> dict[str, Any]:
    display_name = inputs.require_str(body, "display_name", max_chars=255)
    kind = inputs.require_choice(body, "selection_kind", SELECTION_KINDS)
    selection = inputs.require_str(body, "selection", max_chars=4000) or ""
    weight = inputs.require_number(body, "weight", low=0, high=1000)
    # Empty: each question's attempts and show_answer as the course file sets them.
    if body.get("max_attempts") == "":
        body = {**body, "max_attempts": None}
    max_attempts = inputs.require_int(body, "max_attempts", low=0, high=MAX_ATTEMPTS, required=False)
    show_answer = (
        "" if body.get("show_answer") == "" else inputs.require_choice(body, "show_answer", SHOW_ANSWER)
    )
    use_builtin = body.get("use_builtin", False)
    if not isinstance(use_builtin, bool):
        raise inputs.bad_request("'use_builtin' must be true or false")
    yaml_text = inputs.require_str(body, "yaml", max_chars=inputs.MAX_IMPORT_CHARS, required=False) or ""

    content = {} if use_builtin else dict(block.bank)
    if yaml_text.strip():
        try:
            content = bank_content_from_yaml(yaml_text)
        except ContentImportError as exc:
            raise inputs.bad_request(str(exc)) from None
    try:
        chosen = select((stored_bank(content),) if content else builtin_banks(), kind, selection)
    except BankError as exc:
        raise inputs.bad_request(str(exc)) from None
    if not chosen:
        raise inputs.bad_request("the selection names no question")

    block.display_name = display_name
    block.selection_kind = kind
    block.selection = selection
    block.weight = weight
    block.max_attempts = max_attempts
    block.show_answer = show_answer
    block.bank = content
    return {"result": "success", "questions": len(chosen)}
