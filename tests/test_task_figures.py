"""The data a performance task hands the learner adds up: a trainer checks the tables before the learner does.

A 合計 row is the sum of the rows above it, in every task of the course. The statements of T2's financial task
tie together the way real statements do (the P/L adds down, the balance sheet balances, the cash-flow statement
explains the change in cash and in working capital), so a learner's analysis can be right.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from zhineng.modules.course import Course
from zhineng.performance.model import Resource, Task

Number = int | float


def _number(cell: object) -> bool:
    return isinstance(cell, int | float) and not isinstance(cell, bool)


def _total_rows(builtin_course: Course) -> Iterator[tuple[str, list[object], list[list[object]]]]:
    for _, task in builtin_course.tasks():
        for resource in task.resources:
            if resource.table is None:
                continue
            rows: list[list[object]] = [list(r) for r in resource.table.rows]
            for k, row in enumerate(rows):
                if isinstance(row[0], str) and row[0].startswith("合計"):
                    yield f"{task.id}/{resource.id}", row, rows[:k]


def test_every_total_row_is_the_sum_of_the_rows_above(builtin_course: Course) -> None:
    checked = 0
    wrong = []
    for where, total, above in _total_rows(builtin_course):
        for j, cell in enumerate(total[1:], start=1):
            column = [row[j] for row in above]
            if _number(cell) and all(_number(v) for v in column):
                checked += 1
                if abs(sum(column) - cell) > 1e-6:  # type: ignore[arg-type, operator]
                    wrong.append(f"{where} column {j}: {cell} != {sum(column)}")  # type: ignore[arg-type]
    assert checked >= 20 and wrong == []


def _task(builtin_course: Course, task_id: str) -> Task:
    return next(t for _, t in builtin_course.tasks() if t.id == task_id)


def _statement(task: Task, resource_id: str, column: int) -> dict[str, Number]:
    resource: Resource = next(r for r in task.resources if r.id == resource_id)
    assert resource.table is not None
    return {str(row[0]): row[column] for row in resource.table.rows}  # type: ignore[misc]


@pytest.mark.parametrize("column", [1, 2], ids=["2025", "2026-H1"])
def test_the_financial_statements_of_the_sales_task_tie_together(builtin_course: Course, column: int) -> None:
    task = _task(builtin_course, "T2.3-task")
    pl = _statement(task, "pl", column)
    cf = _statement(task, "cf", column)
    opening, closing = _statement(task, "bs", 1), _statement(task, "bs", 2)

    assert pl["營業毛利"] == pl["營業收入"] - pl["營業成本"]
    assert pl["營業利益"] == pl["營業毛利"] - pl["推銷費用（含廣告費）"] - pl["管理費用"]
    assert pl["稅前淨利"] == pl["營業利益"] + pl["營業外收支"]
    assert pl["所得稅（20%）"] == round(pl["稅前淨利"] * 0.2)
    assert pl["本期淨利"] == pl["稅前淨利"] - pl["所得稅（20%）"] == cf["本期淨利"]

    operating = [
        k for k in cf if k not in ("營業活動現金流量", "投資活動現金流量", "籌資活動現金流量", "現金淨增加")
    ]
    assert cf["營業活動現金流量"] == sum(cf[k] for k in operating)
    assert cf["現金淨增加"] == cf["營業活動現金流量"] + cf["投資活動現金流量"] + cf["籌資活動現金流量"]

    for bs in (opening, closing):
        assert bs["流動資產合計"] == bs["現金"] + bs["應收帳款"] + bs["存貨"]
        assert bs["資產總計"] == bs["流動資產合計"] + bs["設備（淨額）"]
        assert bs["流動負債合計"] == bs["應付帳款"] + bs["短期借款"]
        assert bs["負債及權益總計"] == bs["流動負債合計"] + bs["長期借款"] + bs["權益"] == bs["資產總計"]

    if column == 2:  # the half year runs from the opening to the closing balance sheet
        assert closing["現金"] - opening["現金"] == cf["現金淨增加"]
        assert opening["應收帳款"] - closing["應收帳款"] == cf["應收帳款減少（增加）"]
        assert opening["存貨"] - closing["存貨"] == cf["存貨減少（增加）"]
        assert closing["應付帳款"] - opening["應付帳款"] == cf["應付帳款增加（減少）"]
        assert closing["權益"] - opening["權益"] == pl["本期淨利"]
        assert closing["短期借款"] - opening["短期借款"] == cf["籌資活動現金流量"]
        capex = -cf["投資活動現金流量"]
        assert closing["設備（淨額）"] == opening["設備（淨額）"] + capex - cf["加：折舊"]
