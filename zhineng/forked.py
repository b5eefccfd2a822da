"""Work done ahead in a forked process, on a second CPU, while this process goes on.

The child starts as a copy of this process (the course already loaded, nothing to send it), runs one function
and sends back what it hands to `send(name, value)`, as pickles through a pipe, read as they come by a thread
of this process; `take(name)` gives a value if it has come, without waiting. Nothing else of the child comes
back: it writes no file and ends with `os._exit`, so it never flushes this process's buffers or runs its exit
handlers.

The caller does whatever has not come when it needs it: the child may be slow (a busy machine), stopped early
(a mistake in the course, a bug, a kill) or never started (no fork on this platform, one CPU, other threads
running). The result, and the error and where it is said, never depend on the helper.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, BinaryIO

from .cpus import usable_cpus

try:
    import fcntl
except ImportError:  # not on Windows, which has no fork either
    fcntl = None  # type: ignore[assignment]

Send = Callable[[str, object], None]


def cpu_idle() -> bool:
    """Whether a CPU is idle now: on a busy machine a helper only takes CPU time from this process (as
    `make -l` holds back jobs). Linux counts the processes running this instant (this one among them); elsewhere
    the load average of the last minute says it."""
    try:
        with open("/proc/loadavg", encoding="ascii") as stat:
            running = int(stat.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return os.getloadavg()[0] < usable_cpus() - 1 if hasattr(os, "getloadavg") else True
    return running < usable_cpus()


class Helper:
    """A forked child running `work(send)`; `take(name)` gives what it sent under that name."""

    def __init__(
        self, work: Callable[[Send], None], handlers: dict[str, Callable[[Any], None]] | None = None
    ) -> None:
        """`handlers` take what is sent under their names as soon as it comes, on the reading thread."""
        self._pipe: BinaryIO | None = None
        self._pid = 0
        self._got: dict[str, Any] = {}
        self._handlers = handlers or {}
        self._ended = threading.Event()
        self._came = threading.Condition()
        # Forking copies only the calling thread: with other threads running (a test server, the deflating
        # workers) a lock they held would stay locked in the child. One CPU gains nothing.
        if not hasattr(os, "fork") or usable_cpus() < 2 or threading.active_count() > 1:
            self._ended.set()
            return
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        read_end, write_end = os.pipe()
        _widen(write_end)
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_end)
            _run(work, write_end)
        os.close(write_end)
        self._pid = pid
        self._pipe = os.fdopen(read_end, "rb")
        # Read as the child writes: a pipe holds 64 KB, and a child blocked on a full pipe until this process
        # asks for the message would wait instead of going on with its next piece of work.
        self._reader = threading.Thread(target=self._read, args=(self._pipe,), daemon=True)
        self._reader.start()

    def _read(self, pipe: BinaryIO) -> None:
        try:
            while True:
                name, value = pickle.load(pipe)
                if name in self._handlers:
                    self._handlers[name](value)
                    continue
                with self._came:
                    self._got[name] = value
                    self._came.notify_all()
        except Exception:  # noqa: BLE001 - the end of the pipe, or a child that stopped halfway
            with self._came:
                self._ended.set()
                self._came.notify_all()

    def take(self, name: str) -> Any:
        """What the child sent under `name`, if it has come by now; else None (it may still come)."""
        with self._came:
            return self._got.pop(name, None)

    def seen(self, name: str) -> bool:
        """Whether something was sent under `name` (still there to take or not)."""
        with self._came:
            return name in self._got

    def wait(self, name: str) -> Any:
        """What the child sends under `name`, waiting for it; None if the child ends without sending it."""
        with self._came:
            self._came.wait_for(lambda: name in self._got or self._ended.is_set())
            return self._got.pop(name, None)

    def running(self) -> bool:
        """Whether more may still come."""
        return not self._ended.is_set()

    def close(self) -> None:
        """Stop: the child is ended if still running, and reaped."""
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


# Linux's default pipe holds 64 KB: a child sending more than that (a parsed course file) would wait for this
# process's reading thread, which waits its turn for the interpreter while the main thread runs. At the most an
# unprivileged process may ask for (fs.pipe-max-size, 1 MB by default), it rarely waits.
_PIPE_BYTES = 1 << 20


def _widen(fd: int) -> None:
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if set_size is None:
        return
    for size in (_PIPE_BYTES, _PIPE_BYTES // 4):
        with contextlib.suppress(OSError):  # above the system's limit: try smaller, then keep the default
            fcntl.fcntl(fd, set_size, size)
            return


def _run(work: Callable[[Send], None], fd: int) -> None:
    code = 1
    try:
        with os.fdopen(fd, "wb") as pipe:

            def send(name: str, value: object) -> None:
                pickle.dump((name, value), pipe, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.flush()

            work(send)
            code = 0
    finally:
        os._exit(code)
