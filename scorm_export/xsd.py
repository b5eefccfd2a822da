"""Validate a manifest against the vendored ADL/IMS schemas, offline.

lxml validates against one schema, so a small wrapper imports every namespace of a version from the vendored
files (`schemas/<dir>/`). A resolver refuses anything that is not a vendored file, so validation never
reaches the network even if a schema names a remote location.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA_ROOT = Path(__file__).resolve().parent / "schemas"

# namespace -> schema file, per version; these are also the control files shipped at the package root.
SCHEMAS: dict[str, tuple[str, dict[str, str]]] = {
    "scorm12": (
        "scorm12",
        {
            "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
            "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
            "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd",
        },
    ),
    "scorm2004": (
        "scorm2004_4th",
        {
            "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
            "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
            "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
            "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
            "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
        },
    ),
}


def schema_dir(version: str) -> Path:
    return SCHEMA_ROOT / SCHEMAS[version][0]


def control_files(version: str) -> dict[str, bytes]:
    """The vendored .xsd/.dtd files of a version, by file name (CAM: shipped beside imsmanifest.xml)."""
    folder = schema_dir(version)
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in {".xsd", ".dtd"}}


# Two SCORM 1.2 schemas that libxml2 refuses to compile, patched in memory (the vendored files stay as
# published): ims_xml.xsd binds the default namespace to the xml namespace (unused there, so dropped), and
# imsmd_rootv1p2p1.xsd ends its sequences with `any ##any`, which breaks the unique-particle rule
# (narrowed to `##other`, what IMS MD 1.2.1 meant: extensions come from other namespaces).
_LIBXML2_FIXES = {
    "ims_xml.xsd": (b'xmlns="http://www.w3.org/XML/1998/namespace"', b""),
    "imsmd_rootv1p2p1.xsd": (b'namespace="##any"', b'namespace="##other"'),
}


class _LocalOnly(etree.Resolver):  # type: ignore[misc]  # lxml ships no type information
    """Resolve schema imports inside the vendored folder; refuse everything else."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        name = system_url.rsplit("/", 1)[-1]
        local = self.folder / name
        if local.is_file():
            data = local.read_bytes()
            if name in _LIBXML2_FIXES:
                data = data.replace(*_LIBXML2_FIXES[name])
            return self.resolve_string(data, context, base_url=local.as_uri())
        raise etree.XMLSchemaParseError(f"schema outside the vendored set: {system_url}")


@cache
def _schema(version: str) -> etree.XMLSchema:
    folder = schema_dir(version)
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{name}"/>' for ns, name in SCHEMAS[version][1].items()
    )
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalOnly(folder))
    root = etree.fromstring(wrapper.encode(), parser, base_url=(folder / "_wrapper.xsd").as_uri())
    return etree.XMLSchema(root)


def xsd_errors(manifest: bytes, version: str) -> list[str]:
    """Every schema violation in the manifest, as `line N: message`; empty when valid."""
    schema = _schema(version)
    doc = etree.fromstring(manifest, etree.XMLParser(no_network=True, resolve_entities=False))
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
