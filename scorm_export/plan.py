"""What a manifest says, before it is XML: one version-neutral description that both adapters render.

Identifiers are derived here, once, so the 1.2 and 2004 manifests (and the lint) agree on them. SCO
resources are `RES-SCO-<module id>` and the shared assets are `RES-ASSETS`, so no module id can collide
with the shared resource.
"""

from __future__ import annotations

from dataclasses import dataclass

ORGANIZATION_ID = "ORG-zhineng"
ASSETS_RESOURCE_ID = "RES-ASSETS"
# The .xsd/.dtd files the CAM wants beside the manifest; listed in an asset resource of their own so
# that every file of the zip is listed somewhere.
CONTROL_RESOURCE_ID = "RES-CONTROL"


@dataclass(frozen=True)
class ScoEntry:
    module_id: str
    title: str
    href: str  # the launch file, e.g. sco/T1/index.html
    files: tuple[str, ...]  # every file of the SCO's own folder, launch file included
    knowledge: tuple[str, ...]  # K ids assessed by the module, in standard order

    @property
    def item_id(self) -> str:
        return f"ITEM-{self.module_id}"

    @property
    def resource_id(self) -> str:
        return f"RES-SCO-{self.module_id}"


@dataclass(frozen=True)
class ManifestPlan:
    identifier: str  # the manifest's identifier (an xs:ID)
    revision: str  # the manifest's version attribute; changes when the content does
    title: str
    description: str
    language: str
    keywords: tuple[str, ...]
    standard_id: str
    scos: tuple[ScoEntry, ...]
    shared_files: tuple[str, ...]
    control_files: tuple[str, ...] = ()

    def asset_resources(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(identifier, files) of each asset resource, in manifest order; empty ones are left out."""
        groups = ((ASSETS_RESOURCE_ID, self.shared_files), (CONTROL_RESOURCE_ID, self.control_files))
        return tuple((ident, files) for ident, files in groups if files)


def global_objective_id(standard_id: str, knowledge_id: str) -> str:
    """The 2004 global objective shared by every SCO that assesses this K item."""
    return f"urn:zhineng:{standard_id}:{knowledge_id}"
