"""The whole pre-check of one site: crawl it, then judge every item of a framework."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from openita.frameworks.schema import Framework

from .crawl.engine import crawl
from .crawl.settings import CrawlSettings
from .crawl.store import MemoryStore, Store
from .crawl.types import StoredPage
from .judge.site import SiteView
from .judge.verdict import judge_all
from .report import SiteReport


class _Tee:
    """Keeps every page for the judge while also handing it to the caller's store."""

    def __init__(self, other: Store | None) -> None:
        self.pages: list[StoredPage] = []
        self.other = other

    def add(self, page: StoredPage) -> None:
        self.pages.append(page)
        if self.other is not None:
            self.other.add(page)


def check_site(
    url: str,
    framework: Framework,
    *,
    settings: CrawlSettings | None = None,
    store: Store | None = None,
    progress: Callable[[int, int], None] | None = None,
    extra_urls: Iterable[str] = (),
) -> SiteReport:
    """Crawl url and judge framework's items. extra_urls (the agency's own evidence links,
    say) are fetched one hop even when no page of the site links to them."""
    began = time.monotonic()
    settings = settings or CrawlSettings()
    tee = _Tee(store if not isinstance(store, MemoryStore) else None)
    summary = crawl(url, settings, tee, progress, extra_urls=extra_urls)
    if isinstance(store, MemoryStore):
        store.pages.extend(tee.pages)
    site = SiteView(tee.pages, url)
    index_url, items = judge_all(framework, site, crawl_complete=not summary.stopped_by)
    return SiteReport(
        site=url,
        framework=framework.id,
        fiscal_year=framework.fiscal_year,
        pages_fetched=summary.pages_fetched,
        documents_read=summary.documents_read,
        duration_s=round(time.monotonic() - began, 3),
        stopped_by=summary.stopped_by,
        index_page=index_url,
        problems=summary.problems + _failures(tee.pages),
        items=items,
    )


def _failures(pages: list[StoredPage]) -> list[str]:
    """What could not be fetched or read, one line per page, for the report."""
    return [
        f"{page.url}: {page.outcome} — {page.detail}".strip(" —")
        for page in pages
        if page.outcome not in ("ok", "robots")
    ][:200]
