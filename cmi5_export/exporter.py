"""The cmi5 course package as an export format (the contract: zhineng/exporter.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exporter import Archives, Exporter, ExportOptions

if TYPE_CHECKING:
    from ..modules.course import Course


def _build(course: Course, options: ExportOptions) -> Archives:
    from ..files import zip_bytes
    from .package import build_cmi5

    return [(name, zip_bytes(files)) for name, files in build_cmi5(course, options.modules)]


CMI5 = Exporter(
    "cmi5",
    frozenset({"modules"}),
    "cmi5.xml against the cmi5 course-structure XSD, each AU's worst-case state",
    "is always one course package",
    _build,
)
