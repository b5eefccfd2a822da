"""A count on the terminal while a long command works ("reading tracking files 1,200/30,000"), for people, never for logs.

It draws only when stderr is a terminal, only once the work has taken longer than a moment (a quick command
prints nothing extra), at most a few times a second, and erases its line when done, so what a command says on
stderr afterwards reads exactly as without it. In a pipe, a log or a test nothing is ever written.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

SHOW_AFTER_S = 0.5  # work shorter than this never shows a count
REDRAW_S = 0.2


def _show_after() -> float:
    try:  # a test on a pseudo-terminal sets it to 0 so the count shows without waiting
        return float(os.environ.get("ZHINENG_PROGRESS_AFTER", SHOW_AFTER_S))
    except ValueError:
        return SHOW_AFTER_S


class Progress:
    def __init__(
        self,
        label: str,
        total: int,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.on = _is_terminal(self.stream) and total > 0
        self.start = clock()
        self.after = _show_after()
        self.drawn_at: float | None = None
        self.width = 0

    def advance(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        if not self.on:
            return
        now = self.clock()
        if now - self.start < self.after:
            return
        if self.drawn_at is not None and now - self.drawn_at < REDRAW_S and self.done < self.total:
            return
        self.drawn_at = now
        line = f"{self.label} {self.done:,}/{self.total:,}"
        self.stream.write("\r" + line + " " * max(0, self.width - len(line)))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.on and self.drawn_at is not None:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
        self.drawn_at = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
