"""The report as one long CSV table, a row per fact, for spreadsheets and pivot tables.

Columns: section (class, knowledge, activity, task, performance, output, indicator, reflection, question, practice,
skipped), learner, item, label, status, value, max, when, source, text. A class row (the class view) has the item's
kind (knowledge, activity, task, output, indicator, skill, attitude) as status and learners who reached it / learners as value / max. A question row has its K items as label, share correct as status, and
correct / answered as value / max. A practice row (answers in cmi5 Browse or Review sessions, no mastery
evidence) has the launch mode as item and correct / answered as value / max. A performance row is a learner's
performance task: its state as status (TASKS_SPEC §6), points / max points as value / max, the raters as source,
and as text "passed" or "not passed" then the instructor's levels (criterion=level) and, apart, "self:" levels.
An output row is an O item's status. An indicator row is a P (or S) item: its status, the lowest instructor level
as value, the levels per "task/criterion" as text (self-ratings apart, after "self:").

Every text cell goes through _cell: learner ids, reflection ids and texts come from tracking files, labels from
course files, and a spreadsheet must show them, never run them (OWASP, "CSV Injection"). Number cells are the
renderer's own formatting of numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..quizzes.status import Status
from .model import PerformanceCell, Report, RubricCell
from .shared_cells import Shared

HEADER = ["section", "learner", "item", "label", "status", "value", "max", "when", "source", "text"]


def report_csv(report: Report) -> str:
    return b"".join(report_csv_chunks(report)).decode("utf-8")


CHUNK_CHARS = 1 << 22  # rows are handed on in UTF-8 pieces of about this many characters


def report_csv_chunks(report: Report) -> Iterator[bytes]:
    """report.csv as UTF-8 pieces, a few megabytes each, made as they are written (`zhineng report`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)

    pads = [("",) * n for n in range(len(HEADER) + 1)]  # built once: a row per fact, ~10^6 rows

    def row(*cells: object) -> None:
        writer.writerow(cells + pads[max(0, len(HEADER) - len(cells))])  # every row as wide as the header

    labels = {k.id: _cell(k.label) for k in (*report.knowledge, *report.outputs, *report.rubric)}
    for cols in report.tasks:
        labels[cols.task.id] = _cell(cols.task.label)
        labels.update({a.id: _cell(a.label) for a in cols.activities})
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

    # A learner's performance rows as CSV text around the place of their name, made once for the cells learners
    # share (build_report: those who handed nothing in); each learner's quoted name joins the pieces. Most of a
    # large class's rows are these (10,000 learners: 1.2 million of 1.7 million).
    performance_rows = Shared(
        lambda cells, outputs, rubric: _around_name(_performance_rows("", cells, outputs, rubric, labels))
    )

    # A learner's rows in one call (~35 rows each, a million in all), padded to the header's width as row() does.
    knowledge_pad, activity_pad, task_pad = (pads[len(HEADER) - n] for n in (9, 5, 7))
    for i in report.class_view:
        row("class", "", _cell(i.id), _cell(i.label), i.kind, i.reached, len(report.learners))
    for lr in report.learners:
        name = _cell(lr.learner)
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
        if report.performance:
            out.write(_quoted(name).join(performance_rows(lr.performance, lr.outputs, lr.rubric)))
        if out.tell() >= CHUNK_CHARS:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    for att in report.attitudes:  # every cell given: as wide as the header without padding
        label = _cell(att.item.label)
        writer.writerows(
            ("reflection", _cell(r.learner), att.item.id, label, _cell(r.reflection), r.rating or "", 5,
             r.when or "", r.source, _cell(r.text))
            for r in att.reflections
        )  # fmt: skip
    for q in report.questions:
        row("question", "", _cell(q.id), " ".join(q.knowledge), _num(q.share_correct), q.correct, q.answered)
    for p in report.practice:
        row("practice", _cell(p.learner), p.mode, "", "", p.correct, p.answered, p.when or "", "xapi")
    for line in report.skipped:
        row("skipped", "", "", "", _cell(line))
    yield out.getvalue().encode("utf-8")


def _around_name(rows: list[tuple[object, ...]]) -> list[str]:
    """Rows whose second cell (the learner) is empty -> their CSV text split where that cell goes: joined by a
    learner's quoted name, the pieces are the rows with that name, as the writer would write them."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    pieces = [""]
    for row in rows:  # one at a time: a quoted cell may hold line breaks
        text.seek(0)
        text.truncate()
        writer.writerow(row)
        section, empty, rest = text.getvalue().split(",", 2)  # a section is a plain word
        assert not empty, "the learner's cell is left empty for the name"
        pieces[-1] += section + ","
        pieces.append("," + rest)
    return pieces


def _quoted(cell: str) -> str:
    """One cell as the writer writes it within a row (quoted only if it must be)."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerow((cell, ""))
    return text.getvalue()[:-2]


def _levels(levels: dict[str, int], own: dict[str, int]) -> str:
    text = " ".join(f"{k}={v}" for k, v in levels.items())
    if own:
        text += (" " if text else "") + "self: " + " ".join(f"{k}={v}" for k, v in own.items())
    return text


def _performance_rows(
    name: str,
    performance: dict[str, PerformanceCell],
    outputs: dict[str, Status],
    rubric: dict[str, RubricCell],
    labels: dict[str, str],
) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for task, c in performance.items():
        verdict = "" if c.passed is None else "passed" if c.passed else "not passed"
        text = " ".join(x for x in (verdict, _levels(c.levels, c.self_levels)) if x)
        rows.append(("performance", name, _cell(task), "", c.state, _num(c.points), _num(c.max_points),
                     c.when or "", _cell("+".join(c.raters)), _cell(text)))  # fmt: skip
    rows += [("output", name, o, labels[o], status, "", "", "", "", "") for o, status in outputs.items()]
    for item, r in rubric.items():
        low = min(r.levels.values()) if r.levels else ""
        rows.append(("indicator", name, item, labels[item], r.status, low, "", "", "", _cell(_levels(r.levels, r.self_levels))))  # fmt: skip
    return rows


# What makes a spreadsheet read a cell as a formula, as OWASP lists it: = + - @, and tab and carriage return
# (some spreadsheets drop them and read what follows); and line feed, what a carriage return becomes here.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _cell(text: str | None) -> str:
    """A text as a spreadsheet shows it and never runs it: a leading formula character gets a single quote
    before it, and NUL characters (which end a string in some readers) are removed. A carriage return becomes
    a line feed: the writer quotes a cell holding its line terminator, "\n", but not a lone "\r"."""
    if not text:
        return ""
    if "\0" in text:
        text = text.replace("\0", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + text if text.startswith(_FORMULA_START) else text


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)
