"""report.html's performance-task section: per learner, each task's state and levels, the O items, the P and S
items (TASKS_SPEC §6). Self-ratings are shown apart, in brackets, and never coloured as reached."""

from __future__ import annotations

from collections.abc import Iterator

from .model import LearnerRow, PerformanceCell, Report, RubricCell
from .shared_cells import Shared


def performance_html(report: Report, t: dict[str, str]) -> Iterator[str]:
    """The section's pieces, each made when it is asked for (render_html writes them as they come)."""
    if not report.performance:
        return
    # In a large class the groups start closed, as the reflections do: the page stays short until opened.
    # Imported here: render_html imports this module for its section list.
    from .render_html import SYMBOL, _grouped, _legend, esc

    def task_cell(c: PerformanceCell) -> str:
        css = "p-mastered" if c.passed else "p-not_mastered" if c.state == "rated" else f"p-{c.state}"
        levels = " ".join(f"{k} {v}" for k, v in c.levels.items())
        own = " ".join(f"{k} {v}" for k, v in c.self_levels.items())
        words = [t[c.state]]
        if c.passed is not None:
            words.append(t["passed"] if c.passed else t["not_passed"])
        if c.points is not None:
            words.append(f"{c.points:g}/{c.max_points:g}")
        body = esc("，".join(words))
        if levels:
            body += f"<br>{esc(levels)}"
        if own:
            apart = t["self_apart"].format(levels=f"{t['self']} {own}")
            body += f'<br><span class="self">{esc(apart)}</span>'
        return f'<td class="cell {css}">{body}</td>'

    def rubric_cell(item: str, c: RubricCell) -> str:
        shown = str(min(c.levels.values())) if c.levels else SYMBOL[c.status]
        tip = "; ".join(f"{k}: {v}" for k, v in c.levels.items())
        own = "; ".join(f"{k}: {v}" for k, v in c.self_levels.items())
        if own:
            tip += f" ({t['self']} {own})" if tip else f"{t['self']} {own}"
        title = f"{item} · {t[c.status]}" + (f" · {tip}" if tip else "")
        extra = (
            f' <span class="self">{esc(t["self_apart"].format(levels=min(c.self_levels.values())))}</span>'
            if c.self_levels and not c.levels
            else ""
        )
        return f'<td class="cell p-{c.status}" title="{esc(title)}">{esc(shown)}{extra}</td>'

    by_label = {o.id: o.label for o in report.outputs} | {i.id: i.label for i in report.rubric}

    def heading(labels: list[tuple[str, str]]) -> str:
        cells = "".join(f'<th scope="col" title="{esc(text)}">{esc(label)}</th>' for label, text in labels)
        return f'<tr><th scope="col">{esc(t["learner"])}</th>{cells}</tr>'

    def learner(r: LearnerRow, cells: str) -> str:
        return f'<tr><th scope="row" class="learner">{esc(r.learner)}</th>{cells}</tr>'

    # A row's cells, made once for the cells learners share (build_report: those who handed nothing in).
    task_cells = Shared(lambda cells: "".join(task_cell(cells[p.task.id]) for p in report.performance))
    output_cells = Shared(
        lambda statuses: "".join(
            f'<td class="cell p-{statuses[o.id]}" title="{esc(o.label)}: {esc(t[statuses[o.id]])}">'
            f"{SYMBOL[statuses[o.id]]}</td>"
            for o in report.outputs
        )
    )
    rubric_cells = Shared(
        lambda cells: "".join(rubric_cell(by_label[i.id], cells[i.id]) for i in report.rubric)
    )
    items = "".join(f"<li>{esc(i.label)}：{esc(i.text)}</li>" for i in (*report.outputs, *report.rubric))
    yield f'<p class="note">{esc(t["performance_note"])}</p>' + _legend(
        "p", ("rated", "not_mastered", "awaiting_rating", "not_submitted"), t
    )
    yield from _grouped(
        "performance",
        heading([(f"{p.task.id} {p.task.text}", p.task.text) for p in report.performance]),
        report.learners,
        lambda r: learner(r, task_cells(r.performance)),
        t,
        t["performance"],
        first_open=False,
    )
    yield f"<h3>{esc(t['outputs'])}</h3>"
    yield from _grouped(
        "outputs",
        heading([(o.label, o.text) for o in report.outputs]),
        report.learners,
        lambda r: learner(r, output_cells(r.outputs)),
        t,
        t["outputs"],
        first_open=False,
    )
    yield f"<h3>{esc(t['rubric'])}</h3>"
    yield from _grouped(
        "rubric",
        heading([(i.label, i.text) for i in report.rubric]),
        report.learners,
        lambda r: learner(r, rubric_cells(r.rubric)),
        t,
        t["rubric"],
        first_open=False,
    )
    yield f'<ul class="note">{items}</ul>'
