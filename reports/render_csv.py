"""The report as one long CSV table, a row per fact, for spreadsheets and pivot tables.

Columns: section (knowledge, activity, task, reflection, question, skipped), learner, item, label, status,
value, max, when, source, text. A question row has its K items as label, share correct as status, and
correct / answered as value / max.
"""

from __future__ import annotations

import csv
import io

from .model import Report

HEADER = ["section", "learner", "item", "label", "status", "value", "max", "when", "source", "text"]


def report_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)

    pads = [("",) * n for n in range(len(HEADER) + 1)]  # built once: a row per fact, ~10^6 rows

    def row(*cells: object) -> None:
        writer.writerow(cells + pads[max(0, len(HEADER) - len(cells))])  # every row as wide as the header

    labels = {k.id: k.label for k in report.knowledge}
    for cols in report.tasks:
        labels[cols.task.id] = cols.task.label
        labels.update({a.id: a.label for a in cols.activities})
    nums: dict[float | None, str] = {}  # earned / available values repeat across learners: format each once
    joined: dict[tuple[str, ...], str] = {}

    def num(value: float | None) -> str:
        text = nums.get(value)
        if text is None:
            text = nums[value] = _num(value)
        return text

    def sources(names: tuple[str, ...]) -> str:
        text = joined.get(names)
        if text is None:
            text = joined[names] = "+".join(names)
        return text

    # A learner's rows in one call (~35 rows each, a million in all), padded to the header's width as row() does.
    knowledge_pad, activity_pad, task_pad = (pads[len(HEADER) - n] for n in (9, 5, 7))
    for lr in report.learners:
        name = lr.learner
        rows: list[tuple[object, ...]] = [
            ("knowledge", name, k, labels[k], c.status, num(c.earned), num(c.available), c.when or "",
             sources(c.sources)) + knowledge_pad
            for k, c in lr.knowledge.items()
        ]  # fmt: skip
        rows += [
            ("activity", name, a, labels[a], status) + activity_pad for a, status in lr.activities.items()
        ]
        rows += [
            ("task", name, t, labels[t], p.status, p.done, p.total) + task_pad for t, p in lr.tasks.items()
        ]
        writer.writerows(rows)
    for att in report.attitudes:
        for r in att.reflections:
            row("reflection", r.learner, att.item.id, att.item.label, r.reflection, r.rating or "", 5,
                r.when or "", r.source, _cell(r.text))  # fmt: skip
    for q in report.questions:
        row("question", "", q.id, " ".join(q.knowledge), _num(q.share_correct), q.correct, q.answered)
    for line in report.skipped:
        row("skipped", "", "", "", line)
    return out.getvalue()


def _cell(text: str | None) -> str:
    """A learner's text, never read as a formula by a spreadsheet (a leading = + - @ gets a quote)."""
    if not text:
        return ""
    return "'" + text if text[0] in "=+-@" else text


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)
