"""A task's exemplar is the work that earns top marks, so its figures must be exactly what the package computes.

Every Markdown table in an exemplar whose header row is a table field's column labels is read as that field's
value: its computed columns must equal what the field's formulas give for the row's own input cells, and a row
whose first cell is 「合計」 must equal the field's totals over the rows above it. A learner comparing their work
with the exemplar sees the same numbers the runtime showed them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from zhineng.modules.course import Course
from zhineng.performance.formula import parse_formula, parse_number
from zhineng.performance.model import TableField, Task
from zhineng.performance.rubric import max_points
from zhineng.performance.table import fill_table

TOTAL_ROW = "合計"
_SEPARATOR = re.compile(r":?-{3,}:?")


def markdown_tables(text: str) -> list[list[list[str]]]:
    """The pipe tables of a Markdown text, each as its rows of stripped cells, separator rows left out."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            cells = [cell.strip() for cell in stripped[1:-1].split("|")]
            if not all(_SEPARATOR.fullmatch(cell) for cell in cells):
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    return tables


_NOTE = re.compile(r"（[^（）]*）")


def heading_names(heading: str, label: str) -> bool:
    """An exemplar may shorten a heading: 「用途」 for 「用途（要回答的問題）」, 「未稅 ROAS」 for 「ROAS（未稅）」."""
    base = _NOTE.sub("", label).strip()
    return bool(heading) and (heading in label or (bool(base) and base in heading))


def shown_tables(task: Task, field: TableField) -> list[list[list[str]]]:
    """The exemplar's tables whose headings name the field's columns, one for one and in order."""
    labels = [column.label for column in field.columns]
    return [
        table[1:]
        for table in markdown_tables(task.exemplar)
        if len(table[0]) == len(labels) and all(map(heading_names, table[0], labels))
    ]


def table_fields(course: Course) -> Iterator[tuple[Task, TableField]]:
    for _, task in course.tasks():
        for field in task.deliverable:
            if isinstance(field, TableField):
                yield task, field


def test_shortened_headings_name_their_columns() -> None:
    assert heading_names("用途", "用途（要回答的問題）")
    assert heading_names("未稅 ROAS", "ROAS（未稅）")
    assert heading_names("金額（元）", "金額（元）")
    assert not heading_names("官網", "預算數量")
    assert not heading_names("", "品項")


def test_the_reader_finds_tables_and_skips_separators() -> None:
    text = "前言\n\n| 甲 | 乙 |\n|---|---:|\n| 1 | 2 |\n\n後記\n| 丙 |\n|:---:|\n"
    assert markdown_tables(text) == [[["甲", "乙"], ["1", "2"]], [["丙"]]]


def test_every_table_field_is_shown_in_its_exemplar(builtin_course: Course) -> None:
    missing = [f"{t.id}/{f.id}" for t, f in table_fields(builtin_course) if not shown_tables(t, f)]
    assert missing == []


def shown_number(cell: str) -> float | None:
    """A figure as an exemplar prints it, which may sign it with a typographic minus (−)."""
    return parse_number(cell.replace("−", "-")) if cell.strip() else None


def total_row(field: TableField, totals: dict[str, float]) -> dict[str, float | None]:
    """The 合計 row a reader expects: the totalled columns' sums, and each other computed column worked out from
    them (a rate over the totals, not a sum of rates); blank where a formula reads a column that is not totalled."""
    values: dict[str, float | None] = {}
    for column in field.columns:
        if column.id in totals:
            values[column.id] = totals[column.id]
        elif column.formula is not None:
            values[column.id] = parse_formula(column.formula).evaluate(values)
        else:
            values[column.id] = None
    return values


def exemplar_errors(task: Task) -> list[str]:
    wrong: list[str] = []
    for field in task.deliverable:
        if not isinstance(field, TableField):
            continue
        where = f"{task.id}/{field.id}"
        inputs = [j for j, column in enumerate(field.columns) if column.formula is None]
        for table in shown_tables(task, field):
            wrong += [
                f"{where} {row[0]}: {len(row)} cells for {len(field.columns)} columns"
                for row in table
                if len(row) != len(field.columns)
            ]
            rows = [row for row in table if len(row) == len(field.columns)]
            body = [row for row in rows if row[0] != TOTAL_ROW]
            filled = fill_table(field, [[row[j] for j in inputs] for row in body])
            for row, values in zip(body, filled.rows, strict=True):
                for j, column in enumerate(field.columns):
                    if column.formula is not None and shown_number(row[j]) != values[column.id]:
                        wrong.append(f"{where} {row[0]}: {column.label} {row[j]} ≠ {values[column.id]}")
            expected = total_row(field, filled.totals)
            for row in (r for r in rows if r[0] == TOTAL_ROW):
                for j, column in enumerate(field.columns):
                    value = expected[column.id]
                    if value is not None and row[j].strip() and shown_number(row[j]) != value:
                        wrong.append(f"{where} {TOTAL_ROW}: {column.label} {row[j]} ≠ {value}")
                    elif column.id in field.totals and shown_number(row[j]) != value:
                        wrong.append(f"{where} {TOTAL_ROW}: {column.label} {row[j]!r} ≠ {value}")
    return wrong


def test_exemplar_tables_compute_as_the_package_does(builtin_course: Course) -> None:
    assert [e for _, task in builtin_course.tasks() for e in exemplar_errors(task)] == []


