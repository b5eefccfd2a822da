"""Limits of the package formats that authored content must fit: the one place each number is written.

SCORM12_TITLE_MAX is the SCORM 1.2 content package XSD's titleType (tests/test_export_checks.py reads it from
the vendored imscp_rootv1p1p2.xsd); SUSPEND_LIMIT is cmi.suspend_data's size in each version's RTE.
"""

from __future__ import annotations

from typing import Final

SUSPEND_LIMIT: Final = {"scorm12": 4096, "scorm2004": 64000}
SCORM12_TITLE_MAX: Final = 200
