"""The cmi5 course package as an export format (the contract: zhineng/exporter.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exporter import Archives, Exporter, ExportOptions

if TYPE_CHECKING:
    from ..modules.course import Course


def _build(course: Course, options: ExportOptions) -> Archives:
    from ..files import zip_bytes
    from ..zip_writer import deflate_one_ahead
    from .package import build_cmi5

    packages = build_cmi5(course, options.modules, made=deflate_one_ahead)
    return [(name, zip_bytes(files)) for name, files in packages]


CMI5 = Exporter(
    "cmi5",
    frozenset({"modules"}),
    "cmi5.xml against the cmi5 course-structure XSD, each AU's worst-case state",
    "is always one course package",
    _build,
)
