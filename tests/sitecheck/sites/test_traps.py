"""Self-test of the fixture sites' traps, encodings and fake outside hosts."""

from __future__ import annotations

import io
import socket
import zipfile

import httpx
import pytest
from pdfminer.high_level import extract_text
from selectolax.lexbor import LexborHTMLParser

from tests.sitecheck.sites import dns_table, serve
from tests.sitecheck.sites.clicks import page_links
from tests.support import fake_dns


def test_tis620_pages_are_really_cp874() -> None:
    with serve("dopex") as base, httpx.Client() as http:
        declared = http.get(base + "/about/structure.php")
        meta_only = http.get(base + "/about/executives.php")
    assert declared.headers["content-type"] == "text/html; charset=tis-620"
    assert meta_only.headers["content-type"] == "text/html"
    for response, word in ((declared, "โครงสร้างองค์กร"), (meta_only, "ทำเนียบผู้บริหาร")):
        with pytest.raises(UnicodeDecodeError):
            response.content.decode("utf-8")
        assert word in response.content.decode("cp874")
    assert b'<meta charset="windows-874">' in meta_only.content
    assert b"charset=tis-620" in declared.content  # the page's own http-equiv agrees


def test_broken_sara_am_pdf_text_layer() -> None:
    with serve("dopex") as base, httpx.Client() as http:
        body = http.get(base + "/operation/files/action-plan-2568.pdf").content
    text = extract_text(io.BytesIO(body))
    for broken in ("ดาเนินงาน", "ประจาปี", "สานักงาน"):
        assert broken in text
    assert "ดำเนินงาน" not in text and "\u0e4d" not in text


def test_corrupt_pdf_and_zip_bomb() -> None:
    with serve("dopex") as base, httpx.Client() as http:
        corrupt = http.get(base + "/anticorruption/files/anti-corruption-report-2567.pdf")
        bomb = http.get(base + "/procurement/files/procurement-report-2567.docx")
    assert corrupt.content.startswith(b"%PDF")
    with pytest.raises(Exception):  # noqa: B017 - pdfminer raises several kinds
        extract_text(io.BytesIO(corrupt.content))
    with zipfile.ZipFile(io.BytesIO(bomb.content)) as archive:
        expanded = sum(info.file_size for info in archive.infolist())
    assert len(bomb.content) < 1_000_000 and expanded > 200 * len(bomb.content)


def test_flaky_page_fails_twice_then_answers() -> None:
    with serve("dopex") as base, httpx.Client() as http:
        statuses = [http.get(base + "/eservice/").status_code for _ in range(4)]
        assert base.hits["/eservice/"] == 4
    assert statuses == [500, 500, 200, 200]


def test_redirect_loop() -> None:
    with (
        serve("dopex") as base,
        httpx.Client() as http,
        pytest.raises(httpx.TooManyRedirects),
    ):
        http.get(base + "/old/annual-2564", follow_redirects=True)


def test_endless_calendar_links_to_the_next_month() -> None:
    with serve("banswan") as base, httpx.Client() as http:
        for month in (0, 7, 250):
            page = http.get(f"{base}/calendar?month={month}")
            assert f"{base}/calendar?month={month + 1}" in page_links(page.text, str(page.url))
        assert base.hits["/calendar"] == 3


def test_large_file_is_streamed_with_an_honest_length() -> None:
    with serve("banswan") as base, httpx.Client() as http:
        url = base + "/files/gallery/ภาพกิจกรรม-2568.pdf"
        assert http.head(url).headers["content-length"] == str(40 * 1024 * 1024)
        with http.stream("GET", url) as response:
            first = next(response.iter_bytes(65536))
    assert first.startswith(b"%PDF")


def test_empty_file_slow_page_and_dead_link() -> None:
    with serve("banswan", slow_s=0.3) as base, httpx.Client() as http:
        empty = http.get(base + "/files/ita/2568/o19-complaint-stats-2567.pdf")
        with pytest.raises(httpx.ReadTimeout):
            http.get(base + "/weather", timeout=0.1)
        dead = http.get(base + "/files/ita/2568/o12-procurement-2568.pdf")
    assert (empty.status_code, empty.content) == (200, b"")
    assert empty.headers["content-type"] == "application/pdf"
    assert dead.status_code == 404


