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
    slots = getattr(type(value), "__slots__", None)
    if slots is not None and hasattr(value, "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


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
