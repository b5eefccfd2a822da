"""The report as JSON: the model's fields in order, one learner / attitude / question per line.

One entry per line keeps the golden diff readable and lets the C encoder do the work (an indented dump runs
in pure Python, several times slower on 10,000 learners).
"""

from __future__ import annotations

import json
from typing import Any

from .model import Report


def plain(value: Any) -> Any:
    """Dataclasses (slotted) -> dicts, tuples -> lists, recursively."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value  # the leaves, most of the values: no further checks
    fields = _fields(kind)
    if fields is not None:
        return {name: plain(getattr(value, name)) for name in fields}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _fields(kind: type) -> tuple[str, ...] | None:
    """A slotted dataclass's field names, found once per type (None for anything else)."""
    if kind in _FIELDS:
        return _FIELDS[kind]
    _FIELDS[kind] = _find_fields(kind)
    return _FIELDS[kind]


def _find_fields(kind: type) -> tuple[str, ...] | None:
    if getattr(kind, "__slots__", None) is not None and hasattr(kind, "__dataclass_fields__"):
        return tuple(kind.__dataclass_fields__)
    return None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def report_json(report: Report) -> str:
    data = plain(report)
    lines = ["{"]
    last = len(data) - 1
    for i, (key, value) in enumerate(data.items()):
        comma = "," if i < last else ""
        if isinstance(value, list) and value:
            lines.append(f"  {_dumps(key)}: [")
            lines += [f"    {_dumps(v)}," for v in value[:-1]] + [f"    {_dumps(value[-1])}"]
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {_dumps(key)}: {_dumps(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"
