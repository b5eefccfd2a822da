"""How tests wait for the servers they start, so they hold on a busy shared machine.

A server is ready when its port accepts connections; then ONE request with a long timeout. Never a short probe
in a loop: a probe that times out while the server is still building its state (xblock-sdk's scenario registry,
for one) sends a second request into that code, which is not thread-safe, and the server then answers 404.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

# One local HTTP request. Long: on a loaded 2-core machine a first request may build a whole registry.
REQUEST_SECONDS = 180.0
# A server process from its start to accepting connections (interpreter, imports, migrations).
START_SECONDS = 300.0
# Playwright's default for each wait and navigation (its own default is 30 s).
BROWSER_MS = 180_000


class NotServing(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _log(log: Path | None) -> str:
    return ":\n" + log.read_text(encoding="utf-8", errors="replace") if log and log.exists() else ""


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path | None = None) -> None:
    """Until 127.0.0.1:port accepts a connection; fails at once if the process stops, or after START_SECONDS."""
    deadline = time.monotonic() + START_SECONDS
    while True:
        if process.poll() is not None:
            raise NotServing(f"the server stopped (exit {process.returncode}){_log(log)}")
        try:
            # A connect is answered by the kernel from the listen backlog, so it needs no time from the server.
            with socket.create_connection(("127.0.0.1", port), timeout=1.0):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise NotServing(
                    f"nothing listened on port {port} in {START_SECONDS:g} s{_log(log)}"
                ) from None
            time.sleep(0.1)


def first_request(url: str, process: subprocess.Popen[bytes], log: Path | None = None) -> None:
    """Wait for the URL's port, then GET it once with a long timeout; it must answer 200."""
    port = int(url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
    wait_for_port(port, process, log)
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_SECONDS) as response:
            response.read()
            if response.status == 200:
                return
            raise NotServing(f"{url} answered {response.status}{_log(log)}")
    except OSError as err:
        raise NotServing(f"{url} did not answer: {err}{_log(log)}") from None
