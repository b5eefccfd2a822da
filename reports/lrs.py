"""Statements from an LRS: GET {URL}/statements (xAPI 1.0.3), following `more` until the last page.

A connection or HTTP error, or an answer that is JSON but not a StatementResult, is fatal (the URL is wrong). A
page that cannot be read (not JSON, nested too deep, larger than max_bytes) is skipped like a bad file: named, and
the statements before it are reported; as its `more` is lost with it, paging stops there.

The statements are read oldest stored first, whatever order the LRS gives them in (xAPI's default is newest
first; ralph's file backend gives the oldest first): between equal timestamps, 'latest attempt wins' takes the
one read last (reports/merge.py), which must then be the one the LRS stored last.
"""

from __future__ import annotations

import base64
import http.client
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from typing import Any

from ..errors import ZhinengError
from .json_input import DEFAULT_MAX_JSON_MB, MB, NotJSON, parse, too_large
from .records import Skipped
from .times import parse_time

VERSION_HEADER = "1.0.3"
MAX_PAGES = 100_000  # a guard against an LRS whose `more` never ends


def fetch_statements(
    url: str, auth: str | None, timeout: float = 30.0, max_bytes: int = DEFAULT_MAX_JSON_MB * MB
) -> tuple[list[Any], list[Skipped]]:
    """Every statement the LRS returns, oldest stored first (in_stored_order), and the page that could not be
    read, if any."""
    if _scheme(url) not in ("http", "https"):  # urllib would also open file:// and ftp://
        raise ZhinengError(f"--lrs {url!r}: expected an http:// or https:// URL")
    headers = {"X-Experience-API-Version": VERSION_HEADER, "Accept": "application/json"}
    if auth:
        # surrogateescape: credentials typed in a non-UTF-8 terminal go out as the bytes typed
        credentials = auth.encode("utf-8", "surrogateescape")
        headers["Authorization"] = "Basic " + base64.b64encode(credentials).decode("ascii")
    base = url.rstrip("/") + "/"
    next_url: str | None = urllib.parse.urljoin(base, "statements")
    out: list[Any] = []
    for _ in range(MAX_PAGES):
        if not next_url:
            return in_stored_order(out), []
        if _scheme(next_url) not in (
            "http",
            "https",
        ):  # a `more` link must not make us read file:// or ftp://
            return in_stored_order(out), [
                Skipped(next_url, "0", "the LRS's `more` link is not an http(s) URL")
            ]
        try:
            page = parse(_get(next_url, headers, timeout, max_bytes))
        except NotJSON as exc:
            return in_stored_order(out), [Skipped(next_url, "0", f"the LRS answer is {exc}")]
        statements = page.get("statements") if isinstance(page, dict) else None
        if not isinstance(statements, list):
            raise ZhinengError(f"{next_url}: not an xAPI StatementResult (no 'statements' list)")
        out += statements
        more = page.get("more")
        next_url = urllib.parse.urljoin(base, more) if isinstance(more, str) and more else None
    raise ZhinengError(f"{url}: more than {MAX_PAGES} pages of statements")


def in_stored_order(statements: list[Any]) -> list[Any]:
    """The statements oldest stored first (a stable sort: those without a readable `stored` keep their place
    before the rest)."""
    return sorted(statements, key=_stored)


_NEVER = datetime.min.replace(tzinfo=UTC)


def _stored(statement: Any) -> datetime:
    stored = parse_time(statement.get("stored")) if isinstance(statement, dict) else None
    return stored or _NEVER


def _scheme(url: str) -> str:
    try:
        return urllib.parse.urlsplit(url).scheme.lower()
    except ValueError:  # "http://[::1" and the like
        return ""


def _get(url: str, headers: dict[str, str], timeout: float, max_bytes: int) -> bytes:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the user's LRS
            body: bytes = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise ZhinengError(f"{url}: the LRS answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise ZhinengError(f"{url}: cannot reach the LRS ({getattr(exc, 'reason', exc)})") from None
    except (
        ValueError,
        http.client.HTTPException,
    ) as exc:  # a URL urllib refuses (a space...), a broken answer
        raise ZhinengError(f"{url!r}: not a usable URL ({exc})") from None
    if len(body) > max_bytes:
        raise NotJSON(too_large(max_bytes))
    return body
