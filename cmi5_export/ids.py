"""The IRIs a cmi5 package and its statements use, and the one place they are built and read back: the export
names the course and its AUs, the runtime gets the prefix of each kind of activity in its payload
(cmi5_export/payload.py: a question is `<AU>:question:<id>`, a reflection `<AU>:reflection:<id>`, a performance
task `<AU>:task:<id>`, docs/cmi5.md), and the report reads ids back with parse_activity_iri. K and A items (and
activities, tasks, O and P items) are named by their CASE URI (modules/case.py), so an LRS query by competency
finds every statement about that item."""

from __future__ import annotations

import re

from ..modules.case import case_identifier, case_uri
from ..modules.standard import Standard


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._~-]", "_", text)


def item_iri(standard: Standard, item_id: str) -> str:
    """A K or A item (or an activity, a task): the URI of the CASE export with no base URI."""
    return case_uri(case_identifier(standard, item_id), None)


def course_iri(standard: Standard) -> str:
    return f"urn:zhineng:{_slug(standard.id)}:cmi5:course"


def au_iri(standard: Standard, module_id: str) -> str:
    return f"urn:zhineng:{_slug(standard.id)}:cmi5:au:{_slug(module_id)}"


# The kinds of activity an AU's statements name below the AU itself.
ACTIVITY_KINDS = ("question", "reflection", "task")


def activity_prefixes(au: str) -> dict[str, str]:
    """kind -> the IRI prefix an id of that kind is appended to, for the AU `au` (what the runtime receives)."""
    return {kind: f"{au}:{kind}:" for kind in ACTIVITY_KINDS}


def activity_iri(au: str, kind: str, ident: str) -> str:
    return activity_prefixes(au)[kind] + ident


def parse_activity_iri(iri: str) -> tuple[str, str] | None:
    """(kind, id) of an IRI built by activity_iri, whatever its AU; None for any other IRI. An AU's IRI holds
    no colon-delimited kind (au_iri's slugs have no colon), so the last `:<kind>:` starts the id."""
    for kind in ACTIVITY_KINDS:
        head, mark, ident = iri.rpartition(f":{kind}:")
        if mark and head and ident:
            return kind, ident
    return None
