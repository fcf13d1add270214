"""Self-test of the hold-out department site ``kromnamdee``: it serves what its truth says.

กรมส่งเสริมการใช้น้ำอย่างยั่งยืน was built without reading the checker's judging code; like
the other hold-out self-tests, this one checks the site with its own means only (HTTP answers,
links, the project's document reader), never with the checker's parser or judge.

The site is Drupal-style (/th/node/NNNN, /th/<alias>, /sites/default/files/YYYY-MM/…). Its ITA
index /th/oit-2568 is a table with rowspans by sub-indicator whose URL column shows raw URLs
as link text, one to three per cell; O1–O3 point at sections of /th/about-us; files live on
the main site, on the subdomain file.dswu.go.th and in an e-book viewer on ebook.dswu.go.th.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

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
from tests.sitecheck.sites.clicks import click_depths, page_links
from tests.support import fake_dns

NAME = "kromnamdee"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
UP = "/sites/default/files/"
FILES = "//file.dswu.go.th/uploads/"
PLAN_5Y = FILES + "plan/แผนปฏิบัติราชการระยะ5ปี_2566-2570_ฉบับทบทวน2568.pdf"
PROCUREMENT = FILES + "procurement/รายงานผลจัดซื้อจัดจ้าง2567_งบลงทุน2568.pdf"
EBOOK = "//ebook.dswu.go.th/annual-report-2567/"
EBOOK_PDF = EBOOK + "files/assets/common/downloads/publication.pdf"
SUBDOMAINS = ("file.dswu.go.th", "ebook.dswu.go.th", "eservice.dswu.go.th")

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's menus and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/th/about-us": (
        [
            'id="structure"',
            'id="authority"',
            'id="executives"',
            'id="contact"',
            "แผนผังโครงสร้างการแบ่งส่วนราชการ",
            "กองมาตรฐานและฉลากประหยัดน้ำ",
            "หน้าที่และอำนาจ",
            "นายวรพลธาราสิทธิ์",
            "อธิบดีกรมส่งเสริมการใช้น้ำอย่างยั่งยืน",
            "นางปิยะนุชศรีอุทก",
            "director-worapol.jpg",
            "piyanuch.s@dswu.go.th",
            "10400",
            "02354 8800",
            "saraban@dswu.go.th",
            "แผนที่ตั้ง",
            "<iframe",
            'href="/th/webboard"',
            "@dswu",
        ],
        [],
    ),
    "/th/webboard": (["<form", "ตั้งคำถาม", "ตอบแล้ว", "/th/webboard/topic/103"], []),
    "/th/news": (
        ["10เมษายน2568", "1ตุลาคม2567", "/th/node/2114", "/th/node/2106", "?page=1"],
        ["กันยายน2567", "มีนาคม2567", "/th/node/2105"],
    ),
    "/th/news?page=1": (["12กันยายน2567", "10มกราคม2567", "/th/node/2101"], ["2568"]),
    PLAN_5Y: (
        ["(พ.ศ.2566–2570)", "ยุทธศาสตร์", "เป้าหมาย", "ตัวชี้วัด", "ค่าเป้าหมาย2566", "2568"],
        [],
    ),
    UP + "2024-11/action-plan-2568.pdf": (
        ["ประจำปีงบประมาณพ.ศ.2568", "โครงการ/กิจกรรม", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินงาน"],
        [],
    ),
    UP + "2025-04/progress-6m-2568.pdf": (
        ["ณวันที่31มีนาคม2568", "ผลการดำเนินงาน", "ผลการเบิกจ่าย(บาท)", "ระบบน้ำหยด"],
        [],
    ),
    EBOOK: (["publication.pdf", "ดาวน์โหลดPDF", "รายงานประจำปี2567"], []),
    EBOOK_PDF: (
        [
            "ประจำปีงบประมาณพ.ศ.2567",
            "ผลการดำเนินงาน",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่าย",
            "ไตรมาส1–4",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["วันเริ่มต้น", "วันสิ้นสุด", "ต.ค.", "ม.ค.", "ก.ย.", "2568"],
    ),
    UP + "2024-12/manual-label-audit.pdf": (
        ["คู่มือการปฏิบัติงาน", "นักวิชาการทรัพยากรน้ำ", "ขั้นตอนการปฏิบัติงาน", "ผู้ตรวจประเมิน"],
        [],
    ),
    UP + "2024-12/citizen-manual-water-label.pdf": (
        [
            "คู่มือสำหรับประชาชน",
            "ฉลากประหยัดน้า",  # the text layer lost the nikhahit
            "ช่องทางการให้บริการ",
            "E-Service",
            "ระยะเวลา",
            "ส่วนงานที่รับผิดชอบ",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
        ],
        ["ฉลากประหยัดน้ำ"],
    ),
    "//eservice.dswu.go.th/": (["ไม่ต้องเดินทางมาที่กรม", "/water-label/request"], []),
    "//eservice.dswu.go.th/water-label/request": (["<form", 'type="file"'], ['type="password"']),
    "/th/eservice": (["e-Service", "ไม่ต้องเดินทางมาที่กรม"], []),
    FILES + "stat/service-stat-2566.xlsx": (["2566", "Walk-in", "E-Service"], []),
    PROCUREMENT: (
        [
            "ประจำปีงบประมาณพ.ศ.2567",
            "จำแนกตามวิธีการจัดซื้อจัดจ้าง",
            "จำนวนรายการ",
            "งบประมาณที่ใช้ในการจัดซื้อจัดจ้าง(บาท)",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
            "รายงานผลการจัดซื้อจัดจ้างรายโครงการ",
            "ราคากลาง(บาท)",
            "0105561034421",
            "67029114532",
            "หมวดงบลงทุนประจำปีงบประมาณพ.ศ.2568",
            "วิธีการที่จะดำเนินการจัดซื้อจัดจ้าง",
            "ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ",
        ],
        [],
    ),
    "/th/procurement/progress-2568": (
        [
            "ข้อมูลณวันที่31มีนาคม2568",
            "งานที่ซื้อหรือจ้าง",
            "วงเงินงบประมาณที่ได้รับจัดสรร(บาท)",
            "แหล่งที่มาของงบประมาณ",
            "สถานะการจัดซื้อจัดจ้าง",
            "วิธีการจัดซื้อจัดจ้าง",
            "ราคากลาง(บาท)",
            "ราคาที่ตกลงซื้อหรือจ้าง(บาท)",
            "เลขประจำตัวผู้เสียภาษี",
            "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
            "เลขที่โครงการ",
            "วันที่ลงนามในสัญญา",
            "วันสิ้นสุดสัญญา",
            "ตุลาคม2567",
            "กุมภาพันธ์2568",
            "ไม่มีรายการจัดซื้อจัดจ้างที่ลงนามในสัญญาในเดือนนี้",
            "มีนาคม2568",
        ],
        ["เมษายน2568</th>"],
    ),
    UP + "2020-01/hr-plan-2563-2567.pdf": (
        ["พ.ศ.2563–2567", "โครงการ/กิจกรรม", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        ["2568"],
    ),
    UP + "2024-11/hr-report-2567.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.2567",
            "ผลการดำเนินการ",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่าย",
            "วันเริ่มต้น–วันสิ้นสุด",
            "จำแนกตามประเภทตำแหน่ง",
            "จำนวนผู้เข้ารับการฝึกอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        [],
    ),
    "/th/ethics": (["ethics-code-civil-service.pdf", "ethics-drive-2568.pdf"], []),
    UP + "2023-06/ethics-code-civil-service.pdf": (
        ["ประมวลจริยธรรมข้าราชการพลเรือน", "ข้อกำหนดจริยธรรม"],
        [],
    ),
    UP + "2025-03/ethics-drive-2568.pdf": (
        ["พ.ศ.2568", "คณะทำงานขับเคลื่อนจริยธรรม", "Dos&Don'ts", "23มกราคม2568"],
        [],
    ),
    UP + "2024-10/manual-corruption-complaint-2568.pdf": (
        [
            "ผู้ถูกร้องเรียน",
            "พฤติการณ์การทุจริต",
            "ช่องทางการร้องเรียนการทุจริต",
            "ขั้นตอนการดำเนินการและระยะเวลา",
            "ส่วนงานที่รับผิดชอบ",
        ],
        [],
    ),
    "/th/complaint-corruption": (
        ["<form", "แยกจากช่องทางร้องเรียนทั่วไป", "ไม่จำเป็นต้องระบุชื่อ", 'type="file"'],
        [],
    ),
    UP + "2025-03/participation-report-2568.pdf": (
        ["พ.ศ.2568", "ประเด็นการมีส่วนร่วม", "ผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม", "19กุมภาพันธ์2568"],
        ["ปรับปรุง", "นำผล", "นำความคิดเห็น", "นำไป"],
    ),
    UP + "2024-10/nogift-announcement-2568.pdf": (
        ["พ.ศ.๒๕๖๘", "ไม่รับของขวัญและของกำนัลทุกชนิด", "๑ตุลาคมพ.ศ.๒๕๖๗", "(นายวรพลธาราสิทธิ์)"],
        [],
    ),
    "/th/node/2107": (["NoGiftPolicy", "18พฤศจิกายน2567", "412คน", "ปลูกจิตสำนึก"], []),
    UP + "2025-04/gift-report-2568-h1.pdf": (
        ["ประจำปีงบประมาณพ.ศ.2568", "ไม่มีการรับทรัพย์สิน", "โดยธรรมจรรยา"],
        [],
    ),
    UP + "2025-01/bribery-risk-assessment-2568.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.2568",
            "เหตุการณ์ความเสี่ยง",
            "ระดับความเสี่ยง",
            "มาตรการในการบริหารจัดการความเสี่ยง",
            "การอนุมัติอนุญาต",
            "การใช้อำนาจตามกฎหมาย",
            "การจัดซื้อจัดจ้าง",
        ],
        ["บริหารงานบุคคล", "บุคลากร", "แต่งตั้ง", "เลื่อนเงินเดือน"],
    ),
    UP + "2024-10/anti-corruption-plan-2568.pdf": (
        ["ประจำปีงบประมาณพ.ศ.2568", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        [],
    ),
    UP + "2023-11/anti-corruption-report-2566.pdf": (
        ["ประจำปีงบประมาณพ.ศ.2566", "ผลการดำเนินการ"],
        ["2567", "2568"],
    ),
    UP + "2025-01/integrity-measures-2568.pdf": (
        [
            "ผลการประเมินITAประจำปีงบประมาณพ.ศ.2567",
            "จุดอ่อน",
            "ต้องพัฒนาให้ดีขึ้น",
            "วิธีการนำผลการวิเคราะห์",
            "ผู้รับผิดชอบ",
            "ระยะเวลา",
            "การกำกับติดตามและรายงานผล",
        ],
        [],
    ),
    UP + "2024-10/integrity-measures-report-2567.pdf": (
        ["ประจำปีงบประมาณพ.ศ.2567", "สรุปผลการดำเนินการ", "ผลลัพธ์/ความสำเร็จ"],
        [],
    ),
}

# Listing pages: document titles in the order shown (newest first).
LISTINGS: dict[str, list[str]] = {
    "/th/plan": [
        "2566 – 2570",
        "2561 – 2565",
        "รอบ 6 เดือน",
        "ประจำปีงบประมาณ พ.ศ. 2568",
        "พ.ศ. 2567",
    ],
    "/th/hr": ["พ.ศ. 2563 – 2567", "พ.ศ. 2567", "พ.ศ. 2566"],
    "/th/service-statistics": ["พ.ศ. 2567", "พ.ศ. 2566"],
    "/th/annual-report": ["รายงานประจำปี 2567", "รายงานประจำปี 2566"],
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
    parts = urlsplit(urldefrag(url).url)
    rest = unquote(parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if parts.netloc == urlsplit(site).netloc:
        return rest
    return f"//{parts.hostname}{rest}"


def _content(html: str) -> LexborHTMLParser:
    """The content area of a site page (or the whole page of a subdomain)."""
    tree = LexborHTMLParser(html)
    node = tree.css_first("main#main-content")
    return LexborHTMLParser(node.html or "") if node is not None else tree


def _index_rows(html: str, page_url: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(sub-indicator, code, hrefs, link texts) of each row of the OIT table, in order."""
    table = _content(html).css_first("table.oit-table")
    assert table is not None
    rows = []
    sub = ""
    for tr in table.css("tbody > tr"):
        cells = tr.css("td")
        if len(cells) == 5:
            sub = cells[0].text().strip()
            assert cells[0].attributes.get("rowspan"), sub
            cells = cells[1:]
        assert len(cells) == 4
        anchors = cells[3].css("a[href]")
        hrefs = [urljoin(page_url, a.attributes.get("href") or "") for a in anchors]
        texts = [a.text().strip() for a in anchors]
        if not anchors:
            assert cells[3].text().strip() == "-"
        rows.append((sub, cells[0].text().strip(), hrefs, texts))
    return rows


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_the_site_loads_by_its_folder_name(site: ServedSite) -> None:
    assert load_site(NAME).name == NAME and site.site.name == NAME
    truth = load_truth(NAME)
    assert truth["site"] == NAME and truth["start"] == site.site.start == "/th"
    with httpx.Client(timeout=10, follow_redirects=True) as http:
        response = http.get(site + "/")
        assert response.status_code == 200 and urlsplit(str(response.url)).path == "/th"


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
        assert not any("#" in ref for ref in item["evidence"]), code
        if item["verdict"] == "outdated":
            assert item["years"], code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1.5 * 1024 * 1024


