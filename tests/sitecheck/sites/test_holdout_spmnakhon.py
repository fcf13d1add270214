"""Self-test of the hold-out secondary-education area office site ``spmnakhon``.

สำนักงานเขตพื้นที่การศึกษามัธยมศึกษานครเขียว was built without reading the checker's judging
code; like the other hold-out self-tests, this one checks the site with its own means only
(HTTP answers, links, the project's document reader), never with the checker's parser or judge.

The ITA page ``/ita`` is a two-column grid of cards grouped by indicator and sub-indicator;
every card has its code, its title and one "ดูข้อมูล" button. Most buttons lead to a topic page
under ``/data/`` that keeps several fiscal years' files in sections (``<details>`` or ``<h3>``
headings, newest first except two pages), linked with "ดาวน์โหลด", "คลิก" or the title, to
uploads with meaningless names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

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

NAME = "spmnakhon"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
UPLOAD = re.compile(r"^/uploads/25\d\d/\d\d/[a-z0-9]+\.(pdf|docx|xlsx)$")
DEAD = "/uploads/2568/10/k2p9zt.pdf"  # O18
DELETED = "1sPmNk22RiskRpt2568xQ7vDeLeTeD0"  # O22
DRIVE_DEAD = f"//drive.google.com/file/d/{DELETED}/view?usp=sharing"
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# Topic pages: the years of their sections, in page order.
ORDER = {
    "/data/strategic-plan": [2569, 2568],
    "/data/action-plan": [2569, 2568],
    "/data/annual-report": [2569, 2568],
    "/data/staff-manual": [2569],
    "/data/service-manual": [2569, 2568],
    "/data/procurement-monthly": [2568, 2569],
    "/data/procurement-report": [2569, 2568],
    "/data/hr-plan": [2569, 2568, 2567],
    "/data/hr-report": [2569, 2568],
    "/data/ethics": [2569, 2568],
    "/data/complaint-guide": [2569],
    "/data/complaint-stats": [2569, 2568],
    "/data/participation": [2569],
    "/data/no-gift": [2569, 2568],
    "/data/risk-assessment": [2569, 2568, 2567],
    "/data/risk-report": [2568, 2569],
    "/data/anti-corruption-plan": [2569, 2568],
    "/data/anti-corruption-report": [2569, 2568],
    "/data/integrity-report": [2569],
}
COLLAPSIBLE = {
    "/data/action-plan",
    "/data/annual-report",
    "/data/hr-plan",
    "/data/hr-report",
    "/data/complaint-stats",
    "/data/no-gift",
    "/data/anti-corruption-plan",
    "/data/anti-corruption-report",
}
THAI_NUMERAL_HEADINGS = {
    "/data/action-plan",
    "/data/hr-report",
    "/data/no-gift",
    "/data/risk-assessment",
}

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's header, menu and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    # ------------------------------------------------------------ pages
    "/about/structure": (
        ["แผนผังโครงสร้าง", ".png", "อำนาจหน้าที่", "กลุ่มงาน๙กลุ่ม", "หน่วยตรวจสอบภายใน"],
        [],
    ),
    "/about/executives": (
        [
            "นายวรวุฒิศักดิ์ศรีสกุล",
            "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษานครเขียว",
            "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษานครเขียว",
            "<img",
            "โทร.๐๘๑๕๙๗๔๔๒๐",
            "ratchanee.b@spmnakhon.go.th",
        ],
        [],
    ),
    "/contact": (
        [
            "๖๔๑๓๐",
            "๐๕๕๖๑๒๒๐๐",
            "saraban@spmnakhon.go.th",
            "แผนที่ตั้ง",
            "<iframe",
            "LINEOfficialAccount",
        ],
        [],
    ),
    "/news": (["๑๐เมษายน๒๕๖๙", "๑๕ตุลาคม๒๕๖๘", "/news/312"], ["๒๕๖๗"]),
    "/news/325": (["๑๒ธันวาคม๒๕๖๘", "ไม่รับของขวัญ", "/data/no-gift"], []),
    "/eservice": (
        ["ไม่ต้องเดินทางมาที่สำนักงาน", "docs.google.com", "ยื่นคำร้องออนไลน์"],
        ["สถิติ", "จำนวนผู้ใช้บริการ"],
    ),
    "/complaint/corruption": (
        ["<form", "แยกจากช่องทางร้องเรียนทั่วไป", "ไม่จำเป็นต้องระบุชื่อ", 'type="file"'],
        [],
    ),
    "/data/hr-plan": (["อยู่ระหว่างดำเนินการ"], []),
    # ------------------------------------------------------------ documents
    "/uploads/2568/11/r4t8wq.pdf": (["แผนผังโครงสร้าง", "กลุ่มบริหารงานบุคคล", "หน่วยตรวจสอบภายใน"], []),
    "/uploads/2566/01/p0x3nd.pdf": (
        ["(พ.ศ.๒๕๖๖–๒๕๗๐)", "ยุทธศาสตร์", "เป้าหมาย", "ตัวชี้วัด", "๒๕๖๙"],
        [],
    ),
    "/uploads/2568/11/h7c2mv.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๙", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ", "๓๐กันยายน๒๕๖๙"],
        [],
    ),
    "/uploads/2569/04/z9k1fe.pdf": (
        ["ณวันที่๓๑มีนาคม๒๕๖๙", "ผลการดำเนินงาน", "ผลการใช้จ่ายงบประมาณ"],
        [],
    ),
    "/uploads/2568/12/w2n6ya.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.๒๕๖๘",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่ายงบประมาณ",
            "วันที่เริ่ม–วันที่สิ้นสุด",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        [],
    ),
    "/uploads/2569/01/m5d8ts.pdf": (
        ["คู่มือการปฏิบัติงาน", "การย้ายข้าราชการครู", "นักทรัพยากรบุคคล", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    "/uploads/2568/10/c3v7pb.pdf": (
        [
            "ชื่องาน",
            "ขั้นตอน",
            "ระยะเวลา",
            "ช่องทางการให้บริการ",
            "OneStopService",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
        ],
        [],
    ),
    "/uploads/2568/11/j3r8np.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.๒๕๖๘",
            "จำนวนรายการ",
            "งบประมาณที่ใช้ในการจัดซื้อจัดจ้าง(บาท)",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
            "แหล่งที่มาของงบประมาณ",
            "สถานะการจัดซื้อจัดจ้าง",
            "ราคากลาง",
            "ราคาที่ตกลงซื้อหรือจ้าง",
            "เลขประจำตัวผู้เสียภาษี",
            "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
            "เลขที่โครงการ",
            "วันที่ลงนามในสัญญา",
            "วันสิ้นสุดสัญญา",
        ],
        [],
    ),
    "/uploads/2567/12/e2w5zk.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.๒๕๖๘",
            "การสรรหาและคัดเลือก",
            "การบรรจุและแต่งตั้ง",
            "การพัฒนาบุคลากร",
            "การประเมินผลการปฏิบัติราชการ",
            "การให้คุณให้โทษ",
        ],
        ["๒๕๖๙"],
    ),
    "/uploads/2568/11/g8m1qc.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.๒๕๖๘",
            "ผลการดำเนินการ",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่าย",
            "วันที่เริ่ม–สิ้นสุด",
            "จำนวนผู้เข้ารับการอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["อัตรากำลัง", "ประเภทตำแหน่ง", "ข้าราชการครู", "ลูกจ้าง"],
    ),
    "/uploads/2568/10/v6h2ys.pdf": (
        ["ประมวลจริยธรรมข้าราชการครูและบุคลากรทางการศึกษา", "ก.ค.ศ.", "ข้อกำหนดจริยธรรม"],
        [],
    ),
    "/uploads/2569/01/k7p3xu.pdf": (
        ["๒๕๖๙", "คณะทำงานขับเคลื่อนจริยธรรม", "๑๕ตุลาคม๒๕๖๘", "Dos&Don'ts", "๑๘ธันวาคม๒๕๖๘"],
        [],
    ),
    "/uploads/2568/10/u3b9wr.pdf": (
        ["ผู้ถูกร้องเรียน", "ช่องทางแจ้งเรื่องร้องเรียน", "ขั้นตอนการด", "ส่วนงานที่รับผิดชอบ", "๖๐วัน"],
        [],
    ),
    "/uploads/2569/03/p2l6vn.pdf": (
        ["๒๕๖๙", "ประเด็นการมีส่วนร่วม", "ผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม", "ไปปรับปรุงพัฒนา"],
        [],
    ),
    "/uploads/2568/10/o9f4ta.pdf": (
        ["NoGiftPolicy", "ไม่รับของขวัญและของกำนัลทุกชนิด", "๑ตุลาคมพ.ศ.๒๕๖๘", "นายวรวุฒิศักดิ์ศรีสกุล"],
        [],
    ),
    "/uploads/2569/01/y1h5mc.pdf": (
        ["๒๕๖๙", "ปลูกจิตสำนึก", "ปฏิเสธการรับของขวัญ", "หลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา"],
        [],
    ),
    "/uploads/2568/02/r8d3kf.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.๒๕๖๘",
            "เหตุการณ์ความเสี่ยง",
            "ระดับความเสี่ยง",
            "มาตรการ",
            "การอนุมัติอนุญาต",
            "การจัดซื้อจัดจ้าง",
            "การบริหารงานบุคคล",
        ],
        ["๒๕๖๙"],
    ),
    "/uploads/2568/11/d5x2hg.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๙", "โครงการ/กิจกรรม", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        [],
    ),
    "/uploads/2568/10/q4z7ld.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๘", "ผลการดำเนินการ", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        ["บาท", "งบประมาณที่ใช้", "ค่าใช้จ่าย"],
    ),
    "/uploads/2568/11/l0c6sv.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๘", "มาตรการ/กิจกรรม", "สรุปผลการดำเนินการ", "ผลลัพธ์/ความสำเร็จ"],
        [],
    ),
}
MONTHS = {
    "/uploads/2568/11/s1k9ra.pdf": "ตุลาคม๒๕๖๘",
    "/uploads/2568/12/f6u2lo.pdf": "พฤศจิกายน๒๕๖๘",
    "/uploads/2569/01/x8e3jw.pdf": "ธันวาคม๒๕๖๘",
    "/uploads/2569/02/n4q7gd.pdf": "มกราคม๒๕๖๙",
    "/uploads/2569/03/a8f3k2.pdf": "กุมภาพันธ์๒๕๖๙",
    "/uploads/2569/04/t5y0hc.pdf": "มีนาคม๒๕๖๙",
}
MONTHLY = [
    "แบบสขร.๑",
    "งานที่จัดซื้อหรือจัดจ้าง",
    "ราคากลาง",
    "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
    "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
    "เหตุผลที่คัดเลือกโดยสรุป",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลง",
]
for _ref, _month in MONTHS.items():
    CLAIMS[_ref] = ([*MONTHLY, f"ในรอบเดือน{_month}"], [])


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
    rest = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if parts.netloc == urlsplit(site).netloc:
        return rest
    return f"//{parts.hostname}{rest}"


def _content(html: str) -> LexborNode:
    node = LexborHTMLParser(html).css_first("main#content")
    assert node is not None
    return node


def _year(text: str) -> int:
    match = re.search(r"25\d\d", text.translate(THAI_DIGITS))
    assert match, text
    return int(match.group())


def _sections(
    site: ServedSite, html: str, page_url: str
) -> list[tuple[str, list[tuple[str, str]], str]]:
    """(heading, [(link text, ref)], text) of each year section of a topic page, in order."""
    content = _content(html)
    out: list[tuple[str, list[tuple[str, str]], str]] = []
    current: list[LexborNode] | None = None
    heads: list[str] = []
    groups: list[list[LexborNode]] = []
    for node in content.iter():
        classes = (node.attributes.get("class") or "").split()
        if node.tag == "details" and "year" in classes:
            summary = node.css_first("summary")
            heads.append(summary.text(strip=True) if summary else "")
            groups.append([child for child in node.iter() if child.tag != "summary"])
            current = None
        elif node.tag == "h3" and "year" in classes:
            heads.append(node.text(strip=True))
            current = []
            groups.append(current)
        elif current is not None and not (node.tag == "p" and "back" in classes):
            current.append(node)
    for head, nodes in zip(heads, groups, strict=True):
        links = [
            (a.text(strip=True), _ref(site, urljoin(page_url, a.attributes.get("href") or "")))
            for node in nodes
            for a in node.css("a[href]")
        ]
        text = " ".join(node.text(strip=True) for node in nodes)
        out.append((head, links, text))
    return out


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_the_fixture_helpers_take_the_name() -> None:
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
            assert item["years"] and max(item["years"]) < FRAMEWORK.fiscal_year, code
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
    assert all(UPLOAD.match(doc.url) for doc in site.docs.values())
    assert 40 <= len(list((folder / "pages").rglob("*.html"))) <= 90


def _expected_type(site: ServedSite, ref: str) -> str:
    if ref.startswith("//"):
        return "text/html"
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


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O18", "O22"}
    assert truth["O18"]["evidence"][0] == DEAD
    assert client.get(site.url(DEAD)).status_code == 404
    assert truth["O22"]["evidence"][0] == DRIVE_DEAD
    viewer = client.get(site.url(DRIVE_DEAD), follow_redirects=True)
    assert viewer.status_code == 404 and "ไม่มีไฟล์" in viewer.text
    download = client.get(
        site.url(f"//drive.google.com/uc?export=download&id={DELETED}"), follow_redirects=True
    )
    assert download.status_code == 404
    assert load_site(NAME).drive[DELETED].deleted
    # The topic pages do link them (from their 2569 sections).
    for page, ref in (("/data/complaint-stats", DEAD), ("/data/risk-report", DRIVE_DEAD)):
        url = site.url(page)
        sections = _sections(site, client.get(url).text, url)
        current = [links for head, links, _ in sections if _year(head) == 2569]
        assert [ref] == [target for _, target in current[0]], page


def _text_of(site: ServedSite, client: httpx.Client, ref: str) -> str:
    url = site.url(ref)
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200, ref
    content_type = response.headers["content-type"]
    if content_type.startswith("text/html"):
        return _content(response.text).html or ""
    document = read_document(response.content, content_type=content_type, url=url)
    assert document.ok, (ref, document.note)
    return document.text


def test_documents_say_what_the_truth_claims(site: ServedSite, client: httpx.Client) -> None:
    for ref, (present, absent) in CLAIMS.items():
        text = _squeeze(_text_of(site, client, ref))
        for phrase in present:
            assert _squeeze(phrase) in text, (ref, phrase)
        for phrase in absent:
            assert _squeeze(phrase) not in text, (ref, phrase)
    truth = load_truth(NAME)["items"]
    published = {ref for item in truth.values() if item["verdict"] != "broken"
                 for ref in item["evidence"]}  # fmt: skip
    documents = {ref for ref in published if ref.endswith((".pdf", ".docx", ".xlsx"))}
    assert documents <= set(CLAIMS), "every cited document is checked"


def test_one_pdf_has_a_text_layer_without_nikhahit(site: ServedSite, client: httpx.Client) -> None:
    text = _squeeze(_text_of(site, client, "/uploads/2568/10/o9f4ta.pdf"))
    assert "ประกาศสานักงาน" in text and "ประกาศสำนักงาน" not in text
    assert load_site(NAME).docs["o16-guide"].text_layer == "broken_sara_am"


def _cards(html: str) -> list[tuple[str, str, str, str, str]]:
    """(sub-indicator, code, title, button text, href) of each card of the ITA page."""
    content = _content(html)
    out = []
    sub = ""
    for node in content.iter():
        if node.tag == "h3" and "sub-indicator" in (node.attributes.get("class") or ""):
            sub = node.text(strip=True)
        if node.tag == "div" and "card-grid" in (node.attributes.get("class") or ""):
            assert "two-col" in (node.attributes.get("class") or "")
            for card in node.css("div.ita-card"):
                badge, title = card.css_first("span.badge"), card.css_first("h4")
                buttons = card.css("a[href]")
                assert badge and title and len(buttons) == 1
                out.append(
                    (
                        sub,
                        badge.text(strip=True),
                        title.text(strip=True),
                        buttons[0].text(strip=True),
                        buttons[0].attributes.get("href") or "",
                    )
                )
    return out


def test_the_ita_page_is_a_grid_of_cards(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    cards = _cards(client.get(index).text)
    assert [card[1] for card in cards] == [item.code for item in FRAMEWORK.items]
    assert {card[3] for card in cards} == {"ดูข้อมูล"}
    for sub, code, title, _, href in cards:
        assert ITEMS[code].sub_indicator in sub, code
        assert title == ITEMS[code].title, code
        item = truth["items"][code]
        if item["verdict"] == "missing":
            assert href == "#", code
            continue
        assert (
            _ref(site, urljoin(index, href))
            == item["evidence"][-1 if code in ("O18", "O22") else 0]
        )
    assert client.get(site.url("/index.php?page=ita")).headers["location"] == "/ita"


def test_topic_pages_keep_years_in_sections(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    by_page = {}
    for code, item in truth.items():
        pages = [ref for ref in item["evidence"] if ref.startswith("/data/")]
        if pages:
            by_page[pages[0]] = code
    assert set(by_page) <= set(ORDER)
    texts: set[str] = set()
    for page, years in ORDER.items():
        url = site.url(page)
        html = client.get(url).text
        sections = _sections(site, html, url)
        assert [_year(head) for head, _, _ in sections] == years, page
        content = _content(html)
        assert bool(content.css("details.year")) == (page in COLLAPSIBLE), page
        assert any("๒๕๖๙" in head for head, _, _ in sections) == (page in THAI_NUMERAL_HEADINGS)
        texts |= {text for _, links, _ in sections for text, _ in links}
        code = by_page.get(page)
        if code is None:
            continue
        current = next(links for head, links, _ in sections if _year(head) == 2569)
        item = truth[code]
        refs = {ref for _, ref in current}
        if item["verdict"] == "outdated":  # the evidence sits in an older section
            assert not refs, page
            older = {ref for head, links, _ in sections if _year(head) < 2569 for _, ref in links}
            assert set(item["evidence"][1:]) <= older, page
        elif item["verdict"] in ("found", "partial"):
            files = {ref for ref in item["evidence"] if ref.startswith("/uploads/")}
            assert files <= refs, page
    assert {"ดาวน์โหลด", "คลิก"} <= texts
    hr_plan = _sections(site, client.get(site.url("/data/hr-plan")).text, site.url("/data/hr-plan"))
    assert hr_plan[0][2] == "อยู่ระหว่างดำเนินการ"
    risk_url = site.url("/data/risk-assessment")
    risk = _sections(site, client.get(risk_url).text, risk_url)
    assert risk[0][1] == [] and risk[0][2] == ""


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@spmnakhon" in home
    assert f"http://www.facebook.com:{site.port}/spmnakhonkhiao" in home
    for ref in (
        "//line.me/R/ti/p/@spmnakhon",
        "//www.facebook.com/spmnakhonkhiao",
        "//www.google.com/maps/embed?pb=spm-nakhon-khiao",
        "//www.obec.go.th/",
    ):
        assert client.get(site.url(ref)).status_code == 200, ref
    for ref in load_truth(NAME)["items"]["O10"]["evidence"][1:]:
        form = client.get(site.url(ref)).text
        assert "<form" in form and "Google ฟอร์ม" in form
    general = _content(client.get(site.url("/complaint")).text).html or ""
    assert "<form" in general and "/complaint/corruption" in general
    cards = _content(client.get(site.url("/about/executives")).text).css("div.exec-card")
    assert len(cards) == 4
    for card in cards:
        assert card.css_first("img") and card.css_first("h4") and card.css_first("p.position")
        assert "โทร." in card.text() and "@spmnakhon.go.th" in card.text()


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"][:1]}  # fmt: skip
    depths = click_depths(site, "/")
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken:
                continue
            assert http.get(site.url(path), follow_redirects=True).status_code == 200, path
    assert DEAD in depths
    assert depths[truth["index_page"]] == 1
    assert "/admin/" in depths
    for code, item in items.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert min(depths.get(ref, 99) for ref in on_site) <= 2, (code, on_site)
            assert all(ref in depths for ref in on_site), code
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_admin(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /admin/" in robots
        login = http.get(site + "/admin/", follow_redirects=True)
        assert 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/admin/"]
