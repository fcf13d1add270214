"""Self-test of the hold-out hospital site ``wiangsing``: it serves what its truth file says.

โรงพยาบาลเวียงสิงห์ was built without reading the checker's judging code; like the other
hold-out self-test, this one checks the site with its own means only (HTTP answers, links,
the project's document reader), never with the checker's index-page parser or judge.
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
from tests.sitecheck.sites import HOLDOUT_SITES, SITES, ServedSite, load_truth, serve
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths
from tests.support import fake_dns

NAME = "wiangsing"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
CODE = re.compile(r"^\(?[Oo]\s?([0-9๐-๙]{1,2})\)?$")
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DOWNLOAD = "//drive.usercontent.google.com/download?id={}&export=download"

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as HTML text.
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    DOWNLOAD.format("1WsH01OrgChart2568pQrStUvWxYzAbCd"): (
        ["แผนผังโครงสร้าง", "รองผู้อำนวยการฝ่ายการแพทย์", "กลุ่มงานพัสดุ", "หน้าที่และอำนาจ"],
        [],
    ),
    "/about/executives.php": (
        ["ผู้อำนวยการโรงพยาบาลเวียงสิงห์", "รองผู้อำนวยการฝ่ายบริหาร", "<img", "ต่อ๑๐๐๒"],
        [],
    ),
    "/contact/": (
        ["๓๔๑๙๐", "saraban.wsh@moph.go.th", "แผนที่ตั้ง", "LINEOfficialAccount", "line.me"],
        [],
    ),
    "/news/": (["๒๘มี.ค.๒๕๖๘", "๑๕ต.ค.๒๕๖๗", "read.php?id=1080"], ["๒๕๖๖"]),
    "/ita2568/doc/O5-strategic-plan-2566-2570.pdf": (
        ["(พ.ศ.๒๕๖๖–๒๕๗๐)", "ยุทธศาสตร์", "เป้าประสงค์", "ตัวชี้วัด", "ค่าเป้าหมาย"],
        [],
    ),
    DOWNLOAD.format("1WsH06ActionPlan2568KlMnOpQrStUvW"): (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๘", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        ["ความก้าวหน้า", "มีนาคม", "ผลการใช้จ่าย", "ผลการดำเนินงาน"],
    ),
    "/ita2567/doc/O13-annual-report.pdf": (
        ["พ.ศ.๒๕๖๖", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ", "ผลการใช้จ่าย", "วันเริ่มต้น–วันสิ้นสุด"],
        ["2567", "๒๕๖๗", "2568", "๒๕๖๘"],
    ),
    "/ita2568/doc/O8-manual-ER-triage.pdf": (
        ["คู่มือการปฏิบัติงาน", "พยาบาลวิชาชีพ", "ขั้นตอนการปฏิบัติ"],
        [],
    ),
    DOWNLOAD.format("1WsH09MedRecordCopyGuideXyZaBcDeF"): (
        ["ขั้นตอน", "ระยะเวลา", "ไม่มีค่าธรรมเนียม", "กฎหมายที่เกี่ยวข้อง", "ช่องทางการให้บริการ"],
        [],
    ),
    "/equeue/": (["<form", "ไม่ต้องเดินทาง", "จองคิว"], []),
    "/ita2568/doc/O11_สถิติผู้รับบริการ_ปีงบ2567.xlsx": (
        ["ปีงบประมาณ2567", "ผู้ป่วยนอก(ครั้ง)", "375569"],
        ["E-Service", "ออนไลน์", "จองคิว", "online"],
    ),
    DOWNLOAD.format("1WsH12Procure2568Mar31GhIjKlMnOpQ"): (
        [
            "งบลงทุน",
            "พ.ศ.๒๕๖๘",
            "แหล่งที่มาของงบประมาณ",
            "ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ",
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
    "/ita2568/doc/O14-hrd-plan-2568.pdf": (
        ["พ.ศ.๒๕๖๘", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ", "ไม่ใช้งบประมาณ"],
        [],
    ),
    "/ita2568/doc/O16-ethics-2568.pdf": (
        ["ประมวลจริยธรรม", "Dos&Don'ts", "๑๘ธันวาคม๒๕๖๗", "คณะทำงานขับเคลื่อนจริยธรรม"],
        [],
    ),
    "/news/read.php?id=1121": (["๑๘ธันวาคม๒๕๖๗", "จริยธรรม"], []),
    DOWNLOAD.format("1WsH17ComplaintGuideRsTuVwXyZaBcD"): (
        ["ผู้ถูกร้องเรียน", "ช่องทางการร้องเรียน", "ขั้นตอนการดำเนินการ", "ระยะเวลา"],
        [],
    ),
    "/complaint/corruption.php": (
        ["<form", "แยกจากช่องทางร้องเรียนการให้บริการทั่วไป", 'type="file"'],
        [],
    ),
    "/ita2568/doc/O19-complaint-stat-2567.pdf": (
        ["พ.ศ.๒๕๖๗", "จำนวนเรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"],
        [],
    ),
    DOWNLOAD.format("1WsH20CommunityForum2568EfGhIjKlM"): (
        ["๒๐กุมภาพันธ์๒๕๖๘", "ประเด็น", "ผู้เข้าร่วมประชุม", "ข้อเสนอ"],
        ["นำผล", "ปรับปรุง", "นำไปใช้"],
    ),
    "/ita2568/doc/O21-nogift-announcement.pdf": (
        ["๒๐ตุลาคมพ.ศ.๒๕๖๕", "NoGiftPolicy", "นายแพทย์ประเสริฐมณีวงศ์"],
        ["๒๕๖๗", "๒๕๖๘", "2567", "2568", "ธีรวัฒน์"],
    ),
    "/ita2568/doc/O24-risk-report-2567.pdf": (
        ["พ.ศ.๒๕๖๗", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการ", "ผลการดำเนินการ"],
        [],
    ),
    DOWNLOAD.format("1WsH25AntiCorruptPlan2568NoPqRsTu"): (
        ["พ.ศ.๒๕๖๘", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        [],
    ),
    "/ita2568/doc/O26-anticorruption-report-2567.docx": (
        ["พ.ศ.2567", "ผลการดำเนินการ", "งบประมาณที่ใช้"],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    "/ita2568/doc/O27-ita-measures-2568.pdf": (
        ["๒๕๖๗", "จุดอ่อน", "ต้องพัฒนา", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
        [],
    ),
    "/ita2567/doc/O36-measures-report.pdf": (["พ.ศ.๒๕๖๖", "ผลลัพธ์"], ["๒๕๖๗", "๒๕๖๘"]),
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


def _code(text: str) -> str | None:
    match = CODE.match(text.strip())
    return "O" + str(int(match.group(1).translate(THAI_DIGITS))) if match else None


def _index_entries(html: str, page_url: str) -> dict[str, tuple[str, list[str]]]:
    """Item code → (the text of its line, the links of its line) on the ITA page."""
    tree = LexborHTMLParser(html)
    entries: dict[str, tuple[str, list[str]]] = {}
    for span in tree.css("ul.ita-tree span.code"):
        code = _code(span.text())
        line = span.parent
        assert code and line is not None and line.tag == "li", span.text()
        links = [urljoin(page_url, a.attributes.get("href") or "") for a in line.css("a[href]")]
        entries[code] = (line.text(), links)
    return entries


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


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
    assert 0.55 <= verdicts.count("found") / len(verdicts) <= 0.65
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)


def _expected_type(site: ServedSite, ref: str) -> str:
    host, _ = ref[2:].split("/", 1) if ref.startswith("//") else ("", ref)
    if host == "drive.google.com":
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
    dead = client.get(site.url(truth["O13"]["evidence"][0]))
    assert dead.status_code == 404
    with pytest.raises(httpx.ConnectError):
        client.get(site.url(truth["O23"]["evidence"][0]))
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O13", "O23"}


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


def test_the_index_page_is_a_two_level_list(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    html = client.get(index).text
    entries = _index_entries(html, index)
    assert set(entries) == set(ITEMS)
    tree = LexborHTMLParser(html)
    headings = [h.text().strip() for h in tree.css("ul.ita-tree h3, ul.ita-tree h4")]
    assert headings[0] == "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล" and "9.1 ข้อมูลพื้นฐาน" in headings
    assert "10.2 มาตรการส่งเสริมคุณธรรมและความโปร่งใส" in headings
    written = [span.text().strip() for span in tree.css("span.code")]
    assert {"O1", "o 2", "(O3)", "O๔", "O๑๑", "O๒๔"} <= set(written)
    for code, item in truth["items"].items():
        _, links = entries[code]
        linked = {unquote(link) for link in links}
        if item["verdict"] == "missing":
            assert not (linked & {unquote(site.url(ref)) for ref in item["evidence"]}), code
            continue
        wanted = {unquote(site.url(ref)) for ref in item["evidence"]}
        assert linked & wanted, code
    assert entries["O22"][1] == [] and "อยู่ระหว่างรวบรวมข้อมูล" in entries["O22"][0]
    assert "อยู่ระหว่างเสนอผู้อำนวยการลงนาม" in entries["O6"][0]  # described, not linked
    assert len(entries["O6"][1]) == 1
    assert any("/ita2567/" in link for link in entries["O7"][1] + entries["O28"][1])


def test_the_under_construction_page(site: ServedSite, client: httpx.Client) -> None:
    index = site.url("/ita2568/")
    _, links = _index_entries(client.get(index).text, index)["O15"]
    assert [unquote(urlsplit(link).path) for link in links] == ["/hr/report-2567.php"]
    response = client.get(links[0])
    assert response.status_code == 200
    body = LexborHTMLParser(response.text).css_first("div.main").text()
    assert "อยู่ระหว่างปรับปรุง" in body
    assert not re.search(r"โครงการ|อัตรากำลัง|ผลการดำเนิน|\.pdf", response.text)


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@wiangsinghosp" in home
    assert f"http://www.facebook.com:{site.port}/wiangsinghospital" in home
    for ref in ("//line.me/R/ti/p/@wiangsinghosp", "//www.facebook.com/wiangsinghospital"):
        assert client.get(site.url(ref)).status_code == 200, ref
    general = client.get(site.url("/complaint/")).text
    assert "<form" in general and "/complaint/corruption.php" in general


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
    assert "/hr/report-2567.php" in depths and "/intranet/" in depths
    for code, item in truth.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert any(ref in depths for ref in on_site), (code, on_site)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_intranet(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /intranet/" in robots
        assert 'type="password"' in http.get(site + "/intranet/").text
    assert load_truth(NAME)["never_fetch"][0] == "/intranet/"
