"""Which links the crawl follows: the ITA page's one hop out, download scripts in full."""

from __future__ import annotations

from collections import Counter
from http.server import BaseHTTPRequestHandler

import pytest

from openita.sitecheck.crawl.engine import crawl
from openita.sitecheck.crawl.settings import CrawlSettings
from openita.sitecheck.crawl.store import MemoryStore
from openita.sitecheck.crawl.urls import looks_like_download_script, variant_key, walks
from tests.support import fake_dns, local_server

HITS: Counter[str] = Counter()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def _html(title: str, links: list[str]) -> bytes:
    anchors = "".join(f'<a href="{href}">ลิงก์ {n}</a> ' for n, href in enumerate(links))
    return f"<html><head><title>{title}</title></head><body>{anchors}</body></html>".encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        HITS[self.path] += 1
        host = self.headers.get("Host", "")
        port = self.server.server_address[1]
        other = f"http://other.example:{port}"
        if host.startswith("other.example"):
            body, kind = _html("ระบบภายนอก", [f"{other}/deeper"]), "text/html"
        elif self.path == "/":
            links = ["/ita.html", "/files.html", *(f"/calendar?m={n}" for n in range(20))]
            links += [f"/?p={n}" for n in range(20)]
            links += [f"/index.php?option=com_content&view=article&id={n}" for n in range(20)]
            body, kind = _html("หน้าแรก", links), "text/html"
        elif self.path == "/ita.html":
            body, kind = _html("ITA ประจำปีงบประมาณ 2568", [f"{other}/eplan"]), "text/html"
        elif self.path == "/files.html":
            links = [f"/download.php?id={n}" for n in range(20)]
            body, kind = _html("เอกสารเผยแพร่", links), "text/html"
        elif self.path.startswith("/download.php"):
            body, kind = PDF, "application/pdf"
        elif self.path.startswith(("/?p=", "/index.php?")):
            body, kind = _html("ข่าว", []), "text/html"
        elif self.path.startswith("/calendar"):
            body, kind = _html("ปฏิทิน", []), "text/html"
        else:
            body, kind = b"", "text/plain"
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch):
    HITS.clear()
    with local_server(Handler) as base:
        fake_dns(monkeypatch, {"127.0.0.1": ["127.0.0.1"], "other.example": ["127.0.0.1"]})
        yield base


def test_download_scripts_are_told_from_calendars() -> None:
    assert looks_like_download_script("https://a.go.th/download.php?id=2310")
    assert looks_like_download_script("https://a.go.th/datacenter/getfile.aspx?f=9")
    assert not looks_like_download_script("https://a.go.th/calendar?m=3")


def test_every_file_of_a_download_script_is_fetched_but_calendars_stop(site: str) -> None:
    summary = crawl(site + "/", CrawlSettings(allow_private=True, timeout_s=5), MemoryStore())
    assert all(HITS[f"/download.php?id={n}"] == 1 for n in range(20))
    assert sum(1 for path in HITS if path.startswith("/calendar")) == 12
    assert any("/calendar" in problem for problem in summary.problems)


def test_records_by_id_are_counted_apart_from_calendars(site: str) -> None:
    crawl(site + "/", CrawlSettings(allow_private=True, timeout_s=5), MemoryStore())
    assert all(HITS[f"/?p={n}"] == 1 for n in range(20))
    assert all(HITS[f"/index.php?option=com_content&view=article&id={n}"] == 1 for n in range(20))
    assert variant_key("https://a.go.th/?p=3") != variant_key("https://a.go.th/?page_id=3")
    joomla = "https://a.go.th/index.php?option=com_content&view={}&id=3"
    assert variant_key(joomla.format("article")) != variant_key(joomla.format("category"))
    assert walks("https://a.go.th/news.php?page=4") and not walks("https://a.go.th/?p=4")
    assert walks("https://a.go.th/calendar?y=2569&m=4")
    assert not walks("https://a.go.th/ita/detail.php?id=12&year=2569")


