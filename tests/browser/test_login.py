"""A coordinator logs in on a phone-sized screen and finds their agency."""

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_it_logs_a_coordinator_in_and_shows_the_agency_in_thai(
    live_server, page, coordinator, response_set_a
):
    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.get_by_role("heading", name="เข้าสู่ระบบ OpenITA").is_visible()
    page.get_by_label("ชื่อผู้ใช้").fill("coord_a")
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.get_by_role("link", name="จังหวัดทดสอบเอ").click()
    page.get_by_role("link", name="ITA ตัวอย่างขนาดเล็ก (ทดสอบ)").click()
    row = page.get_by_role("row").filter(has_text="โครงสร้าง")
    assert row.get_by_role("cell", name="บค.", exact=True).is_visible()


def test_it_tells_a_person_who_mistypes_the_password(live_server, page, coordinator):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("coord_a")
    page.get_by_label("รหัสผ่าน").fill("not-the-password")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    assert page.get_by_text("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง").is_visible()


def test_it_switches_to_english(live_server, page, db):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("button", name="English").click()
    assert page.get_by_role("heading", name="Log in to OpenITA").is_visible()
