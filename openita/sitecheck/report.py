"""The site pre-check report: one plain structure, read by the JSON, HTML and workspace views.

The JSON form is documented in ``docs/sitecheck.md`` and ``docs/sitecheck-report.schema.json``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

VERDICTS = ("found", "partial", "outdated", "broken", "missing")
SCHEMA_VERSION = 1


@dataclass
class Evidence:
    """A place on the site that supports a verdict."""

    url: str
    quote: str = ""  # a short excerpt of the text that matched, as read
    depth: int | None = None  # click depth from the home page; None when not reached by clicks
    title: str = ""
    path: list[str] = field(default_factory=list)  # link texts followed from the home page


@dataclass
class ItemResult:
    """The verdict on one framework item, with everything that explains it.

    reasons are short English sentences in the order the rules applied them; they are the
    explanation people read ("index page links O7 to …", "document is of FY2566, the item
    needs FY2568").
    """

    code: str
    title: str
    verdict: str
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    elements_found: list[str] = field(default_factory=list)
    elements_missing: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)  # fiscal years (B.E.) seen in the evidence
    reasons: list[str] = field(default_factory=list)


@dataclass
class SiteReport:
    site: str
    framework: str
    fiscal_year: int
    pages_fetched: int = 0
    documents_read: int = 0
    duration_s: float = 0.0
    stopped_by: str = ""
    index_page: str = ""  # URL of the agency's own ITA/OIT index page, when one was found
    problems: list[str] = field(default_factory=list)
    items: list[ItemResult] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(VERDICTS, 0)
        for item in self.items:
            out[item.verdict] += 1
        return out


def to_json(report: SiteReport) -> dict[str, Any]:
    data = asdict(report)
    data["schema_version"] = SCHEMA_VERSION
    data["counts"] = report.counts()
    return data


def from_json(data: dict[str, Any]) -> SiteReport:
    items = [
        ItemResult(
            **{
                **{k: v for k, v in item.items() if k != "evidence"},
                "evidence": [Evidence(**e) for e in item.get("evidence", [])],
            }
        )
        for item in data.get("items", [])
    ]
    fields = {k: v for k, v in data.items() if k not in ("items", "schema_version", "counts")}
    return SiteReport(**fields, items=items)
