"""The improvement cycle in Chromium, from a demo agency's final FY2565 results: the analysis
draft, a measure (a refused period first), a progress update with a file, both documents in
Word and PDF, and both attached to the FY2566 items O42 and O43.

The pages are used in English: the Thai catalog of these new pages is merged separately, and
the assertions read data (scores, titles, item codes) rather than labels where they can.
"""

from __future__ import annotations

import re
from decimal import Decimal
from io import BytesIO, StringIO
from pathlib import Path

import docx
import pytest
from pdfminer.high_level import extract_text_to_fp

from openita.accounts.models import User
from openita.agencies.demo import build_demo
from openita.disclosure import services as disclosure
from openita.disclosure.models import EvidenceFile, ItemStatus
from openita.frameworks.models import Framework
from openita.frameworks.services import install_library
from openita.improvement.documents.data import MEASURES_COLUMNS, REPORT_COLUMNS
from openita.lib.thaitext import normalize
from openita.review import services as review
from openita.surveys.services import enter_scores
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n% evidence\n%%EOF\n"
# Seed 003's FY2567 figures, as this province's FY2565 IIT/EIT results.
SURVEYS = {1: "98.38", 2: "99.03", 3: "98.86", 4: "95.61", 5: "97.00", 6: "82.55", 7: "90.48",
           8: "93.00"}  # fmt: skip
MEASURE = "มาตรการปรับปรุงคุณภาพการดำเนินงานและการให้บริการ"


@pytest.fixture
def demo(db):
    """The demo, and the province's FY2565 results confirmed (O7 failed)."""
    install_library(by=None)
    result = build_demo()
    agency = result.agencies["pathum_thani"]
    rs = disclosure.start_response_set(agency, Framework.objects.get(code="ita-2565"), by=None)
    for response in rs.responses.all():
        disclosure.add_file(response, by=None, name="evidence.pdf", content=PDF)
        disclosure.change_status(response, ItemStatus.APPROVED, by=None)
    rs = disclosure.submit(rs, by=None)
    started = review.start_review(rs, assessor=User.objects.get(username="assessor"), by=None)
    for row in started.items.select_related("response__item"):
        fail = row.response.item.code == "O7"
        review.record_verdict(
            row, by=None, version=row.version, score=Decimal(0 if fail else 100),
            comment="ไม่พบข่าวประชาสัมพันธ์ปี 2565" if fail else "",
        )  # fmt: skip
    released = review.release(started, by=None)
    enter_scores(agency, rs.framework, {n: Decimal(v) for n, v in SURVEYS.items()}, by=None)
    review.refresh_results(rs)
    review.confirm(released, by=None)
    password = next(r.password for r in result.logins if r.username == "coordinator")
    return {"agency": agency, "set": rs, "password": password}


def _log_in(browser, live_server, password):
    viewport = {"width": 1024, "height": 900}
    page = log_in(browser, live_server, "coordinator", password, viewport=viewport)
    page.get_by_role("button", name="English").click()
    return page


