"""The Open edX course (OLX) as an export format (the contract: zhineng/exporter.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exporter import Archives, Exporter, ExportOptions

if TYPE_CHECKING:
    from ..modules.course import Course


def _build(course: Course, options: ExportOptions) -> Archives:
    # An Open edX course is the whole course, a chapter per task.
    from .package import export_olx

    return [export_olx(course)]


OLX = Exporter(
    "olx",
    frozenset(),
    "the course as loaded (OLX has no schema; tests import it with olxcleaner, its tasks with ORA2)",
    "is always the whole course",
    _build,
)
