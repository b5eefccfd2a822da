"""The LRS reader against a tiny fake LRS on 127.0.0.1: two pages of statements, joined through `more`."""

from __future__ import annotations

import base64
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_support import COURSE, REPORT, run_cli
from zhineng.reports.lrs import fetch_statements
from zhineng.reports.xapi_ids import ITEM_EXTENSION

from zhineng.errors import ZhinengError

STATEMENTS = json.loads((REPORT / "xapi" / "alice-M3.json").read_text(encoding="utf-8"))["statements"]
PAGES: dict[str, Any] = {
    "/xapi/statements": {"statements": STATEMENTS[:3], "more": "/xapi/statements?more=page2"},
    "/xapi/statements?more=page2": {"statements": STATEMENTS[3:], "more": ""},
    # An LRS whose second page is nested 100,000 deep (served as raw bytes).
    "/deep/statements": {"statements": STATEMENTS[:3], "more": "/deep/statements?more=page2"},
    "/deep/statements?more=page2": b'{"statements": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    # An LRS whose `more` link points at a local file.
    "/local/statements": {"statements": STATEMENTS[:3], "more": "file:///etc/passwd"},
}


def _answer(right: bool, stored: str) -> dict[str, Any]:
    return {
        "actor": {"objectType": "Agent", "account": {"homePage": "https://lms.example", "name": "tie"}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "https://zhineng.example/au/M1/question/Q1", "objectType": "Activity"},
        "timestamp": "2026-11-21T10:00:00Z",
        "stored": stored,
        "result": {"success": right, "extensions": {ITEM_EXTENSION: ["K1"]}},
    }


# An LRS answering as xAPI says by default, newest stored first: two answers given at the same time.
PAGES["/tie/statements"] = {
    "statements": [_answer(True, "2026-11-21T10:00:02Z"), _answer(False, "2026-11-21T10:00:01Z")],
    "more": "",
}
AUTH = "Basic " + base64.b64encode(b"user:pass").decode()


class FakeLRS(http.server.BaseHTTPRequestHandler):
    seen: list[dict[str, Any]] = []

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.seen.append({"path": self.path, "version": self.headers.get("X-Experience-API-Version")})
        if self.headers.get("Authorization") != AUTH:
            self.send_response(401)
            self.end_headers()
            return
        page = PAGES.get(self.path)
        body = page if isinstance(page, bytes) else json.dumps(page).encode() if page else b""
        self.send_response(200 if page else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture
def lrs() -> Iterator[str]:
    FakeLRS.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeLRS)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/xapi"
    server.shutdown()
    server.server_close()


def test_fetch_follows_more_and_sends_the_version_header(lrs: str) -> None:
    got, unread = fetch_statements(lrs, "user:pass")
    assert got == STATEMENTS and unread == []
    assert [s["path"] for s in FakeLRS.seen] == ["/xapi/statements", "/xapi/statements?more=page2"]
    assert {s["version"] for s in FakeLRS.seen} == {"1.0.3"}


def test_a_page_nested_too_deep_is_skipped_and_the_pages_before_it_kept(lrs: str) -> None:
    got, unread = fetch_statements(lrs.removesuffix("/xapi") + "/deep", "user:pass")
    assert got == STATEMENTS[:3]
    assert [str(s) for s in unread] == [
        f"{lrs.removesuffix('/xapi')}/deep/statements?more=page2: record 0: the LRS answer is JSON nested too deep"
        " (about 1,000 levels or more)"
    ]


def test_a_more_link_that_is_not_http_is_not_followed(lrs: str) -> None:
    got, unread = fetch_statements(lrs.removesuffix("/xapi") + "/local", "user:pass")
    assert got == STATEMENTS[:3]
    assert [str(s) for s in unread] == [
        "file:///etc/passwd: record 0: the LRS's `more` link is not an http(s) URL"
    ]


def test_a_page_over_the_size_limit_is_skipped(lrs: str) -> None:
    got, unread = fetch_statements(lrs, "user:pass", max_bytes=100)
    assert got == [] and len(unread) == 1
    assert str(unread[0]).endswith(
        "the LRS answer is larger than 100 bytes, the limit for one JSON document (--max-json-mb raises it)"
    )


def test_bad_credentials_are_fatal_with_the_status(lrs: str) -> None:
    with pytest.raises(ZhinengError, match="the LRS answered 401"):
        fetch_statements(lrs, "user:wrong")


def test_report_from_the_lrs(capsys: pytest.CaptureFixture[str], lrs: str, tmp_path: Path) -> None:
    run = run_cli(
        capsys, "--lrs", lrs, "--lrs-auth", "user:pass", "--course", str(COURSE), "--out", str(tmp_path)
    )
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    [alice] = report["learners"]
    assert alice["learner"] == "alice"
    assert alice["knowledge"]["K2"] == {
        "status": "incomplete",  # M3 answered right, but K2 is also assessed in M1
        "earned": 1.0,
        "available": 2.0,
        "when": "2026-11-21T12:01:00Z",
        "sources": ["xapi"],
    }
    assert alice["activities"]["T3.1"] == "completed"


def test_between_equal_timestamps_the_answer_stored_last_wins(
    capsys: pytest.CaptureFixture[str], lrs: str, tmp_path: Path
) -> None:
    run = run_cli(
        capsys,
        "--lrs",
        lrs.replace("/xapi", "/tie"),
        "--lrs-auth",
        "user:pass",
        "--course",
        str(COURSE),
        "--out",
        str(tmp_path),
    )
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    [q1] = [q for q in report["questions"] if q["id"] == "Q1"]
    assert (q1["answered"], q1["correct"]) == (1, 1)


def test_an_unreachable_lrs_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run = run_cli(capsys, "--lrs", "http://127.0.0.1:9/xapi", "--course", str(COURSE), "--out", str(tmp_path))
    assert run.code == 1 and "cannot reach the LRS" in run.err
    assert not (tmp_path / "report.html").exists()
