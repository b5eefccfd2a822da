"""A performance task as Open edX's own rubric assessment (ORA2's `openassessment` block, in its OLX format).

What ORA2 reads (openassessment/xblock/utils/xml.py, `parse_from_xml`): one `<prompt>` per response part, so each
deliverable field is a prompt the learner answers in its own text box, the brief and resources leading the first;
a criterion per rubric criterion, its options the levels (name = the level number, as our tracking counts levels);
self-assessment, then a required staff assessment, as only an instructor's rating counts. ORA2 has no text shown
only after submission: the exemplar is the rubric's feedback prompt, which a learner first sees when rating their
own submitted work. ORA2 stores whole points only, so a rubric with fractional points is scaled (and says so).
"""

from __future__ import annotations

import html
import math
import xml.etree.ElementTree as ET
from fractions import Fraction
from typing import Any

from ..cjk_breaks import join_cjk_lines
from ..modules.standard import Standard
from ..performance.formula import Node, format_number, parse_formula
from ..performance.model import (
    ChecklistField,
    Criterion,
    DeliverableField,
    LinkField,
    LongTextField,
    Resource,
    TableField,
    Task,
)
from ..xblocks.task_standing import task_dump
from .url_names import url_name

# ORA2's assessment steps, in the order it requires (staff last).
SELF_ASSESSMENT = "self-assessment"
STAFF_ASSESSMENT = "staff-assessment"
_OPERATORS = {"+": "+", "-": "−", "*": "×", "/": "÷"}
_RANK = {"+": 1, "-": 1, "*": 2, "/": 2}  # binding strength, as performance/formula.py parses them


def task_title(standard: Standard, task: Task) -> str:
    return f"{standard.distinct_label(task.activity)} 實作評量：{task.title}"


def openassessment_element(standard: Standard, task: Task, *, start: str, due: str) -> ET.Element:
    title = task_title(standard, task)
    root = ET.Element(
        "openassessment",
        {
            "url_name": url_name(task.id),
            "submission_start": start,  # olxcleaner requires both dates; the course's own span
            "submission_due": due,
            "text_response": "required",  # every part answered: an optional field says to write 「無」
            "text_response_editor": "text",
            "prompts_type": "html",
            "allow_latex": "False",
            "show_rubric_during_response": "True",  # a learner works to the rubric they will be rated on
        },
    )
    ET.SubElement(root, "title").text = title  # ORA2's name for it (olxcleaner refuses a display_name here)
    assessments = ET.SubElement(root, "assessments")
    ET.SubElement(assessments, "assessment", {"name": SELF_ASSESSMENT})
    ET.SubElement(assessments, "assessment", {"name": STAFF_ASSESSMENT, "required": "True"})
    prompts = ET.SubElement(root, "prompts")
    for n, field in enumerate(task.deliverable, 1):
        lead = _scenario_html(task) if n == 1 else ""
        ET.SubElement(ET.SubElement(prompts, "prompt"), "description").text = lead + _field_html(n, field)
    rubric = ET.SubElement(root, "rubric")
    scale = points_scale(task)
    for criterion in task.rubric:
        rubric.append(_criterion(standard, criterion, scale))
    ET.SubElement(rubric, "feedbackprompt").text = (
        "對照下面的範例作品，寫下你的作品做得好的地方與還能改進的地方。範例作品："
        + join_cjk_lines(task.exemplar.strip())
    )
    return root


def progress_entry(standard: Standard, task: Task) -> dict[str, Any]:
    """How the progress block finds this task's ORA2 block (see xblocks/ora_state.py), and the task itself."""
    return {"ora": url_name(task.id), "title": task_title(standard, task), "task": task_dump(task)}


def points_scale(task: Task) -> int:
    """The least whole factor that makes every level's points whole (1 for a rubric of whole points)."""
    denominators = [
        Fraction(level.points).limit_denominator(1000).denominator for c in task.rubric for level in c.levels
    ]
    return math.lcm(*denominators)


def _criterion(standard: Standard, criterion: Criterion, scale: int) -> ET.Element:
    element = ET.Element("criterion", {"feedback": "optional"})
    ET.SubElement(element, "name").text = criterion.id  # ORA2 keys assessments by name: our criterion id
    codes = "、".join(standard.distinct_label(p) for p in criterion.indicators)
    ET.SubElement(element, "label").text = f"{criterion.title}（{codes}）"
    ET.SubElement(element, "prompt").text = _criterion_prompt(standard, criterion, scale)
    for number, level in enumerate(criterion.levels, 1):
        option = ET.SubElement(element, "option", {"points": str(round(level.points * scale))})
        ET.SubElement(option, "name").text = str(number)  # the level number, 1 = the lowest
        ET.SubElement(option, "label").text = level.label
        ET.SubElement(option, "explanation").text = level.descriptor
    return element


