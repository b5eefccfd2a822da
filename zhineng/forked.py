"""Work done ahead in a forked process, on a second CPU, while this process goes on.

The child starts as a copy of this process (the course already loaded, nothing to send it), runs one function
and sends back what it hands to `send`, in order, as pickles through a pipe; the parent takes each with
`receive()` when it needs it. Nothing else of the child comes back: it writes no file and ends with
`os._exit`, so it never flushes this process's buffers or runs its exit handlers.

Whatever stops the child early (a mistake in the course, a bug, a kill) or prevents it (no fork on this platform,
one CPU, other threads running) makes `receive()` return None, and the caller does that work itself: the
result, and the error and where it is said, never depend on the helper.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, BinaryIO

Send = Callable[[object], None]


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Helper:
    """A forked child running `work(send)`; `receive()` gives its messages in the order it sent them."""

    def __init__(self, work: Callable[[Send], None]) -> None:
        self._pipe: BinaryIO | None = None
        self._pid = 0
        # Forking copies only the calling thread: with other threads running (a test server, the deflating
        # workers) a lock they held would stay locked in the child. One CPU gains nothing.
        if not hasattr(os, "fork") or _cpus() < 2 or threading.active_count() > 1:
            return
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_end)
            _run(work, write_end)
        os.close(write_end)
        self._pid = pid
        self._pipe = os.fdopen(read_end, "rb")
        # Read as the child writes: a pipe holds 64 KB, and a child blocked on a full pipe until this process
        # asks for the message would wait instead of going on with its next piece of work.
        self._messages: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._read, args=(self._pipe,), daemon=True)
        self._reader.start()

    def _read(self, pipe: BinaryIO) -> None:
        try:
            while True:
                self._messages.put((True, pickle.load(pipe)))
        except Exception:  # noqa: BLE001 - the end of the pipe, or a child that stopped halfway
            self._messages.put((False, None))

    def receive(self) -> Any:
        """The child's next message; None once it has no more, or when there is no child."""
        if self._pipe is None:
            return None
        more, message = self._messages.get()
        if not more:
            self.close()
        return message

    def close(self) -> None:
        """Stop waiting: the child is ended if still running, and reaped."""
        if self._pipe is None:
            return
        with contextlib.suppress(ProcessLookupError):  # it may have ended already
            os.kill(self._pid, signal.SIGKILL)
        os.waitpid(self._pid, 0)
        self._reader.join()  # the pipe ends with the child
        self._pipe.close()
        self._pipe = None

    def __enter__(self) -> Helper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _run(work: Callable[[Send], None], fd: int) -> None:
    code = 1
    try:
        with os.fdopen(fd, "wb") as pipe:

            def send(message: object) -> None:
                pickle.dump(message, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.flush()

            work(send)
            code = 0
    finally:
        os._exit(code)
