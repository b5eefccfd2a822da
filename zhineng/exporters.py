"""Every export format in one table: name -> a function of the course and the options, giving finished
archives in memory as (file name, bytes). `zhineng export --all` runs them all.

Each format's renderer is imported when that format runs: the command line reads this table for its
choices, and `zhineng --version` or `validate` should not pay for loading every renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from .errors import ZhinengError
from .gc_pause import gc_paused

if TYPE_CHECKING:
    from .modules.course import Course

Archives = list[tuple[str, bytes]]

# `export --all` without `--layout`: SCORM in both layouts. The one-zip `course` layout plays only its first SCO
# in some LMSs (openedx-scorm-xblock, wagtail-lms; see the README's runtime table), `per-module` plays everywhere.
EVERY_LAYOUT = "every"


@dataclass(frozen=True)
class ExportOptions:
    modules: tuple[str, ...] | None = None
    layout: str = "course"
    profile: str = "strict"

    def keeping(self, names: frozenset[str]) -> ExportOptions:
        """These options as given, every other one at its default."""
        return replace(
            ExportOptions(), **{f.name: getattr(self, f.name) for f in fields(self) if f.name in names}
        )


def _scorm(version: str) -> Callable[[Course, ExportOptions], Archives]:
    def export(course: Course, options: ExportOptions) -> Archives:
        from .files import zip_bytes
        from .scorm_export.layouts import LAYOUTS
        from .scorm_export.package import build_packages

        layouts = LAYOUTS if options.layout == EVERY_LAYOUT else (options.layout,)
        return [
            (name, zip_bytes(files))
            for layout in layouts
            for name, files in build_packages(course, version, layout, options.profile, options.modules)
        ]

    return export


def _olx(course: Course, options: ExportOptions) -> Archives:
    # An Open edX course is the whole course, a chapter per task; --modules, --layout and --profile are SCORM's.
    from .olx_export.package import export_olx

    return [export_olx(course)]


def _cmi5(course: Course, options: ExportOptions) -> Archives:
    from .cmi5_export.package import export_cmi5

    return export_cmi5(course, options)


EXPORTERS: dict[str, Callable[[Course, ExportOptions], Archives]] = {
    "scorm12": _scorm("scorm12"),
    "scorm2004": _scorm("scorm2004"),
    "olx": _olx,
    "cmi5": _cmi5,
}

# Which options each format understands. Named alone, a format refuses the others with its own message;
# under `--all` they are simply not passed to it, so `--all --profile moodle` shapes the SCORM zips only.
_SCORM_OPTIONS = frozenset({"modules", "layout", "profile"})
SUPPORTED: dict[str, frozenset[str]] = {
    "scorm12": _SCORM_OPTIONS,
    "scorm2004": _SCORM_OPTIONS,
    "olx": frozenset(),
    "cmi5": frozenset({"modules"}),
}


# What each format checks of every package before anything is written, as `export` reports it.
_SCORM_CHECKS = "imsmanifest.xml against the ADL XSDs and a semantic lint, each SCO's worst-case suspend_data"
CHECKS: dict[str, str] = {
    "scorm12": _SCORM_CHECKS,
    "scorm2004": _SCORM_CHECKS,
    "olx": "the course as loaded (OLX has no schema; tests import it with olxcleaner)",
    "cmi5": "cmi5.xml against the cmi5 course-structure XSD, each AU's worst-case state",
}

# What a format is, said when it refuses an option it does not understand.
_WHAT = {
    "olx": "is always the whole course",
    "cmi5": "is always one course package",
}


def refuse_unsupported(fmt: str, given: set[str]) -> None:
    """Named alone, a format refuses an option it would ignore: a silently dropped `--profile` is a wrong package."""
    extra = sorted(given - SUPPORTED[fmt])
    if extra:
        names = " and ".join(f"--{name}" for name in extra)
        verb = "applies" if len(extra) == 1 else "apply"
        raise ZhinengError(f"the {fmt} export {_WHAT[fmt]}; {names} {verb} to SCORM only")


def export(fmt: str, course: Course, options: ExportOptions, *, every_format: bool = False) -> Archives:
    if every_format:
        options = options.keeping(SUPPORTED[fmt])
    with gc_paused():  # a large course's pages and archives hold no cycles (see gc_pause)
        return EXPORTERS[fmt](course, options)
