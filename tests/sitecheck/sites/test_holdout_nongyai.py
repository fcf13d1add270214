"""Self-test of the hold-out site ``nongyai``: it serves what its truth says.

องค์การบริหารส่วนตำบลหนองใหญ่ was built without reading the checker's judging code; like the
other hold-out self-tests, this one checks the site with its own means only (HTTP answers,
links, the project's document reader), never with the checker's parser or judge.

The site runs on a commercial local-government CMS: its ITA page ``/ita.php`` holds both
years in Bootstrap tabs (the 2567 pane hidden by CSS), and many rows link to listings of the
CMS's document centre (``/datacenter.php?cat=N``, paginated) holding files of several years.
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

NAME = "nongyai"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DC = "/upload/datacenter/"
FILES = "/upload/files/"
PRIVATE = "1nYsTaT2567sErViCeStAtXyZqw"

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's header, sidebar and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/structure.php": (
        ["แผนผังโครงสร้าง", "ฝ่ายการเมือง", "ฝ่ายข้าราชการประจำ", "หน้าที่และอำนาจ", "กองคลัง"],
        [],
    ),
    "/personnel.php?dep=1": (
        ["นายกองค์การบริหารส่วนตำบลหนองใหญ่", "รองนายก", "<img", "0817654321", "dep=2"],
        [],
    ),
    "/personnel.php?dep=2": (["ปลัดองค์การบริหารส่วนตำบลหนองใหญ่", "รองปลัด", "<img"], []),
    "/contact.php": (
        ["45170", "saraban@nongyai.go.th", "แผนที่ตั้ง", "<iframe", "@nongyai.sao", "/webboard.php"],
        [],
    ),
    "/webboard.php": (["<form", "/webboard.php?topic=45", "LINEOfficialAccount"], []),
    "/news.php?cat=1": (
        ["18เมษายน2568", "25ตุลาคม2567", "/news_detail.php?id=219", "page=2"],
        ["2566", "กันยายน2567"],
    ),
    "/news_detail.php?id=219": (["24มกราคม2568", "คุณธรรมจริยธรรม", "Dos&amp;Don'ts"], []),
    "/news_detail.php?id=212": (["20ธันวาคม2567", "ประชาคม", ".pdf"], []),
    "/news_detail.php?id=207": (["12พฤศจิกายน2567", "NoGiftPolicy", "ประกาศเจตนารมณ์"], []),
    "/page.php?id=7": (["ประมวลจริยธรรม", "/news_detail.php?id=219", ".pdf"], []),
    "/page.php?id=8": (["ประกาศ-NoGiftPolicy-2568.pdf", "/news_detail.php?id=207"], []),
    "/eservice.php": (["ไม่ต้องเดินทาง", "/forms/d/e/"], []),
    "/complaint.php?type=corruption": (
        ["<form", "แยกจากการร้องเรียนทั่วไป", "ไม่จำเป็นต้องระบุชื่อ"],
        [],
    ),
    DC + "file_1664418702.pdf": (
        ["(พ.ศ.๒๕๖๖–๒๕๗๐)", "ยุทธศาสตร์การพัฒนา", "เป้าประสงค์", "ตัวชี้วัด", "ค่าเป้าหมาย"],
        [],
    ),
    DC + "file_1730785315.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๘", "ผลผลิตของโครงการ", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        [],
    ),
    DC + "file_1744012876.pdf": (["๓๑มีนาคม๒๕๖๘", "ผลการดำเนินงาน", "เบิกจ่ายแล้ว(บาท)"], []),
    DC + "file_1734339108.pdf": (  # broken sara am: phrases without it
        [
            "พ.ศ.๒๕๖๗",
            "งบประมาณที่ได้รับจัดสรร",
            "เบิกจ่ายจริง",
            "วันที่เริ่มต้น",
            "วันที่สิ้นสุด",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["๒๕๖๘"],
    ),
    DC + "file_1718245530.pdf": (
        ["คู่มือการปฏิบัติงาน", "เจ้าพนักงานจัดเก็บรายได้", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    DC + "file_1718245611.pdf": (
        [
            "ชื่องานบริการ",
            "ระยะเวลาดำเนินการรวม",
            "ค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
            "ช่องทางการให้บริการ",
            "E-Service",
        ],
        [],
    ),
    DC + "file_1744185239.pdf": (
        [
            "งบลงทุน",
            "พ.ศ.๒๕๖๘",
            "แหล่งที่มาของงบประมาณ",
            "๓๑มีนาคม๒๕๖๘",
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
    DC + "file_1730352840.pdf": (
        ["พ.ศ.๒๕๖๗", "จำนวนรายการ", "งบประมาณที่ใช้", "เลขที่โครงการ", "วันสิ้นสุดสัญญา"],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    DC + "file_1696309452.pdf": (["๒๕๖๗–๒๕๖๙", "ไม่ใช้งบประมาณ", "ระยะเวลาดำเนินการ"], []),
    DC + "file_1731394160.pdf": (
        [
            "พ.ศ.๒๕๖๗",
            "ผลการดำเนินการ",
            "ผลการใช้จ่ายงบประมาณ",
            "จำนวนผู้เข้ารับการฝึกอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["อัตรากำลัง", "ประเภทตำแหน่ง"],
    ),
    FILES + "ประมวลจริยธรรมพนักงานส่วนตำบล-อบต.หนองใหญ่.pdf": (
        ["ประมวลจริยธรรมของพนักงานส่วนท้องถิ่น", "ข้อกำหนดจริยธรรม"],
        [],
    ),
    FILES + "คู่มือการจัดการเรื่องร้องเรียนการทุจริต.pdf": (
        ["ผู้ถูกร้องเรียน", "ช่องทางการร้องเรียน", "ขั้นตอนการดำเนินการ", "ระยะเวลา", "ส่วนงานที่รับผิดชอบ"],
        [],
    ),
    FILES + "รายงานผลการจัดประชาคมหมู่บ้าน-ปี2568.pdf": (
        ["ประเด็นการมีส่วนร่วม", "ผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม", "การนำผลไปปรับปรุง", "๒๐ธันวาคม๒๕๖๗"],
        [],
    ),
    FILES + "ประกาศ-NoGiftPolicy-2568.pdf": (
        ["NoGiftPolicy", "ไม่รับของขวัญและของกำนัลทุกชนิด", "๒๘ตุลาคมพ.ศ.๒๕๖๗", "นายสมพงษ์ทองมา"],
        [],
    ),
    DC + "file_1700457712.pdf": (
        ["พ.ศ.๒๕๖๗", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการ", "การจัดซื้อจัดจ้าง"],
        ["๒๕๖๘"],
    ),
    DC + "file_1665032290.pdf": (["(พ.ศ.๒๕๖๖–๒๕๗๐)", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"], []),
    DC + "file_1729758804.pdf": (
        ["พ.ศ.๒๕๖๗", "ผลการดำเนินการ", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    DC + "file_1711593307.pdf": (
        ["พ.ศ.๒๕๖๖", "จุดอ่อน", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
        ["๒๕๖๘"],
    ),
    DC + "file_1730096455.pdf": (["พ.ศ.๒๕๖๗", "สรุปผลการดำเนินการ", "ผลลัพธ์"], []),
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


def _ita_rows(site: ServedSite, html: str, pane: str) -> list[tuple[str, str, str | None]]:
    """(code, title, href as a truth ref or None) of each item row of one tab pane."""
    tree = LexborHTMLParser(html).css_first(f"div.tab-pane#{pane}")
    assert tree is not None, pane
    rows = []
    for tr in tree.css("table.ita-table tbody tr"):
        cells = tr.css("td")
        if len(cells) != 3:
            assert "topic" in (tr.attributes.get("class") or ""), tr.html
            continue
        anchor = cells[2].css_first("a[href]")
        href = None
        if anchor is not None:
            href = _ref(site, urljoin(site + "/ita.php", anchor.attributes.get("href") or ""))
        else:
            assert cells[2].text().strip() == "-"
        rows.append((cells[0].text().strip(), cells[1].text().strip(), href))
    return rows


def _listing(site: ServedSite, client: httpx.Client, ref: str) -> list[tuple[str, str]]:
    """(shown name, file ref) of each entry of one document-centre listing page."""
    response = client.get(site.url(ref))
    assert response.status_code == 200, ref
    entries = []
    for tr in _content(response.text).css("table.datacenter tbody tr"):
        anchor = tr.css("td")[1].css_first("a[href]")
        assert anchor is not None
        url = urljoin(site.url(ref), anchor.attributes.get("href") or "")
        entries.append((anchor.text().strip(), _ref(site, url)))
    return entries


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_the_site_loads_by_name() -> None:
    site = load_site(NAME)
    assert site.name == NAME and site.start == "/"
    assert load_truth(NAME)["site"] == NAME
    with serve(NAME) as base, httpx.Client(timeout=10) as http:
        assert http.get(base.start_url).status_code == 200
        assert http.get(base + "/ita.php").status_code == 200
        assert base.errors == []


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
            assert 2568 not in item["years"], code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    site = load_site(NAME)
    assert any(doc.text_layer == "broken_sara_am" for doc in site.docs.values())
    assert 20 <= len(site.docs) <= 40
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
            assert urlsplit(str(response.url)).hostname != "accounts.google.com", (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O11", "O19"}
    (drive,) = truth["O11"]["evidence"]
    assert PRIVATE in drive and site.site.drive[PRIVATE].private
    response = client.get(site.url(drive), follow_redirects=True)
    assert urlsplit(str(response.url)).hostname == "accounts.google.com"
    assert 'type="password"' in response.text
    (dead,) = truth["O19"]["evidence"]
    assert client.get(site.url(dead)).status_code == 404
    assert site.site.doc_at(dead) is None


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


def test_the_ita_page_holds_both_years_in_tabs(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    assert truth["index_page"] == "/ita.php"
    html = client.get(site.url("/ita.php")).text
    tabs = [a.text().strip() for a in LexborHTMLParser(html).css("ul.nav-tabs a")]
    assert tabs == ["ITA ปี 2568", "ITA ปี 2567"]
    panes = LexborHTMLParser(html).css("div.tab-content > div.tab-pane")
    assert [(p.id, "active" in (p.attributes.get("class") or "")) for p in panes] == [
        ("ita2568", True),
        ("ita2567", False),
    ]
    css = client.get(site.url("/css/template-green.css")).text
    assert ".tab-content>.tab-pane{display:none}" in css

    rows = _ita_rows(site, html, "ita2568")
    assert [code for code, _, _ in rows] == [item.code for item in FRAMEWORK.items]
    for code, title, href in rows:
        assert title == ITEMS[code].title.replace("E–Service", "E-Service"), code
        item = truth["items"][code]
        if code == "O22":
            assert href is None and item["verdict"] == "missing"
        elif code == "O24":  # links a listing that does not hold the item
            assert href == "/datacenter.php?cat=18" and item["verdict"] == "missing"
        else:
            assert href in item["evidence"], (code, href)
    links = {code: href for code, _, href in rows}
    assert links["O12"] == links["O13"] == "/datacenter.php?cat=12"
    assert links["O23"] == links["O25"] == links["O26"] == "/datacenter.php?cat=18"

    # Last year's pane: other codes (O1–O36), the same listings, an item with no link.
    last = _ita_rows(site, html, "ita2567")
    assert [code for code, _, _ in last] == [f"O{n}" for n in range(1, 37)]
    old = {code: (title, href) for code, title, href in last}
    assert old["O28"][1] is None and "No Gift" in old["O28"][0]
    assert old["O29"] == ("การประเมินความเสี่ยงการทุจริตประจำปี", "/datacenter.php?cat=18")
    assert old["O35"][1] == links["O27"]  # the same measures document in both years
    assert old["O24"][1] == DC + "file_1697432261.pdf"


def test_listings_hold_several_years(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    # Each cited document is an entry of the listing its row links.
    for code, item in truth.items():
        listings = [ref for ref in item["evidence"] if ref.startswith("/datacenter.php?")]
        files = [ref for ref in item["evidence"] if ref.startswith(DC)]
        if not listings or item["verdict"] == "broken":
            continue
        listed = {ref for listing in listings for _, ref in _listing(site, client, listing)}
        assert set(files) <= listed, code
    # Newest first, Thai numerals, five per page with a second page.
    plans = _listing(site, client, "/datacenter.php?cat=5")
    assert len(plans) == 5
    assert [ref for _, ref in plans[:2]] == [DC + "file_1744012876.pdf", DC + "file_1730785315.pdf"]
    assert "ประจำปีงบประมาณ ๒๕๖๘" in plans[1][0] and "๒๕๖๗" in plans[3][0]
    assert _listing(site, client, "/datacenter.php?cat=5&page=2") == [
        ("แผนการดำเนินงาน ประจำปีงบประมาณ ๒๕๖๕", DC + "file_1635499834.pdf")
    ]
    procurement = _listing(site, client, "/datacenter.php?cat=12")
    assert [ref for _, ref in procurement].index(DC + "file_1730352840.pdf") == 4
    assert sum(ref.endswith(".xlsx") for _, ref in procurement) == 3
    assert len(_listing(site, client, "/datacenter.php?cat=12&page=2")) == 2
    # The anti-corruption listing: no FY2568 risk assessment, no risk-management report.
    names = [name for name, _ in _listing(site, client, "/datacenter.php?cat=18")]
    assert not any("๒๕๖๘" in name for name in names)
    assert sum("การประเมินความเสี่ยง" in name for name in names) == 2
    assert not any("จัดการความเสี่ยง" in name for name in names)
    # Nothing on the site is a gift report.
    for cat in (1, 3, 5, 7, 9, 12, 15, 18, 21):
        for name, _ in _listing(site, client, f"/datacenter.php?cat={cat}"):
            assert "ของขวัญ" not in name and "ทรัพย์สินหรือประโยชน์" not in name, name


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://www.facebook.com:{site.port}/nongyai.sao" in home
    assert f"http://line.me:{site.port}/R/ti/p/@nongyai.sao" in home
    for ref in ("//www.facebook.com/nongyai.sao", "//line.me/R/ti/p/@nongyai.sao"):
        assert client.get(site.url(ref)).status_code == 200, ref
    general = _content(client.get(site.url("/complaint.php")).text).html or ""
    assert "<form" in general and "/complaint.php?type=corruption" in general
    topic = client.get(site.url("/webboard.php?topic=44")).text
    assert "ตอบโดย admin กองช่าง" in topic
    form = client.get(site.url(load_truth(NAME)["items"]["O10"]["evidence"][1])).text
    assert "<form" in form


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    assert len([path for path in depths if not path.endswith((".pdf", ".xlsx"))]) >= 40
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken:
                assert http.get(site.url(path)).status_code == 404, path
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
        login = http.get(site + "/admin/login.php")
        assert 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/admin/"]
