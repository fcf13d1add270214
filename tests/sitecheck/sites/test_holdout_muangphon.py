"""Self-test of the hold-out municipality site ``muangphon``: it serves what its truth says.

เทศบาลเมืองพลนคร was built without reading the checker's judging code; like the other
hold-out self-tests, this one checks the site with its own means only (HTTP answers, links,
the PDF's link annotations read with pdfminer, the DOCX read with python-docx, the project's
document reader), never with the checker's parser or judge.

The OIT index is a PDF form (ข้อ | ข้อมูล | รายละเอียด | URL) embedded by the page /ita next
to its Word copy; its URL column shows full https://www.muangphon.go.th/… addresses while
the link annotations hold site-relative paths (see ``muangphon/make_oit_form.py``): long raw
paths, or short links /s/oNN that redirect.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx
import pytest
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
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
from tests.sitecheck.sites.builder import MAX_PDF_BYTES
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths, page_links
from tests.support import fake_dns

NAME = "muangphon"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
UP = "/uploads/files/"
FORM = UP + "2569/ita/แบบรายงานการเปิดเผยข้อมูลสาธารณะ-OIT-2569"
HOST = "https://www.muangphon.go.th"

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's menu, sidebar and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/about/structure": (
        ["แผนผังโครงสร้าง", "ฝ่ายการเมือง", "ฝ่ายข้าราชการประจำ", "กองคลัง", "กองช่าง", "อำนาจหน้าที่"],
        [],
    ),
    "/about/executives": (
        [
            "นายกเทศมนตรีเมืองพลนคร",
            "รองนายกเทศมนตรี",
            "ปลัดเทศบาลเมืองพลนคร",
            "รองปลัดเทศบาล",
            "<img",
            "0818775402",
        ],
        [],
    ),
    "/contact": (["31000", "saraban@muangphon.go.th", "แผนที่ตั้ง", "<iframe", "/webboard"], []),
    "/webboard": (["กระดานถาม-ตอบ", "/webboard/topic.php?id=58"], []),
    "/news": (["21เมษายน2569", "15ตุลาคม2568", "/news/view.php?id=1179"], ["2567"]),
    "/news/view.php?id=1242": (["21เมษายน2569", "รดน้ำดำหัว"], []),
    "/news/view.php?id=1229": (["E-Service", "ไฟฟ้าส่องสว่าง"], []),
    "/news/view.php?id=1179": (["ศูนย์พักพิงชั่วคราว"], []),
    "/news/view.php?id=1188": (
        ["6พฤศจิกายน2568", "NoGiftPolicy", "ประโยชน์อื่นใดโดยธรรมจรรยา", "168คน", ".pdf"],
        [],
    ),
    "/news/view.php?id=1215": (["ประชาคมเมือง", "186คน", ".pdf"], []),
    "/eservice": (["ไม่ต้องเดินทางมาที่สำนักงาน", "/forms/d/e/", "สถิติการใช้บริการ"], []),
    "/complaint/corruption": (
        ["<form", "แยกจากช่องทางร้องเรียนทั่วไป", "ไม่จำเป็นต้องเปิดเผยชื่อ", 'type="file"'],
        [],
    ),
    "/procurement/monthly": (
        ["ปีงบประมาณพ.ศ.2568", "กันยายน2568", ".xlsx", ".pdf"],
        ["2569</td>", "ปีงบประมาณพ.ศ.2569", "มีนาคม2569"],
    ),
    UP + "2565/แผนพัฒนาท้องถิ่น-พ.ศ.2566-2570.pdf": (
        ["(พ.ศ.๒๕๖๖-๒๕๗๐)", "ยุทธศาสตร์", "เป้าประสงค์", "ตัวชี้วัด", "๒๕๖๙"],
        [],
    ),
    UP + "2569/แผนดำเนินงาน-ประจำปีงบประมาณ-2569.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๙", "ผลผลิตของโครงการ", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        ["ความก้าวหน้า", "๓๑มีนาคม", "31มีนาคม", "ผลการดำเนินงาน", "เบิกจ่าย"],
    ),
    UP + "2568/รายงานผลการดำเนินงาน-ประจำปี-2568.pdf": (
        [
            "พ.ศ.๒๕๖๘",
            "ผลการดำเนินงาน",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่ายงบประมาณ",
            "วันที่เริ่มต้น-วันที่สิ้นสุด",
        ],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    UP + "2569/คู่มือการปฏิบัติงาน-งานจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง.pdf": (
        ["คู่มือการปฏิบัติงาน", "ผู้ปฏิบัติงาน", "นักวิชาการจัดเก็บรายได้", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    UP + "2569/คู่มือสำหรับประชาชน-การขออนุญาตก่อสร้างอาคาร.pdf": (
        ["ขั้นตอน", "ระยะเวลา", "ช่องทางการให้บริการ", "ค่าธรรมเนียม", "กฎหมาย", "E-Service"],
        [],
    ),
    UP + "2568/สขร1-ปีงบประมาณ-2568-รายเดือน.xlsx": (
        ["ตุลาคม2567", "กันยายน2568", "ราคากลาง", "เลขที่และวันที่ของสัญญา"],
        ["2569"],
    ),
    UP + "2568/สขร1-กันยายน-2568.pdf": (["กันยายน๒๕๖๘", "ราคากลาง"], ["๒๕๖๙"]),
    UP + "2568/รายงานสรุปผลการจัดซื้อจัดจ้าง-ประจำปีงบประมาณ-2568.pdf": (
        [
            "พ.ศ.๒๕๖๘",
            "จำแนกตามวิธีการจัดซื้อจัดจ้าง",
            "จำนวนรายการ",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
            "แหล่งที่มาของงบประมาณ",
            "สถานะการจัดซื้อจัดจ้าง",
            "ราคากลาง(บาท)",
            "ราคาที่ตกลงซื้อหรือจ้าง(บาท)",
            "เลขประจำตัวผู้เสียภาษี",
            "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
            "เลขที่โครงการ",
            "วันที่ลงนามในสัญญา",
            "วันสิ้นสุดสัญญา",
        ],
        [],
    ),
    UP + "2567/แผนพัฒนาบุคลากร-2567-2569.pdf": (
        [
            "๒๕๖๗-๒๕๖๙",
            "การสรรหาและคัดเลือก",
            "การบรรจุและแต่งตั้ง",
            "การพัฒนาบุคลากร",
            "การประเมินผลการปฏิบัติราชการ",
            "การให้คุณให้โทษ",
            "งบประมาณ(บาท)",
            "ระยะเวลาดำเนินการ",
        ],
        [],
    ),
    UP + "2569/ประมวลจริยธรรม-และการขับเคลื่อนจริยธรรม-2569.pdf": (
        ["ประมวลจริยธรรม", "คณะทำงานขับเคลื่อนจริยธรรม", "Dos&Don'ts", "๒๓มกราคม๒๕๖๙"],
        [],
    ),
    UP + "2569/คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ-2569.pdf": (
        ["ผู้ถูกร้องเรียน", "ช่องทางการแจ้งเรื่องร้องเรียน", "ขั้นตอนการดำเนินการ", "ระยะเวลา", "ส่วนงานที่รับผิดชอบ"],
        [],
    ),
    UP + "2568/สถิติเรื่องร้องเรียนการทุจริต-ปีงบประมาณ-2568.pdf": (
        ["พ.ศ.๒๕๖๘", "จำนวนเรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"],
        [],
    ),
    UP + "2569/รายงานผลการมีส่วนร่วม-ประชาคมเมือง-2569.pdf": (
        ["๒๗กุมภาพันธ์๒๕๖๙", "ประเด็นการมีส่วนร่วม", "ผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม", "การนำผลไปปรับปรุง"],
        [],
    ),
    UP + "2569/ประกาศเจตนารมณ์-No-Gift-Policy-2569.pdf": (
        ["NoGiftPolicy", "๑ตุลาคมพ.ศ.๒๕๖๘", "นายวรวุฒิศรีพลนคร", "จะไม่รับของขวัญและของกำนัลทุกชนิด"],
        [],
    ),
    UP + "2565/แผนปฏิบัติการป้องกันการทุจริต-4-ปี-2565-2568.pdf": (
        ["(พ.ศ.๒๕๖๕-๒๕๖๘)", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        ["๒๕๖๙"],
    ),
    UP + "2568/รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต-2568.pdf": (
        ["พ.ศ.๒๕๖๘", "ผลการดำเนินการ", "งบประมาณที่ใช้ดำเนินการ", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    UP + "2569/มาตรการส่งเสริมคุณธรรมและความโปร่งใส-ผลการวิเคราะห์ITA2568.pdf": (
        ["พ.ศ.๒๕๖๘", "จุดอ่อน", "ต้องพัฒนา", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม", "ขั้นตอนการปฏิบัติ"],
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


def _pdf_links(data: bytes) -> list[str]:
    """The /URI of every link annotation of a PDF, in page order."""
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    uris = []
    for page in PDFPage.create_pages(document):
        for annotation in resolve1(page.annots) or []:
            action = resolve1(resolve1(annotation).get("A"))
            if action and "URI" in action:
                uris.append(resolve1(action["URI"]).decode("ascii"))
    return uris


def _docx_rows(data: bytes) -> dict[str, tuple[str, list[str]]]:
    """code → (URL cell text, hyperlink targets) of the Word copy of the form."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    (table,) = document.tables
    rows = {}
    for row in table.rows[1:]:
        code, cell = row.cells[0].text.strip(), row.cells[3]
        targets = [
            document.part.rels[link.get(qn("r:id"))].target_ref
            for link in cell._tc.iter(qn("w:hyperlink"))
        ]
        rows[code] = (cell.text.strip(), targets)
    return rows


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_the_shared_helpers_take_the_site_by_name() -> None:
    site = load_site(NAME)
    assert site.name == NAME and site.title == "เทศบาลเมืองพลนคร"
    assert load_truth(NAME)["site"] == NAME
    with serve(NAME) as base, httpx.Client(timeout=10) as http:
        assert http.get(base.start_url).status_code == 200
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
            assert item["years"] and max(item["years"]) < FRAMEWORK.fiscal_year, code
        for ref in item["evidence"]:
            assert ":" not in ref.split("/")[2 if ref.startswith("//") else 1], ref  # no port
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_files_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    form = folder / "static" / (FORM.lstrip("/") + ".pdf")
    assert form.is_file() and form.stat().st_size < MAX_PDF_BYTES
    assert (folder / "static" / (FORM.lstrip("/") + ".docx")).is_file()
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1.5 * 1024 * 1024
    pages = list((folder / "pages").rglob("*.html")) + list((folder / "routed").glob("*.html"))
    assert 40 <= len(pages) <= 90
    documents = len(load_site(NAME).docs) + 2  # the form's PDF and DOCX
    assert 20 <= documents <= 40


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
            assert (
                _expected_type(_ref(site, str(response.url))) in response.headers["content-type"]
            ), (code, ref)
            if ref.startswith("/s/"):  # a short link: the next evidence is where it leads
                following = item["evidence"][item["evidence"].index(ref) + 1]
                assert _ref(site, str(response.url)) == following, (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O14", "O22"}
    typo = truth["O14"]["evidence"][0]
    assert "ทรัพยากรบุคล-" in typo
    assert client.get(site.url(typo)).status_code == 404
    # No HR report under the right spelling either, and none linked on the site.
    assert client.get(site.url(typo.replace("บุคล-", "บุคคล-"))).status_code == 404
    short, viewer = truth["O22"]["evidence"]
    first = client.get(site.url(short))
    assert first.status_code == 302
    assert _ref(site, first.headers["location"]) == viewer
    response = client.get(site.url(short), follow_redirects=True)
    assert urlsplit(str(response.url)).hostname == "accounts.google.com"
    assert 'type="password"' in response.text
    assert site.site.drive["1MpH22RiskMgmtReport2568PrvQ7x"].private


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
        text = _squeeze(unquote(_text_of(client, site.url(ref))))
        for phrase in present:
            assert _squeeze(phrase) in text, (ref, phrase)
        for phrase in absent:
            assert _squeeze(phrase) not in text, (ref, phrase)
    truth = load_truth(NAME)["items"]
    published = {ref for item in truth.values() if item["verdict"] != "broken"
                 for ref in item["evidence"]}  # fmt: skip
    documents = {ref for ref in published if ref.endswith((".pdf", ".docx", ".xlsx"))}
    assert documents <= set(CLAIMS), "every cited document is checked"


def test_the_statistics_pdf_has_a_broken_text_layer() -> None:
    from pdfminer.high_level import extract_text

    path = site_dir(NAME) / "static" / (UP + "2568/สถิติเรื่องร้องเรียนการทุจริต-ปีงบประมาณ-2568.pdf")[1:]
    text = extract_text(str(path))
    assert "ดาเนินการ" in text and "ดำเนินการ" not in text


def test_the_ita_page_embeds_the_form_and_its_word_copy(
    site: ServedSite, client: httpx.Client
) -> None:
    truth = load_truth(NAME)
    assert truth["index_page"] == FORM + ".pdf"
    home = client.get(site.url("/")).text
    menu = [a for a in LexborHTMLParser(home).css("nav a") if a.text().strip() == "ITA 2569"]
    assert [a.attributes.get("href") for a in menu] == ["/ita"]
    page = _content(client.get(site.url("/ita")).text)
    frames = [_ref(site, urljoin(site, f.attributes.get("src") or "")) for f in page.css("iframe")]
    links = {_ref(site, urljoin(site, a.attributes.get("href") or "")) for a in page.css("a")}
    assert frames == [FORM + ".pdf"]
    assert links == {FORM + ".pdf", FORM + ".docx"}
    pdf = client.get(site.url(FORM + ".pdf"))
    word = client.get(site.url(FORM + ".docx"))
    assert (
        pdf.headers["content-type"] == TYPES["pdf"]
        and word.headers["content-type"] == TYPES["docx"]
    )
    text = _squeeze(read_document(pdf.content, content_type=TYPES["pdf"], url=str(pdf.url)).text)
    for phrase in ("แบบรายงานการเปิดเผยข้อมูลสาธารณะ(OIT)ปี2569", "ข้อมูล", "รายละเอียด", "URL"):
        assert phrase in text, phrase
    assert HOST + "/s/o12" in text and HOST + "/about/structure" in text
    assert "%E0%B9%81%E0%B8%9C%E0%B8%99" in text  # long raw URLs copied from the address bar


def test_the_form_links_every_item_as_the_truth_says(
    site: ServedSite, client: httpx.Client
) -> None:
    truth = load_truth(NAME)["items"]
    pdf_url = site.url(FORM + ".pdf")
    pdf_links = _pdf_links(client.get(pdf_url).content)
    assert pdf_links and all(link.startswith("/") for link in pdf_links)  # site-relative
    rows = _docx_rows(client.get(site.url(FORM + ".docx")).content)
    assert list(rows) == [item.code for item in FRAMEWORK.items]
    docx_links = {target for _, targets in rows.values() for target in targets}
    assert set(pdf_links) == docx_links, "the PDF and its Word copy link the same URLs"
    short = 0
    for code, item in truth.items():
        shown, targets = rows[code]
        if item["verdict"] == "missing":
            assert shown == "-" and not targets, code
            continue
        assert targets, code
        for target in targets:
            ref = _ref(site, urljoin(pdf_url, target))
            assert ref in item["evidence"], (code, ref)
            assert HOST + unquote(ref) in unquote(shown) or HOST + ref in shown, (code, shown)
            short += ref.startswith("/s/")
        if code == "O14":
            continue
        for target in targets:  # every link of a published (or broken Drive) item answers
            response = client.get(urljoin(pdf_url, target), follow_redirects=True)
            assert response.status_code == 200, (code, target)
    assert short == 8
    assert any("%" in target for target in docx_links), "some raw URLs are percent-encoded"


def test_short_links_redirect(site: ServedSite, client: httpx.Client) -> None:
    routes = {key: route for key, route in site.site.routes.items() if key.startswith("/s/")}
    assert len(routes) == 8
    for key in routes:
        response = client.get(site.url(key))
        assert response.status_code == 302, key
        assert response.headers["location"].startswith("http://"), key


def test_every_link_answers_but_the_broken_ones(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    for path in depths:
        if path in broken:
            continue
        assert client.get(site.url(path), follow_redirects=True).status_code == 200, path
    assert depths["/ita"] == 1 and depths[FORM + ".pdf"] == 2
    assert "/admin/" in depths
    # Outside links of the pages answer too (forms, map, social), but the e-GP one.
    outside = set()
    for path in depths:
        if path.endswith((".pdf", ".docx", ".xlsx")) or path in broken:
            continue
        html = client.get(site.url(path), follow_redirects=True).text
        outside |= {u for u in page_links(html, site.url(path)) if urlsplit(u).netloc
                    != urlsplit(site).netloc}  # fmt: skip
    for url in outside:
        host = urlsplit(url).hostname or ""
        if host in site.site.unresolvable:
            continue
        assert client.get(url, follow_redirects=True).status_code == 200, url
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_admin(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /admin/" in robots
        login = http.get(site + "/admin/", follow_redirects=True)
        assert 'type="password"' in login.text
        home = http.get(site + "/").text
        assert 'href="/admin/"' in home
    assert load_truth(NAME)["never_fetch"] == ["/admin/", "/admin/login.php"]
