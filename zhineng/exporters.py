"""Every export format in one table, in the order `zhineng export --all` runs them. Each format declares itself
in its own package (the contract: zhineng/exporter.py); this module lists them and builds several at once."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .cmi5_export.exporter import CMI5
from .errors import ZhinengError
from .exporter import Archives, Exporter, ExportOptions
from .gc_pause import gc_paused
from .olx_export.exporter import OLX
from .scorm_export.exporter import EVERY_LAYOUT, SCORM12, SCORM2004

if TYPE_CHECKING:
    from .forked import Helper, Send
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

    With a CPU idle (unless `ahead` is False: `--jobs 1`), a forked helper (zhineng/forked.py) assembles the runtime
    scripts of every channel, renders part of the Markdown and builds the Open edX course while this process
    builds the others. What it sends
    is what this process would have built; what has not come when it is needed (a busy machine gives the helper
    little time) is built here, and an error is said as without the helper: the first format's, in order.
    """
    if not ahead or AHEAD_FORMAT not in formats or len(formats) < 2:
        out = []
        for fmt in formats:
            out.append(export(fmt, course, options))
            done()
        return out
    from .forked import Helper, cpu_idle
    from .scorm_export.runtime_files import CHANNELS, expect_runtime

    if not cpu_idle():
        return export_formats(formats, course, options, done, ahead=False)

    from .markdown import adopt, supplied_by

    helper = Helper(lambda send: _ahead(course, options, send), {MARKDOWN: adopt})
    with helper, supplied_by(helper.poll):
        for channel in CHANNELS:
            expect_runtime(channel, functools.partial(helper.take, f"runtime {channel}"))
        built: dict[str, Archives] = {}
        try:
            for fmt in formats:
                if fmt == AHEAD_FORMAT:
                    continue  # taken once the others are built: the helper's time to build it
                try:
                    built[fmt] = export(fmt, course, options)
                except ZhinengError:
                    if formats.index(AHEAD_FORMAT) < formats.index(fmt):
                        _taken(helper, course, options)  # its error, if any, is said first, as in order
                    raise
                done()
            built[AHEAD_FORMAT] = _taken(helper, course, options)
            done()
        finally:
            for channel in CHANNELS:
                expect_runtime(channel, None)
    return [built[fmt] for fmt in formats]


def _taken(helper: Helper, course: Course, options: ExportOptions) -> Archives:
    """The helper's format as it sent it: waited for if the helper has begun it (it finishes sooner than this
    process would), else built here."""
    archives: Archives | None = helper.take(AHEAD_FORMAT)
    if archives is None and helper.seen(STARTED):
        archives = helper.wait(AHEAD_FORMAT)
    if archives is None:
        helper.close()  # not waited for: this process builds it now, on a CPU the helper no longer takes
        archives = export(AHEAD_FORMAT, course, options)
    return archives


MARKDOWN = "markdown"  # the helper's share of the Markdown, taken as soon as it comes
STARTED = "started"  # the helper has begun its format


def _ahead(course: Course, options: ExportOptions, send: Send) -> None:
    from .markdown import rendered_batches, waiting
    from .scorm_export.package import select_modules
    from .scorm_export.runtime_files import CHANNELS, load_runtime

    for channel in CHANNELS:
        send(f"runtime {channel}", load_runtime(channel))
    # The second half of the Markdown not rendered yet (the read-ahead helper rendered the first modules' texts
    # while the course loaded), which this process renders last, while that one renders the first half: with
    # the Open edX course here and the other packages there, the two processes have about the same work.
    modules = select_modules(course, options.modules)
    texts = waiting(dict.fromkeys(text for m in modules for text in course.markdown.get(m.id, ())))
    for batch in rendered_batches(texts[len(texts) // 2 :]):
        send(MARKDOWN, batch)
    send(STARTED, AHEAD_FORMAT)
    send(AHEAD_FORMAT, export(AHEAD_FORMAT, course, options))


__all__ = ["EVERY_LAYOUT", "EXPORTERS", "Archives", "ExportOptions", "Exporter", "export", "export_formats"]
