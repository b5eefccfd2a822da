"""A small LMS for cmi5 tests: imports a package's cmi5.xml, registers a learner, writes LMS.LaunchData,
answers the fetch URL with an auth token, and gives the AU's launch URL. On 127.0.0.1.

It is the AU's xAPI endpoint too, as a real LMS is: statements go through to ralph (the LRS, which checks
the token), and the State API is served here because ralph 5 has none.
"""

from __future__ import annotations

import http.server
import json
import mimetypes
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any

import patience
from lxml import etree
from ralph_lrs import Lrs

CMI5_NS = {"c": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}
SESSION_EXT = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
# The LMS's page: the AU opens in its frame (launchMethod AnyWindow), where tests drive it like a SCO.
LMS_PAGE = (
    b'<!DOCTYPE html><title>LMS</title><iframe id="sco" title="AU" style="width:100%;height:90vh"></iframe>'
)
LEARNER = {"objectType": "Agent", "account": {"homePage": "https://lms.zhineng.example", "name": "learner-1"}}


@dataclass
class Launcher:
    files: dict[str, bytes]  # the package, path -> bytes
    lrs: Lrs
    base: str = ""
    state: dict[tuple[str, str, str, str], bytes] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)  # fetch id -> token, until fetched once
    fetched: list[str] = field(default_factory=list)
    refused: list[tuple[int, bytes]] = field(default_factory=list)  # what the LRS turned down, for messages

    def aus(self) -> dict[str, dict[str, str]]:
        """The AUs of cmi5.xml: id -> its attributes and url, as an LMS imports them."""
        root = etree.fromstring(self.files["cmi5.xml"])
        return {
            au.get("id"): {**au.attrib, "url": au.findtext("c:url", namespaces=CMI5_NS)}
            for au in root.iterfind("c:au", CMI5_NS)
        }

    def launch_url(
        self,
        au_id: str,
        actor: dict[str, Any] = LEARNER,
        launch_mode: str = "Normal",
        registration: str | None = None,
    ) -> str:
        """Register (or reuse a registration), write LMS.LaunchData, send the LMS's "launched" statement for a
        new session; return the AU's launch URL."""
        au = self.aus()[au_id]
        registration, session = registration or str(uuid.uuid4()), str(uuid.uuid4())
        launch_data: dict[str, Any] = {
            "contextTemplate": {
                "contextActivities": {"grouping": [{"objectType": "Activity", "id": au_id}]},
                "extensions": {SESSION_EXT: session},
            },
            "launchMode": launch_mode,
            "launchMethod": au["launchMethod"],
            "moveOn": au["moveOn"],
            "masteryScore": float(au["masteryScore"]),
        }
        agent = json.dumps(actor, separators=(",", ":"))
        self.state[("LMS.LaunchData", au_id, agent, registration)] = json.dumps(launch_data).encode()
        fetch_id = str(uuid.uuid4())
        self.tokens[fetch_id] = self.lrs.auth.removeprefix("Basic ")
        self.post_launched(actor, au_id, registration, session, launch_mode)
        query = urllib.parse.urlencode(
            {
                "endpoint": f"{self.base}/xapi/",
                "fetch": f"{self.base}/fetch/{fetch_id}",
                "actor": agent,
                "registration": registration,
                "activityId": au_id,
            }
        )
        return f"{self.base}/pkg/{au['url']}?{query}"

    def post_launched(
        self, actor: dict[str, Any], au_id: str, registration: str, session: str, mode: str
    ) -> None:
        statement = {
            "id": str(uuid.uuid4()),
            "actor": actor,
            "verb": {"id": "http://adlnet.gov/expapi/verbs/launched", "display": {"en-US": "launched"}},
            "object": {"objectType": "Activity", "id": au_id},
            "context": {
                "registration": registration,
                "contextActivities": {
                    "grouping": [{"id": au_id}],
                    "category": [{"id": "https://w3id.org/xapi/cmi5/context/categories/cmi5"}],
                },
                "extensions": {
                    SESSION_EXT: session,
                    "https://w3id.org/xapi/cmi5/context/extensions/launchmode": mode,
                },
            },
            "timestamp": "2026-01-01T00:00:00.000Z",
        }
        status, body = self.forward("POST", "statements", b"", json.dumps(statement).encode(), self.lrs.auth)
        assert status == 200, body

    def forward(
        self, method: str, path: str, query: bytes | str, body: bytes, auth: str
    ) -> tuple[int, bytes]:
        url = self.lrs.url + path + (f"?{query}" if query else "")
        headers = {
            "Authorization": auth,
            "X-Experience-API-Version": "1.0.3",
            "Content-Type": "application/json",
        }
        request = urllib.request.Request(url, data=body or None, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=patience.REQUEST_SECONDS) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as err:
            self.refused.append((err.code, err.read()))
            return err.code, self.refused[-1][1]

    def serve(self) -> http.server.ThreadingHTTPServer:
        launcher = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
                pass

            def reply(self, status: int, body: bytes = b"", kind: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                path, _, query = self.path.partition("?")
                if path == "/lms.html":
                    self.reply(200, LMS_PAGE, "text/html")
                elif path.startswith("/pkg/") and path[5:] in launcher.files:
                    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
                    self.reply(200, launcher.files[path[5:]], kind)
                elif path == "/xapi/activities/state" and self.authorised():
                    found = launcher.state.get(self.state_key(query))
                    self.reply(404) if found is None else self.reply(200, found)
                elif path.startswith("/xapi/statements"):
                    self.reply(
                        *launcher.forward("GET", "statements", query, b"", self.headers["Authorization"])
                    )
                else:
                    self.reply(404)

            def do_PUT(self) -> None:  # noqa: N802
                path, _, query = self.path.partition("?")
                if path == "/xapi/activities/state" and self.authorised():
                    launcher.state[self.state_key(query)] = self.body()
                    self.reply(204)
                else:
                    self.reply(403)

            def do_POST(self) -> None:  # noqa: N802
                path, _, query = self.path.partition("?")
                if path.startswith("/fetch/"):
                    # cmi5 8.2: the token is handed out once; a second fetch is an error.
                    token = launcher.tokens.pop(path[7:], None)
                    launcher.fetched.append(path[7:])
                    answer = (
                        {"auth-token": token}
                        if token
                        else {"error-code": "1", "error-text": "already fetched"}
                    )
                    self.reply(200, json.dumps(answer).encode())
                elif path == "/xapi/statements":
                    self.reply(
                        *launcher.forward(
                            "POST", "statements", query, self.body(), self.headers["Authorization"]
                        )
                    )
                else:
                    self.reply(404)

            def authorised(self) -> bool:
                return self.headers.get("Authorization") == launcher.lrs.auth

            def state_key(self, query: str) -> tuple[str, str, str, str]:
                q = dict(urllib.parse.parse_qsl(query))
                agent = json.dumps(json.loads(q.get("agent", "{}")), separators=(",", ":"))
                return (q.get("stateId", ""), q.get("activityId", ""), agent, q.get("registration", ""))

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server
