"""zhineng report: format detection and forcing, skip-and-report with exit codes, and the CMI shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_support import COURSE, REPORT, run_cli
from zhineng.modules.loader import load_course
from zhineng.reports.cmi_flat import flatten_cmi
from zhineng.reports.run import run_report
from zhineng.scorm_export.saved_state import (
    SavedAnswer,
    SavedReflection,
    SavedState,
    encode,
    fnv6,
    saved_reflections,
)


@pytest.fixture(scope="module")
def course():  # type: ignore[no-untyped-def]
    return load_course([COURSE])


def test_clean_input_exits_0_and_writes_three_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run = run_cli(
        capsys, str(REPORT / "xapi" / "alice-M3.json"), "--course", str(COURSE), "--out", str(tmp_path)
    )
    assert run.code == 0, run.err
    assert "skipped" not in run.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv", "report.html", "report.json"]


def test_skipped_input_is_listed_on_stderr_and_exits_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "a.json").write_text("{oops", encoding="utf-8")
    (bad / "b.jsonl").write_bytes(b"\xff\xfe not utf-8")
    good = REPORT / "xapi" / "alice-M3.json"
    run = run_cli(capsys, str(bad), str(good), "--course", str(COURSE), "--out", str(tmp_path / "out"))
    assert run.code == 3
    lines = run.err.splitlines()
    assert any(
        line.endswith(
            "a.json: record 0: corrupt file: not JSON (Expecting property name enclosed in double quotes)"
        )
        for line in lines
    )
    assert any(line.endswith("b.jsonl: record 0: corrupt file: not UTF-8 text") for line in lines)
    assert "2 record(s) skipped" in run.err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [r["learner"] for r in report["learners"]] == ["alice"]  # nothing else lost
    assert len(report["skipped"]) == 2


def test_usage_and_fatal_errors_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run_cli(capsys, "--out", str(tmp_path)).code == 1  # no input
    run = run_cli(capsys, str(REPORT / "xapi"), "--format", "csv", "--course", str(COURSE))
    assert (run.code, run.err) == (1, "zhineng: unknown format 'csv'; expected one of scorm, openedx, xapi\n")
    run = run_cli(capsys, str(tmp_path / "missing"))
    assert run.code == 1 and "no such file or folder" in run.err
    assert run_cli(capsys, str(REPORT / "xapi"), "--lrs-auth", "a:b").code == 1


def test_a_named_format_overrides_detection(course) -> None:  # type: ignore[no-untyped-def]
    report, skipped = run_report([REPORT / "scorm" / "erin-M3-12.json"], "xapi", course=course)
    assert report.learners == ()
    assert skipped and skipped[0].endswith(
        "erin-M3-12.json: record 1: not an xAPI statement (no actor and verb)"
    )
    report, skipped = run_report([REPORT / "openedx" / "tracking.log"], "scorm", course=course)
    assert skipped[-1].endswith("tracking.log: record 0: not SCORM tracking data (a CMI object)")


def test_an_unknown_question_id_in_a_cmi_file_is_skipped_alone(course, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cmi = {
        "cmi.learner_id": "zoe",
        "cmi.interactions.0.id": "Q404",
        "cmi.interactions.0.result": "correct",
        "cmi.interactions.1.id": "Q4",
        "cmi.interactions.1.result": "correct",
        "cmi.interactions.1.timestamp": "2026-11-01T00:00:00Z",
        "cmi.objectives.0.id": "K2",
        "cmi.objectives.0.success_status": "passed",
        "cmi.objectives.0.score.scaled": "1",
    }
    (tmp_path / "zoe.json").write_text(json.dumps(cmi), encoding="utf-8")
    report, skipped = run_report([tmp_path / "zoe.json"], course=course)
    assert [s.split(": ", 1)[1] for s in skipped] == ["record cmi.interactions.0: unknown question id 'Q404'"]
    zoe = report.learners[0]
    assert zoe.learner == "zoe"
    assert (zoe.knowledge["K2"].status, zoe.knowledge["K2"].earned) == (
        "incomplete",
        1.0,
    )  # M1's K2 still missing
    assert next(q for q in report.questions if q.id == "Q4").correct == 1


@pytest.mark.parametrize(
    "data",
    [
        {"cmi": {"core": {"student_id": "s1", "lesson_status": "passed"}, "objectives": {"0": {"id": "K1"}}}},
        {"core": {"student_id": "s1", "lesson_status": "passed"}, "objectives": [{"id": "K1"}]},
        {"cmi.core.student_id": "s1", "cmi.core.lesson_status": "passed", "cmi.objectives.0.id": "K1"},
        {
            "scorm_data": {
                "cmi.core.student_id": "s1",
                "cmi.core.lesson_status": "passed",
                "cmi.objectives.0.id": "K1",
            }
        },
    ],
    ids=["renderCommitCMI", "renderCMIToJSONObject", "flat", "openedx-scorm-xblock"],
)
def test_every_cmi_shape_flattens_alike(data: dict) -> None:  # type: ignore[type-arg]
    assert flatten_cmi(data) == {
        "cmi.core.student_id": "s1",
        "cmi.core.lesson_status": "passed",
        "cmi.objectives.0.id": "K1",
    }


def test_suspend_data_reflections_count_utf16_units_like_javascript() -> None:
    text = "表情😀與\n換行:冒號"  # the emoji is two UTF-16 units
    data = encode(
        SavedState(
            "h",
            answers=(SavedAnswer("abcdef", "xy"),),
            reflections={fnv6("R1"): SavedReflection(True, 4, text)},
        )
    )
    assert f"{fnv6('R1')}s4b:{text}" in data  # 11 units (10 characters): as JavaScript counts them
    saved = saved_reflections(data)
    assert saved[fnv6("R1")].text == text
    assert (saved[fnv6("R1")].rating, saved[fnv6("R1")].submitted) == (4, True)
    with pytest.raises(ValueError):
        saved_reflections("not ours")


@pytest.mark.parametrize("text", ["表情與\n換行:冒號", "表情😀與\n換行:冒號"], ids=["bmp-only", "with-emoji"])
def test_suspend_data_reads_the_same_with_or_without_characters_beyond_the_bmp(text: str) -> None:
    # Text within the BMP is read as a str, other text as UTF-16 units: both must agree with JavaScript.
    saved_state = {
        fnv6("R1"): SavedReflection(True, 4, text),
        fnv6("R2"): SavedReflection(False, None, "好!"),
    }
    data = encode(SavedState("h", answers=(SavedAnswer("abcdef", "xy"),), reflections=saved_state))
    saved = saved_reflections(data)
    assert saved[fnv6("R1")].text == text and saved[fnv6("R2")].text == "好!"
    assert (saved[fnv6("R2")].submitted, saved[fnv6("R2")].rating) == (False, None)
    with pytest.raises(ValueError, match="truncated"):
        saved_reflections(data[:-1])


def test_items_are_named_by_case_iri_published_iri_or_plain_id(course) -> None:  # type: ignore[no-untyped-def]
    from zhineng.cmi5_export.ids import item_iri
    from zhineng.modules.case import case_identifier
    from zhineng.reports.catalog import Catalog

    catalog = Catalog(course)
    ident = case_identifier(course.standard, "K12")
    assert item_iri(course.standard, "K12") == f"urn:uuid:{ident}"
    assert catalog.item(f"urn:uuid:{ident}") == "K12"
    assert catalog.item(f"https://case.example/uri/{ident}") == "K12"  # published under a base URI
    assert catalog.item("K12") == "K12"
    assert catalog.item("https://example.com/not-ours") is None
