"""The SCORM 2004 4th Edition adapter: a `ManifestPlan` as an IMS CP 1.1.4 manifest with ADL CP/SEQ/NAV 1.3,
IMS Simple Sequencing and inline IEEE LOM.

Sequencing: flow and choice navigation over the modules; each K item a SCO assesses is a local objective mapped
to one global objective (`urn:zhineng:<standard>:<K>`), so a K assessed in two modules has one status.

Passing: the SCO sets cmi.success_status by the one mastery rule (quizzes/mastery.py, every K item at its
threshold; runtime/rollup.js mirrors it). The primary objective is therefore not satisfied by measure and the
manifest names no minNormalizedMeasure: an LMS would turn it into cmi.scaled_passing_score and override the SCO
from the overall score (90 % with two K items failed would become "passed").

Shared evidence: the SCO writes a K objective only once this attempt has assessed every question on it (see
runtime/player.js `report`), so reading the global status in and writing it back can never weaken a K passed in
another module with a status this SCO did not re-assess.
"""

from __future__ import annotations

from lxml import etree

from .plan import ManifestPlan, ScoEntry, global_objective_id
from .xml_parts import XSI, add_resources, manifest_skeleton
from .xml_parts import element as _el

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3"
ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3"
ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3"
IMSSS = "http://www.imsglobal.org/xsd/imsss"
LOM = "http://ltsc.ieee.org/xsd/LOM"
NSMAP = {None: CP, "adlcp": ADLCP, "adlseq": ADLSEQ, "adlnav": ADLNAV, "imsss": IMSSS, "xsi": XSI}
# The LOM schema is not among the vendored files, so it is not named here; LOM is validated laxly.
SCHEMA_LOCATION = (
    f"{CP} imscp_v1p1.xsd {ADLCP} adlcp_v1p3.xsd {ADLSEQ} adlseq_v1p3.xsd "
    f"{ADLNAV} adlnav_v1p3.xsd {IMSSS} imsss_v1p0.xsd"
)


def _lom(parent: etree._Element, plan: ManifestPlan) -> None:
    general = _el(etree.SubElement(parent, f"{{{LOM}}}lom", nsmap={None: LOM}), LOM, "general")
    _el(_el(general, LOM, "title"), LOM, "string", plan.title, language=plan.language)
    _el(general, LOM, "language", plan.language)
    _el(_el(general, LOM, "description"), LOM, "string", plan.description, language=plan.language)
    for keyword in plan.keywords:
        _el(_el(general, LOM, "keyword"), LOM, "string", keyword, language=plan.language)


def _organization_sequencing(parent: etree._Element) -> None:
    seq = _el(parent, IMSSS, "sequencing")
    _el(seq, IMSSS, "controlMode", choice="true", flow="true")
    # The course is satisfied when every module is, failed as soon as one is, complete when all are.
    rules = _el(seq, IMSSS, "rollupRules", rollupObjectiveSatisfied="true", rollupProgressCompletion="true")
    for child_set, operator, condition, action in (
        ("all", "noOp", "satisfied", "satisfied"),
        ("any", "not", "satisfied", "notSatisfied"),
        ("all", "noOp", "completed", "completed"),
    ):
        rule = _el(rules, IMSSS, "rollupRule", childActivitySet=child_set)
        conditions = _el(rule, IMSSS, "rollupConditions")
        _el(conditions, IMSSS, "rollupCondition", operator=operator, condition=condition)
        _el(rule, IMSSS, "rollupAction", action=action)


def _item_sequencing(parent: etree._Element, sco: ScoEntry, standard_id: str) -> None:
    seq = _el(parent, IMSSS, "sequencing")
    objectives = _el(seq, IMSSS, "objectives")
    # No objectiveID: the primary objective is the SCO's own success/score, not a row of cmi.objectives.
    # Not by measure: success is the SCO's per-K rule, which no score threshold can express.
    _el(objectives, IMSSS, "primaryObjective", satisfiedByMeasure="false")
    for knowledge_id in sco.knowledge:
        objective = _el(objectives, IMSSS, "objective", objectiveID=knowledge_id)
        _el(
            objective,
            IMSSS,
            "mapInfo",
            targetObjectiveID=global_objective_id(standard_id, knowledge_id),
            # Read: the SCO starts from the shared status; write: what it assessed (only that, see above).
            readSatisfiedStatus="true",
            readNormalizedMeasure="true",
            writeSatisfiedStatus="true",
            writeNormalizedMeasure="true",
        )
    # The SCO sets its own completion and success (its own rollup), so the LMS must not guess them.
    _el(seq, IMSSS, "deliveryControls", completionSetByContent="true", objectiveSetByContent="true")


def render2004(plan: ManifestPlan) -> bytes:
    root, organization = manifest_skeleton(plan, CP, NSMAP, SCHEMA_LOCATION, "2004 4th Edition", _lom)
    for sco in plan.scos:
        item = _el(organization, CP, "item", identifier=sco.item_id, identifierref=sco.resource_id)
        _el(item, CP, "title", sco.title)
        _item_sequencing(item, sco, plan.standard_id)
    _organization_sequencing(organization)

    add_resources(root, plan, CP, f"{{{ADLCP}}}scormType")
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
