"""Small helpers shared by several test modules."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
