"""Self-test of the hold-out department site ``dcraft``: it serves what its truth file says.

กรมพัฒนาฝีมือช่างชุมชน was built without reading the checker's judging code; like the other
hold-out self-tests, this one checks the site with its own means only (HTTP answers, links,
the project's document reader), never with the checker's index-page parser or judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser

from openita.frameworks.schema import load_yaml
from openita.lib.thaidate import fill_year_placeholders
from openita.sitecheck.crawl.documents import read_document
from tests.sitecheck.sites import HOLDOUT_SITES, SITES, ServedSite, load_truth, serve, site_dir
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths, page_links
from tests.support import fake_dns

NAME = "dcraft"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".xlsx", ".doc", ".xls")
DRIVE_ID = "1DcRfT12pRoCuRe2568mAr31XyZaBcDeF"
DOWNLOAD = f"//drive.usercontent.google.com/download?id={DRIVE_ID}&export=download"
ESERVICE = "//eservice.dcraft.go.th/training/register"
MAX_SITE_BYTES = 1_500_000

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as HTML text.
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/uploads/ita2568/O1-โครงสร้างและอำนาจหน้าที่.pdf": (
        ["แผนผังโครงสร้าง", "รองอธิบดี(ด้านบริหาร)", "กลุ่มพัสดุ", "หน้าที่และอำนาจ"],
        [],
    ),
    "/about/structure": (["กองพัฒนาหลักสูตรและมาตรฐานฝีมือช่าง", "<img"], []),
    "/about/executives": (
        [
            "นายวรพจน์ศิลปวัฒนกุล",
            "อธิบดีกรมพัฒนาฝีมือช่างชุมชน",
            "รองอธิบดีกรมพัฒนาฝีมือช่างชุมชน(ด้านบริหาร)",
            "<img",
            "dg@dcraft.go.th",
            "๐๒๒๔๕๗๗๐๔",
        ],
        [],
    ),
    "/contact": (
        ["๑๐๔๐๐", "saraban@dcraft.go.th", "แผนที่ตั้ง", "LINEOfficialAccount", "line.me", "/qa/"],
        [],
    ),
    "/news/": (["๒๕เม.ย.๒๕๖๘", "๑ต.ค.๒๕๖๗", "/news/view/2356"], ["๒๕๖๖"]),
    "/uploads/ita2568/ITA68_O5_plan-2566-2570.pdf": (
        ["(พ.ศ.2566–2570)", "ยุทธศาสตร์", "เป้าหมาย", "ตัวชี้วัด", "ค่าเป้าหมาย"],
        [],
    ),
    "/uploads/ita2568/action-plan-2568_final.pdf": (
        ["ประจำปีงบประมาณพ.ศ.2568", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        ["ความก้าวหน้า"],
    ),
    "/uploads/ita2568/รายงานผลไตรมาส1_2568.xlsx": (
        ["ไตรมาสที่1", "31ธันวาคม2567", "ผลการดำเนินงานสะสม", "ผลการเบิกจ่าย"],
        ["มีนาคม", "มี.ค.", "6เดือน"],
    ),
    "/uploads/publications/annual-report-2567.pdf": (
        [
            "บทที่4",
            "พ.ศ.2567",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่าย",
            "1ต.ค.2566–30ก.ย.2567",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        [],
    ),
    "/uploads/ita2568/O8 คู่มือปฏิบัติงานการทดสอบมาตรฐานฝีมือช่าง.docx": (
        ["คู่มือการปฏิบัติงาน", "นักวิชาการพัฒนาฝีมือช่าง", "ขั้นตอนการปฏิบัติงาน", "ระยะเวลา"],
        [],
    ),
    "/uploads/services/คู่มือสำหรับประชาชน-หนังสือรับรองช่างชุมชน.pdf": (
        [
            "หนังสือรับรองความรู้ความสามารถช่างชุมชน",
            "ขั้นตอน",
            "ระยะเวลา",
            "ช่องทางการให้บริการ",
            "E-Service",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
        ],
        [],
    ),
    "/eservice/": (["ไม่ต้องเดินทาง", "eservice.dcraft.go.th", "ตลอด๒๔ชั่วโมง"], []),
    "/uploads/ita2568/O11_สถิติการให้บริการ_ปีงบ67.xlsx": (
        ["ปีงบประมาณพ.ศ.2567", "Walk-in", "E-Service", "11931", "10140"],
        ["2568"],
    ),
    DOWNLOAD: (
        [
            "งบลงทุน",
            "พ.ศ.2568",
            "แหล่งที่มาของงบประมาณ",
            "ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ",
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
    "/uploads/hr/แผนบริหารและพัฒนาทรัพยากรบุคคล_2563-2567.pdf": (
        ["พ.ศ.2563–2567", "งบประมาณ", "ระยะเวลาดำเนินการ"],
        ["2568", "๒๕๖๘"],
    ),
    "/uploads/ita2568/HR-Report-2567(แก้ไข).pdf": (
        [
            "พ.ศ.2567",
            "ผลการดำเนินการ",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่าย",
            "วันที่เริ่ม–สิ้นสุด",
            "สถิติผู้เข้ารับการฝึกอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["อัตรากำลัง", "ประเภทตำแหน่ง"],
    ),
    "/uploads/ita2568/O16-1_ประมวลจริยธรรมข้าราชการพลเรือน.pdf": (
        ["ประมวลจริยธรรมข้าราชการพลเรือน", "(ก.พ.)"],
        [],
    ),
    "/uploads/ita2568/O16-2_ผลการขับเคลื่อนจริยธรรม_2568.pdf": (
        ["คณะทำงานขับเคลื่อนจริยธรรม", "Dos&Don'ts", "17มกราคม2568", "8พฤศจิกายน2567"],
        [],
    ),
    "/news/view/2385": (["๑๗มกราคม๒๕๖๘", "จริยธรรม"], []),
    "/uploads/ita2568/O17_คู่มือจัดการเรื่องร้องเรียนการทุจริต.pdf": (
        ["ผู้ถูกร้องเรียน", "ช่องทางการร้องเรียน", "ขั้นตอนการดำเนินการ", "ระยะเวลา", "ส่วนงานที่รับผิดชอบ"],
        [],
    ),
    "/complaint/corruption": (
        ["<form", "แยกจากช่องทางร้องเรียนการให้บริการทั่วไป", 'type="file"', "ไม่ประสงค์ออกนาม"],
        [],
    ),
    "/uploads/ita2567/O19-complaint-stat-2566.pdf": (
        ["พ.ศ.2566", "จำนวนเรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"],
        ["2567", "2568", "๒๕๖๗", "๒๕๖๘"],
    ),
    "/uploads/ita2568/O20-รายงานการมีส่วนร่วม-2568.pdf": (
        [
            "20กุมภาพันธ์2568",
            "ประเด็นการมีส่วนร่วม",
            "สรุปข้อมูลผู้มีส่วนร่วม",
            "ผลจากการมีส่วนร่วม",
            "การนำผลไปปรับปรุง",
        ],
        [],
    ),
    "/news/view/2397": (["๒๐กุมภาพันธ์๒๕๖๘", "รับฟังความคิดเห็น"], []),
    "/uploads/ita2568/O21_ประกาศ_NoGiftPolicy_2568.pdf": (
        [
            "๑๕ตุลาคมพ.ศ.๒๕๖๗",
            "NoGiftPolicy",
            "นายวรพจน์ศิลปวัฒนกุล",
            "อธิบดีกรมพัฒนาฝีมือช่างชุมชน",
            "ไม่รับของขวัญและของกำนัลทุกชนิด",
            "การประชุมชี้แจง",
            "๒๑พฤศจิกายน๒๕๖๗",
        ],
        ["สมเกียรติ"],
    ),
    "/news/view/2371": (["๒๑พฤศจิกายน๒๕๖๗", "NoGiftPolicy"], []),
    "/uploads/ita2568/O23-risk-assessment-2568.pdf": (
        [
            "พ.ศ.2568",
            "สินบน",
            "การอนุมัติอนุญาต",
            "การใช้อำนาจตามกฎหมาย",
            "การจัดซื้อจัดจ้าง",
            "เหตุการณ์ความเสี่ยง",
            "ระดับความเสี่ยง",
            "มาตรการในการบริหารจัดการความเสี่ยง",
        ],
        ["บริหารงานบุคคล", "การบริหารบุคคล", "บรรจุ"],
    ),
    "/uploads/ita2568/O25_แผนป้องกันการทุจริต_2568.pdf": (
        ["พ.ศ.2568", "โครงการ/กิจกรรม", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        [],
    ),
    "/uploads/ita2568/O26_รายงานผลป้องกันการทุจริต_2567.docx": (
        ["พ.ศ.2567", "ผลการดำเนินการ", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    "/uploads/ita2568/O27_มาตรการส่งเสริมคุณธรรม_2568.pdf": (
        [
            "ITAประจำปีงบประมาณพ.ศ.2567",
            "จุดอ่อน",
            "ต้องพัฒนา",
            "วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
            "ผู้รับผิดชอบ",
            "ระยะเวลา",
            "การกำกับติดตามและรายงานผล",
        ],
        [],
    ),
    "/uploads/ita2568/O28_รายงานผลมาตรการ_2567.pdf": (
        ["พ.ศ.2567", "มาตรการ/กิจกรรม", "สรุปผลการดำเนินการ", "ผลลัพธ์"],
        ["2568"],
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


def _subpage(code: str) -> str:
    return f"/ita/2568/o{code[1:]}"


def _decoded(url: str) -> str:
    return unquote(url)


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_truth_covers_every_item_honestly() -> None:
    truth = load_truth(NAME)
    assert truth["site"] == NAME
    assert truth["framework"] == FRAMEWORK.id and truth["fiscal_year"] == FRAMEWORK.fiscal_year
    assert set(truth["items"]) == set(ITEMS)
    for code, item in truth["items"].items():
        texts = {
            fill_year_placeholders(e.text, FRAMEWORK.fiscal_year)
            for e in ITEMS[code].elements
            if e.required
        }
        assert item["note"], code
        assert set(item["missing"]) <= texts, code
        assert bool(item["missing"]) == (item["verdict"] == "partial"), code
        assert bool(item["evidence"]) == (item["verdict"] != "missing"), code
        if item["verdict"] == "outdated":
            assert item["years"] and FRAMEWORK.fiscal_year not in item["years"], code
        if item["verdict"] in ("found", "partial", "outdated"):
            assert item["evidence"][0] == _subpage(code), code  # the item's own sub-page
        if item["verdict"] == "broken":
            assert _subpage(code) not in item["evidence"], code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < MAX_SITE_BYTES, size


def _expected_type(site: ServedSite, ref: str) -> str:
    host = ref[2:].split("/", 1)[0] if ref.startswith("//") else ""
    if host == "drive.usercontent.google.com":
        file_id = re.search(r"id=([A-Za-z0-9_-]+)", ref).group(1)  # type: ignore[union-attr]
        return TYPES[site.site.docs[site.site.drive[file_id].doc].kind]
    path = urlsplit(ref).path
    suffix = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return TYPES.get(suffix, "text/html")


def test_evidence_of_published_items_answers(site: ServedSite, client: httpx.Client) -> None:
    for code, item in load_truth(NAME)["items"].items():
        if item["verdict"] not in ("found", "partial", "outdated"):
            continue
        for ref in item["evidence"]:
            response = client.get(site.url(ref), follow_redirects=True)
            assert response.status_code == 200, (code, ref)
            assert response.content, (code, ref)
            assert _expected_type(site, ref) in response.headers["content-type"], (code, ref)
            assert 'type="password"' not in response.text[:5000], (code, ref)
            if ref.startswith("//drive.google.com/"):  # the viewer leads to the download
                assert DOWNLOAD in item["evidence"], code


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O13", "O24"}
    dead = client.get(site.url(truth["O13"]["evidence"][0]))
    assert dead.status_code == 404
    empty = client.get(site.url(truth["O24"]["evidence"][0]))
    assert empty.status_code == 200 and empty.content == b""
    assert empty.headers["content-type"] == "application/pdf"


def _text_of(client: httpx.Client, url: str) -> str:
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200, url
    content_type = response.headers["content-type"]
    if content_type.startswith("text/html"):
        return response.text
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
    documents = {ref for ref in published if ref.endswith(DOCUMENT_SUFFIXES)}
    downloads = {ref for ref in published if ref.startswith("//drive.usercontent.google.com/")}
    assert documents | downloads <= set(CLAIMS), "every cited document is checked"


def _links(client: httpx.Client, url: str, css: str = "a[href]") -> list[tuple[str, str]]:
    """(decoded absolute URL, link text) of the links matching css on the page at url."""
    tree = LexborHTMLParser(client.get(url).text)
    out = []
    for node in tree.css(css):
        href = (node.attributes.get("href") or "").strip()
        out.append((_decoded(urljoin(url, href)), node.text().strip()))
    return out


def test_index_page_links_each_item_to_its_own_sub_page(
    site: ServedSite, client: httpx.Client
) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    html = client.get(index).text
    tree = LexborHTMLParser(html)
    headings = [h.text().strip() for h in tree.css("div.ita-section h2")]
    assert headings == ["ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", "ตัวชี้วัดที่ 10 การป้องกันการทุจริต"]
    items = {}
    for node in tree.css("div.ita-section a.item"):
        code = node.css_first("span.code").text().strip()
        items[code] = _decoded(urljoin(index, node.attributes.get("href") or ""))
    assert set(items) == set(ITEMS)
    for code, url in items.items():
        assert url == site.url(_subpage(code)), code
    # The index page itself links no document and no outside file host.
    for link in page_links(html, index):
        path = urlsplit(link).path.lower()
        assert not path.endswith(DOCUMENT_SUFFIXES), link
        assert "drive" not in (urlsplit(link).hostname or ""), link


def test_sub_pages_hold_the_evidence(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    for code, item in truth.items():
        page = site.url(_subpage(code))
        response = client.get(page)
        assert response.status_code == 200, code
        linked = {url for url, _ in _links(client, page, "ul.docs a[href]")}
        cited = [ref for ref in item["evidence"] if ref != _subpage(code)]
        wanted = {_decoded(site.url(ref)) for ref in cited if "usercontent" not in ref}
        if item["verdict"] == "missing":
            assert not linked, code
            continue
        assert linked & wanted, code
    o22 = client.get(site.url("/ita/2568/o22")).text
    assert "อยู่ระหว่างรวบรวมข้อมูล" in o22 and ".pdf" not in o22
    # Vague link texts and descriptions that do not tell the year or the period.
    texts = {code: [text for _, text in _links(client, site.url(_subpage(code)), "ul.docs a")]
             for code in ("O2", "O11", "O12", "O24")}  # fmt: skip
    assert texts == {"O2": ["คลิก"], "O11": ["ดาวน์โหลด"], "O12": ["คลิกที่นี่"],
                     "O24": ["ดาวน์โหลดเอกสาร"]}  # fmt: skip
    o6 = LexborHTMLParser(client.get(site.url("/ita/2568/o6")).text).css_first("ul.docs").text()
    assert "ไตรมาส" not in o6 and "(Excel)" in o6
    for code in ("O14", "O19"):
        body = (
            LexborHTMLParser(client.get(site.url(_subpage(code))).text)
            .css_first("div.ita-item")
            .text()
        )
        assert not re.search(r"25[67]\d|๒๕[๖๗][๐-๙]", body.split("ปรับปรุงล่าสุด")[0]), code


def test_last_years_page_keeps_old_files(site: ServedSite, client: httpx.Client) -> None:
    links = {url for url, _ in _links(client, site.url("/ita/2567/"))}
    for ref in (
        "/uploads/ita2567/NoGift-2567.pdf",
        "/uploads/ita2567/O19-complaint-stat-2566.pdf",
        "/uploads/hr/แผนบริหารและพัฒนาทรัพยากรบุคคล_2563-2567.pdf",
    ):
        assert _decoded(site.url(ref)) in links, ref
    old = _squeeze(_text_of(client, site.url("/uploads/ita2567/NoGift-2567.pdf")))
    assert "สมเกียรติ" in old and "๒๕๖๖" in old


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@dcraft" in home
    assert f"http://www.facebook.com:{site.port}/dcraft.thailand" in home
    assert f"http://eservice.dcraft.go.th:{site.port}/craftsman/search" in home
    for ref in ("//line.me/R/ti/p/@dcraft", "//www.facebook.com/dcraft.thailand", ESERVICE):
        assert client.get(site.url(ref)).status_code == 200, ref
    general = client.get(site.url("/complaint/")).text
    assert "<form" in general and "/complaint/corruption" in general
    assert "<form" in client.get(site.url("/qa/")).text


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)["items"]
    broken = {ref for item in truth.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken:
                continue
            response = http.get(site.url(path), follow_redirects=True)
            assert response.status_code == 200 and response.content, path
    assert broken <= set(depths)
    assert depths["/ita/2568/"] == 1
    for code, item in truth.items():
        assert depths[_subpage(code)] == 2, code
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        for ref in on_site:
            assert ref in depths and depths[ref] <= 3, (code, ref)
    assert "/backend/" in depths and "/ita/2567/" in depths
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_backend(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /backend/" in robots
        login = http.get(site + "/backend/", follow_redirects=True)
        assert str(login.url).endswith("/backend/login") and 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/backend/", "/backend/login"]
