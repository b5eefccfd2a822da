"""The report as one self-contained HTML page: inline CSS, no scripts, no external assets; works offline.

Every piece of learner or course text goes through `esc` (html.escape, quotes included), so a reflection
containing `<script>` is shown as text.
"""

from __future__ import annotations

from html import escape

from .model import AttitudeSummary, Report

SYMBOL = {"mastered": "✓", "not_yet": "✗", "not_attempted": "·", "completed": "✓"}
WORDS = {
    "mastered": "已精熟 mastered",
    "not_yet": "尚未 not yet",
    "not_attempted": "未作答 not attempted",
    "completed": "完成 completed",
}

CSS = """
body{font-family:system-ui,"Noto Sans TC",sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d0d0;padding:.2rem .4rem;text-align:center}
th.learner{text-align:left;white-space:nowrap}.rule,.note{font-size:.9rem;color:#444;max-width:60rem}
.cell{min-width:2rem;font-weight:bold}
.k-mastered,.a-completed{background:#1a7f37;color:#fff}.k-not_yet,.a-not_yet{background:#f4b400;color:#1b1b1b}
.k-not_attempted,.a-not_attempted{background:#eee;color:#777}
.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.5rem}
.bars td{text-align:left}.bar{display:inline-block;height:.8rem;background:#3367d6;vertical-align:middle}
blockquote{white-space:pre-wrap;border-left:3px solid #3367d6;margin:.3rem 0 .8rem;padding:.2rem .6rem;
background:#f7f9fc;overflow-wrap:anywhere}
.hard{background:#fde7e9}td.text{text-align:left}
"""


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def report_html(report: Report) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-Hant"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(report.title)} — 職能報告 competency report</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{esc(report.title)}：職能報告 competency report</h1>",
        f"<p>{len(report.learners)} learners; records read: "
        + (", ".join(f"{esc(k)} {v}" for k, v in report.sources.items()) or "none")
        + "</p>",
        f'<p class="rule" id="rule">{esc(report.rule)}</p>',
        _heatmap(report),
        _completion(report),
        _attitudes(report),
        _questions(report),
        _practice(report),
        _skipped(report),
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"  # a section with nothing to show is left out


def _legend(prefix: str, keys: tuple[str, ...]) -> str:
    items = "".join(f'<span class="{prefix}-{k}">{SYMBOL[k]} {esc(WORDS[k])}</span>' for k in keys)
    return f'<p class="legend">{items}</p>'


def _heatmap(report: Report) -> str:
    head = "".join(f'<th scope="col" title="{esc(k.text)}">{esc(k.label)}</th>' for k in report.knowledge)
    # html.escape works character by character, so the escaped learner name can be spliced into each cell's
    # tooltip, and the rest of a cell (the same for every learner with the same result) is built once.
    ends: dict[tuple[str, str, float | None, float | None], tuple[str, str]] = {}
    rows = []
    for row in report.learners:
        learner = esc(row.learner)
        cells = []
        for k in report.knowledge:
            c = row.knowledge[k.id]
            key = (k.id, c.status, c.earned, c.available)
            end = ends.get(key)
            if end is None:
                end = ends[key] = _heat_cell(k.id, k.label, c.status, c.earned, c.available)
            cells.append(end[0] + learner + end[1])
        rows.append(f'<tr><th scope="row" class="learner">{learner}</th>{"".join(cells)}</tr>')
    return (
        '<h2 id="knowledge">知識精熟度 Mastery per K item</h2>'
        + _legend("k", ("mastered", "not_yet", "not_attempted"))
        + f'<table class="heatmap"><thead><tr><th>學員 learner</th>{head}</tr></thead>'
        + f"<tbody>{''.join(rows)}</tbody></table>"
        + '<ul class="note">'
        + "".join(f"<li>{esc(k.label)}：{esc(k.text)}</li>" for k in report.knowledge)
        + "</ul>"
    )


def _heat_cell(
    kid: str, label: str, status: str, earned: float | None, available: float | None
) -> tuple[str, str]:
    """A heatmap cell as the parts before and after the (escaped) learner name in its tooltip."""
    score = f" ({earned:g}/{available:g})" if earned is not None and available else ""
    tip = f" · {label}: {WORDS[status]}{score}"
    return (
        f'<td class="cell k-{status}" data-k="{esc(kid)}" title="',
        f'{esc(tip)}">{SYMBOL[status]}</td>',
    )


