"""The fuzz suite's runner and settings: every input goes through the real `zhineng` in a child process whose
address space and CPU time are limited, so an input that needs unbounded memory or time fails the test (the
child dies or runs out of its limit), and one that lets an exception escape shows its traceback.

The in-suite slice is short and seeded (derandomized); `make fuzz` runs the same tests with many more examples
(ZHINENG_FUZZ_EXAMPLES) and a random seed.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).resolve().parent / "fuzz_worker.py"

MEMORY_LIMIT = 2 * 1024**3  # address space of the worker: the interpreter, the course, and one input
CPU_LIMIT_SECONDS = 1800  # for the whole worker: a runaway input ends, far beyond any honest run
WALL_LIMIT_SECONDS = 300  # per input: generous on a loaded machine; never a timing assertion

EXAMPLES = int(os.environ.get("ZHINENG_FUZZ_EXAMPLES", "0"))  # set by `make fuzz`


def fuzz_settings(in_suite: int) -> settings:
    """`in_suite` seeded examples in the test suite; ZHINENG_FUZZ_EXAMPLES random ones under `make fuzz`."""
    return settings(
        max_examples=EXAMPLES or in_suite,
        derandomize=not EXAMPLES,
        database=None,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
        print_blob=True,
    )


@dataclass
class Outcome:
    code: int
    err: str
    traceback: str | None
    seconds: float


class LimitedZhineng:
    """One worker process (tests/fuzz_worker.py) under RLIMIT_AS and RLIMIT_CPU, restarted after a crash."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
            resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_SECONDS, CPU_LIMIT_SECONDS))

        return subprocess.Popen(
            [sys.executable, str(WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            preexec_fn=limit,
            cwd=ROOT,
        )

    def run(self, argv: list[str], cwd: Path) -> Outcome:
        if self._process is None or self._process.poll() is not None:
            self._process = self._start()
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps({"argv": argv, "cwd": str(cwd)}) + "\n")
        process.stdin.flush()
        answer = _read_line(process, WALL_LIMIT_SECONDS)
        if answer is None:
            self.close()
            raise AssertionError(f"zhineng {argv!r} crashed or ran past its limits (memory, CPU or time)")
        data: dict[str, Any] = json.loads(answer)
        return Outcome(data["code"], data["err"], data["traceback"], data["seconds"])

    def close(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None


@pytest.fixture(scope="module", name="zhineng")
def limited_zhineng() -> Iterator[LimitedZhineng]:
    """The limited runner, one worker per test module."""
    runner = LimitedZhineng()
    yield runner
    runner.close()


def _read_line(process: subprocess.Popen[str], timeout: float) -> str | None:
    """The worker's next answer, or None if it died or took longer than timeout (then it is killed)."""
    import selectors

    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            return None
    line = process.stdout.readline()
    return line or None


def assert_clean(outcome: Outcome, argv: list[str], codes: set[int]) -> None:
    """No traceback, an exit code from the documented set, and a message whenever the exit is not 0."""
    assert outcome.traceback is None, f"zhineng {argv!r} raised:\n{outcome.traceback}"
    assert "Traceback (most recent call last)" not in outcome.err, outcome.err
    assert outcome.code in codes, (
        f"zhineng {argv!r} exited {outcome.code}, not one of {sorted(codes)}: {outcome.err}"
    )
    if outcome.code != 0:
        assert outcome.err.strip(), f"zhineng {argv!r} exited {outcome.code} without a message"
