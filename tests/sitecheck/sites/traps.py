"""The dynamic traps a crawler must survive, each answering one route of ``site.yaml``.

- ``calendar``: ``/calendar?month=N`` is an events calendar that always links to month N+1
  (and N-1): an endless space of pages only limits stop.
- ``large``: a PDF of ``size`` bytes (40 MB by default) streamed with an honest
  Content-Length; a crawler should stop reading at its own size cap.
- ``flaky``: answers 500 to the first ``fails`` requests (2 by default), then the page.
- ``slow``: the page after ``delay_s`` seconds (the server's ``slow_s`` overrides it).
- ``empty``: 200 with an empty body of the route's content type.
- ``zip_bomb``: a DOCX that expands about a thousandfold (see ``documents.zip_bomb_docx``).
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from urllib.parse import parse_qs

from .documents import zip_bomb_docx
from .manifest import CONTENT_TYPES, Route, Site
from .render import Response, fill, html_response, server_error, wrap

LARGE_DEFAULT = 40 * 1024 * 1024
_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
_EVENTS = (
    "ประชุมสภาองค์การบริหารส่วนตำบล สมัยสามัญ",
    "กิจกรรมจิตอาสาพัฒนาชุมชน",
    "ออกหน่วยรับชำระภาษีที่ดินและสิ่งปลูกสร้างนอกสถานที่",
    "ตรวจสุขภาพผู้สูงอายุประจำเดือน",
)


def calendar(site: Site, query: str, base: str, port: int) -> Response:
    """Month ``N`` of an endless calendar; month 0 is ตุลาคม 2567."""
    raw = parse_qs(query).get("month", ["0"])[0]
    try:
        number = int(raw)
    except ValueError:
        number = 0
    months = 2567 * 12 + 9 + number  # Buddhist-era year × 12 + zero-based month
    name, year = _MONTHS[months % 12], months // 12
    events = "".join(
        f"<li>{day} {name} {year} — {html.escape(_EVENTS[(number + day) % len(_EVENTS)])}</li>"
        for day in (5, 12, 19, 26)
    )
    content = (
        f'<div class="calendar"><h1>ปฏิทินกิจกรรม ประจำเดือน{name} พ.ศ. {year}</h1>'
        f"<ul>{events}</ul>"
        f'<p><a href="/calendar?month={number - 1}">« เดือนก่อนหน้า</a> | '
        f'<a href="/calendar?month={number + 1}">เดือนถัดไป »</a></p></div>'
    )
    page = wrap(site, f"ปฏิทินกิจกรรม {name} {year}", content)
    return html_response(fill(page, base, port))


def _large_stream(size: int) -> Iterator[bytes]:
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /XObject /Subtype /Image >>\nstream\n"
    yield head
    left = size - len(head)
    block = bytes(range(256)) * 256  # 64 KiB
    while left > 0:
        piece = block[: min(len(block), left)]
        left -= len(piece)
        yield piece


def large(route: Route) -> Response:
    size = int(route.options.get("size", LARGE_DEFAULT))
    return Response(
        content_type=route.content_type or CONTENT_TYPES["pdf"],
        stream=_large_stream(size),
        length=size,
    )


def empty(route: Route) -> Response:
    return Response(content_type=route.content_type or CONTENT_TYPES["pdf"], body=b"")


def zip_bomb() -> Response:
    return Response(content_type=CONTENT_TYPES["docx"], body=zip_bomb_docx())


def flaky(route: Route, seen: int, page: Response) -> Response:
    """``seen`` is how many requests this route had before this one."""
    if seen < int(route.options.get("fails", 2)):
        return server_error()
    return page


def slow(route: Route, page: Response, override_s: float | None) -> Response:
    page.delay_s = override_s if override_s is not None else float(route.options.get("delay_s", 3))
    return page
