"""Small helpers shared by several test modules."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from openita.lib.safehttp import LinkProbe


@contextmanager
def local_server(
    handler: type[BaseHTTPRequestHandler],
    server_class: type[ThreadingHTTPServer] = ThreadingHTTPServer,
) -> Iterator[str]:
    """Serve ``handler`` on a free 127.0.0.1 port for the block; yields the base URL."""
    httpd = server_class(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def probe(url: str, outcome: str, status: int | None) -> LinkProbe:
    """A link check result as the checker would report it."""
    return LinkProbe(
        url=url, final_url=url, status=status, redirects=[], content_type="text/html",
        content_length=100, outcome=outcome, detail=f"HTTP {status}",
    )  # fmt: skip


def fake_dns(monkeypatch: Any, table: dict[str, list[str]]) -> None:
    """Answer name lookups from table so that no test touches real DNS."""

    def getaddrinfo(host: str | bytes, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if isinstance(host, bytes):  # the async stack (anyio) passes IDNA-encoded bytes
            host = host.decode("ascii")
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (
                socket.AF_INET6 if ":" in ip else socket.AF_INET,
                socket.SOCK_STREAM,
                6,
                "",
                (ip, port),
            )
            for ip in table[host]
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
