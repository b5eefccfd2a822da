"""The report reads an LRS in the order 'latest attempt wins' needs (reports/merge.py): two answers with the same
timestamp are told apart by the one stored last, against ralph, a real LRS (tests/test_report_lrs.py has the
same case from an LRS answering newest first, as xAPI's default order is; ralph's file backend answers oldest
first)."""

from __future__ import annotations

import json
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import patience
import ralph_lrs
from zhineng.cmi5_export.ids import item_iri
from zhineng.modules.loader import load_course
from zhineng.reports.build import build_report
from zhineng.reports.catalog import Catalog
from zhineng.reports.run import read_inputs
from zhineng.reports.xapi_ids import ITEM_EXTENSION

COURSE = Path(__file__).resolve().parents[1] / "fixtures" / "report" / "course"


def _post(lrs: Any, statement: dict[str, Any]) -> None:
    request = urllib.request.Request(
        f"{lrs.url}statements",
        data=json.dumps(statement).encode(),
        method="POST",
        headers={
            "Authorization": lrs.auth,
            "X-Experience-API-Version": "1.0.3",
            "Content-Type": "application/json",
        },
    )
    with urllib.request.urlopen(request, timeout=patience.REQUEST_SECONDS) as answer:
        assert answer.status == 200


def test_between_equal_timestamps_the_statement_stored_last_wins(lrs: Any) -> None:
    course = load_course([COURSE])
    learner = f"tie-{uuid.uuid4().hex[:8]}"
    for right in (False, True):  # the same moment twice: the answer stored last is the learner's last word
        _post(
            lrs,
            {
                "id": str(uuid.uuid4()),
                "actor": {
                    "objectType": "Agent",
                    "account": {"homePage": "https://lms.example", "name": learner},
                },
                "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                "object": {"id": "https://zhineng.example/au/M1/question/Q1", "objectType": "Activity"},
                "timestamp": "2026-11-21T10:00:00Z",
                "result": {
                    "success": right,
                    "extensions": {ITEM_EXTENSION: [item_iri(course.standard, "K1")]},
                },
            },
        )
    catalog = Catalog(course)
    records, skipped = read_inputs(catalog, [], lrs=lrs.url, lrs_auth=ralph_lrs.basic_credentials())
    mine = [r for r in records if r.learner == learner]
    report = build_report(course, mine, skipped, catalog)
    q1 = next(q for q in report.questions if q.id == "Q1")
    assert (q1.answered, q1.correct) == (1, 1)
