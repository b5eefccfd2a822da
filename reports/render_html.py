"""The report as one self-contained HTML page: inline CSS and SVG, no scripts, no external assets; works
offline and reads the same without JavaScript.

Order: the class view (how much of the class reached each item), the per-learner tables (in groups of
GROUP learners, each a <details>, so 500+ learners stay a page one can scroll), the rest, the merge rules last.
Every piece of learner or course text goes through `esc` (html.escape, quotes included), so a reflection
containing `<script>` is shown as text.

The page is made while it is written: each section is an iterator of pieces (a group of learners each), and
only the first piece of each is made before the contents list (which names the sections that show something),
so a page of 10,000 learners (about 150 MB) is never held whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from html import escape
from itertools import chain
from typing import TypeVar

from .class_view_svg import distribution_chart, share_chart
from .labels import HTML_LANG, LABELS
from .model import SCORE_BANDS, AttitudeSummary, ItemShare, LearnerRow, Report
from .render_performance import performance_html

SYMBOL = {
    "mastered": "✓",
    "not_mastered": "✗",
    "incomplete": "…",
    "not_attempted": "·",
    "completed": "✓",
    "awaiting_rating": "…",
    "rated": "✓",
    "self_rated": "…",
    "submitted": "…",
    "not_submitted": "·",
}
GROUP = 100  # learners (or reflections) per <details> group
T = TypeVar("T")
Pieces = Iterator[str]  # a large section's HTML in pieces (a group of learners each), made as written

CSS = """
body{font-family:system-ui,"Noto Sans CJK TC","Noto Sans TC",sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d0d0;padding:.2rem .4rem;text-align:center}
th.learner,th.item,td.text{text-align:left}th.learner{white-space:nowrap}.rule,.note{font-size:.9rem;color:#444;max-width:60rem}
.cell{min-width:2rem;font-weight:bold}
.k-mastered,.a-completed{background:#1a7f37;color:#fff}.k-not_mastered{background:#f4b400;color:#1b1b1b}
.k-incomplete,.a-incomplete{background:#fbe3a0;color:#1b1b1b}
.k-not_attempted,.a-not_attempted{background:#eee;color:#505050}
.p-rated,.p-mastered{background:#1a7f37;color:#fff}.p-not_mastered{background:#f4b400;color:#1b1b1b}
.p-submitted,.p-self_rated,.p-awaiting_rating{background:#dbe7fb;color:#1b1b1b}
.p-not_submitted,.p-not_attempted{background:#eee;color:#505050}.self{font-weight:normal}
.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.5rem}
.bars td{text-align:left}.bar{display:inline-block;height:.8rem;background:#3367d6;vertical-align:middle}
blockquote{white-space:pre-wrap;border-left:3px solid #3367d6;margin:.3rem 0 .8rem;padding:.2rem .6rem;
background:#f7f9fc;overflow-wrap:anywhere}
.hard{background:#fde7e9}summary{cursor:pointer;padding:.2rem 0}nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;list-style:none}
svg{vertical-align:middle}
.scroll{overflow-x:auto;max-width:100%}caption{text-align:left}thead th{word-break:keep-all}td{min-width:3em}th.item{min-width:8em}
td.text{min-width:12em}.cell{white-space:nowrap}code{overflow-wrap:anywhere}
nav a,summary{display:inline-block;box-sizing:border-box;min-height:44px;min-width:44px;padding:.6rem 0}
"""


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def scroll_box(label: str, table: str) -> str:
    """A table in a box of its own that scrolls sideways: on a phone the table scrolls, not the page, and its
    columns keep their words. The box takes keyboard focus (to scroll it) and is named, uniquely on the page."""
    return f'<div class="scroll" role="region" tabindex="0" aria-label="{esc(label)}">{table}</div>'


def report_html(report: Report, lang: str = "zh-TW") -> str:
    return b"".join(report_html_chunks(report, lang)).decode("utf-8")


def report_html_chunks(report: Report, lang: str = "zh-TW") -> Iterator[bytes]:
    """report.html as UTF-8 pieces, each section encoded as soon as it is made: the page of 10,000 learners
    (about 100 MB) is never held as text, nor whole (`zhineng report` writes the pieces one by one)."""
    t = LABELS[lang]
    sources = ", ".join(f"{esc(k)} {v}" for k, v in report.sources.items()) or t["none"]
    sections: list[tuple[str, Callable[[], str | Pieces]]] = [
        ("class", lambda: _class_view(report, t)),
        ("knowledge", lambda: _heatmap(report, t)),
        ("completion", lambda: _completion(report, t)),
        ("performance", lambda: performance_html(report, t)),
        ("attitudes", lambda: _attitudes(report, t)),
        ("questions", lambda: _questions(report, t)),
        ("practice", lambda: _practice(report, t)),
        ("skipped", lambda: _skipped(report, t)),
        ("rule", lambda: f'<p class="rule">{esc(t["rule_text"] or report.rule)}</p>'),
    ]
    shown: list[tuple[str, Iterator[bytes]]] = []
    for key, make in sections:
        made = make()
        pieces = iter((made,) if isinstance(made, str) else made)
        first = next((p for p in pieces if p), None)  # a section with nothing to show is left out
        if first is not None:
            shown.append((key, chain((first.encode("utf-8"),), _encoded(pieces))))
    nav = "".join(f'<li><a href="#{key}">{esc(t[key])}</a></li>' for key, _encoded_pieces in shown)
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{HTML_LANG[lang]}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(report.title)} — {esc(t['report'])}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<header><h1>{esc(report.title)}：{esc(t['report'])}</h1>",
        f"<p>{t['learners_read'].format(n=len(report.learners), sources=sources)}</p></header>",
        f'<nav aria-label="{esc(t["contents"])}"><ul>{nav}</ul></nav>',
        "<main>",
    ]
    yield "\n".join(head).encode("utf-8")
    for key, encoded in shown:  # one line each, as every part of the page is
        yield f'\n<section aria-labelledby="{key}"><h2 id="{key}">{esc(t[key])}</h2>'.encode()
        yield from encoded
        yield b"</section>"
    yield b"\n</main></body></html>\n"


def _encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    for piece in pieces:
        if piece:
            yield piece.encode("utf-8")


def _class_view(report: Report, t: dict[str, str]) -> str:
    n = len(report.learners)
    out = [f'<p class="note">{esc(t["class_note"].format(n=n))}</p>']
    for kind in ("knowledge", "activity", "task", "output", "indicator", "skill", "attitude"):
        items = [i for i in report.class_view if i.kind == kind]
        if items:
            out.append(_class_table(kind, items, n, t))
    return "".join(out)


def _class_table(kind: str, items: Sequence[ItemShare], learners: int, t: dict[str, str]) -> str:
    reached = t[f"reached_{kind}"]
    extra = ""
    if kind == "knowledge":
        extra = f'<th scope="col">{esc(t["scores"])}</th>'
    elif kind == "attitude":
        extra = f'<th scope="col">{esc(t["ratings"])}</th><th scope="col">{esc(t["reflections"])}</th>'
    elif kind in ("indicator", "skill"):
        extra = f'<th scope="col">{esc(t["levels"])}</th>'
    rows = []
    for i in items:
        share = "—" if i.share is None else f"{i.share:.0%}"
        counts = (i.reached, i.on_the_way, i.not_attempted)
        words = (reached, t["on_the_way"], t["not_attempted"])
        summary = "、".join(f"{w} {n}" for w, n in zip(words, counts, strict=True))
        cells = [
            f'<th scope="row" class="item" title="{esc(i.text)}">{esc(i.label)} {esc(i.text)}</th>',
            f"<td>{i.reached}/{learners}</td><td>{share}</td>",
            f"<td>{share_chart(counts, learners, summary)}</td>",
        ]
        if kind == "knowledge":
            bands = "、".join(f"{b} {n}" for b, n in zip(SCORE_BANDS, i.distribution, strict=True))
            cells.append(f"<td>{distribution_chart(i.distribution, bands)}</td>")
        elif kind in ("indicator", "skill"):
            levels = "、".join(f"{n + 1}: {c}" for n, c in enumerate(i.distribution))
            cells.append(f"<td>{distribution_chart(i.distribution, levels)}</td>")
        elif kind == "attitude":
            ratings = "、".join(f"{n + 1}: {c}" for n, c in enumerate(i.distribution))
            cells.append(f"<td>{distribution_chart(i.distribution, ratings)}</td><td>{i.reflections}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return scroll_box(
        t[f"{kind}_items"],
        f'<table class="class-{kind}"><caption>{esc(t[f"{kind}_items"])}</caption><thead><tr>'
        f'<th scope="col">{esc(t["item"])}</th><th scope="col">{esc(reached)}</th>'
        f'<th scope="col">{esc(t["share"])}</th><th scope="col">{esc(t["chart"])}</th>{extra}'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>",
    )


def _legend(prefix: str, keys: tuple[str, ...], t: dict[str, str]) -> str:
    items = "".join(f'<span class="{prefix}-{k}">{SYMBOL[k]} {esc(t[k])}</span>' for k in keys)
    return f'<p class="legend">{items}</p>'


def _in_groups(
    items: Sequence[T],
    whole: Callable[[Sequence[T]], str],
    name: Callable[[int, Sequence[T]], str],
    first_open: bool,
) -> Pieces:
    """whole(items) up to GROUP items, else one <details> per GROUP items, its summary name(start, part); as
    pieces, one a group, each made when it is asked for (a section of 10,000 learners is written piece by
    piece)."""
    if len(items) <= GROUP:
        yield whole(items)
        return
    for start in range(0, len(items), GROUP):
        part = items[start : start + GROUP]
        is_open = " open" if first_open and start == 0 else ""
        yield f"<details{is_open}><summary>{esc(name(start, part))}</summary>{whole(part)}</details>"


def _grouped(
    cls: str,
    head: str,
    learners: Sequence[LearnerRow],
    row: Callable[[LearnerRow], str],
    t: dict[str, str],
    label: str,
    first_open: bool = True,
) -> Pieces:
    """A per-learner table: whole up to GROUP learners, else one table (with its own header row) per GROUP
    learners in a <details> named by their range and first and last learner, the first one open unless told.
    label names the table's scroll box; a group's box adds its first and last learner."""
    return _in_groups(
        learners,
        lambda part: scroll_box(
            t["table_box"].format(
                name=label if len(part) == len(learners) else f"{label} {part[0].learner}–{part[-1].learner}"
            ),
            f'<table class="{cls}"><thead>{head}</thead><tbody>{"".join(map(row, part))}</tbody></table>',
        ),
        lambda start, part: t["learners_range"].format(
            first=start + 1, last=start + len(part), a=part[0].learner, b=part[-1].learner
        ),
        first_open=first_open,
    )


def _heatmap(report: Report, t: dict[str, str]) -> Pieces:
    head = "".join(f'<th scope="col" title="{esc(k.text)}">{esc(k.label)}</th>' for k in report.knowledge)
    # html.escape works character by character, so the escaped learner name can be spliced into each cell's
    # tooltip, and the rest of a cell (the same for every learner with the same result) is built once.
    ends: dict[tuple[str, str, float | None, float | None], tuple[str, str]] = {}

    def row(r: LearnerRow) -> str:
        learner = esc(r.learner)
        cells = []
        for k in report.knowledge:
            c = r.knowledge[k.id]
            key = (k.id, c.status, c.earned, c.available)
            end = ends.get(key)
            if end is None:
                end = ends[key] = _heat_cell(k.id, k.label, t[c.status], c.status, c.earned, c.available)
            cells.append(end[0] + learner + end[1])
        return f'<tr><th scope="row" class="learner">{learner}</th>{"".join(cells)}</tr>'

    yield _legend("k", ("mastered", "not_mastered", "incomplete", "not_attempted"), t)
    yield from _grouped(
        "heatmap",
        f'<tr><th scope="col">{esc(t["learner"])}</th>{head}</tr>',
        report.learners,
        row,
        t,
        t["knowledge"],
    )
    yield (
        '<ul class="note">'
        + "".join(f"<li>{esc(k.label)}：{esc(k.text)}</li>" for k in report.knowledge)
        + "</ul>"
    )


def _heat_cell(
    kid: str, label: str, word: str, status: str, earned: float | None, available: float | None
) -> tuple[str, str]:
    """A heatmap cell as the parts before and after the (escaped) learner name in its tooltip."""
    score = f" ({earned:g}/{available:g})" if earned is not None and available else ""
    tip = f" · {label}: {word}{score}"
    return (
        f'<td class="cell k-{status}" data-k="{esc(kid)}" title="',
        f'{esc(tip)}">{SYMBOL[status]}</td>',
    )


def _completion(report: Report, t: dict[str, str]) -> Pieces:
    top = "".join(
        f'<th scope="colgroup" colspan="{len(c.activities) + 1}">{esc(c.task.label)} {esc(c.task.text)}</th>'
        for c in report.tasks
    )
    sub = "".join(
        "".join(f'<th scope="col" title="{esc(a.text)}">{esc(a.label)}</th>' for a in c.activities)
        + f'<th scope="col">{esc(t["task"])}</th>'
        for c in report.tasks
    )
    # No cell of this table depends on the learner: build each distinct cell once.
    act_cells: dict[tuple[str, str], str] = {}
    task_cells: dict[tuple[str, int, int], str] = {}

    def row(r: LearnerRow) -> str:
        cells = []
        for c in report.tasks:
            for a in c.activities:
                s = r.activities[a.id]
                cell = act_cells.get((a.id, s))
                if cell is None:
                    cell = act_cells[(a.id, s)] = (
                        f'<td class="cell a-{s}" title="{esc(a.label)}: {esc(t[s])}">{SYMBOL[s]}</td>'
                    )
                cells.append(cell)
            p = r.tasks[c.task.id]
            tkey = (p.status, p.done, p.total)
            cell = task_cells.get(tkey)
            if cell is None:
                cell = task_cells[tkey] = f'<td class="cell a-{p.status}">{p.done}/{p.total}</td>'
            cells.append(cell)
        return f'<tr><th scope="row" class="learner">{esc(r.learner)}</th>{"".join(cells)}</tr>'

    head = f'<tr><th scope="col" rowspan="2">{esc(t["learner"])}</th>{top}</tr><tr>{sub}</tr>'
    yield _legend("a", ("completed", "incomplete", "not_attempted"), t)
    yield from _grouped("completion", head, report.learners, row, t, t["completion"])


def _attitude(att: AttitudeSummary, t: dict[str, str]) -> str:
    most = max(att.ratings.values(), default=0) or 1
    bars = "".join(
        f'<tr><th scope="row">{n}</th><td><span class="bar" style="width:{10 * count / most:.1f}rem"></span> '
        f"{count}</td></tr>"
        for n, count in att.ratings.items()
    )
    texts = []
    for r in att.reflections:
        rating = f"{r.rating}/5" if r.rating else "—"
        body = (
            f"<blockquote>{esc(r.text)}</blockquote>"
            if r.text
            else f'<p class="note">{esc(t["no_text"])}</p>'
        )
        texts.append(
            f'<li class="reflection"><strong>{esc(r.learner)}</strong> · {esc(r.reflection)} · '
            f"{esc(rating)} · {esc(r.when or t['undated'])} · {esc(r.source)}{body}</li>"
        )
    # A large class: the names and texts wait in closed groups, so the section stays short until opened.
    who = (", ".join(esc(x) for x in att.learners) or "—") if len(att.learners) <= GROUP else "…"
    texts_html = "".join(
        _in_groups(
            texts,
            lambda part: f"<ul>{''.join(part)}</ul>",
            lambda start, part: t["reflections_range"].format(first=start + 1, last=start + len(part)),
            first_open=False,
        )
    )
    return (
        f'<section class="attitude" id="{esc(att.item.id)}"><h3>{esc(att.item.label)} {esc(att.item.text)}</h3>'
        f"<p>{t['reflected_by'].format(n=len(att.learners), who=who)}</p>"
        + scroll_box(
            f"{att.item.label} {t['self_ratings']}",
            f'<table class="bars"><caption>{esc(t["self_ratings"])}</caption>{bars}</table>',
        )
        + f"{texts_html}</section>"
    )


def _attitudes(report: Report, t: dict[str, str]) -> Pieces:
    return (_attitude(a, t) for a in report.attitudes)


def _questions(report: Report, t: dict[str, str]) -> str:
    order = sorted(report.questions, key=lambda q: (q.share_correct is None, q.share_correct or 0.0, q.id))
    rows = "".join(
        f"<tr{' class=hard' if q.share_correct is not None and q.share_correct < 0.3 else ''}>"
        f'<th scope="row" class="item">{esc(q.id)}</th><td class="text">{esc(" ".join(q.text.split()))}</td>'
        f"<td>{esc(q.activity)}</td><td>{esc(' '.join(q.knowledge))}</td>"
        f"<td>{q.answered}</td><td>{q.correct}</td>"
        f"<td>{'—' if q.share_correct is None else f'{q.share_correct:.0%}'}</td></tr>"
        for q in order
    )
    cols = ("question", "text", "activity", "K", "answered", "correct", "share_correct")
    return _noted_table(
        "questions",
        t["table_box"].format(name=t["questions"]),
        t["questions_note"],
        [t.get(c, c) for c in cols],
        rows,
    )


def _practice(report: Report, t: dict[str, str]) -> str:
    """cmi5 Browse and Review sessions: the learner looked around or revisited; never mastery evidence."""
    if not report.practice:
        return ""
    rows = "".join(
        f'<tr><th scope="row" class="learner">{esc(p.learner)}</th><td>{esc(p.mode)}</td><td>{p.answered}</td>'
        f"<td>{p.correct}</td><td>{esc(p.when or '')}</td></tr>"
        for p in report.practice
    )
    cols = ("learner", "mode", "answered", "correct", "latest")
    return _noted_table(
        "practice", t["table_box"].format(name=t["practice"]), t["practice_note"], [t[c] for c in cols], rows
    )


def _noted_table(css_class: str, label: str, note: str, headings: list[str], rows: str) -> str:
    """A note, then a table whose column headings are the given words (rows already rendered)."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headings)
    return f'<p class="note">{esc(note)}</p>' + scroll_box(
        label, f'<table class="{css_class}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def _skipped(report: Report, t: dict[str, str]) -> str:
    if not report.skipped:
        return f"<p>{esc(t['nothing_skipped'])}</p>"
    items = "".join(f"<li><code>{esc(s)}</code></li>" for s in report.skipped)
    return f'<ul class="skipped">{items}</ul>'
