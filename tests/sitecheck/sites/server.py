"""Serve a fixture site on 127.0.0.1 for a test, counting every request.

    with serve("banswan") as base:            # base is the site's base URL, a str
        fake_dns(monkeypatch, base.dns_table())  # drive.google.com & co. → 127.0.0.1
        crawl(base.start_url, settings)
        assert base.hits["/admin/login.php"] == 0

One ThreadingHTTPServer (``tests.support.local_server``) answers every host name of the
site; it picks the site or a fake outside host (Drive, Google sign-in, Facebook…) by the
Host header. Links to those hosts carry the server's port, so a crawler that resolves the
names through ``fake_dns`` reaches the same server. ``hits`` counts requests per path (the
site's paths as they are, percent-decoded, without the query; other hosts' paths as
``//host/path``) and ``requests`` lists ``(method, host, raw path, status)`` in order;
``errors`` collects exceptions of the fixture itself (answered 500), which should stay empty.
"""

from __future__ import annotations

import functools
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from tests.support import local_server

from . import hosts, traps
from .documents import doc_bytes
from .manifest import Route, Site, content_type_for, load_site, split_ref
from .render import (
    Response,
    fill,
    html_response,
    not_found,
    redirect,
    render_page,
    server_error,
)

MAIN_HOSTS = frozenset({"127.0.0.1", "localhost", ""})
REFUSING_ADDRESS = "127.0.0.2"  # loopback, but nothing listens there: connections are refused


class ServedSite(str):
    """The base URL of a running fixture site, with what its server has seen."""

    site: Site
    port: int
    slow_s: float | None
    hits: Counter[str]
    requests: list[tuple[str, str, str, int]]
    errors: list[str]
    lock: threading.Lock

    def __new__(cls, base: str, site: Site, slow_s: float | None = None) -> ServedSite:
        served = super().__new__(cls, base)
        served.site = site
        served.port = int(base.rsplit(":", 1)[1])
        served.slow_s = slow_s
        served.hits = Counter()
        served.requests = []
        served.errors = []
        served.lock = threading.Lock()
        return served

    @property
    def start_url(self) -> str:
        return self + self.site.start

    def url(self, ref: str) -> str:
        """Absolute URL of a truth reference: ``/path`` or ``//host/path``."""
        host, rest = split_ref(ref)
        if not host:
            return self + rest
        return f"http://{host}:{self.port}{rest}"

    def dns_table(self) -> dict[str, list[str]]:
        return dns_table(self.site.name)


def dns_table(site_name: str) -> dict[str, list[str]]:
    """Name → addresses for ``tests.support.fake_dns``: every host of the site on 127.0.0.1,
    the "refused" names on an address where nothing listens; "unresolvable" names are left
    out, so looking them up fails."""
    site = load_site(site_name)
    table = {"127.0.0.1": ["127.0.0.1"], "localhost": ["127.0.0.1"]}
    table.update({host: ["127.0.0.1"] for host in site.hosts})
    table.update({host: [REFUSING_ADDRESS] for host in site.refused})
    return table


