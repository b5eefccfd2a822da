"""'Latest attempt wins' (reports/merge.py) through every reader: an older attempt read later does not win, and
between equal times the input read last does (a folder's files in path order, a file's lines in order).

Each case writes a newer and an older attempt of one learner to a folder, the older one named to be read last,
and reads the folder as `zhineng report` does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from report_support import COURSE
from zhineng.cmi5_export.ids import item_iri
from zhineng.modules.loader import load_course
from zhineng.reports.build import build_report
from zhineng.reports.catalog import Catalog
from zhineng.reports.merge import latest_by, supersedes
from zhineng.reports.model import Report
from zhineng.reports.records import ActivityDone, Origin
from zhineng.reports.run import read_inputs
from zhineng.reports.sheet_layout import COLUMNS, RATINGS
from zhineng.reports.xapi_ids import ITEM_EXTENSION

NEW, OLD = "2026-11-21T10:00:00Z", "2026-11-20T10:00:00Z"


def _report(folder: Path) -> Report:
    course = load_course([COURSE])
    catalog = Catalog(course)
    records, skipped = read_inputs(catalog, [folder], jobs=1)
    assert skipped == []
    return build_report(course, records, skipped, catalog)


def _write(folder: Path, name: str, data: Any) -> None:
    folder.mkdir(exist_ok=True)
    text = "\n".join(json.dumps(d) for d in data) if name.endswith(".log") else json.dumps(data)
    (folder / name).write_text(text, encoding="utf-8")


def _q1(report: Report) -> tuple[int, int]:
    q = next(q for q in report.questions if q.id == "Q1")
    return q.answered, q.correct


# --- SCORM (2004: interactions carry timestamps; the attempt's time is its last interaction's) -----------------


def _scorm(right: bool, when: str) -> dict[str, Any]:
    score = "1" if right else "0"
    return {
        "cmi": {
            "learner_id": "ann",
            "objectives": {
                "0": {
                    "id": "K1",
                    "success_status": "passed" if right else "failed",
                    "score": {"scaled": score},
                },
                "1": {"id": "T1.1", "completion_status": "completed" if right else "incomplete"},
            },
            "interactions": {
                "0": {
                    "id": "Q1",
                    "type": "choice",
                    "timestamp": when,
                    "objectives": {"0": {"id": "K1"}},
                    "learner_response": "a" if right else "b",
                    "result": "correct" if right else "incorrect",
                }
            },
        }
    }


@pytest.mark.parametrize(("second", "wins_right"), [(OLD, True), (NEW, False)])
def test_scorm_an_older_attempt_read_later_loses_and_a_tie_goes_to_the_file_read_last(
    tmp_path: Path, second: str, wins_right: bool
) -> None:
    _write(tmp_path, "a-first.json", _scorm(True, NEW))
    _write(tmp_path, "b-second.json", _scorm(False, second))  # read last; older, or as new as the first
    report = _report(tmp_path)
    [row] = report.learners
    assert row.knowledge["K1"].earned == (2.0 if wins_right else 0.0)
    assert row.activities["T1.1"] == ("completed" if wins_right else "incomplete")
    assert _q1(report) == (1, 1 if wins_right else 0)


def test_scorm_12_attempts_are_undated_so_the_file_read_last_wins(tmp_path: Path) -> None:
    def attempt(right: bool) -> dict[str, Any]:
        return {
            "cmi.core.student_id": "ann",
            "cmi.interactions.0.id": "Q1",
            "cmi.interactions.0.objectives.0.id": "K1",
            "cmi.interactions.0.result": "correct" if right else "wrong",
            "cmi.objectives.0.id": "T1.1",
            "cmi.objectives.0.status": "completed" if right else "incomplete",
        }

    _write(tmp_path, "a.json", attempt(False))
    _write(tmp_path, "b.json", attempt(True))
    report = _report(tmp_path)
    assert report.learners[0].activities["T1.1"] == "completed"
    assert _q1(report) == (1, 1)


# --- xAPI (each statement its own time) ---------------------------------------------------------------------


def _answered(right: bool, when: str) -> dict[str, Any]:
    course = load_course([COURSE])
    return {
        "actor": {"objectType": "Agent", "account": {"homePage": "https://lms.example", "name": "ann"}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "https://zhineng.example/au/M1/question/Q1", "objectType": "Activity"},
        "timestamp": when,
        "result": {"success": right, "extensions": {ITEM_EXTENSION: [item_iri(course.standard, "K1")]}},
    }


@pytest.mark.parametrize(("second", "wins_right"), [(OLD, True), (NEW, False)])
def test_xapi_an_older_statement_read_later_loses_and_a_tie_goes_to_the_statement_read_last(
    tmp_path: Path, second: str, wins_right: bool
) -> None:
    _write(tmp_path, "a.json", {"statements": [_answered(True, NEW)]})
    _write(tmp_path, "b.json", {"statements": [_answered(False, second)]})
    report = _report(tmp_path)
    assert _q1(report) == (1, 1 if wins_right else 0)
    assert report.learners[0].knowledge["K1"].earned == (1.0 if wins_right else 0.0)


def test_xapi_within_one_file_the_later_line_wins_a_tie(tmp_path: Path) -> None:
    (tmp_path / "s.ndjson").write_text(
        "\n".join(
            json.dumps(s) for s in (_answered(False, NEW), _answered(True, NEW), _answered(False, OLD))
        ),
        encoding="utf-8",
    )
    assert _q1(_report(tmp_path)) == (1, 1)


# --- Open edX (tracking-log events) -------------------------------------------------------------------------


def _events(earned: float, rating: int, when: str) -> list[dict[str, Any]]:
    def event(name: str, block: str, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "name": name,
            "event_type": name,
            "username": "ann",
            "time": when,
            "context": {"module": {"usage_key": f"block-v1:zhineng+ECMKT+2026+type@x+block@{block}"}},
            "event": body,
        }

    return [
        event(
            "zhineng.knowledge.assessed",
            "M1-T1_1-quiz",
            {"knowledge_id": "K1", "score": earned, "max_score": 2.0, "mastery": "mastered"},
        ),
        event("zhineng.attitude.reflected", "R1", {"attitude_id": "A01", "rating": rating}),
    ]


@pytest.mark.parametrize(("second", "wins_new"), [(OLD, True), (NEW, False)])
def test_openedx_an_older_event_read_later_loses_and_a_tie_goes_to_the_event_read_last(
    tmp_path: Path, second: str, wins_new: bool
) -> None:
    _write(tmp_path, "a.log", _events(2.0, 5, NEW))
    _write(tmp_path, "b.log", _events(0.0, 1, second))
    report = _report(tmp_path)
    assert report.learners[0].knowledge["K1"].earned == (2.0 if wins_new else 0.0)
    [a01] = [a for a in report.attitudes if a.item.id == "A01"]
    assert [r.rating for r in a01.reflections] == [5 if wins_new else 1]


# --- the rating sheet (an instructor's level per criterion, dated by rated_at) ------------------------------


def _sheet(path: Path, level: int, when: str) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = RATINGS
    sheet.append(list(COLUMNS))
    row = dict.fromkeys(COLUMNS, "")
    row |= {"learner": "ann", "task": "M3-page", "criterion": "accuracy", "level": level, "rater": "lee"}
    row["rated_at"] = when
    sheet.append([row[c] for c in COLUMNS])
    path.parent.mkdir(exist_ok=True)
    book.save(path)


@pytest.mark.parametrize(("second", "wins_new"), [(OLD, True), (NEW, False)])
def test_sheet_an_older_rating_read_later_loses_and_a_tie_goes_to_the_sheet_read_last(
    tmp_path: Path, second: str, wins_new: bool
) -> None:
    _sheet(tmp_path / "a.xlsx", 4, NEW)
    _sheet(tmp_path / "b.xlsx", 1, second)
    report = _report(tmp_path)
    assert report.learners[0].performance["M3-page"].levels == {"accuracy": 4 if wins_new else 1}


# --- across sources: the record read last is the one a tie goes to, whichever source it came from ----------


def test_a_tie_between_sources_goes_to_the_record_read_last(tmp_path: Path) -> None:
    # Open edX says 0 of 2, then a SCORM attempt says 0, then Open edX again says 2 of 2: all at one moment.
    _write(tmp_path, "a.log", _events(0.0, 1, NEW)[:1])
    _write(tmp_path, "b.json", _scorm(False, NEW))
    _write(tmp_path, "c.log", _events(2.0, 1, NEW)[:1])
    cell = _report(tmp_path).learners[0].knowledge["K1"]
    assert (cell.earned, cell.sources) == (2.0, ("openedx",))


# --- the rule itself ----------------------------------------------------------------------------------------


def test_the_rule_later_wins_undated_loses_and_equals_go_to_the_one_read_last() -> None:
    from datetime import UTC, datetime

    early, late = datetime(2026, 11, 20, tzinfo=UTC), datetime(2026, 11, 21, tzinfo=UTC)
    assert supersedes(late, early) and not supersedes(early, late)
    assert supersedes(early, early) and supersedes(None, None)  # equals: the one read last
    assert supersedes(early, None) and not supersedes(
        None, early
    )  # undated loses to dated, read first or last
    records = [
        ActivityDone("ann", "T1.1", ok, Origin("scorm", f, w))
        for ok, f, w in ((True, "a", late), (False, "b", early), (False, "c", None))
    ]
    assert latest_by(records, lambda r: r.activity)["T1.1"].origin.file == "a"
