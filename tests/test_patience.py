"""The readiness wait of the servers the tests start: wait for the port, then one patient request."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import patience
import pytest
from patience import NotServing, first_request, free_port

# Like xblock-sdk's workbench: listens late, then the first request builds state for longer than a short probe
# waits (6 s), and a request arriving meanwhile finds that state half-built and answers 404.
SLOW_FIRST = """
import http.server, sys, threading, time
time.sleep(0.5)
seen, building = [], threading.Event()
class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_GET(self):
        if self.path == "/seen":
            body, status = str(len(seen)).encode(), 200
        else:
            seen.append(self.path)
            if building.is_set():
                body, status = b"half-built", 404
            else:
                building.set(); time.sleep(6); building.clear()
                body, status = b"ready", 200
        self.send_response(status); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
"""


@pytest.fixture
def slow_server() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", SLOW_FIRST, str(port)])
    yield f"http://127.0.0.1:{port}", process
    process.kill()
    process.wait()


def test_one_request_waits_out_a_slow_first_answer(slow_server: tuple[str, subprocess.Popen[bytes]]) -> None:
    url, process = slow_server
    first_request(url + "/", process)
    with urllib.request.urlopen(url + "/seen", timeout=patience.REQUEST_SECONDS) as seen:
        assert seen.read() == b"1"  # no second request went in while the first was building


def test_a_server_that_stops_is_reported_with_its_log(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", "import sys; print('no such setting'); sys.exit(3)"], stdout=out
        )
        with pytest.raises(NotServing, match=r"(?s)the server stopped \(exit 3\):\nno such setting"):
            first_request(f"http://127.0.0.1:{free_port()}/", process, log)


def test_an_error_answer_is_not_ready() -> None:
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        try:
            with pytest.raises(NotServing, match=r"/ did not answer: HTTP Error 501"):
                first_request(f"http://127.0.0.1:{server.server_port}/", alive)
        finally:
            alive.kill()
            alive.wait()
            server.shutdown()
