"""One table from SCORM version to its manifest adapter, and the version names the CLI accepts."""

from __future__ import annotations

from collections.abc import Callable

from .manifest12 import render12
from .manifest2004 import render2004
from .plan import ManifestPlan

RENDERERS: dict[str, Callable[[ManifestPlan], bytes]] = {"scorm12": render12, "scorm2004": render2004}
VERSIONS = tuple(RENDERERS)


def render_manifest(plan: ManifestPlan, version: str) -> bytes:
    return RENDERERS[version](plan)
