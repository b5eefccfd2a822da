"""Read YAML into plain data while remembering where every key and item stands in the file.

PyYAML's composer keeps a `start_mark` on each node; we walk the node tree once, build the
plain Python value, and record `path -> (line, col)` so that later checks (pydantic's and ours)
can point an author at the exact line. Duplicate keys, which PyYAML silently overwrites, are errors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Problem

Path = tuple[str | int, ...]


@dataclass
class Source:
    """A parsed YAML document: its data, and the place of each path in it (1-based line and column)."""

    file: str
    data: Any
    places: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def place(self, path: Iterable[str | int]) -> tuple[int, int]:
        """The place of `path`, or of its nearest ancestor that exists in the file."""
        p = tuple(path)
        while p and p not in self.places:
            p = p[:-1]
        return self.places.get(p, (1, 1))

    def problem(self, path: Iterable[str | int], message: str, severity: str = "error") -> Problem:
        path = tuple(path)
        line, col = self.place(path)
        where = format_path(path)
        text = f"{where}: {message}" if where else message
        return Problem(self.file, line, col, text, severity)  # type: ignore[arg-type]


def format_path(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Builder:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: Path) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, path)
                if isinstance(key, (list, dict)):
                    self.problems.append(_at(self.source.file, key_node, "a key must be a plain value"))
                    continue
                key = key if isinstance(key, str) else str(key).lower() if isinstance(key, bool) else key
                if key in out:
                    first = self.source.places.get((*path, key), (0, 0))[0]
                    self.problems.append(
                        _at(
                            self.source.file,
                            key_node,
                            f"{format_path((*path, key))}: duplicate key '{key}' (first at line {first})",
                        )
                    )
                    continue
                self.source.places[(*path, key)] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                out[key] = self.build(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                self.source.places[(*path, i)] = (item.start_mark.line + 1, item.start_mark.column + 1)
                items.append(self.build(item, (*path, i)))
            return items
        return _LOADER.construct_object(node, deep=True)


_LOADER = yaml.SafeLoader("")


def _at(file: str, node: yaml.Node, message: str) -> Problem:
    return Problem(file, node.start_mark.line + 1, node.start_mark.column + 1, message)


def parse(text: str, file: str) -> tuple[Source, list[Problem]]:
    """Parse one YAML document. Syntax errors come back as problems, never as exceptions."""
    source = Source(file=file, data=None)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        ctx = exc.context_mark
        if exc.problem and exc.context and ctx and ctx.line + 1 != line:
            what += f" ({exc.context} at line {ctx.line + 1})"
        return source, [Problem(file, line, col, f"YAML syntax error: {what}")]
    except yaml.YAMLError as exc:  # e.g. more than one document
        return source, [Problem(file, 1, 1, f"YAML error: {exc}")]
    if node is None:
        return source, [Problem(file, 1, 1, "the file is empty")]
    builder = _Builder(source)
    try:
        source.data = builder.build(node, ())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        return source, [
            Problem(
                file,
                mark.line + 1 if mark else 1,
                mark.column + 1 if mark else 1,
                f"YAML error: {exc.problem}",
            )
        ]
    source.places.setdefault((), (node.start_mark.line + 1, node.start_mark.column + 1))
    return source, builder.problems
