"""A deliverable field's value as the text tracking data carries, and back; split into parts an LMS accepts.

long_text and link: the text itself. table: compact JSON, one array of cell texts per row, input columns only
(computed columns are derived again by `performance.table`), rows with every cell blank left out. checklist:
compact JSON array of the ticked item ids, in the field's order. The runtime repeats these rules
(`deliverable.js`); `tests/vectors/deliverable.json` proves the two equal.

Lengths are counted in UTF-16 code units, as a browser and every SCORM API counts them, and a part never ends
between the two halves of a surrogate pair.
"""

from __future__ import annotations

import json
import re

from .model import ChecklistField, DeliverableField, TableField

PART_CHARS = 4000  # SCORM 2004's smallest permitted maximum for a long-fill-in learner_response


class DecodeError(ValueError):
    """Tracking data that does not hold a value of the field's type."""


def encode_field(field: DeliverableField, value: object) -> str:
    if isinstance(field, TableField):
        width = len(field.inputs)
        rows = [[_cell(r, i) for i in range(width)] for r in value] if isinstance(value, list) else []
        return _json([r for r in rows if any(c.strip() for c in r)])
    if isinstance(field, ChecklistField):
        ticked = set(value) if isinstance(value, list) else set()
        return _json([item.id for item in field.items if item.id in ticked])
    return value if isinstance(value, str) else ""


def decode_field(field: DeliverableField, text: str) -> str | list[list[str]] | list[str]:
    if isinstance(field, TableField):
        rows = _parse(text)
        if not isinstance(rows, list) or not all(
            isinstance(r, list) and all(isinstance(c, str) for c in r) for r in rows
        ):
            raise DecodeError(f"field '{field.id}': expected a list of rows of cell texts")
        return rows
    if isinstance(field, ChecklistField):
        ticked = _parse(text)
        if not isinstance(ticked, list) or not all(isinstance(t, str) for t in ticked):
            raise DecodeError(f"field '{field.id}': expected a list of item ids")
        known = {item.id for item in field.items}
        return [t for t in ticked if t in known]
    return text


_LINE_BREAKS = re.compile("[\r\n\t\u2028\u2029]+")


def lms_line(text: str, max_units: int | None = None) -> str:
    """A text as an LMS string holds it (the runtime's `cleanText`, responses.js): runs of line breaks and tabs as
    one space, SCORM 2004's "[,]" and "[.]" and a leading "{" escaped, cut at `max_units` UTF-16 code units.
    The report uses it to recognise a saved state's deliverable in the interactions that carry it."""
    line = _LINE_BREAKS.sub(" ", text).replace("[,]", "[ ,]").replace("[.]", "[ .]")
    if line.startswith("{"):
        line = " " + line
    if max_units is not None and utf16_length(line) > max_units:
        units = line.encode("utf-16-le", "surrogatepass")[: 2 * max_units]
        line = units.decode("utf-16-le", "surrogatepass")
    return line


def lms_parts(encoded: str, size: int = PART_CHARS) -> list[str]:
    """A field's value as SCORM 2004 interactions hold it (the runtime's `lmsParts`, responses.js): the whole
    value made one LMS line first, then split into parts of at most `size` UTF-16 code units, never between the
    halves of a surrogate pair, a part that would start with "{" led by a space within its size. Escaping before
    splitting means no character is pushed out of a part. At least one part (an empty value is one empty part)."""
    units = lms_line(encoded).encode("utf-16-le", "surrogatepass")
    total = len(units) // 2
    parts: list[str] = []
    at = 0
    while True:
        lead = " " if units[2 * at : 2 * at + 2] == b"{\x00" else ""
        end = min(total, at + size - len(lead))
        if end < total and 0xD800 <= int.from_bytes(units[2 * end - 2 : 2 * end], "little") <= 0xDBFF:
            end -= 1
        parts.append(lead + units[2 * at : 2 * end].decode("utf-16-le", "surrogatepass"))
        at = end
        if at >= total:
            return parts


def interaction_text(encoded: str) -> str:
    """A field's value as SCORM 2004 interactions hold it, their parts joined."""
    return "".join(lms_parts(encoded))


def utf16_length(text: str) -> int:
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)


def _cell(row: object, i: int) -> str:
    if isinstance(row, list) and i < len(row):
        cell = row[i]
        if isinstance(cell, str):  # what a form gives; a number here has no one spelling across languages
            return cell
    return ""


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _parse(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise DecodeError(f"not JSON: {exc}") from exc
