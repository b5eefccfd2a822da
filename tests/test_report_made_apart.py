"""A large report is built and written on two CPUs (reports/parallel.py): the second half of the learners is
built by a forked process (in_two), and report.html and report.json are made by forked processes while
report.csv is made (made_apart). The same bytes as one process makes; a failure there is reported as one here
would be, with nothing written and no temporary file left.

The fixture class is small, so the size threshold is lowered to force the forked paths.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_support import COURSE, GOLDEN, INPUTS, ROOT, run_cli
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course
from zhineng.reports import build, parallel, render_csv, render_html
from zhineng.reports.catalog import Catalog
from zhineng.reports.records import Record
from zhineng.reports.render_json import report_json
from zhineng.reports.run import read_inputs

from zhineng.errors import ZhinengError

pytestmark = pytest.mark.skipif(
    not parallel._can_fork(), reason="outputs are made apart only with fork (Linux)"
)

OUTPUTS = ("report.json", "report.html", "report.csv")


@pytest.fixture
def apart(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every report made apart; the spools of the files made so, in order."""
    monkeypatch.setattr(parallel, "APART_MIN_LEARNERS", 0)
    monkeypatch.chdir(ROOT)
    spools: list[str] = []
    real = parallel._spool

    def counting(path: Path) -> str | None:
        name = real(path)
        spools.append(Path(path).name)
        return name

    monkeypatch.setattr(parallel, "_spool", counting)
    return spools


def _report(capsys: pytest.CaptureFixture[str], out: Path, *more: str) -> tuple[int, str]:
    inputs = [str(p.relative_to(ROOT)) for p in INPUTS]
    run = run_cli(capsys, *inputs, "--course", str(COURSE), "--out", str(out), *more)
    return run.code, run.err