ORDER = {
    "id": "order",
    "activity": "T3.1",
    "title": "測試訂單",
    "outputs": ["O3.1.1"],
    "brief": "下一筆測試訂單。",
    "deliverable": [
        {
            "id": "lines",
            "type": "table",
            "label": "測試訂單",
            "columns": [
                {"id": "item", "label": "品項"},
                {"id": "price", "label": "單價", "type": "number"},
                {"id": "qty", "label": "數量", "type": "number"},
                {"id": "amount", "label": "金額", "type": "number", "formula": "price * qty"},
            ],
            "totals": ["amount"],
        }
    ],
    "rubric": [
        {
            "id": "c",
            "title": "正確",
            "indicators": ["P3.1.3"],
            "levels": [
                {"label": "低", "points": 0, "descriptor": "錯兩處以上。"},
                {"label": "中", "points": 1, "descriptor": "錯一處。"},
                {"label": "高", "points": 2, "descriptor": "全對。"},
            ],
        }
    ],
}


def order_with(exemplar: str) -> Task:
    return Task.model_validate({**ORDER, "exemplar": exemplar})


def test_a_right_exemplar_passes() -> None:
    table = "| 品項 | 單價 | 數量 | 金額 |\n|---|---|---|---|\n| 食物罐 | 890 | 2 | 1,780 |\n| 運費 | 0 | 1 | 0 |\n| 合計 | | | 1,780 |\n"
    assert exemplar_errors(order_with(table)) == []


def test_a_wrong_product_a_wrong_total_and_a_short_row_are_named() -> None:
    table = "| 品項 | 單價 | 數量 | 金額 |\n|---|---|---|---|\n| 食物罐 | 890 | 2 | 1,870 |\n| 運費 | 80 | 1 |\n| 合計 | | | 1,950 |\n"
    assert exemplar_errors(order_with(table)) == [
        "order/lines 運費: 3 cells for 4 columns",
        "order/lines 食物罐: 金額 1,870 ≠ 1780.0",
        "order/lines 合計: 金額 1,950 ≠ 1780.0",
    ]


def test_a_table_with_other_headings_is_not_read_as_the_field() -> None:
    assert exemplar_errors(order_with("| 指標 | 第三季 |\n|---|---|\n| NPS | 24 |\n")) == []


def test_a_total_row_shows_rates_worked_out_from_the_totals() -> None:
    columns = [
        {"id": "item", "label": "通路"},
        {"id": "sent", "label": "送達", "type": "number"},
        {"id": "clicks", "label": "點擊", "type": "number"},
        {"id": "ctr", "label": "點擊率（%）", "type": "percent", "formula": "round(clicks / sent * 100, 1)"},
        {"id": "change", "label": "差異", "type": "number", "formula": "clicks - sent"},
    ]
    field = {**ORDER["deliverable"][0], "columns": columns, "totals": ["sent", "clicks"]}  # type: ignore[dict-item]
    head = "| 通路 | 送達 | 點擊 | 點擊率 | 差異 |\n|---|---|---|---|---|\n| 甲 | 200 | 10 | 5.0 | −190 |\n| 乙 | 300 | 30 | 10.0 | −270 |\n"
    right = Task.model_validate(
        {**ORDER, "deliverable": [field], "exemplar": head + "| 合計 | 500 | 40 | 8.0 | |\n"}
    )
    wrong = Task.model_validate(
        {**ORDER, "deliverable": [field], "exemplar": head + "| 合計 | 500 | 40 | 7.5 | |\n"}
    )
    assert exemplar_errors(right) == []
    assert exemplar_errors(wrong) == ["order/lines 合計: 點擊率（%） 7.5 ≠ 8.0"]


# A brief may tell the learner the pass rule; when it does, in these words, the figures are the task's own.
_STATED_RULE = re.compile(
    r"([一二兩三四五六七八九十])項評分規準都至少達「([^」]+)」，且總分 (\d+) 分中至少 (\d+) 分"
)
_COUNTS = {"一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def stated_rule_errors(task: Task) -> list[str]:
    found = _STATED_RULE.search(task.brief)
    if found is None:
        return []
    count, label, top, least = found.groups()
    rule = task.pass_rule
    labels = {c.levels[rule.min_level - 1].label for c in task.rubric}
    expected = (
        len(task.rubric),
        {label},
        max_points(task),
        math.ceil(rule.min_percent * max_points(task) / 100),
    )
    stated = (_COUNTS.get(count), labels, float(top), int(least))
    return (
        [] if stated == expected else [f"{task.id}: the brief says {found.group(0)}, the rule is {expected}"]
    )


def test_a_brief_states_the_pass_rule_the_task_applies(builtin_course: Course) -> None:
    assert [e for _, task in builtin_course.tasks() for e in stated_rule_errors(task)] == []


def test_a_wrong_stated_rule_is_named() -> None:
    task = Task.model_validate(
        {
            **ORDER,
            "brief": "**通過標準**：一項評分規準都至少達「中」，且總分 2 分中至少 1 分。",
            "exemplar": "略",
        }
    )
    assert stated_rule_errors(task) == [
        "order: the brief says 一項評分規準都至少達「中」，且總分 2 分中至少 1 分, the rule is (1, {'中'}, 2.0, 2)"
    ]
    right = Task.model_validate(
        {**ORDER, "brief": "一項評分規準都至少達「中」，且總分 2 分中至少 2 分。", "exemplar": "略"}
    )
    assert stated_rule_errors(right) == []
