"""Input files -> records: expand folders, detect each file's format (or take --format), call its reader."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson

from ..modules.errors import ZhinengError
from ..modules.loader import display_path
from .catalog import Catalog
from .cmi_flat import looks_like_cmi
from .read_openedx import is_event, read_events
from .read_scorm import read_cmi
from .read_xapi import is_statement, read_statements
from .records import SOURCES, Record, Skipped, Source

Format = Source
FORMATS = SOURCES
SUFFIXES = (".json", ".jsonl", ".ndjson", ".log")


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


def loads(text: str | bytes) -> Any:
    """json.loads, through orjson first: tracking files run to hundreds of megabytes and orjson parses them
    about twice as fast. What orjson refuses and the standard library takes (NaN, huge integers, lone
    surrogates) goes to json.loads, so the result and every error message are the standard library's."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _json_lines(text: str, file: str, skipped: list[Skipped]) -> Iterator[tuple[int, Any]]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield n, loads(line)
        except json.JSONDecodeError as exc:
            skipped.append(Skipped(file, str(n), f"not JSON ({exc.msg})"))


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


_LINES = object()  # a file of JSON lines, not one JSON document


def read_file(path: Path, fmt: Format | None, catalog: Catalog) -> tuple[list[Record], list[Skipped]]:
    file = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [Skipped(file, "0", f"cannot read: {exc.strerror}")]
    skipped: list[Skipped] = []
    try:
        whole: Any = orjson.loads(data)  # the usual case, straight from the bytes (orjson checks the UTF-8)
    except orjson.JSONDecodeError:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return [], [Skipped(file, "0", "corrupt file: not UTF-8 text")]
        try:
            whole = json.loads(text)  # what orjson refuses and the standard library takes (see loads)
        except json.JSONDecodeError as exc:
            lines = list(_json_lines(text, file, skipped))  # JSON lines, or a corrupt file
            if not lines:
                return [], [Skipped(file, "0", f"corrupt file: not JSON ({exc.msg})")]
            whole = _LINES
    if whole is not _LINES:
        if isinstance(whole, dict) and isinstance(whole.get("statements"), list):
            lines = list(enumerate(whole["statements"], start=1))
        elif isinstance(whole, list):
            lines = list(enumerate(whole, start=1))
        else:
            lines = [(1, whole)]
    kind = fmt or _detect(whole if whole is not _LINES else lines[0][1])
    if kind is None:
        return [], [*skipped, Skipped(file, "0", "unknown format: not SCORM CMI, Open edX events or xAPI")]
    if kind == "scorm":
        if not (isinstance(whole, dict) and looks_like_cmi(whole)):
            return [], [*skipped, Skipped(file, "0", "not SCORM tracking data (a CMI object)")]
        records, more = read_cmi(whole, file, catalog)
    elif kind == "openedx":
        records, more = read_events(lines, file, catalog)
    else:
        records, more = read_statements(lines, file, catalog)
    return records, sorted(skipped + more, key=_record_order)


def _record_order(s: Skipped) -> tuple[int, str]:
    return (int(s.record), "") if s.record.isdigit() else (0, s.record)
