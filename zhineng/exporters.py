"""Every export format in one table, in the order `zhineng export --all` runs them. Each format declares itself
in its own package (the contract: zhineng/exporter.py); this module lists them and builds several at once."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .cmi5_export.exporter import CMI5
from .exporter import Archives, Exporter, ExportOptions
from .gc_pause import gc_paused
from .olx_export.exporter import OLX
from .scorm_export.exporter import EVERY_LAYOUT, SCORM12, SCORM2004

if TYPE_CHECKING:
    from .forked import Send
    from .modules.course import Course

EXPORTERS: dict[str, Exporter] = {e.name: e for e in (SCORM12, SCORM2004, OLX, CMI5)}


def export(fmt: str, course: Course, options: ExportOptions) -> Archives:
    """One format's archives. Options it does not understand are not passed to it: under `--all`,
    `--profile moodle` shapes the SCORM zips only (named alone, the CLI refuses them first)."""
    with gc_paused():  # a large course's pages and archives hold no cycles (see gc_pause)
        return EXPORTERS[fmt].run(course, options)


# Built whole in a helper process when other formats are built too: the Open edX course shares no work with
# the SCORM and cmi5 packages (its blocks render their Markdown in the LMS), which share their rendered
# Markdown and so stay in one process.
AHEAD_FORMAT = OLX.name


def export_formats(
    formats: Sequence[str],
    course: Course,
    options: ExportOptions,
    done: Callable[[], None],
    ahead: bool = True,
) -> list[Archives]:
    """Each format's archives, in the order given; `done` is called as each is built.

    On two CPUs (unless `ahead` is False: `--jobs 1`), a forked helper (zhineng/forked.py) assembles the runtime scripts of every channel and builds
    the Open edX course while this process builds the others; what it sends back is what this process would
    have built, and whatever it could not build (an error in the course too) is built here, in its turn, so
    errors are said as they are without the helper.
    """
    if not ahead or AHEAD_FORMAT not in formats or len(formats) < 2:
        out = []
        for fmt in formats:
            out.append(export(fmt, course, options))
            done()
        return out
    from .forked import Helper
    from .scorm_export.runtime_files import CHANNELS, expect_runtime

    with Helper(lambda send: _ahead(course, options, send)) as helper:
        runtimes = _Once(helper.receive)  # the helper's first message; its second is the Open edX archives
        for channel in CHANNELS:
            expect_runtime(channel, functools.partial(_runtime, runtimes, channel))
        try:
            out = []
            for fmt in formats:
                archives = None
                if fmt == AHEAD_FORMAT:
                    runtimes()
                    archives = helper.receive()
                out.append(archives if archives is not None else export(fmt, course, options))
                done()
            return out
        finally:
            for channel in CHANNELS:
                expect_runtime(channel, None)


def _ahead(course: Course, options: ExportOptions, send: Send) -> None:
    from .scorm_export.runtime_files import CHANNELS, load_runtime

    send({channel: load_runtime(channel) for channel in CHANNELS})
    send(export(AHEAD_FORMAT, course, options))


def _runtime(runtimes: Callable[[], Any], channel: str) -> Any:
    return (runtimes() or {}).get(channel)


class _Once:
    def __init__(self, get: Callable[[], object]) -> None:
        self._get = get
        self._done = False
        self._value: object = None

    def __call__(self) -> Any:
        if not self._done:
            self._value, self._done = self._get(), True
        return self._value


__all__ = ["EVERY_LAYOUT", "EXPORTERS", "Archives", "ExportOptions", "Exporter", "export", "export_formats"]