def _criterion_prompt(standard: Standard, criterion: Criterion, scale: int) -> str:
    # The printed code and the indicator's own words, which tell two equal printed codes apart.
    items = [standard.index[p] for p in criterion.indicators]
    lines = [f"{item.label} {item.text or ''}".strip() for item in items]
    linked = [*criterion.skills, *criterion.knowledge, *criterion.attitudes]
    if linked:
        lines.append("相關職能：" + "、".join(standard.distinct_label(i) for i in linked))
    if scale != 1:
        lines.append(f"（各等級分數已乘以 {scale}，以整數計分）")
    # One run of sentences, not lines: a grader's view collapses a line break into a space, which inside
    # Chinese text reads as a stray gap (the same rule as the Markdown renderer's soft breaks).
    return "".join(line if line.endswith(("。", "）")) else line + "。" for line in lines)


def _scenario_html(task: Task) -> str:
    parts = ["<h3>情境與任務</h3>", task.brief_html, f"<p>預估時間：{task.minutes} 分鐘。</p>"]
    for resource in task.resources:
        parts.append(_resource_html(resource))
    parts.append("<h3>繳交內容</h3>")
    return "".join(parts)


def _resource_html(resource: Resource) -> str:
    parts = [f"<h4>{html.escape(resource.title)}</h4>", resource.html]
    if resource.table is not None:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in resource.table.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
            for row in resource.table.rows
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return "".join(parts)


def _cell(value: str | int | float | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else format_number(value)


def _field_html(number: int, field: DeliverableField) -> str:
    label = html.escape(field.label)
    parts = [f"<h4>{number}. {label}</h4>", field.help_html]
    if isinstance(field, LongTextField):
        if field.min_length:
            parts.append(f"<p>字數：{field.min_length}–{field.max_length} 字。</p>")
        else:
            parts.append(f"<p>字數：最多 {field.max_length} 字。</p>")
    elif isinstance(field, TableField):
        parts.append(_table_field_html(field))
    elif isinstance(field, ChecklistField):
        items = "".join(f"<li>{html.escape(item.text)}</li>" for item in field.items)
        rule = "每一項都須完成。" if field.require_all else "未完成的項目請說明原因。"
        parts.append(f"<p>逐項核對，寫下「已完成」或原因；{rule}</p><ol>{items}</ol>")
    elif isinstance(field, LinkField):
        parts.append("<p>貼上網址（http:// 或 https:// 開頭）。</p>")
    if not field.required:
        parts.append("<p>選填：沒有的話請寫「無」。</p>")
    return "".join(parts)


def _table_field_html(field: TableField) -> str:
    labels = {c.id: c.label for c in field.columns}
    head = "".join(f"<th>{html.escape(c.label)}</th>" for c in field.columns)
    notes = [
        f"{column.label}＝{_formula_text(column.formula, labels)}"
        for column in field.columns
        if column.formula is not None
    ]
    if field.totals:
        notes.append("最後一列寫合計：" + "、".join(labels[c] for c in field.totals))
    rows = f"{field.rows.min}–{field.rows.max}"
    text = f"<p>依下列欄位作答，一列一行、欄位間以「｜」分隔，共 {rows} 列。</p>"
    text += f"<table><thead><tr>{head}</tr></thead></table>"
    if notes:
        text += "<p>" + html.escape("；".join(notes)) + "。</p>"
    return text


def _formula_text(formula: str, labels: dict[str, str]) -> str:
    """`round(good / total * 100, 1)` as a learner reads it: （4 星以上 ÷ 評價數 × 100，四捨五入到小數 1 位）."""
    return _readable(parse_formula(formula).tree, labels, 0)


def _readable(node: Node, labels: dict[str, str], outer: int) -> str:
    kind = node[0]
    if kind == "num":
        return _cell(float(node[1]))  # type: ignore[arg-type]
    if kind == "col":
        return labels.get(str(node[1]), str(node[1]))
    if kind == "neg":
        return "-" + _readable(node[1], labels, 3)  # type: ignore[arg-type]
    if kind == "round":
        inner = _readable(node[1], labels, 0)  # type: ignore[arg-type]
        return f"（{inner}，四捨五入到小數 {node[2]} 位）"
    rank = _RANK[str(kind)]
    left = _readable(node[1], labels, rank)  # type: ignore[arg-type]
    right = _readable(node[2], labels, rank + 1)  # type: ignore[arg-type]  # a - (b - c) keeps its brackets
    text = f"{left} {_OPERATORS[str(kind)]} {right}"
    return f"（{text}）" if rank < outer else text
