"""The crawler's store stage for the Django app: fetched pages become SitePage rows.

Pages arrive one at a time from the crawl loop; they are written in batches with
``bulk_create`` so a 600-page crawl costs a handful of inserts, not 600.
"""

from __future__ import annotations

from typing import Any

from openita.sitecheck.crawl.types import StoredPage
from openita.sitecheck.models import SitePage

BATCH = 100
TEXT_LIMIT = 20_000  # characters of page text kept per page
LINK_LIMIT = 300  # links kept per page


def clean(value: Any) -> Any:
    """Drop NUL characters, which PostgreSQL refuses in text and in JSON, from every string."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    return value


def _cut(value: str, limit: int) -> str:
    return clean(value or "")[:limit]


def page_row(site_check_id: int, page: StoredPage) -> SitePage:
    links = [{"url": _cut(link.url, 2000), "text": _cut(link.text, 300)} for link in page.links]
    return SitePage(
        site_check_id=site_check_id,
        url=_cut(page.url, 2000),
        final_url=_cut(page.final_url, 2000),
        status=page.status if page.status and page.status > 0 else None,
        outcome=_cut(page.outcome, 30),
        detail=_cut(page.detail, 500),
        depth=max(page.depth, 0),
        kind=_cut(page.kind, 20),
        content_type=_cut(page.content_type, 200),
        title=_cut(page.title, 500),
        text=_cut(page.text, TEXT_LIMIT),
        links=links[:LINK_LIMIT],
        content_hash=_cut(page.content_hash, 64),
        size=max(page.size, 0),
        parent=_cut(page.parent, 2000),
        via_text=_cut(page.via_text, 300),
    )


class DatabaseStore:
    """A crawler ``Store`` writing the pages of one check; call ``flush`` at the end."""

    def __init__(self, site_check_id: int, *, batch: int = BATCH) -> None:
        self.site_check_id = site_check_id
        self.batch = batch
        self.pending: list[SitePage] = []
        self.written = 0

    def add(self, page: StoredPage) -> None:
        self.pending.append(page_row(self.site_check_id, page))
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            SitePage.objects.bulk_create(self.pending)
            self.written += len(self.pending)
            self.pending = []