def test_the_ita_page_links_are_opened_one_hop_wherever_they_point(site: str) -> None:
    store = MemoryStore()
    crawl(site + "/", CrawlSettings(allow_private=True, timeout_s=5), store)
    assert HITS["/eplan"] == 1  # on another host, linked from the ITA page
    assert HITS["/deeper"] == 0  # and not followed further


def _docx(text: str) -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("processes", [2, 1])
def test_documents_are_read_in_worker_processes_or_else_in_a_thread(processes: int) -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from openita.sitecheck.crawl.documents import DocumentLimits
    from openita.sitecheck.crawl.engine import DocumentReaders

    readers = DocumentReaders(processes)
    body = _docx("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568")

    async def read() -> object:
        return await readers.read(body, "", "https://a.go.th/plan.docx", DocumentLimits())

    # A loop of its own in a thread of its own, as the crawl runs (the browser tests may
    # leave an event loop running in this thread).
    with ThreadPoolExecutor(1) as runner:
        try:
            document = runner.submit(lambda: asyncio.run(read())).result()
        finally:
            readers.close()
    assert document.ok and "ป้องกันการทุจริต" in document.text  # type: ignore[attr-defined]
    assert (readers.pool is not None) == (processes > 1)


def test_a_document_shown_in_a_viewer_is_linked_as_the_file_itself() -> None:
    from openita.sitecheck.crawl.parse import parse_html

    html = (
        '<iframe src="/wp-content/plugins/pdfjs/web/viewer.php?file=/uploads/manual.pdf'
        '&amp;download=true"></iframe><a href="/search?q=plan.pdf">ค้นหา</a>'
    )
    urls = [link.url for link in parse_html(html, "https://a.go.th/?p=1244").links]
    assert "https://a.go.th/uploads/manual.pdf" in urls
    assert "https://a.go.th/plan.pdf" not in urls  # a search query is no viewer


OTHER_HITS: Counter[str] = Counter()


def _page(title: str, links: list[tuple[str, str]]) -> bytes:
    anchors = "".join(f'<a href="{href}">{text}</a> ' for href, text in links)
    return f"<html><head><title>{title}</title></head><body>{anchors}</body></html>".encode()


