"""The standard as an IMS CASE 1.0 package (CFPackage JSON), so other tools can read and align to it.

Identifiers are UUIDv5 of the standard id and the item id: stable across exports, and the same
IRIs the cmi5 statements use to name a K or A item. URIs default to `urn:uuid:<identifier>`; pass a
`base_uri` to publish them under a real address.
"""

from __future__ import annotations

import uuid
from typing import Any

from .standard import Standard, StandardItem

# A fixed namespace for this toolkit; never change it, or every published identifier moves.
NAMESPACE = uuid.UUID("6f1c1d2e-6a43-5b8e-9d1c-7a3e2f0c9b41")

ITEM_TYPES = {
    "task": ("工作任務", "Work task"),
    "activity": ("工作活動", "Work activity"),
    "output": ("工作產出", "Work output"),
    "indicator": ("行為指標", "Behaviour indicator"),
    "knowledge": ("知識", "Knowledge"),
    "skill": ("技能", "Skill"),
    "attitude": ("態度", "Attitude"),
}


def case_identifier(standard: Standard, item_id: str | None = None) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{standard.id}/{item_id}" if item_id else standard.id))


def case_uri(identifier: str, base_uri: str | None) -> str:
    return f"{base_uri.rstrip('/')}/{identifier}" if base_uri else f"urn:uuid:{identifier}"


def case_package(standard: Standard, base_uri: str | None = None) -> dict[str, Any]:
    changed = f"{standard.version_date}T00:00:00+00:00"
    doc_id = case_identifier(standard)
    doc_link = {"title": standard.title, "identifier": doc_id, "uri": case_uri(doc_id, base_uri)}

    def link(item_id: str, title: str) -> dict[str, str]:
        ident = case_identifier(standard, item_id)
        return {"title": title, "identifier": ident, "uri": case_uri(ident, base_uri)}

    type_ids = {kind: case_identifier(standard, f"type:{kind}") for kind in ITEM_TYPES}
    items = [_item(standard, item, base_uri, changed, doc_link, type_ids) for item in standard.items()]
    by_id = {item.id: item for item in standard.items()}

    associations: list[dict[str, Any]] = []

    def associate(kind: str, origin: StandardItem, destination: dict[str, str], seq: int | None) -> None:
        ident = case_identifier(standard, f"assoc:{kind}:{origin.id}->{destination['identifier']}")
        assoc: dict[str, Any] = {
            "identifier": ident,
            "uri": case_uri(ident, base_uri),
            "associationType": kind,
            "CFDocumentURI": doc_link,
            "originNodeURI": link(origin.id, origin.label),
            "destinationNodeURI": destination,
            "lastChangeDateTime": changed,
        }
        if seq is not None:
            assoc["sequenceNumber"] = seq
        associations.append(assoc)

    roots = [i for i in standard.items() if i.parent is None]
    for seq, item in enumerate(roots, start=1):
        associate("isChildOf", item, doc_link, seq)
    children: dict[str, int] = {}
    for item in standard.items():
        if item.parent:
            children[item.parent] = children.get(item.parent, 0) + 1
            parent = by_id[item.parent]
            associate("isChildOf", item, link(parent.id, parent.label), children[item.parent])
    for task in standard.tasks:
        for ref in [*task.knowledge, *task.skills]:
            target = by_id[ref]
            associate("isRelatedTo", by_id[task.id], link(target.id, target.label), None)

    return {
        "CFDocument": {
            "identifier": doc_id,
            "uri": doc_link["uri"],
            "creator": "勞動部勞動力發展署 iCAP 職能基準 (encoded by zhineng)",
            "title": standard.title,
            "lastChangeDateTime": changed,
            "description": f"{standard.job_description} 入門水準：{standard.entry_level}",
            "language": standard.language,
            "version": standard.version,
            "adoptionStatus": "Draft",
            "notes": "Ids differ from printed codes where the printed standard repeats a code; see ERRATA.md.",
            "CFPackageURI": {"title": standard.title, "identifier": doc_id, "uri": doc_link["uri"]},
        },
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFItemTypes": [
                {
                    "identifier": type_ids[kind],
                    "uri": case_uri(type_ids[kind], base_uri),
                    "title": zh,
                    "description": en,
                    "hierarchyCode": kind,
                    "typeCode": kind,
                    "lastChangeDateTime": changed,
                }
                for kind, (zh, en) in ITEM_TYPES.items()
            ],
            "CFConcepts": [],
            "CFSubjects": [],
            "CFLicenses": [],
            "CFAssociationGroupings": [],
        },
    }


def _item(
    standard: Standard,
    item: StandardItem,
    base_uri: str | None,
    changed: str,
    doc_link: dict[str, str],
    type_ids: dict[str, str],
) -> dict[str, Any]:
    ident = case_identifier(standard, item.id)
    notes = [f"印製代碼 (printed code): {item.label}"]
    if item.erratum:
        notes.append(f"ERRATA {item.erratum}")
    if item.text is None:
        notes.append("標準未提供文字 (no text in the standard)")
    zh_type, _ = ITEM_TYPES[item.kind]
    return {
        "identifier": ident,
        "uri": case_uri(ident, base_uri),
        "fullStatement": item.text or f"{item.label}（標準未提供文字）",
        "humanCodingScheme": item.id,
        "alternativeLabel": item.label,
        "CFItemType": zh_type,
        "CFItemTypeURI": {
            "title": zh_type,
            "identifier": type_ids[item.kind],
            "uri": case_uri(type_ids[item.kind], base_uri),
        },
        "language": standard.language,
        "notes": "；".join(notes),
        "CFDocumentURI": doc_link,
        "lastChangeDateTime": changed,
    }
