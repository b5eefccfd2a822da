"""`zhineng standard --format case`: an IMS CASE 1.0 package with stable identifiers and sound links."""

from __future__ import annotations

import json
import uuid

import pytest
from zhineng.modules.case import case_package
from zhineng.modules.loader import load_standard

DOC_REQUIRED = {"identifier", "uri", "creator", "title", "lastChangeDateTime"}
ITEM_REQUIRED = {"identifier", "uri", "fullStatement", "lastChangeDateTime", "CFDocumentURI"}
ASSOC_REQUIRED = {
    "identifier",
    "uri",
    "associationType",
    "originNodeURI",
    "destinationNodeURI",
    "lastChangeDateTime",
    "CFDocumentURI",
}
LINK = {"title", "identifier", "uri"}


@pytest.fixture(scope="module")
def package() -> dict:  # type: ignore[type-arg]
    return case_package(load_standard())


def test_cli_prints_the_package(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("standard", "--format", "case")
    assert run.code == 0
    assert json.loads(run.out) == case_package(load_standard())


def test_required_fields(package: dict) -> None:  # type: ignore[type-arg]
    assert set(package["CFDocument"]) >= DOC_REQUIRED
    for item in package["CFItems"]:
        assert set(item) >= ITEM_REQUIRED
        assert set(item["CFDocumentURI"]) == LINK
        uuid.UUID(item["identifier"])
    for assoc in package["CFAssociations"]:
        assert set(assoc) >= ASSOC_REQUIRED
        assert assoc["associationType"] in {"isChildOf", "isRelatedTo"}


def test_every_standard_item_is_an_item_once(package: dict) -> None:  # type: ignore[type-arg]
    codes = [i["humanCodingScheme"] for i in package["CFItems"]]
    assert sorted(codes) == sorted(i.id for i in load_standard().items())
    assert len({i["identifier"] for i in package["CFItems"]}) == len(codes)


def test_associations_point_at_known_nodes(package: dict) -> None:  # type: ignore[type-arg]
    known = {i["identifier"] for i in package["CFItems"]} | {package["CFDocument"]["identifier"]}
    for assoc in package["CFAssociations"]:
        assert assoc["originNodeURI"]["identifier"] in known
        assert assoc["destinationNodeURI"]["identifier"] in known


def test_hierarchy(package: dict) -> None:  # type: ignore[type-arg]
    by_code = {i["humanCodingScheme"]: i["identifier"] for i in package["CFItems"]}
    parent = {
        a["originNodeURI"]["identifier"]: a["destinationNodeURI"]["identifier"]
        for a in package["CFAssociations"]
        if a["associationType"] == "isChildOf"
    }
    assert parent[by_code["P1.4.1"]] == by_code["T1.4"]
    assert parent[by_code["T1.5b"]] == by_code["T1"]
    assert parent[by_code["K12"]] == package["CFDocument"]["identifier"]


def test_identifiers_are_stable_and_uris_configurable() -> None:
    a = case_package(load_standard())
    b = case_package(load_standard(), base_uri="https://lms.example.test/case/")
    assert [i["identifier"] for i in a["CFItems"]] == [i["identifier"] for i in b["CFItems"]]
    assert a["CFItems"][0]["uri"] == f"urn:uuid:{a['CFItems'][0]['identifier']}"
    assert b["CFItems"][0]["uri"] == f"https://lms.example.test/case/{a['CFItems'][0]['identifier']}"
    assert json.dumps(a, sort_keys=True) == json.dumps(case_package(load_standard()), sort_keys=True)


def test_items_without_text_say_so(package: dict) -> None:  # type: ignore[type-arg]
    s8 = next(i for i in package["CFItems"] if i["humanCodingScheme"] == "S8")
    assert s8["fullStatement"] == "S8（標準未提供文字）"
    assert "標準未提供文字" in s8["notes"]
