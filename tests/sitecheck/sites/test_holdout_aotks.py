"""Self-test of the hold-out state-enterprise site ``aotks``: it serves what its truth says.

องค์การตลาดกลางสินค้าเกษตร (อตก.) was built without reading the checker's judging code; like
the other hold-out self-tests, this one checks the site with its own means only (HTTP answers,
links, the project's document reader), never with the checker's parser or judge.
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
from tests.sitecheck.sites.clicks import click_depths, page_links
from tests.support import fake_dns

NAME = "aotks"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SUBDOMAIN = "procurement.aotks.or.th"
PROCUREMENT = "//procurement.aotks.or.th/download?id={}"
DOWNLOAD = "//drive.usercontent.google.com/download?id={}&export=download"
PARTICIPATION = "1aOtKs19PublicHearing2569xYzQwErTy"
MONTHS = {
    "256810": "ตุลาคม 2568",
    "256811": "พฤศจิกายน 2568",
    "256812": "ธันวาคม 2568",
    "256901": "มกราคม 2569",
    "256902": "กุมภาพันธ์ 2569",
    "256903": "มีนาคม 2569",
}
CORPORATE_PLAN = "/storage/documents/corporate-plan/แผนวิสาหกิจ_อตก_2566-2570_ทบทวนปี2569.pdf"
SKR1 = ["แบบ สขร.1", "ราคากลาง", "วิธีซื้อหรือจ้าง", "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
        "ผู้ได้รับการคัดเลือกและราคาที่ตกลง", "เหตุผลที่คัดเลือกโดยสรุป",
        "เลขที่และวันที่ของสัญญา"]  # fmt: skip

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as HTML source.
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/about/structure": (
        [
            "แผนผังโครงสร้าง",
            "รองผู้อำนวยการ สายงานบริหาร",
            "ฝ่ายพัสดุและบริการ",
            "หน้าที่และอำนาจ",
            "1 ตุลาคม 2568",
            "<img",
        ],
        [],
    ),
    "/about/executives": (
        [
            "ผู้อำนวยการองค์การตลาดกลางสินค้าเกษตร",
            "รองผู้อำนวยการ สายงานปฏิบัติการตลาด",
            "<img",
            "director@aotks.or.th",
            "0 2529 4104",
        ],
        [],
    ),
    "/contact": (
        [
            "12120",
            "saraban@aotks.or.th",
            "แผนที่ตั้ง",
            "พิกัด",
            "LINE Official Account",
            "line.me",
            "Messenger",
        ],
        [],
    ),
    "/news": (
        ["24 เม.ย. 2569", "3 ต.ค. 2568", "/news/detail/1296", "/news?page=2"],
        ["ก.ย. 2568", "2567"],
    ),
    CORPORATE_PLAN: (
        ["พ.ศ. 2566 – 2570", "ประจำปีงบประมาณ พ.ศ. 2569", "ยุทธศาสตร์ที่ 4", "เป้าประสงค์", "ตัวชี้วัด"],
        [],
    ),
    "/about/action-plan": (["AP2569_final.pdf", "progress-Q2-2569.xlsx"], []),
    "/storage/documents/plan/AP2569_final.pdf": (
        [
            "ปีงบประมาณ พ.ศ. 2569",
            "ผลผลิต (Output)",
            "งบประมาณ (บาท)",
            "ระยะเวลาดำเนินการ",
            "43,100,000",
        ],
        ["ความก้าวหน้า", "31 มีนาคม"],
    ),
    "/storage/documents/plan/progress-Q2-2569.xlsx": (
        ["ข้อมูล ณ วันที่ 31 มีนาคม 2569", "ผลการดำเนินงาน", "ความก้าวหน้า (ร้อยละ)", "AOTKS Smart Market"],
        ["เบิกจ่าย", "ใช้จ่าย", "บาท"],
    ),
    "/storage/documents/annual-report/AR2567_TH.pdf": (
        [
            "รายงานประจำปี 2567",
            "30 กันยายน 2567",
            "ส่วนที่ 5 ปัญหา อุปสรรค และข้อเสนอแนะ",
            "งบประมาณที่ได้รับจัดสรร (บาท)",
            "ผลการใช้จ่าย (บาท)",
            "วันเริ่มต้น – วันสิ้นสุด",
        ],
        ["2568", "๒๕๖๘"],
    ),
    "/storage/documents/manual/manual-quality-inspection-2567.pdf": (
        ["คู่มือการปฏิบัติงาน", "พนักงานตรวจสอบคุณภาพสินค้า", "ขั้นตอนการปฏิบัติงาน", "ระยะเวลามาตรฐาน"],
        [],
    ),
    "/services/manual": (
        [
            "ขั้นตอน",
            "ระยะเวลา",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
            "ช่องทางการให้บริการ",
            "หน่วยงานที่รับผิดชอบ",
        ],
        [],
    ),
    "/eservice/": (["ไม่ต้องเดินทางมาที่สำนักงาน", "/eservice/stall-request", "docs.google.com"], []),
    "/eservice/stall-request": (["<form", "ไม่ต้องเดินทาง", 'type="file"'], []),
    "/procurement/": (
        ["สขร.1", "ปีงบประมาณ 2569", "download?id=SKR1-256903", 'id="monthly"'],
        [],
    ),
    **{
        PROCUREMENT.format(f"SKR1-{code}"): ([*SKR1, f"ในรอบเดือน{month}"], [])
        for code, month in MONTHS.items()
    },
    "/about/hr": (["hr-criteria-2567.pdf", "hr-plan-2569.pdf"], []),
    "/storage/documents/hr/hr-criteria-2567.pdf": (
        [
            "การสรรหาและคัดเลือกบุคลากร",
            "การบรรจุและแต่งตั้งบุคลากร",
            "การพัฒนาบุคลากร",
            "การประเมินผลการปฏิบัติงาน",
            "การให้คุณให้โทษและการสร้างขวัญกำลังใจ",
            "1 ตุลาคม 2567 เป็นต้นไป",
        ],
        [],
    ),
    "/storage/documents/hr/hr-plan-2569.pdf": (
        ["ปีงบประมาณ พ.ศ. 2569", "งบประมาณ (บาท)", "ระยะเวลาดำเนินการ", "ไม่ใช้งบประมาณ"],
        [],
    ),
    "/storage/documents/hr/hr-report-2568.pdf": (
        [
            "ปีงบประมาณ พ.ศ. 2568",
            "ผลการใช้จ่าย (บาท)",
            "วันเริ่มต้น – วันสิ้นสุด",
            "จำนวนผู้เข้ารับการอบรม",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["อัตรากำลัง", "ประเภทตำแหน่ง"],
    ),
    "/governance": (
        [
            'id="ethics"',
            'id="no-gift"',
            'id="anti-corruption"',
            "Dos &amp; Don'ts",
            "คำสั่ง อตก. ที่ 12/2569",
            "15 มกราคม 2569",
            "1 ตุลาคม 2568",
            "anti-corruption-plan-2569.pdf",
        ],
        [],
    ),
    "/storage/documents/governance/code-of-ethics.pdf": (
        ["ประมวลจริยธรรมของเจ้าหน้าที่ของรัฐ", "ข้อกำหนดจริยธรรม", "มาตรฐานทางจริยธรรม"],
        [],
    ),
    "/news/detail/1318": (["๑๕ มกราคม ๒๕๖๙", "จริยธรรม", "Dos"], []),
    "/storage/documents/governance/whistleblowing-manual-2568.pdf": (
        [
            "ผู้ถูกร้องเรียน",
            "ช่องทางแจ้งเรื่องร้องเรียน",
            "ขั้นตอนการจัดการเรื่องร้องเรียน",
            "ระยะเวลาดำเนินการ",
            "ส่วนงานที่รับผิดชอบ",
        ],
        [],
    ),
    "/governance/whistleblowing": (
        [
            "<form",
            "แยกจากช่องทางร้องเรียนการให้บริการทั่วไป",
            'type="file"',
            "/contact/complaint",
            "ไม่ต้องระบุชื่อได้",
        ],
        ["สถิติ", "จำนวนเรื่อง", "ไม่มีเรื่องร้องเรียน"],
    ),
    DOWNLOAD.format(PARTICIPATION): (
        [
            "28 มกราคม 2569",
            "ประเด็นการมีส่วนร่วม",
            "สรุปข้อมูลผู้มีส่วนร่วม",
            "ผลจากการมีส่วนร่วม",
            "การนำผลไปปรับปรุงการดำเนินงาน",
        ],
        [],
    ),
    "/news/detail/1321": (["28 มกราคม 2569", "124 คน"], []),
    "/storage/documents/governance/no-gift-2569.pdf": (
        ["No Gift Policy", "๑ ตุลาคม พ.ศ. ๒๕๖๘", "นายธนกฤต ศรีสุวรรณ", "ไม่รับของขวัญและของกำนัลทุกชนิด"],
        [],
    ),
    "/news/detail/1309": (["19 ธันวาคม 2568", "ปฏิเสธการรับของขวัญ"], []),
    "/news/detail/1302": (["ประโยชน์อื่นใดโดยธรรมจรรยา", "20 พ.ย. 2568"], []),
    "/storage/documents/governance/fraud-risk-2568.pdf": (
        [
            "ปีงบประมาณ พ.ศ. ๒๕๖๘",
            "เหตุการณ์ความเสี่ยง",
            "ระดับความเสี่ยง",
            "มาตรการในการบริหารจัดการความเสี่ยง",
        ],
        ["2569", "๒๕๖๙"],
    ),
    "/governance/risk": (["ความเสี่ยงองค์กรที่สำคัญ ปี 2569", "fraud-risk-2568.pdf"], ["ทุจริต</td>"]),
    "/storage/documents/governance/anti-corruption-plan-2569.pdf": (
        ["ปีงบประมาณ พ.ศ. 2569", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ", "งบประมาณ (บาท)"],
        [],
    ),
    "/storage/documents/governance/anti-corruption-report-2568.docx": (
        ["ปีงบประมาณ พ.ศ. 2568", "ผลการดำเนินการ", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        ["บาท", "งบประมาณที่ใช้", "ค่าใช้จ่าย"],
    ),
    "/storage/documents/ita/ita-2568-analysis-measures-2569.pdf": (
        [
            "ปีงบประมาณ พ.ศ. 2568",
            "จุดอ่อน",
            "ต้องพัฒนาให้ดีขึ้น",
            "ผู้รับผิดชอบ",
            "ระยะเวลา",
            "ขั้นตอนการปฏิบัติ",
            "การกำกับติดตามและรายงานผล",
            "ปีงบประมาณ พ.ศ. 2569",
        ],
        [],
    ),
    "/storage/documents/ita/integrity-report-2568.pdf": (
        ["ปีงบประมาณ พ.ศ. 2568", "มาตรการหรือกิจกรรม", "สรุปผลการดำเนินการ", "ผลลัพธ์หรือความสำเร็จ"],
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


def _host(ref: str) -> str:
    """The other host a truth reference names, or "" for the site's own paths."""
    if not ref.startswith("//"):
        return ""
    return urlsplit("http:" + ref).hostname or ""


