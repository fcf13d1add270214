"""Self-test of the hold-out department site ``kromprachakorn``: it serves what its truth says.

กรมส่งเสริมประชากรศึกษา was built without reading the checker's judging code; like the other
hold-out self-tests, this one checks the site with its own means only (HTTP answers, links,
the project's document reader), never with the checker's parser or judge.

The department has no ITA index page: its data sits in a deep site of Thai menus with some
English labels, a แผนผังเว็บไซต์ page listing every section, year-listing pages under query
strings (``/plan/?y=2568``), a download centre whose only work manual is four clicks deep, an
E-Service subsystem on its own host, PDFs (two with a broken sara-am text layer, one a scan
without any text layer), DOCX and XLSX files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

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

NAME = "kromprachakorn"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
UP = "/uploads/"
SCAN = UP + "integrity/2568/scan-nogift-2568.pdf"
MANUAL = UP + "download/manual/คู่มือการปฏิบัติงาน-การผลิตสื่อการเรียนรู้.pdf"
BROKEN_LAYER = (
    UP + "plan/แผนปฏิบัติราชการ-ระยะ5ปี-2566-2570.pdf",
    UP + "integrity/2568/การประเมินความเสี่ยงการทุจริต-สินบน-2568.pdf",
    UP + "integrity/2567/รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต-2567.pdf",
)

# What the pages and documents say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's header, menu and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/about/structure": (
        ["รองอธิบดี(ฝ่ายบริหาร)", "กองแผนงานและสารสนเทศ", "ศูนย์ประชากรศึกษาภาค1-4", "อำนาจหน้าที่"],
        [],
    ),
    UP + "about/structure-popedu-2568.pdf": (
        ["แผนภูมิโครงสร้างส่วนราชการ", "สำนักงานเลขานุการกรม", "อำนาจหน้าที่"],
        [],
    ),
    "/about/executives": (
        [
            "นายธีรวัฒน์ศรีประชา",
            "อธิบดีกรมส่งเสริมประชากรศึกษา",
            "รองอธิบดี(ฝ่ายบริหาร)",
            "รองอธิบดี(ฝ่ายวิชาการ)",
            "รองอธิบดี(ฝ่ายปฏิบัติการ)",
            "<img",
            "023547001",
            "ddg.operation@popedu.go.th",
        ],
        [],
    ),
    "/contact": (
        [
            "ถนนพระรามที่6",
            "023547000",
            "saraban@popedu.go.th",
            "แผนที่ตั้ง",
            "<iframe",
            "@popedu",
            "m.me",
        ],
        [],
    ),
    "/news/": (
        ["8เมษายน2568", "1ตุลาคม2567", "/news/view?id=1212", "/news/?page=2"],
        ["กรกฎาคม2567", "2566"],
    ),
    "/news/view?id=1250": (["8เมษายน2568", "ศูนย์ประชากรศึกษาภาค3"], []),
    "/news/view?id=1244": (["20มีนาคม2568", "สื่อการเรียนรู้"], []),
    "/news/view?id=1231": (["12กุมภาพันธ์2568", "รับฟังความคิดเห็น"], ["ปรับปรุง"]),
    "/news/view?id=1218": (["9ธันวาคม2567", "มอบชุดสื่อการเรียนรู้"], []),
    "/news/view?id=1212": (["18พฤศจิกายน2567", "NoGiftPolicy", "186คน", "สร้างวัฒนธรรม"], []),
    "/news/view?id=1207": (["1ตุลาคม2567", "มอบนโยบาย"], []),
    "/news/view?id=1225": (["21มกราคม2568", "จริยธรรม", "205คน"], []),
    "/plan/?y=2568": (["แผนปฏิบัติราชการระยะ5ปี(พ.ศ.2566-2570)", "รอบ6เดือน"], []),
    "/plan/?y=2567": (["รายงานผลการปฏิบัติราชการประจำปีงบประมาณพ.ศ.2567"], []),
    UP + "plan/แผนปฏิบัติราชการ-ระยะ5ปี-2566-2570.pdf": (
        ["(พ.ศ.2566-2570)", "ยุทธศาสตร์ที่1", "เป้าหมาย", "ตัวชี้วัด", "ค่าเป้าหมาย2568"],
        [],
    ),
    UP + "plan/2568/แผนปฏิบัติราชการประจำปีงบประมาณ-2568.pdf": (
        ["พ.ศ.2568", "โครงการ/กิจกรรม", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        [],
    ),
    UP + "plan/2568/รายงานผลการปฏิบัติราชการรอบ6เดือน-2568.pdf": (
        ["31มีนาคม2568", "ผลการดำเนินงาน", "ผลการเบิกจ่าย(บาท)"],
        [],
    ),
    UP + "plan/2567/รายงานผลการปฏิบัติราชการประจำปี-2567.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.2567",
            "ผลการดำเนินงาน",
            "งบประมาณที่ได้รับจัดสรร(บาท)",
            "ผลการใช้จ่าย(บาท)",
            "วันที่เริ่มต้น",
            "วันที่สิ้นสุด",
        ],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ", "2568"],
    ),
    "/download/view?id=41": (["กองวิจัยและพัฒนาสื่อการเรียนรู้", ".pdf"], []),
    MANUAL: (
        ["คู่มือการปฏิบัติงาน", "นักวิชาการศึกษา", "ขั้นตอนการปฏิบัติงาน", "ระยะเวลา"],
        [],
    ),
    "/service/": (["คู่มือสำหรับประชาชน", ".pdf", "/eservice"], []),
    UP + "service/คู่มือสำหรับประชาชน-ขอรับการสนับสนุนวิทยากร.pdf": (
        ["ขั้นตอน", "ระยะเวลา", "ช่องทางการให้บริการ", "ไม่มีค่าธรรมเนียม", "กฎหมายที่เกี่ยวข้อง"],
        [],
    ),
    "/eservice": (["ไม่ต้องเดินทาง", "eservice.popedu.go.th"], []),
    "//eservice.popedu.go.th/": (["ไม่ต้องเดินทางมาที่กรม", "/request"], []),
    "//eservice.popedu.go.th/request": (["<form", 'type="file"', "ขอรับการสนับสนุนวิทยากร"], []),
    "/service/statistics": (["2566", "15ธันวาคม2566"], ["2567", "2568"]),
    UP + "stat/สถิติการให้บริการ-ปีงบประมาณ-2566.xlsx": (
        ["ปีงบประมาณพ.ศ.2566", "(Walk-in)", "E-Service", "956", "1777"],
        ["2567"],
    ),
    "/procurement/?y=2568": (["31มีนาคม2568", ".xlsx"], []),
    UP + "procurement/2568/แผนการจัดซื้อจัดจ้าง-งบลงทุน-2568.xlsx": (
        [
            "งบลงทุน",
            "พ.ศ.2568",
            "งานที่ซื้อหรือจ้าง",
            "วงเงินงบประมาณที่ได้รับจัดสรร",
            "แหล่งที่มาของงบประมาณ",
            "วิธีการจัดซื้อจัดจ้าง",
            "ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ",
        ],
        [],
    ),
    UP + "procurement/2568/ความก้าวหน้าการจัดซื้อจัดจ้าง-ณ-31มีค68.xlsx": (
        [
            "31มีนาคม2568",
            "สถานะการจัดซื้อจัดจ้าง",
            "ราคากลาง",
            "ราคาที่ตกลงซื้อหรือจ้าง",
            "เลขประจำตัวผู้เสียภาษี",
            "รายชื่อผู้ประกอบการ",
            "เลขที่โครงการ",
            "วันที่ลงนามในสัญญา",
            "วันสิ้นสุดสัญญา",
        ],
        [],
    ),
    "/procurement/?y=2567": (["สขร.1", "ประจำปีงบประมาณพ.ศ.2567"], []),
    UP + "procurement/2567/สรุปผลการจัดซื้อจัดจ้าง-ประจำปี-2567.pdf": (
        ["พ.ศ.2567", "จำนวนรายการ", "งบประมาณที่ใช้(บาท)", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    UP + "procurement/2567/สรุปผลจัดซื้อจัดจ้าง-สขร1-ปี2567.pdf": (
        ["สขร.1", "2567", "เลขที่โครงการ", "แหล่งที่มาของงบประมาณ", "ราคากลาง", "วันที่ลงนามสัญญา"],
        ["เลขประจำตัวผู้เสียภาษี", "สิ้นสุด"],
    ),
    "/hr/?y=2567": (["แผนพัฒนาบุคลากรประจำปีงบประมาณพ.ศ.2567"], []),
    UP + "hr/2567/แผนพัฒนาบุคลากร-ปีงบประมาณ-2567.pdf": (
        ["พ.ศ.2567", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        ["2568"],
    ),
    UP + "hr/2567/รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล-2567.pdf": (
        [
            "พ.ศ.2567",
            "ผลการดำเนินการ",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่าย",
            "วันเริ่มต้น-วันสิ้นสุด",
            "ประเภทตำแหน่ง",
            "จำนวนผู้เข้ารับการฝึกอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        [],
    ),
    "/integrity/ethics": (["ประมวลจริยธรรม", "/news/view?id=1225"], []),
    UP + "integrity/ประมวลจริยธรรมข้าราชการพลเรือน.pdf": (["ประมวลจริยธรรมข้าราชการพลเรือน", "ก.พ."], []),
    UP + "integrity/2568/การขับเคลื่อนจริยธรรม-ปีงบ2568.pdf": (
        ["พ.ศ.2568", "คณะทำงานขับเคลื่อนจริยธรรม", "Dos&Don'ts", "21มกราคม2568"],
        [],
    ),
    "/integrity/complaint": (["/complaint/corruption", ".docx"], ["ระยะเวลาดำเนินการ"]),
    "/complaint/corruption": (
        ["<form", "แยกจากช่องทางร้องเรียนทั่วไป", "ไม่จำเป็นต้องระบุชื่อ", "ความลับ"],
        [],
    ),
    UP + "integrity/2567/สถิติเรื่องร้องเรียนการทุจริต-ปีงบประมาณ-2567.docx": (
        ["พ.ศ.2567", "จำนวนเรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"],
        [],
    ),
    "/participation/": (["รายงานผลการเปิดโอกาส", ".pdf"], []),
    UP + "participation/2568/รายงานผลการเปิดโอกาสให้มีส่วนร่วม-2568.pdf": (
        ["พ.ศ.2568", "ประเด็นการมีส่วนร่วม", "ผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม", "12กุมภาพันธ์2568"],
        ["ปรับปรุง", "นำผล", "นำไปใช้"],
    ),
    "/integrity/nogift": (["scan-nogift-2568.pdf", "/news/view?id=1212"], ["รายงานการรับ"]),
    SCAN: (["ไม่รับของขวัญ", "ธีรวัฒน์", "อธิบดีกรมส่งเสริมประชากร", "2568"], []),
    "/integrity/anti-corruption?y=2568": (["แผนปฏิบัติการป้องกันการทุจริต", "มาตรการส่งเสริมคุณธรรม"], []),
    "/integrity/anti-corruption?y=2567": (["รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต"], []),
    UP + "integrity/2568/การประเมินความเสี่ยงการทุจริต-สินบน-2568.pdf": (
        [
            "พ.ศ.2568",
            "สินบน",
            "เหตุการณ์ความเสี่ยง",
            "ระดับความเสี่ยง",
            "มาตรการในการบริหารจัดการความเสี่ยง",
            "การจัดซื้อจัดจ้าง",
            "การบริหารงานบุคคล",
            "การให้บริการตามภารกิจ",
        ],
        [],
    ),
    UP + "integrity/2568/แผนปฏิบัติการป้องกันการทุจริต-2568.pdf": (
        ["พ.ศ.2568", "โครงการ/กิจกรรม", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        [],
    ),
    UP + "integrity/2567/รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต-2567.pdf": (
        ["พ.ศ.2567", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    UP + "integrity/2568/มาตรการส่งเสริมคุณธรรมและความโปร่งใส-2568.pdf": (
        [
            "ปีงบประมาณพ.ศ.2567",
            "จุดอ่อน",
            "ต้องพัฒนา",
            "วิธีการนำไปสู่การปฏิบัติ",
            "ผู้รับผิดชอบ",
            "ขั้นตอนการปฏิบัติ",
            "ระยะเวลา",
            "การกำกับติดตามและรายงานผล",
        ],
        [],
    ),
    UP + "integrity/2567/รายงานผลตามมาตรการส่งเสริมคุณธรรม-2567.docx": (
        ["พ.ศ.2567", "มาตรการ/กิจกรรม", "สรุปผลการดำเนินการ", "ผลลัพธ์/ความสำเร็จ"],
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
    tree = LexborHTMLParser(html)
    node = tree.css_first("#content") or tree.css_first("main")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def _links(site: ServedSite, html: str, page_url: str) -> set[str]:
    return {_ref(site, url) for url in page_links(html, page_url)}


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_the_shared_helpers_take_this_site() -> None:
    loaded = load_site(NAME)
    assert loaded.name == NAME and loaded.title == "กรมส่งเสริมประชากรศึกษา"
    assert loaded.folder == site_dir(NAME)
    assert load_truth(NAME)["site"] == NAME
    with serve(NAME) as base, httpx.Client(timeout=10) as http:
        assert http.get(base.start_url).status_code == 200
        assert base.errors == []


def test_truth_covers_every_item_honestly() -> None:
    truth = load_truth(NAME)
    assert truth["site"] == NAME and truth["index_page"] == ""
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
        if item["verdict"] == "outdated":  # older than the period the item asks for
            wanted = FRAMEWORK.fiscal_year - (ITEMS[code].coverage == "previous_fy")
            assert item["years"] and max(item["years"]) < wanted, code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_files_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    assert (folder / "static" / SCAN.lstrip("/")).stat().st_size < 60 * 1024
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
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O17", "O24"}
    dead_ref, guide_page = truth["O17"]["evidence"]
    assert client.get(site.url(dead_ref)).status_code == 404
    assert dead_ref in _links(site, client.get(site.url(guide_page)).text, site.url(guide_page))
    empty_ref, listing = truth["O24"]["evidence"]
    empty = client.get(site.url(empty_ref))
    assert empty.status_code == 200 and empty.headers["content-type"] == "application/pdf"
    assert empty.content == b""
    assert empty_ref in _links(site, client.get(site.url(listing)).text, site.url(listing))
    # No other copy of either document anywhere on the site.
    everywhere = set(click_depths(site, "/"))
    guides = [ref for ref in everywhere if "แนวทาง" in ref and "ร้องเรียน" in ref]
    risk_reports = [ref for ref in everywhere if "จัดการความเสี่ยง" in ref]
    assert guides == [dead_ref] and risk_reports == [empty_ref]


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
    assert published <= set(CLAIMS), "every cited page and document is checked"


def test_pdf_text_layers_as_published(site: ServedSite, client: httpx.Client) -> None:
    """Two PDFs carry a text layer without sara am's nikhahit; the No Gift PDF is a scan."""
    for ref in BROKEN_LAYER:
        body = client.get(site.url(ref)).content
        # The shared builder's damage: new ToUnicode maps in an incremental update.
        assert body.count(b"startxref") == 2 and b"/Font" in body, ref
    body = client.get(site.url(SCAN)).content
    assert body.startswith(b"%PDF-") and b"/DCTDecode" in body
    assert b"/Font" not in body and b"/ToUnicode" not in body  # no text layer at all
    for ref in CLAIMS:
        if ref.endswith(".pdf") and ref not in BROKEN_LAYER and ref != SCAN:
            assert client.get(site.url(ref)).content.count(b"startxref") == 1, ref


