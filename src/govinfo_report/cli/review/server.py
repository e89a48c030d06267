"""The review app: a local web server (127.0.0.1 only, nothing fetched from outside) over a
``Corpus``: the corpus page, a document's review page with a verdict form, and the queue of
doubtful cells; every verdict is appended to the store at once, and the response carries
the rules checked again.

Safe on a shared machine: the server answers only requests addressed to 127.0.0.1 or
localhost at its port (no DNS rebinding), takes writes only from its own pages (their
``Origin``) with the token of the browser's session, and escapes every text it shows.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import attrs

from ...check.corrected import reading
from ...check.validate import validate
from ...corrections import CorrectionError, entry, now
from ...write.review import review_html
from . import pages
from .corpus import Corpus, Item

#: The most a request body may hold.
MAX_BODY = 1 << 16
#: The longest reviewer name.
MAX_NAME = 80


class App:
    """The state the request handlers share: the corpus and the server's secret."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.secret = secrets.token_bytes(32)
        self.port = 0

    def token(self, session: str) -> str:
        """The write token of a browser session (its cookie)."""
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()

    def hosts(self) -> frozenset[str]:
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})


def serve(app: App, port: int = 0, ready: Callable[[str], None] | None = None) -> None:
    """Serve ``app`` on 127.0.0.1 at ``port`` (0: any free one) until interrupted; parse
    the documents not yet read in a background thread. ``ready`` is called with the URL."""
    server = make_server(app, port)
    reader = threading.Thread(target=app.corpus.read, args=(_pending(app),), daemon=True)
    reader.start()
    if ready is not None:
        ready(f"http://127.0.0.1:{app.port}/")
    try:
        server.serve_forever()
    finally:
        server.server_close()


def _pending(app: App) -> list[Item]:
    return [item for item in app.corpus.items if item.machine is None and item.error is None]


