"""The printable 實作評量表 of one learner and one performance task: A4 HTML (and PDF through reports/pdf.py).

The task and the O items it produces, the brief, the learner's deliverable as submitted (or ruled space for a
face-to-face rating), the rubric with each criterion's P, S, K and A codes (told apart where the standard
prints a code twice: Standard.distinct_label), its levels, the learner's self-rating, and boxes for the
instructor's level, points, comment, signature and date. Learner text is escaped; course text is the course's
own rendered Markdown.
"""

from __future__ import annotations

from html import escape

from ..modules.standard import Standard
from ..performance.codec import DecodeError, decode_field
from ..performance.model import ChecklistField, DeliverableField, LinkField, TableField, Task
from ..performance.table import fill_table
from .task_states import TaskState
from .times import iso

CSS = """
@page{size:A4;margin:16mm 14mm 18mm;@bottom-right{content:counter(page) " / " counter(pages);font-size:9pt}}
body{font-family:"Noto Sans CJK TC","Noto Sans TC",sans-serif;font-size:10.5pt;line-height:1.5;color:#111}
h1{font-size:16pt;margin:0 0 .3em}h2{font-size:12pt;border-bottom:1px solid #888;margin:1em 0 .4em}
table{border-collapse:collapse;width:100%;margin:.3em 0}th,td{border:1px solid #777;padding:3px 5px;vertical-align:top}
th{background:#eee;text-align:left}.meta td,.meta th{border:none;padding:1px 6px 1px 0}
.answer{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #aaa;padding:4px 6px;margin:.2em 0 .6em}
.blank{border:1px solid #aaa;min-height:40mm;margin:.2em 0 .6em;color:#666;padding:4px 6px}
.box{min-width:14mm;height:10mm}.code{white-space:nowrap;font-size:8.5pt}.levels p{margin:0 0 .2em}.num{text-align:right}
.sign td{border:none;padding-top:10mm}tr{break-inside:avoid}
"""


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def rating_form_html(standard: Standard, state: TaskState) -> str:
    task = state.task
    sub = state.submission
    when = iso(sub.origin.when) if sub else None
    handed_in = (
        f"已繳交（{esc(when)}）"
        if sub and when
        else "已繳交"
        if sub
        else "未繳交：現場評量，請於下方空白處記錄"
    )
    outputs = "".join(
        f"<li>{esc(standard.distinct_label(o))}　{esc(standard.index[o].text or '')}</li>"
        for o in task.outputs
    )
    activity = standard.index[task.activity]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-Hant-TW"><head><meta charset="utf-8">',
        f"<title>實作評量表 {esc(task.id)} {esc(state.learner)}</title><style>{CSS}</style></head><body>",
        f"<h1>實作評量表：{esc(task.title)}</h1>",
        '<table class="meta">',
        f"<tr><th>學員</th><td>{esc(state.learner)}</td><th>任務</th><td>{esc(task.id)}</td></tr>",
        f"<tr><th>工作任務</th><td>{esc(standard.distinct_label(activity.id))}　{esc(activity.text or '')}</td>"
        f"<th>預估時間</th><td>{task.minutes} 分鐘</td></tr>",
        f"<tr><th>繳交</th><td colspan=3>{handed_in}</td></tr></table>",
        f"<h2>工作產出（O）</h2><ul>{outputs}</ul>",
        f"<h2>任務說明</h2>{task.brief_html}",
        "<h2>學員成果</h2>",
        *(_field(f, sub.fields.get(f.id) if sub else None, sub is not None) for f in task.deliverable),
        "<h2>評分規準</h2>",
        _rubric(standard, state),
        _verdict(task),
        '<table class="sign"><tr><td>評分者簽名：＿＿＿＿＿＿＿＿＿＿</td><td>日期：＿＿＿＿年＿＿月＿＿日</td></tr></table>',
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _field(field: DeliverableField, text: str | None, submitted: bool) -> str:
    head = f"<h3>{esc(field.label)}</h3>"
    if text is None:  # left empty in a submission: said in one line; no submission: room to write in
        return (
            f'{head}<div class="answer">（未填寫）</div>'
            if submitted
            else f'{head}<div class="blank">（現場評量記錄）</div>'
        )
    try:
        value = decode_field(field, text)
    except DecodeError:
        return f'{head}<div class="answer">{esc(text)}</div>'
    if isinstance(field, TableField) and isinstance(value, list):
        rows = [r for r in value if isinstance(r, list)]
        filled = fill_table(field, rows)
        head_row = "".join(f"<th>{esc(c.label)}</th>" for c in field.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{esc(_shown(r.get(c.id)))}</td>" for c in field.columns) + "</tr>"
            for r in filled.rows
        )
        if field.totals:
            body += (
                "<tr>"
                + "".join(
                    f'<td class="num"><b>{esc(_shown(filled.totals.get(c.id)))}</b></td>'
                    if c.id in filled.totals
                    else "<td>合計</td>"
                    if i == 0
                    else "<td></td>"
                    for i, c in enumerate(field.columns)
                )
                + "</tr>"
            )
        return f"{head}<table><thead><tr>{head_row}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(field, ChecklistField) and isinstance(value, list):
        ticked = set(value)
        items = "".join(f"<li>{'☑' if i.id in ticked else '☐'} {esc(i.text)}</li>" for i in field.items)
        return f'{head}<ul style="list-style:none;padding-left:0">{items}</ul>'
    kind = " link" if isinstance(field, LinkField) else ""
    return f'{head}<div class="answer{kind}">{esc(value)}</div>'


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    return str(value)


def _rubric(standard: Standard, state: TaskState) -> str:
    own = state.self_rating.levels if state.self_rating else {}
    rows = []
    for c in state.task.rubric:
        codes = "<br>".join(  # one code a line, never broken: each is read whole
            f'<span class="code">{esc(standard.distinct_label(i))}</span>'
            for i in [*c.indicators, *c.skills, *c.knowledge, *c.attitudes]
        )
        levels = "".join(
            f"<p><b>{n}</b> {esc(lv.label)}（{lv.points:g} 分）：{esc(lv.descriptor)}</p>"
            for n, lv in enumerate(c.levels, start=1)
        )
        mine = own.get(c.id)
        rows.append(
            f"<tr><td><b>{esc(c.title)}</b><br>{codes}</td><td class=levels>{levels}</td>"
            f"<td>{esc(mine) if mine else '—'}</td><td class=box></td><td class=box></td></tr>"
        )
    return (
        '<table><thead><tr><th style="width:34%">規準與指標</th><th>等級（1 最低）</th><th style="width:8%">自評</th>'
        '<th style="width:11%">講師評定等級</th>'
        f"<th>得分</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _verdict(task: Task) -> str:
    rule = task.pass_rule
    top = sum(c.max_points for c in task.rubric)
    return (
        f"<p>通過標準：每項規準達 {rule.min_level} 級以上，且總分達滿分 {top:g} 分的 {rule.min_percent:g}% 以上。</p>"
        '<table><tr><th style="width:20%">總分</th><td class=box></td><th style="width:20%">結果</th>'
        "<td>□ 通過　□ 未通過</td></tr>"
        '<tr><th>評語</th><td colspan=3 style="height:25mm"></td></tr></table>'
    )
