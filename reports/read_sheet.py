"""A filled rating sheet (.xlsx, reports/sheet_layout.py) -> instructor ratings, one record per rated row.

A row whose level is blank is not rated yet and is passed over. A bad row (unknown learner, task or criterion,
a level out of range, a date that is not one) is skipped and named by its cell, `ratings!E7`: sheet, column and
row, as a spreadsheet names it; the other rows count.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from .catalog import Catalog
from .records import SELF_RATER, Origin, Record, Skipped, TaskRating
from .sheet_layout import LEARNERS, RATINGS, REQUIRED
from .task_records import criterion_of, level_of, task_of
from .times import parse_text

MAX_ROWS = 1_000_000  # Excel's own limit is 1,048,576
MAX_TEXT = 2000  # a learner id, a rater or a comment longer than this is not one an instructor typed


def read_sheet(path: Path, file: str, catalog: Catalog, max_bytes: int) -> tuple[list[Record], list[Skipped]]:
    try:
        if path.stat().st_size > max_bytes:
            return [], [
                Skipped(file, "0", f"larger than {max_bytes // (1024 * 1024)} MB (see --max-json-mb)")
            ]
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a damaged workbook fails in zipfile, XML or openpyxl itself
        return [], [Skipped(file, "0", f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})")]
    try:
        if RATINGS not in book.sheetnames:
            return [], [
                Skipped(file, "0", f"no sheet '{RATINGS}' (is it a rating sheet from `zhineng rate`?)")
            ]
        roster = _roster(book[LEARNERS]) if LEARNERS in book.sheetnames else None
        return _rows(book[RATINGS], file, catalog, roster)
    except Exception as exc:  # noqa: BLE001 - openpyxl reads lazily: damage can surface while iterating
        return [], [Skipped(file, "0", f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})")]
    finally:
        book.close()


def _roster(sheet: Any) -> set[str]:
    return {_text(row[0]) for row in sheet.iter_rows(min_row=2, max_col=1, values_only=True) if _text(row[0])}


def _rows(
    sheet: Any, file: str, catalog: Catalog, roster: set[str] | None
) -> tuple[list[Record], list[Skipped]]:
    rows = sheet.iter_rows(values_only=True)
    header = [_text(h) for h in next(rows, ())]
    column = {name: i for i, name in reversed(list(enumerate(header))) if name}
    missing = [c for c in REQUIRED if c not in column]
    if missing:
        return [], [Skipped(file, f"{RATINGS}!A1", f"no column {', '.join(missing)} in the header row")]
    records: list[Record] = []
    skipped: list[Skipped] = []
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS:
            skipped.append(
                Skipped(file, f"{RATINGS}!A{number}", f"more than {MAX_ROWS:,} rows: the rest not read")
            )
            break

        def cell(name: str, row: tuple[Any, ...] = row) -> Any:
            i = column.get(name)
            return row[i] if i is not None and i < len(row) else None

        if cell("level") is None or _text(cell("level")) == "":
            continue  # not rated (yet)
        where = ""
        try:
            where = "learner"
            learner = _text(cell("learner"))
            if not learner or len(learner) > MAX_TEXT:
                raise ValueError("no learner id")
            if roster is not None and learner not in roster:
                raise ValueError(f"unknown learner '{learner}' (not on sheet '{LEARNERS}')")
            where = "task"
            task = task_of(_text(cell("task")), catalog)
            where = "criterion"
            criterion = criterion_of(task, _text(cell("criterion"))).id
            where = "level"
            level = level_of(task, criterion, cell("level"))
            where = "rated_at"
            when = _when(cell("rated_at"))
            where = "rater"
            rater = _text(cell("rater"))[:MAX_TEXT]
            if rater == SELF_RATER:
                raise ValueError(f"'{SELF_RATER}' is the learner's own rating, not an instructor's")
        except ValueError as exc:
            letter = _letter(column.get(where, 0))
            skipped.append(Skipped(file, f"{RATINGS}!{letter}{number}", f"{where}: {exc}"))
            continue
        comment = _text(cell("comment"))[:MAX_TEXT]
        origin = Origin("sheet", file, when)
        records.append(TaskRating(learner, task.id, {criterion: level}, rater, comment, origin))
    return records, skipped


def _when(value: Any) -> datetime | None:
    """A date or a date and time (as the cell holds it, or ISO 8601 text); blank is undated."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(), UTC)
    if isinstance(value, str):
        parsed = parse_text(value)
        if parsed is not None:
            return parsed
    raise ValueError(f"not a date: {value!r} (a date cell, or text like 2026-12-01)")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out
