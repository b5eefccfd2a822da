"""bench/bench_report.py must keep working: run it on a handful of learners. Nothing here is timed; the numbers
it prints are for people (make bench), not assertions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_report_benchmark_runs_the_command_on_clean_synthetic_inputs() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_report.py"), "--learners", "30", "--small", "20"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # The bench stops on any `zhineng report` exit but 0, so this also says the synthetic inputs read clean.
    assert run.returncode == 0, run.stderr
    assert "    30 learners,     91 files" in run.stdout
    assert "time vs goal" in run.stdout and "memory vs goal" in run.stdout
    assert "where the time goes" in run.stdout
