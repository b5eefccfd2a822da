"""The command line loads only what the command it runs needs (start-up time; nothing is timed here)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Run the real entry point in a fresh interpreter and list what it imported.
PROBE = """
import contextlib, io, json, sys
from zhineng.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""

RENDERERS = (
    "zhineng.scorm_export.package",
    "zhineng.cmi5_export.package",
    "zhineng.olx_export.package",
    "lxml",
)
READERS = ("zhineng.reports.run", "zhineng.reports.sources", "zhineng.reports.build")


def imported(*argv: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


def test_version_loads_no_model_renderer_or_reader() -> None:
    loaded = imported("--version")
    assert not loaded & {"pydantic", "yaml", "markdown_it", *RENDERERS, *READERS}


@pytest.mark.parametrize("argv", [("validate",), ("coverage", "--format", "csv")])
def test_checking_a_course_loads_no_renderer_or_reader(argv: tuple[str, ...]) -> None:
    loaded = imported(*argv)
    assert "zhineng.modules.loader" in loaded  # the command did run
    assert not loaded & {*RENDERERS, *READERS, "markdown_it"}  # checking needs the Markdown, not its HTML
