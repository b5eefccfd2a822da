"""A strict cmi5 LMS for tests: imports a package's cmi5.xml, registers a learner, writes LMS.LaunchData (with
a returnURL), sends "launched", answers the fetch URL once with a token for that session, and gives the AU's
launch URL. On 127.0.0.1.

It is the AU's xAPI endpoint, as a real LMS is, and enforces cmi5's launch rules the way ADL's cmi5 player
does (cmi5_rules.py): a batch that breaks one (no cmi5LearnerPreferences read before the first statement, a
passed/failed without the masteryscore extension, a statement out of order or after "terminated", another
registration or session id) is refused with a 4xx and the rule, and never reaches the LRS. What passes goes
to ralph (the LRS). The State API and the agent profile API are served here, because ralph 5 has neither.
The returnURL page answers 409 until the session's "terminated" is recorded.
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
from datetime import UTC, datetime
from typing import Any

import patience
from cmi5_rules import ADL, CMI5, SESSION_EXT, Refused, Registration, Session, check_batch
from lxml import etree
from ralph_lrs import Lrs

CMI5_NS = {"c": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}
EXT = "https://w3id.org/xapi/cmi5/context/extensions/"
PREFERENCES = "cmi5LearnerPreferences"
# The LMS's page: the AU opens in its frame (launchMethod AnyWindow), where tests drive it like a SCO.
LMS_PAGE = (
    b'<!DOCTYPE html><title>LMS</title><iframe id="sco" title="AU" style="width:100%;height:90vh"></iframe>'
)
LEARNER = {"objectType": "Agent", "account": {"homePage": "https://lms.zhineng.example", "name": "learner-1"}}


def _agent(actor: dict[str, Any]) -> str:
    return json.dumps(actor, sort_keys=True, separators=(",", ":"))


@dataclass
class Launcher:
    files: dict[str, bytes]  # the package, path -> bytes
    lrs: Lrs
    base: str = ""
    state: dict[tuple[str, str, str, str], bytes] = field(default_factory=dict)
    preferences: dict[str, dict[str, str]] = field(default_factory=dict)  # agent -> cmi5LearnerPreferences
    tokens: dict[str, str] = field(default_factory=dict)  # fetch id -> token, until fetched once
    fetched: list[str] = field(default_factory=list)
    sessions: dict[str, Session] = field(default_factory=dict)
    by_token: dict[str, str] = field(default_factory=dict)  # auth token -> its session id
    registrations: dict[tuple[str, str], Registration] = field(default_factory=dict)
    refused: list[tuple[int, str]] = field(default_factory=list)  # what was turned down, for messages
    returned: list[tuple[str, int]] = field(default_factory=list)  # (session, status) of returnURL visits
    outage: bool = False  # answer 503 to statement posts, as an LMS that is down does
    posts: list[tuple[str, list[str], int]] = field(
        default_factory=list
    )  # (session, verbs, status), for messages

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
        """Register (or reuse a registration, abandoning its open session), write LMS.LaunchData, send the
        LMS's "launched" statement for a new session; return the AU's launch URL."""
        au = self.aus()[au_id]
        registration, session = registration or str(uuid.uuid4()), str(uuid.uuid4())
        for old in self.sessions.values():
            if old.registration == registration and old.au == au_id and not (old.terminated or old.abandoned):
                self.abandon(old)
        mastery = float(au["masteryScore"]) if "masteryScore" in au else None
        template = {
            "contextActivities": {"grouping": [{"objectType": "Activity", "id": au_id}]},
            "extensions": {SESSION_EXT: session},
        }
        launch_data: dict[str, Any] = {
            "contextTemplate": template,
            "launchMode": launch_mode,
            "launchMethod": au["launchMethod"],
            "moveOn": au["moveOn"],
            "returnURL": f"{self.base}/returned/{session}",
        }
        if mastery is not None:
            launch_data["masteryScore"] = mastery
        agent = json.dumps(actor, separators=(",", ":"))
        self.state[("LMS.LaunchData", au_id, agent, registration)] = json.dumps(launch_data).encode()
        self.sessions[session] = Session(session, registration, au_id, actor, launch_mode, mastery, template)
        fetch_id, token = str(uuid.uuid4()), str(uuid.uuid4())
        self.tokens[fetch_id] = token
        self.by_token[token] = session
        url = f"{self.base}/pkg/{au['url']}"
        self.post_lms(
            actor,
            au_id,
            "launched",
            session,
            registration,
            {EXT + "launchmode": launch_mode, EXT + "launchurl": url, EXT + "moveon": au["moveOn"]}
            | ({EXT + "masteryscore": mastery} if mastery is not None else {}),
        )
        query = urllib.parse.urlencode(
            {
                "endpoint": f"{self.base}/xapi/",
                "fetch": f"{self.base}/fetch/{fetch_id}",
                "actor": agent,
                "registration": registration,
                "activityId": au_id,
            }
        )
        return f"{url}?{query}"

    def set_preferences(self, actor: dict[str, Any], document: dict[str, str]) -> None:
        """The learner's cmi5LearnerPreferences agent profile (cmi5 11.0), as the LMS keeps it."""
        self.preferences[_agent(actor)] = document

    def abandon(self, session: Session) -> None:
        """cmi5 9.3.6: a new launch of the registration ends the open session; nothing more is recorded for it."""
        session.abandoned = True
        self.post_lms(session.actor, session.au, "abandoned", session.id, session.registration, {})

    def post_lms(
        self,
        actor: dict[str, Any],
        au_id: str,
        verb: str,
        session: str,
        registration: str,
        extensions: dict[str, Any],
    ) -> None:
        verb_id = "https://w3id.org/xapi/adl/verbs/abandoned" if verb == "abandoned" else ADL + verb
        statement = {
            "id": str(uuid.uuid4()),
            "actor": actor,
            "verb": {"id": verb_id, "display": {"en-US": verb}},
            "object": {"objectType": "Activity", "id": au_id},
            "context": {
                "registration": registration,
                "contextActivities": {"grouping": [{"id": au_id}], "category": [{"id": CMI5}]},
                "extensions": {SESSION_EXT: session, **extensions},
            },
            "timestamp": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        }
        status, body = self.forward("POST", "statements", b"", json.dumps(statement).encode())
        assert status == 200, body

    def forward(self, method: str, path: str, query: bytes | str, body: bytes) -> tuple[int, bytes]:
        """To ralph, with the LMS's own credentials (the AU's token is the LMS's, checked here)."""
        url = self.lrs.url + path + (f"?{query}" if query else "")
        headers = {
            "Authorization": self.lrs.auth,
            "X-Experience-API-Version": "1.0.3",
            "Content-Type": "application/json",
        }
        request = urllib.request.Request(url, data=body or None, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=patience.REQUEST_SECONDS) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as err:
            text = err.read()
            if not (method == "GET" and err.code == 404):
                self.refused.append((err.code, f"ralph: {text.decode(errors='replace')}"))
            return err.code, text

    def post_statements(self, token_session: str, body: bytes) -> tuple[int, bytes]:
        status, answer = self._post_statements(token_session, body)
        try:
            verbs = [str(s.get("verb", {}).get("id", "")).rsplit("/", 1)[-1] for s in json.loads(body)]
        except (ValueError, AttributeError, TypeError):
            verbs = ["?"]
        self.posts.append((token_session, verbs, status))
        return status, answer

    def _post_statements(self, token_session: str, body: bytes) -> tuple[int, bytes]:
        if self.outage:
            return 503, b'{"message": "the LMS is down"}'
        try:
            batch = json.loads(body)
            statements = batch if isinstance(batch, list) else [batch]
            check_batch(statements, self.sessions, self.registrations, token_session)
        except Refused as refused:
            self.refused.append((refused.status, refused.message))
            return refused.status, json.dumps({"message": refused.message}).encode()
        except ValueError:
            return 400, b'{"message": "not JSON"}'
        return self.forward("POST", "statements", b"", body)

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
                elif path.startswith("/returned/"):
                    self.returned(path.removeprefix("/returned/"))
                elif (session := self.session()) is None:
                    self.reply(401, b'{"message": "no token of a launch"}')
                elif path == "/xapi/activities/state":
                    found = launcher.state.get(self.state_key(query))
                    self.reply(404) if found is None else self.reply(200, found)
                elif path == "/xapi/agents/profile":
                    self.profile(session, query)
                elif path == "/xapi/statements":
                    self.reply(*launcher.forward("GET", "statements", query, b""))
                else:
                    self.reply(404)

            def returned(self, session: str) -> None:
                known = launcher.sessions.get(session)
                # cmi5 10.2.6: the AU goes to returnURL when it is terminated, not before.
                status = 200 if known and known.terminated else 409
                launcher.returned.append((session, status))
                page = b"<!DOCTYPE html><title>Back in the LMS</title><p data-returned>back</p>"
                self.reply(status, page if status == 200 else b"not terminated", "text/html")

            def profile(self, session: Session, query: str) -> None:
                q = dict(urllib.parse.parse_qsl(query))
                agent = _agent(json.loads(q.get("agent", "{}")))
                if q.get("profileId") != PREFERENCES or agent != _agent(session.actor):
                    self.reply(404)
                    return
                session.preferences_read = True
                found = launcher.preferences.get(agent)
                self.reply(404) if found is None else self.reply(200, json.dumps(found).encode())

            def do_PUT(self) -> None:  # noqa: N802
                path, _, query = self.path.partition("?")
                if path == "/xapi/activities/state" and self.session():
                    key = self.state_key(query)
                    if key[0] == "LMS.LaunchData":  # cmi5 10.2.1: the AU must not change it
                        self.reply(403, b'{"message": "LMS.LaunchData is the LMS\'s"}')
                        return
                    launcher.state[key] = self.body()
                    self.reply(204)
                else:
                    self.reply(403)

            def do_POST(self) -> None:  # noqa: N802
                path, _, _query = self.path.partition("?")
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
                elif path == "/xapi/statements" and (session := self.session()):
                    self.reply(*launcher.post_statements(session.id, self.body()))
                else:
                    self.reply(401 if path == "/xapi/statements" else 404)

            def session(self) -> Session | None:
                token = (self.headers.get("Authorization") or "").removeprefix("Basic ")
                found = launcher.by_token.get(token)
                return launcher.sessions[found] if found else None

            def state_key(self, query: str) -> tuple[str, str, str, str]:
                q = dict(urllib.parse.parse_qsl(query))
                agent = json.dumps(json.loads(q.get("agent", "{}")), separators=(",", ":"))
                return (q.get("stateId", ""), q.get("activityId", ""), agent, q.get("registration", ""))

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server
