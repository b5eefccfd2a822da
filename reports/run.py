"""run_report: inputs (files, folders, an LRS) -> the Report and the list of what was skipped."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import ZhinengError
from ..gc_pause import gc_paused
from ..modules.course import Course
from ..modules.loader import load_course
from .build import build_report
from .catalog import Catalog
from .json_input import DEFAULT_MAX_JSON_MB, MB
from .lrs import fetch_statements
from .model import Report
from .parallel import read_files
from .read_xapi import read_statements
from .records import Record
from .sources import FORMATS, SUFFIXES, input_files


def run_report(
    paths: Sequence[Path],
    fmt: str | None = None,
    lrs: str | None = None,
    lrs_auth: str | None = None,
    course: Course | None = None,
    jobs: int | None = None,
    max_json_mb: int = DEFAULT_MAX_JSON_MB,
) -> tuple[Report, list[str]]:
    """Read everything, skipping (and listing) what cannot be used; raise ZhinengError on a fatal problem.
    jobs: processes reading the files and building the report (default: one per CPU; see reports/parallel.py);
    max_json_mb: the largest JSON document (a file, a line of JSON lines, an LRS page) read whole."""
    if not paths and not lrs:
        raise ZhinengError("nothing to report on: give tracking files or folders, or --lrs URL")
    course = course or load_course()
    catalog = Catalog(course)
    with gc_paused():  # returns before resuming the collector, so it never walks the records
        records, messages = read_inputs(catalog, paths, fmt, lrs, lrs_auth, jobs, max_json_mb)
        return build_report(course, records, messages, catalog, jobs), messages


def read_inputs(
    catalog: Catalog,
    paths: Sequence[Path],
    fmt: str | None = None,
    lrs: str | None = None,
    lrs_auth: str | None = None,
    jobs: int | None = None,
    max_json_mb: int = DEFAULT_MAX_JSON_MB,
) -> tuple[list[Record], list[str]]:
    """Every input's records and what was skipped (as messages): what `report` and `rate` both read."""
    if fmt is not None and fmt not in FORMATS:
        raise ZhinengError(f"unknown format '{fmt}'; expected one of {', '.join(FORMATS)}")
    files = input_files(paths)
    if paths and not files and not lrs:
        raise ZhinengError(f"no tracking files ({', '.join('*' + s for s in SUFFIXES)}) found")
    max_bytes = max_json_mb * MB
    records, skipped = read_files(files, fmt, catalog, jobs, max_bytes)
    if lrs:
        statements, unread = fetch_statements(lrs, lrs_auth, max_bytes=max_bytes)
        got, lost = read_statements(enumerate(statements, start=1), lrs.rstrip("/") + "/statements", catalog)
        records += got
        skipped += lost + unread
    return records, [str(s) for s in skipped]
