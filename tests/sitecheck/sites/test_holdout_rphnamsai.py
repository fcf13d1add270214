"""Self-test of the hold-out hospital site ``rphnamsai``: it serves what its truth says.

โรงพยาบาลน้ำใส was built without reading the checker's judging code; like the other hold-out
self-tests, this one checks the site with its own means only (HTTP answers, links, the
project's document reader), never with the checker's parser or judge.

The hospital's old PHP site has a separate ITA subsystem: ``/ita/index.php?year=2569`` lists
the items in tables by indicator, each linking ``/ita/detail.php?id=N&year=2569``, an item
page with a table of attachments (``/ita/files/2569/<id>_<n>.<ext>``) and/or links to pages
of the main site. Last year's listing (``?year=2568``) has its own item pages and files.
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

NAME = "rphnamsai"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
INDEX = "/ita/index.php?year=2569"
LAST_YEAR = "/ita/index.php?year=2568"
F69 = "/ita/files/2569/"
QUEUE = "//queue.rphnamsai.go.th/"


def detail(item_id: int, year: int = 2569) -> str:
    return f"/ita/detail.php?id={item_id}&year={year}"


# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's header, menu and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    F69 + "141_1.pdf": (
        ["แผนผังโครงสร้าง", "ตำแหน่งที่สำคัญและการแบ่งส่วนงานภายใน", "หน้าที่และอำนาจ", "กลุ่มงานการพยาบาล"],
        [],
    ),
    "/about/structure.php": (["กลุ่มภารกิจด้านอำนวยการ", "กลุ่มงานบริหารทั่วไป", "141_1.pdf"], []),
    "/about/executives.php": (
        [
            "ผู้อำนวยการโรงพยาบาลน้ำใส",
            "รองผู้อำนวยการฝ่ายการแพทย์",
            "รองผู้อำนวยการฝ่ายบริหาร",
            "นายแพทย์กฤษดา วงศ์ธาราทิพย์",
            "<img",
            "director.namsai@moph.go.th",
        ],
        [],
    ),
    "/contact.php": (
        ["45190", "0 4356 1120", "namsaihospital@moph.go.th", "แผนที่ตั้ง", "<iframe", "@rphnamsai"],
        [],
    ),
    "/faq.php": (["<form", "ถาม :", "ตอบ :"], []),
    "/news/index.php": (
        ["24 เมษายน 2569", "1 ตุลาคม 2568", "view.php?id=318", "view.php?id=301"],
        ["12 กันยายน 2568", "2567"],
    ),
    "/news/view.php?id=318": (["24 เมษายน 2569", "ไข้เลือดออก"], []),
    "/news/view.php?id=316": (["9 เมษายน 2569", "สงกรานต์"], []),
    "/news/view.php?id=311": (["12 กุมภาพันธ์ 2569", "CPR"], []),
    "/news/view.php?id=306": (["18 ธันวาคม 2568", "จริยธรรม"], []),
    "/news/view.php?id=304": (["24 ตุลาคม 2568", "No Gift Policy"], []),
    "/news/view.php?id=301": (["1 ตุลาคม 2568", "จองคิวออนไลน์"], []),
    F69 + "145_1.pdf": (["(พ.ศ. 2565 – 2568)", "ยุทธศาสตร์", "เป้าประสงค์", "ตัวชี้วัด"], ["2569"]),
    F69 + "146_1.pdf": (
        ["ประจำปีงบประมาณ พ.ศ. 2569", "ผลผลิต/ตัวชี้วัด", "งบประมาณ (บาท)", "ระยะเวลาดำเนินการ"],
        [],
    ),
    F69 + "146_2.xlsx": (["31 มีนาคม 2569", "ผลการดำเนินงาน", "ผลการใช้จ่ายงบประมาณ"], []),
    F69 + "147_1.pdf": (
        [
            "ประจำปีงบประมาณ พ.ศ. 2568",
            "ผลการดำเนินงาน",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่ายงบประมาณ",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["ระยะเวลา", "เริ่ม", "สิ้นสุด", "ต.ค.", "ก.ย."],
    ),
    F69 + "148_1.docx": (["คู่มือการปฏิบัติงาน", "เจ้าพนักงานเวชสถิติ", "ขั้นตอนการปฏิบัติงาน"], []),
    F69 + "149_1.pdf": (
        [
            "การขอสำเนาเวชระเบียน",
            "ขั้นตอน",
            "ระยะเวลา",
            "ช่องทางการให้บริการ",
            "ส่วนงานที่รับผิดชอบ",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
        ],
        [],
    ),
    "/service/online.php": (
        ["ไม่ต้องเดินทางมาที่โรงพยาบาล", "queue.rphnamsai.go.th", "สถิติการใช้บริการ"],
        [],
    ),
    QUEUE: (["<form", "ระบบจองคิวตรวจออนไลน์", "ไม่ต้องเดินทางมารอคิว"], []),
    F69 + "151_1.pdf": (
        [
            "สขร.1",
            "เดือนตุลาคม 2568",
            "เดือนพฤศจิกายน 2568",
            "เดือนธันวาคม 2568",
            "ราคากลาง",
            "เลขที่และวันที่ของสัญญาหรือข้อตกลง",
        ],
        [],
    ),
    F69 + "151_2.pdf": (
        [
            "พ.ศ. ๒๕๖๙",
            "เดือนมกราคม ๒๕๖๙",
            "ไม่มีการจัดซื้อจัดจ้างในเดือนกุมภาพันธ์ ๒๕๖๙",
            "เดือนมีนาคม ๒๕๖๙",
        ],
        ["2569"],
    ),
    F69 + "152_1.pdf": (
        ["พ.ศ. 2568", "วิธีเฉพาะเจาะจง", "จำนวนรายการ", "งบประมาณที่ใช้ในการจัดซื้อจัดจ้าง"],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    F69 + "152_2.xlsx": (
        [
            "เลขที่โครงการ",
            "วงเงินงบประมาณที่ได้รับจัดสรร",
            "แหล่งที่มาของงบประมาณ",
            "สถานะการจัดซื้อจัดจ้าง",
            "ราคากลาง",
            "ราคาที่ตกลงซื้อหรือจ้าง",
            "เลขประจำตัวผู้เสียภาษี",
            "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
            "วันที่ลงนามในสัญญา",
            "วันสิ้นสุดสัญญา",
        ],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    F69 + "154_1.pdf": (
        [
            "โรงพยาบาลน้าใส",
            "พ.ศ. 2568",
            "ผลการใช้จ่าย",
            "วันเริ่มต้น–วันสิ้นสุด",
            "ประเภทตำแหน่ง",
            "ผู้เข้ารับการฝึกอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["โรงพยาบาลน้ำใส"],  # the broken text layer
    ),
    F69 + "155_1.pdf": (["ประมวลจริยธรรมข้าราชการพลเรือน", "ข้อกำหนดจริยธรรม"], []),
    F69 + "155_2.pdf": (
        ["ปีงบประมาณ พ.ศ. 2569", "คณะทำงานขับเคลื่อนจริยธรรม", "Dos & Don'ts", "18 ธันวาคม 2568"],
        [],
    ),
    F69 + "156_1.pdf": (
        [
            "ผู้ถูกร้องเรียน",
            "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
            "ขั้นตอนการจัดการเรื่องร้องเรียน",
            "ส่วนงานที่รับผิดชอบ",
            "ระยะเวลาดำเนินการ",
        ],
        [],
    ),
    "/complaint/corruption.php": (
        ["<form", "แยกจากช่องทางร้องเรียนการให้บริการทั่วไป", "ความลับ", "ไม่จำเป็นต้องระบุชื่อ"],
        [],
    ),
    F69 + "158_1.pdf": (
        [
            "พ.ศ. ๒๕๖๘",
            "จำนวนเรื่องร้องเรียนทั้งหมด",
            "ดำเนินการแล้วเสร็จ",
            "อยู่ระหว่างดำเนินการ",
            "ไม่มีเรื่องร้องเรียน",
        ],
        ["2568"],
    ),
    F69 + "160_1.pdf": (
        [
            "No Gift Policy",
            "พ.ศ. ๒๕๖๙",
            "๑๐ ตุลาคม พ.ศ. ๒๕๖๘",
            "นายแพทย์กฤษดา วงศ์ธาราทิพย์",
            "ไม่รับของขวัญและของกำนัลทุกชนิด",
        ],
        ["วิชัย"],
    ),
    F69 + "160_2.pdf": (
        ["ประโยชน์อื่นใดโดยธรรมจรรยา", "๒๔ ตุลาคม ๒๕๖๘", "๑๘ ธันวาคม ๒๕๖๘"],
        [],
    ),
    F69 + "161_1.pdf": (
        ["พ.ศ. 2569", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการในการบริหารจัดการความเสี่ยง"],
        [],
    ),
    "/ita/files/2568/112_1.pdf": (
        ["แผนปฏิบัติการป้องกันการทุจริต", "พ.ศ. 2568", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        ["2569"],
    ),
    F69 + "164_1.pdf": (
        ["พ.ศ. 2568", "ผลการดำเนินการ", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    F69 + "166_1.pdf": (["พ.ศ. 2568", "มาตรการ", "สรุปผลการดำเนินการ", "ผลลัพธ์"], []),
    detail(159): (["ยังไม่มีข้อมูล"], ["ดาวน์โหลด", "/ita/files/"]),
    detail(165): (["ยังไม่มีข้อมูล"], ["ดาวน์โหลด", "/ita/files/"]),
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
    """The content area: ``#content`` of the main site, ``.ita-body`` of the ITA pages."""
    tree = LexborHTMLParser(html)
    node = tree.css_first("#content") or tree.css_first("div.ita-body")
    return LexborHTMLParser(node.html or "") if node is not None else tree


