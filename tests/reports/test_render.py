import dataclasses
import re
import shutil
import subprocess
from io import BytesIO, StringIO
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from pdfminer.high_level import extract_text_to_fp

from openita.lib.thaitext import normalize_for_match
from openita.reports.oit import Evidence, OitReport
from openita.reports.render import (
    FORMATS,
    PdfRenderError,
    render_docx,
    render_html,
    render_pdf,
    render_xlsx,
)
from tests.reports.fixtures import oit_report

XLSX_HEADER = [
    "ตัวชี้วัด",
    "ตัวชี้วัดย่อย",
    "หัวข้อ",
    "ข้อ",
    "ข้อมูล",
    "องค์ประกอบ",
    "ป้ายลิงก์",
    "URL",
    "เส้นทางเมนู",
    "ผลตรวจลิงก์",
]
THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"


@pytest.fixture
def report() -> OitReport:
    return oit_report()


@pytest.fixture(scope="module")
def pdf() -> bytes:
    # Printing takes a second; every PDF test reads the same document.
    return render_pdf(oit_report())


def _urls(report: OitReport) -> list[str]:
    return [evidence.url for item in report.items() for evidence in item.evidence]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", normalize_for_match(text))


def _with_first_evidence(report: OitReport, evidence: Evidence) -> OitReport:
    indicator = report.indicators[0]
    sub = indicator.sub_indicators[0]
    topic = sub.topics[0]
    item = dataclasses.replace(topic.items[0], evidence=[evidence])
    topic = dataclasses.replace(topic, items=[item, *topic.items[1:]])
    sub = dataclasses.replace(sub, topics=[topic, *sub.topics[1:]])
    indicator = dataclasses.replace(indicator, sub_indicators=[sub, *indicator.sub_indicators[1:]])
    return dataclasses.replace(report, indicators=[indicator, *report.indicators[1:]])


def test_it_writes_every_item_into_the_word_tables(report: OitReport) -> None:
    document = docx.Document(BytesIO(render_docx(report)))
    cells = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "การเปิดเผยข้อมูลสาธารณะ (OIT)" in body
    assert "ปีงบประมาณ พ.ศ. 2566" in body
    assert report.agency_name in body
    assert "ตัวชี้วัดย่อยที่ 9.2 การบริหารงาน" in body
    assert len(document.tables) == 3
    assert [cell.text for cell in document.tables[0].rows[0].cells] == [
        "ข้อ",
        "ข้อมูล",
        "องค์ประกอบด้านข้อมูล",
        "ลิงก์/หลักฐาน",
    ]
    for item in report.items():
        assert item.code in cells
        assert item.title in cells
    for url in _urls(report):
        assert url in cells
    assert 'เลือกเมนู "เกี่ยวกับสำนักงาน" > เมนูย่อย "โครงสร้างองค์กร"' in cells
    assert "ไม่มีในรอบนี้: ไม่มีโครงการป้องกันน้ำท่วมในปีงบประมาณนี้" in cells
    assert "การประชาสัมพันธ์" in cells  # the topic row


def test_it_links_evidence_in_word(report: OitReport) -> None:
    document = docx.Document(BytesIO(render_docx(report)))
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
    assert set(_urls(report)) <= targets


def test_it_sets_a_thai_font_for_every_script_in_word(report: OitReport) -> None:
    normal = docx.Document(BytesIO(render_docx(report))).styles["Normal"].element
    fonts = normal.rPr.rFonts
    # Word draws Thai with the complex-script slot: w:cs and w:szCs are the ones that matter.
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(f"{{{fonts.nsmap['w']}}}{slot}") == "Laksaman"
    size_cs = normal.rPr.find(f"{{{fonts.nsmap['w']}}}szCs")
    assert 28 <= int(size_cs.get(f"{{{fonts.nsmap['w']}}}val")) <= 32


