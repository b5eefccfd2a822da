"""Input files -> records: expand folders, detect each file's format (or take --format), call its reader."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

from ..errors import ZhinengError
from ..modules.course_files import display_path
from .catalog import Catalog
from .cmi_flat import looks_like_cmi
from .json_input import DEFAULT_MAX_JSON_MB, MB, TOO_DEEP, NotJSON, parse, too_large, valid_text
from .read_openedx import is_event, read_events
from .read_scorm import read_cmi
from .read_sheet import read_sheet
from .read_xapi import is_statement, read_statements
from .records import SOURCES, Record, Skipped, Source

Format = Source
FORMATS = SOURCES
SHEET_SUFFIX = ".xlsx"  # an instructor's filled rating sheet (reports/read_sheet.py), whatever --format says
SUFFIXES = (".json", ".jsonl", ".ndjson", ".log", SHEET_SUFFIX)


def input_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += _tracking_files(path)
        elif path.is_file():
            files.append(path)
        else:
            raise ZhinengError(f"{display_path(path)}: no such file or folder")
    return files


def _tracking_files(folder: Path) -> list[Path]:
    """The folder's tracking files at any depth, in Path order (component by component), as rglob would give
    them; with os.scandir on strings, as a cohort's folder holds tens of thousands of files."""
    found: list[str] = []
    _scan(str(folder), found)
    found.sort(key=lambda f: f.split(os.sep))
    return [Path(f) for f in found]


def _scan(folder: str, found: list[str]) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _scan(entry.path, found)
            elif entry.is_file() and _suffix(entry.name) in SUFFIXES:
                found.append(entry.path)


def _suffix(name: str) -> str:
    """As Path.suffix: '.json' of 'a.json', nothing for '.json' or 'a.'."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _detect(data: Any) -> Format | None:
    if isinstance(data, dict) and isinstance(data.get("statements"), list) or is_statement(data):
        return "xapi"
    if isinstance(data, list):
        first = next((x for x in data if isinstance(x, dict)), None)
        return _detect(first) if first is not None else None
    if is_event(data):
        return "openedx"
    if looks_like_cmi(data):
        return "scorm"
    return None


def read_file(
    path: Path, fmt: Format | None, catalog: Catalog, max_bytes: int = DEFAULT_MAX_JSON_MB * MB
) -> tuple[list[Record], list[Skipped]]:
    """One file's records and what was skipped. Memory is bounded by max_bytes, whatever the file's size: a
    JSON document larger than that is skipped with a message, JSON lines are read one line at a time."""
    file = valid_text(display_path(path))  # a name that is not UTF-8 still prints, in the report too
    if path.suffix.lower() == SHEET_SUFFIX:
        return read_sheet(path, file, catalog, max_bytes)
    try:
        with path.open("rb") as handle:
            return _read_open(handle, file, fmt, catalog, max_bytes)
    except OSError as exc:
        return [], [Skipped(file, "0", f"cannot read: {exc.strerror or exc}")]
    except RecursionError:  # a value nested within orjson's limit but deeper than a reader can walk
        return [], [Skipped(file, "0", TOO_DEEP)]


def _read_open(
    handle: io.BufferedReader, file: str, fmt: Format | None, catalog: Catalog, max_bytes: int
) -> tuple[list[Record], list[Skipped]]:
    skipped: list[Skipped] = []
    stream: Iterable[tuple[int, Any]]
    first = handle.readline(max_bytes + 1)
    lines = _json_lines(handle, first, file, skipped, max_bytes)
    # JSON lines if the first line is JSON by itself and more follows; the first line of a one-line document
    # is not parsed twice, nor one over the limit at all (parsing builds its values before it can fail).
    sniff = len(first) <= max_bytes and handle.peek(1) != b"" and _parses(first)
    head = list(islice(lines, 2)) if sniff else []
    if len(head) == 2 or (head and skipped):  # JSON lines: read as they come, one line in memory at a time
        stream = chain(head, lines)
        whole: Any = _LINES
    else:  # one JSON document (perhaps on one line), or a corrupt file: read whole, within max_bytes
        skipped.clear()
        data = first + handle.read(max_bytes + 1 - len(first)) if len(first) <= max_bytes else first
        if len(data) > max_bytes:
            return [], [Skipped(file, "0", too_large(max_bytes))]
        try:
            whole = parse(data)
        except NotJSON as exc:
            # JSON lines after all (with a bad first line, or blank lines first)?
            found = list(_json_lines(io.BytesIO(data), b"", file, skipped, max_bytes))
            if not found:
                return [], [Skipped(file, "0", f"corrupt file: {exc}")]
            stream, whole = found, _LINES
            head = found[:1]
    if whole is not _LINES:
        if isinstance(whole, dict) and isinstance(whole.get("statements"), list):
            stream = enumerate(whole["statements"], start=1)
        elif isinstance(whole, list):
            stream = enumerate(whole, start=1)
        else:
            stream = [(1, whole)]
    kind = fmt or _detect(whole if whole is not _LINES else head[0][1])
    if kind is None:
        return [], [*skipped, Skipped(file, "0", "unknown format: not SCORM CMI, Open edX events or xAPI")]
    if kind == "scorm":
        if not (isinstance(whole, dict) and looks_like_cmi(whole)):
            return [], [*skipped, Skipped(file, "0", "not SCORM tracking data (a CMI object)")]
        records, more = read_cmi(whole, file, catalog)
    elif kind == "openedx":
        records, more = read_events(stream, file, catalog)
    else:
        records, more = read_statements(stream, file, catalog)
    return records, sorted(skipped + more, key=_record_order)


_LINES = object()  # a file of JSON lines, not one JSON document


def _parses(line: bytes) -> bool:
    try:
        parse(line)
    except NotJSON:
        return False
    return True


def _json_lines(
    handle: io.BufferedIOBase, first: bytes, file: str, skipped: list[Skipped], max_bytes: int
) -> Iterator[tuple[int, Any]]:
    """(line number, value) of each JSON line, from `first` (already read) on; bad lines go to skipped.
    A line is read with at most max_bytes + 1 bytes in memory: a longer one is skipped unread."""
    line, n = first or handle.readline(max_bytes + 1), 1
    while line:
        if len(line) > max_bytes:
            skipped.append(Skipped(file, str(n), too_large(max_bytes)))
            while line and not line.endswith(b"\n"):  # the rest of that line
                line = handle.readline(max_bytes + 1)
        elif line.strip():
            try:
                yield n, parse(line.rstrip(b"\r\n"))  # as the line reads, without its end
            except NotJSON as exc:
                skipped.append(Skipped(file, str(n), str(exc)))
        line, n = handle.readline(max_bytes + 1), n + 1


def _record_order(s: Skipped) -> tuple[int, str]:
    return (int(s.record), "") if s.record.isdigit() else (0, s.record)
