"""Semantic lint of a manifest against the files of its zip: what an XSD cannot say.

- identifiers are unique, and every identifierref names a resource;
- every href is a clean relative path to a file of the zip, and a resource lists its own launch file;
- every file of the zip is listed in a resource (except the manifest itself);
- nothing of the other SCORM version leaks in (e.g. `adlcp:masteryscore` or lowercase `scormtype` in 2004,
  sequencing or camel-case `scormType` in 1.2), which the lax `##other` wildcards of the XSDs let through.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator

from lxml import etree

MANIFEST = "imsmanifest.xml"

# Namespaces that belong to one version only.
_ONLY_12 = {
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
}
_ONLY_2004 = {
    "http://www.imsglobal.org/xsd/imscp_v1p1",
    "http://www.adlnet.org/xsd/adlcp_v1p3",
    "http://www.adlnet.org/xsd/adlseq_v1p3",
    "http://www.adlnet.org/xsd/adlnav_v1p3",
    "http://www.imsglobal.org/xsd/imsss",
    "http://ltsc.ieee.org/xsd/LOM",
}
# Local names that are wrong in the other version whatever their namespace (a misspelt namespace included).
_NAMES_ONLY_12 = {"scormtype", "masteryscore", "prerequisites", "maxtimeallowed", "timelimitaction"}
_NAMES_ONLY_2004 = {"scormType", "sequencing", "completionThreshold", "presentation"}
_FOREIGN = {"scorm12": (_ONLY_2004, _NAMES_ONLY_2004), "scorm2004": (_ONLY_12, _NAMES_ONLY_12)}


def lint_manifest(manifest: bytes, files: Collection[str], version: str) -> list[str]:
    """Every finding, as a sentence naming the identifier or path; empty when clean."""
    root = etree.fromstring(manifest, etree.XMLParser(no_network=True, resolve_entities=False))
    findings: list[str] = []
    findings += _identifiers(root)
    findings += _hrefs(root, set(files))
    findings += _unlisted(root, files)
    findings += _foreign(root, version)
    return findings


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _elements(root: etree._Element, name: str) -> Iterator[etree._Element]:
    return (el for el in root.iter() if _local(el.tag) == name)


def _identifiers(root: etree._Element) -> list[str]:
    ids = Counter(el.get("identifier") for el in root.iter() if el.get("identifier") is not None)
    findings = [f"identifier '{ident}' is used {n} times" for ident, n in sorted(ids.items()) if n > 1]
    resources = {el.get("identifier") for el in _elements(root, "resource")}
    for el in root.iter():
        ref = el.get("identifierref")
        if ref is not None and ref not in resources:
            findings.append(f"{_local(el.tag)} refers to '{ref}', which is not a resource")
    return findings


def _bad_path(href: str) -> str | None:
    parts = href.split("/")
    if "\\" in href or ":" in parts[0] or href.startswith("/") or ".." in parts or "" in parts:
        return f"href '{href}' is not a relative path inside the package"
    return None


def _hrefs(root: etree._Element, files: set[str]) -> list[str]:
    findings = []
    for resource in _elements(root, "resource"):
        ident = resource.get("identifier")
        listed = {f.get("href") for f in resource if _local(f.tag) == "file"}
        launch = resource.get("href")
        hrefs = sorted(h for h in listed if h is not None) + ([launch] if launch is not None else [])
        for href in hrefs:
            bad = _bad_path(href)
            if bad:
                findings.append(f"resource '{ident}': {bad}")
            elif href not in files:
                findings.append(f"resource '{ident}': href '{href}' is not in the package")
        if launch is not None and launch not in listed:
            findings.append(f"resource '{ident}': its launch file '{launch}' is not among its files")
    return findings


def _unlisted(root: etree._Element, files: Collection[str]) -> list[str]:
    listed = {f.get("href") for f in _elements(root, "file")}
    return [
        f"'{path}' is in the package but no resource lists it"
        for path in sorted(set(files) - listed - {MANIFEST})
    ]


def _foreign(root: etree._Element, version: str) -> list[str]:
    namespaces, names = _FOREIGN[version]
    other = "SCORM 2004" if version == "scorm12" else "SCORM 1.2"
    findings = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        qname = etree.QName(el)
        if qname.namespace in namespaces or qname.localname in names:
            findings.append(f"element '{qname.localname}' ({qname.namespace}) belongs to {other}")
        for attr in el.attrib:
            aq = etree.QName(attr)
            if aq.namespace in namespaces or aq.localname in names:
                findings.append(f"attribute '{aq.localname}' on '{qname.localname}' belongs to {other}")
    return findings
