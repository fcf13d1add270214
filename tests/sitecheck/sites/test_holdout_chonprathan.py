"""Self-test of the hold-out irrigation-project site ``chonprathan``: it serves what its truth says.

โครงการชลประทานนครธารา was built without reading the checker's judging code; like the other
hold-out self-tests, this one checks the site with its own means only (HTTP answers, links,
the project's document reader), never with the checker's parser or judge.

The site is a Joomla site with query URLs (``/index.php?option=com_content&view=article&id=N``)
and NO ITA index page: the main menu's mega drop-down "ข้อมูลสาธารณะ" lists the published data
in six topic columns (some split "ปี 2568" / "ปี 2567") under the staff's own file names, and a
sidebar "ITA" leads to one category page per topic.
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
    dns_table,
    load_site,
    load_truth,
    serve,
    site_dir,
)
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths
from tests.support import fake_dns

NAME = "chonprathan"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2568.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ART = "/index.php?option=com_content&view=article&id="
CAT = "/index.php?option=com_content&view=category&id="
PH = "/phocadownload/"
SCAN = "/images/files/2568/scan-nogift-68.pdf"
DEEP = "/images/files/2567/procure/สรุปผลจัดซื้อจัดจ้าง-ประจำปี-2567.pdf"
CORRUPTION_HOST = "complaint.chonlathan.go.th"

# The mega drop-down: topic column → (year sub-headings, link texts as the staff wrote them).
MEGA = {
    "ข้อมูลพื้นฐาน": ([], ["โครงสร้างองค์กร", "ผู้บริหาร", "ติดต่อเรา", "กระดานถาม-ตอบ"]),
    "การบริหารงาน": (
        ["ปี 2568", "ปี 2567"],
        ["แผนปฏิบัติการ ปีงบ 68", "รายงาน 6 เดือน", "ผลการดำเนินงาน ปี 67", "สถิติผู้รับบริการ 67"],
    ),
    "การจัดซื้อจัดจ้าง": (["ปี 2568", "ปี 2567"], ["สขร. ปี 68", "ความก้าวหน้าฯ ณ 31 มี.ค.68"]),
    "การบริหารทรัพยากรบุคคล": (["ปี 2568", "ปี 2567"], ["ประมวลจริยธรรม", "แผนพัฒนาบุคลากร 67"]),
    "การส่งเสริมความโปร่งใส": ([], ["ร้องเรียนการทุจริต", "สถิติเรื่องร้องเรียน 67"]),
    "การป้องกันการทุจริต": (
        ["ปี 2568", "ปี 2567"],
        ["ประกาศ No Gift 68", "มาตรการ ป้องกันรับสินบน", "ประเมินความเสี่ยงสินบน 68"],
    ),
}

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, pages as the HTML of
# their content area (the layout's menus, sidebar and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    ART + "4": (["แผนผังโครงสร้าง", "/images/files/about/structure_2568.pdf"], []),
    "/images/files/about/structure_2568.pdf": (
        ["แผนผังโครงสร้าง", "ฝ่ายวิศวกรรม", "อำนาจหน้าที่", "ผู้อำนวยการโครงการชลประทานนครธารา"],
        [],
    ),
    ART + "5": (
        ["ผู้อำนวยการโครงการชลประทานนครธารา", "นายสมพงษ์ทองธารา", "หัวหน้าฝ่ายวิศวกรรม", "<img"],
        ["โทร", "@", "mailto:", "tel:", "๐๔๔"],
    ),
    ART + "7": (
        ["๓๐๑๙๐", "๐๔๔๗๗๑๒๓๔", "nakhontara@chonlathan.go.th", "แผนที่ตั้ง", "<iframe", "line.me"],
        [],
    ),
    "/index.php?option=com_kunena&view=category&catid=2": (
        ["กระดานถาม-ตอบ", "catid=2&amp;id=52"],
        [],
    ),
    CAT + "8": (["22เมษายน2568", "8ตุลาคม2567", "view=article&amp;id=301"], ["2566", "สิงหาคม2567"]),
    "/images/files/plan/แผนปฏิบัติราชการ-5ปี-2566-2570.pdf": (
        ["(พ.ศ.๒๕๖๖–๒๕๗๐)", "ยุทธศาสตร์", "เป้าหมาย", "ตัวชี้วัด"],
        [],
    ),
    PH + "ita2568/action-plan-68.pdf": (
        ["ประจำปีงบประมาณพ.ศ.๒๕๖๘", "ผลผลิต", "งบประมาณ(บาท)", "ระยะเวลาดำเนินการ"],
        [],
    ),
    PH + "ita2568/report-6month-68.pdf": (
        ["๓๑มีนาคม๒๕๖๘", "ผลการดำเนินงาน", "ผลการใช้จ่าย(บาท)"],
        [],
    ),
    PH + "ita2568/annual-report-2567.pdf": (
        ["พ.ศ.๒๕๖๗", "งบประมาณที่ได้รับจัดสรร", "ผลการใช้จ่าย", "วันเริ่มต้น", "วันสิ้นสุด"],
        ["ปัญหา", "อุปสรรค", "ข้อเสนอแนะ"],
    ),
    "/images/files/manual/คู่มือการปฏิบัติงาน-การส่งน้ำ.pdf": (
        ["คู่มือการปฏิบัติงาน", "นายช่างชลประทาน", "ผู้ใช้คู่มือ", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    "/images/files/manual/คู่มือประชาชน-ขออนุญาตใช้เขตชลประทาน.pdf": (
        [
            "คู่มือสำหรับประชาชน",
            "ขั้นตอน",
            "ระยะเวลา",
            "ส่วนงานที่รับผิดชอบ",
            "ช่องทางการให้บริการ",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
        ],
        [],
    ),
    "/index.php?option=com_rsform&view=rsform&formId=3": (
        ["<form", "ไม่ต้องเดินทางมาที่สำนักงาน", 'type="file"'],
        [],
    ),
    PH + "ita2568/stat-service-67.pdf": (
        ["ปีงบประมาณพ.ศ.๒๕๖๗", "ณสำนักงาน", "266"],
        ["E-Service", "ออนไลน์", "อิเล็กทรอนิกส์"],
    ),
    "/images/files/2568/procure/plan-invest-68.pdf": (
        [
            "งบลงทุน",
            "พ.ศ.๒๕๖๘",
            "แหล่งที่มาของงบประมาณ",
            "วิธีการจัดซื้อจัดจ้าง",
            "ช่วงเวลาที่คาดว่าจะเริ่มดำเนินการ",
        ],
        [],
    ),
    "/images/files/2568/procure/progress-310368.xlsx": (
        [
            "31มีนาคม2568",
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
    ART + "219": ([DEEP.rsplit("/", 1)[1]], []),
    DEEP: (
        [
            "พ.ศ.๒๕๖๗",
            "จำแนกตามวิธีการจัดซื้อจัดจ้าง",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
            "ราคาที่ตกลงซื้อหรือจ้าง",
            "เลขประจำตัวผู้เสียภาษี",
            "วันสิ้นสุดสัญญา",
        ],
        [],
    ),
    PH + "ita2567/แผนพัฒนาบุคลากร67.pdf": (["พ.ศ.๒๕๖๗", "งบประมาณ"], ["๒๕๖๘", "2568"]),
    PH + "ita2567/hr-report-2566.pdf": (["พ.ศ.๒๕๖๖", "ประเภทตำแหน่ง"], ["๒๕๖๗", "2567"]),
    "/images/files/ethics/ประมวลจริยธรรมข้าราชการพลเรือน.pdf": (
        ["ประมวลจริยธรรมข้าราชการพลเรือน", "สำนักงานก.พ.", "คณะทำงานขับเคลื่อนจริยธรรม", "๒๕๖๘"],
        [],
    ),
    ART + "303": (["๑๔กุมภาพันธ์๒๕๖๘", "จริยธรรม", "Dos&amp;Don'ts", "<img"], []),
    PH + "ita2568/complaint-guide-68.pdf": (
        ["ผู้ถูกร้องเรียน", "ช่องทางการร้องเรียน", "ขั้นตอนการดำเนินการ", "ส่วนงานที่รับผิดชอบ", "๓๐วัน"],
        [],
    ),
    PH + "ita2568/complaint-stat-67.pdf": (
        ["พ.ศ.๒๕๖๗", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ไม่มีเรื่องร้องเรียน"],
        [],
    ),
    PH + "ita2568/jmc-participation-68.pdf": (
        ["๑๙พฤศจิกายน๒๕๖๗", "ประเด็นการมีส่วนร่วม", "ผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม", "ปรับปรุง"],
        [],
    ),
    ART + "301": (["๑๙พฤศจิกายน๒๕๖๗", "jmc-participation-68.pdf", "<img"], []),
    ART + "302": (
        ["๒๕ตุลาคม๒๕๖๗", "NoGiftPolicy", "ของขวัญ", "๘๘คน", SCAN, "<img"],
        [],
    ),
    PH + "ita2568/มาตรการป้องกันรับสินบน.pdf": (
        ["มาตรการป้องกันการรับสินบน"],
        ["ระดับความเสี่ยง", "เหตุการณ์ความเสี่ยง", "ประเมินความเสี่ยง"],
    ),
    PH + "ita2568/risk-report-67.pdf": (
        ["พ.ศ.๒๕๖๗", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการ", "ผลการดำเนินการ"],
        [],
    ),
    PH + "ita2568/anticorrupt-plan-68.pdf": (
        ["พ.ศ.๒๕๖๘", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ"],
        [],
    ),
    PH + "ita2568/anticorrupt-report-67.pdf": (
        ["พ.ศ.๒๕๖๗", "ผลการดำเนินการ", "งบประมาณที่ใช้", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ"],
        [],
    ),
    PH + "ita2568/ita-measures-68.pdf": (
        ["พ.ศ.๒๕๖๗", "จุดอ่อน", "ต้องพัฒนา", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
        [],
    ),
    PH + "ita2568/ita-measures-report-67.pdf": (
        ["พ.ศ.๒๕๖๗", "สรุปผลการดำเนินการ", "ผลลัพธ์"],
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
    node = LexborHTMLParser(html).css_first("main#sp-component")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def _links(site: ServedSite, tree: LexborHTMLParser, page_url: str) -> list[tuple[str, str]]:
    """(text, ref) of every ``<a href>`` of a tree."""
    out = []
    for a in tree.css("a[href]"):
        href = a.attributes.get("href") or ""
        out.append((a.text().strip(), _ref(site, urljoin(page_url, href))))
    return out


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_the_shared_helpers_take_the_site_by_name(site: ServedSite) -> None:
    loaded = load_site(NAME)
    assert loaded.name == NAME and loaded.title == "โครงการชลประทานนครธารา"
    assert site.site is loaded and site_dir(NAME) == loaded.folder
    truth = load_truth(NAME)
    assert truth["site"] == NAME and truth["index_page"] == ""
    table = dns_table(NAME)
    assert "www.facebook.com" in table and CORRUPTION_HOST not in table


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


def test_committed_files_are_built_and_small() -> None:
    assert_pdfs_built_and_small(NAME)
    folder = site_dir(NAME)
    assert (folder / "static" / SCAN.lstrip("/")).stat().st_size < 60 * 1024
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1.5 * 1024 * 1024


def _expected_type(ref: str) -> str:
    path = urlsplit(ref).path
    return TYPES.get(path.rsplit(".", 1)[-1], "text/html")


def test_evidence_of_published_items_answers(site: ServedSite, client: httpx.Client) -> None:
    for code, item in load_truth(NAME)["items"].items():
        if item["verdict"] not in ("found", "partial", "outdated"):
            continue
        for ref in item["evidence"]:
            assert not ref.startswith("//"), (code, ref)  # everything is on the site itself
            response = client.get(site.url(ref), follow_redirects=True)
            assert response.status_code == 200, (code, ref)
            assert response.content, (code, ref)
            assert _expected_type(ref) in response.headers["content-type"], (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O18", "O23"}
    dead = client.get(site.url(truth["O23"]["evidence"][0]))
    assert dead.status_code == 404
    # The corruption channel lives on the department's complaint host, which does not resolve.
    (channel,) = truth["O18"]["evidence"]
    assert channel.startswith(f"//{CORRUPTION_HOST}/")
    assert CORRUPTION_HOST in site.site.unresolvable
    with pytest.raises(httpx.ConnectError):
        client.get(site.url(channel))
    # The office's own form is for general complaints and sends corruption cases there.
    form = _content(client.get(site.url("/index.php?option=com_rsform&view=rsform&formId=2")).text)
    assert form.css_first("form") is not None
    assert f"http://{CORRUPTION_HOST}/corruption/" in form.html
    assert "ทุจริต" not in "".join(o.text() for o in form.css("option"))


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
    assert published - {SCAN} <= set(CLAIMS), "every cited page and document is checked"


def test_the_no_gift_announcement_is_only_a_scan(site: ServedSite, client: httpx.Client) -> None:
    response = client.get(site.url(SCAN))
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF-") and b"/DCTDecode" in body
    assert b"/Font" not in body and b"/ToUnicode" not in body  # no text layer at all
    # Read as a person reads the picture (the project's reader falls back to OCR).
    document = read_document(body, content_type="application/pdf", url=site.url(SCAN))
    text = _squeeze(document.text)
    for phrase in ("ประกาศโครงการชลประทานนครธารา", "ของขวัญ", "2568", "ทองธารา"):
        assert phrase in text, phrase


def test_the_mega_menu_lists_the_data_by_topic(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    tree = LexborHTMLParser(home)
    mega = tree.css_first("div.sp-dropdown-mega")
    assert mega is not None
    parent = mega.parent
    assert parent is not None and parent.css_first("a").text().strip() == "ข้อมูลสาธารณะ"
    columns = {}
    for column in mega.css("div.col-sm-2"):
        title = column.css_first("h4").text().strip()
        years = [li.text().strip() for li in column.css("li.menu-year")]
        columns[title] = (years, _links(site, LexborHTMLParser(column.html or ""), site + "/"))
    assert list(columns) == list(MEGA)
    for title, (years, texts) in MEGA.items():
        assert columns[title][0] == years, title
        shown = [text for text, _ in columns[title][1]]
        for text in texts:
            assert text in shown, (title, text)
    menu_refs = {ref for _, links in columns.values() for _, ref in links}
    # No separate ITA index page: the menu links files and articles directly.
    assert not any("ita" in ref.lower() and "index.php" in ref for ref in menu_refs)
    truth = load_truth(NAME)["items"]
    for code in ("O5", "O6", "O7", "O11", "O12", "O14", "O15", "O17", "O19", "O21", "O23", "O25"):
        assert truth[code]["evidence"][0] in menu_refs, code
    assert f"//{CORRUPTION_HOST}/corruption/" in menu_refs
    assert DEEP not in menu_refs and ART + "219" not in menu_refs
    # Nothing for the gift report anywhere in the menu.
    assert not any("รับทรัพย์สิน" in text or "ของขวัญ" in text
                   for _, links in columns.values() for text, _ in links)  # fmt: skip


def test_the_sidebar_leads_to_one_category_per_topic(
    site: ServedSite, client: httpx.Client
) -> None:
    home = LexborHTMLParser(client.get(site.url("/")).text)
    sidebar = home.css_first("aside .ita-menu")
    assert sidebar is not None
    links = _links(site, LexborHTMLParser(sidebar.html or ""), site + "/")
    assert [text for text, _ in links] == list(MEGA)
    listed: set[str] = set()
    for _, ref in links:
        page = client.get(site.url(ref))
        assert page.status_code == 200, ref
        listed |= {r for _, r in _links(site, _content(page.text), site.url(ref))}
    truth = load_truth(NAME)["items"]
    for code, item in truth.items():
        if code in ("O1", "O2", "O3", "O4", "O10", "O12", "O13", "O16", "O20", "O21", "O22"):
            continue  # reached through articles (procurement year listings, news, forms)
        assert item["evidence"][0] in listed, code
    assert ART + "210" in listed and ART + "211" in listed and DEEP not in listed


def test_the_procurement_summary_is_three_clicks_deep(site: ServedSite) -> None:
    depths = click_depths(site, "/")
    assert depths[ART + "211"] == 1
    assert depths[ART + "219"] == 2
    assert depths[DEEP] == 3


def test_activities_are_news_articles_with_photos(site: ServedSite, client: httpx.Client) -> None:
    for article_id, date in (("302", "2024-10-25"), ("303", "2025-02-14")):
        tree = _content(client.get(site.url(ART + article_id)).text)
        time = tree.css_first("time")
        assert time is not None and (time.attributes.get("datetime") or "").startswith(date)
        assert len(tree.css("div.gallery img")) >= 3, article_id
    news = _content(client.get(site.url(CAT + "8")).text)
    listed = {ref for _, ref in _links(site, news, site.url(CAT + "8"))}
    assert {ART + "301", ART + "302", ART + "303"} <= listed


def test_channels_and_outside_hosts(site: ServedSite, client: httpx.Client) -> None:
    board = _content(
        client.get(site.url("/index.php?option=com_kunena&view=category&catid=2")).text
    )
    topics = [ref for _, ref in _links(site, board, site + "/") if "view=topic" in ref]
    assert len(topics) >= 4
    answered = _content(client.get(site.url(topics[-1])).text)
    assert answered.css_first("div.kmsg.reply") is not None
    home = client.get(site.url("/")).text
    for ref in ("//www.facebook.com/chonprathan.nakhontara", "//line.me/R/ti/p/@chonprathan-ntr"):
        assert site.url(ref) in home, ref
        assert client.get(site.url(ref)).status_code == 200, ref


def test_every_link_answers_but_the_broken_ones(site: ServedSite) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    pages = [
        path
        for path in depths
        if not urlsplit(path).path.endswith((".pdf", ".xlsx", ".jpg", ".png"))
    ]
    assert 40 <= len(pages) <= 90
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken:
                continue
            assert http.get(site.url(path), follow_redirects=True).status_code == 200, path
    assert "/administrator/" in depths
    for code, item in items.items():
        on_site = [ref for ref in item["evidence"] if not ref.startswith("//")]
        if on_site:
            assert min(depths.get(ref, 99) for ref in on_site) <= 3, (code, on_site)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_the_administrator(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /administrator/" in robots
        login = http.get(site + "/administrator/", follow_redirects=True)
        assert 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/administrator/"]
