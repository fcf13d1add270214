"""Printable HTML of the OIT disclosure: the public page's embed and the source of the PDF."""

from __future__ import annotations

from django.template.loader import render_to_string

from openita.reports.oit import OitReport

TEMPLATE = "reports/oit_print.html"


def render_html(report: OitReport, *, embed: bool = False) -> str:
    """A complete HTML document; ``embed`` leaves out the page header for use in an iframe."""
    return render_to_string(TEMPLATE, {"report": report, "embed": embed})
