"""ralph (PyPI ralph-malph), a real LRS, served on 127.0.0.1 with the filesystem backend for one test module.

ralph's LRS server is its FastAPI app under uvicorn; it reads its settings from RALPH_* variables and the
basic-auth users from a credentials file (bcrypt hashes). ralph 5 has no State API: the launcher serves it.

ralph 5.1's filesystem LRS backend writes every POST with the "index" operation, which refuses to touch its
one statements file once it exists, so only the first POST would succeed; and its `activity` filter compares
each id with ralph's IRI model object, which never equals a string, so a query by activity finds nothing.
SERVE makes that backend append (its own "append" operation) and hands the filter the IRI as a string before
starting the unchanged app; everything else is stock ralph.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import patience

SERVE = """
import sys, uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
by_activity = FSLRSBackend._add_filter_by_activity
FSLRSBackend._add_filter_by_activity = staticmethod(lambda f, iri, rel: by_activity(f, iri and str(iri), rel))
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
"""
USER, PASSWORD = "zhineng-lms", "not-a-secret-test-password"


@dataclass(frozen=True)
class Lrs:
    url: str  # the xAPI endpoint, ending in /xAPI/
    auth: str  # the Authorization header value

    def statements(self, **query: str) -> list[dict[str, Any]]:
        """Every statement ralph stored (following `more`), oldest first by timestamp."""
        found: list[dict[str, Any]] = []
        params = "&".join(f"{k}={urllib.parse.quote(v)}" for k, v in {"limit": "500", **query}.items())
        url: str | None = f"{self.url}statements?{params}"
        while url:
            req = urllib.request.Request(
                url, headers={"Authorization": self.auth, "X-Experience-API-Version": "1.0.3"}
            )
            with urllib.request.urlopen(req, timeout=patience.REQUEST_SECONDS) as answer:
                page = json.load(answer)
            found += page["statements"]
            more = page.get("more")
            url = urllib.parse.urljoin(self.url, more) if more else None
        return sorted(found, key=lambda s: s["timestamp"])


def basic_credentials() -> str:
    return f"{USER}:{PASSWORD}"


def start_ralph(folder: Path) -> tuple[subprocess.Popen[bytes], Lrs]:
    import bcrypt  # installed with ralph-malph[lrs]

    folder.mkdir(parents=True, exist_ok=True)
    hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()
    users = [
        {
            "username": USER,
            "hash": hashed,
            "scopes": ["all"],
            "agent": {"account": {"homePage": "https://lms.zhineng.example", "name": USER}},
        }
    ]
    (folder / "auth.json").write_text(json.dumps(users), encoding="utf-8")
    port = patience.free_port()
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(folder),
        "RALPH_AUTH_FILE": str(folder / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "lrs"),
        "RALPH_SENTRY_DSN": "",
    }
    log = (folder / "ralph.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(port)],
        env=env,
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    lrs = Lrs(f"http://127.0.0.1:{port}/xAPI/", f"Basic {token}")
    try:
        patience.first_request(f"http://127.0.0.1:{port}/__heartbeat__", process, folder / "ralph.log")
    except patience.NotServing:
        stop(process)
        raise
    return process, lrs


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
