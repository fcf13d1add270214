"""Word versions of the measures and of the report on them (python-docx).

TH Sarabun New is the government's standard face and what agencies' Word has; every run
carries it in all four font slots, the complex-script one (``w:cs``, ``w:szCs``) included,
because that is the slot Word draws Thai with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from openita.improvement.documents.data import (
    ANALYSIS_COLUMNS,
    IMPROVE_HEADING,
    MEASURES_COLUMNS,
    REPORT_COLUMNS,
    URGENT_HEADING,
    Header,
    MeasureRow,
    MeasuresDocument,
    MeasuresReport,
    Signature,
    WeaknessRow,
)

FONT = "TH Sarabun New"
SIZE_PT = 16
TITLE_PT = 20
MEASURES_WIDTHS_CM = (1.4, 4.2, 6.4, 5.0)  # A4 portrait less 2 cm margins: 17 cm
REPORT_WIDTHS_CM = (4.0, 5.6, 3.2, 3.0, 6.0, 3.9)  # A4 landscape less 2 cm margins: 25.7 cm
ANALYSIS_WIDTHS_CM = (5.0, 1.8, 2.2, 8.0)


def render_measures_docx(doc: MeasuresDocument) -> bytes:
    word = _new_document(landscape=False)
    _write_header(word, doc.header)
    _paragraph(word, doc.intro)
    _paragraph(word, "ส่วนที่ 1 ผลการวิเคราะห์ผลการประเมิน", bold=True)
    for heading, rows in ((URGENT_HEADING, doc.urgent), (IMPROVE_HEADING, doc.improve)):
        _paragraph(word, heading, bold=True)
        _write_analysis(word, rows)
    _paragraph(word, "ส่วนที่ 2 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", bold=True)
    table = _table(word, MEASURES_COLUMNS, MEASURES_WIDTHS_CM)
    for row in doc.measures:
        _add_row(table, [[row.number], [row.title], _details(row), _results(row)])
    _write_signature(word, doc.signature, doc.header.date_label)
    return _bytes(word)


def render_report_docx(report: MeasuresReport) -> bytes:
    word = _new_document(landscape=True)
    _write_header(word, report.header)
    _paragraph(word, report.intro)
    _paragraph(word, "มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานให้ดีขึ้น", bold=True)
    table = _table(word, REPORT_COLUMNS, REPORT_WIDTHS_CM)
    for row in report.measures:
        _add_row(
            table,
            [[row.title], row.steps, [row.responsible], [row.period], _outcomes(row),
             [row.suggestions]],
        )  # fmt: skip
    _write_signature(word, report.signature, report.header.date_label)
    return _bytes(word)


def _details(row: MeasureRow) -> list[str]:
    lines = [
        *row.steps,
        f"ผู้รับผิดชอบ: {row.responsible or '–'}",
        f"ระยะเวลา: {row.period}",
        f"การกำกับติดตามและรายงานผล: {row.monitoring}",
    ]
    if row.budget:
        lines.append(f"งบประมาณ: {row.budget}")
    return lines


def _results(row: MeasureRow) -> list[str]:
    lines = list(row.expected)
    if row.cited:
        lines.append("(อ้างอิงจากผลการประเมิน ITA)")
        lines += row.cited
    return lines or ["–"]


def _outcomes(row: MeasureRow) -> list[str]:
    lines = []
    for update in row.progress:
        lines.append(f"{update.date}: {update.outcome}")
        lines += [f"หลักฐาน: {evidence}" for evidence in update.evidence]
    if not row.progress:
        lines.append("อยู่ระหว่างการดำเนินการ")
    if row.cited:
        lines.append("(อ้างอิงจากผลการประเมิน ITA)")
        lines += row.cited
    return lines


def _new_document(*, landscape: bool) -> WordDocument:
    word = Document()
    section = word.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
    else:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    word.styles["Normal"].font.size = Pt(SIZE_PT)
    _set_fonts(word.styles["Normal"].element.get_or_add_rPr(), SIZE_PT)
    return word


def _set_fonts(rpr: object, size_pt: int) -> None:
    """The face in every script slot and the complex-script size, on a style or a run."""
    fonts = rpr.get_or_add_rFonts()  # type: ignore[attr-defined]
    for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme_attr), None)  # a theme font would win over ours
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    size_cs = rpr.find(qn("w:szCs"))  # type: ignore[attr-defined]
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        # Word wants the children of w:rPr in schema order: w:szCs right after w:sz.
        rpr.get_or_add_sz().addnext(size_cs)  # type: ignore[attr-defined]
    size_cs.set(qn("w:val"), str(size_pt * 2))  # half-points


def _run(paragraph: Paragraph, text: str, *, bold: bool = False, size: int = SIZE_PT) -> Run:
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    if bold:
        run.bold = True
        run.font.cs_bold = True  # Word takes the bold of Thai text from the complex-script flag
    _set_fonts(run._r.get_or_add_rPr(), size)
    return run


def _paragraph(
    word: WordDocument,
    text: str,
    *,
    bold: bool = False,
    size: int = SIZE_PT,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> Paragraph:
    paragraph = word.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    _run(paragraph, text, bold=bold, size=size)
    return paragraph


def _write_header(word: WordDocument, header: Header) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(word, header.title, bold=True, size=TITLE_PT, align=center)
    _paragraph(word, header.agency_name, bold=True, align=center)
    if header.place:
        _paragraph(word, header.place, align=center)
    _paragraph(word, header.year_label, bold=True, align=center)


def _write_analysis(word: WordDocument, rows: Sequence[WeaknessRow]) -> None:
    if not rows:
        _paragraph(word, "– ไม่มี –")
        return
    table = _table(word, ANALYSIS_COLUMNS, ANALYSIS_WIDTHS_CM)
    for row in rows:
        _add_row(table, [[row.subject], [row.score], [row.change], [row.analysis]])


def _write_signature(word: WordDocument, signature: Signature, date_label: str) -> None:
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _paragraph(word, "")
    _paragraph(word, "ลงชื่อ ........................................................", align=right)
    _paragraph(
        word, f"({signature.name or '........................................'})", align=right
    )
    _paragraph(word, signature.position or "ตำแหน่ง ................................", align=right)
    _paragraph(word, date_label, size=SIZE_PT - 2, align=right)


def _table(word: WordDocument, columns: Sequence[str], widths: Sequence[float]) -> Table:
    table = word.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, columns, strict=True):
        _run(cell.paragraphs[0], text, bold=True)
    # Word repeats a header row on every page the table spans.
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Cm(width)
    return table


def _add_row(table: Table, cells: Sequence[Iterable[str]]) -> None:
    row = table.add_row()
    for cell, lines in zip(row.cells, cells, strict=True):
        _fill(cell, [line for line in lines if line])
    for cell, column in zip(row.cells, table.rows[0].cells, strict=True):
        cell.width = column.width


def _fill(cell: _Cell, lines: Sequence[str]) -> None:
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        _run(paragraph, line)


def _bytes(word: WordDocument) -> bytes:
    buffer = BytesIO()
    word.save(buffer)
    return buffer.getvalue()
