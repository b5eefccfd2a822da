"""Meaning checks for one task, beyond its shape and beyond the standard (those are `modules.crossref`'s).

Each finding is `(path inside the task, message)` so the loader can point at the exact key.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .formula import FormulaError, parse_formula
from .ids import SELF
from .model import Criterion, Resource, TableField, Task

Finding = tuple[tuple[str | int, ...], str]


def task_findings(task: Task) -> list[Finding]:
    found: list[Finding] = []
    found += _duplicates(("deliverable",), [f.id for f in task.deliverable], "field")
    found += _duplicates(("rubric",), [c.id for c in task.rubric], "criterion")
    found += _duplicates(("resources",), [r.id for r in task.resources], "resource")
    found += _duplicates(("outputs",), task.outputs, "output")
    for i, field in enumerate(task.deliverable):
        at: tuple[str | int, ...] = ("deliverable", i)
        if field.id == SELF:
            found.append(((*at, "id"), f"'{SELF}' is reserved (it names self-ratings in tracking data)"))
        if isinstance(field, TableField):
            found += [((*at, *p), m) for p, m in _table_findings(field)]
        elif field.type == "long_text" and field.min_length > field.max_length:
            found.append(
                (
                    (*at, "min_length"),
                    f"min_length ({field.min_length}) is larger than max_length ({field.max_length})",
                )
            )
        elif field.type == "checklist":
            found += [((*at, *p), m) for p, m in _duplicates(("items",), [t.id for t in field.items], "item")]
    for i, criterion in enumerate(task.rubric):
        found += [(("rubric", i, *p), m) for p, m in _criterion_findings(criterion)]
        if task.pass_rule.min_level > len(criterion.levels):
            found.append(
                (
                    ("pass", "min_level"),
                    f"min_level {task.pass_rule.min_level} is above criterion '{criterion.id}', which has {len(criterion.levels)} levels",
                )
            )
    for i, resource in enumerate(task.resources):
        found += [(("resources", i, *p), m) for p, m in _resource_findings(resource)]
    return found


def _criterion_findings(criterion: Criterion) -> list[Finding]:
    found: list[Finding] = []
    for j in range(1, len(criterion.levels)):
        low, high = criterion.levels[j - 1].points, criterion.levels[j].points
        if high <= low:
            found.append(
                (
                    ("levels", j, "points"),
                    f"points must rise with the level: level {j + 1} has {high:g}, level {j} has {low:g} (list levels from lowest to highest)",
                )
            )
    found += _duplicates(("indicators",), criterion.indicators, "indicator")
    descriptors = Counter(level.descriptor.strip() for level in criterion.levels)
    for j, level in enumerate(criterion.levels):
        if descriptors[level.descriptor.strip()] > 1:
            found.append(
                (("levels", j, "descriptor"), "two levels have the same descriptor; say what differs")
            )
    return found


def _table_findings(field: TableField) -> list[Finding]:
    found: list[Finding] = _duplicates(("columns",), [c.id for c in field.columns], "column")
    rows = field.rows
    if not rows.min <= rows.max:
        found.append((("rows", "min"), f"rows.min ({rows.min}) is larger than rows.max ({rows.max})"))
    elif not rows.min <= rows.start <= rows.max:
        found.append(
            (
                ("rows", "start"),
                f"rows.start ({rows.start}) must lie between rows.min ({rows.min}) and rows.max ({rows.max})",
            )
        )
    if not field.inputs:
        found.append(
            (("columns",), "every column is computed: give the learner at least one column to fill in")
        )
    earlier: dict[str, bool] = {}  # column id -> numeric, for the columns before the one being checked
    for j, column in enumerate(field.columns):
        if column.formula is not None:
            if not column.numeric:
                found.append(
                    (
                        (("columns", j, "type")),
                        f"a computed column is a number or percent column, not {column.type}",
                    )
                )
            try:
                formula = parse_formula(column.formula)
            except FormulaError as exc:
                found.append((("columns", j, "formula"), f"cannot read the formula: {exc}"))
            else:
                for name in formula.columns:
                    if name not in earlier:
                        where = (
                            "a later column"
                            if name in {c.id for c in field.columns}
                            else "no column of this table"
                        )
                        found.append(
                            (
                                ("columns", j, "formula"),
                                f"'{name}' is {where}; a formula reads number columns to its left",
                            )
                        )
                    elif not earlier[name]:
                        found.append(
                            (("columns", j, "formula"), f"'{name}' is not a number or percent column")
                        )
        earlier[column.id] = column.numeric
    numeric = {c.id: c.numeric for c in field.columns}
    for j, ident in enumerate(field.totals):
        if ident not in numeric:
            found.append((("totals", j), f"'{ident}' is no column of this table"))
        elif not numeric[ident]:
            found.append(
                (("totals", j), f"'{ident}' is not a number or percent column; only numbers are summed")
            )
    return found


def _resource_findings(resource: Resource) -> list[Finding]:
    found: list[Finding] = []
    if resource.body is None and resource.table is None:
        found.append(((), f"resource '{resource.id}' has neither `body` nor `table`"))
    if resource.table is not None:
        width = len(resource.table.columns)
        for k, row in enumerate(resource.table.rows):
            if len(row) != width:
                found.append(
                    (("table", "rows", k), f"this row has {len(row)} cells; the table has {width} columns")
                )
    return found


def _duplicates(path: tuple[str | int, ...], ids: Sequence[str], what: str) -> list[Finding]:
    seen: set[str] = set()
    found: list[Finding] = []
    for i, ident in enumerate(ids):
        if ident in seen:
            found.append(((*path, i), f"duplicate {what} id '{ident}' in this task"))
        seen.add(ident)
    return found