def test_no_index_page_but_a_sitemap_of_every_section(
    site: ServedSite, client: httpx.Client
) -> None:
    home = client.get(site.url("/")).text
    menu = LexborHTMLParser(home).css_first("nav.navbar-main")
    assert menu is not None
    labels = [a.text().strip() for a in menu.css("a")]
    assert "Integrity & Transparency" in labels and "Download" in labels
    assert not any("ITA" in label or "OIT" in label for label in labels)
    sitemap = _links(site, _content(client.get(site.url("/sitemap")).text).html or "", site + "/")
    menu_links = _links(site, menu.html or "", site + "/")
    assert menu_links <= sitemap
    truth = load_truth(NAME)["items"]
    sections = {"/" + ref.split("/")[1] for item in truth.values() for ref in item["evidence"]
                if ref.startswith("/") and not ref.startswith(("//", UP))}  # fmt: skip
    for section in sections:
        assert any(link.startswith(section) for link in sitemap), section
    # The sitemap lists sections, not documents.
    assert not any(link.startswith(UP) for link in sitemap)
    for path in ("/", "/sitemap", "/integrity/"):
        text = client.get(site.url(path)).text
        assert "ITA" not in text and "O1" not in text, path


def test_year_listing_pages(site: ServedSite, client: httpx.Client) -> None:
    for section in ("/plan/", "/procurement/", "/hr/", "/integrity/anti-corruption"):
        bare = client.get(site.url(section)).text
        assert bare == client.get(site.url(f"{section}?y=2568")).text, section
        tabs = _links(site, bare, site.url(section))
        assert f"{section}?y=2567" in tabs, section
    hr = _content(client.get(site.url("/hr/?y=2568")).text)
    row = next(tr for tr in hr.css("tr") if "แผนพัฒนาบุคลากร" in tr.text())
    assert "อยู่ระหว่างการจัดทำ" in row.text() and not row.css("a")
    plan67 = _links(site, client.get(site.url("/plan/?y=2567")).text, site.url("/plan/?y=2567"))
    assert UP + "plan/2567/แผนปฏิบัติราชการประจำปีงบประมาณ-2567.pdf" in plan67
    stats = _links(site, client.get(site.url("/service/statistics")).text, site + "/")
    assert [ref for ref in stats if ref.startswith(UP)] == [
        UP + "stat/สถิติการให้บริการ-ปีงบประมาณ-2566.xlsx"
    ]


