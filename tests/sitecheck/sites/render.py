"""Turning a site's files into HTTP answers: templating, layout and encodings.

Pages and robots.txt are written with two placeholders the server fills when it serves them:

- ``{{base}}``: the site's own base URL (``http://127.0.0.1:PORT``);
- ``{{//host.name}}``: ``http://host.name:PORT``, another host name answered by the same
  server (the tests point those names at 127.0.0.1 with ``fake_dns``).

A page that starts with a ``---`` front matter block (YAML: ``title``, optional ``charset``)
is wrapped in the site's ``layout.html`` (``{{title}}``, ``{{content}}``, ``{{site_title}}``);
other pages are served as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from .manifest import Site

_HOST_PLACEHOLDER = re.compile(r"\{\{//([a-z0-9.-]+)\}\}")


@dataclass
class Response:
    """One answer of the fixture server."""

    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    stream: Iterator[bytes] | None = None  # a body too large to hold, sent chunk by chunk
    length: int | None = None  # Content-Length of a streamed body
    delay_s: float = 0.0


def fill(text: str, base: str, port: int) -> str:
    """Replace the placeholders of a page, robots.txt or redirect target."""
    text = text.replace("{{base}}", base)
    return _HOST_PLACEHOLDER.sub(lambda m: f"http://{m.group(1)}:{port}", text)


def front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """``(meta, body)`` of a page; meta is None when the page has no front matter."""
    if not text.startswith("---\n"):
        return None, text
    end = text.index("\n---\n", 4)
    meta = yaml.safe_load(text[4:end]) or {}
    return meta, text[end + 5 :]


def wrap(site: Site, title: str, content: str) -> str:
    """The page content inside the site's layout."""
    layout = (site.folder / "layout.html").read_text(encoding="utf-8")
    return (
        layout.replace("{{title}}", title)
        .replace("{{site_title}}", site.title)
        .replace("{{content}}", content)
    )


def html_response(text: str, charset: str = "") -> Response:
    """An HTML answer; ``charset`` "tis-620" or "meta-only" sends the page in cp874.

    "tis-620" says so in the Content-Type header; "meta-only" leaves the header without a
    charset, so only the page's own ``<meta charset="windows-874">`` tells the encoding.
    """
    if charset == "tis-620":
        return Response(content_type="text/html; charset=tis-620", body=text.encode("cp874"))
    if charset == "meta-only":
        return Response(content_type="text/html", body=text.encode("cp874"))
    return Response(body=text.encode("utf-8"))


def render_page(site: Site, raw: str, base: str, port: int, charset: str = "") -> Response:
    """A page file as served: wrapped when it has front matter, placeholders filled."""
    meta, body = front_matter(raw)
    if meta is not None:
        body = wrap(site, str(meta.get("title", site.title)), body)
        charset = charset or str(meta.get("charset", ""))
    return html_response(fill(body, base, port), charset)


def not_found(site_title: str = "") -> Response:
    body = (
        '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">'
        "<title>404 ไม่พบหน้าที่ต้องการ</title></head><body>"
        "<h1>404 ไม่พบหน้าที่ต้องการ (Not Found)</h1>"
        f"<p>ขออภัย ไม่พบหน้าเว็บที่ท่านเรียก {site_title}</p>"
        '<p><a href="/">กลับหน้าแรก</a></p></body></html>'
    )
    return Response(status=404, body=body.encode("utf-8"))


def server_error() -> Response:
    body = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>500 Internal Server Error'
        "</title></head><body><h1>Internal Server Error</h1><p>ระบบขัดข้องชั่วคราว "
        "กรุณาลองใหม่อีกครั้ง</p></body></html>"
    )
    return Response(status=500, body=body.encode("utf-8"))


def redirect(location: str, status: int = 302) -> Response:
    body = f'<html><body>Moved: <a href="{location}">{location}</a></body></html>'
    return Response(status=status, body=body.encode(), headers={"Location": location})
