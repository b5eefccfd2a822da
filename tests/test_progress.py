"""The terminal count of long commands: drawn only on a terminal, only after a moment, erased when done."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from zhineng.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_written_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    clock = Clock()
    with Progress("reading tracking files", 3, stream, clock) as progress:
        clock.now = 5
        progress.advance(3)
    assert stream.getvalue() == ""


def test_quick_work_shows_nothing_and_long_work_a_count_that_is_erased(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ZHINENG_PROGRESS_AFTER", raising=False)
    stream, clock = Terminal(), Clock()
    with Progress("reading tracking files", 30000, stream, clock) as progress:
        progress.advance(100)  # at once: a quick command prints nothing extra
        assert stream.getvalue() == ""
        clock.now = 1.0
        progress.advance(1100)
        assert stream.getvalue() == "\rreading tracking files 1,200/30,000"
        clock.now = 1.05
        progress.advance(1)  # not redrawn more than a few times a second
        assert stream.getvalue().count("\r") == 1
        clock.now = 2.0
        progress.advance(28799)
    out = stream.getvalue()
    assert out.endswith("\r" + " " * len("reading tracking files 30,000/30,000") + "\r")
    assert "30,000/30,000" in out


def test_report_counts_files_on_a_terminal_and_says_the_same_after(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):  # records for nobody we know are skipped: the count is what this test is about
        (folder / f"t{i}.json").write_text('{"cmi": {}}', encoding="utf-8")
    primary, secondary = pty.openpty()
    env = {**os.environ, "ZHINENG_PROGRESS_AFTER": "0"}
    run = subprocess.Popen(
        [sys.executable, "-m", "zhineng", "report", str(folder), "--out", str(tmp_path / "out")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    seen = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 600)
        if not ready:
            break
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the command ended and closed its side
            break
        if not chunk:
            break
        seen += chunk
    run.wait(timeout=600)
    os.close(primary)
    text = seen.decode("utf-8", "replace")
    assert "\rreading tracking files 40/40" in text
    assert "\r" + " " * len("reading tracking files 40/40") + "\r" in text  # erased before anything else
