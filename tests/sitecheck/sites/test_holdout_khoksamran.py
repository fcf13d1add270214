"""Self-test of the hold-out sub-district site ``khoksamran``: it serves what its truth says.

องค์การบริหารส่วนตำบลโคกสำราญ was built without reading the checker's judging code; like the
other hold-out self-tests, this one checks the site with its own means only (HTTP answers,
links, the project's document reader), never with the checker's parser or judge.

The agency's own site is a plain อบต. template (left menu, news, web board, uploads under
``/uploads/documents/YYYYMM/``); its ITA page is a Google Sites site
(``sites.google.com/view/khoksamran-ita2569`` with sub-pages o1-o10, o11-o20, o21-o26) reached
from a banner on the home page. Its lines link the agency's pages and uploads, Drive files, a
Facebook page, and three of them go through Google's ``www.google.com/url?q=…`` redirect.
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
from tests.sitecheck.sites import (
    HOLDOUT_SITES,
    SITES,
    ServedSite,
    load_site,
    load_truth,
    serve,
    site_dir,
)
from tests.sitecheck.sites.checks import assert_pdfs_built_and_small
from tests.sitecheck.sites.clicks import click_depths, page_links
from tests.support import fake_dns

NAME = "khoksamran"
FRAMEWORK = load_yaml(Path("openita/frameworks/data/ita-2569.yaml"))
ITEMS = {item.code: item for item in FRAMEWORK.items}
TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DOWNLOAD = "//drive.usercontent.google.com/download?id={}&export=download"
GSITE = "//sites.google.com/view/khoksamran-ita2569"
SUBPAGES = ("o1-o10", "o11-o20", "o21-o26")
UP = "/uploads/documents/"

# How the Google Site writes each item: code → the start of its line.
LABELS = {
    "O1": "ข้อ 1. โครงสร้าง",
    "O2": "ข้อ 2. ข้อมูลผู้บริหาร",
    "O3": "ข้อ 3. ข้อมูลการติดต่อ",
    "O4": "ข้อ 4. ข่าวประชาสัมพันธ์",
    "O5": "O5 แผนพัฒนาท้องถิ่น",
    "O6": "O6 แผนการดำเนินงานประจำปีงบประมาณ 2569",
    "O7": "O7 รายงานผลการดำเนินงานประจำปี 2568",
    "O8": "ข้อ 8. คู่มือการปฏิบัติงาน",
    "O9": "ข้อ 9. คู่มือสำหรับประชาชน",
    "O10": "ข้อ 10. E-Service",
    "O11": "O11 สรุปผลการจัดซื้อจัดจ้างรายเดือน",
    "O12": "O12 รายงานสรุปผลการจัดซื้อจัดจ้าง ปี 2568",
    "O13": "ข้อ 13. หลักเกณฑ์และแผนการบริหาร",
    "O14": "ข้อ 14. รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ปี 2568",
    "O15": "ข้อ 15. ประมวลจริยธรรม",
    "O16": "ข้อ 16. แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต",
    "O17": "ข้อ 17. ช่องทางแจ้งเรื่องร้องเรียนการทุจริต",
    "O18": "ข้อ 18. ข้อมูลสถิติเรื่องร้องเรียนการทุจริต ปี 2568",
    "O19": "ข้อ 19. การเปิดโอกาสให้มีส่วนร่วม",
    "O20": "ข้อ 20. No Gift Policy",
    "O21": "O21 การประเมินความเสี่ยงการทุจริต ปี 2569",
    "O22": "O22 รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยง",
    "O23": "O23 แผนปฏิบัติการป้องกันการทุจริต",
    "O24": "O24 รายงานผลการดำเนินการป้องกันการทุจริต ปี 2568",
    "O25": "O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
    "O26": "O26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม",
}

# What the documents and pages say, as the truth claims: ref → (phrases there, phrases not).
# Compared without whitespace: documents after the project's reader, the agency's pages as
# the HTML of their content column (the layout's menus and footer left out).
CLAIMS: dict[str, tuple[list[str], list[str]]] = {
    "/about/structure": (
        ["แผนผังโครงสร้าง", "ฝ่ายการเมือง", "ฝ่ายข้าราชการประจำ", "กองคลัง", "งานพัสดุและทรัพย์สิน"],
        [],
    ),
    "/about/authority": (["อำนาจหน้าที่", "มาตรา 66", "ป้องกันและบรรเทาสาธารณภัย"], []),
    "/personnel/executives": (
        [
            "นายสมบัติ ทองโคก",
            "รองนายกองค์การบริหารส่วนตำบลโคกสำราญ",
            "ปลัดองค์การบริหารส่วนตำบลโคกสำราญ",
            "<img",
            "โทร. 08-1872-4410",
        ],
        [],
    ),
    "/contact": (
        ["47190", "0-4271-8350", "saraban@khoksamran.go.th", "แผนที่ตั้ง", "<iframe", "/webboard/"],
        [],
    ),
    "/webboard/": (["<form", "/webboard/topic/21", "ตอบกลับภายใน 3 วันทำการ"], []),
    "/news/": (["2 เมษายน 2569", "1 ตุลาคม 2568", "/news/view/112", "/news/view/104"], []),
    "/news/view/110": (
        ["24 – 26 กุมภาพันธ์ 2569", "ประชาคมหมู่บ้าน", "312 คน", "ทบทวนแผนพัฒนาท้องถิ่น"],
        ["ผลจากการมีส่วนร่วม", "ปรับปรุง", "นำผล", "มติ", "ข้อสรุป"],
    ),
    "/news/view/109": (["22 มกราคม 2569", "ขับเคลื่อนจริยธรรม", "Dos &amp; Don't"], []),
    "/news/view/107": (["9 ธันวาคม 2568", "No Gift Policy", "nogift-2569.pdf"], []),
    "/eservice": (["docs.google.com", "ไม่ต้องเดินทาง"], []),
    "/complaint/corruption": (
        ["<form", "แยกจากการร้องเรียน/ร้องทุกข์ทั่วไป", "ไม่จำเป็นต้องระบุชื่อ"],
        [],
    ),
    "/procurement/skr1": (["ปีงบประมาณ พ.ศ. 2568", "skr1-mar68.pdf"], ["2569"]),
    UP + "202210/devplan-2566-2570.pdf": (
        ["(พ.ศ. ๒๕๖๖ – ๒๕๗๐)", "ยุทธศาสตร์", "เป้าหมาย", "ตัวชี้วัด"],
        [],
    ),
    DOWNLOAD.format("1KsR06OpPlan2569aBcDeFgHiJkLmNoP"): (
        ["ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "ผลผลิตของโครงการ", "งบประมาณ (บาท)", "ระยะเวลาดำเนินการ"],
        ["ความก้าวหน้า", "๓๑ มีนาคม", "ผลการใช้จ่าย", "เบิกจ่าย"],
    ),
    DOWNLOAD.format("1KsR07Report2568QwErTyUiOpAsDfGh"): (
        [
            "พ.ศ. ๒๕๖๘",
            "ผลการดำเนินงาน",
            "งบประมาณที่ได้รับจัดสรร",
            "ผลการใช้จ่าย",
            "วันเริ่มต้น – วันสิ้นสุด",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
        ],
        ["๒๕๖๙"],
    ),
    UP + "202411/manual-tax-revenue.pdf": (
        ["คู่มือการปฏิบัติงาน", "เจ้าพนักงานจัดเก็บรายได้", "ขั้นตอนการปฏิบัติงาน"],
        [],
    ),
    DOWNLOAD.format("1KsR09ElderManualZxCvBnMaSdFgHjK"): (
        [
            "คู่มือสำหรับประชาชน",
            "ขั้นตอน",
            "ระยะเวลา",
            "ไม่มีค่าธรรมเนียม",
            "กฎหมายที่เกี่ยวข้อง",
            "ช่องทางการให้บริการ",
        ],
        [],
    ),
    UP + "202510/skr1-ปีงบ2568.xlsx": (
        ["ปีงบประมาณ พ.ศ. 2568", "ตุลาคม 2567", "กันยายน 2568", "ไม่มีการจัดซื้อจัดจ้าง"],
        ["2569"],
    ),
    UP + "202504/skr1-mar68.pdf": (["มีนาคม ๒๕๖๘", "สขร.๑", "ราคากลาง"], ["๒๕๖๙"]),
    DOWNLOAD.format("1KsR12Procure2568PoIuYtReWqLkJhG"): (
        [
            "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
            "จำนวนรายการ",
            "งบประมาณที่ใช้ (บาท)",
            "ปัญหา/อุปสรรค",
            "ข้อเสนอแนะ",
            "แหล่งที่มาของ",
            "สถานะการ",
            "ราคากลาง",
            "เลขประจำตัว",
            "หจก.ภูทองคำก่อสร้าง",
            "วันสิ้นสุด",
        ],
        [],
    ),
    UP + "202309/hr-plan-2567-2569.pdf": (
        [
            "๒๕๖๗ – ๒๕๖๙",
            "การสรรหาและคัดเลือกบุคลากร",
            "การบรรจุและแต่งตั้งบุคลากร",
            "การพัฒนาบุคลากร",
            "การประเมินผลการปฏิบัติราชการ",
            "การให้คุณให้โทษ",
            "งบประมาณ (บาท)",
            "ระยะเวลาดำเนินการ",
        ],
        [],
    ),
    UP + "202312/ethics-code-local.pdf": (["ประมวลจริยธรรม", "ก.ถ."], []),
    DOWNLOAD.format("1KsR16ComplaintMnlTgBhYnUjMiKoLp"): (
        [
            "ผู้ถูกร้องเรียน",
            "ช่องทางการร้องเรียน",
            "ขั้นตอนการจัดการเรื่องร้องเรียน",
            "ระยะเวลาดำเนินการ",
            "ส่วนงานที่รับผิดชอบ",
        ],
        [],
    ),
    UP + "202510/nogift-2569.pdf": (
        [
            "No Gift Policy",
            "๑ ตุลาคม พ.ศ. ๒๕๖๘",
            "นายสมบัติ ทองโคก",
            "ไม่รับของขวัญ",
            "ประโยชน์อื่นใดโดยธรรมจรรยา",
            "๙ ธันวาคม ๒๕๖๘",
        ],
        [],
    ),
    DOWNLOAD.format("1KsR21Risk2569WsXeDcRfVtGbYhNuJm"): (
        ["พ.ศ. ๒๕๖๙", "เหตุการณ์ความเสี่ยง", "ระดับความเสี่ยง", "มาตรการ", "การจัดซื้อจัดจ้าง"],
        [],
    ),
    DOWNLOAD.format("1KsR22RiskRpt2567QaZwSxEdCrFvTgB"): (["พ.ศ. ๒๕๖๗"], ["๒๕๖๘", "๒๕๖๙"]),
    UP + "202212/ac-plan-2566-2570.pdf": (
        ["(พ.ศ. ๒๕๖๖ – ๒๕๗๐)", "ไม่ใช้งบประมาณ", "ช่วงเวลาดำเนินการ", "ปี ๒๕๖๙"],
        [],
    ),
    DOWNLOAD.format("1KsR25ItaAnalysis2568HnUjMiKoLpQ"): (
        ["พ.ศ. ๒๕๖๘", "จุดอ่อน", "ต้องพัฒนา", "ผู้รับผิดชอบ", "ระยะเวลา", "การกำกับติดตาม"],
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
    query = parts.query
    if parts.hostname == "www.google.com" and query.startswith("q=http"):
        # The wrapper's target carries the server's port; the truth writes it //host/path.
        target, _, tail = query[2:].partition("&")
        query = f"q={_ref(site, target)}&{tail}" if tail else f"q={_ref(site, target)}"
    rest = unquote(parts.path or "/") + (f"?{query}" if query else "")
    if parts.netloc == urlsplit(site).netloc:
        return rest
    return f"//{parts.hostname}{rest}"


def _content(html: str) -> LexborHTMLParser:
    node = LexborHTMLParser(html).css_first("#maincol")
    assert node is not None
    return LexborHTMLParser(node.html or "")


def _item_lines(site: ServedSite, client: httpx.Client) -> dict[str, tuple[str, list[str]]]:
    """code → (text, hrefs as written) of each item line on the Google Site's sub-pages."""
    lines: dict[str, tuple[str, list[str]]] = {}
    for slug in SUBPAGES:
        url = site.url(f"{GSITE}/{slug}")
        response = client.get(url)
        assert response.status_code == 200, slug
        for para in LexborHTMLParser(response.text).css("#ita-items p.zfr3Q"):
            text = para.text().strip()
            codes = [code for code, label in LABELS.items() if text.startswith(label)]
            if not codes:
                continue
            (code,) = codes
            hrefs = [a.attributes.get("href") or "" for a in para.css("a")]
            lines[code] = (text, [h if h == "#" else urljoin(url, h) for h in hrefs])
    return lines


