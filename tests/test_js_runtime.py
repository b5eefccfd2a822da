"""Runs the runtime's Node tests (tests/js/*.test.js), so that `pytest` runs everything."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_suite_passes() -> None:
    files = sorted(str(f.relative_to(ROOT)) for f in (ROOT / "tests" / "js").glob("*.test.js"))
    assert files, "no Node tests found"
    # Explicit files: how `node --test` reads a directory argument changed between Node versions.
    done = subprocess.run(
        ["node", "--test", *files], cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout
