"""Self-test of the hold-out site ``ssjphrai``: it serves what its truth file says.

สำนักงานสาธารณสุขจังหวัดไพรวัลย์ was built without reading the checker's judging code; this
test checks the site with its own means only (HTTP answers, links, the project's document
reader), never with the checker's index-page parser, crawler or judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import httpx
import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from openita.frameworks.schema import load_yaml
from openita.lib.thaidate import fill_year_placeholders
from openita.sitecheck.crawl.documents import read_document
from tests.sitecheck.sites import HOLDOUT_SITES, SITES, ServedSite, load_truth, serve, site_dir
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths
from tests.sitecheck.sites.manifest import CONTENT_TYPES
from tests.support import fake_dns

NAME = "ssjphrai"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
CODE = re.compile(r"^[Oo]\s?([0-9๐-๙]{1,2})$")
DOWNLOAD = "//drive.usercontent.google.com/download?id={}&export=download"
DEAD_LISTED = "/download.php?id=1733"  # the FY2565 annual report on /plan/report.php, deleted
MAX_SITE_BYTES = 1_500_000

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as HTML text.
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/download.php?id=2301": (
        [
            "แผนผังโครงสร้าง",
            "นายแพทย์สาธารณสุขจังหวัดไพรวัลย์",
            "รองนายแพทย์สาธารณสุขจังหวัด(ด้านบริหาร)",
            "กลุ่มงานคุ้มครองผู้บริโภคและเภสัชสาธารณสุข",
            "อำนาจหน้าที่",
            "หน้าที่และอำนาจ",
            "ข้อมูลณวันที่๑ตุลาคม๒๕๖๗",
        ],
        [],
    ),
    "/about/executive.php": (
        [
            "นายแพทย์ธนพลอุดมศักดิ์",
            "นายแพทย์สาธารณสุขจังหวัดไพรวัลย์<br/>",
            "รองนายแพทย์สาธารณสุขจังหวัดไพรวัลย์",
            "<imgsrc=",
            "kittisak.s@moph.go.th",
            "ต่อ๑๐๒",
        ],
        [],
    ),
    "/contact.php": (
        ["๖๗๐๐๐", "ssjphrai@moph.go.th", "แผนที่ตั้ง", "LINEOfficialAccount", "line.me", "/webboard/"],
        [],
    ),
    "/news.php": (
        ["๑๐เม.ย.๖๘", "๘ต.ค.๖๗", "news_detail.php?id=418", "news.php?page=2"],
        ["ส.ค.๖๗", "ก.ค.๖๗", "๒๕๖๖"],
    ),
    "/plan/strategy.php": (["๒๕๖๖-๒๕๗๐", "download.php?id=2305", "download.php?id=1452"], []),
    "/download.php?id=2305": (
        ["พ.ศ.๒๕๖๖–๒๕๗๐", "ประเด็นยุทธศาสตร์", "เป้าประสงค์", "ตัวชี้วัด", "ค่าเป้าหมาย"],
        [],
    ),
    "/download.php?id=2306": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๘", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        [],
    ),
    "/download.php?id=2342": (
        ["๓๑มีนาคม๒๕๖๘", "ผลการดำเนินงาน", "ร้อยละความก้าวหน้า", "รอบ๖เดือน"],
        ["เบิกจ่าย", "ใช้จ่าย", "งบประมาณ"],
    ),
    "/plan/report.php": (["download.php?id=2310", "พ.ศ.2567", DEAD_LISTED], []),
    "/download.php?id=2310": (
        [
            "พ.ศ.๒๕๖๗",
            "(๑ตุลาคม๒๕๖๖–๓๐กันยายน๒๕๖๗)",
            "ที่ได้รับจัดสรร",
            "ผลการใช้จ่าย",
            "วันเริ่มต้น–วันสิ้นสุด",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["๒๕๖๘", "2568"],
    ),
    "/download.php?id=2308": (
        ["คู่มือการปฏิบัติงาน", "เภสัชกร", "นักวิชาการสาธารณสุข", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    "/service/consumer.php": (
        ["คู่มือสำหรับประชาชน", "download.php?id=2311", "download.php?id=2312"],
        [],
    ),
    "/download.php?id=2311": (
        [
            "คู่มือสำหรับประชาชน",
            "การขออนุญาตขายยาแผนปัจจุบัน",
            "ขั้นตอน",
            "ระยะเวลา",
            "ช่องทางการให้บริการ",
            "E-Service",
            "ค่าธรรมเนียม",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
        ],
        [],
    ),
    "/download.php?id=2312": (["คู่มือสำหรับประชาชน", "ค่าธรรมเนียม", "พระราชบัญญัติอาหาร"], []),
    "/eservice/": (["<form", "ไม่ต้องเดินทาง", 'type="file"', "ตลอด๒๔ชั่วโมง"], []),
    "/download.php?id=2315": (
        ["ปีงบประมาณ2567", "(Walk-in)", "ผ่านE-Service", "1255", "615"],
        [],
    ),
    "/download.php?id=2318": (
        [
            "พ.ศ.๒๕๖๗",
            "จำนวนรายการ",
            "จำแนกตามวิธีการจัดซื้อจัดจ้าง",
            "e-bidding",
            "เฉพาะเจาะจง",
            "เลขที่โครงการ",
            "ราคากลาง",
            "0675561000218",
            "หจก.ไพร",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        [],
    ),
    "/download.php?id=1590": (
        ["พ.ศ.๒๕๖๓–๒๕๖๗", "โครงการ/กิจกรรม", "ไม่ใช้งบประมาณ", "ระยะเวลาดำเนินการ"],
        ["๒๕๖๘", "2568"],
    ),
    "/download.php?id=2321": (
        [
            "พ.ศ.๒๕๖๗",
            "ผลการใช้จ่าย",
            "ประเภทตำแหน่ง",
            "ผู้เข้ารับการฝึกอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        [],
    ),
    "/download.php?id=2322": (
        ["ประมวลจริยธรรมข้าราชการพลเรือน", "มาตรฐานทางจริยธรรม"],
        ["๒๕๖๗", "๒๕๖๘", "2567", "2568", "Dos", "คณะทำงาน", "อบรม"],
    ),
    "/download.php?id=2325": (
        [
            "ผู้ถูกร้องเรียน",
            "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
            "ขั้นตอนการจัดการเรื่องร้องเรียน",
            "ส่วนงานที่รับผิดชอบ",
            "ระยะเวลา",
        ],
        [],
    ),
    "/complain.php?type=corrupt": (
        ["<form", "แยกต่างหากจากช่องทางร้องเรียนเรื่องทั่วไป", "ไม่ระบุชื่อ", 'type="file"'],
        [],
    ),
    DOWNLOAD.format("1PhR20PublicHearing2568aBcDeFgHiJkL"): (
        [
            "๑๙กุมภาพันธ์๒๕๖๘",
            "ประเด็นการมีส่วนร่วม",
            "สรุปข้อมูลผู้มีส่วนร่วม",
            "ผลจากการมีส่วนร่วม",
            "การนำผลไปปรับปรุง",
        ],
        [],
    ),
    "/download.php?id=2331": (
        [
            "NoGiftPolicy",
            "ประกาศณวันที่๗ตุลาคมพ.ศ.๒๕๖๗",
            "นายแพทย์ธนพลอุดมศักดิ์",
            "ไม่รับของขวัญและของกำนัลทุกชนิด",
            "๒๓ตุลาคม๒๕๖๗",
        ],
        [],
    ),
    "/news_detail.php?id=421": (["๒๓ตุลาคม๒๕๖๗", "NoGiftPolicy", "๑๑๒คน"], []),
    "/download.php?id=2334": (
        [
            "พ.ศ.๒๕๖๘",
            "การอนุมัติอนุญาต",
            "การใช้อำนาจตามกฎหมาย",
            "การจัดซื้อจัดจ้าง",
            "เหตุการณ์ความเสี่ยง",
            "ระดับความเสี่ยง",
            "มาตรการในการบริหารจัดการความเสี่ยง",
        ],
        ["บุคคล", "แต่งตั้ง", "โยกย้าย"],
    ),
    "/download.php?id=2337": (
        ["พ.ศ.๒๕๖๘", "ไม่ใช้งบประมาณ", "ช่วงเวลา", "ผู้รับผิดชอบ", "NoGift"],
        [],
    ),
    "/download.php?id=2339": (
        ["พ.ศ.2567", "ผลการดำเนินการ", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    "/uploads/ita2568/O27_มาตรการส่งเสริมคุณธรรม_2568.pdf": (
        ["๒๕๖๗", "จุดอ่อน", "ต้องพัฒนา", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
        [],
    ),
    "/download.php?id=1971": (["พ.ศ.๒๕๖๖", "ผลลัพธ์"], ["๒๕๖๗", "๒๕๖๘", "2567", "2568"]),
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


def _index_rows(html: str, page_url: str) -> dict[str, tuple[str, str, list[str]]]:
    """Item code → (code as written, title cell, links of the file cell) of the ITA table."""
    tree = LexborHTMLParser(html)
    rows: dict[str, tuple[str, str, list[str]]] = {}
    for tr in tree.css("table.ita tr"):
        cells = tr.css("td")
        if len(cells) != 3:
            continue  # the header row and the indicator rows (one cell spanning three)
        written = cells[0].text().strip()
        code = _code(written)
        assert code, written
        links = [urljoin(page_url, a.attributes.get("href") or "") for a in cells[2].css("a[href]")]
        rows[code] = (written, cells[1].text().strip(), links)
    return rows


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_truth_covers_every_item_honestly() -> None:
    truth = load_truth(NAME)
    assert truth["site"] == NAME
    assert truth["framework"] == FRAMEWORK.id and truth["fiscal_year"] == FRAMEWORK.fiscal_year
    assert set(truth["items"]) == set(ITEMS)
    for code, item in truth["items"].items():
        required = {
            fill_year_placeholders(e.text, FRAMEWORK.fiscal_year)
            for e in ITEMS[code].elements
            if e.required
        }
        assert item["note"], code
        assert set(item["missing"]) <= required, code
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


def _final_type(client: httpx.Client, site: ServedSite, ref: str) -> tuple[httpx.Response, str]:
    """The answer to a truth reference (redirects followed) and the type it should have."""
    response = client.get(site.url(ref), follow_redirects=True)
    host, _ = ref[2:].split("/", 1) if ref.startswith("//") else ("", ref)
    final = urlsplit(str(response.url))
    if host == "drive.google.com":
        return response, "text/html"
    if host == "drive.usercontent.google.com":
        file_id = re.search(r"id=([A-Za-z0-9_-]+)", ref).group(1)  # type: ignore[union-attr]
        return response, CONTENT_TYPES[site.site.docs[site.site.drive[file_id].doc].kind]
    path = unquote(final.path) + (f"?{final.query}" if final.query else "")
    route = site.site.routes.get(path)
    if route is not None and route.doc:
        return response, CONTENT_TYPES[site.site.docs[route.doc].kind]
    if path.endswith(".pdf"):
        return response, CONTENT_TYPES["pdf"]
    return response, "text/html"


def test_evidence_of_published_items_answers(site: ServedSite, client: httpx.Client) -> None:
    for code, item in load_truth(NAME)["items"].items():
        if item["verdict"] not in ("found", "partial", "outdated"):
            continue
        for ref in item["evidence"]:
            response, wanted = _final_type(client, site, ref)
            assert response.status_code == 200, (code, ref)
            assert response.content, (code, ref)
            assert wanted in response.headers["content-type"], (code, ref)
            assert 'type="password"' not in response.text[:5000], (code, ref)
            if ref.startswith("//drive.google.com/"):  # the viewer leads to the download
                assert DOWNLOAD.format(ref.split("/")[5]) in item["evidence"], code


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {
        "O12",
        "O19",
        "O24",
    }
    private = client.get(site.url(truth["O12"]["evidence"][0]), follow_redirects=True)
    assert urlsplit(str(private.url)).hostname == "accounts.google.com"
    assert 'type="password"' in private.text
    short, target = truth["O19"]["evidence"]
    first = client.get(site.url(short))
    assert first.status_code == 301 and first.headers["location"].endswith(target)
    dead = client.get(site.url(target))
    assert dead.status_code == 404 and "ไม่พบไฟล์" in dead.text
    empty = client.get(site.url(truth["O24"]["evidence"][0]))
    assert empty.status_code == 200 and empty.content == b""
    assert empty.headers["content-type"] == CONTENT_TYPES["pdf"]


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
    documents = {
        ref for ref in published if ref.startswith(("/download.php", "/uploads/", "//drive.user"))
    }
    assert documents <= set(CLAIMS), "every cited document is checked"


def test_no_gift_report_and_no_complaint_statistics_anywhere() -> None:
    """O22 and O19 have nothing behind them: no document of the site says so."""
    raw = yaml.safe_load((site_dir(NAME) / "docs.yaml").read_text(encoding="utf-8"))
    words = ("โดยธรรมจรรยา", "รายงานการรับ", "สถิติเรื่องร้องเรียน")
    for doc in raw:
        text = str(doc["blocks"]) + doc["title"]
        assert not any(word in text for word in words), doc["id"]
    for page in (site_dir(NAME) / "pages").rglob("*"):
        if page.is_file() and page.name != "ita2568.php":
            text = page.read_text(encoding="utf-8")
            assert not any(word in text for word in words), page


def test_the_index_page_is_a_table(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    html = client.get(index).text
    rows = _index_rows(html, index)
    assert set(rows) == set(ITEMS)
    headers = [th.text().strip() for th in LexborHTMLParser(html).css("table.ita th")]
    assert headers == ["ข้อ", "รายการ", "ลิงก์/ไฟล์"]
    assert {"O๑๐", "O 12", "o14", "O 22"} <= {written for written, _, _ in rows.values()}
    for code, (_, title, links) in rows.items():
        assert title == ITEMS[code].title, code
        item = truth["items"][code]
        linked = {unquote(link) for link in links}
        wanted = {unquote(site.url(ref)) for ref in item["evidence"]}
        if item["verdict"] == "missing":
            assert not links, code
            continue
        assert linked & wanted, code
    assert rows["O22"][2] == []
    assert len(rows["O6"][2]) == 2 and len(rows["O21"][2]) == 2
    hrefs = [urlsplit(link) for _, _, links in rows.values() for link in links]
    scripts = [h for h in hrefs if h.path == "/download.php"]
    short = [h for h in hrefs if h.path.startswith("/s/")]
    assert len(scripts) == 14 and len(short) == 5
    assert all(re.fullmatch(r"id=\d+", h.query) for h in scripts)


def test_download_script_and_short_links(site: ServedSite, client: httpx.Client) -> None:
    routes = site.site.routes
    files = {key: route for key, route in routes.items() if key.startswith("/download.php?id=")}
    for key, route in files.items():
        response = client.get(site.url(key))
        if route.doc:
            doc = site.site.docs[route.doc]
            assert response.status_code == 200, key
            assert response.headers["content-type"] == doc.content_type, key
            assert route.options["attachment"] is True, key
            assert route.options["filename"] == doc.filename, key
            assert route.options["filename"].endswith(f".{doc.kind}"), key
            disposition = response.headers["content-disposition"]
            assert disposition == f"attachment; filename*=UTF-8''{quote(doc.filename)}", key
            assert re.fullmatch(r"/download\.php\?id=\d+", key), key  # no file extension
        else:
            assert response.status_code in (200, 404), key
    kinds = {site.site.docs[route.doc].kind for route in files.values() if route.doc}
    assert kinds == {"pdf", "docx", "xlsx"}
    assert client.get(site.url("/download.php?id=9999")).status_code == 404
    shorts = {key: route for key, route in routes.items() if key.startswith("/s/")}
    assert len(shorts) == 5
    for key, route in shorts.items():
        response = client.get(site.url(key))
        assert response.status_code == route.status and route.status in (301, 302), key
        assert response.headers["location"].startswith(site + "/"), key


def test_year_listing_pages_are_newest_first(site: ServedSite, client: httpx.Client) -> None:
    for path, years in (
        ("/plan/strategy.php", ["๒๕๖๖ - ๒๕๗๐", "๒๕๖๑ - ๒๕๖๕"]),
        ("/plan/report.php", ["2567", "2566", "2565"]),
    ):
        tree = LexborHTMLParser(client.get(site.url(path)).text)
        rows = [tr.text() for tr in tree.css("table.grid tr")][1:]
        assert len(rows) == len(years), path
        for row, year in zip(rows, years, strict=True):
            assert year in row, (path, row)
    assert client.get(site.url(DEAD_LISTED)).status_code == 404
    old = client.get(site.url("/ita/ita2567.php")).text
    assert "/download.php?id=1971" in old and "/download.php?id=1590" in old


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@ssjphrai" in home
    assert f"http://www.facebook.com:{site.port}/ssjphraiwan" in home
    assert "<marquee" in home and "/images/counter/" in home
    for ref in ("//line.me/R/ti/p/@ssjphrai", "//www.facebook.com/ssjphraiwan"):
        assert client.get(site.url(ref)).status_code == 200, ref
    general = client.get(site.url("/complain.php")).text
    assert "<form" in general and "/complain.php?type=corrupt" in general
    board = client.get(site.url("/webboard/view.php?id=91")).text
    assert "ตอบ" in board and "เจ้าหน้าที่" in board
    drive = client.get(
        site.url("//drive.google.com/file/d/1PhR20PublicHearing2568aBcDeFgHiJkL/view")
    )
    assert drive.status_code == 200 and "/uc?export=download" in drive.text


def test_legacy_page_encoding(site: ServedSite, client: httpx.Client) -> None:
    response = client.get(site.url("/about/history.php"))
    assert response.headers["content-type"] == "text/html; charset=tis-620"
    assert "นายแพทย์ธนพล อุดมศักดิ์" in response.content.decode("cp874")


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)["items"]
    broken = {ref for item in truth.values() if item["verdict"] == "broken"
              for ref in item["evidence"] if not ref.startswith("//")}  # fmt: skip
    depths = click_depths(site, "/")
    seen_dead = set()
    with httpx.Client(timeout=10) as http:
        for path in depths:
            status = http.get(site.url(path), follow_redirects=True).status_code
            if path in broken | {DEAD_LISTED}:
                seen_dead.add(path)
                continue
            assert status == 200, path
    assert seen_dead == broken - {"/download.php?id=2329"} | {DEAD_LISTED}
    assert depths["/ita/ita2568.php"] == 1 and "/admin/login.php" in depths
    for code, item in truth.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert any(ref in depths for ref in on_site), (code, on_site)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_back_office(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /admin/" in robots
        assert 'type="password"' in http.get(site + "/admin/login.php").text
    assert load_truth(NAME)["never_fetch"] == ["/admin/", "/admin/login.php"]
