"""Word export of the OIT disclosure: the table agencies attach to their ITA submission."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from openita.lib.thaidate import FiscalYear, format_thai_date
from openita.reports.oit import ItemEntry, OitReport, SubIndicatorGroup

TITLE = "การเปิดเผยข้อมูลสาธารณะ (OIT)"
COLUMNS = ("ข้อ", "ข้อมูล", "องค์ประกอบด้านข้อมูล", "ลิงก์/หลักฐาน")
# A4 less 2 cm margins leaves 17 cm; evidence lines carry URLs, so they get the most room.
WIDTHS_CM = (1.6, 4.2, 5.2, 6.0)
# Laksaman (fonts-thai-tlwg) is metric-compatible with TH Sarabun PSK, the government's face.
FONT = "Laksaman"
SIZES_PT = {"Normal": 15, "Title": 22, "Heading 1": 18, "Heading 2": 16}
TOPIC_FILL = "EDEDED"
LINK_COLOR = RGBColor(0x05, 0x63, 0xC1)
NOT_GIVEN = "ยังไม่ได้ระบุ"


def render_docx(report: OitReport) -> bytes:
    """The report as a .docx: a header, then per sub-indicator one table of its items."""
    doc = Document()
    _set_up_page_and_styles(doc)
    _write_header(doc, report)
    for indicator in report.indicators:
        doc.add_heading(f"ตัวชี้วัดที่ {indicator.number} {indicator.name}", level=1)
        for sub in indicator.sub_indicators:
            doc.add_heading(f"ตัวชี้วัดย่อยที่ {sub.code} {sub.name}", level=2)
            _write_table(doc, sub)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _set_up_page_and_styles(doc: WordDocument) -> None:
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)
    for name, size in SIZES_PT.items():
        _set_style_font(doc, name, size)


def _set_style_font(doc: WordDocument, style_name: str, size_pt: int) -> None:
    """Set the font for every script slot of a style.

    Word draws Thai with the complex-script slot (``w:cs``, ``w:szCs``): setting only
    ``font.name`` and ``font.size`` would leave Thai text in the theme font at 11 pt.
    """
    style = doc.styles[style_name]
    style.font.size = Pt(size_pt)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme_attr), None)  # a theme font would win over ours
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        rpr.find(qn("w:sz")).addnext(size_cs)
    size_cs.set(qn("w:val"), str(size_pt * 2))  # half-points


def _write_header(doc: WordDocument, report: OitReport) -> None:
    doc.add_paragraph(TITLE, style="Title")
    _bold(doc.add_paragraph().add_run(report.agency_name))
    doc.add_paragraph(FiscalYear(report.fiscal_year).label())
    doc.add_paragraph(report.framework_name)
    dates = f"ข้อมูล ณ วันที่ {format_thai_date(report.generated_at, style='long')}"
    if report.submitted_at:
        dates += f" (ส่งเมื่อ {format_thai_date(report.submitted_at, style='long')})"
    doc.add_paragraph(dates)
    if report.public_url:
        line = doc.add_paragraph("หน้าเผยแพร่: ")
        _add_link(line, report.public_url, report.public_url)


def _write_table(doc: WordDocument, sub: SubIndicatorGroup) -> None:
    table = doc.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, COLUMNS, strict=True):
        _bold(cell.paragraphs[0].add_run(text))
    _repeat_as_header(table)
    for topic in sub.topics:
        if topic.name:
            _write_topic_row(table, topic.name)
        for item in topic.items:
            _write_item_row(table, item)
    for row in table.rows:
        for cell, width in zip(row.cells, WIDTHS_CM, strict=False):
            cell.width = Cm(width)


def _repeat_as_header(table: Table) -> None:
    """Mark the first row as a header so Word repeats it on every page the table spans."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)


def _write_topic_row(table: Table, name: str) -> None:
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    _bold(merged.paragraphs[0].add_run(name))
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), TOPIC_FILL)
    merged._tc.get_or_add_tcPr().append(shading)


def _write_item_row(table: Table, item: ItemEntry) -> None:
    code, title, elements, evidence = table.add_row().cells
    code.paragraphs[0].add_run(item.code)
    title.paragraphs[0].add_run(item.title)
    for index, element in enumerate(item.elements):
        _cell_paragraph(elements, index).add_run(element)
    _write_evidence(evidence, item)


def _write_evidence(cell: _Cell, item: ItemEntry) -> None:
    if item.none_declared:
        note = f"ไม่มีในรอบนี้: {item.none_note}" if item.none_note else "ไม่มีในรอบนี้"
        cell.paragraphs[0].add_run(note)
        return
    if not item.evidence:
        cell.paragraphs[0].add_run(NOT_GIVEN)
        return
    index = 0
    for evidence in item.evidence:
        line = _cell_paragraph(cell, index)
        line.add_run(f"{evidence.label} – ")
        _add_link(line, evidence.url, evidence.url)
        index += 1
        if evidence.menu_path:
            _cell_paragraph(cell, index).add_run(evidence.menu_path).italic = True
            index += 1


def _cell_paragraph(cell: _Cell, index: int) -> Paragraph:
    """A new cell holds one empty paragraph: use it for the first line, add the others."""
    return cell.paragraphs[0] if index == 0 else cell.add_paragraph()


def _bold(run: Run) -> None:
    # w:bCs as well: Word takes the bold of Thai text from the complex-script flag.
    run.bold = True
    run.font.cs_bold = True


def _add_link(paragraph: Paragraph, url: str, text: str) -> None:
    """A clickable link for web addresses; anything else stays plain text."""
    if not url.startswith(("https://", "http://")):
        paragraph.add_run(text)
        return
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = paragraph.add_run(text)
    run.font.color.rgb = LINK_COLOR
    run.font.underline = True
    # The run was appended to the paragraph; move it inside the hyperlink element.
    link.append(run._r)
    paragraph._p.append(link)
