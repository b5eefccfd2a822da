"""A test-only XBlock whose one job is to give the workbench scenarios built from the OLX export.

Registered by the test setup only (devreg); the file named by ZHINENG_OLX_SCENARIO holds the XML of one
scenario, or a JSON list of [name, xml] pairs for several.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from web_fragments.fragment import Fragment
from xblock.core import XBlock


class OlxExportScenarios(XBlock):
    def student_view(self, context: dict | None = None) -> Fragment:
        return Fragment("")

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        from .wb_location import give_blocks_their_block_id

        give_blocks_their_block_id()
        path = os.environ.get("ZHINENG_OLX_SCENARIO")
        if not path:
            return []
        text = Path(path).read_text(encoding="utf-8")
        if text.startswith("["):
            return [(name, xml) for name, xml in json.loads(text)]
        return [("zhineng OLX export", text)]
