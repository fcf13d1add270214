"""Self-test of the hold-out municipality site ``khaokaew``: it serves what its truth file says.

เทศบาลตำบลเขาแก้ว was built without reading the checker's judging code; like the other
hold-out self-tests, this one checks the site with its own means only (HTTP answers, links,
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
from tests.sitecheck.sites import HOLDOUT_SITES, SITES, ServedSite, load_truth, serve, site_dir
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths
from tests.support import fake_dns

NAME = "khaokaew"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
# A panel header as this site writes it: "O1 : …", "ข้อ O5 …", "O.10 …".
CODE = re.compile(r"^(?:ข้อ\s*)?O\.?(\d{1,2})(?!\d)")
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MONTHLY = [
    "/fileupload/ita2569/o11/สขร1-ต.ค.68.pdf",
    "/fileupload/ita2569/o11/สขร1-พ.ย.68.pdf",
    "/fileupload/ita2569/o11/spk1_dec2568.pdf",
    "/fileupload/ita2569/o11/สขร.1 ม.ค.69.pdf",
    "/fileupload/ita2569/o11/สขร1-ก.พ.69.pdf",
    "/fileupload/ita2569/o11/สขร1-มี.ค.69.pdf",
]
MONTHS = [
    "ตุลาคม๒๕๖๘",
    "พฤศจิกายน๒๕๖๘",
    "ธันวาคม๒๕๖๘",
    "มกราคม2569",
    "กุมภาพันธ์2569",
    "มีนาคม2569",
]
SOR_KOR_ROR = ["ราคากลาง", "วิธีซื้อหรือจ้าง", "เหตุผลที่คัด", "เลขที่และวันที่ของ"]

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as HTML text.
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/about/structure.html": (
        ["แผนผังโครงสร้าง", "<img", "สภาเทศบาล", "นายกเทศมนตรี", "ปลัดเทศบาล", "กองคลัง"],
        [],
    ),
    "/about/authority.html": (["หน้าที่และอำนาจ", "มาตรา๕๐", "สำนักปลัดเทศบาล"], []),
    "/about/executives.html": (
        ["นายชาญชัยพรมแก้ว", "รองนายกเทศมนตรี", "ปลัดเทศบาล", "<img", "โทร.๐๘๑๓๒๕๗๗๐๐"],
        [],
    ),
    "/contact.html": (
        ["๒๗๑๘๐", "saraban_05270112@dla.go.th", "แผนที่ตั้ง", "/R/ti/p/@khaokaew", "/webboard/"],
        [],
    ),
    "/news/": (
        ["๑๑เม.ย.๒๕๖๙", "๒๓ต.ค.๒๕๖๘", "20/02/2569", "/plugins/page.php", "view.php?id=386"],
        [],
    ),
    "/fileupload/plan/devplan2566-2570.pdf": (
        ["(พ.ศ.๒๕๖๖–๒๕๗๐)", "ยุทธศาสตร์", "เป้าประสงค์", "ตัวชี้วัด", "ค่าเป้าหมาย"],
        [],
    ),
    "/fileupload/plan/แผนการดำเนินงาน2569.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๙", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลา"],
        [],
    ),
    "/fileupload/ita2569/รายงานผลการดำเนินงาน6เดือน_2569.pdf": (
        ["ข้อมูลณวันที่๓๑มีนาคม๒๕๖๙", "ผลการดำเนินงาน", "งบประมาณตามแผน", "ดำเนินการแล้วเสร็จ"],
        ["เบิกจ่าย", "ใช้จ่าย", "ใช้จริง"],
    ),
    "/fileupload/ita2569/คู่มือการปฏิบัติงานจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง.pdf": (
        ["คู่มือการปฏิบัติงาน", "นักวิชาการจัดเก็บรายได้", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    "/fileupload/ita2569/คู่มือสำหรับประชาชน_เบี้ยยังชีพผู้สูงอายุ.pdf": (
        ["ขั้นตอน", "ระยะเวลา", "๑๕นาที", "ไม่มีค่าธรรมเนียม", "กฎหมายที่เกี่ยวข้อง", "E-Service"],
        [],
    ),
    **{ref: ([month, *SOR_KOR_ROR], []) for ref, month in zip(MONTHLY, MONTHS, strict=True)},
    "/fileupload/ita2569/รายงานสรุปผลการจัดซื้อจัดจ้าง_ปีงบประมาณ2568.pdf": (
        [
            "พ.ศ.๒๕๖๘",
            "จำแนกตามวิธีการจัดซื้อจัดจ้าง",
            "แหล่ง",
            "สถานะ",
            "เลขประจำตัวผู้",
            "0273561001234",
            "วันสิ้น",
        ],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    "/fileupload/ita2569/รายงานสรุปผลการจัดซื้อจัดจ้าง_ปีงบประมาณ2568.xlsx": (
        ["พ.ศ.2568", "เลขประจำตัวผู้เสียภาษี", "วันสิ้นสุดสัญญา", "เลขที่โครงการ", "15542480.5"],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    "/fileupload/ita2569/แผนพัฒนาบุคลากร2567-2569.pdf": (
        [
            "การสรรหาและคัดเลือก",
            "การบรรจุและแต่งตั้ง",
            "การพัฒนาบุคลากร",
            "การประเมินผลการปฏิบัติราชการ",
            "การให้คุณให้โทษ",
            "งบประมาณ๒๕๖๙",
            "ระยะเวลา",
        ],
        [],
    ),
    "/fileupload/ita2569/ประมวลจริยธรรม_การขับเคลื่อนจริยธรรม2569.pdf": (
        ["ประมวลจริยธรรม", "Dos&Don'ts", "คณะทำงานขับเคลื่อนจริยธรรม", "๙มกราคม๒๕๖๙"],
        [],
    ),
    "/news/view.php?id=386": (["๙มกราคม๒๕๖๙", "คุณธรรมจริยธรรม", "๗๘คน"], []),
    "/fileupload/ita2569/คู่มือการจัดการเรื่องร้องเรียนการทุจริต.pdf": (
        ["ผู้ถูกร้องเรียน", "ช่องทางแจ้งเรื่องร้องเรียน", "ระยะเวลาดำเนินการ", "งานนิติการ"],
        [],
    ),
    "/complaint/corruption.php": (
        ["<form", "แยกจากช่องทางร้องเรียนเรื่องทั่วไป", 'type="file"'],
        [],
    ),
    "/eservice/": (["<form", "ไม่ต้องเดินทาง", 'type="file"'], []),
    "/fileupload/ita2569/สถิติเรื่องร้องเรียนการทุจริต_ปีงบ68.xlsx": (
        ["พ.ศ.2568", "จำนวนเรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "ไม่มีเรื่องร้องเรียน"],
        [],
    ),
    "/fileupload/ita2569/รายงานผลการประชุมประชาคม2569.pdf": (
        ["๒๐กุมภาพันธ์๒๕๖๙", "ประเด็น", "ผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม", "การนำผล"],
        [],
    ),
    "/fileupload/ita2569/ประกาศเจตนารมณ์NoGift2569.pdf": (
        ["๑ตุลาคมพ.ศ.๒๕๖๘", "NoGiftPolicy", "นายชาญชัยพรมแก้ว", "นายกเทศมนตรีตำบลเขาแก้ว"],
        ["กิจกรรม", "ธรรมจรรยา", "อบรม", "สุรินทร์"],
    ),
    "/fileupload/ita2568/การประเมินความเสี่ยงการทุจริต2568.pdf": (
        ["พ.ศ.๒๕๖๘", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการ"],
        ["๒๕๖๙", "2569"],
    ),
    "/fileupload/ita2569/แผนปฏิบัติการป้องกันการทุจริต2569.pdf": (
        ["พ.ศ.๒๕๖๙", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ", "โครงการ/กิจกรรม"],
        [],
    ),
    "/fileupload/ita2569/รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต2568.pdf": (
        ["พ.ศ.๒๕๖๘", "ผลการดำเนินการ", "งบประมาณที่ใช้จริง", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    "/fileupload/ita2569/มาตรการส่งเสริมคุณธรรมและความโปร่งใส2569.pdf": (
        ["พ.ศ.๒๕๖๘", "จุดอ่อน", "พัฒนาให้ดีขึ้น", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
        [],
    ),
    "/fileupload/ita2568/รายงานผลมาตรการส่งเสริมคุณธรรม2567.pdf": (
        ["พ.ศ.๒๕๖๗", "สรุปผลการดำเนินการ", "ผลลัพธ์"],
        ["๒๕๖๘", "๒๕๖๙"],
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


def _code(text: str) -> str | None:
    match = CODE.match(text.strip())
    return f"O{int(match.group(1))}" if match else None


def _panels(html: str, page_url: str) -> dict[str, tuple[str, str, list[str]]]:
    """Item code → (panel header, panel body text, links of the body) on the ITA page."""
    tree = LexborHTMLParser(html)
    panels: dict[str, tuple[str, str, list[str]]] = {}
    for card in tree.css("#accordionITA > div.card"):
        header = card.css_first(".card-header button").text().strip()
        code = _code(header)
        assert code and code not in panels, header
        collapse = card.css_first("div.collapse")
        assert collapse is not None and "data-parent" in collapse.attributes, header
        body = collapse.css_first(".card-body")
        links = [urljoin(page_url, a.attributes.get("href") or "") for a in body.css("a[href]")]
        panels[code] = (header, body.text(), links)
    return panels


def _same(url: str) -> str:
    return unquote(url)


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
    assert size < 1_500_000


def _expected_type(ref: str) -> str:
    suffix = urlsplit(ref).path.rsplit(".", 1)[-1]
    return TYPES.get(suffix, "text/html")


def test_evidence_of_published_items_answers(site: ServedSite, client: httpx.Client) -> None:
    for code, item in load_truth(NAME)["items"].items():
        if item["verdict"] not in ("found", "partial", "outdated"):
            continue
        for ref in item["evidence"]:
            assert not ref.startswith("//"), (code, ref)  # all on the site itself
            response = client.get(site.url(ref), follow_redirects=True)
            assert response.status_code == 200, (code, ref)
            assert response.content, (code, ref)
            assert _expected_type(ref) in response.headers["content-type"], (code, ref)
            assert 'type="password"' not in response.text[:5000], (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O7", "O22"}
    with pytest.raises(httpx.ConnectError):  # the DLA e-plan system does not resolve
        client.get(site.url(truth["O7"]["evidence"][0]))
    assert client.get(site.url(truth["O22"]["evidence"][0])).status_code == 404


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
    assert published <= set(CLAIMS), "every cited document and page is checked"


def test_the_no_gift_announcement_is_signed_by_the_current_mayor(
    site: ServedSite, client: httpx.Client
) -> None:
    executives = LexborHTMLParser(client.get(site.url("/about/executives.html")).text)
    mayor = executives.css_first("div.person b").text()
    assert mayor == "นายชาญชัย พรมแก้ว"
    announcement = _squeeze(
        _text_of(client, site.url("/fileupload/ita2569/ประกาศเจตนารมณ์NoGift2569.pdf"))
    )
    assert f"({_squeeze(mayor)})นายกเทศมนตรีตำบลเขาแก้ว" in announcement
    old = _squeeze(_text_of(client, site.url("/fileupload/ita2568/nogift2568.pdf")))
    assert "๒ตุลาคมพ.ศ.๒๕๖๗" in old and _squeeze(mayor) not in old


def test_the_index_page_is_an_accordion(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    html = client.get(index).text
    panels = _panels(html, index)
    assert list(panels) == [f"O{n}" for n in range(1, 27)]
    headers = {code: header for code, (header, _, _) in panels.items()}
    assert headers["O1"].startswith("O1 : ") and headers["O5"].startswith("ข้อ O5 ")
    assert headers["O10"].startswith("O.10 ") and headers["O20"].startswith("ข้อ O20 ")
    for code, (_, body, links) in panels.items():
        first = next(e for e in ITEMS[code].elements if e.required)
        rubric = fill_year_placeholders(first.text, FRAMEWORK.fiscal_year)
        assert _squeeze(rubric) in _squeeze(body), code  # the rubric is repeated
        item = truth["items"][code]
        linked = {_same(link) for link in links}
        wanted = {_same(site.url(ref)) for ref in item["evidence"]}
        if item["verdict"] == "missing":
            assert not links, code
            continue
        assert wanted <= linked, code  # the panel links every piece of evidence
    # O1 links two pages of the site; O11 the procurement plan, six monthly PDFs, e-GP.
    assert [urlsplit(link).path for link in panels["O1"][2]] == [
        "/about/structure.html",
        "/about/authority.html",
    ]
    o11 = [_same(link) for link in panels["O11"][2]]
    assert len(o11) == 8 and o11[1:7] == [_same(site.url(ref)) for ref in MONTHLY]
    assert "แผนจัดซื้อจัดจ้าง2569.pdf" in o11[0] and "process3.gprocurement.go.th" in o11[7]
    assert "อยู่ระหว่างจัดทำรายงาน" in panels["O14"][1]
    assert any("eplan.dla.go.th" in link for link in panels["O5"][2])
    for code in ("O21", "O26"):  # last year's folder
        assert all("/fileupload/ita2568/" in _same(link) for link in panels[code][2]), code
    assert [a.text() for a in LexborHTMLParser(html).css("#collapseO22 a")] == ["คลิก"]


def test_outside_national_systems_cannot_be_opened(site: ServedSite, client: httpx.Client) -> None:
    index = site.url("/ita/2569/")
    panels = _panels(client.get(index).text, index)
    outside = [link for _, _, links in panels.values() for link in links
               if urlsplit(link).hostname not in ("127.0.0.1", "localhost")]  # fmt: skip
    hosts = {urlsplit(link).hostname for link in outside}
    assert hosts == {"eplan.dla.go.th", "process3.gprocurement.go.th"}
    assert hosts <= set(site.site.unresolvable)
    for link in outside:
        with pytest.raises(httpx.ConnectError):
            client.get(link)


def test_news_facebook_and_channels(site: ServedSite, client: httpx.Client) -> None:
    news = LexborHTMLParser(client.get(site.url("/news/")).text)
    frames = [node.attributes.get("src") or "" for node in news.css("iframe")]
    assert any(f"www.facebook.com:{site.port}/plugins/page.php" in src for src in frames)
    for src in frames:
        assert client.get(src).status_code == 200
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@khaokaew" in home
    assert f"http://www.facebook.com:{site.port}/khaokaew.municipality" in home
    assert client.get(site.url("//line.me/R/ti/p/@khaokaew")).status_code == 200
    webboard = client.get(site.url("/webboard/")).text
    assert "<form" in webboard and "ตอบ" in webboard
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
    assert "/fileupload/ita2569/รายงานผลตามแผนบริหารความเสี่ยง2568.pdf" in depths
    assert depths["/ita/2569/"] == 1 and "/ita/2568/" in depths
    for code, item in truth.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        for ref in on_site:
            assert depths.get(ref, 99) <= 2, (code, ref)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_back_office(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /admin/" in robots
        page = http.get(site + "/admin/", follow_redirects=True)
        assert 'type="password"' in page.text
    truth = load_truth(NAME)
    assert truth["never_fetch"] == ["/admin/", "/admin/login.php"]
    assert "/admin/login.php" in click_depths(site, "/")
