"""Self-test of the hold-out site ``kanchanakhet``: it serves what its truth says.

สำนักงานพระพุทธศาสนาจังหวัดกาญจนเขต was built without reading the checker's judging code; like
the other hold-out self-tests, this one checks the site with its own means only (HTTP answers,
links, iframes, the project's document reader), never with the checker's parser or judge.

The site is a plain static one. Its ITA page ``/ita-2569.html`` only embeds, in an
``<iframe>``, a Google Sheet published to the web (``docs.google.com/…/pubhtml``): a grid of
``ข้อ | รายการ | ลิงก์`` whose link cells show the pasted URL and link it through Google's
``www.google.com/url?q=…`` wrapper; a second row with an empty ``ข้อ`` cell adds a link to
the item above.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser

from openita.frameworks.schema import load_yaml
from openita.lib.thaidate import fill_year_placeholders
from openita.sitecheck.crawl.documents import read_document
from tests.sitecheck.sites import (
    HOLDOUT_SITES,
    SITES,
    ServedSite,
    load_site,
    load_truth,
    serve,
    site_dir,
)
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths
from tests.support import fake_dns

NAME = "kanchanakhet"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SHEET = (
    "//docs.google.com/spreadsheets/d/e/"
    "2PACX-1vTq8KcKhEt69ItA0nB3xLmPzR7sW2yVd5uFgHj4kLo9NcXe1iQwErTyUiOpAsDfGhJkLzXcVbNm/pubhtml"
)
DOWNLOAD = "//drive.usercontent.google.com/download?id={}&export=download"
PRIVATE = "1KcK14HrReport2568PrIvAtEqAzWs"

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's header, menu and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/about/structure.html": (
        ["แผนผังโครงสร้าง", "กลุ่มงานบริหารทั่วไป", "กลุ่มงานส่งเสริมพระพุทธศาสนา", "กลุ่มงานศาสนสมบัติ"],
        [],
    ),
    "/about/authority.html": (["หน้าที่และอำนาจ", "ศาสนสมบัติ", "วิสุงคามสีมา"], ["มาตรา"]),
    "/about/executives.html": (
        [
            "นายวรวิทย์ ธรรมรักษา",
            "ผู้อำนวยการสำนักงานพระพุทธศาสนาจังหวัดกาญจนเขต",
            "หัวหน้ากลุ่มงานส่งเสริมพระพุทธศาสนา",
            "หัวหน้ากลุ่มงานบริหารทั่วไป",
            "หัวหน้ากลุ่มงานศาสนสมบัติ",
            "<img",
            "08 1234 5601",
            "worawit.t@onab.go.th",
        ],
        [],
    ),
    "/contact.html": (
        ["71990", "0 3451 2345", "kanchanakhet@onab.go.th", "แผนที่ตั้ง", "<iframe", "m.me", "line.me"],
        [],
    ),
    "/eservice/": (["ไม่ต้องเดินทางมาที่สำนักงาน", "/eservice/request.html", "สถิติการใช้บริการ"], []),
    "/eservice/request.html": (["<form", 'type="file"', "ไม่ต้องเดินทางมาที่สำนักงาน"], []),
    "/complaint/corruption.html": (
        ["<form", "แยกจากช่องทางร้องเรียนทั่วไป", "ไม่จำเป็นต้องระบุชื่อ", "ผู้ถูกร้องเรียน"],
        [],
    ),
    "/news/": (
        ["13 เมษายน 2569", "8 ตุลาคม 2568", "/news/2569-01-28-public-hearing.html"],
        ["2567", "กันยายน", "กรกฎาคม", "พฤษภาคม"],
    ),
    "/news/2568-12-16-ethics-training.html": (
        ["16 ธันวาคม 2568", "คุณธรรมจริยธรรม", "ประมวลจริยธรรม", "23 คน"],
        [],
    ),
    "/news/2569-01-28-public-hearing.html": (
        [
            "28 มกราคม 2569",
            "รับฟังความคิดเห็นผู้มีส่วนได้ส่วนเสีย",
            "ประเด็นการมีส่วนร่วม",
            "ผู้เข้าร่วมประชุม",
            "68 คน",
            "ความคิดเห็นที่ได้รับ",
            "เพื่อประกอบการพิจารณาต่อไป",
        ],
        ["ปรับปรุง", "นำผล", "ได้นำ", "แก้ไขหลักเกณฑ์"],
    ),
    "/files/plan/แผนปฏิบัติราชการระยะ-5-ปี-พ.ศ.2566-2570-สพจ.กาญจนเขต.pdf": (
        ["(พ.ศ. ๒๕๖๖ – ๒๕๗๐)", "ยุทธศาสตร์", "เป้าหมาย", "ตัวชี้วัด", "ค่าเป้าหมาย"],
        [],
    ),
    "/files/2568/แผนปฏิบัติราชการประจำปีงบประมาณ-พ.ศ.2568.pdf": (
        ["ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "ผลผลิต", "งบประมาณ (บาท)", "ระยะเวลาดำเนินการ"],
        ["๒๕๖๙", "2569"],
    ),
    DOWNLOAD.format("1KcK06Prog2568mNbVcXzLkJhGfDsA"): (
        ["ณ วันที่ ๓๑ มีนาคม ๒๕๖๘", "ผลการดำเนินงาน", "ผลการใช้จ่าย"],
        ["๒๕๖๙", "2569"],
    ),
    DOWNLOAD.format("1KcK07Annual2568qWeRtYuIoPaSdF"): (
        [
            "พ.ศ. ๒๕๖๘",
            "ผลการดำเนินงาน",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่ายงบประมาณ",
            "วันเริ่มต้น – วันสิ้นสุด",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        [],
    ),
    "/files/manual/คู่มือการปฏิบัติงาน-การพิจารณาเงินอุดหนุนการบูรณะวัด.pdf": (
        ["คู่มือการปฏิบัติงาน", "นักวิชาการศาสนา", "เจ้าพนักงานศาสนสมบัติ", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    "/files/manual/คู่มือสำหรับประชาชน-การขออนุญาตสร้างวัด.pdf": (
        [
            "คู่มือสำหรับประชาชน",
            "การขออนุญาตสร้างวัด",
            "ขั้นตอน",
            "ระยะเวลา",
            "ช่องทางการให้บริการ",
            "ไม่มีค่าธรรมเนียม",
            "พระราชบัญญัติคณะสงฆ์",
        ],
        [],
    ),
    "/files/2569/procurement/สรุปผลการจัดซื้อจัดจ้าง-สขร.1-ต.ค.68-มี.ค.69.xlsx": (
        ["ตุลาคม 2568", "มีนาคม 2569", "ราคากลาง", "วิธีซื้อหรือจ้าง", "เลขที่และวันที่ของสัญญา"],
        ["เมษายน"],
    ),
    DOWNLOAD.format("1KcK12Procure2568zXcVbNmAsDfG"): (
        [
            "พ.ศ. ๒๕๖๘",
            "จำแนกตามวิธีการจัดซื้อจัดจ้าง",
            "จำนวนรายการ",
            "งบประมาณที่ใช้ (บาท)",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
            "งานที่ซื้อหรือจ้าง",
            "วงเงินงบประมาณที่ได้รับจัดสรร",
            "แหล่งที่มาของงบประมาณ",
            "สถานะการจัดซื้อจัดจ้าง",
            "ราคากลาง",
            "ราคาที่ตกลงซื้อหรือจ้าง",
            "ผู้ประกอบการที่ได้รับการคัดเลือก",
            "วันที่ลงนามในสัญญา",
        ],
        ["เลขประจำตัวผู้เสียภาษี", "เลขประจำตัวประชาชน", "เลขที่โครงการ", "วันสิ้นสุด"],
    ),
    "/files/ethics/ประมวลจริยธรรมข้าราชการพลเรือน-และข้อกำหนดจริยธรรม-สพจ.กาญจนเขต.pdf": (
        ["ประมวลจริยธรรมข้าราชการพลเรือน", "ข้อกำหนดจริยธรรม", "Dos & Don'ts", "๑ ธันวาคม ๒๕๖๘"],
        [],
    ),
    "/files/complaint/แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ.pdf": (
        [
            "ผู้ถูกร้องเรียน",
            "ช่องทางการร้องเรียน",
            "ขั้นตอนการดำเนินการ",
            "ส่วนงานที่รับผิดชอบ",
            "ระยะเวลาดำเนินการ",
        ],
        [],
    ),
    "/files/2568/ประกาศเจตนารมณ์-No-Gift-Policy-ปีงบประมาณ-2568.pdf": (
        ["No Gift", "ปีงบประมาณ พ.ศ. ๒๕๖๘", "๑ ตุลาคม พ.ศ. ๒๕๖๗", "สมพงษ์ บุญประเสริฐ", "ไม่รับของขวัญ"],
        ["วรวิทย์", "๒๕๖๙", "2569"],
    ),
    DOWNLOAD.format("1KcK21Risk2569pOiUyTrEwQlKjH"): (
        ["พ.ศ. ๒๕๖๙", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการในการบริหารจัดการความเสี่ยง"],
        [],
    ),
    "/files/2569/แผนปฏิบัติการป้องกันการทุจริต-ประจำปีงบประมาณ-2569.pdf": (
        ["พ.ศ. ๒๕๖๙", "โครงการ/กิจกรรม", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        [],
    ),
    "/files/2569/รายงานผลการดำเนินการป้องกันการทุจริต-ปีงบประมาณ-2568.pdf": (
        ["พ.ศ. ๒๕๖๘", "ผลการดำเนินการ", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    "/files/2569/การวิเคราะห์ผลการประเมิน-ITA-2568-และมาตรการส่งเสริมคุณธรรม-2569.pdf": (
        ["พ.ศ. ๒๕๖๘", "จุดอ่อน", "ต้องพัฒนา", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
        [],
    ),
    "/files/2569/รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส-2568.pdf": (
        ["พ.ศ. ๒๕๖๘", "มาตรการ/กิจกรรม", "สรุปผลการดำเนินการ", "ผลลัพธ์"],
        [],
    ),
}


@pytest.fixture(scope="module")
def site() -> Iterator[ServedSite]:
    with serve(NAME) as base:
        yield base
        assert base.errors == []


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch, site: ServedSite) -> Iterator[httpx.Client]:
    fake_dns(monkeypatch, site.dns_table())
    with httpx.Client(timeout=10) as http:
        yield http


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _ref(site: ServedSite, url: str) -> str:
    """A URL as the truth writes it: ``/path?query`` on the site, ``//host/path`` elsewhere."""
    parts = urlsplit(url)
    rest = unquote(parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if parts.netloc == urlsplit(site).netloc:
        return rest
    return f"//{parts.hostname}{rest}"


def _content(html: str) -> LexborHTMLParser:
    node = LexborHTMLParser(html).css_first("#content")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def _unwrap(href: str) -> str:
    """The target of Google's link wrapper ``www.google.com/url?q=TARGET&sa=D…``."""
    parts = urlsplit(href)
    assert parts.hostname == "www.google.com" and parts.path == "/url", href
    params = parse_qs(parts.query)
    assert params["sa"] == ["D"] and params["source"] == ["editors"], href
    return params["q"][0]


def _sheet_rows(site: ServedSite, client: httpx.Client) -> list[tuple[str, str, str, str]]:
    """(code, label, link-cell text, link target as a ref or "") of each item row, in order."""
    sheet = client.get(site.url(SHEET))
    assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("text/html")
    tree = LexborHTMLParser(sheet.text)
    rows = []
    for tr in tree.css("table.waffle > tbody > tr"):
        assert tr.css_first("th.row-headers-background") is not None
        cells = tr.css("td")
        if len(cells) != 3:  # the title row and the section rows span the three columns
            assert len(cells) == 1 and cells[0].attributes.get("colspan") == "3"
            continue
        code, label, cell = (c.text().strip() for c in cells)
        anchor = cells[2].css_first("a[href]")
        target = ""
        if anchor is not None:
            target = _unwrap(anchor.attributes.get("href") or "")
            assert cell == target, (code, cell)  # the cell shows the URL as pasted
            target = _ref(site, target)
        rows.append((code, label, cell, target))
    return rows


def _sheet_links(site: ServedSite, client: httpx.Client) -> dict[str, list[str]]:
    """Item code → the targets of its rows (a row without a code continues the one above)."""
    links: dict[str, list[str]] = {}
    current = ""
    for code, _, _, target in _sheet_rows(site, client):
        if code == "ข้อ":  # the header row
            continue
        if code:
            current = code
            links[current] = []
        if target:
            links[current].append(target)
    return links


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_the_site_loads_by_name() -> None:
    site = load_site(NAME)
    assert site.name == NAME and site.folder == site_dir(NAME)
    assert site.hosts["docs.google.com"] == "pages" and site.hosts["www.google.com"] == "redirect"
    assert load_truth(NAME)["site"] == NAME
    with serve(NAME) as base, httpx.Client(timeout=10) as http:
        assert http.get(base.start_url).status_code == 200


def test_truth_covers_every_item_honestly() -> None:
    truth = load_truth(NAME)
    assert truth["site"] == NAME
    assert truth["framework"] == FRAMEWORK.id and truth["fiscal_year"] == FRAMEWORK.fiscal_year
    assert set(truth["items"]) == set(ITEMS)
    for code, item in truth["items"].items():
        texts = {
            fill_year_placeholders(e.text, FRAMEWORK.fiscal_year) for e in ITEMS[code].elements
        }
        assert item["note"], code
        assert set(item["missing"]) <= texts, code
        assert bool(item["missing"]) == (item["verdict"] == "partial"), code
        assert bool(item["evidence"]) == (item["verdict"] != "missing"), code
        if item["verdict"] == "outdated":
            assert item["years"] and FRAMEWORK.fiscal_year not in item["years"], code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1.5 * 1024 * 1024
    site = load_site(NAME)
    assert 20 <= len(site.docs) <= 40
    pages = [p for p in (folder / "pages").rglob("*.html")]
    assert 40 <= len(pages) <= 90


def _expected_type(site: ServedSite, ref: str) -> str:
    host = ref[2:].split("/", 1)[0] if ref.startswith("//") else ""
    if host in ("drive.google.com", "www.facebook.com"):
        return "text/html"
    if host == "drive.usercontent.google.com":
        file_id = parse_qs(urlsplit(ref).query)["id"][0]
        return TYPES[site.site.docs[site.site.drive[file_id].doc].kind]
    path = urlsplit(ref).path
    return TYPES.get(path.rsplit(".", 1)[-1], "text/html")


def test_evidence_of_published_items_answers(site: ServedSite, client: httpx.Client) -> None:
    for code, item in load_truth(NAME)["items"].items():
        if item["verdict"] not in ("found", "partial", "outdated"):
            continue
        for ref in item["evidence"]:
            response = client.get(site.url(ref), follow_redirects=True)
            assert response.status_code == 200, (code, ref)
            assert response.content, (code, ref)
            assert _expected_type(site, ref) in response.headers["content-type"], (code, ref)
            assert urlsplit(str(response.url)).hostname != "accounts.google.com", (code, ref)
            if ref.startswith("//drive.google.com/"):  # the viewer leads to the download
                file_id = ref.split("/")[5]
                assert DOWNLOAD.format(file_id) in item["evidence"], code
                viewer = LexborHTMLParser(response.text).css_first("a.download")
                assert viewer is not None, (code, ref)
                link = urljoin(str(response.url), viewer.attributes.get("href") or "")
                final = client.get(link, follow_redirects=True)
                assert _ref(site, str(final.url)) == DOWNLOAD.format(file_id), (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O14", "O22"}
    private = client.get(site.url(truth["O14"]["evidence"][0]), follow_redirects=True)
    assert urlsplit(str(private.url)).hostname == "accounts.google.com"
    assert 'type="password"' in private.text
    assert site.site.drive[PRIVATE].private
    dead = client.get(site.url(truth["O22"]["evidence"][0]), follow_redirects=True)
    assert dead.status_code == 404
    # The risk report is not published under any other name either.
    assert not any("ความเสี่ยง" in (doc.url or "") and "2568" in doc.url
                   for doc in site.site.docs.values())  # fmt: skip


def _text_of(client: httpx.Client, url: str) -> str:
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200, url
    content_type = response.headers["content-type"]
    if content_type.startswith("text/html"):
        return _content(response.text).html or ""
    document = read_document(response.content, content_type=content_type, url=url)
    assert document.ok, (url, document.note)
    return document.text


def test_documents_say_what_the_truth_claims(site: ServedSite, client: httpx.Client) -> None:
    for ref, (present, absent) in CLAIMS.items():
        text = _squeeze(_text_of(client, site.url(ref)))
        for phrase in present:
            assert _squeeze(phrase) in text, (ref, phrase)
        for phrase in absent:
            assert _squeeze(phrase) not in text, (ref, phrase)
    truth = load_truth(NAME)["items"]
    published = {ref for item in truth.values() if item["verdict"] != "broken"
                 for ref in item["evidence"]}  # fmt: skip
    documents = {ref for ref in published if ref.endswith((".pdf", ".docx", ".xlsx"))}
    downloads = {ref for ref in published if ref.startswith("//drive.usercontent.google.com/")}
    assert documents | downloads <= set(CLAIMS), "every cited document is checked"


def test_the_no_gift_pdf_has_a_broken_text_layer(site: ServedSite, client: httpx.Client) -> None:
    text = _squeeze(_text_of(client, site.url(load_truth(NAME)["items"]["O20"]["evidence"][0])))
    assert "สานักงาน" in text  # sara am dropped, as old PDF makers do


def test_the_ita_page_only_embeds_the_sheet(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    page = client.get(index)
    content = _content(page.text)
    frames = content.css("iframe[src]")
    assert len(frames) == 1
    assert _ref(site, frames[0].attributes["src"] or "").startswith(SHEET + "?")
    anchors = {a.text().strip(): _ref(site, urljoin(index, a.attributes.get("href") or ""))
               for a in content.css("a[href]")}  # fmt: skip
    assert anchors == {
        "เปิดตารางในหน้าต่างใหม่": SHEET,
        "ITA ประจำปีงบประมาณ พ.ศ. 2568": "/ita-2568.html",
    }
    # No item is listed on the page itself: only in the sheet.
    assert not re.search(r"\bO\d", content.text())


def test_the_sheet_lists_every_item(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    rows = _sheet_rows(site, client)
    codes = [code for code, *_ in rows if code and code != "ข้อ"]
    assert codes == [item.code for item in FRAMEWORK.items]
    links = _sheet_links(site, client)
    for code, item in truth.items():
        targets = links[code]
        if item["verdict"] == "missing":
            assert targets == [], code
            continue
        evidence = set(item["evidence"])
        assert targets and set(targets) <= evidence, (code, targets)
        shown = {ref for ref in evidence if not ref.startswith("//drive.usercontent.google.com/")}
        assert shown <= set(targets) | {"/eservice/request.html"} | {
            ref for ref in evidence if ref.startswith("/news/2") and code == "O4"
        }, code
    cells = {code: cell for code, _, cell, _ in rows if code}
    assert cells["O18"] == ""
    assert cells["O13"] == "ใช้ตามหลักเกณฑ์ของสำนักงานพระพุทธศาสนาแห่งชาติ"
    # Two items have a second row with an empty code cell; labels of O6 and O20 name no year.
    assert len(links["O1"]) == len(links["O3"]) == len(links["O6"]) == len(links["O15"]) == 2
    labels = {code: label for code, label, _, _ in rows if code}
    assert not re.search(r"25\d\d", labels["O6"]) and not re.search(r"25\d\d", labels["O20"])


def test_sheet_links_go_through_googles_wrapper(site: ServedSite, client: httpx.Client) -> None:
    sheet = LexborHTMLParser(client.get(site.url(SHEET)).text)
    anchors = sheet.css("table.waffle a[href]")
    assert len(anchors) == 28
    for anchor in anchors:
        href = anchor.attributes.get("href") or ""
        target = _unwrap(href)
        first = client.get(href)
        assert first.status_code == 302 and first.headers["location"] == target, href


def test_every_link_answers_but_the_broken_ones(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    for path in depths:
        response = client.get(site.url(path), follow_redirects=True)
        assert response.status_code == 200, path
    assert depths[truth["index_page"]] == 1
    assert "/admin/" in depths and len(depths) >= 60
    for code, targets in _sheet_links(site, client).items():
        for ref in targets:
            response = client.get(site.url(ref), follow_redirects=True)
            if ref in broken:
                assert response.status_code == 404 or "accounts.google.com" in str(response.url)
                continue
            assert response.status_code == 200, (code, ref)
    assert site.errors == []


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://www.facebook.com:{site.port}/onab.kanchanakhet" in home
    for ref in (
        "//www.facebook.com/onab.kanchanakhet",
        "//m.me/onab.kanchanakhet",
        "//line.me/R/ti/p/@onabkk",
        "//www.google.com/maps/embed?pb=x",
    ):
        assert client.get(site.url(ref)).status_code == 200, ref
    general = _content(client.get(site.url("/complaint/general.html")).text).html or ""
    assert "<form" in general and "/complaint/corruption.html" in general
    old = _content(client.get(site.url("/ita-2568.html")).text).html or ""
    assert "2568" in old and "<iframe" not in old


def test_robots_keeps_crawlers_out_of_admin(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /admin/" in robots
        login = http.get(site + "/admin/", follow_redirects=True)
        assert 'type="password"' in login.text
        assert 'href="/admin/"' in http.get(site + "/").text
    assert load_truth(NAME)["never_fetch"] == ["/admin/"]


def test_nothing_else_on_the_site_fills_the_gaps() -> None:
    """Missing and outdated items have no current version hidden elsewhere on the site."""
    site = load_site(NAME)
    folder = site_dir(NAME)
    texts = [p.read_text(encoding="utf-8") for p in (folder / "pages").rglob("*.html")]
    texts += [str(doc.title) + str(doc.blocks) for doc in site.docs.values()]
    corpus = _squeeze("\n".join(texts))
    for phrase in (
        "สถิติเรื่องร้องเรียน",  # O18
        "ไม่มีเรื่องร้องเรียนการทุจริต",
        "แผนการบริหารและพัฒนาทรัพยากรบุคคล",  # O13
        "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
        "แผนปฏิบัติราชการประจำปีงบประมาณพ.ศ.๒๕๖๙",  # O6
        "แผนปฏิบัติราชการประจำปีงบประมาณพ.ศ.2569",
        "NoGiftPolicyประจำปีงบประมาณพ.ศ.๒๕๖๙",  # O20
        "แผนบริหารจัดการความเสี่ยงการทุจริต",  # O22
    ):
        assert phrase not in corpus, phrase
