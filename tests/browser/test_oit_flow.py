"""The whole OIT flow in Chromium, as people do it: Excel assignment, links and a file,
a broken link, approval, submission, the public page, the manifest and the exports."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from io import BytesIO
from pathlib import Path

import docx
import jsonschema
import openpyxl
import pytest
from pdfminer.high_level import extract_text_to_fp

from openita.disclosure.models import EvidenceCapture, EvidenceLink
from openita.disclosure.services import start_response_set
from openita.lib.thaitext import normalize_for_match
from tests.browser.helpers import log_in as _log_in
from tests.support import local_server

pytestmark = pytest.mark.browser
SCHEMA = Path(__file__).parents[2] / "docs" / "oit-manifest.schema.json"
PAGES = {
    "/structure.html": "<html><head><title>โครงสร้างองค์กร</title></head><body>แผนผัง</body></html>",
    "/news.html": "<html><body>ข่าวประชาสัมพันธ์ ปี 2566</body></html>",
    "/no-gift.html": "<html><body>ประกาศเจตนารมณ์ No Gift Policy</body></html>",
    "/complaint.html": "<html><body><form>ร้องเรียนการทุจริต</form></body></html>",
}


class AgencySite(BaseHTTPRequestHandler):
    """A stand-in for the agency's own website; /old-plan.pdf no longer exists."""

    def do_GET(self) -> None:
        body = PAGES.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        data = (body or "not found").encode()
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site():
    with local_server(AgencySite) as url:
        yield url