def _expected_type(site: ServedSite, ref: str) -> str:
    host = _host(ref)
    if host == "drive.google.com":
        return "text/html"
    if host in (SUBDOMAIN, "drive.usercontent.google.com"):
        file_id = re.search(r"id=([A-Za-z0-9_-]+)", ref).group(1)  # type: ignore[union-attr]
        return TYPES[site.site.docs[site.site.drive[file_id].doc].kind]
    suffix = urlsplit(ref).path.rsplit(".", 1)[-1]
    return TYPES.get(suffix, "text/html")


def _index_entries(html: str, page_url: str) -> list[tuple[str, str, list[str], list[str]]]:
    """The ITA page's entries in order: (heading, title, hrefs as written, absolute links)."""
    tree = LexborHTMLParser(html)
    entries = []
    for heading in tree.css("div.ita-list h3"):
        listing = heading.next
        while listing is not None and listing.tag != "ul":
            listing = listing.next
        assert listing is not None, heading.text()
        for line in listing.iter():
            if line.tag != "li":
                continue
            anchors = line.css("a[href]")
            hrefs = [a.attributes.get("href") or "" for a in anchors]
            links = [urljoin(page_url, href) for href in hrefs]
            entries.append((heading.text().strip(), anchors[0].text().strip(), hrefs, links))
    return entries


