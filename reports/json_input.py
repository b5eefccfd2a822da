"""Untrusted JSON -> Python values, or one message saying why not: the only place tracking JSON is parsed.

orjson goes first: tracking files run to hundreds of megabytes and it parses them about twice as fast, and
(from 3.9.15, the version pyproject.toml requires) it refuses nesting deeper than 1,024 levels with its
JSONDecodeError instead of overflowing the C stack. What orjson refuses and the standard library takes (NaN,
integers beyond 64 bits, lone surrogates) goes to json.loads, so results and messages are the standard library's;
its C scanner raises RecursionError near Python's recursion limit (about 1,000 levels) and ValueError on an
integer of more than 4,300 digits. Every one of these ends as NotJSON with a message for the skipped-input list.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

MB = 1024 * 1024
# One document read whole (a file, one line of JSON lines, an LRS page); --max-json-mb. Parsed, JSON takes 5 to
# 10 times its size in memory, and a hostile document of empty objects 25 times: 16 MB keeps that near half a gigabyte.
DEFAULT_MAX_JSON_MB = 16
TOO_DEEP = "JSON nested too deep (about 1,000 levels or more)"


def _bounds_depth(version: str) -> bool:
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[:3])
    return numbers >= (3, 9, 15)


# An older orjson (a venv made before pyproject.toml required 3.9.15) would overflow the C stack and kill the
# process on a deep document: then the standard library, slower but bounded, parses everything.
_FAST = _bounds_depth(orjson.__version__)


class NotJSON(ValueError):
    """The input is not JSON this reader can use; str() is the message."""


def parse(data: bytes) -> Any:
    if _FAST:
        try:
            return orjson.loads(data)  # orjson checks the UTF-8 itself
        except orjson.JSONDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotJSON("not UTF-8 text") from None
    return parse_text(text)


def parse_text(text: str) -> Any:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotJSON(f"not JSON ({exc.msg})") from None
    except RecursionError:
        raise NotJSON(TOO_DEEP) from None
    except ValueError:  # int(): more digits than sys.get_int_max_str_digits()
        raise NotJSON("not JSON this reader takes (a number with over 4,300 digits)") from None
    # json.loads keeps a lone surrogate escape ("\udcff") as is, and no output can encode it: U+FFFD instead.
    return _valid_strings(value) if _SURROGATE_ESCAPE.search(text) else value


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def valid_text(text: str) -> str:
    """text, with each lone surrogate (from a JSON escape, or a file name that is not UTF-8) as U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


def _valid_strings(value: Any) -> Any:
    """value with valid_text applied to every string and key; iterative, as value may be ~1,000 levels deep."""
    root = [value]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        holder, key = stack.pop()
        item = holder[key]
        if isinstance(item, str):
            holder[key] = valid_text(item)
        elif isinstance(item, list):
            stack += [(item, i) for i in range(len(item))]
        elif isinstance(item, dict):
            item = holder[key] = {valid_text(k): v for k, v in item.items()}
            stack += [(item, k) for k in item]
    return root[0]


def too_large(limit: int) -> str:
    size = f"{limit // MB} MB" if limit % MB == 0 else f"{limit:,} bytes"
    return f"larger than {size}, the limit for one JSON document (--max-json-mb raises it)"