def _links(site: ServedSite, html: str, page_url: str) -> list[str]:
    tree = _content(html)
    return [
        _ref(site, urljoin(page_url, a.attributes.get("href") or "")) for a in tree.css("a[href]")
    ]


def _index_rows(site: ServedSite, html: str, page_url: str) -> list[tuple[str, str, str]]:
    """(code, title, detail ref) of each row of an ITA listing, in order."""
    rows = []
    for tr in _content(html).css("table.oit tbody tr"):
        code = tr.css_first("td.code")
        anchor = tr.css("td a[href]")[0]
        href = _ref(site, urljoin(page_url, anchor.attributes.get("href") or ""))
        rows.append((code.text().strip() if code else "", anchor.text().strip(), href))
    return rows


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_site_is_served_by_the_shared_helpers() -> None:
    assert NAME not in SITES
    loaded = load_site(NAME)
    assert loaded.name == NAME and loaded.title == "โรงพยาบาลน้ำใส"
    assert site_dir(NAME) == loaded.folder
    assert load_truth(NAME)["site"] == NAME
    with serve(NAME) as base, httpx.Client(timeout=10) as http:
        assert http.get(base.start_url).status_code == 200
        assert base.errors == []


def test_truth_covers_every_item_honestly() -> None:
    truth = load_truth(NAME)
    assert truth["framework"] == FRAMEWORK.id and truth["fiscal_year"] == FRAMEWORK.fiscal_year
    assert truth["index_page"] == INDEX and truth["never_fetch"] == ["/admin/"]
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
    docs = load_site(NAME).docs
    assert 20 <= len(docs) <= 40
    assert [d.id for d in docs.values() if d.text_layer] == ["o14-hr-report-2568"]


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
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O13", "O22"}
    dead = client.get(site.url(F69 + "153_1.pdf"))
    assert dead.status_code == 404
    empty = client.get(site.url(F69 + "162_1.pdf"))
    assert empty.status_code == 200 and empty.content == b""
    assert empty.headers["content-type"] == TYPES["pdf"]
    for code, file_ref in (("O13", F69 + "153_1.pdf"), ("O22", F69 + "162_1.pdf")):
        assert truth[code]["evidence"][0] == file_ref
        page = truth[code]["evidence"][1]
        html = client.get(site.url(page)).text
        assert _links(site, html, site.url(page)).count(file_ref) == 1, code
        assert "ดาวน์โหลด" in html


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
    assert documents <= set(CLAIMS), "every cited document is checked"


