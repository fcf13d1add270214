"""Self-test of the hold-out municipality site ``bangkhla``: it serves what its truth says.

เทศบาลตำบลบางคล้า was built without reading the checker's judging code; this test checks the
site with its own means only (HTTP answers, links, the project's document reader), never with
the checker's parser or judge.

The site is WordPress with the Elementor page builder: deep ``elementor-section`` /
``elementor-column`` / ``elementor-widget`` wrappers, a mega menu, pretty permalinks and uploads
under ``/wp-content/uploads/YYYY/MM/``. Its OIT page ``/ita-2568/`` has two Elementor toggle
widgets (indicators 9 and 10), one toggle item per sub-indicator; each item is a row written
"O.1" / "o-3" with a title, linked by an Elementor button or an icon list.
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

NAME = "bangkhla"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
UP = "/wp-content/uploads/"
SCAN = UP + "2024/10/doc02145620241015.pdf"
FB_POST = "//www.facebook.com/bangkhlacity/posts/pfbid02Kx7RmQe4bLk9ThaNVz1sWq8PdUy3Jc6oEfHnYgA5tXr"
DRIVE = "//drive.google.com/file/d/1bKLhrd2567rEpOrTPriv8xQzWm/view?usp=sharing"
DEAD = UP + "2025/04/รายงานการรับทรัพย์สิน-No-Gift-Policy-ครึ่งปี-2568.pdf"

# How the ITA page writes each item's code (the start of its row).
LABELS = {code: f"O.{code[1:]}" for code in ITEMS}
LABELS.update({"O3": "o-3", "O9": "o-9", "O14": "o-14", "O22": "o-22", "O27": "o-27"})
GROUPS = ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"]

# What documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (main#content: the header, mega menu and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/about/structure/": (
        ["แผนภูมิโครงสร้าง", "ฝ่ายการเมือง", "ฝ่ายข้าราชการประจำ", "กองช่าง", "อำนาจหน้าที่", ".png"],
        [],
    ),
    UP + "2024/10/โครงสร้างเทศบาลตำบลบางคล้า-2568.pdf": (
        ["นายกเทศมนตรีตำบลบางคล้า", "สภาเทศบาลตำบลบางคล้า", "สำนักปลัดเทศบาล", "งานพัสดุและทรัพย์สิน"],
        [],
    ),
    "/about/executives/": (
        [
            "นายประเสริฐวงศ์คล้า",
            "รองนายกเทศมนตรี",
            "ปลัดเทศบาลตำบลบางคล้า",
            "รองปลัดเทศบาลตำบลบางคล้า",
            "โทร.0819375520",
            "mayor.jpg",
        ],
        [],
    ),
    "/contact/": (
        [
            "24110",
            "saraban@bangkhla.go.th",
            "038541234",
            "แผนที่ตั้ง",
            "<iframe",
            "@bangkhla",
            "Messenger",
        ],
        [],
    ),
    "/category/news/": (
        ["18เมษายน2568", "23ตุลาคม2567", "/2025/03/21/water-supply-drought/"],
        ["2566", "กันยายน2567"],
    ),
    UP + "2024/07/แผนพัฒนาท้องถิ่น-2566-2570-แก้ไขครั้งที่1.pdf": (
        ["(พ.ศ.2566–2570)", "ยุทธศาสตร์", "เป้าประสงค์", "ตัวชี้วัด", "ปี2568"],
        [],
    ),
    UP + "2023/11/แผนการดำเนินงาน-ประจำปีงบประมาณ-2567.pdf": (
        ["ประจำปีงบประมาณพ.ศ.2567", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        ["2568"],
    ),
    "/2024/12/20/รายงานผลการดำเนินงานประจำปี-2567/": (
        [
            "ประจำปีงบประมาณพ.ศ.2567",
            "ผลการดำเนินงาน",
            "งบประมาณที่ได้รับจัดสรร(บาท)",
            "ผลการใช้จ่ายงบประมาณ(บาท)",
            "วันเริ่มต้น",
            "วันสิ้นสุด",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        [],
    ),
    UP + "2024/12/manual-land-tax-2568.pdf": (
        ["คู่มือการปฏิบัติงาน", "เจ้าพนักงานจัดเก็บรายได้", "ขั้นตอนการปฏิบัติงาน", "ผู้รับผิดชอบ"],
        [],
    ),
    "/services/building-permit/": (
        [
            "ชื่องาน",
            "ขั้นตอนการให้บริการ",
            "ระยะเวลา",
            "ช่องทางการให้บริการ",
            "ค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
        ],
        [],
    ),
    "/services/commercial-registration/": (
        ["ชื่องาน", "10นาที", "ค่าธรรมเนียม", "50บาท", "กฎหมายที่เกี่ยวข้อง"],
        [],
    ),
    "/e-service/": (["ไม่ต้องเดินทางมาที่สำนักงาน", "/forms/d/e/1FAIpQLSeBkTrash01Qx7/viewform"], []),
    UP + "2024/10/สถิติการให้บริการ-ปีงบประมาณ-2567.pdf": (
        ["ปีงบประมาณพ.ศ.2567", "(Walk-in)", "E-Service", "1936", "480"],
        [],
    ),
    UP + "2024/10/แผนการจัดซื้อจัดจ้าง-ประจำปี-2568.pdf": (
        ["พ.ศ.2568", "งบลงทุน", "แหล่งที่มาของงบประมาณ", "ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ", "e-bidding"],
        [],
    ),
    UP + "2025/04/ความก้าวหน้าการจัดซื้อจัดจ้าง-ณ-31-มี.ค.-2568.pdf": (
        [
            "31มีนาคม2568",
            "สถานะการจัดซื้อจัดจ้าง",
            "ราคากลาง",
            "ราคาที่ตกลงซื้อหรือจ้าง",
            "0243559000482",
            "บริษัทปราจีนโยธาจำกัด",
            "67129087722",
            "14ม.ค.2568",
            "13พ.ค.2568",
        ],
        [],
    ),
    UP + "2024/11/สรุปผลการจัดซื้อจัดจ้าง-ปีงบประมาณ-2567.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.2567",
            "จำแนกตามวิธีการจัดซื้อจัดจ้าง",
            "e-bidding",
            "ราคากลาง",
            "เลขที่โครงการ",
        ],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    UP + "2024/10/แผนพัฒนาบุคลากร-พ.ศ.2567-2569.pdf": (
        ["พ.ศ.2567–2569", "ปีงบประมาณพ.ศ.2568", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ", "ไม่ใช้งบประมาณ"],
        [],
    ),
    UP + "2023/03/ประมวลจริยธรรมข้าราชการส่วนท้องถิ่น.pdf": (
        ["ประมวลจริยธรรมของข้าราชการส่วนท้องถิ่น", "ข้อกำหนดจริยธรรมของเทศบาลตำบลบางคล้า"],
        ["2568", "Dos", "คณะทำงาน"],
    ),
    UP + "2024/11/คู่มือการจัดการเรื่องร้องเรียนการทุจริต-2568.pdf": (
        ["ผู้ถูกร้องเรียน", "ช่องทางแจ้งเรื่องร้องเรียน", "ขั้นตอนการจัดการ", "ส่วนงานที่รับผิดชอบ", "ภายใน30วัน"],
        [],
    ),
    "/complaint/corruption/": (
        ["<form", "แยกต่างหากจากช่องทางร้องเรียนทั่วไป", "ไม่จำเป็นต้องเปิดเผยชื่อ", 'type="file"'],
        [],
    ),
    "/2024/10/08/สถิติเรื่องร้องเรียนการทุจริต-ปีงบประมาณ-2567/": (
        ["ประจำปีงบประมาณพ.ศ.2567", "จำนวนเรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"],
        [],
    ),
    "/2024/11/12/no-gift-policy-meeting-2568/": (
        ["12พฤศจิกายน2567", "NoGiftPolicy", "ประจำปีงบประมาณพ.ศ.2568", "71คน", SCAN],
        [],
    ),
    UP + "2023/11/รายงานผลการบริหารจัดการความเสี่ยงการทุจริต-ปี-2566.pdf": (
        ["พ.ศ.2566", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการ", "ผลการดำเนินการ"],
        ["2567", "2568"],
    ),
    UP + "2022/12/แผนปฏิบัติการป้องกันการทุจริต-2566-2570.pdf": (
        ["(พ.ศ.2566–2570)", "2568", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        [],
    ),
    UP + "2024/10/รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต-ประจำปี-2567.pdf": (
        ["พ.ศ.2567", "ผลการดำเนินการ", "งบประมาณที่ใช้(บาท)", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    UP + "2025/01/มาตรการส่งเสริมคุณธรรมและความโปร่งใส-2568.pdf": (
        [
            "2567",
            "จุดอ่อน",
            "ต้องพัฒนาให้ดีขึ้น",
            "E-Service",
            "การใช้ทรัพย์สินของราชการ",
            "ผู้รับผิดชอบ",
            "ระยะเวลา",
            "การกำกับติดตาม",
            "ข้อจำกัด",
        ],
        [],
    ),
    UP + "2024/10/รายงานผลตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส-2567.pdf": (
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
    node = LexborHTMLParser(html).css_first("main#content")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def _code(label: str) -> str:
    match = re.match(r"^[Oo][.-](\d+)$", label)
    assert match, label
    return f"O{int(match.group(1))}"


def _index_rows(html: str, page_url: str) -> dict[str, tuple[str, str, list[str | None]]]:
    """code → (group title, row text, hrefs of its buttons / icon-list links, None: no href)."""
    tree = _content(html)
    rows = {}
    for item in tree.css("div.elementor-toggle-item"):
        title = item.css_first(".elementor-tab-title .elementor-toggle-title")
        assert title is not None
        for row in item.css("section.bk-ita-row"):
            strong = row.css_first(".elementor-widget-text-editor strong")
            assert strong is not None
            label = strong.text().strip()
            hrefs: list[str | None] = []
            for anchor in row.css("a.elementor-button, .elementor-icon-list-item a"):
                href = anchor.attributes.get("href")
                hrefs.append(urljoin(page_url, href) if href is not None else None)
            rows[_code(label)] = (title.text().strip(), row.text(separator=" ").strip(), hrefs)
            assert row.text().strip().startswith(label)
    return rows


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_the_helpers_take_this_site_by_name() -> None:
    """Not in HOLDOUT_SITES yet: the shared helpers still load and serve it by folder name."""
    site = load_site(NAME)
    assert site.name == NAME and site.folder == site_dir(NAME)
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
            assert item["years"], code
        for ref in item["evidence"]:
            assert ref.startswith("/") and ":" not in ref.split("?")[0][2:], (code, ref)
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    assert (folder / "static" / SCAN.lstrip("/")).stat().st_size < 60 * 1024
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1.5 * 1024 * 1024
    pages = list((folder / "pages").rglob("*.html")) + list((folder / "routed").glob("*"))
    assert 40 <= len(pages) <= 90
    assert 20 <= len(load_site(NAME).docs) + 1 <= 40  # and the scan


def _expected_type(ref: str) -> str:
    if ref.startswith("//"):
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
            assert _expected_type(ref) in response.headers["content-type"], (code, ref)
            assert urlsplit(str(response.url)).hostname != "accounts.google.com", (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O15", "O22"}
    assert truth["O15"]["evidence"] == [DRIVE] and truth["O22"]["evidence"] == [DEAD]
    response = client.get(site.url(DRIVE), follow_redirects=True)
    assert urlsplit(str(response.url)).hostname == "accounts.google.com"
    assert 'type="password"' in response.text
    assert client.get(site.url(DEAD)).status_code == 404


def _text_of(client: httpx.Client, url: str) -> str:
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200, url
    content_type = response.headers["content-type"]
    if content_type.startswith("text/html"):
        return unquote(_content(response.text).html or "")
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
    assert documents - {SCAN} <= set(CLAIMS), "every cited document is checked"


def test_the_no_gift_announcement_is_a_scan(site: ServedSite, client: httpx.Client) -> None:
    body = client.get(site.url(SCAN)).content
    assert body.startswith(b"%PDF-") and b"/Subtype /Image" in body
    assert b"/Font" not in body and b"/ToUnicode" not in body
    assert b"/BitsPerComponent 1 /Filter /FlateDecode" in body  # the copier's B/W page
    # Whatever the reader gets out of it comes from the picture (OCR), if anything.
    document = read_document(body, content_type="application/pdf", url=site.url(SCAN))
    assert not document.text.strip() or "Gift" in document.text


def test_the_index_page_lists_every_item(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    html = client.get(index).text
    tree = _content(html)
    assert len(tree.css("div.elementor-widget-toggle")) == 2
    titles = [n.text().strip() for n in tree.css(".elementor-toggle-title")]
    assert [title.split()[1] for title in titles] == GROUPS
    rows = _index_rows(html, index)
    assert list(rows) == [item.code for item in FRAMEWORK.items]
    for code, (group, text, hrefs) in rows.items():
        assert text.startswith(LABELS[code]), (code, text)
        assert group.split()[1] == ITEMS[code].sub_indicator, (code, group)
        item = truth["items"][code]
        if code == "O20":  # a button with no link at all
            assert hrefs == [None]
            continue
        if code == "O23":
            assert hrefs == [] and "อยู่ระหว่างดำเนินการ" in text
            continue
        assert hrefs and None not in hrefs, code
        refs = [_ref(site, href) for href in hrefs if href]
        for ref in refs:
            assert ref in item["evidence"], (code, ref)
    # Buttons for one link, icon lists for several.
    buttons = tree.css("section.bk-ita-row a.elementor-button-link")
    assert len(buttons) == 22
    multi = {code for code, (_, _, hrefs) in rows.items() if len(hrefs) > 1}
    assert multi == {"O9", "O12", "O16", "O21"}


def test_the_ethics_activity_is_only_on_facebook(site: ServedSite, client: httpx.Client) -> None:
    post = client.get(site.url(FB_POST))
    assert post.status_code == 200
    text = _squeeze(post.text)
    assert "14กุมภาพันธ์2568" in text and "อบรมคุณธรรมจริยธรรม" in text
    assert 'type="password"' in post.text  # Facebook's log-in box over a public post
    # No page of the site itself reports this year's ethics training.
    depths = click_depths(site, "/")
    for path in depths:
        if path.endswith((".pdf", ".docx")) or path == "/wp-admin/":
            continue
        response = client.get(site.url(path), follow_redirects=True)
        if response.status_code == 200 and "html" in response.headers["content-type"]:
            assert "14กุมภาพันธ์2568" not in _squeeze(_content(response.text).text()), path


def test_nothing_newer_hides_elsewhere(site: ServedSite, client: httpx.Client) -> None:
    """O6, O20, O23, O24: no document of the site holds this year's plan, report or assessment."""
    for doc in load_site(NAME).docs.values():
        if not doc.url:
            continue
        text = _squeeze(_text_of(client, site.url(doc.url)))
        assert "แผนการดำเนินงานประจำปีงบประมาณพ.ศ.2568" not in text, doc.id
        if "การมีส่วนร่วม" in text:  # the plan of the years and FY2567's results only
            assert doc.id in ("o25-acplan", "o28-report-2567"), doc.id
        if doc.id != "o27-measures-2568":  # "ควรทบทวนการประเมินความเสี่ยง…ทุกปี", a measure
            assert "ประเมินความเสี่ยง" not in text, doc.id
        if "ความเสี่ยง" in text and doc.id != "o27-measures-2568":
            assert "2566" in text and "2567" not in text, doc.id


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    with httpx.Client(timeout=10) as http:
        for path in depths:
            status = http.get(site.url(path), follow_redirects=True).status_code
            assert (status == 404) == (path in broken), (path, status)
    assert depths[truth["index_page"]] == 1
    assert "/wp-admin/" in depths
    for code, item in items.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert min(depths.get(ref, 99) for ref in on_site) <= 2, (code, on_site)
    assert site.errors == []


def test_outside_hosts_answer(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    for ref in (
        "//www.facebook.com/bangkhlacity",
        "//line.me/R/ti/p/@bangkhla",
        "//m.me/bangkhlacity",
    ):
        assert site.url(ref) in home, ref
        assert client.get(site.url(ref)).status_code == 200, ref
    form = client.get(site.url("//docs.google.com/forms/d/e/1FAIpQLSeBkTrash01Qx7/viewform"))
    assert form.status_code == 200 and "<form" in form.text


def test_robots_keeps_crawlers_out_of_wp_admin(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /wp-admin/" in robots
        login = http.get(site + "/wp-admin/", follow_redirects=True)
        assert 'type="password"' in login.text
        footer = http.get(site + "/").text
        assert f'href="{site}/wp-admin/"' in footer
    assert load_truth(NAME)["never_fetch"] == ["/wp-admin/"]
