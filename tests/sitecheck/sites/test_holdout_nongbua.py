"""Self-test of the hold-out site ``nongbua``: it serves what its truth file says.

องค์การบริหารส่วนตำบลหนองบัวทอง was built without reading the checker's judging code; like the
other hold-out self-tests, this one checks the site with its own means only (HTTP answers,
links, the project's document reader), never with the checker's index-page parser or judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser

from openita.frameworks.schema import load_yaml
from openita.lib.thaidate import fill_year_placeholders
from openita.sitecheck.crawl.documents import read_document
from tests.sitecheck.sites import HOLDOUT_SITES, SITES, ServedSite, load_truth, serve, site_dir
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths
from tests.support import fake_dns

NAME = "nongbua"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
CODE = re.compile(r"^[Oo](\d{1,2})$")
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
D = "/datacenter/doc_download/"
DOWNLOAD = "//drive.usercontent.google.com/download?id={}&export=download"
PUBLIC_DRIVE = "1NbT24AcReport2568ZxCvBnMaSdFgHj"
MAX_SITE_BYTES = 1_500_000

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as HTML text.
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/content/structure": (
        ["แผนผังโครงสร้าง", "ฝ่ายการเมือง", "ฝ่ายข้าราชการประจำ", "กองคลัง", "งานภายใน", "<img"],
        [],
    ),
    "/content/authority": (["หน้าที่และอำนาจ", "หน้าที่ที่ต้องทำ", "หน้าที่ที่อาจทำ"], []),
    "/personnel/executive": (
        [
            "นายกองค์การบริหารส่วนตำบลหนองบัวทอง",
            "รองนายกองค์การบริหารส่วนตำบล",
            "ปลัดองค์การบริหารส่วนตำบลหนองบัวทอง",
            "<img",
            "โทร.๐๘๑๗๖๕๔๓๒๑",
        ],
        [],
    ),
    "/contact": (
        ["๓๙๒๗๐", "saraban@nongbuathong.go.th", "แผนที่ตั้ง", "LINEOfficialAccount", "/webboard/"],
        [],
    ),
    "/webboard/": (["<form", "topic.php?id=91", "topic.php?id=87"], []),
    "/webboard/topic.php?id=91": (["ตอบโดยadmin"], []),
    "/news/": (["๒๙เม.ย.๒๕๖๙", "๑๑พ.ย.๒๕๖๘", "detail.php?id=426"], ["๒๕๖๗"]),
    D + "a_290965_104012.pdf": (
        ["(พ.ศ.๒๕๖๖–๒๕๗๐)", "ยุทธศาสตร์", "เป้าประสงค์(เป้าหมาย)", "ตัวชี้วัด", "ปี๒๕๖๙"],
        [],
    ),
    D + "a_301068_153012.pdf": (
        ["ประจำปีงบประมาณพ.ศ.2569", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ", "1,850,000"],
        [],
    ),
    D + "a_200469_110245.pdf": (
        ["ข้อมูลณวันที่๓๑มีนาคม๒๕๖๙", "ผลการดำเนินงาน", "ดำเนินการแล้วเสร็จ", "งบประมาณตามแผน"],
        ["เบิกจ่าย", "ใช้จ่าย", "งบประมาณที่ใช้"],
    ),
    D + "a_241267_135510.pdf": (
        ["พ.ศ.๒๕๖๗", "ผลการใช้จ่ายงบประมาณ", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ", "วันเริ่มต้น–วันสิ้นสุด"],
        ["๒๕๖๘", "2568", "๒๕๖๙", "2569"],
    ),
    D + "a_110368_093355.docx": (
        ["คู่มือการปฏิบัติงาน", "นักวิชาการจัดเก็บรายได้", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    D + "คู่มือประชาชน_เบี้ยยังชีพผู้สูงอายุ.pdf": (
        [
            "คู่มือสำหรับประชาชน",
            "ขั้นตอน",
            "ระยะเวลา",
            "ช่องทางการให้บริการ",
            "ส่วนงานที่รับผิดชอบ",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่ให้อำนาจ",
        ],
        [],
    ),
    "/eservice/": (["<form", "ไม่ต้องเดินทาง", "สถิติการใช้บริการE-Service"], []),
    "/procurement/sorkor1": (
        ["ปีงบประมาณพ.ศ.๒๕๖๙", "a_070469_111520.xlsx", "a_101068_085533.xlsx"],
        [],
    ),
    D + "a_071168_114530.pdf": (
        [
            "สขร.๑",
            "ตุลาคม๒๕๖๘",
            "ราคากลาง",
            "วิธีซื้อหรือจ้าง",
            "เหตุผลที่คัดเลือกโดยสรุป",
            "เลขที่และวันที่ของสัญญา",
        ],
        [],
    ),
    D + "a_051268_090217.pdf": (["พฤศจิกายน๒๕๖๘", "ผู้ได้รับการคัดเลือก"], []),
    D + "a_080169_152301.xlsx": (["ธันวาคม2568", "ราคากลาง", "ลว.26ธ.ค.2568"], []),
    D + "a_060269_100944.xlsx": (["มกราคม2569", "บจก.ลำภูคำคอมพิวเตอร์"], []),
    D + "a_050369_134012.xlsx": (["กุมภาพันธ์2569", "6/2569ลว.16ก.พ.2569"], []),
    D + "a_070469_111520.xlsx": (["มีนาคม2569", "e-bidding", "รายชื่อผู้เสนอราคาและราคาที่เสนอ"], []),
    D + "a_101068_085533.xlsx": (["ปีงบประมาณ2568"], ["2569"]),
    D + "a_011068_080512.pdf": (
        [
            "การสรรหาและคัดเลือกบุคลากร",
            "การบรรจุและแต่งตั้งบุคลากร",
            "การพัฒนาบุคลากร",
            "การประเมินผลการปฏิบัติราชการ",
            "การให้คุณให้โทษและการสร้างขวัญกำลังใจ",
            "ประจำปีงบประมาณพ.ศ.๒๕๖๙",
        ],
        [],
    ),
    D + "a_200966_141536.pdf": (
        ["แผนพัฒนาบุคลากร", "๒๕๖๗–๒๕๖๙", "โครงการ/หลักสูตร", "ระยะเวลาดำเนินการ"],
        ["บาท", "งบประมาณ(บาท)", "ค่าใช้จ่าย", "ไม่ใช้งบประมาณ"],
    ),
    D + "a_171168_102233.pdf": (
        [
            "พ.ศ.๒๕๖๘",
            "ข้อมูลสถิติอัตรากำลัง",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่ายงบประมาณ",
            "วันที่เริ่มต้น–วันที่สิ้นสุด",
            "จำนวนผู้เข้ารับการฝึกอบรม",
        ],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    D + "a_261268_141008.pdf": (
        ["ประมวลจริยธรรม", "Dos&Don'ts", "๑๙ธันวาคม๒๕๖๘", "คณะทำงานขับเคลื่อนจริยธรรม", "๑๕ตุลาคม๒๕๖๘"],
        [],
    ),
    "/news/detail.php?id=426": (["๑๙ธันวาคม๒๕๖๘", "จริยธรรม"], []),
    D + "a_150167_103344.pdf": (
        [
            "ผู้ถูกร้องเรียน",
            "ช่องทางการแจ้งเรื่องร้องเรียน",
            "ขั้นตอนการดำเนินการ",
            "ระยะเวลาดำเนินการ",
            "ศูนย์ปฏิบัติการต่อต้านการทุจริต",
        ],
        [],
    ),
    "/complaint/corruption": (
        ["<form", "แยกจากช่องทางร้องเรียนเรื่องทั่วไป", 'type="file"', "ไม่ประสงค์ระบุชื่อ"],
        [],
    ),
    D + "a_031068_090115.pdf": (
        ["พ.ศ.๒๕๖๘", "จำนวนเรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"],
        [],
    ),
    D + "a_031068_090140.xlsx": (["2568", "จำนวนเรื่องร้องเรียนทั้งหมด", "อยู่ระหว่างดำเนินการ"], []),
    D + "a_160369_152255.pdf": (
        [
            "๑๒กุมภาพันธ์๒๕๖๙",
            "ประเด็นการมีส่วนร่วม",
            "สรุปข้อมูลผู้เข้าร่วม",
            "ผลจากการมีส่วนร่วม",
            "การนำผลจากการมีส่วนร่วมไปปรับปรุง",
        ],
        [],
    ),
    "/news/detail.php?id=440": (["๑๒กุมภาพันธ์๒๕๖๙", "ประชาคม"], []),
    D + "a_011067_101500.pdf": (
        ["NoGiftPolicy", "ประจำปีงบประมาณพ.ศ.๒๕๖๘", "๑ตุลาคมพ.ศ.๒๕๖๗", "ประโยชน์อื่นใดโดยธรรมจรรยา"],
        ["๒๕๖๙", "2569"],
    ),
    D + "a_141168_133010.pdf": (
        ["พ.ศ.๒๕๖๙", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการบริหารจัดการความเสี่ยง"],
        [],
    ),
    D + "a_091068_111145.pdf": (
        ["พ.ศ.๒๕๖๙", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ", "งบประมาณ(บาท)"],
        [],
    ),
    DOWNLOAD.format(PUBLIC_DRIVE): (
        ["พ.ศ.๒๕๖๘", "ผลการดำเนินการ", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    D + "a_190169_140356.pdf": (
        [
            "พ.ศ.๒๕๖๘",
            "จุดอ่อน",
            "ต้องพัฒนา",
            "ผู้รับผิดชอบ",
            "ระยะเวลา",
            "การกำกับติดตามและรายงานผล",
            "พ.ศ.๒๕๖๙",
        ],
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


def _table_rows(html: str, page_url: str) -> dict[str, tuple[list[str], list[str]]]:
    """Item code → (the cell texts of its row, the links of its row) in an ITA table."""
    tree = LexborHTMLParser(html)
    rows: dict[str, tuple[list[str], list[str]]] = {}
    for row in tree.css("table.ita tbody tr"):
        cells = row.css("td")
        match = CODE.match(cells[0].text().strip()) if cells else None
        if not match:
            assert "group" in (row.attributes.get("class") or ""), row.html
            continue
        code = f"O{int(match.group(1))}"
        assert code not in rows, code
        links = [urljoin(page_url, a.attributes.get("href") or "") for a in row.css("a[href]")]
        rows[code] = ([cell.text().strip() for cell in cells], links)
    return rows


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
            assert item["years"] and FRAMEWORK.fiscal_year not in item["years"], code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < MAX_SITE_BYTES, size


def _expected_type(site: ServedSite, ref: str) -> str:
    host = ref[2:].split("/", 1)[0] if ref.startswith("//") else ""
    if host == "drive.usercontent.google.com":
        file_id = re.search(r"id=([A-Za-z0-9_-]+)", ref).group(1)  # type: ignore[union-attr]
        return TYPES[site.site.docs[site.site.drive[file_id].doc].kind]
    if host:
        return "text/html"
    suffix = ref.split("?", 1)[0].rsplit(".", 1)[-1]
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
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O12", "O22"}
    dead = client.get(site.url(truth["O12"]["evidence"][0]))
    assert dead.status_code == 404
    private = client.get(site.url(truth["O22"]["evidence"][0]), follow_redirects=True)
    assert private.url.host == "accounts.google.com"
    assert 'type="password"' in private.text
    drive_file = site.site.drive["1NbT22RiskRpt2568xQwErTyUiOpAsDf"]
    assert drive_file.private and not drive_file.doc


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


def test_the_index_page_is_a_table(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    html = client.get(index).text
    tree = LexborHTMLParser(html)
    headers = [th.text().strip() for th in tree.css("table.ita thead th")]
    assert headers == ["ข้อ", "ข้อมูล", "องค์ประกอบด้านข้อมูล", "Link"]
    rows = _table_rows(html, index)
    assert set(rows) == set(ITEMS)
    assert all(len(cells) == 4 for cells, _ in rows.values())
    written = [cells[0] for cells, _ in rows.values()]
    assert {"o1", "o4", "O5", "O26"} <= set(written)
    for code, item in truth["items"].items():
        _, links = rows[code]
        if item["verdict"] == "missing":
            assert links == [], code
            continue
        wanted = {unquote(site.url(ref)) for ref in item["evidence"]}
        assert {unquote(link) for link in links} & wanted, code
    assert "อยู่ระหว่างดำเนินการ" in rows["O26"][0][3]
    link_texts = [a.text().strip() for a in tree.css("table.ita a")]
    assert link_texts.count("(คลิก)") >= 15  # vague link texts, as on real pages


def test_last_years_table_is_still_online(site: ServedSite, client: httpx.Client) -> None:
    index = site.url("/ita/2568")
    rows = _table_rows(client.get(index).text, index)
    assert set(rows) == {f"O{n}" for n in range(1, 29)}
    truth = load_truth(NAME)["items"]
    stale = {unquote(site.url(ref)) for ref in truth["O7"]["evidence"]}
    assert stale <= {unquote(link) for link in rows["O7"][1]}  # the same file as this year's


def test_pages_listing_many_years(site: ServedSite, client: httpx.Client) -> None:
    evaluation = _squeeze(client.get(site.url("/plan/evaluation")).text)
    assert "ประจำปีงบประมาณ๒๕๖๗" in evaluation and "ประจำปีงบประมาณ๒๕๖๖" in evaluation
    assert "ประจำปีงบประมาณ๒๕๖๘" not in evaluation  # the FY2568 report was never published
    devplan = _squeeze(client.get(site.url("/plan/devplan")).text)
    assert "(พ.ศ.๒๕๖๑–๒๕๖๔)" in devplan and "(พ.ศ.๒๕๖๖–๒๕๗๐)" in devplan
    procurement = client.get(site.url("/procurement/")).text
    assert "ปีงบประมาณ ๒๕๖๗" in procurement and D + "a_151068_093512.pdf" in procurement


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@nongbuathong" in home
    assert f"http://www.facebook.com:{site.port}/nongbuathong.sao" in home
    for ref in ("//line.me/R/ti/p/@nongbuathong", "//www.facebook.com/nongbuathong.sao"):
        assert client.get(site.url(ref)).status_code == 200, ref
    general = client.get(site.url("/complaint/")).text
    assert "<form" in general and 'href="/complaint/corruption"' in general
    assert 'href="/eservice/"' in home and 'href="/complaint/corruption"' in home


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
    assert "/ita/2569" in depths and "/admin/login.php" in depths
    for code, item in truth.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert any(ref in depths for ref in on_site), (code, on_site)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_back_office(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /admin/" in robots
        for path in load_truth(NAME)["never_fetch"]:
            assert path.startswith("/admin/")
            assert 'type="password"' in http.get(site + path).text
