"""Parse a course's files on a second CPU while this process imports the models that check them.

`zhineng validate` and `export` spend their first tenth of a second importing the models (pydantic builds
their validators then), with the second CPU idle. A helper forked before that import (zhineng/forked.py) parses
every file of the course and sends each parse back; for an export it then renders the Markdown of the modules'
texts, in the order the packages need them, until the course is loaded and the helper is stopped. The loader
takes a file's parse from the helper when the helper has it or is parsing it, and parses the file itself
otherwise (a busy machine, a helper that failed, `--jobs 1`): the course, its errors and where they are said
never depend on the helper.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import Problem, ZhinengError
from ..forked import Helper, Send, cpu_idle
from .course_files import course_files, read_source
from .markdown_texts import course_texts
from .yamlsrc import Source

Parse = tuple[Source, list[Problem]]

MARKDOWN = "markdown"  # rendered texts, taken in as they come (zhineng/markdown.py adopt)


class ReadAhead:
    """A helper parsing `files` (and rendering their Markdown, if asked) while this process goes on."""

    def __init__(self, files: Sequence[Path], markdown: bool, modules: Sequence[str] | None) -> None:
        from ..markdown import adopt

        handlers: dict[str, Callable[[Any], None]] = {MARKDOWN: adopt} if markdown else {}
        self._helper = Helper(lambda send: _ahead(files, markdown, modules, send), handlers)

    def read(self, path: Path) -> Parse:
        """`path` parsed, by the helper if it has parsed it or is at it, else here."""
        key = str(path)
        parsed: Parse | None = self._helper.take(key)
        if parsed is None and self._helper.seen(_begun(key)):
            parsed = self._helper.wait(key)  # it finishes the file sooner than this process would
        return parsed if parsed is not None else read_source(path)

    def close(self) -> None:
        """Stop the helper: what it sent by now has been taken in; the rest is done where it is needed."""
        self._helper.close()


@contextlib.contextmanager
def read_ahead(
    paths: Sequence[Path], markdown: bool = False, modules: Sequence[str] | None = None, enabled: bool = True
) -> Iterator[Any]:
    """A reader for `load_course(paths, read)`: the helper's parses when a CPU is idle, else `read_source`.
    `markdown` has the helper render the texts of `modules` (every module when None) once it has parsed."""
    try:
        module_files, standard = course_files(paths)
    except ZhinengError:  # said by the loader, where it is said without the helper
        enabled = False
    if not enabled or not cpu_idle():
        yield read_source
        return
    ahead = ReadAhead([standard, *module_files], markdown, modules)
    try:
        yield ahead.read
    finally:
        ahead.close()


def _begun(key: str) -> str:
    return "begun " + key


def _ahead(files: Sequence[Path], markdown: bool, modules: Sequence[str] | None, send: Send) -> None:
    gc.disable()  # a short-lived process whose parsed files hold no cycles; it ends without freeing them
    parsed: list[Any] = []
    for path in files:
        send(_begun(str(path)), None)
        result = read_source(path)
        send(str(path), result)
        parsed.append(result[0].data)
    if not markdown:
        return
    from ..markdown import rendered_batches

    for batch in rendered_batches(course_texts(parsed[0], parsed[1:], modules)):
        send(MARKDOWN, batch)