def test_kept_out_of_the_tuning_sites() -> None:
    assert NAME in HOLDOUT_SITES and NAME not in SITES


def test_any_folder_name_loads() -> None:
    """Not in HOLDOUT_SITES yet: the loaders take the folder name all the same."""
    site = load_site(NAME)
    assert site.name == NAME and site.start == "/"
    assert load_truth(NAME)["site"] == NAME
    with serve(NAME) as base:
        assert httpx.get(base.start_url, timeout=10).status_code == 200
        assert base.site is site


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
    folder = site_dir(NAME)
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 1.5 * 1024 * 1024
    pages = list((folder / "pages").rglob("*.html")) + list((folder / "hosts").rglob("*.html"))
    assert 40 <= len(pages) <= 90
    assert 20 <= len(load_site(NAME).docs) <= 40


def _expected_type(site: ServedSite, ref: str) -> str:
    host = ref[2:].split("/", 1)[0] if ref.startswith("//") else ""
    if host == "drive.usercontent.google.com":
        file_id = parse_qs(urlsplit(ref).query)["id"][0]
        return TYPES[site.site.docs[site.site.drive[file_id].doc].kind]
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
            final = _ref(site, str(response.url))
            if ref.startswith("//www.google.com/url"):  # the wrapper leads to other evidence
                assert final in item["evidence"], (code, ref, final)
                continue
            assert _expected_type(site, ref) in response.headers["content-type"], (code, ref)
            assert urlsplit(str(response.url)).hostname != "accounts.google.com", (code, ref)
            if ref.startswith("//drive.google.com/"):  # the viewer leads to the download
                file_id = ref.split("/")[5]
                assert DOWNLOAD.format(file_id) in item["evidence"], code
                button = LexborHTMLParser(response.text).css_first("a.download")
                assert button is not None, (code, ref)
                link = urljoin(str(response.url), button.attributes.get("href") or "")
                got = client.get(link, follow_redirects=True)
                assert _ref(site, str(got.url)) == DOWNLOAD.format(file_id), (code, ref)


