"""Run one of tests/js/*.js with JSON on stdin and read JSON back: how the Python tests ask the JS runtime."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

JS = Path(__file__).resolve().parent / "js"
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


def run_node_json(script: str, data: Any) -> Any:
    done = subprocess.run(
        ["node", str(JS / script)],
        input=json.dumps(data, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(done.stdout)
