"""Read YAML into plain data while remembering where every key and item stands in the file.

We build the plain Python value straight from the parser's events (libyaml's C parser when PyYAML has it,
about ten times faster than PyYAML's own), record `path -> (line, col)` so that later checks (pydantic's and
ours) can point an author at the exact line, and refuse what course files never need but an attacker does:

- more than MAX_DEPTH levels of nesting, more than MAX_NODES values, more than MAX_CHARS characters;
  an alias (`*a`) counts as every value it repeats, so a ten-line "billion laughs" file, which would
  expand to gigabytes, is refused at the alias that crosses the limit, before anything is expanded
  (aliases share the anchored value, as PyYAML's do; merge keys `<<` are refused);
- scalars that cannot become a value (a 5,000-digit integer, the 30th of February): a placed error.

Duplicate keys, which PyYAML silently overwrites, are errors too. Every refusal is a `Problem` at the line
of the offending text; `parse` never raises for any input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ..errors import Problem

Path = tuple[str | int, ...]

# Generous for authored content (the largest built-in module is ~160 KB, ~2,500 values, 7 levels deep)
# and small enough that the worst input is read in well under a second and a few tens of megabytes.
MAX_CHARS = 1_000_000
MAX_NODES = 50_000
MAX_DEPTH = 32

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is installed
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "binary", "timestamp", "str")
)
_COLLECTION_TAGS = frozenset({None, "!", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
_RESOLVER = Resolver()
# The first characters of plain scalars that an implicit resolver may give a type other than str ("" for the
# empty scalar, which is null).
_IMPLICIT_FIRST = frozenset(k for k in _RESOLVER.yaml_implicit_resolvers if k is not None)
assert None not in _RESOLVER.yaml_implicit_resolvers  # no resolver for every first character
# The type of plain scalars seen before (keys, mostly: `type`, `text`, `options` resolve like `true`'s first
# letter), kept up to a bound so that a hostile file cannot grow it.
_PLAIN_TAGS: dict[str, str] = {}
_PLAIN_TAGS_KEPT = 4096
_AliasEvent, _ScalarEvent = yaml.AliasEvent, yaml.ScalarEvent
_SequenceStartEvent, _SequenceEndEvent, _MappingEndEvent = (
    yaml.SequenceStartEvent,
    yaml.SequenceEndEvent,
    yaml.MappingEndEvent,
)
_EXPLAIN_CHARS = 200_000  # PyYAML re-reads at most this much to explain a syntax error (~0.1 s)
_CONSTRUCTOR = SafeConstructor()


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


class _Refused(Exception):
    """The document cannot be built; carries the one problem that says why."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _place(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Builder:
    """Plain data from one document's events, with the place of every key and item.

    Each event is taken once (`get_event`) and dispatched on its exact class: asking the parser to check or
    peek first would cost another call into it per event."""

    def __init__(self, parser: Any, source: Source) -> None:
        self.next = parser.get_event
        self.source = source
        self.problems: list[Problem] = []
        self.nodes = 0  # values built so far, an alias counting as every value it repeats
        self.deepest = -1  # the deepest collection so far (0 is the top level)
        self.anchors: dict[str, tuple[Any, int, int]] = {}  # name -> value, its size, its height

    def refuse(self, event: Any, message: str) -> _Refused:
        line, col = _place(event.start_mark)
        return _Refused(Problem(self.source.file, line, col, message))

    def value(self, event: Any, path: Path, depth: int) -> Any:
        """The value that `event` begins (its remaining events are read here)."""
        if type(event) is _ScalarEvent and event.anchor is None:  # most values, taken the short way
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise self.refuse(event, f"more than {MAX_NODES:,} values in one file; split the module")
            return self.scalar(event)
        if type(event) is _AliasEvent:
            return self.alias(event, depth)
        if event.anchor is None:
            return self.node(event, path, depth)
        nodes, deepest = self.nodes, self.deepest
        self.deepest = depth - 1
        value = self.node(event, path, depth)
        self.anchors[event.anchor] = (value, self.nodes - nodes, self.deepest - depth)
        self.deepest = max(deepest, self.deepest)
        return value

    def alias(self, event: Any, depth: int) -> Any:
        """An alias counts as the whole value it repeats, so a "billion laughs" stops at the limit."""
        if event.anchor not in self.anchors:
            raise self.refuse(event, f"YAML alias '*{event.anchor}' names no anchor defined before it")
        value, size, height = self.anchors[event.anchor]
        self.nodes += size
        if self.nodes > MAX_NODES:
            raise self.refuse(
                event,
                f"with its aliases the file holds more than {MAX_NODES:,} values; "
                "write the values out or split the module",
            )
        if height >= 0 and depth + height >= MAX_DEPTH:
            raise self.refuse(
                event, f"nested more than {MAX_DEPTH} levels deep (through alias '*{event.anchor}')"
            )
        self.deepest = max(self.deepest, depth + height)
        return value

    def node(self, event: Any, path: Path, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.refuse(event, f"more than {MAX_NODES:,} values in one file; split the module")
        kind = type(event)
        if kind is _ScalarEvent:
            return self.scalar(event)
        if event.tag not in _COLLECTION_TAGS:
            raise self.refuse(event, f"YAML tag '{event.tag[:80]}' is not allowed in course files")
        if depth >= MAX_DEPTH:
            raise self.refuse(event, f"nested more than {MAX_DEPTH} levels deep")
        if depth > self.deepest:
            self.deepest = depth
        if kind is _SequenceStartEvent:
            return self.sequence(path, depth)
        return self.mapping(path, depth)

    def sequence(self, path: Path, depth: int) -> list[Any]:
        items: list[Any] = []
        places = self.source.places
        get_event = self.next
        while True:
            event = get_event()
            if type(event) is _SequenceEndEvent:
                return items
            i = len(items)
            mark = event.start_mark
            places[(*path, i)] = (mark.line + 1, mark.column + 1)
            items.append(self.value(event, (*path, i), depth + 1))

    def mapping(self, path: Path, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        places = self.source.places
        get_event = self.next
        while True:
            key_event = get_event()
            if type(key_event) is _MappingEndEvent:
                return out
            key = self.value(key_event, path, depth + 1)
            mark = key_event.start_mark
            line, col = mark.line + 1, mark.column + 1
            if type(key) is not str:
                if isinstance(key, (list, dict)):
                    self.problems.append(Problem(self.source.file, line, col, "a key must be a plain value"))
                    self.discard(depth + 1)
                    continue
                key = str(key).lower() if isinstance(key, bool) else key
            if key in out:
                first = places.get((*path, key), (0, 0))[0]
                message = f"{format_path((*path, key))}: duplicate key '{key}' (first at line {first})"
                self.problems.append(Problem(self.source.file, line, col, message))
                self.discard(depth + 1)
                continue
            places[(*path, key)] = (line, col)
            out[key] = self.value(get_event(), (*path, key), depth + 1)

    def discard(self, depth: int) -> None:
        """Read a value that is not kept (a duplicate key's), with the same limits, recording no places."""
        kept, self.source.places = self.source.places, {}
        try:
            self.value(self.next(), (), depth)
        finally:
            self.source.places = kept

    def scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is None:
            value = event.value
            # Untagged text that no implicit type can claim (quoted, a block, or plain but starting with a
            # character no YAML type starts with, as most Chinese text does) is a string, unresolved.
            if not event.implicit[0] or value[:1] not in _IMPLICIT_FIRST:
                return value
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
                if len(_PLAIN_TAGS) < _PLAIN_TAGS_KEPT and len(value) <= 40:
                    _PLAIN_TAGS[value] = tag
        elif tag == "!":
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        if tag == _STR:
            return event.value
        if tag == _MERGE:
            raise self.refuse(event, "YAML merge keys ('<<') are not allowed in course files")
        if tag not in _SCALAR_TAGS:
            raise self.refuse(event, f"YAML tag '{tag[:80]}' is not allowed in course files")
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
        except yaml.constructor.ConstructorError as exc:
            raise self.refuse(event, f"YAML error: {exc.problem}") from None
        except (ValueError, OverflowError) as exc:  # a 5,000-digit integer, a 30th of February
            shown = event.value if len(event.value) <= 40 else event.value[:40] + "…"
            kind = tag.rsplit(":", 1)[-1]
            why = str(exc).split(";")[0][:120]
            raise self.refuse(event, f"'{shown}' is not a valid {kind} ({why})") from None


def parse(text: str, file: str) -> tuple[Source, list[Problem]]:
    """Parse one YAML document. Every problem comes back as a placed `Problem`, never as an exception."""
    source = Source(file=file, data=None)
    if len(text) > MAX_CHARS:
        message = (
            f"the file has {len(text):,} characters, more than the {MAX_CHARS:,} allowed; split the module"
        )
        return source, [Problem(file, 1, 1, message)]
    parser = _Parser(text)
    try:
        builder = _Builder(parser, source)
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return source, [Problem(file, 1, 1, "the file is empty")]
        start = parser.get_event()  # document start
        root = parser.get_event()
        data = builder.value(root, (), 0)
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            extra = parser.get_event()
            line, _col = _place(start.start_mark)
            raise builder.refuse(
                extra,
                "YAML syntax error: expected a single document in the stream "
                f"(but found another document; the first began at line {line})",
            )
    except _Refused as refused:
        return Source(file, None), [refused.problem]
    except yaml.MarkedYAMLError as exc:
        return Source(file, None), [_syntax_problem(text, file, exc)]
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. NUL
        at = exc.position
        if _Parser is not yaml.SafeLoader:  # libyaml counts UTF-8 bytes
            at = len(text.encode("utf-8")[:at].decode("utf-8", "ignore"))
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        message = f"YAML error: character U+{exc.character:04X} is not allowed ({exc.reason})"
        return Source(file, None), [Problem(file, line, col, message)]
    except yaml.YAMLError as exc:
        return Source(file, None), [Problem(file, 1, 1, f"YAML error: {exc}")]
    finally:
        parser.dispose()
    source.data = data
    source.places.setdefault((), _place(root.start_mark))
    return source, builder.problems


def _syntax_problem(text: str, file: str, exc: yaml.MarkedYAMLError) -> Problem:
    """libyaml's messages are terse; PyYAML's own parser, run up to the same place, explains better."""
    mark = exc.problem_mark or exc.context_mark
    head = "\n".join(text.split("\n", mark.line + 1)[: mark.line + 1]) if mark is not None else ""
    if _Parser is not yaml.SafeLoader and mark is not None and len(head) <= _EXPLAIN_CHARS:
        try:
            for _event in yaml.parse(head, Loader=yaml.SafeLoader):
                pass
        except yaml.MarkedYAMLError as python_exc:
            again = python_exc.problem_mark or python_exc.context_mark
            if again is not None and (again.line, again.column) == (mark.line, mark.column):
                exc = python_exc
    line, col = _place(mark)
    what = exc.problem or exc.context or "invalid YAML"
    ctx = exc.context_mark
    if exc.problem and exc.context and ctx and ctx.line + 1 != line:
        what += f" ({exc.context} at line {ctx.line + 1})"
    return Problem(file, line, col, f"YAML syntax error: {what}")
