"""The measures and the report on them, in Word and PDF, from the same data."""

import datetime as dt
import re
from io import BytesIO, StringIO

import docx
import pytest
from docx.oxml.ns import qn
from pdfminer.high_level import extract_text_to_fp

from openita.improvement import documents, services
from openita.improvement.documents.build import measures_document, measures_report
from openita.improvement.documents.data import (
    ANALYSIS_COLUMNS,
    MEASURES_COLUMNS,
    REPORT_COLUMNS,
)
from openita.improvement.documents.docx import FONT
from openita.lib.thaitext import normalize
from tests.conftest import login
from tests.improvement.conftest import PDF


@pytest.fixture
def reported(measure, coordinator):
    services.add_progress(
        measure, by=coordinator, reported_on=dt.date(2023, 3, 15),
        outcome="ดำเนินการจัดทำคู่มือและเผยแพร่บนเว็บไซต์แล้ว",
        links=["https://example.go.th/manual"], files=[services.Upload("manual.pdf", PDF)],
    )  # fmt: skip
    services.update_plan(
        measure.plan, by=coordinator, head_name="นายสมชาย ใจดี",
        head_position="ผู้ว่าราชการจังหวัดทดสอบเอ", thai_digits=False,
    )  # fmt: skip
    measure.plan.refresh_from_db()
    return measure


def _word(data: bytes) -> docx.document.Document:
    return docx.Document(BytesIO(data))


def _cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _pdf_text(data: bytes) -> str:
    """Content-stream order (no layout analysis: it splits stacked Thai marks), normalised."""
    out = StringIO()
    extract_text_to_fp(BytesIO(data), out, laparams=None)
    return re.sub(r"\s+", "", normalize(out.getvalue()))


def test_the_measures_document_holds_the_analysis_and_the_measures(reported):
    word = _word(documents.render(reported.plan, "measures", "docx").content)
    body = "\n".join(p.text for p in word.paragraphs)
    assert "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" in body
    assert "จังหวัดทดสอบเอ" in body and "ประจำปีงบประมาณ พ.ศ. 2567" in body
    assert "(นายสมชาย ใจดี)" in body and "ผู้ว่าราชการจังหวัดทดสอบเอ" in body
    urgent, improve, measures = word.tables
    assert tuple(_cells(urgent)[0]) == ANALYSIS_COLUMNS
    assert _cells(urgent)[2][:3] == ["ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน", "82.55", "–"]
    assert [row[0] for row in _cells(improve)[1:]] == [
        "ตัวชี้วัดที่ 2 การใช้งบประมาณ", "ตัวชี้วัดที่ 3 การใช้อำนาจ",
        "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร",
    ]  # fmt: skip
    rows = _cells(measures)
    assert tuple(rows[0]) == MEASURES_COLUMNS
    number, title, details, result = rows[1]
    assert (number, title) == ("1", "มาตรการยกระดับคุณภาพการดำเนินงาน")
    assert "1. จัดทำคู่มือการให้บริการ" in details
    assert "1 ตุลาคม 2565 – 30 กันยายน 2566" in details and "50,000.00 บาท" in details
    assert "ตัวชี้วัดที่ 6 ได้คะแนน 82.55" in result
    # The header row repeats on every page.
    assert measures.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_the_report_follows_the_published_layout_with_outcomes(reported):
    word = _word(documents.render(reported.plan, "report", "docx").content)
    assert word.sections[0].page_width > word.sections[0].page_height  # landscape
    (table,) = word.tables
    rows = _cells(table)
    assert tuple(rows[0]) == REPORT_COLUMNS
    _title, _steps, responsible, period, outcome, _suggestions = rows[1]
    assert responsible == "กลุ่มงานบริหารทรัพยากรบุคคล"
    assert period == "1 ตุลาคม 2565 – 30 กันยายน 2566"
    assert "15 มีนาคม 2566: ดำเนินการจัดทำคู่มือและเผยแพร่บนเว็บไซต์แล้ว" in outcome
    assert "https://example.go.th/manual" in outcome and "manual.pdf" in outcome
    assert "ตัวชี้วัดที่ 6 ได้คะแนน 82.55" in outcome


def test_every_run_carries_the_thai_font_in_the_complex_script_slot(reported):
    word = _word(documents.render(reported.plan, "measures", "docx").content)
    runs = [r for t in word.tables for c in t._cells for p in c.paragraphs for r in p.runs]
    runs += [r for p in word.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        fonts = run._r.rPr.rFonts
        assert fonts.get(qn("w:cs")) == FONT and fonts.get(qn("w:ascii")) == FONT
        assert run._r.rPr.find(qn("w:szCs")) is not None


def test_it_writes_thai_digits_when_the_plan_asks(reported, coordinator):
    reported.plan.thai_digits = True
    doc = measures_document(reported.plan)
    assert doc.header.year_label == "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"
    assert doc.measures[0].cited == ["ตัวชี้วัดที่ ๖ ได้คะแนน ๘๒.๕๕"]
    assert doc.measures[0].period == "๑ ตุลาคม ๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖"
    assert doc.urgent[1].score == "๘๒.๕๕"
    report = measures_report(reported.plan)
    assert report.measures[0].progress[0].date == "๑๕ มีนาคม ๒๕๖๖"


def test_the_pdfs_have_a_searchable_thai_text_layer(reported):
    text = _pdf_text(documents.render(reported.plan, "measures", "pdf").content)
    for expected in ("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                     "ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน", "ประเด็นที่ต้องพัฒนาให้ดีขึ้น",
                     "รายละเอียดการดำเนินการ", "ตัวชี้วัดที่6ได้คะแนน82.55",
                     "มาตรการยกระดับคุณภาพการดำเนินงาน"):  # fmt: skip
        assert re.sub(r"\s+", "", expected) in text, expected
    assert "ดาเนิน" not in text  # the nikhahit WeasyPrint loses is there
    report = _pdf_text(documents.render(reported.plan, "report", "pdf").content)
    for expected in ("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม", "วิธีการดำเนินการ",
                     "ผลการดำเนินงาน", "15มีนาคม2566", "ตัวชี้วัดที่6ได้คะแนน82.55"):  # fmt: skip
        assert expected in report, expected
    assert "ดาเนิน" not in report


def test_the_downloads_are_for_coordinators(reported, coordinator, unit_editor):
    base = f"/improvement/{reported.plan.response_set.uuid}/"
    client = login(coordinator)
    got = client.get(base + "report.docx")
    assert got.status_code == 200
    assert (
        got["Content-Disposition"] == 'attachment; filename="integrity-measures-report-2567.docx"'
    )
    assert client.get(base + "measures.xlsx").status_code == 404
    assert login(unit_editor).get(base + "measures.docx").status_code == 404
