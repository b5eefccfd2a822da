"""The rating sheet an instructor fills in (reports/sheet_layout.py): one row per learner × task × criterion.

The level is picked from a drop-down (1..n of that criterion); points follow by a formula; the sheet is
protected (no password) so only level, rater, rated_at and comment can be typed into. An instructions sheet says
how, with every criterion's levels; the learners sheet lists whom it was written for. Instructor ratings already
read (a sheet filled before) are filled in again. Same input, same bytes: fixed dates, one zip order.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..modules.standard import Standard
from ..performance.model import Criterion, Task
from .sheet_layout import COLUMNS, EDITABLE, INSTRUCTIONS, LEARNERS, RATINGS
from .task_states import CriterionRating

FIXED_TIME = datetime(2000, 1, 1)
_MODIFIED = re.compile(
    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)"
)  # the workbook's created / modified: a sheet is the same bytes every time
WIDTHS = {"learner": 16, "task": 14, "criterion": 22, "indicators": 22, "level": 8, "points": 8,
          "rater": 14, "rated_at": 14, "comment": 40}  # fmt: skip


@dataclass(frozen=True)
class SheetRow:
    learner: str
    task: Task
    criterion: Criterion
    given: CriterionRating | None  # an instructor's rating already read, written back


def rating_sheet(rows: Sequence[SheetRow], learners: Sequence[str], standard: Standard) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.create_sheet(RATINGS, 0)
    book.remove(book.worksheets[1])  # the empty sheet a new workbook starts with
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    col = {name: i + 1 for i, name in enumerate(COLUMNS)}
    letter = {name: get_column_letter(i) for name, i in col.items()}
    choices: dict[int, Any] = {}  # levels -> its drop-down
    for r, row in enumerate(rows, start=2):
        c = row.criterion
        given = row.given
        when = given.rating.origin.when if given else None
        sheet.append(
            [
                row.learner,
                row.task.id,
                c.id,
                "、".join(standard.distinct_label(i) for i in [*c.indicators, *c.skills]),
                given.level if given else None,
                _points_formula(f"{letter['level']}{r}", c),
                given.rater if given else None,
                when.replace(tzinfo=None) if when else None,
                given.comment if given else None,
            ]
        )
        for name in EDITABLE:
            sheet.cell(row=r, column=col[name]).protection = Protection(locked=False)
        sheet.cell(row=r, column=col["rated_at"]).number_format = "yyyy-mm-dd"
        n = len(c.levels)
        if n not in choices:
            choices[n] = DataValidation(
                type="list",
                formula1='"' + ",".join(str(i) for i in range(1, n + 1)) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="level",
                error=f"等級請填 1–{n}",
                promptTitle="level",
                prompt=f"等級 1–{n}（1 最低）",
            )
            sheet.add_data_validation(choices[n])
        choices[n].add(f"{letter['level']}{r}")
    for name, width in WIDTHS.items():
        sheet.column_dimensions[letter[name]].width = width
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True  # derived columns locked; no password: it guards against slips, not people
    sheet.protection.autoFilter = False
    sheet.protection.sort = False

    guide = book.create_sheet(INSTRUCTIONS)
    for line in _instructions(rows, standard):
        guide.append([line])
    guide.column_dimensions["A"].width = 100
    for cell in guide["A"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")

    roster = book.create_sheet(LEARNERS)
    roster.append(["learner"])
    for learner in learners:
        roster.append([learner])

    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return _same_bytes(buffer.getvalue())


def _points_formula(level_cell: str, criterion: Criterion) -> str:
    points = ",".join(f"{lv.points:g}" for lv in criterion.levels)
    return f'=IF({level_cell}="","",CHOOSE({level_cell},{points}))'


def _instructions(rows: Sequence[SheetRow], standard: Standard) -> list[str]:
    lines = [
        "實作評量表（評分用）填寫說明",
        f"在「{RATINGS}」工作表每一列（學員 × 任務 × 評分規準）：",
        "・level：從下拉選單選等級（1 為最低）；points 會自動算出。空白表示尚未評分，讀回時略過。",
        "・rater：評分者姓名；rated_at：評分日期（例如 2026-12-01）；comment：評語（選填）。",
        f"・learner、task、criterion 請勿修改；新增學員請一併加到「{LEARNERS}」工作表，或以 zhineng rate --learner 重新產生。",
        "・填好後：zhineng report 追蹤資料… 本檔.xlsx --out 報告資料夾；有問題的列會以「工作表!儲存格」列出並略過，其餘照算。",
        "",
    ]
    seen: set[str] = set()
    for row in rows:
        if row.task.id in seen:
            continue
        seen.add(row.task.id)
        lines.append(f"{row.task.id}　{row.task.title}")
        for c in row.task.rubric:
            items = "、".join(standard.distinct_label(i) for i in [*c.indicators, *c.skills])
            lines.append(f"　{c.id}　{c.title}（{items}）")
            for n, lv in enumerate(c.levels, start=1):
                lines.append(f"　　{n}　{lv.label}（{lv.points:g} 分）：{lv.descriptor}")
        rule = row.task.pass_rule
        lines += [f"　通過：每項規準 ≥ {rule.min_level} 級，且總分 ≥ {rule.min_percent:g}%", ""]
    return lines


def _same_bytes(data: bytes) -> bytes:
    """The workbook with every zip entry, and its `modified` property, dated FIXED_TIME (openpyxl dates them
    now)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps `modified` with the time of saving
                data = _MODIFIED.sub(rb"\g<1>" + FIXED_TIME.isoformat().encode() + rb"Z\g<2>", data)
            dst.writestr(fixed, data)
    return out.getvalue()
