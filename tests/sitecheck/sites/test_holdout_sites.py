"""Self-test of the hold-out fixture sites: they serve what their truth files say.

The hold-out sites (``HOLDOUT_SITES``) were built without reading the checker's judging code;
this test checks them with the site's own means only (HTTP answers, links, the document
reader), never with the checker's index-page parser or judge.
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx
import pytest
from pdfminer.high_level import extract_text
from selectolax.lexbor import LexborHTMLParser

from openita.frameworks.schema import load_yaml
from openita.lib.thaidate import fill_year_placeholders
from openita.sitecheck.crawl.documents import read_document
from tests.sitecheck.sites import (
    HOLDOUT_SITES,
    SITES,
    ServedSite,
    load_truth,
    serve,
    site_dir,
)
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small, expected_type
from tests.sitecheck.sites.clicks import click_depths, page_links
from tests.support import fake_dns

# The two hold-outs this file knows; the hospital has its own test_holdout_hospital.py.
CHECKED = ("srinakhram", "phimanthong")
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# An item code as agencies write it: O1, o๒, O 17 (not part of a word or a longer number).
CODE = re.compile(r"(?<![A-Za-z0-9])[Oo]\s?([0-9๐-๙]{1,2})(?![0-9๐-๙])")

# What the documents and pages really say, as the truth files claim: ref → (phrases that
# must be there, phrases that must not). Compared without whitespace, after the project's
# document reader (Thai normalisation, sara-am repair) for documents, on the text for pages.
CLAIMS: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "srinakhram": {
        "/uploads/2024/11/7c1d0e.pdf": (
            ["แผนผังโครงสร้าง", "นายกเทศมนตรี", "สภาเทศบาล", "ปลัดเทศบาล", "หน้าที่และอำนาจ"],
            [],
        ),
        "/about/structure": (["หน้าที่และอำนาจ", "กองยุทธศาสตร์และงบประมาณ", "7c1d0e.pdf"], []),
        "/about/executives": (["รองนายกเทศมนตรี", "ปลัดเทศบาล", "โทร.๐๘๙๖๒๑๔๔๐๗"], []),
        "/contact": (["๔๗๐๐๐", "saraban@srinakhram.go.th", "@srinakhram"], ["แผนที่", "<iframe"]),
        "/news": (["มี.ค.๒๕๖๘", "ม.ค.๒๕๖๘", "/news?page=2"], []),
        "/news?page=2": (["ธ.ค.๒๕๖๗", "ต.ค.๒๕๖๗"], []),
        "/news?page=4": (["๒๕๖๖", "/news/read/1874"], ["ถัดไป"]),
        "/uploads/2022/10/d41b77.pdf": (
            ["(พ.ศ.๒๕๖๖–๒๕๗๐)", "ยุทธศาสตร์", "เป้าประสงค์", "ตัวชี้วัด", "เป้าหมาย(ผลผลิต"],
            [],
        ),
        "/uploads/2024/10/b5e2a9.pdf": (
            ["ประจำปีงบประมาณพ.ศ.๒๕๖๘", "(ผลผลิต)", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
            [],
        ),
        "/uploads/2025/04/9a0c4f.pdf": (["๓๑มีนาคม๒๕๖๘", "เบิกจ่ายแล้ว", "ผลการดำเนินงาน"], []),
        "/uploads/2024/12/c0f3b8.pdf": (
            ["พ.ศ.๒๕๖๗", "ปัญหาและอุปสรรค", "ข้อเสนอแนะ", "วันเริ่มต้น", "วันสิ้นสุด", "เบิกจ่ายจริง"],
            [],
        ),
        "/uploads/2024/12/e41d07.pdf": (["คู่มือการปฏิบัติงาน", "ผู้ปฏิบัติงาน", "ขั้นตอน"], []),
        "/uploads/2024/07/55c0de.pdf": (
            ["ไม่มีค่าธรรมเนียม", "กฎหมายที่เกี่ยวข้อง", "ขั้นตอนการให้บริการ", "ศูนย์บริการร่วม"],
            ["ระยะเวลา", "นาที", "วันทำการ"],
        ),
        "/uploads/2024/10/aa02f4.pdf": (["(Walk-in)", "E-Service", "พ.ศ.๒๕๖๗"], []),
        "/uploads/2024/11/5e0c9a.pdf": (
            ["แหล่งที่มาของงบประมาณ", "วิธีการจัดซื้อจัดจ้าง", "พ.ศ.๒๕๖๘", "วงเงินงบประมาณ"],
            [],
        ),
        "/uploads/2025/04/0d7e4b.xlsx": (
            ["ราคากลาง", "31มีนาคม2568", "เลขที่และวันที่ของสัญญา"],
            ["แหล่งที่มา", "สถานะ", "เลขประจำตัวผู้เสียภาษี", "เลขที่โครงการ", "วันสิ้นสุด"],
        ),
        "/uploads/2024/11/91f6aa.pdf": (
            ["๒๕๖๗", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ", "เลขประจำตัวผู้เสียภาษี", "วันสิ้นสุดสัญญา"],
            [],
        ),
        "/uploads/2024/11/91f6ab.xlsx": (["เลขประจำตัวผู้เสียภาษี", "วันสิ้นสุดสัญญา", "2567"], []),
        "/uploads/2020/10/3d3e3f.pdf": (["(พ.ศ.๒๕๖๔–๒๕๖๖)"], ["๒๕๖๗", "๒๕๖๘"]),
        "/uploads/2020/09/3a3b3c.pdf": (["(พ.ศ.๒๕๖๔–๒๕๖๖)"], ["๒๕๖๗", "๒๕๖๘"]),
        "/uploads/2023/02/17ab5c.pdf": (["ประมวลจริยธรรม"], []),
        "/news/read/2291": (["ธันวาคม๒๕๖๗", "Dos&amp;Don'ts", "ประมวลจริยธรรม"], []),
        "/uploads/2024/10/2c9e5d.pdf": (
            ["ช่องทางการร้องเรียน", "ขั้นตอนการดำเนินการ", "ระยะเวลาดำเนินการ", "งานนิติการ"],
            [],
        ),
        "/complaint/corruption": (["<form", 'type="file"', "แยกจากการร้องเรียนทั่วไป"], []),
        "/uploads/2025/02/6b1d3e.pdf": (
            ["๒๔มกราคม๒๕๖๘", "ผู้เข้าร่วมประชุม", "ผลการประชุม"],
            ["นำผล", "นำไปใช้", "ปรับปรุง"],
        ),
        "/uploads/2023/03/8e4f20.pdf": (["๑๕มีนาคมพ.ศ.๒๕๖๖", "NoGiftPolicy"], ["๒๕๖๘"]),
        "/news/read/1874": (["๒๐มี.ค.๒๕๖๖", "NoGiftPolicy"], ["๒๕๖๘"]),
        "/uploads/2025/01/4a7c91.pdf": (
            ["๒๕๖๘", "การอำนวยความสะดวก", "การจัดซื้อจัดจ้าง", "การบริหารงานบุคคล", "ระดับความเสี่ยง"],
            [],
        ),
        "/uploads/2022/12/f5a2d8.pdf": (
            ["(พ.ศ.๒๕๖๖–๒๕๗๐)", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
            [],
        ),
        "/uploads/2023/11/e0a1b3.pdf": (["พ.ศ.๒๕๖๖"], ["๒๕๖๗"]),
        "/uploads/2022/11/e0a1b2.pdf": (["พ.ศ.๒๕๖๕"], ["๒๕๖๖", "๒๕๖๗"]),
        "/uploads/2025/03/a8f3e1.pdf": (
            ["พ.ศ.๒๕๖๗", "จุดอ่อน", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
            [],
        ),
        "/uploads/2024/11/b27c44.pdf": (["พ.ศ.๒๕๖๗", "ผลการดำเนินการ", "ผลลัพธ์"], []),
    },
    "phimanthong": {
        "/about/files/org-chart-2567.pdf": (["สภามหาวิทยาลัย", "รองอธิการบดี", "กองคลัง"], []),
        "/about/mission": (["หน้าที่และอำนาจ", "พระราชบัญญัติมหาวิทยาลัยราชภัฏ"], []),
        "/about/executives": (["อธิการบดี", "รองอธิการบดีฝ่ายบริหาร", "ต่อ1201"], []),
        "/contact": (["แผนที่ตั้ง", "@pmtru", "47000", "saraban@pmtru.ac.th"], []),
        "/news/": (["มี.ค.2568", "March7,2025"], []),
        "/about/files/strategic-plan-2566-2570.pdf": (
            ["(พ.ศ.2566–2570)", "เป้าประสงค์", "ตัวชี้วัด", "ประเด็นยุทธศาสตร์"],
            [],
        ),
        "/plan/files/action-plan-2568.pdf": (
            ["ประจำปีงบประมาณพ.ศ.2568", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
            [],
        ),
        "/plan/files/action-plan-2568-progress-6m.xlsx": (
            ["31มี.ค.2568", "ผลการดำเนินงาน"],
            ["เบิกจ่าย", "ใช้จ่าย", "(บาท)"],
        ),
        "/plan/files/annual-report-2566.pdf": (
            ["ปีงบประมาณพ.ศ.2566", "ปัญหาอุปสรรค", "ข้อเสนอแนะ"],
            ["2567", "2568"],
        ),
        "/units/president-office/finance/files/manual-speaker-fee.docx": (
            ["คู่มือการปฏิบัติงาน", "ขั้นตอนการปฏิบัติงาน", "นักวิชาการเงินและบัญชี"],
            [],
        ),
        "/services/files/guide-transcript.pdf": (
            ["10นาที", "ค่าธรรมเนียม", "ข้อบังคับ", "e-Request"],
            [],
        ),
        "/eservice/": (["ไม่ต้องเดินทาง", "reg.pmtru.ac.th"], []),
        "/services/files/service-stats-2567.xlsx": (
            ["ปีงบประมาณ2567", "ห้องบริการ"],
            ["E-Service", "ออนไลน์", "online"],
        ),
        "/procurement/files/procurement-plan-2568.pdf": (
            ["แหล่งที่มาของงบประมาณ", "พ.ศ.2568", "วิธีการจัดหา"],
            [],
        ),
        "/procurement/files/procurement-progress-2568-03.pdf": (
            ["31มีนาคม2568", "เลขประจำตัวผู้เสียภาษี", "วันสิ้นสุดสัญญา", "สถานะ", "แหล่งที่มา"],
            [],
        ),
        "/procurement/files/procurement-progress-2568-03.xlsx": (
            ["เลขประจำตัวผู้เสียภาษี", "วันสิ้นสุดสัญญา", "สถานะ", "แหล่งที่มา"],
            [],
        ),
        "/procurement/files/procurement-report-2567.pdf": (
            ["พ.ศ.2567", "ปัญหาอุปสรรค", "ข้อเสนอแนะ", "เลขประจำตัวผู้เสียภาษี"],
            [],
        ),
        "/units/president-office/personnel/files/hr-plan-2568.docx": (
            ["พ.ศ.2568", "ช่วงเวลาดำเนินการ"],
            ["บาท"],
        ),
        "/units/president-office/personnel/documents/files/hr-report-2567.pdf": (
            ["พ.ศ.2567", "สถิติอัตรากำลัง", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ", "ใช้จ่ายจริง"],
            [],
        ),
        "/governance/files/ethics-code.pdf": (["ประมวลจริยธรรม"], []),
        "/news/detail/418": (["มกราคม2568", "Dos&amp;Don'ts"], []),
        "/complaint/files/complaint-manual-2568.pdf": (
            ["ช่องทางการร้องเรียน", "ระยะเวลา", "ขั้นตอนการดำเนินการ", "หน่วยตรวจสอบภายใน"],
            [],
        ),
        "/complaint/whistleblow": (["<form", "ส่งตรงถึงหน่วยตรวจสอบภายใน"], []),
        "/complaint/": (["complaint-stats-2567.png", "แยกจากเรื่องร้องเรียนทั่วไป"], []),
        "/governance/files/participation-2567.pdf": (["14มิถุนายน2567", "การนำผลไปใช้"], []),
        "/news/detail/412": (["15พฤศจิกายน2567", "NoGiftPolicy", "no-gift-announcement"], []),
        "/governance/files/risk-assessment-2567.pdf": (["ประจำปีงบประมาณพ.ศ.2567"], ["2568"]),
        "/governance/files/anti-corruption-plan-2568.pdf": (
            ["พ.ศ.2568", "ไม่ใช้งบประมาณ", "ระยะเวลาดำเนินการ"],
            [],
        ),
        "/governance/files/anti-corruption-report-2567.docx": (
            ["พ.ศ.2567", "งบประมาณที่ใช้"],
            ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
        ),
        "/governance/files/integrity-measures-2568.pdf": (
            ["(ITA)ปี2567", "จุดอ่อน", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
            [],
        ),
    },
}
# Pictures (the item exists only as an image): what their HTML sources say.
IMAGES = {
    "/complaint/images/complaint-stats-2567.png": (
        "complaint-stats-2567.html",
        ["ปีงบประมาณ พ.ศ. 2567", "เรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"],
    ),
    "/uploads/news/412/no-gift-announcement-2568.png": (
        "no-gift-announcement-2568.html",
        ["๑ ตุลาคม พ.ศ. ๒๕๖๗", "อธิการบดี", "จะไม่รับของขวัญ", "ทั้งก่อน ระหว่าง และหลัง"],
    ),
}
# PDFs whose text layer lost the nikhahit (the page still shows it).
BROKEN_TEXT_LAYER = [
    "/plan/files/action-plan-2568.pdf",
    "/complaint/files/complaint-manual-2568.pdf",
    "/governance/files/anti-corruption-plan-2568.pdf",
]


@pytest.fixture(scope="module", params=CHECKED)
def site(request: pytest.FixtureRequest) -> Iterator[ServedSite]:
    with serve(request.param, slow_s=0) as base:
        yield base
        assert base.errors == []


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch, site: ServedSite) -> Iterator[httpx.Client]:
    fake_dns(monkeypatch, site.dns_table())
    with httpx.Client(timeout=10) as http:
        yield http


def _element_texts(code: str) -> set[str]:
    return {fill_year_placeholders(e.text, FRAMEWORK.fiscal_year) for e in ITEMS[code].elements}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_holdout_sites_are_kept_apart() -> None:
    assert set(HOLDOUT_SITES).isdisjoint(SITES)


@pytest.mark.parametrize("name", CHECKED)
def test_truth_covers_every_item_and_names_real_elements(name: str) -> None:
    truth = load_truth(name)
    assert truth["site"] == name
    assert truth["framework"] == FRAMEWORK.id
    assert truth["fiscal_year"] == FRAMEWORK.fiscal_year
    assert set(truth["items"]) == set(ITEMS)
    for code, item in truth["items"].items():
        assert item["note"], code
        assert set(item["missing"]) <= _element_texts(code), code
        assert bool(item["missing"]) == (item["verdict"] == "partial"), code
        assert bool(item["evidence"]) == (item["verdict"] != "missing"), code
        if item["verdict"] == "outdated":
            assert item["years"], code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    found = verdicts.count("found") / len(verdicts)
    assert 0.55 <= found <= 0.65, found  # an honest spread, not a showcase
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


@pytest.mark.parametrize("name", CHECKED)
def test_committed_pdfs_are_built_and_small(name: str) -> None:
    assert_pdfs_built_and_small(name)


def test_evidence_of_published_items_answers_with_content(
    site: ServedSite, client: httpx.Client
) -> None:
    for code, item in load_truth(site.site.name)["items"].items():
        if item["verdict"] not in ("found", "partial", "outdated"):
            continue
        for ref in item["evidence"]:
            response = client.get(site.url(ref), follow_redirects=True)
            assert response.status_code == 200, (code, ref)
            assert response.content, (code, ref)
            assert expected_type(ref) in response.headers["content-type"], (code, ref)
            final = unquote(urlsplit(str(response.url)).path)
            assert final == unquote(urlsplit(site.url(ref)).path), (code, ref, final)


def _broken(site: ServedSite, client: httpx.Client, ref: str) -> bool:
    """What an assessor meets: an error, a refused host, the home page, a login, "no file"."""
    try:
        response = client.get(site.url(ref), follow_redirects=True)
    except httpx.TransportError:
        return True
    final = urlsplit(str(response.url))
    if response.status_code >= 400 or not response.content:
        return True
    if final.path == "/" and urlsplit(site.url(ref)).path != "/":
        return True  # sent back to the home page
    text = response.text
    return 'type="password"' in text or "ไม่พบไฟล์" in text


def test_broken_evidence_is_really_broken(site: ServedSite, client: httpx.Client) -> None:
    broken = {
        code: item["evidence"]
        for code, item in load_truth(site.site.name)["items"].items()
        if item["verdict"] == "broken"
    }
    assert broken
    for code, refs in broken.items():
        assert all(_broken(site, client, ref) for ref in refs), code


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
    truth = load_truth(site.site.name)
    cited = {ref for item in truth["items"].values() for ref in item["evidence"]}
    for ref, (present, absent) in CLAIMS[site.site.name].items():
        text = _squeeze(_text_of(client, site.url(ref)))
        for phrase in present:
            assert _squeeze(phrase) in text, (ref, phrase)
        for phrase in absent:
            assert _squeeze(phrase) not in text, (ref, phrase)
    documents = {ref for ref in cited if ref.endswith((".pdf", ".docx", ".xlsx"))}
    broken = {ref for item in truth["items"].values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    assert documents - broken <= set(CLAIMS[site.site.name]), "every cited document is checked"


def test_the_pictures_are_what_their_sources_say() -> None:
    folder = site_dir("phimanthong")
    truth_refs = {ref for item in load_truth("phimanthong")["items"].values()
                  for ref in item["evidence"]}  # fmt: skip
    for path, (source, phrases) in IMAGES.items():
        assert path in truth_refs
        png = (folder / "static" / path.lstrip("/")).read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", png[16:24])
        assert width >= 800 and height >= 600, path  # a real picture, not the 1×1 placeholder
        html = (folder / "image-src" / source).read_text(encoding="utf-8")
        for phrase in phrases:
            assert phrase in html, (path, phrase)
        document = read_document(png, content_type="image/png", url=path)
        if document.ok:  # OCR available: the picture holds the university's name
            assert "มหาวิทยาลัยราชภัฏพิมานทอง" in _squeeze(document.text), path


def test_broken_text_layer_pdfs() -> None:
    folder = site_dir("phimanthong") / "static"
    for path in BROKEN_TEXT_LAYER:
        body = (folder / path.lstrip("/")).read_bytes()
        raw = extract_text(io.BytesIO(body))
        assert "ดาเนิน" in raw or "ประจาปี" in raw, path
        assert "\u0e4d" not in raw and "ดำเนิน" not in raw, path
        repaired = read_document(body, content_type="application/pdf").text
        assert "ดำเนิน" in repaired or "ประจำปี" in repaired, path


def _index_entries(html: str, page_url: str) -> dict[str, list[str]]:
    """Item code → the links of its line (a paragraph or list item) on the index page."""
    tree = LexborHTMLParser(html)
    entries: dict[str, list[str]] = {}
    for node in tree.css(".article-body p, .article-body li"):
        match = CODE.match(node.text().strip())
        if not match:
            continue
        code = "O" + str(int(match.group(1).translate(THAI_DIGITS)))
        links = [urljoin(page_url, a.attributes.get("href") or "") for a in node.css("a[href]")]
        entries[code] = links
    return entries


def test_the_index_page_leads_to_the_evidence() -> None:
    truth = load_truth("srinakhram")
    with serve("srinakhram") as base, httpx.Client(timeout=10) as http:
        index = base.url(truth["index_page"])
        entries = _index_entries(http.get(index).text, index)
        assert set(entries) == set(ITEMS)
        codes = [m.group(0) for m in CODE.finditer(http.get(index).text)]
        assert any(re.search("[๐-๙]", c) for c in codes)  # Thai digits in places
        for code, item in truth["items"].items():
            links = entries[code]
            if item["verdict"] == "missing":
                assert links == [], code
                continue
            assert links, code
            reached = {unquote(link) for link in links}
            for link in links:  # one click further: pages that list the documents
                response = http.get(link, follow_redirects=True)
                if response.headers.get("content-type", "").startswith("text/html"):
                    reached |= {unquote(u) for u in page_links(response.text, str(response.url))}
            wanted = {unquote(base.url(ref)) for ref in item["evidence"]}
            assert reached & wanted, code


def test_no_page_of_the_university_reads_as_an_ita_index() -> None:
    with serve("phimanthong") as base, httpx.Client(timeout=10) as http:
        for path in click_depths(base, "/"):
            if path.endswith((".pdf", ".docx", ".xlsx", ".png")):
                continue
            response = http.get(base.url(path), follow_redirects=True)
            if "html" in response.headers.get("content-type", ""):
                text = LexborHTMLParser(response.text).body.text()
                assert not CODE.search(text), path


@pytest.mark.parametrize("name", CHECKED)
def test_every_link_answers_but_the_broken_ones(name: str) -> None:
    truth = load_truth(name)
    broken = {ref for item in truth["items"].values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    with serve(name) as base, httpx.Client(timeout=10) as http:
        depths = click_depths(base, "/")
        for path in depths:
            if path in broken:
                continue
            response = http.get(base.url(path), follow_redirects=True)
            assert response.status_code == 200, path
            assert base.errors == []
        for code, item in truth["items"].items():
            on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
            if on_site:
                assert any(ref in depths for ref in on_site), (code, on_site)


def test_the_deep_page_is_exactly_five_clicks_away() -> None:
    truth = load_truth("phimanthong")
    with serve("phimanthong") as base:
        depths = click_depths(base, "/")
    assert depths[truth["deep_page"]["path"]] == truth["deep_page"]["depth"] == 5
    assert truth["deep_page"]["path"] in truth["items"]["O15"]["evidence"]


def test_news_archive_is_paginated() -> None:
    with serve("srinakhram") as base, httpx.Client(timeout=10) as http:
        pages = [http.get(f"{base}/news?page={n}").text for n in range(1, 5)]
        assert http.get(f"{base}/news").text == pages[0]
    assert all("/news/read/" in page for page in pages)
    assert "ถัดไป" in pages[0] and "ถัดไป" not in pages[3]
    assert len({re.findall(r"/news/read/(\d+)", page)[0] for page in pages}) == 4


def test_robots_and_sitemap() -> None:
    with serve("srinakhram") as base, httpx.Client(timeout=10) as http:
        robots = http.get(base + "/robots.txt").text.splitlines()
        assert "Disallow: /administrator/" in robots
        assert f"Sitemap: {base}/sitemap.xml" in robots
        sitemap = http.get(base + "/sitemap.xml")
        assert sitemap.headers["content-type"].startswith("application/xml")
        locs = re.findall(r"<loc>([^<]+)</loc>", sitemap.text)
        assert len(locs) > 10
        for loc in locs:
            assert loc.startswith(base)
            assert http.get(loc, follow_redirects=True).status_code == 200, loc
    with serve("phimanthong") as base, httpx.Client(timeout=10) as http:
        assert "Disallow: /staff/" in http.get(base + "/robots.txt").text.splitlines()
