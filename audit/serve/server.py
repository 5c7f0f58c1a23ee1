"""The local HTTP server of `article-audit serve` (standard library, one thread per request).

It serves the app's page and audits what the page sends; it reads no file and writes
none. Every response carries the app's Content-Security-Policy. Requests are refused
when their body is over `MAX_BODY` (413, with a message), when their Host is not this
server's own address (other sites' pages reaching it through DNS rebinding), and when
their Origin is another site's (cross-origin calls).
"""

from __future__ import annotations

import ipaddress
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from audit.serve.app import App, parse_request

MAX_BODY = 5_000_000  # bytes of JSON: far more than any article (about 700,000 words)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a connection may sit idle or send a body slowly
    server_version = "article-audit"
    sys_version = ""

    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass  # the page's drafts are nobody's business; errors are answered, not logged

    def _send(self, code: int, body: bytes, content_type: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", self.server.app.csp())
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, code: int, data: dict) -> None:
        self._send(code, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _error(self, code: int, message: str) -> None:
        self.close_connection = True
        self._json(code, {"error": message})

    def _allowed(self) -> bool:
        """Host is this server's address, and Origin (when sent) is this server's origin."""
        allowed = self.server.origins
        host = self.headers.get("Host", "")
        if host not in allowed:
            self._error(403, f"refused: the Host header {host!r} is not this server's address")
            return False
        origin = self.headers.get("Origin")
        if origin is not None and origin.removeprefix("http://") not in allowed:
            self._error(403, f"refused: a page from {origin!r} may not call this server")
            return False
        return True

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        if not self._allowed():
            return
        if self.path in ("/", "/index.html"):
            self._send(200, self.server.page, "text/html; charset=utf-8")
        else:
            self._error(404, "not found: this server has one page, /")

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802 - the standard library's name
        if not self._allowed():
            return
        if self.path != "/api/audit":
            self._error(404, "not found: drafts go to /api/audit")
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._error(411, "the request must say its length (Content-Length)")
            return
        if length > MAX_BODY:
            self._error(
                413,
                f"the draft is too large to check here: {length:,} bytes, over the limit of {MAX_BODY:,} "
                "(use article-audit check for very large files)",
            )
            return
        if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
            self._error(415, "send the draft as JSON (Content-Type: application/json)")
            return
        try:
            text, fmt = parse_request(self.rfile.read(length))
        except ValueError as exc:
            self._error(400, str(exc))
            return
        try:
            answer = self.server.app.answer(text, fmt)
        except Exception as exc:  # a bug in a rule or a writer: the page says so, the server goes on
            self._error(500, f"the draft could not be checked: {type(exc).__name__}: {exc}")
            return
        self._json(200, answer)

    def _unsupported(self) -> None:
        self._error(405, "this server answers GET and POST only")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _unsupported


class Server(ThreadingHTTPServer):
    """The app's server; `origins` are the Host values (host:port) it answers to."""

    daemon_threads = True

    def __init__(self, app: App, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__((host, port), Handler)
        self.app = app
        self.page = app.page().encode("utf-8")
        port = self.server_address[1]
        names = {"127.0.0.1", "localhost", "[::1]"} | ({host} if host not in ("0.0.0.0", "::", "") else set())
        self.origins = {f"{name}:{port}" for name in names}

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a page closed mid-answer is no error
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host = self.server_address[0]
        shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else (f"[{host}]" if ":" in host else host)
        return f"http://{shown}:{self.server_address[1]}/"
