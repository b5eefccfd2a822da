"""Golden report: five learners over SCORM (2004, 1.2 flat, 1.2 nested), Open edX logs and xAPI.

Expected, by hand (course tests/fixtures/report/course: M1 = T1 with Q1 [K1] 1pt, Q2 [K1, K2] 1pt,
Q3 [K3] 2pt; M3 = T3 with Q4 [K2] 1pt; K2 is assessed in both modules, 2 points in all):
- alice: SCORM 2004 M1 all right + xAPI M3 right -> K1, K2, K3 mastered; T1.1, T1.2, T3.1 completed.
- bob: SCORM 1.2 M1 (undated; K1 1/2) then Open edX T1.1 quiz 2026-11-22 (K1 2/2, K2 1/1) -> K1 mastered
  (the later attempt wins), K2 not yet (M3 never taken, 1/2), K3 not yet (0/2 from SCORM).
  His Open edX reflection (rating 2, no text) replaces the undated SCORM one.
- carol: Open edX only, T3.1 quiz wrong -> K2 not yet 0/2; T3.1 completed; R3 rated 5.
- dave: xAPI only, M1 all right -> K1, K3 mastered, K2 not yet (1/2); no activity completed.
- erin: SCORM 1.2 M3, Q4 wrong, no reflection -> K2 not yet; T3.1 not yet.
- frank: SCORM 2004 M3 with no questions: K items not attempted.
Skipped: K99 in three sources, a broken log line, a corrupt file, a file of unknown format.

Performance task M3-page (course/M3.yaml: accuracy [P3.1.3] levels 0/2/3/4 points, update [P3.1.4, S9]
levels 0/2/3; pass: each criterion >= 2 and >= 70 % of 7 points), inputs in tasks/:
- alice: xAPI submit twice (the later wins), self-rated 4/3; the sheet rates accuracy 2 (11-30) then 4
  (12-01, wins) and update 3 -> rated, 7/7, passed -> O3.1.1 mastered; P3.1.3 4, P3.1.4 and S9 3.
- carol: no submission, rated face to face accuracy 1, update 2 -> rated, 2/7, not passed -> O3.1.1 not_mastered.
- dave: xAPI submit only (his instructor rating in a statement is skipped) -> submitted, awaiting rating.
- erin: SCORM 1.2, the deliverable in suspend_data and a likert self-rating -> self_rated; P items self-rated only.
- frank: SCORM 2004 long-fill-in deliverable (the copy in two parts) and likert self-rating 3/2 (a criterion
  the task lacks is skipped) -> self_rated.
- bob: nothing -> not_submitted, O3.1.1 not_attempted.
Sheet rows skipped by cell: an unknown learner, task and criterion, a level out of range, a bad date.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from report_support import COURSE, GOLDEN, INPUTS, ROOT, run_cli


@pytest.fixture
def written(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(ROOT)  # paths in messages as a person types them
    run = run_cli(
        capsys, *(str(p.relative_to(ROOT)) for p in INPUTS), "--course", str(COURSE), "--out", str(tmp_path)
    )
    assert run.code == 3, run.err
    return tmp_path


def _golden(name: str, got: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("ZHINENG_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8"), f"{name} differs from the golden copy"


@pytest.mark.parametrize("name", ["report.json", "report.html", "report.csv"])
def test_report_matches_golden(written: Path, name: str) -> None:
    _golden(name, (written / name).read_text(encoding="utf-8"))


def _status(report: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {
        row["learner"]: {k: c["status"] for k, c in row["knowledge"].items()} for row in report["learners"]
    }


def test_expected_mastery_completion_reflections_and_difficulty(written: Path) -> None:
    report = json.loads((written / "report.json").read_text(encoding="utf-8"))
    assert _status(report) == {
        "alice": {"K1": "mastered", "K2": "mastered", "K3": "mastered"},
        "bob": {"K1": "mastered", "K2": "incomplete", "K3": "not_mastered"},
        "carol": {"K1": "not_attempted", "K2": "incomplete", "K3": "not_attempted"},
        "dave": {"K1": "mastered", "K2": "incomplete", "K3": "mastered"},
        "erin": {"K1": "not_attempted", "K2": "incomplete", "K3": "not_attempted"},
        "frank": {"K1": "not_attempted", "K2": "not_attempted", "K3": "not_attempted"},
    }
    rows = {row["learner"]: row for row in report["learners"]}
    assert rows["alice"]["knowledge"]["K2"]["sources"] == ["scorm", "xapi"]
    assert (rows["bob"]["knowledge"]["K2"]["earned"], rows["bob"]["knowledge"]["K2"]["available"]) == (
        1.0,
        2.0,
    )
    assert {r: row["activities"] for r, row in rows.items()} == {
        "alice": {"T1.1": "completed", "T1.2": "completed", "T3.1": "completed"},
        "bob": {"T1.1": "completed", "T1.2": "completed", "T3.1": "not_attempted"},
        "carol": {"T1.1": "not_attempted", "T1.2": "not_attempted", "T3.1": "completed"},
        "dave": {"T1.1": "not_attempted", "T1.2": "not_attempted", "T3.1": "not_attempted"},
        "erin": {"T1.1": "not_attempted", "T1.2": "not_attempted", "T3.1": "incomplete"},
        "frank": {"T1.1": "not_attempted", "T1.2": "not_attempted", "T3.1": "not_attempted"},
    }
    assert rows["bob"]["tasks"]["T1"] == {"done": 2, "total": 2, "status": "completed"}
    assert rows["erin"]["tasks"]["T3"] == {"done": 0, "total": 1, "status": "incomplete"}
    a01, a02 = report["attitudes"]
    assert a01["learners"] == ["alice", "bob", "carol"]
    assert a01["ratings"] == {"1": 0, "2": 1, "3": 1, "4": 1, "5": 1}
    bob_r1 = next(r for r in a01["reflections"] if r["learner"] == "bob")
    assert (bob_r1["rating"], bob_r1["text"], bob_r1["source"]) == (2, None, "openedx")
    assert [(r["learner"], r["rating"]) for r in a02["reflections"]] == [("alice", 5), ("dave", 4)]
    shares = {q["id"]: (q["correct"], q["answered"]) for q in report["questions"]}
    assert shares == {"Q1": (3, 3), "Q2": (2, 3), "Q3": (2, 3), "Q4": (1, 2)}
    assert report["skipped"] == [
        "tests/fixtures/report/scorm/bob.json: record cmi.objectives.5: unknown item id 'K99'",
        "tests/fixtures/report/openedx/tracking.log: record 8: unknown K id 'K99'",
        "tests/fixtures/report/openedx/tracking.log: record 9: not JSON (Unterminated string starting at)",
        "tests/fixtures/report/xapi/dave.ndjson: record 4: unknown item id 'K99'",
        "tests/fixtures/report/tasks/frank-M3-2004.json: record cmi.interactions.7: "
        "task M3-page has no criterion 'nosuch'",
        "tests/fixtures/report/tasks/ratings.xlsx: ratings!A8: learner: unknown learner 'zoe' (not on sheet 'learners')",
        "tests/fixtures/report/tasks/ratings.xlsx: ratings!B9: task: unknown task id 'NOPE'",
        "tests/fixtures/report/tasks/ratings.xlsx: ratings!C10: criterion: task M3-page has no criterion 'tone'",
        "tests/fixtures/report/tasks/ratings.xlsx: ratings!E11: level: "
        "task M3-page criterion update: level must be 1–3, not 4",
        "tests/fixtures/report/tasks/ratings.xlsx: ratings!H12: rated_at: "
        "not a date: '昨天' (a date cell, or text like 2026-12-01)",
        "tests/fixtures/report/tasks/tasks.ndjson: record 5: task M3-page: a rating by 'instructor': only "
        "self-ratings are read from statements (an instructor rates on the rating sheet)",
        "tests/fixtures/report/tasks/tasks.ndjson: record 6: unknown task id 'NOPE'",
        "tests/fixtures/report/bad/broken.json: record 0: corrupt file: not JSON "
        "(Expecting property name enclosed in double quotes)",
        "tests/fixtures/report/bad/unknown.json: record 0: unknown format: not SCORM CMI, Open edX events or xAPI",
    ]


def test_html_is_self_contained_and_escapes_learner_text(written: Path) -> None:
    html = (written / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html  # the report has no scripts, and a learner's <script> is text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; 我會逐項檢查 &amp; 核對。" in html
    for external in ("http://", "https://", "src=", "<link", "@import", "url("):
        assert external not in html, external
    assert "以最近一次作答為準" in html  # the merge rules, in the course's language


def test_performance_task_states_outputs_and_indicators(written: Path) -> None:
    report = json.loads((written / "report.json").read_text(encoding="utf-8"))
    rows = {row["learner"]: row for row in report["learners"]}
    cell = {r: row["performance"]["M3-page"] for r, row in rows.items()}
    assert {r: (c["state"], c["passed"], c["points"]) for r, c in cell.items()} == {
        "alice": ("rated", True, 7.0),
        "bob": ("not_submitted", None, None),
        "carol": ("rated", False, 2.0),
        "dave": ("submitted", None, None),
        "erin": ("self_rated", None, None),
        "frank": ("self_rated", None, None),
    }
    assert cell["alice"]["levels"] == {"accuracy": 4, "update": 3}  # the later sheet row wins
    assert cell["alice"]["raters"] == ["王老師"] and cell["alice"]["when"] == "2026-12-01T00:00:00Z"
    assert cell["frank"]["self_levels"] == {"accuracy": 3, "update": 2}
    assert {r: row["outputs"]["O3.1.1"] for r, row in rows.items()} == {
        "alice": "mastered",
        "bob": "not_attempted",
        "carol": "not_mastered",
        "dave": "awaiting_rating",
        "erin": "awaiting_rating",
        "frank": "awaiting_rating",
    }
    p313 = {r: row["rubric"]["P3.1.3"] for r, row in rows.items()}
    assert p313["alice"] == {
        "status": "rated",
        "levels": {"M3-page/accuracy": 4},
        "self_levels": {"M3-page/accuracy": 4},
    }
    assert p313["erin"] == {"status": "self_rated", "levels": {}, "self_levels": {"M3-page/accuracy": 2}}
    assert rows["carol"]["rubric"]["S9"]["levels"] == {"M3-page/update": 2}
    # P3.1.4 prints as P3.1.3 in the standard: told apart wherever it is shown.
    assert [r["label"] for r in report["rubric"]] == [
        "P3.1.3（確保資訊準確度與真實性）",
        "P3.1.3（依照安全程序更新網路）",
        "S9",
    ]