class SplitIta(BaseHTTPRequestHandler):
    """An agency whose ITA pages live on another host (as on Google Sites): a hub page and
    one page per indicator under the same address, next to a national ITA page that is
    about the ITA but is not the agency's, and a banner to a blog."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        host = self.headers.get("Host", "").split(":")[0]
        port = self.server.server_address[1]
        OTHER_HITS[f"//{host}{self.path}"] += 1
        agency = f"http://127.0.0.1:{port}"
        sites, nacc = f"http://sites.google.com:{port}", f"http://nacc.example:{port}"
        ita = f"{sites}/view/agency-ita2568"
        pages = {
            ("127.0.0.1", "/"): ("หน้าแรก", [
                (ita, "ศูนย์ข้อมูล"), (f"{nacc}/ita", "ITA ป.ป.ช."),
                (f"http://blog.example:{port}/ita-2568", "ITA 2568"),
                (f"http://blog.example:{port}/travel", "ท่องเที่ยว"),
            ]),
            ("sites.google.com", "/view/agency-ita2568"): (
                "ITA 2568 องค์การบริหารส่วนตำบลทดสอบ", [
                    (f"{ita}/o1-o10", "O1-O10"), (f"{ita}/o11-o20", "O11-O20"),
                    (f"{sites}/view/another-agency", "เครือข่าย"),
                    (f"{agency}/about.html", "O1"), (f"{agency}/files/a.pdf", "O2"),
                    (f"{agency}/files/b.pdf", "O3"),
                ],
            ),
            ("sites.google.com", "/view/agency-ita2568/o1-o10"): ("O1-O10", [
                (f"{agency}/files/plan.pdf", "แผน"),
                (f"{sites}/view/another-agency/deep", "อื่น"),
            ]),
            ("sites.google.com", "/view/agency-ita2568/o11-o20"): ("O11-O20", []),
            ("sites.google.com", "/view/another-agency"): ("ITA", [(f"{sites}/view/x", "x")]),
            ("nacc.example", "/ita"): ("ITA การประเมินคุณธรรม", [
                (f"{nacc}/a", "a"), (f"{nacc}/b", "b"), (f"{nacc}/c", "c"),
            ]),
            ("blog.example", "/ita-2568"): ("หน้าหลัก", [
                (f"http://blog.example:{port}/annual.pdf", "ดาวน์โหลด PDF"),
                (f"http://blog.example:{port}/more", "อื่น ๆ"),
            ]),
        }  # fmt: skip
        if self.path.endswith(".pdf"):
            body, kind = PDF, "application/pdf"
        elif (host, self.path) in pages:
            body, kind = _page(*pages[(host, self.path)]), "text/html"
        else:
            body, kind = b"", "text/plain"
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_the_agencys_ita_pages_on_another_host_are_walked_like_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    OTHER_HITS.clear()
    names = ("127.0.0.1", "sites.google.com", "nacc.example", "blog.example")
    with local_server(SplitIta) as base:
        fake_dns(monkeypatch, {name: ["127.0.0.1"] for name in names})
        store = MemoryStore()
        crawl(base + "/", CrawlSettings(allow_private=True, timeout_s=5), store)
    # The agency's ITA hub is adopted: its sub-pages are fetched and their links opened.
    for path in ("/view/agency-ita2568/o1-o10", "/view/agency-ita2568/o11-o20"):
        assert OTHER_HITS[f"//sites.google.com{path}"] == 1, path
    assert OTHER_HITS["//127.0.0.1/files/plan.pdf"] == 1
    hub = next(p for p in store.pages if p.url.endswith("/view/agency-ita2568"))
    sub = next(p for p in store.pages if p.url.endswith("/o1-o10"))
    assert not hub.offsite and not sub.offsite and sub.depth == 2
    # Another Google Site linked from it is one hop and no further.
    assert OTHER_HITS["//sites.google.com/view/another-agency"] == 1
    assert OTHER_HITS["//sites.google.com/view/x"] == 0
    # A national page about the ITA that links only to itself is not the agency's.
    assert OTHER_HITS["//nacc.example/ita"] == 1
    assert OTHER_HITS["//nacc.example/a"] == 0
    # A link named ITA is opened wherever it points; other links elsewhere are not.
    assert OTHER_HITS["//blog.example/ita-2568"] == 1
    assert OTHER_HITS["//blog.example/travel"] == 0
    # A short page elsewhere that presents a file (an e-book viewer) leads to the file.
    assert OTHER_HITS["//blog.example/annual.pdf"] == 1
    assert OTHER_HITS["//blog.example/more"] == 0


def test_link_wrappers_are_read_as_their_targets() -> None:
    from openita.sitecheck.crawl.parse import parse_html
    from openita.sitecheck.crawl.urls import unwrap

    html = (
        '<a href="https://www.google.com/url?q=https://a.go.th/plan.pdf&amp;sa=D&amp;ust=1">แผน</a>'
        '<a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fa.go.th%2Fnews%3Fid%3D3">ข่าว</a>'
    )
    urls = [link.url for link in parse_html(html, "https://sites.google.com/view/a").links]
    assert urls == ["https://a.go.th/plan.pdf", "https://a.go.th/news?id=3"]
    assert unwrap("https://www.google.com/url?sa=D") == "https://www.google.com/url?sa=D"
    assert (
        unwrap("https://www.google.com/search?q=https://x")
        == "https://www.google.com/search?q=https://x"
    )


def test_google_files_are_read_through_their_download_addresses() -> None:
    from openita.sitecheck.crawl.urls import download_url

    drive = "https://drive.google.com/file/d/1AbC_d-9/view?usp=sharing"
    assert download_url(drive) == "https://drive.google.com/uc?export=download&id=1AbC_d-9"
    sheet = "https://docs.google.com/spreadsheets/d/1XyZ/edit#gid=0"
    assert download_url(sheet) == "https://docs.google.com/spreadsheets/d/1XyZ/export?format=xlsx"
    # A document published to the web is a page already.
    published = "https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pubhtml"
    assert download_url(published) == published
