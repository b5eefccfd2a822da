"""SCORM 1.2 and SCORM 2004 as export formats (the contract: zhineng/exporter.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..exporter import Archives, Exporter, ExportOptions

if TYPE_CHECKING:
    from ..modules.course import Course

# `--layout every` (what `export --all` uses unless told): SCORM in both layouts. The one-zip `course` layout
# plays only its first SCO in some LMSs (openedx-scorm-xblock, wagtail-lms; see the README's runtime table),
# `per-module` plays everywhere.
EVERY_LAYOUT = "every"

_CHECKS = "imsmanifest.xml against the ADL XSDs and a semantic lint, each SCO's worst-case suspend_data"


def _build(version: str) -> Callable[[Course, ExportOptions], Archives]:
    def build(course: Course, options: ExportOptions) -> Archives:
        from ..files import zip_bytes
        from ..zip_writer import deflate_one_ahead
        from .layouts import LAYOUTS
        from .package import Sco, build_packages

        layouts = LAYOUTS if options.layout == EVERY_LAYOUT else (options.layout,)
        scos: dict[str, Sco] = {}  # a module's SCO is the same in both layouts: built once
        return [
            (name, zip_bytes(files))
            for layout in layouts
            for name, files in build_packages(
                course, version, layout, options.profile, options.modules, scos=scos, made=deflate_one_ahead
            )
        ]

    return build


_OPTIONS = frozenset({"modules", "layout", "profile"})
SCORM12 = Exporter("scorm12", _OPTIONS, _CHECKS, "is SCORM 1.2", _build("scorm12"))
SCORM2004 = Exporter("scorm2004", _OPTIONS, _CHECKS, "is SCORM 2004", _build("scorm2004"))
