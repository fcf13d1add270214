"""The pre-check report as a standalone HTML page for people (workspace and command line).

The page is one Django template with its style inline, so it can be saved or mailed as one
file. Everything that comes from the crawled site is escaped; only http(s) addresses
become links.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from openita.sitecheck.labels import verdict_counts, verdict_css, verdict_label, web_href
from openita.sitecheck.report import Evidence, ItemResult, SiteReport


@dataclass
class EvidenceRow:
    evidence: Evidence
    href: str


@dataclass
class ItemRow:
    item: ItemResult
    label: str
    css: str
    evidence: list[EvidenceRow]


def report_context(report: SiteReport) -> dict[str, Any]:
    """The template's data: the report, its counts per verdict and one row per item."""
    counts = Counter(item.verdict for item in report.items)
    rows = [
        ItemRow(
            item=item,
            label=verdict_label(item.verdict),
            css=verdict_css(item.verdict),
            evidence=[EvidenceRow(e, web_href(e.url)) for e in item.evidence],
        )
        for item in report.items
    ]
    return {
        "report": report,
        "counts": verdict_counts(dict(counts)),
        "items": rows,
        "index_href": web_href(report.index_page),
        "site_href": web_href(report.site),
    }


def render_html(report: SiteReport, *, language: str | None = None) -> str:
    """The whole page, in ``language`` (default: the active language, else Thai)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        return render_to_string("sitecheck/report.html", report_context(report))
