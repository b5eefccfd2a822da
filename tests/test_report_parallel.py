"""Large inputs are read in several processes (reports/parallel.py): it must not change a byte of the report.

The golden inputs are tiny, so the size threshold is lowered to force the parallel path, with every file in a
run of its own; the outputs are then compared with the golden copies that the one-process run produces.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from report_support import COURSE, GOLDEN, INPUTS, ROOT, run_cli
from zhineng.modules.loader import load_course
from zhineng.reports import parallel
from zhineng.reports.build import build_report
from zhineng.reports.records import Answer, AnswerSheet, Origin
from zhineng.reports.sources import SUFFIXES, input_files


@pytest.mark.skipif(not parallel._can_fork(), reason="the parallel paths need fork (Linux)")
def test_reading_in_two_processes_gives_the_golden_report(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    forked: list[int] = []
    real_pool = parallel.multiprocessing.get_context("fork").Pool

    def counting_pool(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        forked.append(1)
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(parallel.multiprocessing.get_context("fork"), "Pool", counting_pool)
    monkeypatch.chdir(ROOT)
    inputs = [str(p.relative_to(ROOT)) for p in INPUTS]
    run = run_cli(capsys, *inputs, "--course", str(COURSE), "--out", str(tmp_path), "--jobs", "2")
    assert run.code == 3, run.err
    assert len(forked) == 1, "expected a pool of processes to read the files"
    for name in ("report.json", "report.html", "report.csv"):
        got = (tmp_path / name).read_text(encoding="utf-8")
        assert got == (GOLDEN / name).read_text(encoding="utf-8"), f"{name} differs in parallel"


def test_files_are_split_into_contiguous_runs_of_about_equal_size() -> None:
    files = [Path(f"f{i}") for i in range(10)]
    sizes = [100, 1, 1, 1, 1, 1, 1, 1, 1, 100]
    chunks = parallel._chunks(files, sizes, 4)
    assert [f for c in chunks for f in c] == files  # in order, nothing lost
    assert chunks[0] == [Path("f0")] and chunks[-1][-1] == Path("f9")


def test_jobs_must_be_a_whole_number_of_at_least_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run_cli(capsys, "x.json", "--jobs", "0")
    assert "a number of processes: a whole number from 1 to 1,024, not '0'" in capsys.readouterr().err


def test_folders_are_listed_in_path_order_as_rglob_would(tmp_path: Path) -> None:
    # "a/b" sorts before "a-c" component by component, after it as a string: the order decides ties.
    for name in ["a/b/x.json", "a-c/y.json", ".h/z.ndjson", "a/q.txt", "a/r.log", ".json", "a.", "b.JSON"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    os.symlink(tmp_path / "a" / "r.log", tmp_path / "link.log")
    expected = sorted(p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    assert input_files([tmp_path]) == expected
    assert [p.relative_to(tmp_path).as_posix() for p in expected] == [
        ".h/z.ndjson",
        "a/b/x.json",
        "a/r.log",
        "a-c/y.json",
        "link.log",
    ]


def _when(day: int | None) -> datetime | None:
    return datetime(2026, 11, day, tzinfo=UTC) if day else None


@pytest.mark.parametrize(
    ("sheet_day", "answer_day", "sheet_first", "wins"),
    [
        (20, 21, True, "answer"),  # later time wins
        (22, 21, True, "sheet"),
        (21, 21, True, "answer"),  # equal times: the one read last
        (21, 21, False, "sheet"),
        (None, 21, False, "answer"),  # undated loses to dated, whatever the order
        (21, None, True, "sheet"),
    ],
)
def test_a_scorm_answer_sheet_and_an_xapi_answer_merge_by_latest_attempt_wins(
    sheet_day: int | None, answer_day: int | None, sheet_first: bool, wins: str
) -> None:
    course = load_course([COURSE])
    sheet = AnswerSheet("ann", ("Q1",), (False,), Origin("scorm", "s.json", _when(sheet_day)))
    answer = Answer("ann", "Q1", True, 1.0, ("K1",), Origin("xapi", "x.json", _when(answer_day)))
    records = [sheet, answer] if sheet_first else [answer, sheet]
    report = build_report(course, records)
    q1 = next(q for q in report.questions if q.id == "Q1")
    assert (q1.answered, q1.correct) == (1, 1 if wins == "answer" else 0)


def test_without_processes_to_start_the_files_are_read_in_this_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")  # as a sandbox without /dev/shm answers

    monkeypatch.setattr(parallel.multiprocessing.get_context("fork"), "Pool", no_pool)
    monkeypatch.chdir(ROOT)
    inputs = [str(p.relative_to(ROOT)) for p in INPUTS]
    run = run_cli(capsys, *inputs, "--course", str(COURSE), "--out", str(tmp_path), "--jobs", "2")
    assert run.code == 3, run.err
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == (GOLDEN / "report.json").read_text(
        encoding="utf-8"
    )
