"""Browser helpers: Debian's Chromium through Playwright, and axe-core from the root package.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import patience

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def axe_violations(page: Any, selector: str = ".zhineng") -> list[dict[str, Any]]:
    """Serious and critical axe-core violations inside our blocks (the workbench's own page is not ours)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "(selector) => axe.run({include: [[selector]]}, {resultTypes: ['violations']})", selector
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:120] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def post_json(page: Any, handler: str, body: str, index: int = 0) -> dict[str, Any]:
    """POST a raw body to a block's handler from inside the page, as its own JS would (CSRF cookie included)."""
    return page.evaluate(
        """([handler, body, index]) => {
            const block = document.querySelectorAll('.xblock-v1[data-block-type^="zhineng_"]')[index];
            const url = handlerBaseUrl + block.dataset.usage + '/' + handler + '/?student=' + studentId;
            const token = (document.cookie.match(/csrftoken=([^;]+)/) || [])[1] || '';
            return fetch(url, {method: 'POST', body: body, credentials: 'same-origin',
                               headers: {'Content-Type': 'application/json', 'X-CSRFToken': token}})
              .then(r => r.text().then(t => ({status: r.status, body: t})));
        }""",
        [handler, body, index],
    )


class BrowserThread:
    """Chromium driven from a thread of its own.

    Playwright's sync API allows one instance per thread, and other suites keep a session-wide one on
    the main thread; a private thread keeps these tests independent of them. `run(steps)` calls
    `steps(page)` on a fresh page there and re-raises what it raised; page errors fail the test.
    """

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zhineng-chromium")
        self._pool.submit(self._start).result()

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)

    def run(self, steps: Any, locale: str | None = None) -> Any:
        """locale: the browser's language (its Accept-Language header and navigator.language)."""
        return self._pool.submit(self._on_page, steps, locale).result()

    def _on_page(self, steps: Any, locale: str | None = None) -> Any:
        context = self._browser.new_context(locale=locale) if locale else self._browser.new_context()
        context.set_default_timeout(patience.BROWSER_MS)  # Playwright's 30 s is short on a loaded machine
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            result = steps(page)
        finally:
            context.close()
        assert errors == [], errors
        return result

    def close(self) -> None:
        def stop() -> None:
            self._browser.close()
            self._playwright.stop()

        self._pool.submit(stop).result()
        self._pool.shutdown()
