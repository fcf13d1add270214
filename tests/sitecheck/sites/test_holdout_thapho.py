"""Self-test of the hold-out sub-district site ``thapho``: it serves what its truth says.

องค์การบริหารส่วนตำบลท่าโพธิ์ was built without reading the checker's judging code; like the
other hold-out self-tests, this one checks the site with its own means only (HTTP answers,
links, the project's document reader), never with the checker's parser or judge.

The site is an old PHP template (flat ``*.php`` pages, ``news_detail.php?id=`` and
``webboard_topic.php?id=`` query strings). Its ITA page ``/ita2569.php`` is a grid of picture
buttons, ``<a href><img src="/images/ita2569/oN.png"></a>``, without alt text or captions,
under one heading per indicator and sub-indicator.
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

NAME = "thapho"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DOWNLOAD = "//drive.usercontent.google.com/download?id={}&export=download"
ITA = "/upload/ita2569/"
DOC = "/upload/doc/"

# The headings of the ITA grid and the buttons under each.
GROUPS = {
    "9.1 ข้อมูลพื้นฐาน": ["O1", "O2", "O3", "O4"],
    "9.2 การบริหารงานและการใช้จ่ายงบประมาณ": ["O5", "O6", "O7", "O8", "O9", "O10"],
    "9.3 การจัดซื้อจัดจ้าง": ["O11", "O12"],
    "9.4 การบริหารและพัฒนาทรัพยากรบุคคล": ["O13", "O14", "O15"],
    "9.5 การส่งเสริมความโปร่งใส": ["O16", "O17", "O18", "O19"],
    "10.1 การดำเนินการเพื่อป้องกันการทุจริต": ["O20", "O21", "O22", "O23", "O24"],
    "10.2 มาตรการภายในเพื่อส่งเสริมคุณธรรมและความโปร่งใส": ["O25", "O26"],
}

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's menus and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    ITA + "O1.pdf": (
        ["แผนผังโครงสร้างฝ่ายการเมือง", "ฝ่ายข้าราชการประจำ", "งานพัสดุและทรัพย์สิน", "หน้าที่และอำนาจ"],
        [],
    ),
    "/structure.php": (["<img", "โครงสร้างส่วนราชการ", ITA + "O1.pdf"], []),
    "/executive.php": (
        [
            "นายสุเทพ มั่นคงดี",
            "รองนายกองค์การบริหารส่วนตำบลท่าโพธิ์",
            "ปลัดองค์การบริหารส่วนตำบลท่าโพธิ์",
            "รองปลัดองค์การบริหารส่วนตำบลท่าโพธิ์",
            "<img",
            "โทร. 08 1675 2201",
        ],
        [],
    ),
    "/contact.php": (
        [
            "65230",
            "0 5590 1234",
            "saraban@thapho.go.th",
            "แผนที่ตั้ง",
            "LINE Official Account",
            "/webboard.php",
        ],
        [],
    ),
    "/webboard.php": (["<form", "webboard_topic.php?id=54"], []),
    "/news.php": (["28 เมษายน 2569", "6 พฤศจิกายน 2568", "news_detail.php?id=323"], ["2567"]),
    DOC + "20221003_091215_devplan.pdf": (
        ["(พ.ศ. 2566 – 2570)", "ยุทธศาสตร์", "เป้าหมาย", "ตัวชี้วัด"],
        [],
    ),
    DOC + "20251030_140522_a81c.pdf": (
        ["ประจำปีงบประมาณ พ.ศ. 2569", "ผลผลิต", "งบประมาณ (บาท)", "ระยะเวลาดำเนินงาน"],
        [],
    ),
    DOC + "20260408_101044_f3d2.pdf": (
        ["ข้อมูล ณ วันที่ 31 มีนาคม 2569", "เบิกจ่ายแล้ว (บาท)", "ผลการดำเนินงาน"],
        [],
    ),
    ITA + "O7.pdf": (
        [
            "พ.ศ. ๒๕๖๘",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่ายงบประมาณ",
            "ผลการดำเนินงาน",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["ระยะเวลา", "วันที่เริ่ม", "สิ้นสุด"],
    ),
    DOWNLOAD.format("1TpH08StaffManualTaxCollect2568Qw"): (
        ["คู่มือการปฏิบัติงาน", "ผู้ปฏิบัติงาน", "เจ้าพนักงานจัดเก็บรายได้", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    DOC + "คู่มือสำหรับประชาชน-ขออนุญาตก่อสร้างอาคาร.pdf": (
        ["ชื่องาน", "ขั้นตอน", "ระยะเวลา", "ช่องทางการให้บริการ", "ค่าธรรมเนียม", "กฎหมายที่เกี่ยวข้อง"],
        [],
    ),
    DOC + "คู่มือประชาชน-ลงทะเบียนเบี้ยยังชีพผู้สูงอายุ.docx": (["ไม่มีค่าธรรมเนียม"], []),
    "/eservice.php": (["ไม่ต้องเดินทาง", "docs.google.com", "สถิติการใช้บริการ E-Service"], []),
    DOC + "sorkor1_oct-dec2568.pdf": (
        [
            "ประจำเดือนตุลาคม 2568",
            "ประจำเดือนธันวาคม 2568",
            "ราคากลาง",
            "วิธีซื้อหรือจ้าง",
            "เลขที่และวันที่ของสัญญาหรือข้อตกลง",
        ],
        [],
    ),
    DOC + "sorkor1_jan-mar2569.xlsx": (
        ["มกราคม 2569", "กุมภาพันธ์ 2569", "เดือนมีนาคม 2569 ไม่มีการจัดซื้อจัดจ้าง"],
        [],
    ),
    ITA + "O12.pdf": (
        ["พ.ศ. 2568", "วิธีการจัดซื้อจัดจ้าง", "จำนวนรายการ", "งบประมาณที่ใช้ในการจัดซื้อจัดจ้าง (บาท)"],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    ITA + "O12-รายงานผลรายโครงการ-2568.xlsx": (
        [
            "งานที่ซื้อหรือจ้าง",
            "วงเงินงบประมาณที่ได้รับจัดสรร",
            "แหล่งที่มาของงบประมาณ",
            "สถานะการจัดซื้อจัดจ้าง",
            "ราคากลาง",
            "ราคาที่ตกลงซื้อหรือจ้าง",
            "เลขประจำตัวผู้เสียภาษี",
            "รายชื่อผู้ประกอบการ",
            "เลขที่โครงการ",
            "วันที่ลงนามในสัญญา",
            "วันสิ้นสุดสัญญา",
        ],
        ["ปัญหา", "ข้อเสนอแนะ"],
    ),
    DOC + "แผนพัฒนาบุคลากร-อบต.ท่าโพธิ์-2567-2569.pdf": (
        [
            "๒๕๖๗ – ๒๕๖๙",
            "การสรรหาและคัดเลือก",
            "การบรรจุและแต่งตั้ง",
            "การพัฒนาบุคลากร",
            "การประเมินผลการปฏิบัติราชการ",
            "การให้คุณให้โทษ",
            "ขวัญกำลังใจ",
            "งบประมาณ (บาท)",
            "ระยะเวลาดำเนินการ",
        ],
        [],
    ),
    ITA + "O14.pdf": (
        [
            "พ.ศ. 2568",
            "ผลการดำเนินการ",
            "ผลการใช้จ่าย",
            "วันที่เริ่ม – วันที่สิ้นสุด",
            "ประเภทตำแหน่ง",
            "ผู้เข้ารับการฝึกอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        [],
    ),
    DOC + "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น.pdf": (["ประมวลจริยธรรม", "ข้อกำหนดจริยธรรม"], []),
    "/news_detail.php?id=312": (
        ["16 ธันวาคม 2568", "เสริมสร้างมาตรฐานทางจริยธรรม", "Don'ts"],
        [],
    ),
    ITA + "O18.pdf": (["พ.ศ. 2568", "เรื่องร้องเรียนทั้งหมด", "แล้วเสร็จ", "อยู่ระหว่าง"], []),
    "/complaint_corrupt.php": (
        ["<form", "แยกจากการร้องเรียนทั่วไป", "ไม่จำเป็นต้องระบุชื่อ"],
        [],
    ),
    "/news_detail.php?id=323": (
        ["12 กุมภาพันธ์ 2569", "ประเด็นการประชาคม", "ผู้เข้าร่วมประชาคม", "186 คน", "ผลการประชาคม"],
        ["นำผล", "ปรับปรุง", "บรรจุ", "แผนพัฒนา"],
    ),
    DOC + "20251010_093312_nogift.pdf": (
        ["No Gift Policy", "๑๐ ตุลาคม พ.ศ. ๒๕๖๘", "นายสุเทพ มั่นคงดี", "ไม่รับของขวัญ"],
        [],
    ),
    "/news_detail.php?id=305": (
        ["20 พฤศจิกายน 2568", "ประโยชน์อื่นใดโดยธรรมจรรยา", "ไม่รับของขวัญ"],
        [],
    ),
    ITA + "O21.pdf": (
        [
            "พ.ศ. ๒๕๖๙",
            "เหตุการณ์ความเสี่ยง",
            "ระดับของความเสี่ยง",
            "มาตรการในการบริหารจัดการความเสี่ยง",
        ],
        [],
    ),
    DOC + "แผนปฏิบัติการป้องกันการทุจริต-4ปี-2565-2568.pdf": (
        ["(พ.ศ. ๒๕๖๕ – ๒๕๖๘)", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        ["๒๕๖๙", "2569"],
    ),
    ITA + "O24.pdf": (
        ["พ.ศ. ๒๕๖๘", "ผลการดำเนินการ", "งบประมาณที่ใช้ดำเนินการ", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    DOC + "มาตรการส่งเสริมคุณธรรมและความโปร่งใส-ปี2568.pdf": (
        ["พ.ศ. ๒๕๖๘", "ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", "จุดอ่อน", "ผู้รับผิดชอบ", "การกำกับติดตาม"],
        ["๒๕๖๙", "2569"],
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


def _links(site: ServedSite, html: str, page_url: str) -> set[str]:
    tree = _content(html)
    return {
        _ref(site, urljoin(page_url, a.attributes.get("href") or ""))
        for a in tree.css("a[href]")
        if not (a.attributes.get("href") or "").startswith("#")
    }


def _buttons(html: str) -> list[tuple[str, str, str, str]]:
    """(heading, code from the picture's name, href, visible text) of each grid button."""
    tree = _content(html)
    heading = ""
    out = []
    for node in tree.css("h4, div.ita-grid > a"):
        if node.tag == "h4":
            heading = node.text().strip()
            continue
        images = node.css("img")
        assert len(images) == 1
        assert "alt" not in images[0].attributes and "title" not in node.attributes
        src = images[0].attributes.get("src") or ""
        match = re.fullmatch(r"/images/ita2569/o(\d+)\.png", src)
        assert match, src
        out.append((heading, f"O{match.group(1)}", node.attributes.get("href") or "", node.text()))
    return out


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_site_loads_through_the_shared_helpers() -> None:
    """Not yet in HOLDOUT_SITES: the helpers take any folder name; never a tuning site."""
    assert NAME not in SITES
    site = load_site(NAME)
    assert site.name == NAME and site.folder == site_dir(NAME)
    assert load_truth(NAME)["site"] == NAME
    with serve(NAME) as base:
        assert httpx.get(base.start_url, timeout=10).status_code == 200


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
            assert item["years"], code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1.5 * 1024 * 1024


def _expected_type(site: ServedSite, ref: str) -> str:
    host = ref[2:].split("/", 1)[0] if ref.startswith("//") else ""
    if host == "drive.usercontent.google.com":
        file_id = parse_qs(urlsplit(ref).query)["id"][0]
        return TYPES[site.site.docs[site.site.drive[file_id].doc].kind]
    if host:
        return "text/html"
    return TYPES.get(urlsplit(ref).path.rsplit(".", 1)[-1], "text/html")


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
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O16", "O22"}
    dead = client.get(site.url(truth["O16"]["evidence"][0]))
    assert dead.status_code == 404
    private = client.get(site.url(truth["O22"]["evidence"][0]), follow_redirects=True)
    assert urlsplit(str(private.url)).hostname == "accounts.google.com"
    assert 'type="password"' in private.text
    assert site.site.drive["1TpH22RiskMgmtReport2568PrivXyZa"].private


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


def test_the_ita_page_is_a_grid_of_picture_buttons(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    html = client.get(index).text
    tree = _content(html)
    title = tree.css_first("h2")
    assert title is not None and title.text().strip() == "ITA ประจำปีงบประมาณ พ.ศ. 2569"
    headings = [node.text().strip() for node in tree.css("h3")]
    assert headings == ["ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", "ตัวชี้วัดที่ 10 การป้องกันการทุจริต"]
    buttons = _buttons(html)
    assert [code for _, code, _, _ in buttons] == [item.code for item in FRAMEWORK.items]
    assert all(not text.strip() for _, _, _, text in buttons), "no caption next to a picture"
    grouped: dict[str, list[str]] = {}
    for heading, code, _, _ in buttons:
        grouped.setdefault(heading, []).append(code)
    assert grouped == GROUPS
    for _, code, href, _ in buttons:
        item = truth["items"][code]
        if item["verdict"] == "missing":
            assert href == "#", code
            continue
        assert _ref(site, urljoin(index, href)) == item["evidence"][0], (code, href)
    # The pictures are plain images the server answers.
    picture = client.get(site.url("/images/ita2569/o1.png"))
    assert picture.status_code == 200 and picture.headers["content-type"] == "image/png"


def test_item_pages_link_their_documents(site: ServedSite, client: httpx.Client) -> None:
    """Every piece of evidence is the button's target, linked from an evidence page, or (a page)
    in the menus every page shows."""
    menus = {
        _ref(site, urljoin(site + "/", a.attributes.get("href") or ""))
        for a in LexborHTMLParser(client.get(site.url("/")).text).css("a[href]")
    }
    for code, item in load_truth(NAME)["items"].items():
        evidence = item["evidence"]
        if item["verdict"] in ("missing", "broken"):
            continue
        linked: set[str] = set()
        for ref in evidence:
            if ref.startswith("//") or _expected_type(site, ref) != "text/html":
                continue
            linked |= _links(site, client.get(site.url(ref)).text, site.url(ref))
        for ref in evidence[1:]:
            if ref.startswith("//drive.usercontent.google.com/"):
                continue
            in_menu = _expected_type(site, ref) == "text/html" and ref in menus
            assert ref in linked or in_menu, (code, ref)


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    for ref in ("//www.facebook.com/thapho.sao", "//line.me/R/ti/p/@thapho"):
        assert site.url(ref) in home, ref
        assert client.get(site.url(ref)).status_code == 200, ref
    general = _content(client.get(site.url("/complaint.php")).text).html or ""
    assert "<form" in general and "/complaint_corrupt.php" in general
    for topic in (51, 54, 57):
        answer = _content(client.get(site.url(f"/webboard_topic.php?id={topic}")).text)
        assert "admin อบต.ท่าโพธิ์" in answer.text(), topic
    form = client.get(site.url(load_truth(NAME)["items"]["O10"]["evidence"][1]))
    assert "<form" in form.text
    # Last year's operation plan stays listed next to this year's.
    listing = _links(site, client.get(site.url("/operation_plan.php")).text, site)
    assert DOC + "20241028_151730_9be0.pdf" in listing


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    assert len(depths) >= 60
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken:
                continue
            assert http.get(site.url(path), follow_redirects=True).status_code == 200, path
    assert depths[truth["index_page"]] == 1
    assert "/admin/login.php" in depths
    for code, item in items.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert min(depths.get(ref, 99) for ref in on_site) <= 2, (code, on_site)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_admin(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /admin/" in robots
        login = http.get(site + "/admin/login.php", follow_redirects=True)
        assert 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/admin/", "/admin/login.php"]