def test_dns_table_maps_hosts_and_leaves_the_unreachable_out() -> None:
    table = dns_table("banswan")
    assert table["drive.google.com"] == ["127.0.0.1"]
    assert table["saraban.banswan.go.th"] == ["127.0.0.2"]
    assert "intranet.banswan.go.th" not in table


def test_unreachable_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    with serve("banswan") as base:
        fake_dns(monkeypatch, base.dns_table())
        with httpx.Client(timeout=2) as http:
            with pytest.raises(httpx.ConnectError):
                http.get("http://intranet.banswan.go.th/")
            with pytest.raises(httpx.ConnectError):
                http.get(f"http://saraban.banswan.go.th:{base.port}/")
        with pytest.raises(socket.gaierror):
            socket.getaddrinfo("intranet.banswan.go.th", 80)


def test_private_drive_file_leads_to_the_google_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    with serve("banswan") as base:
        fake_dns(monkeypatch, base.dns_table())
        url = base.url("//drive.google.com/file/d/1hRr3p0rt2567PrivAteXyZ/view?usp=sharing")
        with httpx.Client() as http:
            response = http.get(url, follow_redirects=True)
        assert base.hits["//accounts.google.com/ServiceLogin"] == 1
    assert response.url.host == "accounts.google.com"
    assert b'type="password"' in response.content


def test_drive_viewer_download_and_deleted_file(monkeypatch: pytest.MonkeyPatch) -> None:
    file_id = "1Nd07AnnUalRep0rt2567xYz0123456Ab"
    with serve("nadee") as base:
        fake_dns(monkeypatch, base.dns_table())
        with httpx.Client() as http:
            viewer = http.get(base.url(f"//drive.google.com/file/d/{file_id}/view?usp=sharing"))
            link = LexborHTMLParser(viewer.text).css_first("a.download").attributes["href"]
            download = http.get(str(viewer.url.join(link)), follow_redirects=True)
            gone = base.url("//drive.google.com/file/d/1Nd24DeLeTeD0ldRiskRep0rtXyZ12/view")
            deleted = http.get(gone)
    assert "รายงานผลการดำเนินงานประจำปี 2567" in viewer.text
    assert download.url.host == "drive.usercontent.google.com"
    assert download.headers["content-type"] == "application/pdf"
    assert "attachment" in download.headers["content-disposition"]
    assert "2567" in extract_text(io.BytesIO(download.content))
    assert deleted.status_code == 404


def test_office_documents_hold_thai_text() -> None:
    import docx
    import openpyxl

    with serve("nadee") as base, httpx.Client() as http:
        word = http.get(base + "/wp-content/uploads/2568/01/strategy-cdd-nadee-2566-2570.docx")
        sheet = http.get(base + "/wp-content/uploads/2568/04/action-plan-and-progress-2568.xlsx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "แผนยุทธศาสตร์การพัฒนาชุมชนจังหวัดนาดี" in text
    book = openpyxl.load_workbook(io.BytesIO(sheet.content), read_only=True)
    assert book.sheetnames == ["แผนปฏิบัติการ 2568", "ความก้าวหน้า 31 มี.ค. 68"]
    book.close()


def test_short_links_login_wall_and_empty_page() -> None:
    with serve("nadee") as base, httpx.Client() as http:
        short = http.get(base + "/?p=512")
        wall = http.get(base + "/complaint-system/", follow_redirects=True)
        empty = http.get(base + "/service-manual/")
    assert short.status_code == 301
    assert short.headers["location"] == "/2025/01/15/otop-fair-2568/"
    assert wall.url.path == "/complaint-system/login" and b'type="password"' in wall.content
    content = LexborHTMLParser(empty.text).css_first(".entry-content")
    assert empty.status_code == 200 and content.text(strip=True) == ""
