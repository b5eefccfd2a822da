"""Statements from an LRS: GET {URL}/statements (xAPI 1.0.3), following `more` until the last page."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from ..modules.errors import ZhinengError

VERSION_HEADER = "1.0.3"
MAX_PAGES = 100_000  # a guard against an LRS whose `more` never ends


def fetch_statements(url: str, auth: str | None, timeout: float = 30.0) -> list[Any]:
    """Every statement the LRS returns, in its order. A connection or HTTP error is fatal (ZhinengError)."""
    headers = {"X-Experience-API-Version": VERSION_HEADER, "Accept": "application/json"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii")
    base = url.rstrip("/") + "/"
    next_url: str | None = urllib.parse.urljoin(base, "statements")
    out: list[Any] = []
    for _ in range(MAX_PAGES):
        if not next_url:
            return out
        page = _get(next_url, headers, timeout)
        statements = page.get("statements") if isinstance(page, dict) else None
        if not isinstance(statements, list):
            raise ZhinengError(f"{next_url}: not an xAPI StatementResult (no 'statements' list)")
        out += statements
        more = page.get("more")
        next_url = urllib.parse.urljoin(base, more) if isinstance(more, str) and more else None
    raise ZhinengError(f"{url}: more than {MAX_PAGES} pages of statements")


def _get(url: str, headers: dict[str, str], timeout: float) -> Any:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the user's LRS
            body = response.read()
    except urllib.error.HTTPError as exc:
        raise ZhinengError(f"{url}: the LRS answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise ZhinengError(f"{url}: cannot reach the LRS ({getattr(exc, 'reason', exc)})") from None
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ZhinengError(f"{url}: the LRS answer is not JSON") from None
