"""The contract every export format implements: what it is called, which options it understands, what it checks
before anything is written, and how it builds its archives from the course.

Each format declares itself once, in its own package (`scorm_export/exporter.py`, `cmi5_export/exporter.py`,
`olx_export/exporter.py`); `zhineng/exporters.py` only lists them. A declaration imports nothing heavy: its
renderer is loaded when it builds, so `zhineng --version` and `validate` never pay for the renderers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from .errors import ZhinengError

if TYPE_CHECKING:
    from .modules.course import Course

Archives = list[tuple[str, bytes]]  # finished archives in memory: (file name, bytes)


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


OPTION_NAMES: tuple[str, ...] = tuple(f.name for f in fields(ExportOptions))


@dataclass(frozen=True)
class Exporter:
    name: str
    options: frozenset[str]  # the ExportOptions fields this format reads; it is handed the others at default
    checks: str  # what it checks of every package before anything is written, as `export` reports it
    scope: str  # what the package always is, said when it refuses an option ("is always the whole course")
    build: Callable[[Course, ExportOptions], Archives]

    def __post_init__(self) -> None:
        unknown = self.options - set(OPTION_NAMES)
        if unknown:
            raise ValueError(f"{self.name}: no such export option: {', '.join(sorted(unknown))}")

    def refuse_unsupported(self, given: set[str]) -> None:
        """Named alone, a format refuses an option it would ignore: a silently dropped `--profile` is a wrong
        package."""
        extra = sorted(given - self.options)
        if extra:
            names = " and ".join(f"--{name}" for name in extra)
            verb = "applies" if len(extra) == 1 else "apply"
            raise ZhinengError(f"the {self.name} export {self.scope}; {names} {verb} to SCORM only")

    def run(self, course: Course, options: ExportOptions) -> Archives:
        """The format's archives, from the options it understands only (the rest at their defaults)."""
        return self.build(course, options.keeping(self.options))
