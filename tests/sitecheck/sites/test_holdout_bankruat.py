"""Self-test of the hold-out municipality site ``bankruat``: it serves what its truth says.

เทศบาลตำบลบ้านกรวด was built without reading the checker's judging code; like the other
hold-out self-tests, this one checks the site with its own means only (HTTP answers, links,
the project's document reader), never with the checker's parser or judge.

The ITA page ``/ita/2569`` is one long run of plain paragraphs: indicator and sub-indicator
headings ("๙. การเปิดเผยข้อมูล", "๙.๑ ข้อมูลพื้นฐาน"), then per item a paragraph with the
agency's title and the code in parentheses at the end ("โครงสร้างหน่วยงาน (O1)"), followed by
one to three paragraphs of links ("รายละเอียด : คลิก", a pasted bare URL, a Drive URL).
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

NAME = "bankruat"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DOWNLOAD = "//drive.usercontent.google.com/download?id={}&export=download"
VIEW = "//drive.google.com/file/d/{}/view?usp=sharing"
UP = "/uploads/"
D_ELDERLY = "1BkR09ElderlyAllowanceManualQwErT"
D_HR = "1BkR13HrdPlan2567to2569AsDfGhJkL"
D_ITA = "1BkR25ItaAnalysis2568MeasuresZxCv"

# How the ITA page titles some items (the paragraph before the links).
TITLES = {
    "O1": "โครงสร้างหน่วยงาน (O1)",
    "O2": "ข้อมูลผู้บริหาร (O2)",
    "O5": "แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐) (O5)",
    "O9": "คู่มือการให้บริการประชาชน (O9)",
    "O20": "การขับเคลื่อนนโยบาย No Gift Policy (O20)",
    "O24": "รายงานผลการดำเนินการป้องกันการทุจริต (O24)",
}
HEADINGS = [
    "๙. การเปิดเผยข้อมูล",
    "๙.๑ ข้อมูลพื้นฐาน",
    "๙.๒ การบริหารงานและการใช้จ่ายงบประมาณ",
    "๙.๓ การจัดซื้อจัดจ้าง",
    "๙.๔ การบริหารและพัฒนาทรัพยากรบุคคล",
    "๙.๕ การส่งเสริมความโปร่งใส",
    "๑๐. การป้องกันการทุจริต",
    "๑๐.๑ การดำเนินการเพื่อป้องกันการทุจริต",
    "๑๐.๒ มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
]
# Items whose links are pasted URLs (the link text is the URL) and how many links each has.
BARE = {"O2", "O5", "O9", "O13", "O23"}
LINK_COUNTS = {"O1": 2, "O3": 3, "O6": 2, "O9": 2, "O15": 2, "O19": 2, "O20": 2, "O24": 0}

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's menus, sidebar and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/about/structure": (
        ["แผนผังโครงสร้างการแบ่งส่วนราชการ", "ฝ่ายการเมือง", "ฝ่ายข้าราชการประจำ", "กองช่าง", "<img"],
        [],
    ),
    "/about/authority": (["หน้าที่และอำนาจ", "หน้าที่ที่ต้องทำ", "หน้าที่ที่อาจทำ"], []),
    "/about/executives": (
        ["นายสุรเชษฐ์ทองกรวด", "รองนายกเทศมนตรี", "ปลัดเทศบาล", "รองปลัดเทศบาล", "<img", "โทร."],
        [],
    ),
    "/contact": (
        ["๓๑๑๘๐", "๐๔๔๖๗๙๑๒๓", "saraban@bankruat.go.th", "แผนที่ตั้ง", "<iframe", "@bankruat"],
        [],
    ),
    "/webboard/": (["<form", "/webboard/?topic=22"], []),
    "/news": (["๒๔เมษายน๒๕๖๙", "๑๕ตุลาคม๒๕๖๘", "/news/view/448", "/news?page=2"], ["๒๕๖๗"]),
    "/news/view/448": (["๑๖มกราคม๒๕๖๙", "จริยธรรม", "Dos&amp;Don'ts", "คณะทำงานขับเคลื่อนจริยธรรม"], []),
    "/news/view/452": (["๑๒กุมภาพันธ์๒๕๖๙", "ประชาคม", "๑๕๕คน"], []),
    "/news/view/441": (
        ["๕ธันวาคม๒๕๖๘", "NoGiftPolicy", "ประโยชน์อื่นใดโดยธรรมจรรยา", "ปฏิเสธการรับของขวัญ"],
        [],
    ),
    "/eservice": (["ไม่ต้องเดินทางมาที่สำนักงาน", "/forms/d/e/", "สถิติการใช้บริการ"], []),
    "/complaint/corruption": (
        ["<form", "แยกต่างหากจากช่องทางร้องเรียนทั่วไป", "ไม่จำเป็นต้องระบุชื่อ"],
        [],
    ),
    "/procurement/sorkor1": (["สขร.๑", ".xlsx", "ไม่มีการจัดซื้อจัดจ้าง"], []),
    UP + "2565/10/แผนพัฒนาท้องถิ่น-2566-2570.pdf": (
        ["(พ.ศ.2566-2570)", "ยุทธศาสตร์", "เป้าประสงค์/เป้าหมาย", "ตัวชี้วัด", "ปี2569"],
        [],
    ),
    UP + "2568/10/แผนการดำเนินงาน-ประจำปีงบประมาณ-2569.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๙", "ผลผลิต/เป้าหมาย", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        [],
    ),
    UP + "2569/04/รายงานความก้าวหน้า-ณ-31-มีนาคม-2569.pdf": (
        ["ณวันที่๓๑มีนาคม๒๕๖๙", "ผลการใช้จ่ายงบประมาณ", "ผลการดำเนินงาน"],
        [],
    ),
    UP + "2568/12/รายงานผลการดำเนินงานประจำปี-2568.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.๒๕๖๘",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่ายงบประมาณ",
            "ผลการดำเนินงาน",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["ระยะเวลา", "เริ่มต้น", "วันที่เริ่ม", "สิ้นสุด", "ต.ค.", "ก.ย."],
    ),
    UP + "2568/11/คู่มือการปฏิบัติงาน-งานจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง.pdf": (
        ["คู่มือการปฏิบัติงาน", "ผู้ใช้คู่มือ", "นักวิชาการจัดเก็บรายได้", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    UP + "2568/11/คู่มือสำหรับประชาชน-การขออนุญาตก่อสร้างอาคาร.pdf": (
        [
            "การขออนุญาตก่อสร้างอาคาร",
            "ระยะเวลา",
            "ช่องทางการให้บริการ",
            "ค่าธรรมเนียม",
            "พระราชบัญญัติควบคุมอาคาร",
            "OneStopService",
        ],
        [],
    ),
    DOWNLOAD.format(D_ELDERLY): (["เบี้ยยังชีพผู้สูงอายุ", "ไม่มีค่าธรรมเนียม", "ขั้นตอน"], []),
    UP + "2569/04/สขร1-ต.ค.68-มี.ค.69.xlsx": (
        ["ตุลาคม2568", "มีนาคม2569", "ราคากลาง", "เลขที่และวันที่ของสัญญา", "ไม่มีการจัดซื้อจัดจ้าง"],
        [],
    ),
    UP + "2568/11/รายงานสรุปผลการจัดซื้อจัดจ้าง-ปีงบประมาณ-2568.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.๒๕๖๘",
            "จำแนกตามวิธีการจัดซื้อจัดจ้าง",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
            "แหล่งที่มาของงบประมาณ",
            "สถานะการจัดซื้อจัดจ้าง",
            "เลขประจำตัวผู้เสียภาษี",
            "เลขที่โครงการ",
            "วันที่ลงนามในสัญญา",
            "วันสิ้นสุดสัญญา",
        ],
        [],
    ),
    DOWNLOAD.format(D_HR): (
        [
            "๒๕๖๗-๒๕๖๙",
            "การสรรหาและคัดเลือก",
            "การบรรจุและแต่งตั้ง",
            "การประเมินผลการปฏิบัติราชการ",
            "การให้คุณให้โทษ",
            "ระยะเวลาดำเนินการ",
            "ไม่ใช้งบประมาณ",
        ],
        [],
    ),
    UP + "2568/11/รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล-2568.pdf": (
        [
            "ประจำปีงบประมาณพ.ศ.๒๕๖๘",
            "ประเภทตำแหน่ง",
            "ผลการดำเนินการ",
            "งบประมาณที่ได้รับจัดสรร",
            "วันเริ่มต้น-วันสิ้นสุด",
            "จำนวนผู้เข้ารับการฝึกอบรม",
        ],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    UP + "2568/10/ประมวลจริยธรรม-พนักงานเทศบาล.pdf": (
        ["ประมวลจริยธรรมของพนักงานส่วนท้องถิ่น", "ข้อกำหนดจริยธรรม", "Dos&Don'ts"],
        [],
    ),
    UP + "2568/10/คู่มือการจัดการเรื่องร้องเรียนการทุจริต.pdf": (
        [
            "ผู้ถูกร้องเรียน",
            "ช่องทางการร้องเรียน",
            "ขั้นตอนการดำเนินการ",
            "ส่วนงานที่รับผิดชอบ",
            "ระยะเวลาดำเนินการ",
        ],
        [],
    ),
    UP + "2569/03/รายงานผลการเปิดโอกาสให้มีส่วนร่วม-ประชาคมเมือง-2569.pdf": (
        ["๑๒กุมภาพันธ์๒๕๖๙", "ประเด็นการมีส่วนร่วม", "ผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม", "การนำผลไปปรับปรุง"],
        [],
    ),
    UP + "2568/10/ประกาศเจตนารมณ์-NoGiftPolicy-2569.pdf": (
        [
            "NoGiftPolicy",
            "ไม่รับของขวัญ",
            "๑ตุลาคมพ.ศ.๒๕๖๘",
            "นายสุรเชษฐ์ทองกรวด",
            "ประโยชน์อื่นใดโดยธรรมจรรยา",
        ],
        [],
    ),
    UP + "2568/01/การประเมินความเสี่ยงการทุจริต-ปีงบประมาณ-2568.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๘", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการ"],
        ["๒๕๖๙", "2569"],
    ),
    UP + "2565/09/แผนปฏิบัติการป้องกันการทุจริต-2566-2570.pdf": (
        ["(พ.ศ.๒๕๖๖-๒๕๗๐)", "งบประมาณ๒๕๖๙", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        [],
    ),
    DOWNLOAD.format(D_ITA): (
        ["ITA", "๒๕๖๘", "จุดอ่อน", "ต้องพัฒนา", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
        [],
    ),
    UP + "2567/10/รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม-2567.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๗", "สรุปผลการดำเนินการ", "ผลลัพธ์"],
        ["๒๕๖๘"],
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


Link = tuple[str, str, str]  # (link text, truth ref, absolute href)


def _ita_entries(site: ServedSite, html: str, page_url: str) -> dict[str, tuple[str, list[Link]]]:
    """code → (title paragraph, links of the paragraphs after it) of an ITA page.

    An item runs from its title paragraph to the next title, heading or empty paragraph.
    """
    article = _content(html).css_first("div.article")
    assert article is not None
    entries: dict[str, tuple[str, list[Link]]] = {}
    current = ""
    for para in article.css("p"):
        text = para.text().strip()
        match = re.search(r"\((O\d+)\)$", text)
        if match:
            current = match.group(1)
            assert not para.css("a"), text  # the title paragraph carries no link
            entries[current] = (text, [])
        elif not text or para.css_first("strong") is not None:
            current = ""
        elif current:
            for anchor in para.css("a[href]"):
                href = urljoin(page_url, anchor.attributes.get("href") or "")
                entries[current][1].append((anchor.text().strip(), _ref(site, href), href))
    return entries


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_the_fixture_helpers_take_the_name() -> None:
    assert NAME not in SITES
    assert load_site(NAME).name == NAME and load_site(NAME).title == "เทศบาลตำบลบ้านกรวด"
    assert load_truth(NAME)["site"] == NAME
    with serve(NAME) as base:
        assert httpx.get(base.start_url, timeout=10).status_code == 200


def test_truth_covers_every_item_honestly() -> None:
    truth = load_truth(NAME)
    assert truth["site"] == NAME
    assert truth["framework"] == FRAMEWORK.id and truth["fiscal_year"] == FRAMEWORK.fiscal_year
    assert truth["index_page"] == "/ita/2569"
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
            coverage = str(ITEMS[code].coverage)
            wanted = FRAMEWORK.fiscal_year - (1 if "previous" in coverage else 0)
            assert item["years"] and max(item["years"]) < wanted, code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1.5 * 1024 * 1024
    pages = [p for p in (folder / "pages").rglob("*.html")] + list(
        (folder / "routed").glob("*.html")
    )
    assert 40 <= len(pages) <= 90
    assert 20 <= len(load_site(NAME).docs) <= 40
    # The No Gift announcement's text layer lost the nikhahit, as some real scans do.
    broken_layer = [doc.id for doc in load_site(NAME).docs.values() if doc.text_layer]
    assert broken_layer == ["nogift-2569"]


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
                button = LexborHTMLParser(response.text).css_first("a.download")
                assert button is not None, (code, ref)
                link = urljoin(str(response.url), button.attributes.get("href") or "")
                final = client.get(link, follow_redirects=True)
                assert _ref(site, str(final.url)) == DOWNLOAD.format(file_id), (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O18", "O22"}
    empty = client.get(site.url(truth["O18"]["evidence"][0]))
    assert empty.status_code == 200 and empty.content == b""
    assert empty.headers["content-type"] == "application/pdf"
    dead = client.get(site.url(truth["O22"]["evidence"][0]))
    assert dead.status_code == 404
    assert [c for c, item in truth.items() if item["verdict"] == "missing"] == ["O24"]


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


def test_the_ita_page_is_paragraphs_listing_every_item(
    site: ServedSite, client: httpx.Client
) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    html = client.get(index).text
    article = _content(html).css_first("div.article")
    assert article is not None
    assert not article.css("table, ul, ol, li"), "plain paragraphs only"
    headings = [s.text().strip() for s in article.css("p > strong")]
    assert [h for h in headings if h in HEADINGS] == HEADINGS
    entries = _ita_entries(site, html, index)
    assert list(entries) == [item.code for item in FRAMEWORK.items]
    for code, title in TITLES.items():
        assert entries[code][0] == title, code
    bare = set()
    for code, item in truth["items"].items():
        links = entries[code][1]
        assert len(links) == LINK_COUNTS.get(code, 1), (code, links)
        for text, ref, href in links:
            assert ref in item["evidence"], (code, ref)
            if text.startswith("http"):
                assert text == href, (code, text)  # a pasted URL, shown as it is
                bare.add(code)
    assert bare == BARE
    texts = [text for _, links in entries.values() for text, _, _ in links]
    assert texts.count("คลิก") >= 15
    # Last year's page is linked at the bottom, after the last item.
    last = article.css("p")[-2]
    anchor = last.css_first("a")
    assert anchor is not None and "๒๕๖๘" in last.text()
    assert _ref(site, urljoin(index, anchor.attributes.get("href") or "")) == "/ita/2568"


def test_last_years_page_and_the_files_it_shares(site: ServedSite, client: httpx.Client) -> None:
    url = site.url("/ita/2568")
    html = client.get(url).text
    entries = _ita_entries(site, html, url)
    assert list(entries) == [f"O{n}" for n in range(1, 29)]
    truth = load_truth(NAME)["items"]
    # This year's O21 and O26 still point at the files last year's page cites.
    assert [ref for _, ref, _ in entries["O23"][1]] == truth["O21"]["evidence"]
    assert [ref for _, ref, _ in entries["O28"][1]] == truth["O26"]["evidence"]
    assert entries["O26"][1] == []  # never published, as this year's O24
    links = {_ref(site, urljoin(url, a.attributes.get("href") or ""))
             for a in _content(html).css("a[href]")}  # fmt: skip
    assert "/ita/2569" in links
    ita = _content(client.get(site.url("/ita")).text)
    linked = {_ref(site, urljoin(url, a.attributes.get("href") or "")) for a in ita.css("a")}
    assert {"/ita/2569", "/ita/2568"} <= linked


def test_nothing_else_publishes_the_missing_and_outdated_items(site: ServedSite) -> None:
    """No FY2569 risk assessment, FY2568 anti-corruption or integrity report anywhere."""
    docs = load_site(NAME).docs.values()
    titles = " ".join(_squeeze(doc.title) for doc in docs)
    assert "การประเมินความเสี่ยงการทุจริตประจำปีงบประมาณพ.ศ.๒๕๖๙" not in titles
    assert "รายงานผลการดำเนินการป้องกันการทุจริต" not in titles
    reports = [d for d in docs if "มาตรการส่งเสริมคุณธรรม" in d.title and "รายงาน" in d.title]
    assert [d.id for d in reports] == ["integrity-report-2567"]


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@bankruat" in home
    assert client.get(site.url("//line.me/R/ti/p/@bankruat")).status_code == 200
    board = _content(client.get(site.url("/webboard/")).text)
    topics = [a.attributes.get("href") or "" for a in board.css("a[href]")]
    assert len([t for t in topics if "?topic=" in t]) == 5
    for topic in topics:
        if "?topic=" in topic:
            answer = _content(client.get(urljoin(site.url("/webboard/"), topic)).text)
            assert "แอดมิน" in answer.text(), topic
    general = _content(client.get(site.url("/complaint")).text)
    assert general.css_first("form") is not None
    assert "/complaint/corruption" in (general.html or "")
    eservice = _content(client.get(site.url("/eservice")).text)
    forms = [a.attributes.get("href") or "" for a in eservice.css("a[href]")]
    assert len(forms) == 3
    for form in forms:
        answer = client.get(form)
        assert answer.status_code == 200 and "<form" in answer.text, form
    news2 = _content(client.get(site.url("/news?page=2")).text)
    assert "/news/view/388" in (news2.html or "")


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    assert broken <= set(depths)
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken:
                continue
            response = http.get(site.url(path), follow_redirects=True)
            assert response.status_code == 200 and response.content, path
    assert depths[truth["index_page"]] == 1
    assert depths["/ita/2568"] == 2
    assert "/backend/" in depths
    for code, item in items.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert min(depths.get(ref, 99) for ref in on_site) <= 2, (code, on_site)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_backend(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /backend/" in robots
        login = http.get(site + "/backend/", follow_redirects=True)
        assert 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/backend/"]
