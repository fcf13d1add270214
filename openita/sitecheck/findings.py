"""What the pages show of the pre-check: the panel of a response set, an item's finding.

Read-only helpers for the workspace and review views; they load at most the newest check
and the newest finished one, whatever the number of items on the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from openita.agencies import access as agency_access
from openita.sitecheck import access, labels, services
from openita.sitecheck.models import SiteCheck
from openita.sitecheck.report import ItemResult


def page_key(url: str) -> str:
    """A URL reduced to what makes it the same page: host without www, path, query."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return (url or "").strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/") or ""
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


@dataclass
class EvidenceRow:
    url: str
    href: str  # "" when the URL is not a plain http(s) address
    quote: str
    title: str
    path: list[str]
    in_links: bool  # the page is one of the item's own evidence links


@dataclass
class ItemFinding:
    check: SiteCheck
    result: ItemResult
    evidence: list[EvidenceRow] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return self.result.verdict

    @property
    def label(self) -> str:
        return labels.verdict_label(self.result.verdict)

    @property
    def css(self) -> str:
        return labels.verdict_css(self.result.verdict)

    @property
    def found_elsewhere(self) -> bool:
        """The site shows evidence at an address that is not among the item's links."""
        return any(not row.in_links for row in self.evidence)


def _evidence_rows(result: ItemResult, link_urls: Iterable[str]) -> list[EvidenceRow]:
    known = {page_key(url) for url in link_urls if url}
    return [
        EvidenceRow(
            url=e.url,
            href=labels.web_href(e.url),
            quote=e.quote,
            title=e.title,
            path=list(e.path),
            in_links=page_key(e.url) in known,
        )
        for e in result.evidence
    ]


def item_finding(response: Any, links: Iterable[Any]) -> ItemFinding | None:
    """The newest finished pre-check's result for one item, beside the item's own links."""
    rs = response.response_set
    check = services.latest_done(rs.agency, rs.framework)
    result = services.findings_by_item(services.report_of(check)).get(response.item.code)
    if check is None or result is None:
        return None
    urls = [u for link in links for u in (link.url, link.check_final_url)]
    return ItemFinding(check=check, result=result, evidence=_evidence_rows(result, urls))


@dataclass
class Overview:
    """The pre-check of a response set's site, as its page shows it to one user."""

    rs: Any
    latest: SiteCheck | None  # any status: the progress bar
    done: SiteCheck | None  # the newest finished check: the summary and item verdicts
    findings: dict[str, ItemResult]
    show_panel: bool  # whole-site results (not for unit editors)
    can_start: bool
    has_website: bool

    @property
    def active(self) -> bool:
        return self.latest is not None and self.latest.is_active

    @property
    def failed(self) -> SiteCheck | None:
        """The newest check when it failed, to say why."""
        return self.latest if self.latest is not None and self.latest.status == "failed" else None

    @property
    def counts(self) -> list[labels.VerdictCount]:
        return labels.verdict_counts(self.done.counts if self.done else None)


def overview(user: Any, rs: Any) -> Overview:
    agency, framework = rs.agency, rs.framework
    done = services.latest_done(agency, framework)
    return Overview(
        rs=rs,
        latest=services.latest_check(agency, framework),
        done=done,
        findings=services.findings_by_item(services.report_of(done)),
        show_panel=access.can_see_site_results(user, agency),
        can_start=agency_access.is_coordinator(user, agency),
        has_website=bool((agency.website or "").strip()),
    )


def review_hints(rs: Any) -> tuple[SiteCheck | None, dict[str, ItemResult]]:
    """The newest finished check of the set's site and its results, for the assessor."""
    done = services.latest_done(rs.agency, rs.framework)
    return done, services.findings_by_item(services.report_of(done))
