"""Which files make a course, and reading one of them into a `Source`.

Kept apart from the loader, which imports every model: the command line lists and parses a course's files on a
second CPU while this process is still importing the models (modules/read_ahead.py)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import Problem, ZhinengError
from .yamlsrc import MAX_CHARS, Source, parse

BUILTIN_DIR = Path(__file__).resolve().parent / "content"
STANDARD_FILE = "standard.yaml"


def display_path(path: Path) -> str:
    """The path as a person would type it from the current folder."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith(".." + os.sep + "..") else rel


def read_source(path: Path) -> tuple[Source, list[Problem]]:
    shown = display_path(path)
    limit = 4 * MAX_CHARS  # UTF-8 bytes of the most characters parse() accepts: never read a huge file whole
    try:
        with path.open("rb") as f:
            raw = f.read(limit + 1)
        if len(raw) > limit:
            return Source(shown, None), [
                Problem(shown, 1, 1, f"the file is larger than {limit:,} bytes; split the module")
            ]
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Source(shown, None), [Problem(shown, 1, 1, f"the file is not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        raise ZhinengError(f"{shown}: cannot read: {exc.strerror}") from exc
    return parse(text, shown)


def module_files(paths: Iterable[Path]) -> tuple[list[Path], Path | None]:
    """Expand folders into their YAML files; a folder's `standard.yaml` replaces the built-in standard."""
    files: list[Path] = []
    standard: Path | None = None
    for path in paths:
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.name == STANDARD_FILE:
                    standard = child
                elif child.suffix in (".yaml", ".yml") and child.is_file():
                    files.append(child)
        elif path.is_file():
            files.append(path)
        else:
            raise ZhinengError(f"{display_path(path)}: no such file or folder")
    return files, standard


def course_files(paths: Sequence[Path] = ()) -> tuple[list[Path], Path]:
    """The module files of a course (the built-in one when no paths are given) and its standard's file."""
    files, standard = module_files(paths or [BUILTIN_DIR])
    if not files:
        raise ZhinengError("no module files (*.yaml) found in " + ", ".join(display_path(p) for p in paths))
    return files, standard or BUILTIN_DIR / STANDARD_FILE