def test_broken_evidence_is_broken(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)["items"]
    assert {code for code, item in truth.items() if item["verdict"] == "broken"} == {"O14", "O26"}
    (private,) = truth["O14"]["evidence"]
    response = client.get(site.url(private), follow_redirects=True)
    assert urlsplit(str(response.url)).hostname == "accounts.google.com"
    assert 'type="password"' in response.text
    assert site.site.drive["1KsR14HrReport2568PrIvAtEmNbVcXz"].private
    (dead,) = truth["O26"]["evidence"]
    assert client.get(site.url(dead)).status_code == 404


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


def test_the_google_site_lists_every_item(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    assert truth["index_page"] == GSITE
    lines = _item_lines(site, client)
    assert set(lines) == set(ITEMS)
    for code, item in truth["items"].items():
        text, hrefs = lines[code]
        if code == "O18":  # a title and nothing else
            assert hrefs == [] and item["verdict"] == "missing", text
            continue
        if code == "O24":
            assert hrefs == ["#"] and item["verdict"] == "missing", text
            continue
        assert hrefs, code
        for href in hrefs:
            assert _ref(site, href) in item["evidence"], (code, href)
    assert "อยู่ระหว่างจัดทำ" in lines["O6"][0]
    # Three lines go through Google's redirect wrapper.
    wrapped = sorted(code for code, (_, hrefs) in lines.items()
                     if any(urlsplit(h).hostname == "www.google.com" for h in hrefs))  # fmt: skip
    assert wrapped == ["O10", "O3", "O7"]
    # The home page of the Google Site leads to the three sub-pages.
    home = client.get(site.url(GSITE)).text
    for slug in SUBPAGES:
        assert f'href="/view/khoksamran-ita2569/{slug}"' in home, slug


def test_home_banner_old_news_and_last_years_site(site: ServedSite, client: httpx.Client) -> None:
    home = client.get(site.url("/")).text
    banner = LexborHTMLParser(home).css_first("div.banner-ita a")
    assert banner is not None and "ITA 2569" in banner.text()
    assert _ref(site, banner.attributes.get("href") or "") == GSITE
    old_news = client.get(site.url("/news/view/102")).text
    assert f"http://sites.google.com:{site.port}/view/khoksamran-ita2568" in old_news
    last_year = client.get(site.url("//sites.google.com/view/khoksamran-ita2568")).text
    refs = {_ref(site, h) for h in page_links(last_year, site.url("//sites.google.com/"))}
    assert "//drive.google.com/file/d/1KsR22RiskRpt2567QaZwSxEdCrFvTgB/view?usp=sharing" in refs
    assert "/uploads/documents/202410/nogift-2568.pdf" in refs


def test_every_link_answers_but_the_broken_ones(site: ServedSite, client: httpx.Client) -> None:
    truth = load_truth(NAME)
    items = truth["items"]
    broken = {ref for item in items.values() if item["verdict"] == "broken"
              for ref in item["evidence"]}  # fmt: skip
    depths = click_depths(site, "/")
    with httpx.Client(timeout=10) as http:
        for path in depths:
            if path in broken or path.startswith("/admin/"):
                continue
            assert http.get(site.url(path), follow_redirects=True).status_code == 200, path
    assert "/admin/login.php" in depths
    # Every link of the Google Sites pages answers, but the broken ones.
    pages = [GSITE] + [f"{GSITE}/{slug}" for slug in SUBPAGES]
    pages.append("//sites.google.com/view/khoksamran-ita2568")
    for page in pages:
        html = client.get(site.url(page)).text
        for link in page_links(html, site.url(page)):
            ref = _ref(site, link)
            response = client.get(link, follow_redirects=True)
            if ref in broken:
                assert response.status_code == 404 or urlsplit(str(response.url)).hostname == (
                    "accounts.google.com"
                ), ref
                continue
            assert response.status_code == 200, (page, ref)
    assert site.errors == []


def test_robots_keeps_crawlers_out_of_admin(site: ServedSite) -> None:
    with httpx.Client(timeout=10) as http:
        robots = http.get(site + "/robots.txt").text.splitlines()
        assert "Disallow: /admin/" in robots
        login = http.get(site + "/admin/login.php", follow_redirects=True)
        assert 'type="password"' in login.text
    assert load_truth(NAME)["never_fetch"] == ["/admin/", "/admin/login.php"]