def make_server(app: App, port: int = 0) -> ThreadingHTTPServer:
    """The HTTP server of ``app``, bound to 127.0.0.1 (not serving yet)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(app))
    server.daemon_threads = True
    app.port = server.server_address[1]
    return server


def _handler(app: App) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        pass

    Handler.app = app
    return Handler


class _Handler(BaseHTTPRequestHandler):
    app: App
    server_version = "govinfo-report-review"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the terminal shows the URL and the errors only

    # Reading requests

    def do_GET(self) -> None:
        if not self._addressed():
            return
        self.app.corpus.refresh()
        url = urlsplit(self.path)
        query = {name: values[-1] for name, values in parse_qs(url.query).items()}
        session, fresh = self._session()
        reviewer = self._reviewer()
        token = self.app.token(session)
        corpus = self.app.corpus
        if url.path == "/":
            body = pages.corpus_page(corpus, query, token, reviewer)
        elif url.path == "/queue":
            body = pages.queue_page(corpus, query, token, reviewer)
        elif url.path.startswith("/doc/") and url.path[5:].isdigit():
            item = corpus.item(int(url.path[5:]))
            if item is None:
                return self._error(HTTPStatus.NOT_FOUND, "no such document")
            body = self._document(item, token, reviewer)
        elif url.path == "/api/status":
            return self._json({"documents": len(corpus.items), "pending": corpus.pending})
        else:
            return self._error(HTTPStatus.NOT_FOUND, "no such page")
        self._send(
            HTTPStatus.OK, "text/html; charset=utf-8", body.encode(), session if fresh else None
        )

    def _document(self, item: Item, token: str, reviewer: str | None) -> str:
        report = self.app.corpus.report(item)
        if report is None:
            return pages.waiting_page(item, token, reviewer)
        data = item.document.read()
        lines = self.app.corpus.lines(item, data)
        scan = data if isinstance(data, bytes) and any(t.ocr for t in report.tables) else None
        page = review_html(report, "\n".join(lines), scan)
        rows = self.app.corpus.page_crops(item, data, lines)
        doubts = self.app.corpus.doubtful(item)
        return pages.with_form(page, item, report, token, reviewer, doubts, rows)

    # Writing requests

    def do_POST(self) -> None:
        if not self._addressed() or not self._same_origin():
            return
        session = self._cookies().get("gr_session")
        sent = self.headers.get("X-Token", "")
        if session is None or not hmac.compare_digest(sent, self.app.token(session)):
            return self._error(HTTPStatus.FORBIDDEN, "a write needs this session's token")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "too large")
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            return self._error(HTTPStatus.BAD_REQUEST, "the body is not JSON")
        if not isinstance(body, dict):
            return self._error(HTTPStatus.BAD_REQUEST, "the body is not a JSON object")
        self.app.corpus.refresh()
        path = urlsplit(self.path).path
        if path == "/api/reviewer":
            return self._set_reviewer(body)
        if path == "/api/verdict":
            return self._verdict(body)
        return self._error(HTTPStatus.NOT_FOUND, "no such endpoint")

    def _set_reviewer(self, body: dict[str, Any]) -> None:
        name = body.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
            return self._error(HTTPStatus.BAD_REQUEST, f"a name of 1 to {MAX_NAME} characters")
        name = " ".join(name.split())
        cookie = f"gr_reviewer={quote(name)}; Path=/; SameSite=Strict; Max-Age=31536000"
        self._json({"reviewer": name}, cookie=cookie)

    def _verdict(self, body: dict[str, Any]) -> None:
        started = time.perf_counter()
        reviewer = self._reviewer()
        if reviewer is None:
            return self._error(HTTPStatus.FORBIDDEN, "set your name first")
        corpus = self.app.corpus
        index = body.get("document")
        item = corpus.item(index) if isinstance(index, int) else None
        if item is None or item.machine is None or item.fingerprint is None:
            return self._error(HTTPStatus.NOT_FOUND, "no such document read")
        key = body.get("key")
        machine = item.machine
        try:
            cell = machine.cell(key) if isinstance(key, str) else None
        except KeyError:
            cell = None
        if cell is None:
            return self._error(HTTPStatus.BAD_REQUEST, f"{key!r} is no key of this report")
        record = {
            "document": item.fingerprint,
            "key": cell.key,
            "verdict": body.get("verdict"),
            "value": body.get("value"),
            "reviewer": reviewer,
            "time": now(),
            "note": body.get("note") or "",
            "source": item.name,
        }
        if record["verdict"] == "confirm" and cell.value is None:
            return self._error(HTTPStatus.BAD_REQUEST, "the machine read no value to confirm")
        try:
            found = attrs.evolve(entry(record), machine=reading(machine, cell.key))
        except CorrectionError as error:
            return self._error(HTTPStatus.BAD_REQUEST, str(error))
        corpus.save(found)
        self._json(_rechecked(corpus, item, cell.key, started))

    # Guards

    def _addressed(self) -> bool:
        """Whether the request names this server (127.0.0.1 or localhost at its port):
        a page of another site whose name resolves here (DNS rebinding) is refused."""
        if self.headers.get("Host") in self.app.hosts():
            return True
        self._error(HTTPStatus.MISDIRECTED_REQUEST, "this server answers 127.0.0.1 only")
        return False

    def _same_origin(self) -> bool:
        origin = self.headers.get("Origin")
        site = self.headers.get("Sec-Fetch-Site")
        allowed = {f"http://{host}" for host in self.app.hosts()}
        if origin in allowed and site in (None, "same-origin"):
            return True
        self._error(HTTPStatus.FORBIDDEN, "writes are taken from this app's own pages only")
        return False

    def _cookies(self) -> dict[str, str]:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(self.headers.get("Cookie") or "")
        except Exception:  # a malformed cookie header: as if none
            return {}
        return {name: morsel.value for name, morsel in jar.items()}

    def _session(self) -> tuple[str, bool]:
        found = self._cookies().get("gr_session")
        if found and len(found) == 43:
            return found, False
        return secrets.token_urlsafe(32), True

    def _reviewer(self) -> str | None:
        name = self._cookies().get("gr_reviewer")
        name = unquote(name).strip() if name else ""
        return name[:MAX_NAME] or None

    # Answers

    def _send(
        self,
        status: HTTPStatus,
        kind: str,
        body: bytes,
        session: str | None = None,
        cookie: str | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Content-Security-Policy", _POLICY)
        if session is not None:
            self.send_header(
                "Set-Cookie", f"gr_session={session}; Path=/; HttpOnly; SameSite=Strict"
            )
        if cookie is not None:
            self.send_header("Set-Cookie", cookie)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, data: dict[str, Any], cookie: str | None = None) -> None:
        body = json.dumps(data, ensure_ascii=False, default=str).encode()
        self._send(HTTPStatus.OK, "application/json; charset=utf-8", body, cookie=cookie)

    def _error(self, status: HTTPStatus, message: str) -> None:
        body = json.dumps({"error": message}).encode()
        self._send(status, "application/json; charset=utf-8", body)


#: Nothing from elsewhere: the page's own inline style and script, images as data: URLs,
#: requests to this server only.
_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)


def _rechecked(corpus: Corpus, item: Item, key: str, started: float) -> dict[str, Any]:
    """What the page shows once a verdict is saved: the cell as it now stands, the rules
    the report breaks, its status and the time taken."""
    report = corpus.report(item)
    assert report is not None
    cell = report.cell(key)
    violated = validate(report).violated
    done = report.completeness()
    return {
        "key": key,
        "value": None if cell.value is None else str(cell.value),
        "provenance": cell.provenance,
        "text": pages.cell_text(cell),
        "agrees": cell.correction.agrees if cell.correction else None,
        "status": done.status,
        "missing": done.missing,
        "corrected": done.corrected,
        "broken": [
            f"{check.title}: printed {check.printed}, expected {check.expected}"
            for check in violated
        ],
        "diagnostics": [str(d) for d in report.diagnostics if key in d.keys],
        "milliseconds": round((time.perf_counter() - started) * 1000, 1),
    }
