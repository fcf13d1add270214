"""Renderers of the OIT report: each takes an ``OitReport`` and returns the file's content."""

from __future__ import annotations

from collections.abc import Callable

from openita.reports.oit import OitReport
from openita.reports.render.docx import render_docx
from openita.reports.render.html import render_html
from openita.reports.render.pdf import PdfRenderError, render_pdf
from openita.reports.render.xlsx import render_xlsx

Renderer = Callable[[OitReport], bytes]

# format → (renderer, MIME type, file extension), for download views and the CLI.
FORMATS: dict[str, tuple[Renderer, str, str]] = {
    "docx": (
        render_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    "xlsx": (
        render_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    "pdf": (render_pdf, "application/pdf", "pdf"),
}

__all__ = ["FORMATS", "PdfRenderError", "render_docx", "render_html", "render_pdf", "render_xlsx"]
