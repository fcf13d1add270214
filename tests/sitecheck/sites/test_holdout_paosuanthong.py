"""Self-test of the hold-out provincial-administration site ``paosuanthong``.

องค์การบริหารส่วนจังหวัดสวนทอง was built without reading the checker's judging code; like the
other hold-out self-tests, this one checks the site with its own means only (HTTP answers,
links, the project's document reader), never with the checker's parser or judge.

The ITA index ``/ita/2569/`` is an accordion of collapsible sections by sub-indicator whose
entries lead to one page per item (``/ita/2569/o1`` … ``/ita/2569/o26``); each item page shows
data as HTML tables and/or attachments under "เอกสารแนบ" with "ดาวน์โหลด" buttons to
``/uploads/files/<hash>.<ext>``.
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

NAME = "paosuanthong"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
UPLOAD = re.compile(r"^/uploads/files/[0-9a-f]{20}\.(pdf|docx|xlsx)$")
EMPTY = "/uploads/files/8381f4fa1dcdee12329c.pdf"  # O12
DEAD = "/uploads/files/aad65e4ca0b339f646c7.pdf"  # O22
DAMRONG = "//www.damrongdhama.moi.go.th/"

# Items whose page shows only HTML, only attachments, or both.
HTML_ONLY = {"O2", "O3", "O4", "O10", "O17"}
FILES_ONLY = {"O5", "O7", "O8", "O9", "O12", "O13", "O14", "O16", "O21", "O22", "O23", "O24", "O25"}
TITLE_LINKS = {"O16", "O23", "O24"}
BOTH = {"O1", "O6", "O11", "O15", "O18", "O19", "O20"}

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's header, menu and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    # ------------------------------------------------------------ pages
    "/ita/2569/o1": (
        ["แผนผังโครงสร้าง", "ฝ่ายการเมือง", "ฝ่ายข้าราชการประจำ", "กองการเจ้าหน้าที่", "หน้าที่และอำนาจ"],
        [],
    ),
    "/ita/2569/o2": (
        [
            "นายวีระพงษ์ ทองสวัสดิ์",
            "รองนายกองค์การบริหารส่วนจังหวัดสวนทอง",
            "ปลัดองค์การบริหารส่วนจังหวัดสวนทอง",
            "รองปลัดองค์การบริหารส่วนจังหวัดสวนทอง",
            "<img",
            "โทร.",
        ],
        [],
    ),
    "/ita/2569/o3": (
        ["๓๔๑๙๐", "saraban@pao-suanthong.go.th", "แผนที่ตั้ง", "LINE Official Account", "Messenger"],
        [],
    ),
    "/ita/2569/o4": (["๙ ต.ค. ๒๕๖๘", "๒๒ เม.ย. ๒๕๖๙", "/news/1276"], ["๑๕ ส.ค. ๒๕๖๘"]),
    "/news/": (["๒๒ เม.ย. ๒๕๖๙", "๑๕ ส.ค. ๒๕๖๘", "/news/1245"], []),
    "/ita/2569/o6": (["ณ วันที่ ๒๘ กุมภาพันธ์ ๒๕๖๙", "เบิกจ่ายแล้ว", "รอบ ๖ เดือน"], ["๓๑ มีนาคม"]),
    "/ita/2569/o10": (["/eservice/", "สถิติการใช้บริการ E-Service", "มีนาคม ๒๕๖๙"], []),
    "/eservice/": (["ไม่ต้องเดินทางมาที่สำนักงาน", "/eservice/water", "/eservice/oil-tax"], []),
    "/eservice/water": (["<form", 'type="file"', "ส่งคำร้อง"], []),
    "/ita/2569/o11": (
        [
            "ต.ค. 2568",
            "พ.ย. 2568",
            "ธ.ค. 2568",
            "ม.ค. 2569",
            "ก.พ. 2569",
            "มี.ค. 2569",
            "ราคากลาง",
            "เหตุผลที่คัดเลือกโดยสรุป",
            "เลขที่และวันที่ของสัญญาหรือข้อตกลง",
        ],
        [],
    ),
    "/ita/2569/o15": (
        ["คณะทำงานขับเคลื่อนจริยธรรม", "Dos &amp; Don'ts", "๑๘ ธันวาคม ๒๕๖๘", "/news/1263"],
        [],
    ),
    "/ita/2569/o17": (
        ["ศูนย์ดำรงธรรม", "www.damrongdhama.moi.go.th", 'href="/complaint/"'],
        ["<form"],
    ),
    "/complaint/": (["<form", "ร้องเรียนร้องทุกข์ทั่วไป", "ศูนย์ดำรงธรรม"], ["ทุจริต"]),
    "/ita/2569/o18": (["ปีงบประมาณ พ.ศ. ๒๕๖๘", "ไตรมาสที่ ๔", "อยู่ระหว่างดำเนินการ"], []),
    "/ita/2569/o19": (["อยู่ระหว่างรวบรวมข้อมูลปี ๒๕๖๙", "ปีงบประมาณ พ.ศ. ๒๕๖๘"], []),
    "/news/1276": (["๑๒ กุมภาพันธ์ ๒๕๖๙", "ประชาคม"], ["การนำผล", "ปรับปรุง"]),
    "/ita/2569/o20": (["๑ ตุลาคม ๒๕๖๘", "/news/1245", "/news/1271"], []),
    "/news/1245": (["No Gift Policy", "๙ ตุลาคม ๒๕๖๘"], []),
    "/news/1263": (["๑๘ ธันวาคม ๒๕๖๘", "จริยธรรม", "Dos &amp; Don'ts"], []),
    "/news/1271": (["ประโยชน์อื่นใดโดยธรรมจรรยา", "๒๓ มกราคม ๒๕๖๙"], []),
    "/ita/2569/o21": (["๑๘ พ.ย. ๒๕๖๗"], []),
    "/ita/2569/o26": (["อยู่ระหว่างจัดทำรายงาน"], ["/uploads/", "เอกสารแนบ"]),
    "/contact": (["แผนที่ตั้ง", "@paosuanthong", "saraban@pao-suanthong.go.th"], []),
    "/about/structure": (["แผนผังโครงสร้าง", "กองยุทธศาสตร์และงบประมาณ"], []),
    "/about/executives": (["นายสุรศักดิ์ พงษ์ไพบูลย์", "<img"], []),
    # ------------------------------------------------------------ documents
    "/uploads/files/6bf8f768c2f24eaf5932.pdf": (
        ["แผนผังโครงสร้าง", "ฝ่ายการเมือง", "ฝ่ายข้าราชการประจำ", "หน้าที่และอำนาจ", "กองช่าง"],
        [],
    ),
    "/uploads/files/ec03b5518c711f0a2496.pdf": (
        ["(พ.ศ. ๒๕๖๖ – ๒๕๗๐)", "ยุทธศาสตร์", "เป้าหมาย", "ตัวชี้วัด", "ปี ๒๕๖๙"],
        [],
    ),
    "/uploads/files/205c96588ca6f4cd3449.pdf": (
        ["ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "ผลผลิต", "งบประมาณ (บาท)", "ระยะเวลาดำเนินการ"],
        [],
    ),
    "/uploads/files/2d475d24989ba0b589aa.pdf": (
        ["รอบ ๖ เดือน", "ณ วันที่ ๒๘ กุมภาพันธ์ ๒๕๖๙", "ผลการดำเนินงาน", "เบิกจ่ายแล้ว (บาท)"],
        ["๓๑ มีนาคม"],
    ),
    "/uploads/files/3c51541bf434fcba4346.pdf": (
        [
            "พ.ศ. ๒๕๖๘",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่าย",
            "วันเริ่มต้น – วันสิ้นสุด",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["๒๕๖๙"],
    ),
    "/uploads/files/28f2a0c8dbfdee1a4866.docx": (
        ["คู่มือการปฏิบัติงาน", "นักวิชาการจัดเก็บรายได้", "ขั้นตอนการปฏิบัติงาน", "ระยะเวลา"],
        [],
    ),
    "/uploads/files/ef037cf19d5365dd7413.pdf": (
        [
            "ขั้นตอน",
            "ระยะเวลา",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
            "ช่องทางการให้บริการ",
            "One Stop Service",
        ],
        [],
    ),
    "/uploads/files/52df46e6eac19d3515b4.xlsx": (
        ["ต.ค. 2568", "มี.ค. 2569", "ราคากลาง", "ผู้ได้รับการคัดเลือก", "เลขที่และวันที่ของสัญญา"],
        [],
    ),
    "/uploads/files/0b8c4accbf2e87447b30.pdf": (
        [
            "การสรรหาและคัดเลือก",
            "การบรรจุและแต่งตั้ง",
            "การพัฒนาบุคลากร",
            "การประเมินผลการปฏิบัติราชการ",
            "การให้คุณให้โทษ",
            "๒๕๖๗ – ๒๕๖๙",
        ],
        [],
    ),
    "/uploads/files/fce39e10346f67ed4289.pdf": (
        ["ปีงบประมาณ พ.ศ. ๒๕๖๙", "งบประมาณ (บาท)", "ระยะเวลาดำเนินการ"],
        [],
    ),
    "/uploads/files/9e9761255b202ca30abb.pdf": (
        [
            "พ.ศ. ๒๕๖๘",
            "ผลการดำเนินการ",
            "ผลการใช้จ่าย",
            "วันเริ่มต้น – วันสิ้นสุด",
            "จำนวนผู้เข้ารับการฝึกอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["อัตรากำลัง", "ประเภทตำแหน่ง"],
    ),
    "/uploads/files/b9ff390195e03f3f0f55.pdf": (["ประมวลจริยธรรม", "ข้อกำหนดจริยธรรม"], []),
    "/uploads/files/ca385e431657a4a1ee65.pdf": (
        ["ผู้ถูกร้องเรียน", "ช่องทางการร้องเรียน", "ขั้นตอนการดำเนินการ", "ระยะเวลา", "ฝ่ายนิติการ"],
        [],
    ),
    "/uploads/files/0627bc10b7f4854bbec8.xlsx": (
        ["พ.ศ. 2568", "จำนวนเรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"],
        [],
    ),
    "/uploads/files/3c390c5f31604266ddb0.pdf": (
        ["พ.ศ. ๒๕๖๘", "ประเด็นการมีส่วนร่วม", "ผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม", "การนำผลไปปรับปรุง"],
        ["กุมภาพันธ์ ๒๕๖๙"],
    ),
    "/uploads/files/59d58b1a107f7df7611a.pdf": (
        [
            "No Gift Policy",
            "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
            "นายวีระพงษ์ ทองสวัสดิ์",
            "๑ ตุลาคม พ.ศ. ๒๕๖๘",
            "ไม่รับของขวัญ",
        ],
        [],
    ),
    "/uploads/files/98fb6e63c9b9c55ac16a.pdf": (
        ["ประโยชน์อื่นใดโดยธรรมจรรยา", "๒๓ มกราคม ๒๕๖๙", "ปฏิเสธการรับของขวัญ"],
        [],
    ),
    "/uploads/files/ef921f235d29a7f5969d.pdf": (
        [
            "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
            "เหตุการณ์ความเสี่ยง",
            "ระดับความเสี่ยง",
            "มาตรการ",
            "๑๕ พฤศจิกายน ๒๕๖๗",
        ],
        ["๒๕๖๙"],
    ),
    "/uploads/files/7771cf5a5e1134eedb04.pdf": (
        ["(พ.ศ. ๒๕๖๖ – ๒๕๗๐)", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ", "ปีงบประมาณ พ.ศ. ๒๕๖๙"],
        [],
    ),
    "/uploads/files/a9280edbbf15a3000c67.pdf": (
        ["พ.ศ. ๒๕๖๘", "ผลการดำเนินการ", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    "/uploads/files/96da0fb1c3fec7df2a32.pdf": (
        ["ITA ปี ๒๕๖๘", "จุดอ่อน", "ต้องพัฒนา", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
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


def _links(site: ServedSite, html: str, page_url: str) -> set[str]:
    tree = _content(html)
    return {
        _ref(site, urljoin(page_url, a.attributes.get("href") or "")) for a in tree.css("a[href]")
    }


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_shared_helpers_take_the_site_by_name() -> None:
    site = load_site(NAME)
    assert site.name == NAME and site.title == "องค์การบริหารส่วนจังหวัดสวนทอง"
    assert site_dir(NAME) == site.folder
    truth = load_truth(NAME)
    assert truth["site"] == NAME and truth["index_page"] == "/ita/2569/"
    with serve(NAME) as base:
        assert httpx.get(base.start_url, timeout=10).status_code == 200
        assert base.errors == []


def test_truth_covers_every_item_honestly() -> None:
    truth = load_truth(NAME)
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
    assert set(ITEMS) - {"O26"} == HTML_ONLY | FILES_ONLY | BOTH


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1.5 * 1024 * 1024


def _expected_type(ref: str) -> str:
    path = urlsplit(ref).path
    return TYPES.get(path.rsplit(".", 1)[-1], "text/html") if "." in path else "text/html"


def test_evidence_of_published_items_answers(site: ServedSite, client: httpx.Client) -> None:
    unresolvable = set(site.site.unresolvable)
    for code, item in load_truth(NAME)["items"].items():
        if item["verdict"] not in ("found", "partial", "outdated"):
            continue
        for ref in item["evidence"]:
            host = ref[2:].split("/", 1)[0] if ref.startswith("//") else ""
            if host in unresolvable:  # a national system, real online, not served here
                assert (code, ref) == ("O17", DAMRONG)
                assert host not in site.dns_table()
                continue
            response = client.get(site.url(ref), follow_redirects=True)
            assert response.status_code == 200, (code, ref)
            assert response.content, (code, ref)
            assert _expected_type(ref) in response.headers["content-type"], (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O12", "O22"}
    assert truth["O12"]["evidence"][0] == EMPTY and truth["O22"]["evidence"][0] == DEAD
    empty = client.get(site.url(EMPTY))
    assert empty.status_code == 200 and empty.content == b""
    assert empty.headers["content-type"] == "application/pdf"
    assert client.get(site.url(DEAD)).status_code == 404
    for code, url in (("O12", EMPTY), ("O22", DEAD)):  # the item page has only that button
        page = site.url(f"/ita/2569/o{code[1:]}")
        links = {ref for ref in _links(site, client.get(page).text, page) if UPLOAD.match(ref)}
        assert links == {url}, code


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
    documents = {ref for ref in published if UPLOAD.match(ref)}
    assert documents <= set(CLAIMS), "every cited document is checked"
    assert all(UPLOAD.match(doc.url) for doc in site.site.docs.values()), "meaningless names"


def _index_entries(site: ServedSite, client: httpx.Client) -> list[tuple[str, str, str]]:
    """(section, text, ref) of every entry of the ITA accordion, in order."""
    index = site.url(load_truth(NAME)["index_page"])
    tree = _content(client.get(index).text)
    out = []
    for section in tree.css("div.accordion-item"):
        button = section.css_first("button.accordion-button")
        body = section.css_first("div.accordion-collapse")
        assert button is not None and body is not None
        assert "collapse" in (body.attributes.get("class") or "")
        for li in body.css("li"):
            anchor = li.css_first("a[href]")
            assert anchor is not None
            href = urljoin(index, anchor.attributes.get("href") or "")
            out.append((button.text().strip(), li.text().strip(), _ref(site, href)))
    return out


def test_the_index_lists_every_item(site: ServedSite, client: httpx.Client) -> None:
    entries = _index_entries(site, client)
    codes = [item.code for item in FRAMEWORK.items]
    assert [ref for _, _, ref in entries] == [f"/ita/2569/o{c[1:]}" for c in codes]
    assert len({section for section, _, _ in entries}) == 7
    by_code = dict(zip(codes, entries, strict=True))
    assert by_code["O1"][1].startswith("O1 โครงสร้าง") and by_code["O1"][0].endswith("ข้อมูลพื้นฐาน")
    assert by_code["O10"][1].startswith("o๑๐ ระบบการให้บริการ")
    assert by_code["O26"][0].startswith("ตัวชี้วัดที่ ๑๐")
    truth = load_truth(NAME)["items"]
    for code, item in truth.items():
        if item["verdict"] != "missing":
            assert by_code[code][2] in item["evidence"], code


def test_item_pages_show_data_and_attachments(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    for code, item in truth.items():
        page = site.url(f"/ita/2569/o{code[1:]}")
        html = client.get(page).text
        tree = _content(html)
        heading = tree.css_first("h1")
        assert heading is not None
        title = heading.text()
        assert title.startswith((f"O-{int(code[1:]):02d} ", "ข้อ o")), (code, title)
        links = _links(site, html, page)
        uploads = {ref for ref in links if UPLOAD.match(ref)}
        buttons = [a.text().strip() for a in tree.css("div.attach a.btn")]
        data_tables = [
            t for t in tree.css("table") if "attach" not in (t.parent.attributes.get("class") or "")
        ]
        if code in HTML_ONLY:
            assert not uploads and not buttons, code
        if code in FILES_ONLY:
            assert uploads and not data_tables, code
        if code in BOTH:
            assert uploads and (data_tables or tree.css("ul")), code
        assert all(text == "ดาวน์โหลด" for text in buttons), code
        if code in TITLE_LINKS:  # older pages: the document's title is the link
            titled = [a.text() for a in tree.css("div.attach ul.files a[href]")]
            assert (
                not buttons and len(titled) == 1 and titled[0].startswith(("คู่มือ", "แผน", "รายงาน"))
            )
        elif uploads:
            assert buttons and len(buttons) == len(uploads), code
        # every cited document and outside host is linked from the item's own page
        for ref in item["evidence"]:
            if UPLOAD.match(ref) or ref.startswith("//"):
                assert ref in links, (code, ref)


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@paosuanthong" in home
    assert f"http://www.facebook.com:{site.port}/pao.suanthong" in home
    for ref in ("//line.me/R/ti/p/@paosuanthong", "//www.facebook.com/pao.suanthong",
                "//m.me/pao.suanthong"):  # fmt: skip
        assert client.get(site.url(ref)).status_code == 200, ref
    for host in site.site.unresolvable:
        assert host not in site.dns_table()
        with pytest.raises(httpx.ConnectError):
            client.get(f"http://{host}:{site.port}/")


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)
    depths = click_depths(site, "/")
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in (EMPTY, DEAD):
                continue
            response = http.get(site.url(path), follow_redirects=True)
            assert response.status_code == 200, path
            assert response.content, path
    assert {EMPTY, DEAD} <= set(depths)
    assert depths[truth["index_page"]] == 1
    assert "/backend/login.php" in depths
    for code, item in truth["items"].items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert min(depths.get(ref, 99) for ref in on_site) <= 2, (code, on_site)
    assert len([p for p in depths if not UPLOAD.match(p)]) >= 40
    assert len(site.site.docs) >= 20
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_backend(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /backend/" in robots
        login = http.get(site + "/backend/login.php", follow_redirects=True)
        assert 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/backend/", "/backend/login.php"]
