"""Self-test of the hold-out police-station site ``phuphaek``: it serves what its truth says.

สถานีตำรวจภูธรภูแพะ was built without reading the checker's judging code; like the other
hold-out self-tests, this one checks the site with its own means only (HTTP answers, links,
iframes, the project's document reader), never with the checker's parser or judge.

The site is a WordPress blog with plain permalinks: the ITA post ``/?p=1450`` lists the 28
items, each linking a post (or page) that embeds its document in an ``<iframe>`` (the PDF
itself, the pdf.js viewer plugin with ``?file=``, or a Drive "preview" page) and/or links it.
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
from tests.sitecheck.sites import HOLDOUT_SITES, SITES, ServedSite, load_truth, serve, site_dir
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths
from tests.support import fake_dns

NAME = "phuphaek"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DOWNLOAD = "//drive.usercontent.google.com/download?id={}&export=download"
VIEWER = "/wp-content/plugins/pdfjs-viewer-shortcode/pdfjs/web/viewer.php"
UP = "/wp-content/uploads/"

# How the ITA post writes some items: code → the start of its line.
LABELS = {
    "O1": "O1 โครงสร้างหน่วยงาน",
    "O3": "O3 ข้อมูลการติดต่อ",
    "O5": "ข้อ 5 แผนยุทธศาสตร์",
    "O10": "ข้อ 10 E-Service",
    "O11": "O๑๑ ข้อมูลสถิติการให้บริการ",
    "O14": "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "O15": "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
    "O16": "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "O22": "O22 รายงานการรับทรัพย์สิน",
    "O28": "O28 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม",
}

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's header, sidebar and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/?p=1201": (
        ["แผนผังโครงสร้าง", "หน้าที่และอำนาจ", "รองผู้กำกับการป้องกันปราบปราม", "งานสอบสวน", ".png"],
        ["<iframe", ".pdf"],
    ),
    "/?page_id=12": (
        [
            "ผู้กำกับการสถานีตำรวจภูธรภูแพะ",
            "รองผู้กำกับการป้องกันปราบปราม",
            "รองผู้กำกับการ(สอบสวน)",
            "รองผู้กำกับการสืบสวน",
            "<img",
            "โทร.๐๘๑๙๖๔๒๒๐๑",
        ],
        [],
    ),
    "/?page_id=25": (
        ["๔๗๒๑๐", "saraban.phuphaek@police.go.th", "แผนที่ตั้ง", "<iframe", "m.me", "Messenger"],
        [],
    ),
    "/?cat=3": (
        ["เมษายน18,2025", "พฤศจิกายน20,2024", "/?p=1118"],
        ["2023", "2021", "กันยายน", "สิงหาคม"],
    ),
    "/?p=1118": (["๒๐พฤศจิกายน๒๕๖๗", "NoGiftPolicy", "๖๘นาย"], []),
    "/?p=1139": (["๑๘ธันวาคม๒๕๖๗", "จริยธรรม"], []),
    "/?p=1175": (["๑๔กุมภาพันธ์๒๕๖๘", "รับฟังความคิดเห็น"], []),
    "/?page_id=215": (["<form", "ไม่ต้องเดินทางมาที่สถานี", 'type="file"', "คัดสำเนา"], []),
    "/?page_id=301": (
        ["<form", "แยกจากช่องทางร้องเรียนทั่วไป", "ไม่จำเป็นต้องระบุชื่อ", "/?p=1244"],
        [],
    ),
    "/?p=1247": (["<img", "<figcaption", "พ.ศ.๒๕๖๗"], ["<iframe", ".pdf", "wp-block-file"]),
    UP + "2021/02/plan-5y-2563-2567.pdf": (
        ["(พ.ศ.๒๕๖๓–๒๕๖๗)", "ยุทธศาสตร์", "เป้าประสงค์", "ตัวชี้วัด", "ค่าเป้าหมาย"],
        ["๒๕๖๘", "2568"],
    ),
    UP + "2024/11/แผนปฏิบัติราชการ-สภ.ภูแพะ-ปีงบ-2568.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๘", "ผลผลิต/ตัวชี้วัด", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        [],
    ),
    UP + "2025/04/ผลการดำเนินงานรอบ6เดือน-ปีงบ68.xlsx": (
        ["31มีนาคม2568", "ผลการดำเนินงาน", "ร้อยละความสำเร็จ"],
        ["เบิกจ่าย", "ใช้จ่าย", "บาท"],
    ),
    DOWNLOAD.format("1PpK07AnnualReport2567rTyUiOpAsDf"): (
        [
            "พ.ศ.๒๕๖๗",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่าย",
            "วันเริ่มต้น–วันสิ้นสุด",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["๒๕๖๘"],
    ),
    UP + "2025/03/คู่มือการปฏิบัติงาน-การรับแจ้งความ.pdf": (
        ["คู่มือการปฏิบัติงาน", "พนักงานสอบสวน", "ขั้นตอนการปฏิบัติ"],
        [],
    ),
    UP + "2025/03/manual-copy-daily-report.pdf": (
        ["ขั้นตอน", "ระยะเวลา", "ไม่มีค่าธรรมเนียม", "กฎหมายที่เกี่ยวข้อง", "ช่องทางการให้บริการ"],
        [],
    ),
    UP + "2024/10/สถิติการให้บริการ-ปีงบ-2567.xlsx": (
        ["ปีงบประมาณพ.ศ.2567", "(Walk-in)", "E-Service", "1958", "336"],
        [],
    ),
    DOWNLOAD.format("1PpK12InvestProcure2568GhJkLzXcVb"): (
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
    DOWNLOAD.format("1PpK14HrdPlan2568NmQwErTyUiOpLkJ"): (
        ["พ.ศ.๒๕๖๘", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ", "ไม่ใช้งบประมาณ"],
        [],
    ),
    UP + "2025/01/O15-HR-report-2567.pdf": (
        [
            "พ.ศ.๒๕๖๗",
            "ผลการดำเนินการ",
            "ผลการใช้จ่าย",
            "วันเริ่มต้น–วันสิ้นสุด",
            "อัตรากำลัง",
            "ประเภทตำแหน่ง",
            "จำนวนผู้เข้ารับการฝึกอบรม",
        ],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    UP + "2025/01/ประมวลจริยธรรม-และการขับเคลื่อน-2568.pdf": (
        ["ประมวลจริยธรรมข้าราชการตำรวจ", "Dos&Don'ts", "๑๘ธันวาคม๒๕๖๗", "คณะทำงานขับเคลื่อนจริยธรรม"],
        [],
    ),
    UP + "2024/12/complaint-manual.pdf": (
        ["ผู้ถูกร้องเรียน", "ช่องทางการร้องเรียน", "ขั้นตอนการดำเนินการ", "ระยะเวลา", "ส่วนงานที่รับผิดชอบ"],
        [],
    ),
    UP + "2025/03/รายงานการมีส่วนร่วม-กตตร-2568.pdf": (
        [
            "๑๔กุมภาพันธ์๒๕๖๘",
            "ประเด็นการมีส่วนร่วม",
            "ผู้มีส่วนร่วม",
            "ผลจากการมีส่วนร่วม",
            "การนำผลไปปรับปรุง",
        ],
        [],
    ),
    UP + "2024/11/scan_nogift_2568.pdf": (
        ["๑๕พฤศจิกายนพ.ศ.๒๕๖๗", "NoGiftPolicy", "ธนกฤตศรีภูวงศ์", "ไม่รับของขวัญ"],
        ["ประยูร"],
    ),
    UP + "2024/12/รายงานผลการจัดการความเสี่ยง-2567.pdf": (
        ["พ.ศ.๒๕๖๗", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการ", "ผลการดำเนินการ"],
        [],
    ),
    DOWNLOAD.format("1PpK25AntiCorruptPlan2568ZxAsQwEr"): (
        ["พ.ศ.๒๕๖๘", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        [],
    ),
    UP + "2025/01/รายงานผลแผนป้องกันทุจริต-2567.docx": (
        ["พ.ศ.2567", "ผลการดำเนินการ", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        ["งบประมาณที่ใช้", "บาท", "ใช้จ่าย"],
    ),
    UP + "2025/02/มาตรการส่งเสริมคุณธรรม-2568.pdf": (
        ["๒๕๖๗", "จุดอ่อน", "ต้องพัฒนา", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
        [],
    ),
    UP + "2023/10/รายงานผลตามมาตรการ-2566.pdf": (
        ["พ.ศ.๒๕๖๖", "ผลลัพธ์", "ประยูรแก้วมณี"],
        ["๒๕๖๗", "๒๕๖๘"],
    ),
    UP + "2024/01/แผนป้องกันทุจริต-2567.pdf": (["พ.ศ.๒๕๖๗", "ไม่ใช้งบประมาณ"], ["๒๕๖๘"]),
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


def _embedded(site: ServedSite, html: str, page_url: str) -> set[str]:
    """Refs a post's content links, shows or embeds; the pdf.js viewer stands for its file."""
    tree = _content(html)
    urls = [a.attributes.get("href") or "" for a in tree.css("a[href]")]
    urls += [n.attributes.get("src") or "" for n in tree.css("iframe[src], img[src]")]
    refs = set()
    for raw in urls:
        url = urljoin(page_url, raw)
        if urlsplit(url).path == VIEWER:
            url = parse_qs(urlsplit(url).query)["file"][0]
        refs.add(_ref(site, url))
    return refs


