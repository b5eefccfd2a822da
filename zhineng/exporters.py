"""Every export format in one table, in the order `zhineng export --all` runs them. Each format declares itself
in its own package (the contract: zhineng/exporter.py); this module only lists them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cmi5_export.exporter import CMI5
from .exporter import Archives, Exporter, ExportOptions
from .gc_pause import gc_paused
from .olx_export.exporter import OLX
from .scorm_export.exporter import EVERY_LAYOUT, SCORM12, SCORM2004

if TYPE_CHECKING:
    from .modules.course import Course

EXPORTERS: dict[str, Exporter] = {e.name: e for e in (SCORM12, SCORM2004, OLX, CMI5)}


def export(fmt: str, course: Course, options: ExportOptions) -> Archives:
    """One format's archives. Options it does not understand are not passed to it: under `--all`,
    `--profile moodle` shapes the SCORM zips only (named alone, the CLI refuses them first)."""
    with gc_paused():  # a large course's pages and archives hold no cycles (see gc_pause)
        return EXPORTERS[fmt].run(course, options)


__all__ = ["EVERY_LAYOUT", "EXPORTERS", "Archives", "ExportOptions", "Exporter", "export"]
