"""Assessment in Chromium: submit → review → release → dispute → decision → confirm → published."""

from decimal import Decimal

import pytest

from openita.disclosure import services as disclosure
from openita.disclosure.models import ItemStatus
from openita.surveys.services import enter_scores
from tests.browser.helpers import log_in as _log_in

pytestmark = pytest.mark.browser
SITE = "https://example.go.th"


@pytest.fixture
def submitted(response_set_a, agency_a, mini):
    for response in response_set_a.responses.select_related("item"):
        disclosure.add_link(response, by=None, url=f"{SITE}/{response.item.code}")
        disclosure.change_status(response, ItemStatus.APPROVED, by=None)
    enter_scores(agency_a, mini, {n: Decimal(90) for n in range(1, 9)}, by=None)
    return disclosure.submit(response_set_a, by=None)


def _judge(page, code, passed, comment=""):
    section = page.locator(f"#item-{code}")
    section.get_by_label("ผ่าน", exact=True).check() if passed else section.get_by_label(
        "ไม่ผ่าน", exact=True
    ).check()
    if comment:
        section.get_by_label("ความเห็น (จำเป็นเมื่อไม่ผ่าน)").fill(comment)
    section.get_by_role("button", name="บันทึกผล").click()


def test_it_walks_review_release_dispute_decision_confirmation_and_publication(
    live_server, browser, submitted, assessor, coordinator, agency_a
):
    judge = _log_in(browser, live_server, "assessor_a")
    judge.get_by_role("link", name="การประเมิน", exact=True).click()
    judge.get_by_role("button", name="เริ่มการประเมิน").click()
    _judge(judge, "O7", passed=False)  # a fail without a comment is refused
    assert judge.locator(".msg.error").is_visible()
    for code in ("O1", "O28", "O31"):
        _judge(judge, code, passed=True)
    _judge(judge, "O7", passed=False, comment="ไม่พบข่าวประชาสัมพันธ์ปี 2566")
    judge.get_by_role("button", name="แจ้งผลเบื้องต้น").click()

    agency = _log_in(browser, live_server, "coord_a")
    agency.goto(f"{live_server.url}/oit/{submitted.uuid}/")
    agency.get_by_role("link", name="ผลการประเมิน").click()
    # 0.6 × 90 + 0.4 × mean(9 = (100 + 0) / 2, 10 = 100) = 54 + 30
    assert agency.locator("#ita").inner_text() == "84.00"
    item = agency.locator("#item-O7")
    item.get_by_label(f"{SITE}/O7").check()
    item.get_by_label("คำชี้แจง").fill("ข่าวปี 2566 อยู่ในลิงก์ที่ส่งไว้")
    item.get_by_role("button", name="ส่งคำชี้แจง").click()

    judge.reload()
    judge.locator("#item-O7").get_by_role("button", name="ยอมรับ: ข้อนี้ผ่าน").click()

    agency.reload()
    assert agency.locator("#ita").inner_text() == "94.00"
    agency.get_by_role("button", name="ยืนยันผลการประเมิน").click()
    assert agency.locator("#ita").inner_text() == "94.00"

    public = browser.new_context(locale="th-TH").new_page()
    public.goto(f"{live_server.url}/public/{agency_a.uuid}/oit/2566/results/")
    assert public.locator("#ita").inner_text() == "94.00"
    assert public.locator("#rating").inner_text() == "ผ่านดี"