def _expected_type(ref: str) -> str:
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
            assert _expected_type(ref) in response.headers["content-type"], (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O11", "O24"}
    (empty,) = truth["O11"]["evidence"]
    response = client.get(site.url(empty))
    assert response.status_code == 200 and response.content == b"", "an empty upload"
    assert response.headers["content-type"] == TYPES["xlsx"]
    (dead,) = truth["O24"]["evidence"]
    assert client.get(site.url(dead)).status_code == 404
    # The FY2566 statistics beside the empty file open.
    older = client.get(site.url(FILES + "stat/service-stat-2566.xlsx"))
    assert older.status_code == 200 and older.content.startswith(b"PK")


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
    assert published <= set(CLAIMS), sorted(published - set(CLAIMS))


def test_the_index_table_lists_every_item(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    response = client.get(index)
    assert response.status_code == 200
    title = _squeeze(_content(response.text).css_first("h1").text())
    assert title == _squeeze("การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2568")
    head = [th.text().strip() for th in _content(response.text).css("table.oit-table thead th")]
    assert head == ["ตัวชี้วัดย่อย", "ข้อ", "ข้อมูล", "รายละเอียด/คำอธิบาย", "URL"]
    rows = _index_rows(response.text, index)
    assert [code for _, code, _, _ in rows] == [item.code for item in FRAMEWORK.items]
    for (sub, code, _, _), item in zip(rows, FRAMEWORK.items, strict=True):
        assert sub.startswith(item.sub_indicator + " "), (code, sub)
    for _, code, hrefs, texts in rows:
        assert texts == [urljoin(index, t) for t in texts] == hrefs, code  # raw URLs as text
        item = truth["items"][code]
        if item["verdict"] == "missing":
            assert not hrefs, code
            continue
        for href in hrefs:
            assert _ref(site, href) in item["evidence"], (code, href)
    cells = {code: hrefs for _, code, hrefs, _ in rows}
    # Sections of one long page, several URLs in a cell, the subdomains, one PDF for two items.
    assert [urlsplit(h).fragment for h in cells["O1"]] == ["structure", "authority"]
    assert [urlsplit(h).fragment for h in cells["O2"] + cells["O3"][:1]] == [
        "executives",
        "contact",
    ]
    assert len(cells["O16"]) == 3 and len(cells["O12"]) == 2
    assert _ref(site, cells["O12"][0]) == _ref(site, cells["O13"][0]) == PROCUREMENT
    assert _ref(site, cells["O5"][0]) == PLAN_5Y and _ref(site, cells["O7"][0]) == EBOOK


def test_sections_of_the_about_page(site: ServedSite, client: httpx.Client) -> None:
    content = _content(client.get(site.url("/th/about-us")).text)
    headings = {h.attributes.get("id"): h.text() for h in content.css("h2[id]")}
    assert headings == {
        "structure": "โครงสร้างองค์กร",
        "authority": "อำนาจหน้าที่",
        "executives": "ผู้บริหาร",
        "contact": "ติดต่อเรา",
    }
    assert len(content.css("div.executive img")) == 4
    assert client.get(site.url("/th/node/12")).headers["location"] == "/th/about-us"


def test_the_ebook_viewer_leads_to_its_pdf(site: ServedSite, client: httpx.Client) -> None:
    viewer = client.get(site.url(EBOOK))
    assert viewer.status_code == 200
    button = LexborHTMLParser(viewer.text).css_first("a.download")
    assert button is not None
    pdf = urljoin(str(viewer.url), button.attributes.get("href") or "")
    assert _ref(site, pdf) == EBOOK_PDF
    assert client.get(pdf).headers["content-type"] == TYPES["pdf"]
    library = client.get(site.url("//ebook.dswu.go.th/")).text
    assert "/annual-report-2566/" in library


def test_listings_hold_several_years_newest_first(site: ServedSite, client: httpx.Client) -> None:
    for path, titles in LISTINGS.items():
        text = _content(client.get(site.url(path)).text).text()
        positions = [text.find(title) for title in titles]
        assert -1 not in positions and positions == sorted(positions), (path, positions)
    anti = _content(client.get(site.url("/th/anti-corruption")).text).text()
    assert (
        "ประจำปีงบประมาณ พ.ศ. 2566" in anti
        and "ตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567" not in anti
    )


def test_nothing_on_complaint_statistics(site: ServedSite) -> None:
    """O19 is missing: no page or document of the site gives complaint statistics.

    The index page only names the item (its row has no link, see the index test).
    """
    pages = set(click_depths(site, "/th")) - {load_truth(NAME)["index_page"]}
    words = ("สถิติเรื่องร้องเรียน", "จำนวนเรื่องร้องเรียน", "ไม่มีเรื่องร้องเรียน")
    with httpx.Client(timeout=10, follow_redirects=True) as http:
        for path in pages:
            if path.endswith((".pdf", ".xlsx")):
                continue
            response = http.get(site.url(path))
            if "html" in response.headers.get("content-type", ""):
                assert not any(w in response.text for w in words), path
    docs = (site_dir(NAME) / "docs.yaml").read_text(encoding="utf-8")
    assert not any(w in docs for w in words)


def _outside_links(site: ServedSite, client: httpx.Client, pages: list[str]) -> set[str]:
    links = set()
    for path in pages:
        response = client.get(site.url(path), follow_redirects=True)
        if "html" not in response.headers.get("content-type", ""):
            continue
        for link in page_links(response.text, str(response.url)):
            if urlsplit(link).hostname in SUBDOMAINS:
                links.add(link)
    return links


def test_every_link_answers_but_the_broken_ones(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/th")
    for path in depths:
        response = client.get(site.url(path), follow_redirects=True)
        if path in broken:
            continue
        assert response.status_code == 200, path
    assert depths[truth["index_page"]] == 1
    assert "/user/login" in depths
    for code, item in items.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert min(depths.get(ref, 99) for ref in on_site) <= 2, (code, on_site)
    # Links to the subdomains (and the subdomains' own pages) answer too, but for the empty file.
    outside = _outside_links(site, client, [p for p in depths if not p.endswith(".pdf")])
    outside |= _outside_links(
        site, client, [EBOOK, "//ebook.dswu.go.th/", "//eservice.dswu.go.th/"]
    )
    assert {urlsplit(u).hostname for u in outside} == set(SUBDOMAINS)
    for url in outside:
        response = client.get(url, follow_redirects=True)
        assert response.status_code == 200, url
        assert response.content or _ref(site, url) in broken, url
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_login(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /user/" in robots and "Disallow: /admin/" in robots
        login = http.get(site + "/user/login")
        assert 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/user/login"]
