"""What the 1.2 and 2004 manifests build the same way; only namespaces and one attribute name differ."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from .plan import ASSETS_RESOURCE_ID, ORGANIZATION_ID, ManifestPlan

XSI = "http://www.w3.org/2001/XMLSchema-instance"


def element(
    parent: etree._Element, ns: str, tag: str, text: str | None = None, **attrs: str
) -> etree._Element:
    child = etree.SubElement(parent, f"{{{ns}}}{tag}", attrs)
    if text is not None:
        child.text = text
    return child


def add_resources(root: etree._Element, plan: ManifestPlan, cp: str, scorm_type: str) -> None:
    """One SCO resource per module (depending on the shared assets), then the asset resources.

    `scorm_type` is the qualified attribute: `adlcp:scormtype` in 1.2, `adlcp:scormType` in 2004.
    """
    resources = element(root, cp, "resources")
    for sco in plan.scos:
        resource = element(
            resources,
            cp,
            "resource",
            identifier=sco.resource_id,
            type="webcontent",
            href=sco.href,
            **{scorm_type: "sco"},
        )
        for path in sco.files:
            element(resource, cp, "file", href=path)
        element(resource, cp, "dependency", identifierref=ASSETS_RESOURCE_ID)
    for identifier, files in plan.asset_resources():
        assets = element(
            resources, cp, "resource", identifier=identifier, type="webcontent", **{scorm_type: "asset"}
        )
        for path in files:
            element(assets, cp, "file", href=path)


def manifest_skeleton(
    plan: ManifestPlan,
    cp: str,
    nsmap: dict[str | None, str],
    schema_location: str,
    schema_version: str,
    lom: Callable[[etree._Element, ManifestPlan], None],
) -> tuple[etree._Element, etree._Element]:
    """The manifest root with its metadata (schema, version, LOM) and the one organization: (root, organization)."""
    root = etree.Element(
        f"{{{cp}}}manifest",
        {
            "identifier": plan.identifier,
            "version": plan.revision,
            f"{{{XSI}}}schemaLocation": schema_location,
        },
        nsmap=nsmap,
    )
    metadata = element(root, cp, "metadata")
    element(metadata, cp, "schema", "ADL SCORM")
    element(metadata, cp, "schemaversion", schema_version)
    lom(metadata, plan)
    organizations = element(root, cp, "organizations", default=ORGANIZATION_ID)
    organization = element(organizations, cp, "organization", identifier=ORGANIZATION_ID)
    element(organization, cp, "title", plan.title)
    return root, organization
