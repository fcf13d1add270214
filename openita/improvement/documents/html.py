"""Printable HTML of the two documents, and their PDF through the Chromium printer.

The PDF is printed by ``openita.reports.render.pdf`` (headless Chromium with Laksaman): its
text layer keeps every Thai mark, which WeasyPrint loses (``../shared/ita/thai-pdf.md``).
"""

from __future__ import annotations

from django.template.loader import render_to_string

from openita.improvement.documents.data import (
    ANALYSIS_COLUMNS,
    IMPROVE_HEADING,
    MEASURES_COLUMNS,
    REPORT_COLUMNS,
    URGENT_HEADING,
    MeasuresDocument,
    MeasuresReport,
)
from openita.reports.render.pdf import print_html

LABELS = {
    "analysis_columns": ANALYSIS_COLUMNS,
    "measures_columns": MEASURES_COLUMNS,
    "report_columns": REPORT_COLUMNS,
    "urgent_heading": URGENT_HEADING,
    "improve_heading": IMPROVE_HEADING,
}


def measures_html(doc: MeasuresDocument) -> str:
    return render_to_string("improvement/print_measures.html", {"doc": doc, **LABELS})


def report_html(report: MeasuresReport) -> str:
    return render_to_string("improvement/print_report.html", {"doc": report, **LABELS})


def render_measures_pdf(doc: MeasuresDocument) -> bytes:
    return print_html(measures_html(doc))


def render_report_pdf(report: MeasuresReport) -> bytes:
    return print_html(report_html(report))
