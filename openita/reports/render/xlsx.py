"""Excel export of the OIT disclosure: one flat row per piece of evidence, for filtering."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from openita.lib.thaidate import FiscalYear
from openita.reports.oit import Evidence, ItemEntry, OitReport

SHEET = "OIT"
# (header, column width in characters)
COLUMNS = (
    ("ตัวชี้วัด", 24),
    ("ตัวชี้วัดย่อย", 24),
    ("หัวข้อ", 20),
    ("ข้อ", 7),
    ("ข้อมูล", 30),
    ("องค์ประกอบ", 45),
    ("ป้ายลิงก์", 30),
    ("URL", 40),
    ("เส้นทางเมนู", 35),
    ("ผลตรวจลิงก์", 16),
)
URL_COLUMN = 8
CHECK_LABELS = {
    "ok": "ใช้งานได้",
    "broken": "ลิงก์เสีย",
    "login_required": "ต้องเข้าสู่ระบบ",
}
NOT_GIVEN = "ยังไม่ได้ระบุ"
WRAP = Alignment(wrap_text=True, vertical="top")

Row = tuple[str, ...]


def render_xlsx(report: OitReport) -> bytes:
    """The report as a .xlsx with one sheet, a frozen header row and clickable URLs."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET
    workbook.properties.title = f"OIT {report.agency_name} {FiscalYear(report.fiscal_year)}"
    sheet.append([header for header, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = WRAP
    for values in _rows(report):
        sheet.append([_clean(value) for value in values])
        _format_row(sheet[sheet.max_row])
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rows(report: OitReport) -> Iterator[Row]:
    for indicator in report.indicators:
        indicator_name = f"{indicator.number} {indicator.name}"
        for sub in indicator.sub_indicators:
            sub_name = f"{sub.code} {sub.name}"
            for topic in sub.topics:
                for item in topic.items:
                    head = (indicator_name, sub_name, topic.name, item.code, item.title)
                    for tail in _evidence_columns(item):
                        yield (*head, "\n".join(item.elements), *tail)


def _evidence_columns(item: ItemEntry) -> Iterator[Row]:
    """Label, URL, menu path and check outcome: one tuple per evidence, or one for none."""
    if item.none_declared:
        note = f"ไม่มีในรอบนี้: {item.none_note}" if item.none_note else "ไม่มีในรอบนี้"
        yield (note, "", "", "")
    elif not item.evidence:
        yield (NOT_GIVEN, "", "", "")
    for evidence in item.evidence:
        yield (evidence.label, evidence.url, evidence.menu_path, _check_label(evidence))


def _check_label(evidence: Evidence) -> str:
    return CHECK_LABELS.get(evidence.check, evidence.check)


def _clean(value: str) -> str:
    # Control characters pasted from other documents make openpyxl refuse the whole file.
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _format_row(cells: tuple[Cell, ...]) -> None:
    for cell in cells:
        cell.alignment = WRAP
        # Agency-supplied text starting with "=" must stay text, never become a formula.
        if cell.data_type == "f":
            cell.data_type = "s"
    url = cells[URL_COLUMN - 1]
    if isinstance(url.value, str) and url.value.startswith(("https://", "http://")):
        url.hyperlink = url.value
        url.style = "Hyperlink"
        url.alignment = WRAP
