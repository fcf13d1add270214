"""The site pre-check in Chromium, as people use it: the coordinator checks the agency's own
(local) website, reads the counts, the full report and an item's finding; the unit editor
and the assessor see the results without the button."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest
from playwright.sync_api import expect

from openita.agencies import services as agencies
from openita.disclosure import services as disclosure
from openita.disclosure.models import ItemStatus
from tests.browser.helpers import log_in as _log_in
from tests.support import local_server

pytestmark = pytest.mark.browser
BUTTON = "ตรวจเว็บไซต์ของฉันตอนนี้"
HINT = "ผลตรวจล่วงหน้าโดยระบบ — ใช้ประกอบเท่านั้น ไม่ใช่คะแนน"
NOT_IN_LINKS = "พบบนเว็บไซต์ของคุณ แต่ไม่อยู่ในลิงก์ที่ให้ไว้"
FULL_REPORT = "รายงานฉบับเต็ม"
# What the checker should make of the site below: O1 answered, O7's link dead, O31's notice
# of the year before, O28 (a complaint channel) nowhere.
EXPECTED = {
    "O1": ("โครงสร้าง", "พบ"),
    "O7": ("ข่าวประชาสัมพันธ์", "ลิงก์เสีย"),
    "O31": ("ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่", "ไม่เป็นปัจจุบัน"),
    "O28": ("ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "ไม่พบ"),
}
COUNTS = {"พบ": 1, "พบบางส่วน": 0, "ไม่เป็นปัจจุบัน": 1, "ลิงก์เสีย": 1, "ไม่พบ": 1}
PAGES = {
    "/": (
        "<html><head><title>เทศบาลทดสอบ</title></head><body><h1>เทศบาลทดสอบ</h1>"
        '<a href="/ita">ITA</a></body></html>'
    ),
    "/ita": (
        "<html><head><title>ITA 2566</title></head><body>"
        "<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ปี 2566</h1><table>"
        '<tr><td>O1 โครงสร้าง</td><td><a href="/structure">แผนผังโครงสร้าง</a></td></tr>'
        '<tr><td>O2 ข้อมูลผู้บริหาร</td><td><a href="/about">ผู้บริหาร</a></td></tr>'
        '<tr><td>O3 อำนาจหน้าที่</td><td><a href="/about">อำนาจหน้าที่</a></td></tr>'
        '<tr><td>O4 แผนพัฒนาท้องถิ่น</td><td><a href="/about">แผนพัฒนา</a></td></tr>'
        '<tr><td>O5 ข้อมูลการติดต่อ</td><td><a href="/about">ติดต่อเรา</a></td></tr>'
        '<tr><td>O7 ข่าวประชาสัมพันธ์</td><td><a href="/news-2566">ข่าว ปี 2566</a></td></tr>'
        '<tr><td>O31 No Gift Policy</td><td><a href="/no-gift">ประกาศเจตนารมณ์</a></td></tr>'
        "</table></body></html>"
    ),
    "/structure": (
        "<html><head><title>โครงสร้างหน่วยงาน</title></head><body><h1>โครงสร้างหน่วยงาน</h1>"
        "<p>แผนผังโครงสร้างการแบ่งส่วนราชการของหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2566: "
        "สำนักปลัด กองคลัง กองช่าง</p></body></html>"
    ),
    "/about": "<html><head><title>เกี่ยวกับเรา</title></head><body>ผู้บริหาร ติดต่อ</body></html>",
    "/no-gift": (
        "<html><head><title>No Gift Policy</title></head><body><h1>ประกาศเจตนารมณ์ "
        "No Gift Policy</h1><p>ประกาศ ณ วันที่ 1 ตุลาคม 2564 ปีงบประมาณ 2565</p></body></html>"
    ),
}  # /news-2566 is a dead link


class AgencySite(BaseHTTPRequestHandler):
    """The agency's own website, served from 127.0.0.1."""

    def do_GET(self) -> None:
        body = PAGES.get(self.path.split("?")[0])
        data = (body or "<html><body>ไม่พบหน้า</body></html>").encode()
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site():
    with local_server(AgencySite) as url:
        yield url


def _counts(panel):
    """The panel's cards as a person reads them: verdict → number of items."""
    cards = panel.locator(".sitecheck-counts .card")
    return {
        card.locator(".badge").inner_text(): int(card.locator("strong").inner_text())
        for card in cards.all()
    }


def _verdict_in_list(page, title):
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))
    return row.locator("td.precheck")


def _coordinator_runs_the_check(coord, live_server, rs):
    coord.goto(f"{live_server.url}/oit/{rs.uuid}/")
    panel = coord.locator("#sitecheck")
    expect(panel.get_by_text("ยังไม่เคยตรวจเว็บไซต์ล่วงหน้า")).to_be_visible()
    expect(_verdict_in_list(coord, "โครงสร้าง")).to_have_text("–")
    coord.get_by_role("button", name=BUTTON).click()
    # The immediate task backend may finish within the POST; otherwise the panel polls.
    panel.get_by_role("link", name=FULL_REPORT).wait_for(timeout=60_000)
    expect(panel.get_by_text("ตรวจเสร็จล่าสุดเมื่อ")).to_be_visible()
    assert _counts(panel) == COUNTS
    expect(panel.get_by_role("button", name=BUTTON)).to_be_visible()  # ready to run again
    coord.reload()  # the item list is not part of the panel: its column fills on reload
    for title, label in EXPECTED.values():
        expect(_verdict_in_list(coord, title)).to_have_text(label)


