"""Any stored CMI shape -> one flat map of elements (`cmi.core.lesson_status` -> "passed").

Shapes: scorm-again's renderCommitCMI (`{"cmi": {...}}`) and renderCMIToJSONObject (no `cmi` wrapper), with
arrays as lists or as objects keyed "0", "1", …; and flat maps (openedx-scorm-xblock's `scorm_data`,
scorm-again's flattened commit), optionally wrapped in `{"scorm_data": {...}}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _walk(prefix: str, value: Any, out: dict[str, str]) -> None:
    if isinstance(value, Mapping):
        for key, child in value.items():
            _walk(f"{prefix}.{key}", child, out)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            _walk(f"{prefix}.{i}", child, out)
    elif value is not None:
        out[prefix] = (
            value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
        )


def looks_like_cmi(data: Any) -> bool:
    if not isinstance(data, Mapping):
        return False
    if "scorm_data" in data:
        return isinstance(data["scorm_data"], Mapping)
    return (
        isinstance(data.get("cmi"), Mapping)
        or any(isinstance(k, str) and k.startswith("cmi.") for k in data)
        or "core" in data
        or "learner_id" in data
        or "completion_status" in data
    )


def flatten_cmi(data: Mapping[str, Any]) -> dict[str, str]:
    if isinstance(data.get("scorm_data"), Mapping):
        return flatten_cmi(data["scorm_data"])
    out: dict[str, str] = {}
    if any(isinstance(k, str) and k.startswith("cmi.") for k in data):
        for key, value in data.items():
            if type(value) is str:  # the common case, without a call per element
                if key.startswith("cmi."):
                    out[key] = value
            elif isinstance(key, str) and key.startswith("cmi."):
                _walk(key, value, out)
        return out
    _walk("cmi", data["cmi"] if isinstance(data.get("cmi"), Mapping) else data, out)
    return out


Arrays = dict[int, dict[str, str]]


def split_cmi(data: Mapping[str, Any]) -> tuple[dict[str, str], Arrays, Arrays]:
    """Any CMI shape -> (other elements, objectives by index, interactions by index), in one pass over the
    elements: `cmi.objectives.3.score.raw` becomes objectives[3]["score.raw"]."""
    flat = flatten_cmi(data)
    scalars: dict[str, str] = {}
    objectives: Arrays = {}
    interactions: Arrays = {}
    for key, value in flat.items():
        head, _, rest = key[4:].partition(".")  # after "cmi."
        if head == "interactions":
            into = interactions
        elif head == "objectives":
            into = objectives
        else:
            scalars[key] = value
            continue
        index, _, field = rest.partition(".")
        if index.isdigit() and field:
            n = int(index)
            slot = into.get(n)
            if slot is None:
                slot = into[n] = {}
            slot[field] = value
    return scalars, dict(sorted(objectives.items())), dict(sorted(interactions.items()))
