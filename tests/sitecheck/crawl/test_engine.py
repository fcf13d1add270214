"""The crawler's stages against a small local site (no network)."""

from __future__ import annotations

import ssl
import subprocess
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from openita.sitecheck.crawl.engine import crawl
from openita.sitecheck.crawl.settings import CrawlSettings
from openita.sitecheck.crawl.store import MemoryStore
from tests.support import fake_dns, local_server

HITS: Counter[str] = Counter()
LOCK = threading.Lock()


def _html(body: str, title: str = "หน้า") -> bytes:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode()


PAGES: dict[str, tuple[int, str, bytes]] = {
    "/": (
        200,
        "text/html; charset=utf-8",
        _html(
            '<a href="/a.html">เกี่ยวกับเรา</a> <a href="/private/x.html">ผู้ดูแล</a>'
            ' <a href="/flaky.html">ข่าว</a> <a href="/loop">วน</a>'
            ' <a href="/calendar?m=1">ปฏิทิน</a> <a href="/tis.html">ประกาศ</a>'
            ' <a href="/big.pdf">ไฟล์ใหญ่</a> <a href="/login-only">ข้อมูลภายใน</a>'
            ' <a href="http://drive.google.com:{port}/file/d/1/view">แผน (Drive)</a>'
            ' <a href="http://other.example:{port}/page.html">เว็บอื่น</a>'
            ' <a href="https://www.facebook.com/agency">Facebook</a>'
            ' <a href="mailto:saraban@example.go.th">อีเมล</a>',
            "หน้าแรก",
        ),
    ),
    "/a.html": (200, "text/html", _html('<h1>โครงสร้าง</h1><a href="/b.html">ต่อไป</a>')),
    "/b.html": (200, "text/html", _html('<a href="/c.html">ต่อไป</a>')),
    "/c.html": (200, "text/html", _html('<a href="/d.html">ต่อไป</a>')),
    "/d.html": (200, "text/html", _html('<a href="/e.html">ลึกสุด</a>')),
    "/e.html": (200, "text/html", _html("<p>รายงานผลการดำเนินงาน</p>", "ลึกห้าคลิก")),
    "/private/x.html": (200, "text/html", _html("ห้ามเข้า")),
    "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
    "/tis.html": (
        200,
        "text/html; charset=tis-620",
        _html("ประกาศเจตนารมณ์ No Gift Policy", "ประกาศ").decode().encode("cp874"),
    ),
    "/big.pdf": (200, "application/pdf", b"%PDF-1.4\n" + b"0" * 3_000_000),
    # A Drive sharing link is read through its download address.
    "/uc?export=download&id=1": (200, "text/html", _html("<p>แผนปฏิบัติการป้องกันการทุจริต</p>")),
    "/page.html": (200, "text/html", _html("ไม่ควรถูกอ่าน")),
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path
        with LOCK:
            HITS[path] += 1
            hits = HITS[path]
        port = self.server.server_address[1]
        if path == "/flaky.html" and hits <= 2:
            return self._send(503, "text/plain", b"busy")
        if path == "/flaky.html":
            return self._send(200, "text/html", _html("ข่าวประชาสัมพันธ์", "ข่าว"))
        if path == "/loop":
            return self._redirect("/loop2")
        if path == "/loop2":
            return self._redirect("/loop")
        if path == "/login-only":
            return self._redirect("/login?next=/login-only")
        if path.startswith("/calendar?m="):
            month = int(path.split("=")[1])
            return self._send(
                200, "text/html", _html(f'<a href="/calendar?m={month + 1}">ถัดไป</a>')
            )
        status, ctype, body = PAGES.get(path, (404, "text/html", _html("ไม่พบ")))
        self._send(status, ctype, body.replace(b"{port}", str(port).encode()))

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()


SETTINGS = CrawlSettings(
    allow_private=True, timeout_s=5, backoff_s=0.01, max_bytes=1_000_000, max_query_variants=5
)


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch):
    HITS.clear()
    with local_server(Handler) as base:
        fake_dns(
            monkeypatch,
            {"127.0.0.1": ["127.0.0.1"], "drive.google.com": ["127.0.0.1"],
             "other.example": ["127.0.0.1"]},
        )  # fmt: skip
        yield base


def _crawl(base: str, settings: CrawlSettings = SETTINGS) -> tuple[dict[str, object], object]:
    store = MemoryStore()
    summary = crawl(base + "/", settings, store)
    return {p.url.removeprefix(base): p for p in store.pages}, summary