def _field(page, label):
    """A form field by its label, with or without the language's label suffix."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))


def _download(page, row, name):
    with page.expect_download() as info:
        page.locator(row).get_by_role("link", name=name).click()
    return Path(info.value.path()).read_bytes()


def _pdf_text(data: bytes) -> str:
    out = StringIO()
    extract_text_to_fp(BytesIO(data), out, laparams=None)
    return re.sub(r"\s+", "", normalize(out.getvalue()))


def _draft(page, live_server, rs):
    page.goto(f"{live_server.url}/review/results/{rs.uuid}/")
    page.get_by_role("link", name="Integrity measures from these results").click()
    page.get_by_role("button", name="Draw the analysis draft from the results").click()
    row = page.locator("tr", has_text="Indicator 6 คุณภาพการดำเนินงาน")
    assert row.locator("td.score").inner_text() == "82.55"
    assert page.locator("tr", has_text="Item O7 ข่าวประชาสัมพันธ์").is_visible()
    assert page.locator("tr", has_text="Indicator 7 ประสิทธิภาพการสื่อสาร").is_visible()
    assert not page.locator("tr", has_text="Indicator 1 การปฏิบัติหน้าที่").count()  # 98.38
    row.locator("textarea").fill("ผู้รับบริการยังไม่ทราบขั้นตอนและระยะเวลาการให้บริการ")
    row.get_by_role("button", name="Save").click()


def _measure(page):
    page.get_by_role("link", name="Add a measure").click()
    _field(page, "Measure").fill(MEASURE)
    page.get_by_label("Indicator 6 คุณภาพการดำเนินงาน (82.55)").check()
    _field(page, "Steps (one per line)").fill("1. จัดทำคู่มือการให้บริการ\n2. เผยแพร่คู่มือ")
    _field(page, "Expected result").fill("ผู้รับบริการได้รับความสะดวก รวดเร็ว")
    _field(page, "Responsible unit").select_option(label="กลุ่มงานบริหารทรัพยากรบุคคล")
    _field(page, "How it is followed up and reported on").fill("รายงานผู้บริหารทุกไตรมาส")
    _field(page, "Starts on").fill("2022-12-01")
    _field(page, "Ends on").fill("2022-11-01")
    page.get_by_role("button", name="Save").click()
    assert "1 พฤศจิกายน 2565" in page.locator(".errorlist").inner_text()
    assert _field(page, "Measure").input_value() == MEASURE  # nothing lost
    _field(page, "Ends on").fill("2023-09-30")
    page.get_by_role("button", name="Save").click()
    assert page.locator("#period").inner_text() == "1 ธันวาคม 2565 – 30 กันยายน 2566"
    assert page.locator("#citations").inner_text() == "ตัวชี้วัดที่ 6 ได้คะแนน 82.55"


def _progress(page, tmp_path):
    _field(page, "What was done").fill("จัดทำคู่มือการให้บริการและเผยแพร่บนเว็บไซต์แล้ว")
    _field(page, "Evidence links (one per line)").fill("https://www.pathumthani.go.th/manual")
    (tmp_path / "manual.pdf").write_bytes(PDF)
    _field(page, "Evidence files (PDF, DOCX, XLSX, image)").set_input_files(tmp_path / "manual.pdf")
    page.get_by_role("button", name="Save the update").click()
    assert page.locator("#updates").get_by_role("link", name="manual.pdf").is_visible()
    page.get_by_role("link", name="Integrity measures", exact=False).first.click()
    _field(page, "Name of the head of the agency").fill("นายสมชาย ใจดี")
    _field(page, "Position of the head").fill("ผู้ว่าราชการจังหวัดปทุมธานี")
    page.locator("#documents ~ form").get_by_role("button", name="Save").click()


def test_it_turns_final_results_into_measures_documents_and_evidence(
    live_server, browser, demo, tmp_path
):
    page = _log_in(browser, live_server, demo["password"])
    _draft(page, live_server, demo["set"])
    _measure(page)
    _progress(page, tmp_path)

    measures = docx.Document(BytesIO(_download(page, "#doc-measures", "Word (DOCX)")))
    table = measures.tables[-1]
    assert tuple(c.text for c in table.rows[0].cells) == MEASURES_COLUMNS
    assert table.rows[1].cells[1].text == MEASURE
    assert "ตัวชี้วัดที่ 6 ได้คะแนน 82.55" in table.rows[1].cells[3].text
    analysis = "\n".join(c.text for t in measures.tables[:-1] for r in t.rows for c in r.cells)
    assert "ผู้รับบริการยังไม่ทราบขั้นตอนและระยะเวลาการให้บริการ" in analysis
    assert "(นายสมชาย ใจดี)" in "\n".join(p.text for p in measures.paragraphs)
    report = docx.Document(BytesIO(_download(page, "#doc-report", "Word (DOCX)")))
    assert tuple(c.text for c in report.tables[0].rows[0].cells) == REPORT_COLUMNS
    assert "จัดทำคู่มือการให้บริการและเผยแพร่บนเว็บไซต์แล้ว" in report.tables[0].rows[1].cells[4].text

    text = _pdf_text(_download(page, "#doc-measures", "PDF"))
    for expected in ("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "จังหวัดปทุมธานี",
                     "ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน", MEASURE,
                     "ตัวชี้วัดที่6ได้คะแนน82.55"):  # fmt: skip
        assert expected in text, expected
    assert "ดาเนิน" not in text
    report_text = _pdf_text(_download(page, "#doc-report", "PDF"))
    assert "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม" in report_text
    assert "ดาเนิน" not in report_text

    page.get_by_role("button", name="Attach as evidence to item O42 of fiscal year 2566").click()
    page.get_by_role("button", name="Attach as evidence to item O43 of fiscal year 2566").click()
    attached = EvidenceFile.objects.filter(response__response_set__framework__code="ita-2566")
    assert sorted(f.response.item.code for f in attached) == ["O42", "O43"]
    assert {f.content_type for f in attached} == {"application/pdf"}
    page.locator("#doc-measures").get_by_role("link", name="Open the item").click()
    assert page.get_by_role("heading", name=re.compile("^O42 ")).is_visible()
    assert page.get_by_role("link", name=re.compile("ประจำปีงบประมาณ พ.ศ. 2566")).is_visible()