def _refs(site: ServedSite, refs: list[str]) -> set[str]:
    return {unquote(site.url(ref)) for ref in refs}


def _text_of(client: httpx.Client, url: str) -> str:
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200, url
    content_type = response.headers["content-type"]
    if content_type.startswith("text/html"):
        return response.text
    document = read_document(response.content, content_type=content_type, url=url)
    assert document.ok, (url, document.note)
    return document.text


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
            assert item["years"] and max(item["years"]) < FRAMEWORK.fiscal_year, code
    verdicts = [item["verdict"] for item in truth["items"].values()]
    assert 0.65 <= verdicts.count("found") / len(verdicts) <= 0.75
    assert {"partial", "outdated", "broken", "missing"} <= set(verdicts)


def test_committed_pdfs_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = Path(__file__).parent / NAME
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1_500_000


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
            if _host(ref) == SUBDOMAIN:  # the subdomain's download service
                assert response.headers["content-disposition"].startswith("attachment"), ref
            if _host(ref) == "drive.google.com":  # the viewer leads to the download
                file_id = ref.split("/")[5]
                assert DOWNLOAD.format(file_id) in item["evidence"], code


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O12", "O22"}
    dead = client.get(site.url(truth["O12"]["evidence"][0]), follow_redirects=True)
    assert dead.status_code == 404
    private = client.get(site.url(truth["O22"]["evidence"][0]))
    assert private.status_code == 302
    assert urlsplit(private.headers["location"]).hostname == "accounts.google.com"
    login = client.get(site.url(truth["O22"]["evidence"][0]), follow_redirects=True)
    assert login.status_code == 200 and 'type="password"' in login.text


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
    downloads = {ref for ref in published if "/download?" in ref}
    assert documents | downloads <= set(CLAIMS), "every cited document is checked"