def _coordinator_reads_the_report(coord):
    with coord.context.expect_page() as opened:
        coord.get_by_role("link", name=FULL_REPORT).click()
    report = opened.value
    report.wait_for_load_state()
    expect(report.get_by_role("heading", name="ตรวจเว็บไซต์ล่วงหน้า", level=1)).to_be_visible()
    expect(report.get_by_text(HINT)).to_be_visible()
    summary = {
        row.locator("th").inner_text(): int(row.locator("td").inner_text())
        for row in report.locator("table.counts tr").all()
    }
    assert summary == COUNTS
    for code, (title, label) in EXPECTED.items():
        heading = report.get_by_role("heading", level=3, name=f"{code} {title} {label}")
        expect(heading).to_be_visible()
    expect(report.get_by_role("link", name="โครงสร้างหน่วยงาน")).to_be_visible()
    url = report.url
    report.close()
    return url


def _coordinator_reads_the_items(coord, site):
    coord.get_by_role("link", name="โครงสร้าง", exact=True).click()
    links, finding = coord.locator("#links"), coord.locator("#precheck")
    expect(links.get_by_role("link", name="แผนผังของเรา")).to_be_visible()
    expect(finding.get_by_role("heading", name="ตรวจเว็บไซต์ล่วงหน้า พบ")).to_be_visible()
    expect(finding.get_by_text(HINT)).to_be_visible()
    evidence = finding.get_by_role("link", name="โครงสร้างหน่วยงาน")
    assert evidence.get_attribute("href") == f"{site}/structure"
    expect(finding.get_by_text("แผนผังโครงสร้างการแบ่งส่วนราชการ").first).to_be_visible()
    expect(coord.get_by_text(NOT_IN_LINKS)).to_have_count(0)  # the agency listed this very page
    coord.go_back()
    coord.get_by_role("link", name=EXPECTED["O31"][0]).click()
    finding = coord.locator("#precheck")
    expect(finding.get_by_role("heading", name="ตรวจเว็บไซต์ล่วงหน้า ไม่เป็นปัจจุบัน")).to_be_visible()
    expect(finding.get_by_text("ปีงบประมาณที่พบ 2565")).to_be_visible()
    found_elsewhere = finding.get_by_role("listitem").filter(has_text="No Gift Policy")
    expect(found_elsewhere.get_by_text(NOT_IN_LINKS)).to_be_visible()


def _editor_sees_their_item_only(editor, live_server, rs, report_url):
    editor.goto(f"{live_server.url}/oit/{rs.uuid}/")
    expect(editor.get_by_role("button", name=BUTTON)).to_have_count(0)
    expect(editor.get_by_role("link", name=FULL_REPORT)).to_have_count(0)
    expect(_verdict_in_list(editor, "โครงสร้าง")).to_have_text("พบ")
    expect(editor.get_by_role("link", name="ข่าวประชาสัมพันธ์")).to_have_count(0)  # another unit's
    editor.get_by_role("link", name="โครงสร้าง", exact=True).click()
    finding = editor.locator("#precheck")
    expect(finding.get_by_role("heading", name="ตรวจเว็บไซต์ล่วงหน้า พบ")).to_be_visible()
    expect(finding.get_by_role("link", name="โครงสร้างหน่วยงาน")).to_be_visible()
    assert editor.goto(report_url).status == 404  # the whole-site report is not theirs


def _submit(rs, coordinator, site):
    more = {"O7": "/news-2566", "O31": "/no-gift", "O28": "/about"}
    for response in rs.responses.select_related("item"):
        if response.item.code in more:
            disclosure.add_link(response, by=coordinator, url=site + more[response.item.code])
        disclosure.change_status(response, ItemStatus.APPROVED, by=coordinator)
    return disclosure.submit(rs, by=coordinator)


def _assessor_sees_results_and_hints(judge, live_server, rs):
    judge.goto(f"{live_server.url}/oit/{rs.uuid}/")
    panel = judge.locator("#sitecheck")
    assert _counts(panel) == COUNTS
    expect(panel.get_by_role("link", name=FULL_REPORT)).to_be_visible()
    expect(judge.get_by_role("button", name=BUTTON)).to_have_count(0)
    judge.get_by_role("link", name="การประเมิน", exact=True).click()
    judge.get_by_role("button", name="เริ่มการประเมิน").click()
    for code, (_title, label) in EXPECTED.items():
        hint = judge.locator(f"#item-{code}").locator(".precheck-hint")
        expect(hint.get_by_text(HINT)).to_be_visible()
        expect(hint.locator(".badge")).to_have_text(label)


def test_it_walks_the_site_pre_check_from_the_button_to_the_assessors_hints(
    live_server, browser, response_set_a, coordinator, unit_editor, assessor, site
):
    rs = response_set_a
    agencies.update_agency(rs.agency, by=None, website=f"{site}/")
    o1 = rs.responses.get(item__code="O1")
    disclosure.add_link(o1, by=coordinator, url=f"{site}/structure", label="แผนผังของเรา")

    coord = _log_in(browser, live_server, "coord_a")
    _coordinator_runs_the_check(coord, live_server, rs)
    report_url = _coordinator_reads_the_report(coord)
    _coordinator_reads_the_items(coord, site)
    coord.context.close()

    editor = _log_in(browser, live_server, "editor_a")
    _editor_sees_their_item_only(editor, live_server, rs, report_url)
    editor.context.close()

    _submit(rs, coordinator, site)
    judge = _log_in(browser, live_server, "assessor_a")
    _assessor_sees_results_and_hints(judge, live_server, rs)
    judge.context.close()