def test_it_writes_one_excel_row_per_evidence(report: OitReport) -> None:
    sheet = openpyxl.load_workbook(BytesIO(render_xlsx(report)))["OIT"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == XLSX_HEADER
    evidence_count = sum(max(len(item.evidence), 1) for item in report.items())
    assert len(rows) == 1 + evidence_count
    codes = {row[3] for row in rows[1:]}
    assert codes == {item.code for item in report.items()}
    assert sheet.freeze_panes == "A2"
    linked = [cell for cell in sheet["H"][1:] if cell.hyperlink]
    assert {cell.hyperlink.target for cell in linked} == set(_urls(report))
    none_row = next(row for row in rows if row[3] == "O6")
    assert none_row[6] == "ไม่มีในรอบนี้: ไม่มีโครงการป้องกันน้ำท่วมในปีงบประมาณนี้"
    assert "ลิงก์เสีย" in {row[9] for row in rows}


def test_it_keeps_formula_like_text_as_text_in_excel(report: OitReport) -> None:
    evidence = Evidence(url="https://www.example.go.th/x", label='=HYPERLINK("http://evil")')
    data = render_xlsx(_with_first_evidence(report, evidence))
    sheet = openpyxl.load_workbook(BytesIO(data))["OIT"]
    cell = next(cell for cell in sheet["G"] if str(cell.value).startswith("="))
    assert cell.data_type == "s"


def test_it_shows_every_item_in_html(report: OitReport) -> None:
    html = render_html(report)
    assert html.startswith("<!doctype html>")
    assert '<html lang="th">' in html
    for item in report.items():
        assert item.title in html
    for url in _urls(report):
        assert f'href="{url}"' in html
    assert "20 เมษายน 2566" in html  # generated_at through the thaidate filter


def test_it_leaves_the_page_header_out_of_the_embed(report: OitReport) -> None:
    full, embed = render_html(report), render_html(report, embed=True)
    assert '<header class="report">' in full
    assert '<header class="report">' not in embed
    assert all(item.title in embed for item in report.items())


def test_it_links_only_web_addresses_in_html(report: OitReport) -> None:
    evidence = Evidence(url="javascript:alert(1)", label="ลิงก์แปลก")
    html = render_html(_with_first_evidence(report, evidence))
    assert "javascript:alert(1)" in html
    assert 'href="javascript:' not in html


def test_it_prints_a_searchable_thai_pdf(pdf: bytes, report: OitReport) -> None:
    assert pdf.startswith(b"%PDF")
    text = _squash(_pdf_text(pdf))
    for item in report.items():
        assert _squash(item.title) in text, item.title
    assert _squash("ไม่มีโครงการป้องกันน้ำท่วม") in text
    assert "ดาเนินงาน" not in text  # the nikhahit that WeasyPrint loses is there


def test_it_prints_no_stray_marks_or_ligatures(pdf: bytes, report: OitReport) -> None:
    text = normalize_for_match(_pdf_text(pdf))
    # A mark after a non-Thai character is one painted away from its consonant, e.g. the
    # marks of a heading pushed to the next page left at the bottom of the previous one.
    assert not re.findall(f"(?<![\u0e01-\u0e4e])[{THAI_MARKS}]", text)
    assert not re.findall("[\ufb00-\ufb06]", text)  # "ﬁ" in URLs copies as one character
    for url in _urls(report):
        assert url in text


def test_it_prints_a_visible_first_page(pdf: bytes, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; `make system-deps` installs it")
    (tmp_path / "oit.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile", "oit.pdf", "page"],  # noqa: S607
        cwd=tmp_path,
        check=True,
    )
    width, height, pixels = _read_pgm((tmp_path / "page.pgm").read_bytes())
    dark = sum(1 for value in pixels if value < 128)
    assert dark > 0.01 * width * height


def test_it_explains_a_missing_chromium(report: OitReport, settings: Any) -> None:
    settings.OPENITA_CHROMIUM = "/nonexistent/chromium"
    with pytest.raises(PdfRenderError, match="apt-get install chromium"):
        render_pdf(report)


def test_it_offers_each_download_format(report: OitReport) -> None:
    signatures = {"docx": b"PK", "xlsx": b"PK", "pdf": b"%PDF"}
    for name, (renderer, mime, extension) in FORMATS.items():
        assert extension == name
        assert "/" in mime
        assert renderer(report).startswith(signatures[name])


def _pdf_text(data: bytes) -> str:
    """The PDF's text in content-stream order.

    pdfminer's layout analysis (``extract_text``) starts a new line between two zero-width
    glyphs that are not at the same x, which is what every stacked Thai mark (ที่, น้ำ) is
    in Chromium's output; PDF viewers and poppler read them in order. Without layout
    analysis pdfminer keeps the stream order Chromium wrote.
    """
    out = StringIO()
    extract_text_to_fp(BytesIO(data), out, laparams=None)
    return out.getvalue()


def _read_pgm(data: bytes) -> tuple[int, int, bytes]:
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match, "not a binary PGM"
    width, height, maxval = (int(group) for group in match.groups())
    assert maxval < 256
    return width, height, data[match.end() : match.end() + width * height]
