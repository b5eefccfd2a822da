"""Work done ahead in a forked process, on a second CPU, while this process goes on.

The child starts as a copy of this process (the course already loaded, nothing to send it), runs one function
and sends back what it hands to `send(name, value)`: each message a pickle appended to an anonymous file, and
a byte down a pipe to say it is there. This process reads them when it asks (`take`, `seen`, `wait`,
`running`, and the texts' suppliers in zhineng/markdown.py), with no thread of its own: a thread reading as the
child writes would take turns at the interpreter with the main thread, which cost the main thread a quarter
of its time while the child sent a parsed course. The file never fills, so the child never waits for this
process. Nothing else of the child comes back: it writes no file and ends with `os._exit`, so it never
flushes this process's buffers or runs its exit handlers.

The caller does whatever has not come when it needs it: the child may be slow (a busy machine), stopped early
(a mistake in the course, a bug, a kill) or never started (no fork on this platform, one CPU, other threads
running). The result, and the error and where it is said, never depend on the helper.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
import sys
import tempfile
import threading
from collections.abc import Callable
from typing import Any

from .cpus import usable_cpus

Send = Callable[[str, object], None]
_SIZE = struct.Struct("<Q")  # each message's length, before it


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
        """`handlers` take what is sent under their names as this process reads it, instead of keeping it."""
        self._pid = 0
        self._spool = -1  # the messages
        self._bell = -1  # a byte per message; the end of the pipe once the child has ended
        self._read = 0  # how far into the spool this process has read
        self._got: dict[str, Any] = {}
        self._handlers = handlers or {}
        # Forking copies only the calling thread: with other threads running (a test server, the deflating
        # workers) a lock they held would stay locked in the child. One CPU gains nothing.
        if not hasattr(os, "fork") or usable_cpus() < 2 or threading.active_count() > 1:
            return
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        spool = _anonymous_file()
        bell, ring = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(bell)
            _run(work, spool, ring)
        os.close(ring)
        self._pid, self._spool, self._bell = pid, spool, bell

    def _take_in(self, block: bool = False) -> None:
        """Read every message the child has sent by now (with `block`, wait for one more first, or the end)."""
        if self._bell < 0:
            return
        if block:
            select.select([self._bell], [], [])
        while True:
            readable, _, _ = select.select([self._bell], [], [], 0)
            if not readable:
                break
            if not os.read(self._bell, 4096):  # the child has ended: all it sent is in the spool
                os.close(self._bell)
                self._bell = -1
                break
        while True:
            head = os.pread(self._spool, _SIZE.size, self._read)
            if len(head) < _SIZE.size:
                return
            (size,) = _SIZE.unpack(head)
            body = os.pread(self._spool, size, self._read + _SIZE.size)
            if len(body) < size:
                return  # still being written
            self._read += _SIZE.size + size
            name, value = pickle.loads(body)
            handler = self._handlers.get(name)
            if handler is not None:
                handler(value)
            else:
                self._got[name] = value

    def take(self, name: str) -> Any:
        """What the child sent under `name`, if it has come by now; else None (it may still come)."""
        self._take_in()
        return self._got.pop(name, None)

    def seen(self, name: str) -> bool:
        """Whether something was sent under `name` (still there to take or not)."""
        self._take_in()
        return name in self._got

    def wait(self, name: str) -> Any:
        """What the child sends under `name`, waiting for it; None if the child ends without sending it."""
        self._take_in()
        while name not in self._got and self._bell >= 0:
            self._take_in(block=True)
        return self._got.pop(name, None)

    def poll(self) -> None:
        """Read what has come, for the handlers (zhineng/markdown.py asks before it renders a text)."""
        self._take_in()

    def running(self) -> bool:
        """Whether more may still come."""
        self._take_in()
        return self._bell >= 0

    def close(self) -> None:
        """Stop: what has come is read, the child is ended if still running, and reaped."""
        if self._pid == 0:
            return
        self._take_in()
        with contextlib.suppress(ProcessLookupError):  # it may have ended already
            os.kill(self._pid, signal.SIGKILL)
        os.waitpid(self._pid, 0)
        if self._bell >= 0:
            os.close(self._bell)
            self._bell = -1
        os.close(self._spool)
        self._pid = 0

    def __enter__(self) -> Helper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _anonymous_file() -> int:
    """A file with no name, in memory where the system allows (Linux), gone once both processes close it."""
    if hasattr(os, "memfd_create"):
        with contextlib.suppress(OSError):
            return os.memfd_create("zhineng-helper", os.MFD_CLOEXEC)
    with tempfile.TemporaryFile() as f:
        return os.dup(f.fileno())


def _run(work: Callable[[Send], None], spool: int, ring: int) -> None:
    code = 1
    try:

        def send(name: str, value: object) -> None:
            message = memoryview(_SIZE.pack(len(body := pickle.dumps((name, value), protocol=5))) + body)
            while message:  # appended whole before the bell rings
                message = message[os.write(spool, message) :]
            os.write(ring, b".")  # a pipe holds 64 KB: a helper sends a few hundred messages at most

        work(send)
        code = 0
    finally:
        os._exit(code)
