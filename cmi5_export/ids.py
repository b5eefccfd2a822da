"""The IRIs a cmi5 package and its statements use (a question's and a reflection's are built by the runtime,
`<AU>:question:<id>` and `<AU>:reflection:<id>`, see docs/cmi5.md). K and A items are named by their CASE URI
(modules/case.py), so an LRS query by competency finds every statement about that item."""

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
