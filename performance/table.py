"""A table deliverable as a person reads it: typed cells, computed columns filled in, the totals row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .formula import DISPLAY_DIGITS, parse_formula, parse_number, round_half_up
from .model import TableField

CellValue = str | float | None


@dataclass(frozen=True)
class FilledTable:
    rows: list[dict[str, CellValue]]  # column id -> the typed text (text/date) or number (number/percent)
    totals: dict[str, float]  # column id -> sum over the rows that have a value


def fill_table(field: TableField, rows: Sequence[Sequence[str]]) -> FilledTable:
    """`rows` hold the input columns only, in order (as the deliverable codec stores them)."""
    formulas = {c.id: parse_formula(c.formula) for c in field.columns if c.formula is not None}
    filled: list[dict[str, CellValue]] = []
    for raw in rows:
        cells = iter(raw)
        row: dict[str, CellValue] = {}
        numbers: dict[str, float | None] = {}
        for column in field.columns:
            if column.id in formulas:
                value: CellValue = formulas[column.id].evaluate(numbers)
            else:
                text = next(cells, "")
                value = parse_number(text) if column.numeric else text
            row[column.id] = value
            if column.numeric:
                numbers[column.id] = value if isinstance(value, float) else None
        filled.append(row)
    totals: dict[str, float] = {}
    for column_id in field.totals:
        total = 0.0
        for r in filled:  # one addition after another, as the JavaScript port does (not math.fsum)
            value = r.get(column_id)
            if isinstance(value, float):
                total += value
        totals[column_id] = round_half_up(total, DISPLAY_DIGITS)
    return FilledTable(filled, totals)
