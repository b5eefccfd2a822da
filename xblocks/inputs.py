"""Input checks for the JSON handlers: every failure is a 400 with a message, raised before anything is stored."""

from __future__ import annotations

from typing import Any

from xblock.exceptions import JsonHandlerError

# The reflection text cap enforced on the server, whatever an author sets.
MAX_REFLECTION_TEXT = 10_000
# A YAML import is a module file at most; anything bigger is not authored content.
MAX_IMPORT_CHARS = 1_000_000


def bad_request(message: str) -> JsonHandlerError:
    return JsonHandlerError(400, message)


def require_object(data: Any, what: str = "the request body") -> dict[str, Any]:
    if not isinstance(data, dict):
        raise bad_request(f"{what} must be a JSON object")
    return data


def require_str(data: dict[str, Any], key: str, *, max_chars: int, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise bad_request(f"'{key}' must be a string")
    if len(value) > max_chars:
        raise bad_request(f"'{key}' is longer than {max_chars} characters ({len(value)})")
    return value


def require_int(data: dict[str, Any], key: str, *, low: int, high: int, required: bool = True) -> int | None:
    value = data.get(key)
    if value is None and not required:
        return None
    # bool is an int in Python; a JSON true is not a number a learner typed.
    if not isinstance(value, int) or isinstance(value, bool):
        raise bad_request(f"'{key}' must be a whole number")
    if not low <= value <= high:
        raise bad_request(f"'{key}' must be between {low} and {high} (got {value})")
    return value


def require_number(data: dict[str, Any], key: str, *, low: float, high: float) -> float:
    value = data.get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise bad_request(f"'{key}' must be a number")
    if not low <= float(value) <= high:
        raise bad_request(f"'{key}' must be between {low:g} and {high:g} (got {value})")
    return float(value)


def require_choice(data: dict[str, Any], key: str, choices: tuple[str, ...]) -> str:
    value = data.get(key)
    if value not in choices:
        raise bad_request(f"'{key}' must be one of: {', '.join(choices)}")
    return str(value)


def reject_unknown_keys(data: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise bad_request(f"unknown key '{str(unknown[0])[:40]}'")