def test_the_work_manual_is_four_clicks_deep(site: ServedSite) -> None:
    depths = click_depths(site, "/")
    assert depths["/download/"] == 1
    assert depths["/download/?cat=manual"] == 2
    assert depths["/download/view?id=41"] == 3
    assert depths[MANUAL] == 4
    manuals = [ref for ref in depths if ref.startswith(UP) and "คู่มือการปฏิบัติงาน" in ref]
    assert manuals == [MANUAL]


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    for link in ("line.me", "www.facebook.com"):
        assert f"http://{link}:{site.port}/" in home, link
    for ref in ("//line.me/R/ti/p/@popedu", "//www.facebook.com/popedu.th", "//m.me/popedu.th"):
        assert client.get(site.url(ref)).status_code == 200, ref
    eservice = _links(site, client.get(site.url("/eservice")).text, site.url("/eservice"))
    assert {"//eservice.popedu.go.th/", "//eservice.popedu.go.th/request"} <= eservice
    portal = client.get(site.url("//eservice.popedu.go.th/")).text
    assert f"{site}/" in portal  # back to the department's site
    general = client.get(site.url("/complaint/")).text
    assert "<form" in general and 'href="/complaint/corruption"' in general
    corruption = client.get(site.url("/complaint/corruption")).text
    assert 'action="/complaint/corruption/submit"' in corruption
    # The e-GP link leads to a host that does not resolve.
    procurement = client.get(site.url("/procurement/?y=2568")).text
    assert "http://process3.gprocurement.go.th/" in procurement
    assert "process3.gprocurement.go.th" in load_site(NAME).unresolvable


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    items = load_truth(NAME)["items"]
    broken = {item["evidence"][0] for item in items.values() if item["verdict"] == "broken"}
    depths = click_depths(site, "/")
    assert 60 <= len([ref for ref in depths if not ref.startswith(UP)]) <= 100
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken or path.startswith("/manage/"):
                continue
            response = http.get(site.url(path), follow_redirects=True)
            assert response.status_code == 200, path
            if path.startswith(UP):
                assert response.content, path
    assert "/manage/login" in depths
    for code, item in items.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert min(depths.get(ref, 99) for ref in on_site) <= 3, (code, on_site)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_back_office(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /manage/" in robots
        login = http.get(site + "/manage/", follow_redirects=True)
        assert 'type="password"' in login.text
        home = LexborHTMLParser(http.get(site + "/").text).css_first("footer")
        assert home is not None and home.css_first('a[href="/manage/login"]') is not None
    assert load_truth(NAME)["never_fetch"] == ["/manage/"]
