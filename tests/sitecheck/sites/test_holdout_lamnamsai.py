"""Self-test of the hold-out education-office site ``lamnamsai``: it serves what its truth says.

สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำน้ำใส เขต ๒ was built without reading the checker's
judging code; like the other hold-out self-tests, this one checks the site with its own means
only (HTTP answers, links, the project's document reader), never with the checker's
index-page parser or judge.
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
from openita.sitecheck.crawl import ocr
from openita.sitecheck.crawl.documents import DocumentLimits, read_document
from tests.sitecheck.sites import HOLDOUT_SITES, SITES, ServedSite, load_truth, serve, site_dir
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths
from tests.support import fake_dns

NAME = "lamnamsai"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
CODE = re.compile(r"^[Oo]\s?(\d{1,2})\b")
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DOWNLOAD = "//drive.usercontent.google.com/download?id={}&export=download"
SCAN = "/uploads/ita2569/scan_nogift_2569.pdf"
PROGRESS = "/uploads/ita2569/O6-2_รายงานความก้าวหน้า6เดือน_2569.pdf"
GONE_FOLDERS = (
    "//drive.google.com/drive/folders/1Lns2NoGiftPhotos2569FolderQwe",
    "//drive.google.com/drive/folders/1Lns2ITA2568AllFilesFolderZx",
)

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as HTML text.
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    DOWNLOAD.format("1Lns2O1StructDuty2569QwErTyUiOpAsD"): (
        ["แผนภูมิโครงสร้าง", "รองผู้อำนวยการสพป.", "กลุ่มบริหารงานบุคคล", "หน้าที่และอำนาจ"],
        [],
    ),
    "/about/structure.html": (["<img", "กลุ่มกฎหมายและคดี", "อำนาจหน้าที่", "กฎกระทรวง"], []),
    "/about/executives.html": (
        ["ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", "รองผู้อำนวยการ", "<img", "๐๘๙๔๑๒๗๗๐๕"],
        [],
    ),
    "/contact.html": (
        ["๖๗๑๓๐", "saraban@lamnamsai2.go.th", "แผนที่ตั้ง", "LINEOfficialAccount", "line.me"],
        [],
    ),
    "/news/": (["๒๐เมษายน๒๕๖๙", "๑ตุลาคม๒๕๖๘", "read.php?id=1201"], ["กันยายน๒๕๖๘"]),
    "/uploads/ita2569/O5_แผนพัฒนาการศึกษา_2566-2570.pdf": (
        ["(พ.ศ.๒๕๖๖–๒๕๗๐)", "ยุทธศาสตร์", "เป้าประสงค์", "ตัวชี้วัด", "ค่าเป้าหมาย"],
        [],
    ),
    DOWNLOAD.format("1Lns2O6ActionPlan2569ZxCvBnMaSdFgH"): (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๙", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        ["ความก้าวหน้า", "มีนาคม"],
    ),
    PROGRESS: (
        ["๓๑มีนาคม๒๕๖๙", "ผลการดำเนินงาน", "ร้อยละความก้าวหน้า", "งบประมาณตามแผน"],
        ["เบิกจ่าย", "ใช้จ่าย", "คงเหลือ"],
    ),
    "/uploads/ita2569/O7-annual-report-2568.pdf": (
        [
            "พ.ศ.๒๕๖๘",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่ายงบประมาณ",
            "วันที่เริ่มต้น–วันที่สิ้นสุด",
            "1พ.ย.2567–31มี.ค.2568",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["๒๕๖๙", "2569"],
    ),
    DOWNLOAD.format("1Lns2O8FinanceManualPlKoJiHuGyTfR"): (
        ["คู่มือการปฏิบัติงาน", "นักวิชาการเงินและบัญชี", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    "/uploads/ita2569/O9คู่มือประชาชน_ขอหนังสือรับรองผลการเรียน.docx": (
        [
            "งานที่ให้บริการ",
            "ขั้นตอน",
            "ระยะเวลา",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
            "ช่องทางการให้บริการ",
            "E-Service",
        ],
        [],
    ),
    "/eservice/": (["ไม่ต้องเดินทาง", "docs.google.com", "/forms/", "สถิติการใช้บริการ"], []),
    "/procurement/": (
        ["ปีงบประมาณพ.ศ.๒๕๖๙", "สขร1_มค69.xlsx", "ปีงบ2568.pdf", "สขร1_กย68.xlsx"],
        [],
    ),
    "/uploads/procurement/2569/สขร1_ไตรมาส1_ตค-ธค68.pdf": (
        [
            "เดือนตุลาคม๒๕๖๘",
            "เดือนพฤศจิกายน๒๕๖๘",
            "เดือนธันวาคม๒๕๖๘",
            "ราคากลาง",
            "วิธีซื้อหรือจ้าง",
            "รายชื่อผู้เสนอราคา",
            "เหตุผลที่คัดเลือก",
            "เลขที่และวันที่ของสัญญา",
        ],
        [],
    ),
    "/uploads/procurement/2569/สขร1_มค69.xlsx": (["มกราคม2569", "ราคากลาง", "8ม.ค.69"], []),
    "/uploads/procurement/2569/สขร1_กพ69.xlsx": (["กุมภาพันธ์2569", "ราคากลาง", "12ก.พ.69"], []),
    "/uploads/procurement/2569/สขร1_มีค69.xlsx": (["มีนาคม2569", "ราคากลาง", "25มี.ค.69"], []),
    "/uploads/procurement/2568/รายงานสรุปผลการจัดซื้อจัดจ้าง_ปีงบ2568.pdf": (
        [
            "พ.ศ.๒๕๖๘",
            "จำแนกตามวิธีการจัดซื้อจัดจ้าง",
            "จำนวนรายการ",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
            "งานที่ซื้อหรือจ้าง",
            "วงเงินงบประมาณที่ได้รับจัดสรร",
            "แหล่งที่มาของงบประมาณ",
            "สถานะการจัดซื้อจัดจ้าง",
            "ราคากลาง",
            "ราคาที่ตกลงซื้อหรือจ้าง",
            "รายชื่อผู้ประกอบการ",
            "วันที่ลงนามในสัญญา",
            "วันสิ้นสุดสัญญา",
        ],
        ["เลขประจำตัวผู้เสียภาษี", "เลขประจำตัวประชาชน", "เลขที่โครงการ", "เลขที่"],
    ),
    "/uploads/ita2568/O14_แผนบริหารและพัฒนาบุคลากร_2568.pdf": (
        [
            "พ.ศ.๒๕๖๘",
            "การสรรหาและคัดเลือก",
            "การบรรจุและแต่งตั้ง",
            "การประเมินผลการปฏิบัติราชการ",
            "การให้คุณให้โทษ",
            "งบประมาณ(บาท)",
            "ระยะเวลาดำเนินการ",
        ],
        ["๒๕๖๙", "2569"],
    ),
    "/uploads/ita2569/O14_รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล_2568.pdf": (
        [
            "พ.ศ.๒๕๖๘",
            "ผลการดำเนินการ",
            "ผลการใช้จ่าย",
            "15ม.ค.2568–28มี.ค.2568",
            "ผู้เข้ารับการฝึกอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["อัตรากำลัง", "ประเภทตำแหน่ง", "ข้าราชการพลเรือน", "ลูกจ้างประจำ"],
    ),
    "/uploads/ita2569/O15-ethics-2569.pdf": (
        ["ประมวลจริยธรรม", "ก.ค.ศ.", "Dos&Don'ts", "๑๖ธันวาคม๒๕๖๘", "คณะทำงานขับเคลื่อนจริยธรรม"],
        [],
    ),
    "/news/read.php?id=1222": (["๑๖ธันวาคม๒๕๖๘", "จริยธรรม", "โดยธรรมจรรยา"], []),
    DOWNLOAD.format("1Lns2O16ComplaintGuideMnBvCxZaSdF"): (
        ["ผู้ถูกร้องเรียน", "ช่องทางการร้องเรียน", "ขั้นตอน", "ระยะเวลา", "ส่วนงานที่รับผิดชอบ"],
        [],
    ),
    "/complaint/anticorruption.html": (
        ["แยกต่างหากจากช่องทางร้องเรียนทั่วไป", "1FAIpQLSeLn2AntiCorruptionReport_k7Wz", "<iframe"],
        ["GeneralComplaintForm"],
    ),
    "/uploads/ita2569/O19-participation-2569.pdf": (
        ["๑๔มกราคม๒๕๖๙", "ประเด็นการมีส่วนร่วม", "ผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม", "การนำผลไปปรับปรุง"],
        [],
    ),
    "/uploads/ita2569/O20-nogift-activities-2569.pdf": (
        [
            "พ.ศ.๒๕๖๙",
            "NoGiftPolicy",
            "๑ตุลาคม๒๕๖๘",
            "ปลูกจิตสำนึก",
            "ประโยชน์อื่นใดโดยธรรมจรรยา",
            "๑๖ธันวาคม๒๕๖๘",
        ],
        [],
    ),
    "/news/read.php?id=1215": (["๑๙พฤศจิกายน๒๕๖๘", "ปฏิเสธการรับของขวัญ"], []),
    DOWNLOAD.format("1Lns2O21RiskAssess2569QaWsEdRfTgY"): (
        [
            "พ.ศ.๒๕๖๙",
            "เหตุการณ์ความเสี่ยง",
            "ระดับความเสี่ยง",
            "มาตรการบริหารจัดการความเสี่ยง",
            "การจัดซื้อจัดจ้าง",
            "การบริหารงานบุคคล",
        ],
        [],
    ),
    DOWNLOAD.format("1Lns2O23AntiCorruptPlan69ZaQxSwCdE"): (
        ["พ.ศ.๒๕๖๙", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ", "งบประมาณ(บาท)"],
        [],
    ),
    "/uploads/ita2568/O26_รายงานผลการดำเนินการป้องกันการทุจริต_2567.pdf": (
        ["พ.ศ.๒๕๖๗", "ผลการดำเนินการ", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        ["๒๕๖๘", "2568", "๒๕๖๙", "2569"],
    ),
    "/uploads/ita2569/O25_วิเคราะห์ผลITA2568_มาตรการ2569.pdf": (
        ["พ.ศ.๒๕๖๘", "จุดอ่อน", "ต้องพัฒนา", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
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


def _grid(html: str, page_url: str) -> dict[str, tuple[str, list[str]]]:
    """Item code → (the text of its cell, the links of its cell) on the ITA grid page.

    The code is read from the button picture's alt or title ("O1 โครงสร้าง", "o2", "O5").
    """
    tree = LexborHTMLParser(html)
    cells: dict[str, tuple[str, list[str]]] = {}
    for cell in tree.css("div.ita-grid div.ita-cell"):
        image = cell.css_first("a > img")
        assert image is not None, cell.html
        label = image.attributes.get("alt") or image.attributes.get("title") or ""
        match = CODE.match(label.strip())
        assert match, label
        code = f"O{int(match.group(1))}"
        assert code not in cells, code
        links = [urljoin(page_url, a.attributes.get("href") or "") for a in cell.css("a[href]")]
        cells[code] = (cell.text(), links)
    return cells


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
            assert item["years"] and max(item["years"]) < FRAMEWORK.fiscal_year, code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    assert (folder / "static" / SCAN.lstrip("/")).stat().st_size < 60 * 1024
    total = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert total < 1.5 * 1024 * 1024


def _expected_type(site: ServedSite, ref: str) -> str:
    host, _ = ref[2:].split("/", 1) if ref.startswith("//") else ("", ref)
    if host in ("drive.google.com", "docs.google.com"):
        return "text/html"
    if host == "drive.usercontent.google.com":
        file_id = re.search(r"id=([A-Za-z0-9_-]+)", ref).group(1)  # type: ignore[union-attr]
        return TYPES[site.site.docs[site.site.drive[file_id].doc].kind]
    suffix = urlsplit(ref).path.rsplit(".", 1)[-1]
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
                file_id = ref.split("/")[5]
                assert DOWNLOAD.format(file_id) in item["evidence"], code


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O18", "O22"}
    dead = client.get(site.url(truth["O18"]["evidence"][0]))
    assert dead.status_code == 404
    private = client.get(site.url(truth["O22"]["evidence"][0]), follow_redirects=True)
    assert urlsplit(str(private.url)).hostname == "accounts.google.com"
    assert 'type="password"' in private.text
    for folder in GONE_FOLDERS:  # non-item links to Drive folders that are gone
        assert client.get(site.url(folder)).status_code == 404, folder


def _text_of(client: httpx.Client, url: str) -> str:
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200, url
    content_type = response.headers["content-type"]
    if content_type.startswith("text/html"):
        return response.text
    document = read_document(response.content, content_type=content_type, url=url)
    assert document.ok, (url, document.note)
    assert not document.ocr, url  # only the scan needs OCR
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
    assert (documents | downloads) - {SCAN} <= set(CLAIMS), "every cited document is checked"


def test_the_no_gift_announcement_is_a_scan(site: ServedSite, client: httpx.Client) -> None:
    body = client.get(site.url(SCAN)).content
    assert body.startswith(b"%PDF") and b"/Font" not in body and b"/Subtype /Image" in body
    bare = read_document(body, content_type="application/pdf", limits=DocumentLimits(ocr=False))
    assert _squeeze(bare.text) == ""  # no text layer at all
    if not ocr.pdf_available():
        pytest.skip("tesseract with Thai data or pdftoppm not installed")
    document = read_document(body, content_type="application/pdf", url=site.url(SCAN))
    assert document.ok and document.ocr, document.note
    text = _squeeze(document.text)
    for phrase in ("เจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิด", "(นายธนากรศรีวิไลวงศ์)"):
        assert phrase in text, phrase
    assert "จึงประกาศให้ทราบโดยทั่วกัน" in text
    # The Thai-digit years an assessor reads (๒๕๖๙, ๒๕๖๘) may come out garbled (see the truth).


def test_the_ita_page_is_a_grid_of_buttons(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    html = client.get(index).text
    cells = _grid(html, index)
    assert set(cells) == set(ITEMS)
    tree = LexborHTMLParser(html)
    labels = {img.attributes.get("alt") for img in tree.css("div.ita-cell a > img")}
    assert {"O1 โครงสร้าง", "o2", "O5", "O26"} <= labels
    assert all(cell.css_first("p.cap") for cell in tree.css("div.ita-cell"))
    for code, item in truth["items"].items():
        _, links = cells[code]
        linked = {unquote(link).split("#")[0] for link in links}
        if item["verdict"] == "missing":
            assert not (linked & {unquote(site.url(ref)) for ref in item["evidence"]}), code
            continue
        wanted = {unquote(site.url(ref)) for ref in item["evidence"]}
        assert linked & wanted, code
    # Several procurement items share one page; O6's progress report hides behind "คลิก".
    assert [unquote(link).split("#")[0] for link in cells["O11"][1]] == [site.url("/procurement/")]
    assert [unquote(link).split("#")[0] for link in cells["O12"][1]] == [site.url("/procurement/")]
    progress = LexborHTMLParser(html).css(f'div.ita-cell a[href="{PROGRESS}"]')
    assert [a.text().strip() for a in progress] == ["คลิก"]
    assert any("/ita2568/" in unquote(link) for link in cells["O13"][1] + cells["O24"][1])
    assert "/ita2568/" in html  # last year's page is linked from this year's


def test_the_under_construction_page(site: ServedSite, client: httpx.Client) -> None:
    index = site.url("/ita2569/")
    _, links = _grid(client.get(index).text, index)["O26"]
    assert [unquote(urlsplit(link).path) for link in links] == ["/ita2569/o26.html"]
    response = client.get(links[0])
    assert response.status_code == 200
    content = LexborHTMLParser(response.text).css_first("div.content")
    heading = content.css_first("h2").text()  # the item's title, nothing more
    body = content.text().replace(heading, "")
    assert "อยู่ระหว่างการปรับปรุง" in body
    assert not re.search(r"มาตรการ|ผลการดำเนิน|๒๕๖๘|2568", body)
    assert not content.css("table") and not re.search(r"\.(pdf|docx|xlsx)", content.html)


def test_last_years_page_keeps_old_files(site: ServedSite, client: httpx.Client) -> None:
    html = client.get(site.url("/ita2568/")).text
    assert "O14_แผนบริหารและพัฒนาบุคลากร_2568.pdf" in unquote(html)
    for ref in (
        "/uploads/ita2568/O6_แผนปฏิบัติการ_2568.pdf",
        "/uploads/ita2568/O21_ประกาศNoGift_2568.pdf",
    ):
        text = _squeeze(_text_of(client, site.url(ref)))
        assert "๒๕๖๘" in text and "๒๕๖๙" not in text, ref


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@lamnamsai2" in home
    assert f"http://www.facebook.com:{site.port}/lamnamsai2.obec" in home
    tree = LexborHTMLParser(home)
    icons = tree.css("div.icon-grid a > img")
    assert len(icons) >= 10 and all(img.attributes.get("alt") for img in icons)
    for ref in (
        "//line.me/R/ti/p/@lamnamsai2",
        "//www.facebook.com/lamnamsai2.obec",
        "//m.me/lamnamsai2.obec",
        "//maps.app.goo.gl/Lns2OfficeMap9Rt",
        "//docs.google.com/forms/d/e/1FAIpQLScLn2GeneralComplaintForm_p3Rt/viewform",
    ):
        assert client.get(site.url(ref)).status_code == 200, ref
    general = client.get(site.url("/complaint/")).text
    assert "GeneralComplaintForm" in general and "/complaint/anticorruption.html" in general
    assert "AntiCorruptionReport" not in general


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)["items"]
    broken = {ref for item in truth.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken:
                continue
            assert http.get(site.url(path), follow_redirects=True).status_code == 200, path
    assert "/ita2569/o26.html" in depths and "/amss/" in depths
    assert depths["/ita2569/"] == 1 and depths["/procurement/"] == 1
    for code, item in truth.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert any(ref in depths for ref in on_site), (code, on_site)
            assert min(depths[ref] for ref in on_site if ref in depths) <= 3, code
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_staff_system(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /amss/" in robots
        assert 'type="password"' in http.get(site + "/amss/").text
    assert load_truth(NAME)["never_fetch"][0] == "/amss/"
