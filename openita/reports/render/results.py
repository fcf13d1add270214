"""Renderers of the results report: HTML (for print), PDF (Chromium) and XLSX."""

from __future__ import annotations

from io import BytesIO

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Font

from openita.reports.render.pdf import print_html
from openita.reports.results import Level, ResultsReport


def results_html(report: ResultsReport) -> str:
    return render_to_string("reports/results_print.html", {"report": report})


def results_pdf(report: ResultsReport) -> bytes:
    return print_html(results_html(report))


def _levels(sheet, title: str, levels: list[Level]) -> None:  # type: ignore[no-untyped-def]
    sheet.append([])
    sheet.append([title])
    sheet.append(["รหัส", "ชื่อ", "คะแนน", "ปีก่อน"])
    for level in levels:
        sheet.append([level.code, level.name, level.score, level.previous])


def results_xlsx(report: ResultsReport) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = "ผลการประเมิน"
    summary.append([report.agency_name])
    summary.append([report.framework_name, f"ปีงบประมาณ พ.ศ. {report.fiscal_year}"])
    summary.append(["ITA", report.ita, report.rating or "", "ปีก่อน", report.previous_ita])
    summary["A1"].font = Font(bold=True, size=14)
    _levels(summary, "แบบวัด", report.instruments)
    _levels(summary, "ตัวชี้วัด", report.indicators)
    _levels(summary, "ตัวชี้วัดย่อย", report.sub_indicators)
    items = book.create_sheet("รายข้อ")
    items.append(["ข้อ", "ข้อมูล", "ผล", "คะแนน", "ความเห็นผู้ประเมิน", "การชี้แจง"])
    for item in report.items:
        items.append(
            [
                item.code,
                item.title,
                "ผ่าน" if item.passed else "ไม่ผ่าน",
                item.score,
                item.comment,
                item.dispute,
            ]
        )
    gains = book.create_sheet("ถ้าแก้ไข")
    gains.append(["ข้อ", "ITA หากผ่าน", "คะแนนที่เพิ่ม"])
    for gain in report.gains:
        gains.append([gain.item, gain.ita, gain.gain])
    for sheet in book.worksheets:
        sheet.column_dimensions["B"].width = 60
    out = BytesIO()
    book.save(out)
    return out.getvalue()