def test_it_walks_the_site_breadth_first_with_click_depths(site: str) -> None:
    pages, summary = _crawl(site)
    assert pages["/"].depth == 0 and pages["/a.html"].depth == 1
    assert pages["/e.html"].depth == 5 and pages["/e.html"].title == "ลึกห้าคลิก"
    assert pages["/e.html"].parent == site + "/d.html" and pages["/e.html"].via_text == "ลึกสุด"
    assert summary.pages_fetched == len([p for p in pages.values() if p.outcome != "robots"])


def test_it_obeys_robots_and_never_fetches_a_disallowed_page(site: str) -> None:
    pages, _ = _crawl(site)
    assert pages["/private/x.html"].outcome == "robots"
    assert HITS["/private/x.html"] == 0 and HITS["/robots.txt"] == 1


def test_it_retries_server_errors_with_back_off(site: str) -> None:
    pages, _ = _crawl(site)
    assert pages["/flaky.html"].outcome == "ok" and HITS["/flaky.html"] == 3


def test_it_reports_redirect_loops_and_login_walls(site: str) -> None:
    pages, _ = _crawl(site)
    assert pages["/loop"].outcome == "too_many_redirects"
    assert pages["/login-only"].outcome == "login_required"


def test_it_stops_an_endless_calendar_and_says_so(site: str) -> None:
    pages, summary = _crawl(site)
    calendar = [url for url in pages if url.startswith("/calendar")]
    assert len(calendar) == SETTINGS.max_query_variants
    assert any("endless calendar" in problem for problem in summary.problems)


def test_it_decodes_tis620_pages(site: str) -> None:
    pages, _ = _crawl(site)
    assert "No Gift Policy" in pages["/tis.html"].text
    assert "ประกาศเจตนารมณ์" in pages["/tis.html"].text


def test_it_refuses_a_body_over_the_size_limit_without_reading_it(site: str) -> None:
    pages, _ = _crawl(site)
    big = pages["/big.pdf"]
    assert big.outcome == "too_large" and big.size == 0 and "limit" in big.detail


def test_it_follows_document_hosts_one_hop_but_not_other_sites(site: str) -> None:
    pages, _ = _crawl(site)
    drive = next(p for p in pages.values() if "drive.google.com" in p.url)
    assert drive.offsite and drive.outcome == "ok" and "ป้องกันการทุจริต" in drive.text
    assert not any("other.example" in url for url in pages)
    assert HITS["/page.html"] == 0


def test_it_records_channels_of_the_pages(site: str) -> None:
    pages, _ = _crawl(site)
    kinds = {c.kind for c in pages["/"].channels}
    assert {"facebook", "email"} <= kinds


def test_it_keeps_within_the_page_limit(site: str) -> None:
    settings = CrawlSettings(allow_private=True, timeout_s=5, max_pages=4)
    pages, summary = _crawl(site, settings)
    assert summary.pages_fetched == 4 and summary.stopped_by == "max_pages"
    assert len([p for p in pages.values() if p.outcome != "robots"]) == 4


def test_it_blocks_private_addresses_unless_allowed(site: str) -> None:
    pages, _ = _crawl(site, CrawlSettings(timeout_s=5))
    assert pages["/"].outcome == "blocked" and HITS["/"] == 0


def test_it_reports_an_unreachable_host_and_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(monkeypatch, {})
    store = MemoryStore()
    summary = crawl("http://nowhere.example/", SETTINGS, store)
    assert [p.outcome for p in store.pages] == ["error"]
    assert "nowhere.example" in store.pages[0].detail and summary.pages_fetched == 1


def test_it_reports_progress_from_the_callers_thread(site: str) -> None:
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, limit: int) -> None:
        seen.append((done, limit, threading.current_thread().name))

    crawl(site + "/", SETTINGS, MemoryStore(), progress)
    assert seen[0][0] == 1 and seen[-1][0] == len(seen)
    assert {name for _d, _l, name in seen} == {threading.current_thread().name}


def test_it_reports_a_tls_error_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(  # noqa: S603 - fixed arguments
        ["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=selfsigned.example", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip

    class TLSServer(ThreadingHTTPServer):
        def get_request(self):  # type: ignore[no-untyped-def]
            sock, addr = super().get_request()
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            return context.wrap_socket(sock, server_side=True), addr

    fake_dns(monkeypatch, {"selfsigned.example": ["127.0.0.1"]})
    with local_server(Handler, TLSServer) as base:
        port = base.rsplit(":", 1)[1]
        store = MemoryStore()
        crawl(f"https://selfsigned.example:{port}/", SETTINGS, store)
    assert [p.outcome for p in store.pages] == ["error"]
    assert "TLS error" in store.pages[0].detail and "CERTIFICATE" in store.pages[0].detail.upper()
