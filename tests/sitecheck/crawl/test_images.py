"""Pictures inside pages: read by OCR as documents of their page, within a budget."""

from __future__ import annotations

from collections import Counter
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from openita.sitecheck.crawl import ocr
from openita.sitecheck.crawl.engine import crawl
from openita.sitecheck.crawl.parse import parse_html
from openita.sitecheck.crawl.settings import CrawlSettings
from openita.sitecheck.crawl.store import MemoryStore
from tests.support import fake_dns, local_server

# A No Gift announcement published only as a picture (from a hold-out fixture site).
NOTICE = Path(
    "tests/sitecheck/sites/phimanthong/static/uploads/news/412/no-gift-announcement-2568.png"
)
HITS: Counter[str] = Counter()
NEWS = (
    "<html><head><title>มอบนโยบาย No Gift</title></head><body>"
    '<nav><img src="/menu-picture.png" alt="เมนู"></nav>'
    "<article><h1>มอบนโยบาย No Gift Policy</h1>"
    '<p><img src="/uploads/notice.png" alt="ประกาศ" width="700"></p>'
    '<p><img src="/uploads/IMG_1234.jpg" alt=""></p>'
    '<p><img src="/uploads/logo.png" alt="โลโก้"></p>'
    '<p><img src="/uploads/small.png" width="48"></p>'
    "</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        HITS[self.path] += 1
        if self.path == "/":
            body, kind = b'<html><body><a href="/news.html">news</a></body></html>', "text/html"
        elif self.path == "/news.html":
            body, kind = NEWS.encode(), "text/html; charset=utf-8"
        elif self.path == "/uploads/notice.png":
            body, kind = NOTICE.read_bytes(), "image/png"
        else:
            body, kind = b"", "text/plain"
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_the_parser_lists_content_pictures_but_not_menus_photos_logos_or_icons() -> None:
    page = parse_html(NEWS, "https://www.example.go.th/news.html")
    assert [(i.url, i.text) for i in page.images] == [
        ("https://www.example.go.th/uploads/notice.png", "ประกาศ")
    ]


def test_a_gallery_is_not_read_picture_by_picture() -> None:
    gallery = "".join(f'<img src="/g/p{n}.png" alt="กิจกรรม {n}">' for n in range(12))
    page = parse_html(f"<html><body>{gallery}</body></html>", "https://www.example.go.th/")
    assert page.images == []


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch):
    HITS.clear()
    with local_server(Handler) as base:
        fake_dns(monkeypatch, {"127.0.0.1": ["127.0.0.1"]})
        yield base


@pytest.mark.skipif(not ocr.available(), reason="tesseract with Thai data is not installed")
def test_a_picture_in_a_page_is_read_as_a_document_of_that_page(site: str) -> None:
    store = MemoryStore()
    crawl(site + "/", CrawlSettings(allow_private=True, timeout_s=5), store)
    pages = {p.url.removeprefix(site): p for p in store.pages}
    notice = pages["/uploads/notice.png"]
    assert notice.embedded and notice.kind == "image" and notice.parent == site + "/news.html"
    assert "ของขวัญ" in notice.text and notice.via_text == "ประกาศ"
    assert HITS["/uploads/logo.png"] == HITS["/uploads/IMG_1234.jpg"] == 0


def test_pictures_are_not_fetched_beyond_the_budget(site: str) -> None:
    store = MemoryStore()
    settings = CrawlSettings(allow_private=True, timeout_s=5, max_page_images=0)
    crawl(site + "/", settings, store)
    assert HITS["/uploads/notice.png"] == 0
    assert all(not page.embedded for page in store.pages)