def _index_lines(html: str, page_url: str) -> list[tuple[str, str]]:
    """(text, href) of each item line of the ITA post, in order."""
    tree = _content(html)
    lines = []
    for li in tree.css("div.entry-content ul.wp-block-list > li"):
        anchors = li.css("a[href]")
        assert len(anchors) == 1, li.text()
        href = anchors[0].attributes.get("href") or ""
        lines.append((li.text().strip(), href if href == "#" else urljoin(page_url, href)))
    return lines


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
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1.5 * 1024 * 1024


def _expected_type(site: ServedSite, ref: str) -> str:
    host = ref[2:].split("/", 1)[0] if ref.startswith("//") else ""
    if host == "drive.google.com":
        return "text/html"
    if host == "drive.usercontent.google.com":
        file_id = parse_qs(urlsplit(ref).query)["id"][0]
        return TYPES[site.site.docs[site.site.drive[file_id].doc].kind]
    path = urlsplit(ref).path
    if path.endswith((".png", ".jpg")):
        return "image/"
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
            if ref.startswith("//drive.google.com/"):  # the viewer leads to the download
                file_id = ref.split("/")[5]
                assert DOWNLOAD.format(file_id) in item["evidence"], code
                viewer = LexborHTMLParser(response.text).css_first("a.download")
                assert viewer is not None, (code, ref)
                link = urljoin(str(response.url), viewer.attributes.get("href") or "")
                final = client.get(link, follow_redirects=True)
                assert _ref(site, str(final.url)) == DOWNLOAD.format(file_id), (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O13", "O23"}
    dead = client.get(site.url(truth["O13"]["evidence"][0]))
    assert dead.status_code == 404
    for ref in truth["O23"]["evidence"][:2]:  # preview and viewer of a private Drive file
        response = client.get(site.url(ref), follow_redirects=True)
        assert urlsplit(str(response.url)).hostname == "accounts.google.com", ref
        assert 'type="password"' in response.text
    assert site.site.drive["1PpK23BriberyRisk2568PrivAtEfIlE0"].private


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


def test_the_index_post_lists_every_item(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    lines = _index_lines(client.get(index).text, index)
    codes = [item.code for item in FRAMEWORK.items]
    assert len(lines) == len(codes)
    entries = dict(zip(codes, lines, strict=True))
    for code, label in LABELS.items():
        assert entries[code][0].startswith(label), (code, entries[code][0])
    assert entries["O3"][0].endswith("คลิก") and entries["O11"][0].endswith("คลิกที่นี่")
    for code, item in truth["items"].items():
        _, href = entries[code]
        if item["verdict"] == "missing":
            assert href == "#", code
            continue
        assert _ref(site, href) in item["evidence"], (code, href)
    # Two items still point at posts of earlier years.
    assert _ref(site, entries["O5"][1]) == "/?p=612" and _ref(site, entries["O28"][1]) == "/?p=905"


def test_posts_embed_their_documents(site: ServedSite, client: httpx.Client) -> None:
    """Each item's post (or page) links, shows or embeds every other piece of its evidence."""
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    lines = _index_lines(client.get(index).text, index)
    entries = dict(zip([item.code for item in FRAMEWORK.items], lines, strict=True))
    shapes: dict[str, tuple[list[str], list[str]]] = {}
    for code, item in truth["items"].items():
        if item["verdict"] == "missing":
            continue
        post = _ref(site, entries[code][1])
        html = client.get(site.url(post)).text
        refs = _embedded(site, html, site.url(post))
        for ref in item["evidence"]:
            if ref == post or ref.startswith("//drive.usercontent.google.com/"):
                continue
            assert ref in refs, (code, ref)
        tree = _content(html)
        iframes = [n.attributes.get("src") or "" for n in tree.css("div.entry-content iframe")]
        anchors = [n.attributes.get("href") or "" for n in tree.css("div.entry-content a")]
        shapes[code] = (iframes, anchors)
    # The pdf.js viewer plugin: O5 and O17 only through it, O9 also with a download link.
    for code in ("O5", "O9", "O17"):
        iframes, anchors = shapes[code]
        assert len(iframes) == 1 and VIEWER in iframes[0] and "file=" in iframes[0], code
        direct = [a for a in anchors if urlsplit(a).path.endswith(".pdf")]
        assert bool(direct) == (code == "O9"), code
    # Drive preview iframes; O12 and O25 with no link at all.
    for code in ("O7", "O12", "O14", "O23", "O25"):
        iframes, anchors = shapes[code]
        assert len(iframes) == 1 and iframes[0].endswith("/preview"), code
        assert bool(anchors) == (code in ("O7", "O14", "O23")), code
    # Pictures only: the org chart and the complaint statistics.
    for code in ("O1", "O19"):
        iframes, anchors = shapes[code]
        assert not iframes and all(a.endswith((".png", ".jpg")) for a in anchors), code
    # Office files are only linked.
    assert not shapes["O11"][0] and not shapes["O26"][0]
    assert any(a.endswith(".docx") for a in shapes["O26"][1])
    # The dead upload is both embedded and linked.
    iframes, anchors = shapes["O13"]
    assert len(iframes) == 1 and unquote(iframes[0]).endswith("ปีงบ-2567.pdf")


def test_old_posts_and_last_years_index(site: ServedSite, client: httpx.Client) -> None:
    old = client.get(site.url("/?p=990")).text
    for post in ("/?p=612", "/?p=1015", "/?p=905"):
        assert f"{site}{post}" in old, post
    category = _content(client.get(site.url("/?cat=7")).text)
    listed = {_ref(site, a.attributes.get("href") or "") for a in category.css("a[href]")}
    assert {"/?p=1450", "/?p=990", "/?p=1015", "/?p=1262"} <= listed
    assert "ประจำปีงบประมาณพ.ศ.๒๕๖๗" in _squeeze(client.get(site.url("/?p=1015")).text)


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://www.facebook.com:{site.port}/phuphaekpolice" in home
    assert f"http://m.me:{site.port}/phuphaekpolice" in home
    for ref in ("//www.facebook.com/phuphaekpolice", "//m.me/phuphaekpolice"):
        assert client.get(site.url(ref)).status_code == 200, ref
    general = client.get(site.url("/?page_id=298")).text
    assert "<form" in general and "/?page_id=301" in general


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken:
                continue
            assert http.get(site.url(path), follow_redirects=True).status_code == 200, path
    assert depths[truth["index_page"]] == 1
    assert "/wp-admin/" in depths
    for code, item in items.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert min(depths.get(ref, 99) for ref in on_site) <= 2, (code, on_site)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_wp_admin(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /wp-admin/" in robots
        login = http.get(site + "/wp-admin/", follow_redirects=True)
        assert 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/wp-admin/"]
