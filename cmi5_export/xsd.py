"""Validate cmi5.xml against the vendored official course-structure schema (schemas/NOTICE.md), offline."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA = Path(__file__).resolve().parent / "schemas" / "CourseStructure.xsd"
_PARSER = etree.XMLParser(no_network=True, resolve_entities=False)


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA), _PARSER))


def course_structure_errors(document: bytes) -> list[str]:
    """Every schema violation in a cmi5.xml, as `line N: message`; empty when valid."""
    schema = _schema()
    if schema.validate(etree.fromstring(document, _PARSER)):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
