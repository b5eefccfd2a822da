"""Input checks for the JSON handlers: every failure is a 400 with a message, raised before anything is stored."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from webob import Response
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError

# The reflection text cap enforced on the server, whatever an author sets.
MAX_REFLECTION_TEXT = 10_000
# A YAML import is a module file at most; anything bigger is not authored content.
MAX_IMPORT_CHARS = 1_000_000
# A request body: the import above, every character escaped as \uXXXX, and room for the settings around it.
MAX_BODY_BYTES = 8 * MAX_IMPORT_CHARS
# No request of ours nests deeper than a matching answer inside `answers` (3 levels); this leaves room.
MAX_JSON_DEPTH = 16

Handler = Callable[[Any, Any, str], Any]


def json_handler(func: Handler) -> Any:
    """XBlock's json_handler, with every bad body a 400 with a message: too big, not UTF-8 JSON, too deep.

    (XBlock's own answers 500 to JSON nested deeper than Python's recursion limit.)
    """

    @XBlock.handler  # type: ignore[untyped-decorator]  # XBlock ships no type information
    @functools.wraps(func)
    def wrapper(block: Any, request: Any, suffix: str = "") -> Response:
        if request.method != "POST":
            return JsonHandlerError(405, "Method must be POST").get_response(allow=["POST"])
        try:
            data = read_json(request.body)
            reply = func(block, data, suffix)
        except JsonHandlerError as err:
            return err.get_response()
        return Response(json.dumps(reply), content_type="application/json", charset="utf8")

    return wrapper


def read_json(body: bytes) -> Any:
    if len(body) > MAX_BODY_BYTES:
        raise bad_request(f"the request body is larger than {MAX_BODY_BYTES:,} bytes")
    try:
        data = json.loads(body.decode("utf-8"))
    except RecursionError:
        raise bad_request(f"the request body is nested more than {MAX_JSON_DEPTH} levels deep") from None
    except ValueError:
        raise bad_request("Invalid JSON") from None
    if json_depth(data) > MAX_JSON_DEPTH:
        raise bad_request(f"the request body is nested more than {MAX_JSON_DEPTH} levels deep")
    return data


def json_depth(value: Any) -> int:
    """How deep lists and objects nest in `value` (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


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
