"""The improvement documents: data (``build``) first, then one small renderer per format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from openita.improvement.documents.build import measures_document, measures_report
from openita.improvement.documents.docx import render_measures_docx, render_report_docx
from openita.improvement.documents.html import (
    measures_html,
    render_measures_pdf,
    render_report_pdf,
    report_html,
)
from openita.improvement.models import Plan

MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}
# kind → (data builder, {format: renderer}, file name stem)
KINDS: dict[str, tuple[Callable[[Plan], Any], dict[str, Callable[[Any], Any]], str]] = {
    "measures": (
        measures_document,
        {"docx": render_measures_docx, "pdf": render_measures_pdf, "html": measures_html},
        "integrity-measures",
    ),
    "report": (
        measures_report,
        {"docx": render_report_docx, "pdf": render_report_pdf, "html": report_html},
        "integrity-measures-report",
    ),
}


@dataclass(frozen=True)
class Rendered:
    content: bytes
    mime: str
    filename: str


def render(plan: Plan, kind: str, fmt: str) -> Rendered:
    """One document of a plan in one format; KeyError for an unknown kind or format.

    Raises ``openita.reports.render.pdf.PdfRenderError`` when Chromium cannot print.
    """
    build, renderers, stem = KINDS[kind]
    output = renderers[fmt](build(plan))
    content = output.encode() if isinstance(output, str) else output
    return Rendered(content, MIME[fmt], f"{stem}-{plan.measures_year}.{fmt}")
