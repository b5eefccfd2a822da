"""The workbench gives every block a Mock `location` (for legacy blocks); in the LMS, `location.block_id` is the
usage's block id, a string, and openedx-scorm-xblock builds its storage paths from it. Give it that string.

Imported by wb_olx when the workbench loads scenarios (Django is set up by then); nothing else is changed.
"""

from __future__ import annotations

from typing import Any


def give_blocks_their_block_id() -> None:
    from workbench.runtime import WorkbenchRuntime

    patch = WorkbenchRuntime._patch_xblock
    if getattr(patch, "zhineng_block_id", False):
        return

    def patch_xblock(self: Any, block: Any) -> None:
        patch(self, block)
        block.location.block_id = str(block.scope_ids.usage_id)

    patch_xblock.zhineng_block_id = True  # type: ignore[attr-defined]
    WorkbenchRuntime._patch_xblock = patch_xblock
