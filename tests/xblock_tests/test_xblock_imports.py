"""The blocks install light inside Open edX: importing and using them pulls in none of the build code."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLOCK_MODULES = ("quiz", "reflection", "progress")
FORBIDDEN = (
    "zhineng.cli",
    "zhineng.scorm_export",
    "zhineng.modules.loader",
    "zhineng.modules.yamlsrc",
    "zhineng.olx_export",
    "zhineng.xblocks.scenarios",
)

PROBE = """
import sys, json
import zhineng.xblocks.quiz, zhineng.xblocks.reflection, zhineng.xblocks.progress
from zhineng.xblocks.bank import stored_bank
stored_bank({"module": "M", "questions": []})
print(json.dumps(sorted(m for m in sys.modules if m.startswith("zhineng"))))
"""


def test_importing_the_blocks_loads_no_build_code() -> None:
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    loaded = set(__import__("json").loads(run.stdout))
    assert "zhineng.quizzes.grader" in loaded
    assert not loaded & set(FORBIDDEN), loaded & set(FORBIDDEN)


def test_block_code_never_imports_lxml_or_yaml_at_module_level() -> None:
    """lxml comes with XBlock itself; our code must not add it. PyYAML only inside the import function."""
    for path in sorted((ROOT / "xblocks").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level only: lazy imports inside functions are the point
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith("lxml"), f"{path.name} imports {name}"
                assert not name.startswith("yaml"), f"{path.name} imports {name}"


NO_PLATFORM = """
import sys

class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("xblock", "web_fragments", "django", "lxml"):
            raise ImportError("refused " + name)

sys.meta_path.insert(0, Refuse())
from zhineng.modules.loader import load_course
from zhineng.olx_export.package import export_olx

name, data = export_olx(load_course())
print(name, len(data))
"""


def test_the_olx_export_needs_no_platform_packages() -> None:
    """`zhineng export olx` runs where XBlock, Django and lxml are not installed."""
    run = subprocess.run([sys.executable, "-c", NO_PLATFORM], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("zhineng-ECMKT-2026.tar.gz ")