def test_the_index_page_is_a_list_of_titles(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    index = site.url(truth["index_page"])
    entries = _index_entries(client.get(index).text, index)
    codes = [item.code for item in FRAMEWORK.items]
    assert len(entries) == len(codes)  # one entry per item, in the framework's order
    headings = sorted({heading for heading, *_ in entries})
    assert len(headings) == len(FRAMEWORK.sub_indicators)
    written = []
    for code, (heading, title, _hrefs, links) in zip(codes, entries, strict=True):
        item = ITEMS[code]
        assert heading.startswith(f"ตัวชี้วัดย่อยที่ {item.sub_indicator} "), (code, heading)
        assert title.startswith(item.title), (code, title)  # the item title is the link
        if re.search(r"\(O\d+\)", title):
            written.append(code)
        assert f"({code})" in title or not re.search(r"O\d", title), (code, title)
        verdict, evidence = truth["items"][code]["verdict"], truth["items"][code]["evidence"]
        linked = {unquote(link.split("#")[0]) for link in links}
        if verdict == "missing":
            assert links and not linked & _refs(site, evidence), code
        else:
            assert linked & _refs(site, evidence), code
    assert written == ["O8", "O12", "O16", "O23"]  # codes only in a few entries
    hrefs = {code: entry[2] for code, entry in zip(codes, entries, strict=True)}
    assert hrefs["O15"] == ["/governance#ethics"]
    assert hrefs["O20"] == ["/governance#no-gift"]
    assert hrefs["O23"] == ["/governance#anti-corruption"]
    assert hrefs["O11"] == ["/procurement/#monthly"]
    assert len(hrefs["O6"]) == 3  # the page, the plan and the 6-month progress file
    assert hrefs["O17"] == hrefs["O18"] == ["/governance/whistleblowing"]


def test_section_links_land_on_their_sections(site: ServedSite, client: httpx.Client) -> None:
    tree = LexborHTMLParser(client.get(site.url("/governance")).text)
    truth = load_truth(NAME)["items"]
    for code, section in (("O15", "ethics"), ("O20", "no-gift"), ("O23", "anti-corruption")):
        node = tree.css_first(f"section#{section}")
        assert node is not None, section
        links = {unquote(href) for a in node.css("a[href]")
                 if (href := a.attributes.get("href") or "")}  # fmt: skip
        cited = {ref for ref in truth[code]["evidence"] if ref != "/governance"}
        assert cited <= links, (code, cited - links)
    monthly = LexborHTMLParser(client.get(site.url("/procurement/")).text).css_first(
        "section#monthly"
    )
    assert monthly is not None
    hrefs = [a.attributes.get("href") or "" for a in monthly.css("a[href]")]
    for code in MONTHS:
        assert f"http://{SUBDOMAIN}:{site.port}/download?id=SKR1-{code}" in hrefs, code


def test_the_procurement_subdomain(site: ServedSite, client: httpx.Client) -> None:
    assert site.dns_table()[SUBDOMAIN] == ["127.0.0.1"]
    old = client.get(site.url(PROCUREMENT.format("SKR1-2568-ALL")))
    assert old.status_code == 200 and old.headers["content-type"] == TYPES["xlsx"]
    text = _squeeze(read_document(old.content, content_type=TYPES["xlsx"]).text)
    assert "ปีงบประมาณ2568" in text and "2569" not in text
    plan = client.get(site.url(PROCUREMENT.format("PLAN-2569")))
    assert plan.status_code == 200 and "filename*=UTF-8''" in plan.headers["content-disposition"]
    assert client.get(site.url(f"//{SUBDOMAIN}/")).status_code == 404
    report = site.url(load_truth(NAME)["items"]["O12"]["evidence"][0])
    procurement = client.get(site.url("/procurement/")).text
    assert report in procurement  # the dead link is on the procurement page too


def test_outdated_and_partial_items_have_nothing_newer(
    site: ServedSite, client: httpx.Client
) -> None:
    annual = client.get(site.url("/about/annual-report")).text
    assert "AR2567_TH.pdf" in annual and "AR2568" not in annual
    assert "รายงานประจำปี 2568 อยู่ระหว่างจัดทำ" in annual
    risk = client.get(site.url("/governance/risk")).text
    assert "fraud-risk-2568.pdf" in risk and "fraud-risk-2569" not in risk
    storage = Path(__file__).parent / NAME / "static" / "storage"
    names = [path.name for path in storage.rglob("*")]
    assert not [name for name in names if re.search(r"(AR|annual|fraud|risk).*2569", name)]


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    assert f"http://line.me:{site.port}/R/ti/p/@aotks" in home
    assert f"http://www.facebook.com:{site.port}/aotks.official" in home
    assert 'href="/en/"' in home and "/eservice/" in home
    for ref in ("//line.me/R/ti/p/@aotks", "//www.facebook.com/aotks.official"):
        assert client.get(site.url(ref)).status_code == 200, ref
    general = client.get(site.url("/contact/complaint")).text
    assert "<form" in general and "/governance/whistleblowing" in general
    form = client.get(site.url("/eservice/")).text
    google = re.search(r'href="(http://docs\.google\.com:\d+/forms/[^"]+)"', form)
    assert google and "<form" in client.get(google.group(1)).text


def test_the_english_switch(site: ServedSite, client: httpx.Client) -> None:
    for path in ("/en/", "/en/about", "/en/contact"):
        page = client.get(site.url(path)).text
        assert '<html lang="en">' in page and 'href="/"' in page, path
    assert "Annual Report" in client.get(site.url("/en/about")).text


def test_every_link_answers_but_the_broken_ones(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    broken = {ref for item in truth.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    outside: set[str] = set()
    for path, depth in depths.items():
        response = client.get(site.url(path), follow_redirects=True)
        assert response.status_code == 200, path
        if depth < 7 and "html" in response.headers["content-type"]:
            outside |= {link for link in page_links(response.text, str(response.url))
                        if urlsplit(link).hostname not in ("127.0.0.1", None)}  # fmt: skip
    dead = {site.url(ref) for ref in broken}
    for link in outside - dead:
        assert client.get(link, follow_redirects=True).status_code == 200, link
    assert dead <= outside
    assert "/backoffice/" in depths and "/en/" in depths and "/news?page=2" in depths
    for code, item in truth.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert any(ref in depths and depths[ref] <= 3 for ref in on_site), (code, on_site)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_back_office(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /backoffice/" in robots
        assert f"Sitemap: {site}/sitemap.xml" in robots
        assert 'type="password"' in http.get(site + "/backoffice/").text
        assert http.get(site + "/sitemap.xml").status_code == 200
    assert load_truth(NAME)["never_fetch"][0] == "/backoffice/"
