"""Browser fixtures: Debian's Chromium through Playwright, and a 127.0.0.1 server per test site."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import patience
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"browser tests need Chromium at {CHROMIUM}")
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="module")  # closed before other suites start their own Playwright
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright  # a test dependency: missing is a failure, not a skip

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield Patient(chromium)
        chromium.close()


class Patient:
    """The browser, whose every new page and context waits patience.BROWSER_MS for each step.

    Playwright's own default (30 s) is short for a shared 2-core machine under load.
    """

    def __init__(self, browser: Any) -> None:
        self._browser = browser

    def new_context(self, **options: Any) -> Any:
        context = self._browser.new_context(**options)
        context.set_default_timeout(patience.BROWSER_MS)
        return context

    def new_page(self, **options: Any) -> Any:
        page = self._browser.new_page(**options)
        page.context.set_default_timeout(patience.BROWSER_MS)
        page.set_default_timeout(patience.BROWSER_MS)
        return page

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture
def serve() -> Iterator[Callable[[Path], str]]:
    """serve(folder) -> base URL of a local server for that folder, stopped after the test."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A ralph LRS for the module's tests (ralph-malph[lrs] is a test dependency: missing is a failure)."""
    import ralph_lrs

    process, lrs = ralph_lrs.start_ralph(tmp_path_factory.mktemp("ralph"))
    yield lrs
    ralph_lrs.stop(process)
