"""The SCORM 1.2 adapter: a `ManifestPlan` as an IMS CP 1.1.2 manifest with ADL CP 1.2 and IMS MD 1.2.1."""

from __future__ import annotations

from lxml import etree

from .plan import ManifestPlan
from .xml_parts import XSI, add_resources, manifest_skeleton
from .xml_parts import element as _el

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NSMAP = {None: CP, "adlcp": ADLCP, "imsmd": IMSMD, "xsi": XSI}
SCHEMA_LOCATION = f"{CP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"


def _langstring(parent: etree._Element, tag: str, text: str, lang: str) -> None:
    _el(_el(parent, IMSMD, tag), IMSMD, "langstring", text, **{XML_LANG: lang})


def _lom(parent: etree._Element, plan: ManifestPlan) -> None:
    general = _el(_el(parent, IMSMD, "lom"), IMSMD, "general")
    _langstring(general, "title", plan.title, plan.language)
    _el(general, IMSMD, "language", plan.language)
    _langstring(general, "description", plan.description, plan.language)
    for keyword in plan.keywords:
        _langstring(general, "keyword", keyword, plan.language)


def render12(plan: ManifestPlan) -> bytes:
    root, organization = manifest_skeleton(plan, CP, NSMAP, SCHEMA_LOCATION, "1.2", _lom)
    for sco in plan.scos:
        item = _el(
            organization, CP, "item", identifier=sco.item_id, identifierref=sco.resource_id, isvisible="true"
        )
        _el(item, CP, "title", sco.title)
        # No adlcp:masteryscore: an LMS would compare cmi.core.score.raw with it and override the SCO's
        # passed/failed, which follows the per-K mastery rule (quizzes/mastery.py), not the overall score.

    add_resources(root, plan, CP, f"{{{ADLCP}}}scormtype")
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
