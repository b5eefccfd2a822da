"""Learners who handed nothing in share one set of performance cells, and the renderers write shared cells once:
the pages are the same as when every learner's cells are made on their own."""

from __future__ import annotations

from dataclasses import replace

import orjson
from report_support import COURSE, INPUTS, large_class
from zhineng.modules.loader import load_course
from zhineng.reports.build import build_report
from zhineng.reports.catalog import Catalog
from zhineng.reports.class_view import class_view
from zhineng.reports.model import LearnerRow, Report
from zhineng.reports.performance_cells import learner_performance, performance_layout
from zhineng.reports.records import ActivityDone, Origin
from zhineng.reports.render_csv import report_csv
from zhineng.reports.render_html import report_html
from zhineng.reports.render_json import report_json
from zhineng.reports.run import read_inputs, run_report


def _own_cells(row: LearnerRow) -> LearnerRow:
    """The row with copies of its performance cells: nothing shared, so the renderers make every cell."""
    return replace(row, performance=dict(row.performance), outputs=dict(row.outputs), rubric=dict(row.rubric))


def test_learners_with_nothing_handed_in_share_the_computed_cells() -> None:
    course = load_course([COURSE])
    catalog = Catalog(course)
    records, skipped = read_inputs(catalog, INPUTS)
    activity = next(iter(catalog.taught_activities.values()))
    records.append(ActivityDone("zed", sorted(activity)[0], True, Origin("scorm", "zed.json", None)))
    report = build_report(course, records, skipped, catalog)
    rows = {r.learner: r for r in report.learners}
    bob, zed = rows["bob"], rows["zed"]  # neither has a submission or a rating
    assert (bob.performance, bob.outputs, bob.rubric) == learner_performance({}, performance_layout(catalog))
    assert bob.performance is zed.performance and bob.outputs is zed.outputs and bob.rubric is zed.rubric
    assert rows["alice"].performance is not bob.performance


def test_shared_cells_render_as_cells_of_ones_own() -> None:
    report, _skipped = run_report(INPUTS, course=load_course([COURSE]))
    shared = large_class(report, 300)
    alone: Report = replace(shared, learners=tuple(_own_cells(r) for r in shared.learners))
    for lang in ("zh-TW", "en"):
        assert report_html(shared, lang) == report_html(alone, lang)
    assert report_csv(shared) == report_csv(alone)
    assert report_json(shared) == report_json(alone)
    written = report_json(shared).encode("utf-8")
    assert all(b"    " + orjson.dumps(row) in written for row in shared.learners)  # as orjson writes a row


def test_shared_cells_in_csv_carry_names_that_must_be_quoted() -> None:
    """The shared rows are written once as text and joined by each learner's name: a name with a comma, a quote,
    a line break or a formula character is quoted and defused as in a row written on its own."""
    report, _skipped = run_report(INPUTS, course=load_course([COURSE]))
    names = ["a,b", 'say "hi"', "two\nlines", "=1+1", "cr\rhere", " lead", "x" * 3]
    every = len(report.learners)  # each name on each fixture learner's row, shared cells or not
    shared = large_class(report, every * len(names))
    shared = replace(
        shared, learners=tuple(replace(r, learner=names[i // every]) for i, r in enumerate(shared.learners))
    )
    alone: Report = replace(shared, learners=tuple(_own_cells(r) for r in shared.learners))
    assert len({id(r.performance) for r in shared.learners}) < len(shared.learners)  # some share
    text = report_csv(shared)
    assert text == report_csv(alone)
    assert 'indicator,"a,b",' in text and 'indicator,"say ""hi""",' in text and "indicator,'=1+1," in text


def test_the_class_view_counts_shared_cells_once_per_learner_holding_them() -> None:
    course = load_course([COURSE])
    report, _skipped = run_report(INPUTS, course=course)
    shared = large_class(report, 300)
    layout = performance_layout(Catalog(course))
    assert len({id(r.rubric) for r in shared.learners}) < len(shared.learners)  # some share
    own = [_own_cells(r) for r in shared.learners]
    view = class_view(shared.knowledge, shared.tasks, layout, shared.learners, shared.attitudes)
    assert view == class_view(shared.knowledge, shared.tasks, layout, own, shared.attitudes)
    rated = [i for i in view if i.kind in ("output", "indicator", "skill")]
    assert rated and all(i.reached + i.on_the_way + i.not_attempted == 300 for i in rated)
