"""A short, seeded slice of the fuzz targets (tests/fuzz_targets.py) on every run; `make fuzz` runs long ones.

Each target runs in a child process under an address-space limit with an alarm per input, so an input that
hangs or eats memory fails here instead of stalling the suite. The wall timeout only stops a runaway child.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("hypothesis")
pytest.importorskip("xblock")

TARGETS = Path(__file__).resolve().parent / "fuzz_targets.py"


@pytest.mark.parametrize("target", ["yaml_loader", "studio_import", "handlers"])
def test_fuzz_slice(target: str) -> None:
    run = subprocess.run(
        [sys.executable, str(TARGETS), target, "--examples", "60", "--memory-mb", "1500"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert f"{target}: 60 inputs, no failure" in run.stdout
