"""The blocks read the built-in course compiled at build time: fresh, and no YAML inside the LMS process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from zhineng.xblocks.compiled import FILE, compile_builtin

ROOT = Path(__file__).resolve().parents[2]


def test_the_compiled_course_is_fresh() -> None:
    shipped = (ROOT / "xblocks" / FILE).read_bytes()
    assert shipped == compile_builtin(), f"xblocks/{FILE} is stale: run `make banks` and commit it"


# A fresh interpreter, as an LMS worker is: render every kind of built-in quiz and the progress block, submit
# once, and list whether our YAML reader or the course loader was imported (XBlock itself imports PyYAML,
# so that module says nothing; every course file we parse goes through modules/yamlsrc.py).
LMS = """
import json, sys
sys.path.insert(0, sys.argv[1])
from xblock_tests import conftest  # noqa: F401 - Django templates and the entry points
from xblock_tests.harness import Harness
h = Harness()
for xml in ('<zhineng_quiz selection_kind="module" selection="T1"/>',
            '<zhineng_quiz selection_kind="knowledge" selection="K2"/>',
            '<zhineng_progress/>'):
    h.html(h.parse(xml))
quiz = h.parse('<zhineng_quiz selection_kind="ids" selection="T1-Q001"/>')
reply = h.call(quiz, "submit", {"answers": {"T1-Q001": "a"}})
loaded = [m for m in ("zhineng.modules.yamlsrc", "zhineng.modules.loader") if m in sys.modules]
print(json.dumps({"status": reply.status, "loaded": loaded}))
"""


def test_blocks_parse_no_yaml_in_the_lms_process() -> None:
    out = subprocess.run(
        [sys.executable, "-c", LMS, str(ROOT / "tests")], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == '{"status": 200, "loaded": []}'
