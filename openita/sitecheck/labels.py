"""Names and colours of the verdicts, shared by the pages, the HTML report and the mails."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

from openita.sitecheck.report import VERDICTS

VERDICT_LABELS = {
    "found": _("Found"),
    "partial": _("Partly found"),
    "outdated": _("Outdated"),
    "broken": _("Broken"),
    "missing": _("Not found"),
}
# Classes of the site's stylesheet: green for found, amber for half-way, red for the rest.
VERDICT_CSS = {
    "found": "c-ok",
    "partial": "c-recheck",
    "outdated": "c-recheck",
    "broken": "c-broken",
    "missing": "c-broken",
}
# A move from one of these to one of REGRESSED is what the weekly monitor reports.
GOOD = ("found", "partial")
REGRESSED = ("broken", "outdated", "missing")


def verdict_label(verdict: str) -> str:
    return str(VERDICT_LABELS.get(verdict, verdict))


def verdict_css(verdict: str) -> str:
    return VERDICT_CSS.get(verdict, "")


@dataclass(frozen=True)
class VerdictCount:
    verdict: str
    label: str
    css: str
    count: int


def verdict_counts(counts: dict[str, int] | None) -> list[VerdictCount]:
    """One row per verdict, in the report's order, zeros included."""
    counts = counts or {}
    return [
        VerdictCount(v, verdict_label(v), verdict_css(v), int(counts.get(v, 0) or 0))
        for v in VERDICTS
    ]


def web_href(url: str) -> str:
    """The URL when it is a plain http(s) address, else "" (never a javascript: link)."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else ""
