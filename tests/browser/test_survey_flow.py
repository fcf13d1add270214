"""Native IIT and EIT surveys in Chromium: the coordinator prepares and opens them, people
answer on a phone by tapping labels (EIT by the QR link, IIT with a printed code), a used
code is refused in Thai, and the coordinator's progress counts both answers."""

from __future__ import annotations

import pytest

from openita.surveys.models import SurveyAnswer
from tests.browser.helpers import log_in as _log_in
from tests.surveys.native import survey_set, surveyed  # noqa: F401

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def _prepare_and_open(page, instrument):
    page.get_by_role("button", name=f"เตรียมแบบวัด {instrument}").click()
    section = page.locator(f"#run-{instrument.lower()}")
    section.get_by_role("button", name="เปิดแบบวัด").click()
    section = page.locator(f"#run-{instrument.lower()}")
    assert section.get_by_text("เปิดรับคำตอบ", exact=True).is_visible()
    assert section.get_by_role("img", name=f"คิวอาร์โค้ดของแบบวัด {instrument}").is_visible()
    return section.locator("a.survey-link").inner_text()


def _print_codes(page, count):
    section = page.locator("#run-iit")
    section.get_by_label("จำนวนรหัส").fill(str(count))
    with page.context.expect_page() as sheet_info:
        section.get_by_role("button", name="สร้างรหัสและพิมพ์บัตร").click()
    sheet = sheet_info.value
    sheet.wait_for_load_state()
    codes = sheet.locator("p.code").all_inner_texts()
    assert len(codes) == count and sheet.locator(".slip svg").count() == count
    sheet.close()
    return codes


def _answer_by_tapping(page, level_labels):
    """Tap one label per radio group: the first listed label that the group offers."""
    names = page.eval_on_selector_all(
        "input[type=radio]", "els => [...new Set(els.map(e => e.name))]"
    )
    for name in names:
        group = page.locator(f'label:has(input[name="{name}"])')
        offered = group.all_inner_texts()
        label = next(text for text in level_labels if text in offered)
        group.filter(has_text=label).first.click()
        assert page.locator(f'input[name="{name}"]:checked').count() == 1
    page.get_by_role("button", name="ส่งคำตอบ").click()


def test_people_answer_on_a_phone_and_the_coordinator_sees_progress(
    live_server,
    browser,
    settings,
    coordinator,
    survey_set,  # noqa: F811
):
    settings.SITE_URL = live_server.url
    coord = _log_in(browser, live_server, "coord_a")
    coord.goto(f"{live_server.url}/surveys/{survey_set.uuid}/")
    coord.get_by_role("link", name="เก็บแบบวัด IIT และ EIT ใน OpenITA").click()
    eit_link = _prepare_and_open(coord, "EIT")
    iit_link = _prepare_and_open(coord, "IIT")
    assert coord.get_by_text("ค่าเริ่มต้นจากเกณฑ์ของหน่วยงานอื่น ยังไม่ใช่เกณฑ์ของ ป.ป.ช.").first.is_visible()
    code = _print_codes(coord, 5)[0]

    phone = browser.new_context(locale="th-TH", viewport=PHONE, is_mobile=True).new_page()
    phone.goto(eit_link)
    assert phone.get_by_role("group", name="1. คำถาม e1").is_visible()
    _answer_by_tapping(phone, ["มากที่สุด", "มี"])
    assert phone.get_by_text("ขอบคุณ คำตอบของท่านได้รับการบันทึกแล้ว").is_visible()
    assert not phone.context.cookies()

    phone.goto(f"{iit_link}?code={code.replace('-', '')}")
    assert phone.get_by_label("รหัสตอบแบบวัด (พิมพ์อยู่บนบัตรของท่าน)").input_value() == code
    _answer_by_tapping(phone, ["มาก", "ไม่มี"])
    assert phone.get_by_text("ขอบคุณ คำตอบของท่านได้รับการบันทึกแล้ว").is_visible()
    phone.goto(f"{iit_link}?code={code}")
    assert phone.get_by_text("รหัสนี้ถูกใช้ตอบแบบวัดไปแล้ว รหัสหนึ่งใช้ตอบได้ครั้งเดียว").is_visible()
    assert phone.get_by_role("button", name="ส่งคำตอบ").count() == 0

    coord.reload()
    for section in ("#run-eit", "#run-iit"):
        total = coord.locator(section).locator(".progress-total")
        assert "ตอบแล้ว 1 คน" in total.inner_text()
    assert SurveyAnswer.objects.count() == 2