def test_the_index_lists_every_item(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    rows = _index_rows(site, client.get(index).text, index)
    assert [code for code, _, _ in rows] == [item.code for item in FRAMEWORK.items]
    for (code, title, href), item in zip(rows, FRAMEWORK.items, strict=True):
        assert title == item.title, code
        number = int(code[1:])
        assert href == detail(140 + number), code
        entry = truth["items"][code]
        if entry["verdict"] == "missing":
            html = client.get(site.url(href)).text
            assert "ยังไม่มีข้อมูล" in html and 'table class="files"' not in html, code
            continue
        assert href in entry["evidence"], (code, href)


def test_item_pages_link_their_evidence(site: ServedSite, client: httpx.Client) -> None:
    """Each item page links every other piece of its evidence (the queue host via E-Service)."""
    for code, item in load_truth(NAME)["items"].items():
        if item["verdict"] == "missing":
            continue
        page = next(ref for ref in item["evidence"] if ref.startswith("/ita/detail.php"))
        links = set(_links(site, client.get(site.url(page)).text, site.url(page)))
        for ref in item["evidence"]:
            if ref in (page, QUEUE) or ref.startswith("/news/view.php"):
                continue
            assert ref in links, (code, ref)
    online = client.get(site.url("/service/online.php")).text
    assert QUEUE in _links(site, online, site.url("/service/online.php"))
    news = client.get(site.url("/news/index.php")).text
    listed = set(_links(site, news, site.url("/news/index.php")))
    assert {
        ref for ref in load_truth(NAME)["items"]["O4"]["evidence"] if "view.php" in ref
    } <= listed
    # This year's O23 attaches only last year's file, uploaded in 2024 (Gregorian dates).
    html = client.get(site.url(detail(163))).text
    files = [ref for ref in _links(site, html, site.url(detail(163))) if "/ita/files/" in ref]
    assert files == ["/ita/files/2568/112_1.pdf"]
    assert "2024-10-03" in html


def test_last_years_listing(site: ServedSite, client: httpx.Client) -> None:
    index_html = client.get(site.url(INDEX)).text
    links = _links(site, index_html, site.url(INDEX))
    assert LAST_YEAR in links and "ปี 2568" in index_html
    assert '<option value="2568">' in index_html
    old = client.get(site.url(LAST_YEAR)).text
    rows = _index_rows(site, old, site.url(LAST_YEAR))
    assert [code for code, _, _ in rows] == [f"O{n}" for n in range(1, 29)]
    assert all(href == detail(87 + int(code[1:]), 2568) for code, _, href in rows)
    page = detail(112, 2568)  # ita-2568 O25: the same plan file as this year's O23
    assert "/ita/files/2568/112_1.pdf" in _links(
        site, client.get(site.url(page)).text, site.url(page)
    )
    for number in (20, 27):  # nothing last year either for participation and ITA measures
        assert "ยังไม่มีข้อมูล" in client.get(site.url(detail(87 + number, 2568))).text
    for _, _, href in rows:
        html = client.get(site.url(href)).text
        for ref in _links(site, html, site.url(href)):
            if ref.startswith("/ita/files/"):
                assert client.get(site.url(ref)).status_code == 200, (href, ref)
    assert client.get(site.url("/ita/"), follow_redirects=True).url.query == b"year=2569"


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@rphnamsai" in home
    assert f"http://www.facebook.com:{site.port}/namsaihospital" in home
    for ref in ("//line.me/R/ti/p/@rphnamsai", "//www.facebook.com/namsaihospital", QUEUE):
        assert client.get(site.url(ref)).status_code == 200, ref
    general = client.get(site.url("/complaint/index.php")).text
    assert "<form" in general and "/complaint/corruption.php" in general
    assert "process3.gprocurement.go.th" not in site.dns_table()


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {F69 + "153_1.pdf"}
    depths = click_depths(site, "/")
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken:
                continue
            assert http.get(site.url(path), follow_redirects=True).status_code == 200, path
    assert depths[truth["index_page"]] == 1
    assert "/admin/" in depths
    assert F69 + "153_1.pdf" in depths and F69 + "162_1.pdf" in depths
    for code, item in items.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert min(depths.get(ref, 99) for ref in on_site) <= 2, (code, on_site)
            assert all(ref in depths for ref in on_site), code
    assert 40 <= sum(1 for p in depths if not p.startswith(("/ita/files/", "/admin"))) <= 100
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_admin(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /admin/" in robots
        login = http.get(site + "/admin/", follow_redirects=True)
        assert 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/admin/"]
