"""The report as JSON: the model's fields in order, one learner / attitude / question per line.

One entry per line keeps the golden diff readable and lets the C encoder do the work (an indented dump runs
in pure Python, several times slower on 10,000 learners).
"""

from __future__ import annotations

import json
from typing import Any

from .model import Report


def _as_dict(value: Any) -> dict[str, Any]:
    """The encoder's hook for the model's dataclasses: their fields in order, one level deep. The C encoder
    walks the rest itself (dicts, tuples as lists, leaves), so only a Python call per dataclass remains."""
    fields = _fields(type(value))
    if fields is None:
        raise TypeError(f"{type(value).__name__} is not part of the report model")
    return {name: getattr(value, name) for name in fields}


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _fields(kind: type) -> tuple[str, ...] | None:
    """A slotted dataclass's field names, found once per type (None for anything else)."""
    if kind not in _FIELDS:
        names: dict[str, Any] | None = getattr(kind, "__dataclass_fields__", None)
        is_model = getattr(kind, "__slots__", None) is not None and names is not None
        _FIELDS[kind] = tuple(names) if is_model and names is not None else None
    return _FIELDS[kind]


_dumps = json.JSONEncoder(ensure_ascii=False, default=_as_dict).encode


def report_json(report: Report) -> str:
    data = _as_dict(report)
    lines = ["{"]
    last = len(data) - 1
    for i, (key, value) in enumerate(data.items()):
        comma = "," if i < last else ""
        if isinstance(value, tuple) and value:
            lines.append(f"  {_dumps(key)}: [")
            lines += [f"    {_dumps(v)}," for v in value[:-1]] + [f"    {_dumps(value[-1])}"]
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {_dumps(key)}: {_dumps(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"
