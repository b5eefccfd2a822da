"""Any stored CMI shape -> one flat map of elements (`cmi.core.lesson_status` -> "passed").

Shapes: scorm-again's renderCommitCMI (`{"cmi": {...}}`) and renderCMIToJSONObject (no `cmi` wrapper), with
arrays as lists or as objects keyed "0", "1", …; and flat maps (openedx-scorm-xblock's `scorm_data`,
scorm-again's flattened commit), optionally wrapped in `{"scorm_data": {...}}`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
    if isinstance(data.get("scorm_data"), Mapping):
        return split_cmi(data["scorm_data"])
    if any(isinstance(k, str) and k.startswith("cmi.") for k in data):
        # A flat map (the common, large shape): route each element as read, without an intermediate copy.
        elements: Iterable[tuple[str, Any]] = data.items()
    else:
        elements = flatten_cmi(data).items()
    scalars: dict[str, str] = {}
    arrays: tuple[Arrays, Arrays, Arrays] = ({}, {}, {})  # indexed by route kind: objectives, interactions
    routes = _ROUTES
    for key, value in elements:
        if type(value) is not str:
            if isinstance(key, str) and key.startswith("cmi."):
                nested: dict[str, str] = {}
                _walk(key, value, nested)
                for k, v in nested.items():
                    _add(k, v, scalars, arrays)
            continue
        # _add inlined: this runs once per element, over a million times on a large cohort
        route = routes.get(key) or _route_of(key)
        kind = route[0]
        if kind:
            into = arrays[kind]
            slot = into.get(route[1])
            if slot is None:
                slot = into[route[1]] = {}
            slot[route[2]] = value
        elif route[2]:
            scalars[key] = value
    return scalars, dict(sorted(arrays[_OBJECTIVE].items())), dict(sorted(arrays[_INTERACTION].items()))


# Where an element goes: (kind, array index, field in the array slot). Kind 0 is not an array element: a
# scalar if the field is "*", else dropped (field "").
_SCALAR, _OBJECTIVE, _INTERACTION = 0, 1, 2
Route = tuple[int, int, str]
_SCALAR_ROUTE: Route = (_SCALAR, 0, "*")
_DROP_ROUTE: Route = (_SCALAR, 0, "")

# Element names repeat across attempts ("cmi.interactions.3.result"), so each is parsed once: a dict look-up
# instead of a split and an int() per element. Bounded: past the limit, new names are parsed every time.
_ROUTES: dict[str, Route] = {}
_ROUTES_MAX = 50_000  # a course has a few thousand names
_KEY_MAX = 200  # nor keep long keys alive: real element names are short


def _route_of(key: Any) -> Route:
    if not isinstance(key, str) or not key.startswith("cmi."):
        return _DROP_ROUTE
    parts = key.split(".", 3)  # "cmi", head, index, field
    head = parts[1]
    if head != "interactions" and head != "objectives":
        route = _SCALAR_ROUTE
    elif len(parts) == 4 and parts[3] and parts[2].isdigit():
        route = (_INTERACTION if head == "interactions" else _OBJECTIVE, int(parts[2]), parts[3])
    else:
        route = _DROP_ROUTE  # an array element without an index and a field
    if len(_ROUTES) < _ROUTES_MAX and len(key) <= _KEY_MAX:
        _ROUTES[key] = route
    return route


def _add(key: str, value: str, scalars: dict[str, str], arrays: tuple[Arrays, Arrays, Arrays]) -> None:
    kind, n, field = _ROUTES.get(key) or _route_of(key)
    if kind:
        arrays[kind].setdefault(n, {})[field] = value
    elif field:
        scalars[key] = value