@functools.cache
def _placeholder_png() -> bytes:
    """A 1×1 grey PNG: every picture of the sites (logos, photos, banners) is this one."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _inside(root: Path, relative: str) -> Path | None:
    candidate = (root / relative).resolve()
    if candidate.is_relative_to(root.resolve()) and candidate.is_file():
        return candidate
    return None


def _page_file(root: Path, path: str) -> Path | None:
    stem = path.strip("/")
    names = [f"{stem}/index.html", f"{stem}.html", stem] if stem else ["index.html"]
    for name in names:
        found = _inside(root, name)
        if found:
            return found
    return None


def _other_pages(served: ServedSite, host: str, path: str) -> Response:
    """A host of kind ``pages``: its files under ``hosts/<host>/``, served as they are."""
    root = served.site.folder / "hosts" / host
    found = _page_file(root, path)
    if found is None:
        return not_found()
    if found.suffix in ("", ".html"):
        return render_page(served.site, found.read_text(encoding="utf-8"), served, served.port)
    return Response(content_type=content_type_for(found.name), body=found.read_bytes())


def _content(served: ServedSite, route: Route) -> Response:
    site = served.site
    if route.page:
        raw = (site.folder / "routed" / route.page).read_text(encoding="utf-8")
        response = render_page(site, raw, served, served.port, route.charset)
        response.content_type = route.content_type or response.content_type
    elif route.file:
        response = Response(
            content_type=route.content_type or content_type_for(route.file),
            body=(site.folder / "static" / route.file).read_bytes(),
        )
    elif route.doc:
        doc = site.docs[route.doc]
        response = Response(content_type=doc.content_type, body=doc_bytes(site.folder, doc))
    else:
        response = not_found(site.title)
    if route.status != 200:
        response.status = route.status
    if route.options.get("attachment"):
        name = str(route.options.get("filename") or route.file or route.doc)
        response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


def _route_response(served: ServedSite, route: Route, query: str, seen: int) -> Response:
    if route.redirect:
        return redirect(fill(route.redirect, served, served.port), route.status)
    if route.trap == "calendar":
        return traps.calendar(served.site, query, served, served.port)
    if route.trap == "large":
        return traps.large(route)
    if route.trap == "empty":
        return traps.empty(route)
    if route.trap == "zip_bomb":
        return traps.zip_bomb()
    response = _content(served, route)
    if route.trap == "flaky":
        return traps.flaky(route, seen, response)
    if route.trap == "slow":
        return traps.slow(route, response, served.slow_s)
    return response


def _main_host(served: ServedSite, path: str, query: str, seen: int) -> Response:
    site = served.site
    if path == "/robots.txt":
        if not site.robots:
            return not_found(site.title)
        body = fill(site.robots, served, served.port).encode()
        return Response(content_type="text/plain; charset=utf-8", body=body)
    route = (site.routes.get(f"{path}?{query}") if query else None) or site.routes.get(path)
    if route is not None:
        return _route_response(served, route, query, seen)
    doc = site.doc_at(path)
    if doc is not None:
        return Response(content_type=doc.content_type, body=doc_bytes(site.folder, doc))
    page = _page_file(site.folder / "pages", path)
    if page is not None:
        return render_page(site, page.read_text(encoding="utf-8"), served, served.port)
    static = _inside(site.folder / "static", path.lstrip("/")) if path.strip("/") else None
    if static is not None:
        return Response(content_type=content_type_for(path), body=static.read_bytes())
    if path.lower().endswith((".png", ".jpg", ".jpeg", ".gif")):
        return Response(content_type="image/png", body=_placeholder_png())
    return not_found(site.title)


def dispatch(served: ServedSite, host: str, raw_path: str, seen: int) -> Response:
    """The answer to one request for ``raw_path`` (path?query, as sent) on ``host``."""
    parts = urlsplit(raw_path)
    path, query = unquote(parts.path) or "/", parts.query
    if host in MAIN_HOSTS:
        return _main_host(served, path, query, seen)
    kind = served.site.hosts.get(host)
    routes = served.site.routes
    route = (routes.get(f"//{host}{path}?{query}") if query else None) or routes.get(
        f"//{host}{path}"
    )
    if route is not None and kind is not None:
        return _route_response(served, route, query, seen)
    url = f"http://{host}:{served.port}{raw_path}"
    if kind == "pages":
        return _other_pages(served, host, path)
    if kind == "drive":
        return hosts.drive(served.site, path, query, url, served.port)
    if kind == "drive_content":
        return hosts.drive_content(served.site, path, query)
    if kind == "google_login":
        return hosts.google_login()
    if kind == "google_forms":
        return hosts.google_forms(path)
    if kind == "social":
        return hosts.social(host, path)
    if kind == "redirect":
        return hosts.redirect_wrapper(path, query, served.port)
    return html_response("<h1>Unknown host</h1>")  # not reachable through fake_dns


class _Handler(BaseHTTPRequestHandler):
    served: ServedSite
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once (no 40 ms stalls)
    server_version = "Apache/2.4.58 (Ubuntu)"
    sys_version = ""
    timeout = 30

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        served = self.served
        host = (self.headers.get("Host") or "").lower()
        host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        path = unquote(urlsplit(self.path).path) or "/"
        key = path if host in MAIN_HOSTS else f"//{host}{path}"
        with served.lock:
            seen = served.hits[key]
            served.hits[key] += 1
        try:
            response = dispatch(served, host, self.path, seen)
        except Exception as exc:  # a bug of the fixture itself: keep it for the test to see
            served.errors.append(f"{self.path}: {exc!r}")
            response = server_error()
        with served.lock:
            served.requests.append((self.command, host, self.path, response.status))
        self._send(response, head)

    def _send(self, response: Response, head: bool) -> None:
        if response.delay_s:
            time.sleep(response.delay_s)
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        length = response.length if response.stream is not None else len(response.body)
        self.send_header("Content-Length", str(length))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if head:
            return
        try:
            if response.stream is None:
                self.wfile.write(response.body)
                return
            for chunk in response.stream:
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client stopped reading: expected for traps


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up early (size caps, timeouts) are expected here


@contextmanager
def serve(site_name: str, *, slow_s: float | None = None) -> Iterator[ServedSite]:
    """Run the named site for the block; yields its base URL (a ``ServedSite``).

    slow_s overrides the delay of the site's slow pages.
    """
    site = load_site(site_name)
    handler = type(f"{site_name.title()}Handler", (_Handler,), {})
    with local_server(handler, _QuietServer) as base:
        handler.served = ServedSite(base, site, slow_s)
        yield handler.served
