"""A test-only XBlock whose one job is to give the workbench a scenario built from the OLX export.

Registered by the test setup only (devreg); the file named by ZHINENG_OLX_SCENARIO holds the XML.
"""

from __future__ import annotations

import os
from pathlib import Path

from web_fragments.fragment import Fragment
from xblock.core import XBlock


class OlxExportScenarios(XBlock):
    def student_view(self, context: dict | None = None) -> Fragment:
        return Fragment("")

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        path = os.environ.get("ZHINENG_OLX_SCENARIO")
        return [("zhineng OLX export", Path(path).read_text(encoding="utf-8"))] if path else []