def _assignment_table(path: Path) -> Path:
    """The coordinator's table, shaped like seed 002."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ตารางการมอบหมายผู้รับผิดชอบ ITA ปีงบประมาณ พ.ศ. 2566"])
    sheet.append(["ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน"])
    sheet.append(["ข้อ", "ข้อมูล", "องค์ประกอบด้านข้อมูล", "หน่วยงานรับผิดชอบ"])
    sheet.append(["01", "โครงสร้าง", "- แสดงแผนผังโครงสร้าง", "จังหวัดทดสอบเอ (บค.)"])
    sheet.append(["07", "ข่าวประชาสัมพันธ์", "- แสดงข้อมูลข่าวสาร", "ยศ."])
    sheet.append(["31", "No Gift Policy", "- ประกาศเจตนารมณ์", "ทุกกลุ่มงาน"])
    sheet.append(["28", "ช่องทางแจ้งเรื่องร้องเรียน", "- ช่องทางออนไลน์", "บค."])
    book.save(path)
    return path


def _open_item(page, live_server, rs, title):
    page.goto(f"{live_server.url}/oit/{rs.uuid}/")
    page.get_by_role("link", name=title, exact=True).click()


def _add_link(page, url, label, outcome="ok"):
    links = page.locator("#links")
    links.get_by_label("ลิงก์ (URL)").fill(url)
    links.get_by_label("ชื่อที่แสดง").fill(label)
    page.get_by_role("button", name="เพิ่มลิงก์").click()
    row = page.locator("li.link-row").filter(has_text=label)
    row.and_(page.locator(f'[data-outcome="{outcome}"]')).wait_for()
    return row


def _coordinator_assigns_by_excel(page, live_server, rs, tmp_path):
    page.get_by_role("link", name="จังหวัดทดสอบเอ").click()
    page.get_by_role("link", name="ITA ตัวอย่างขนาดเล็ก (ทดสอบ)").click()
    page.get_by_role("link", name="แดชบอร์ดผู้ประสานงาน").click()
    page.get_by_label("ตารางมอบหมาย (.xlsx)").set_input_files(
        _assignment_table(tmp_path / "t.xlsx")
    )
    page.get_by_role("button", name="อัปโหลดและมอบหมาย").click()
    assert page.get_by_text("มีการเปลี่ยนแปลง 4 ข้อ").is_visible()


def _editor_answers(page, live_server, rs, site, tmp_path):
    page.goto(f"{live_server.url}/oit/{rs.uuid}/")
    assert page.get_by_role("link", name="โครงสร้าง", exact=True).is_visible()
    assert page.get_by_role("link", name="ข่าวประชาสัมพันธ์").count() == 0  # another unit's
    _open_item(page, live_server, rs, "โครงสร้าง")
    _add_link(page, f"{site}/structure.html", "แผนผังโครงสร้าง")
    broken = _add_link(page, f"{site}/old-plan.pdf", "แผนเก่า", outcome="broken")
    assert broken.get_by_text("ลิงก์เสีย").is_visible()
    pdf = tmp_path / "โครงสร้าง.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% structure chart\n")
    page.get_by_label("ไฟล์ (PDF, DOCX, XLSX, รูปภาพ)").set_input_files(pdf)
    page.get_by_role("button", name="อัปโหลด", exact=True).click()
    assert page.get_by_role("link", name="โครงสร้าง.pdf").is_visible()
    page.get_by_label("แสดงแผนผังโครงสร้างการแบ่งส่วนราชการของหน่วยงาน").check()
    page.get_by_label("คำอธิบายถึงผู้ประเมิน").fill("แผนผังอยู่ที่เมนูเกี่ยวกับเรา")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.get_by_role("button", name="พร้อมส่ง").click()
    _open_item(page, live_server, rs, "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")
    _add_link(page, f"{site}/complaint.html", "แบบฟอร์มร้องเรียน")


def _coordinator_approves_and_submits(page, live_server, rs, site):
    more = {"ข่าวประชาสัมพันธ์": "/news.html",
            "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่": "/no-gift.html"}  # fmt: skip
    for title, path in more.items():
        _open_item(page, live_server, rs, title)
        _add_link(page, site + path, title[:20])
    for item in rs.responses.select_related("item"):
        _open_item(page, live_server, rs, item.item.title)
        page.get_by_role("button", name="อนุมัติ").click()
    page.goto(f"{live_server.url}/oit/{rs.uuid}/dashboard/")
    assert page.locator("ul.bad-links").get_by_role("link", name="แผนเก่า").is_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="ส่งให้ผู้ประเมิน").click()
    assert page.get_by_text("ส่งแล้ว", exact=False).first.is_visible()


def _download(page, name):
    with page.expect_download() as info:
        page.get_by_role("link", name=name, exact=True).click()
    return Path(info.value.path()).read_bytes()


def _pdf_text(data: bytes) -> str:
    out = BytesIO()
    extract_text_to_fp(BytesIO(data), out, laparams=None)
    return "".join(normalize_for_match(out.getvalue().decode()).split())


def _check_public_side(page, live_server, rs, agency):
    page.goto(f"{live_server.url}/public/{agency.uuid}/oit/2566/")
    titles = [r.item.title for r in rs.responses.select_related("item")]
    for title in titles:
        assert page.get_by_role("cell", name=title, exact=True).first.is_visible()
    assert page.get_by_role("link", name="แผนผังโครงสร้าง").is_visible()
    manifest = page.request.get(f"{live_server.url}/public/{agency.uuid}/oit/2566/manifest.json")
    doc = manifest.json()
    jsonschema.validate(doc, json.loads(SCHEMA.read_text()))
    codes = [i["code"] for i in doc["items"]]
    assert codes == ["O1", "O7", "O28", "O31"]
    o1 = doc["items"][0]
    assert {u["last_check"]["result"] for u in o1["urls"] if u["kind"] == "link"} == {
        "ok",
        "broken",
    }
    document = docx.Document(BytesIO(_download(page, "DOCX")))
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert set(titles) <= cells
    sheet = openpyxl.load_workbook(BytesIO(_download(page, "XLSX"))).active
    assert set(titles) <= {c.value for row in sheet.iter_rows() for c in row}
    text = _pdf_text(_download(page, "PDF"))
    for title in [*titles, "การดำเนินการเพื่อป้องกันการทุจริต"]:
        assert "".join(title.split()) in text
    assert "ดาเนิน" not in text


def test_it_walks_the_oit_flow_from_excel_to_public_exports(
    live_server, browser, agency_a, mini, coordinator, unit_editor, site, tmp_path
):
    rs = start_response_set(agency_a, mini, by=None)
    coord = _log_in(browser, live_server, "coord_a")
    _coordinator_assigns_by_excel(coord, live_server, rs, tmp_path)
    editor = _log_in(browser, live_server, "editor_a")
    _editor_answers(editor, live_server, rs, site, tmp_path)
    _coordinator_approves_and_submits(coord, live_server, rs, site)
    links = EvidenceLink.objects.filter(response__response_set=rs)
    assert EvidenceCapture.objects.filter(response_set=rs).count() == links.count() == 5
    _open_item(editor, live_server, rs, "โครงสร้าง")
    assert editor.get_by_role("button", name="เพิ่มลิงก์").count() == 0  # read-only now
    public = browser.new_context(locale="th-TH", accept_downloads=True).new_page()
    _check_public_side(public, live_server, rs, agency_a)
