"""The preview site (every file in memory, by URL path) and a small HTTP server for it, bound to 127.0.0.1.

The host page creates the SCORM API with the vendored scorm-again, loads the SCO in a frame, shows the live
CMI, and keeps the committed CMI in localStorage so that a reload resumes (see host.js).
"""

from __future__ import annotations

import mimetypes
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from urllib.parse import urlsplit

from ...modules.course import Course
from ...script_json import js_file_json
from ..package import build_packages
from ..profiles import profile_switches

HOST = "127.0.0.1"
_HOST_FILES = ("host.html", "host.js", "host.css")
_VENDOR = ("scorm-again.min.js", "scorm-again.LICENSE")


def preview_site(course: Course, version: str, profile: str, module: str | None) -> dict[str, bytes]:
    """URL path -> bytes: the host page, its scripts, scorm-again and the package under /pkg/."""
    profile_switches(profile)
    [(name, package)] = build_packages(course, version, "course", profile, [module] if module else None)
    here = files("zhineng.scorm_export.preview")
    site = {f"/pkg/{f.path}": f.data for f in package}
    for host_file in _HOST_FILES:
        site[f"/{host_file}"] = here.joinpath(host_file).read_bytes()
    site["/"] = site.pop("/host.html")
    for vendor_file in _VENDOR:
        site[f"/vendor/{vendor_file}"] = here.joinpath("vendor", vendor_file).read_bytes()
    chosen = [m for m in course.modules if module in (None, m.id)]
    config = {
        "version": version,
        "package": name,
        "scos": [
            {
                "id": m.id,
                "title": m.title,
                "href": f"pkg/sco/{m.id}/index.html",
            }
            for m in chosen
        ],
    }
    site["/config.js"] = f"window.ZHINENG_PREVIEW = {js_file_json(config)};\n".encode()
    return site


def _content_type(path: str) -> str:
    kind = mimetypes.guess_type(path if path != "/" else "/index.html")[0] or "application/octet-stream"
    if path.endswith(".js"):
        kind = "text/javascript"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind.endswith(("xml", "json")) else kind


# Names that mean this machine. Binding to 127.0.0.1 keeps other machines out, but not a web page that
# re-points its own host name at 127.0.0.1 (DNS rebinding): its requests carry that name in Host, so only a
# loopback name with the server's own port is answered.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def loopback_host(host: str | None, port: int) -> bool:
    """Whether a request's Host header names this server by a loopback name (the port as the browser sends it:
    always, unless it is 80)."""
    if host is None:
        return False
    allowed = {f"{name}:{port}" for name in LOOPBACK_NAMES}
    if port == 80:
        allowed.update(LOOPBACK_NAMES)
    return host.strip().lower() in allowed


def make_server(site: dict[str, bytes], port: int) -> ThreadingHTTPServer:
    """A server for `site` on 127.0.0.1 only; call serve_forever(), and shutdown() from another thread."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._send(head_only=False)

        def do_HEAD(self) -> None:  # noqa: N802
            self._send(head_only=True)

        def _send(self, head_only: bool) -> None:
            if not loopback_host(self.headers.get("Host"), server.server_address[1]):
                self.send_error(
                    HTTPStatus.FORBIDDEN,
                    explain=f"the preview answers only http://127.0.0.1:{server.server_address[1]}/ "
                    "(or localhost, [::1])",
                )
                return
            path = urlsplit(self.path).path
            body = site.get(path)
            if body is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", _content_type(path))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")  # a rebuilt package must show on reload
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # the terminal shows the URL; per-request lines would bury it

    # The handler reads the bound port from `server` (port may be 0: the OS picks one).
    server = ThreadingHTTPServer((HOST, port), Handler)
    return server