def _completion(report: Report) -> str:
    top = "".join(
        f'<th colspan="{len(t.activities) + 1}">{esc(t.task.label)} {esc(t.task.text)}</th>'
        for t in report.tasks
    )
    sub = "".join(
        "".join(f'<th title="{esc(a.text)}">{esc(a.label)}</th>' for a in t.activities) + "<th>任務 task</th>"
        for t in report.tasks
    )
    # No cell of this table depends on the learner: build each distinct cell once.
    act_cells: dict[tuple[str, str], str] = {}
    task_cells: dict[tuple[str, int, int], str] = {}
    rows = []
    for row in report.learners:
        cells = []
        for t in report.tasks:
            for a in t.activities:
                s = row.activities[a.id]
                cell = act_cells.get((a.id, s))
                if cell is None:
                    cell = act_cells[(a.id, s)] = (
                        f'<td class="cell a-{s}" title="{esc(a.label)}: {esc(WORDS[s])}">{SYMBOL[s]}</td>'
                    )
                cells.append(cell)
            p = row.tasks[t.task.id]
            tkey = (p.status, p.done, p.total)
            cell = task_cells.get(tkey)
            if cell is None:
                cell = task_cells[tkey] = f'<td class="cell a-{p.status}">{p.done}/{p.total}</td>'
            cells.append(cell)
        rows.append(f'<tr><th scope="row" class="learner">{esc(row.learner)}</th>{"".join(cells)}</tr>')
    return (
        '<h2 id="completion">活動與任務完成 Completion per activity and task</h2>'
        + _legend("a", ("completed", "not_yet", "not_attempted"))
        + f'<table class="completion"><thead><tr><th rowspan="2">學員 learner</th>{top}</tr><tr>{sub}</tr></thead>'
        + f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _attitude(att: AttitudeSummary) -> str:
    most = max(att.ratings.values(), default=0) or 1
    bars = "".join(
        f'<tr><th>{n}</th><td><span class="bar" style="width:{10 * count / most:.1f}rem"></span> {count}</td></tr>'
        for n, count in att.ratings.items()
    )
    texts = []
    for r in att.reflections:
        rating = f"{r.rating}/5" if r.rating else "—"
        body = (
            f"<blockquote>{esc(r.text)}</blockquote>"
            if r.text
            else '<p class="note">(no text in this source)</p>'
        )
        texts.append(
            f'<li class="reflection"><strong>{esc(r.learner)}</strong> · {esc(r.reflection)} · '
            f"{esc(rating)} · {esc(r.when or 'undated')} · {esc(r.source)}{body}</li>"
        )
    who = ", ".join(esc(x) for x in att.learners) or "—"
    return (
        f'<section class="attitude" id="{esc(att.item.id)}"><h3>{esc(att.item.label)} {esc(att.item.text)}</h3>'
        f"<p>反思者 reflected ({len(att.learners)}): {who}</p>"
        f'<table class="bars"><caption>自評分布 self-ratings</caption>{bars}</table>'
        f"<ul>{''.join(texts)}</ul></section>"
    )


def _attitudes(report: Report) -> str:
    return '<h2 id="attitudes">態度反思 Reflections per A item</h2>' + "".join(
        _attitude(a) for a in report.attitudes
    )


def _questions(report: Report) -> str:
    order = sorted(report.questions, key=lambda q: (q.share_correct is None, q.share_correct or 0.0, q.id))
    rows = "".join(
        f'<tr class="{"hard" if q.share_correct is not None and q.share_correct < 0.3 else ""}">'
        f'<td class="text">{esc(q.id)}</td><td>{esc(q.activity)}</td><td>{esc(" ".join(q.knowledge))}</td>'
        f"<td>{q.answered}</td><td>{q.correct}</td>"
        f"<td>{'—' if q.share_correct is None else f'{q.share_correct:.0%}'}</td></tr>"
        for q in order
    )
    return (
        '<h2 id="questions">題目難度 Question difficulty</h2>'
        '<p class="note">Share of the learners who answered a question who got it right; hardest first.</p>'
        '<table class="questions"><thead><tr><th>題目 question</th><th>活動 activity</th><th>K</th>'
        f"<th>answered</th><th>correct</th><th>share correct</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _practice(report: Report) -> str:
    """cmi5 Browse and Review sessions: the learner looked around or revisited; never mastery evidence."""
    if not report.practice:
        return ""
    rows = "".join(
        f'<tr><td class="text">{esc(p.learner)}</td><td>{esc(p.mode)}</td><td>{p.answered}</td>'
        f"<td>{p.correct}</td><td>{esc(p.when or '')}</td></tr>"
        for p in report.practice
    )
    return (
        '<h2 id="practice">瀏覽與複習 Browse and Review sessions</h2>'
        '<p class="note">Answers given in cmi5 Browse or Review launches: shown here, not counted in mastery '
        "or question difficulty.</p>"
        '<table class="practice"><thead><tr><th>學員 learner</th><th>mode</th><th>answered</th>'
        f"<th>correct</th><th>latest</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _skipped(report: Report) -> str:
    if not report.skipped:
        return '<h2 id="skipped">略過的輸入 Skipped input</h2><p>None: every input was read.</p>'
    items = "".join(f"<li><code>{esc(s)}</code></li>" for s in report.skipped)
    return f'<h2 id="skipped">略過的輸入 Skipped input</h2><ul class="skipped">{items}</ul>'
