"""cmi5.xml: the course structure (cmi5 spec, section 13), one AU per module, built with lxml."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
# Every K item must be mastered and every question answered: the AU says completed and passed (or failed).
MOVE_ON = "CompletedAndPassed"
# The AU may open in the LMS's frame or its own window; the player works in both.
LAUNCH_METHOD = "AnyWindow"


@dataclass(frozen=True)
class AuEntry:
    iri: str
    title: str
    description: str
    language: str
    url: str  # relative to cmi5.xml
    mastery: float  # 0..1, the module's mastery threshold


@dataclass(frozen=True)
class CourseEntry:
    iri: str
    title: str
    description: str
    language: str


def _text(parent: etree._Element, tag: str, text: str, lang: str) -> None:
    holder = etree.SubElement(parent, f"{{{NS}}}{tag}")
    etree.SubElement(holder, f"{{{NS}}}langstring", lang=lang).text = text


def render_course_structure(course: CourseEntry, aus: Sequence[AuEntry]) -> bytes:
    root = etree.Element(f"{{{NS}}}courseStructure", nsmap={None: NS})
    head = etree.SubElement(root, f"{{{NS}}}course", id=course.iri)
    _text(head, "title", course.title, course.language)
    _text(head, "description", course.description, course.language)
    for au in aus:
        node = etree.SubElement(
            root,
            f"{{{NS}}}au",
            id=au.iri,
            moveOn=MOVE_ON,
            masteryScore=f"{au.mastery:g}",
            launchMethod=LAUNCH_METHOD,
        )
        _text(node, "title", au.title, au.language)
        _text(node, "description", au.description, au.language)
        etree.SubElement(node, f"{{{NS}}}url").text = au.url
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