def test_outputs_made_apart_are_the_golden_report(
    capsys: pytest.CaptureFixture[str], apart: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "new" / "out"  # made by write_together after the spools: they move into it
    code, err = _report(capsys, out, "--jobs", "2")
    assert code == 3, err
    assert apart == ["report.html", "report.json"]
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (GOLDEN / name).read_bytes(), f"{name} differs when made apart"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["new", "out", *sorted(OUTPUTS)]


def test_one_job_makes_everything_in_this_process(
    capsys: pytest.CaptureFixture[str], apart: list[str], tmp_path: Path
) -> None:
    code, err = _report(capsys, tmp_path, "--jobs", "1")
    assert code == 3, err
    assert apart == []
    assert (tmp_path / "report.html").read_bytes() == (GOLDEN / "report.html").read_bytes()


def _previous(out: Path) -> None:
    out.mkdir()
    (out / "report.html").write_text("last week's report", encoding="utf-8")


def _untouched(out: Path) -> None:
    assert [p.name for p in out.iterdir()] == ["report.html"], "a temporary file or a new output was left"
    assert (out / "report.html").read_text(encoding="utf-8") == "last week's report"


def test_a_full_disk_where_report_html_is_made_apart_writes_nothing(
    capsys: pytest.CaptureFixture[str], apart: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    here = os.getpid()

    def full_disk(*args: object, **kwargs: object) -> Iterator[bytes]:
        assert os.getpid() != here, "made in the forked process"
        yield b"<!DOCTYPE html>"
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(render_html, "report_html_chunks", full_disk)
    out = tmp_path / "out"
    _previous(out)
    code, err = _report(capsys, out, "--jobs", "2")
    assert code == 1
    assert (
        f"zhineng: {out / 'report.html'}: cannot write: No space left on device; nothing was written" in err
    )
    assert "Traceback" not in err
    _untouched(out)


def test_a_process_killed_while_making_report_html_writes_nothing(
    capsys: pytest.CaptureFixture[str], apart: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    here = os.getpid()

    def killed(*args: object, **kwargs: object) -> Iterator[bytes]:
        assert os.getpid() != here, "made in the forked process"
        yield b"<!DOCTYPE html>"
        os._exit(9)  # as the out-of-memory killer leaves it: no word, no clean-up

    monkeypatch.setattr(render_html, "report_html_chunks", killed)
    out = tmp_path / "out"
    _previous(out)
    code, err = _report(capsys, out, "--jobs", "2")
    assert code == 1
    assert (
        f"zhineng: {out / 'report.html'}: cannot write: the process making it ended unexpectedly (exit code 9); "
        "nothing was written"
    ) in err
    _untouched(out)


def test_a_failure_here_ends_the_processes_and_removes_their_files(
    capsys: pytest.CaptureFixture[str], apart: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*args: object, **kwargs: object) -> Iterator[bytes]:
        yield b"section"
        raise OSError(errno.EFBIG, os.strerror(errno.EFBIG))

    monkeypatch.setattr(render_csv, "report_csv_chunks", broken)
    out = tmp_path / "out"
    _previous(out)
    code, err = _report(capsys, out, "--jobs", "2")
    assert code == 1
    assert f"zhineng: {out / 'report.csv'}: cannot write: File too large; nothing was written" in err
    assert apart == ["report.html", "report.json"]
    _untouched(out)


def _records() -> tuple[Course, list[Record], list[str]]:
    course = load_course([COURSE])
    catalog = Catalog(course)
    records, skipped = read_inputs(catalog, [p.relative_to(ROOT) for p in INPUTS], jobs=1)
    return course, records, skipped


def test_the_second_half_of_the_learners_built_apart_gives_the_same_report(
    apart: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    course, records, skipped = _records()
    started: list[int] = []
    context = parallel.multiprocessing.get_context("fork")
    real = context.Process

    def counting(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        started.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(context, "Process", counting)
    together = build.build_report(course, records, skipped, jobs=1)
    assert started == []
    halves = build.build_report(course, records, skipped, jobs=2)
    assert started == [1]
    assert len(together.learners) >= 4, "enough learners for two halves"
    assert report_json(halves) == report_json(together)
    assert report_json(halves).encode() == (GOLDEN / "report.json").read_bytes()


def test_a_process_killed_while_building_half_the_report_is_a_clean_error(
    apart: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    course, records, skipped = _records()
    here = os.getpid()
    real = build._learners_part

    def killed(*args: object, **kwargs: object) -> object:
        if os.getpid() != here:
            os._exit(9)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "_learners_part", killed)
    with pytest.raises(ZhinengError, match=r"building half the report ended unexpectedly \(exit code 9\)"):
        build.build_report(course, records, skipped, jobs=2)


def test_without_processes_to_start_everything_is_done_in_this_process(
    capsys: pytest.CaptureFixture[str], apart: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    context = parallel.multiprocessing.get_context("fork")
    real = context.Process

    class Refused(real):  # type: ignore[misc, valid-type]
        def start(self) -> None:
            raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN))  # as a process limit (ulimit -u) answers

    monkeypatch.setattr(context, "Process", Refused)
    out = tmp_path / "out"
    code, err = _report(capsys, out, "--jobs", "2")
    assert code == 3, err
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (GOLDEN / name).read_bytes(), f"{name} differs"
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS), "a spool was left behind"


def test_a_file_made_apart_on_another_disk_is_copied_into_place(
    capsys: pytest.CaptureFixture[str], apart: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The output folder does not exist yet, so the spools are made in the nearest one that does; were that on
    # another file system, moving them would fail with EXDEV and they are copied instead.
    real = os.replace
    moved: list[str] = []

    def across_disks(src: str, dst: str) -> None:
        if str(dst).endswith(".part"):  # a spool going to its temporary name beside the output
            moved.append(str(dst))
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        real(src, dst)

    monkeypatch.setattr(parallel.os, "replace", across_disks)
    out = tmp_path / "new"
    code, err = _report(capsys, out, "--jobs", "2")
    assert code == 3, err
    assert len(moved) == 2
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (GOLDEN / name).read_bytes(), f"{name} differs"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["new", *sorted(OUTPUTS)], "a spool was left behind"
