"""The crawl itself: a breadth-first walk of the agency's site through the four stages.

1. The start URL (and any extra URLs) enter a priority queue ordered by click depth, so
   that, even with many requests in flight, a page is first reached by its shortest path.
2. Workers take URLs, ask politeness (robots.txt, host slots, retries) and fetch them.
3. HTML is parsed for text and links; documents are read in a thread (they are slow).
4. Every page goes to the store; on-site HTML pages queue their links one click deeper.
   Links to document hosts (Google Drive…) or to files elsewhere are fetched one hop and
   not followed further, except the agency's ITA pages kept on another host (a Google
   Sites page linked from the agency's site that lists the items): those are walked like
   the agency's own pages. Limits on pages, depth, bytes and query variants end the walk.

The asyncio loop runs in its own thread; ``crawl`` hands pages to the store and reports
progress from the caller's thread, so a Django store can write to the database.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import os
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from urllib.parse import unquote, urljoin

from . import doclinks, ocr
from .documents import DocumentLimits, detect_kind, read_document
from .fetch import Fetched, Fetcher
from .parse import decode_html, is_ita_page, parse_html
from .politeness import HostSlots, Robots, fetch_with_retries
from .settings import CrawlSettings
from .store import MemoryStore, Store
from .types import CrawlSummary, Document, Link, StoredPage
from .urls import (
    canonical,
    download_url,
    looks_like_document,
    looks_like_download_script,
    on_hosts,
    site_hosts,
    variant_key,
    walks,
)

Progress = Callable[[int, int], None]


class DocumentReaders:
    """Documents are read in worker processes: pdfminer is pure Python and holds the GIL, so
    threads would leave the second core idle and slow the crawl loop down. The pool starts
    with the first document ("spawn": the crawl runs in a thread, where fork is unsafe);
    when processes cannot be had, documents are read in a thread."""

    def __init__(self, processes: int) -> None:
        self.processes = processes if processes > 0 else min(4, os.cpu_count() or 1)
        self.pool: ProcessPoolExecutor | None = None
        self.broken = self.processes < 2

    async def read(
        self, body: bytes, content_type: str, url: str, limits: DocumentLimits
    ) -> Document:
        if not self.broken:
            try:
                if self.pool is None:
                    self.pool = ProcessPoolExecutor(self.processes, get_context("spawn"))
                loop = asyncio.get_running_loop()
                call = functools.partial(
                    read_document, body, content_type=content_type, url=url, limits=limits
                )
                return await loop.run_in_executor(self.pool, call)
            except (BrokenProcessPool, OSError):
                self.broken = True
        return await asyncio.to_thread(
            read_document, body, content_type=content_type, url=url, limits=limits
        )

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


@dataclass(order=True)
class _Job:
    depth: int
    seq: int
    url: str = field(compare=False)
    parent: str = field(compare=False, default="")
    via_text: str = field(compare=False, default="")
    offsite: bool = field(compare=False, default=False)
    embedded: bool = field(compare=False, default=False)
    adopted: bool = field(compare=False, default=False)  # under an adopted ITA prefix


class _Crawl:
    def __init__(
        self, start_url: str, settings: CrawlSettings, emit: Callable[[StoredPage], None]
    ) -> None:
        self.settings = settings
        self.emit = emit
        self.hosts = site_hosts(start_url, settings.extra_hosts)
        self.summary = CrawlSummary(start_url=start_url)
        self.queue: asyncio.PriorityQueue[_Job] = asyncio.PriorityQueue()
        self.depth_of: dict[str, int] = {}
        self.variants: Counter[tuple[str, ...]] = Counter()
        self.seq = itertools.count()
        self.doc_limits = DocumentLimits()
        self.images_left = settings.max_page_images if settings.read_documents else 0
        self.adopted: list[str] = []  # URL prefixes of the agency's ITA pages elsewhere

    async def run(self, start_url: str, extra_urls: Iterable[str]) -> CrawlSummary:
        began = time.monotonic()
        self.fetcher = Fetcher(self.settings)
        self.readers = DocumentReaders(self.settings.document_processes)
        self.robots = Robots(self.fetcher, self.settings.user_agent)
        self.slots = HostSlots(self.settings)
        self._offer(start_url, 0, "", "")
        for url in extra_urls:
            self._offer(url, 1, start_url, "", force_one_hop=True)
        workers = [asyncio.create_task(self._worker()) for _ in range(self.settings.concurrency)]
        try:
            await self.queue.join()
        finally:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            await self.fetcher.close()
            self.readers.close()
        self.summary.duration_s = round(time.monotonic() - began, 3)
        return self.summary

    def _offer(
        self,
        url: str,
        depth: int,
        parent: str,
        text: str,
        *,
        force_one_hop: bool = False,
        embedded: bool = False,
    ) -> bool:
        """Queue url unless it was seen, is out of scope, or a limit says no."""
        url = canonical(url)
        if not url.startswith(("http://", "https://")):
            return False
        onsite = on_hosts(url, self.hosts)
        adopted = not onsite and any(_under(url, prefix) for prefix in self.adopted)
        onsite = onsite or adopted
        offsite_ok = on_hosts(url, self.settings.document_hosts) or looks_like_document(url)
        if not onsite and not offsite_ok and not force_one_hop:
            return False
        known = self.depth_of.get(url)
        if known is not None:
            if depth < known:
                self.depth_of[url] = depth  # a shorter path found before the fetch
            return False
        if depth > self.settings.max_depth:
            return False
        key = variant_key(url)
        # The index page's own links are evidence, whatever their number.
        if key is not None and onsite and not force_one_hop:
            # A download script ("download.php?id=2310") serves one file per query: it may
            # have many; records by id ("?p=1201", Joomla's "&id=5") fairly many; a calendar
            # or the pages of a listing few.
            if looks_like_download_script(url):
                limit = self.settings.max_download_variants
            elif walks(url):
                limit = self.settings.max_query_variants
            else:
                limit = self.settings.max_record_variants
            self.variants[key] += 1
            if self.variants[key] == limit + 1:
                self.summary.problems.append(
                    f"stopped following {key[1]} after {limit} "
                    "query variants (an endless calendar or filter?)"
                )
            if self.variants[key] > limit:
                return False
        self.depth_of[url] = depth
        job = _Job(depth, next(self.seq), url, parent, text, offsite=not onsite,
                   embedded=embedded, adopted=adopted)  # fmt: skip
        self.queue.put_nowait(job)
        return True

    def _stop(self, reason: str) -> None:
        if not self.summary.stopped_by:
            self.summary.stopped_by = reason
            self.summary.problems.append(f"crawl limit reached: {reason}")

    async def _worker(self) -> None:
        while True:
            job = await self.queue.get()
            try:
                await self._process(job)
            except Exception as exc:
                self.summary.problems.append(f"{job.url}: {type(exc).__name__}: {exc}")
            finally:
                self.queue.task_done()

    async def _process(self, job: _Job) -> None:
        settings = self.settings
        if self.summary.pages_fetched >= settings.max_pages:
            return self._stop("max_pages")
        if self.summary.bytes_fetched >= settings.max_total_bytes:
            return self._stop("max_total_bytes")
        job.depth = self.depth_of.get(job.url, job.depth)
        # Links the agency gives to document hosts are opened like an assessor opens
        # them, so robots.txt applies to the agency's own site only.
        own = not job.offsite and not job.adopted
        if settings.obey_robots and own and not await self.robots.allowed(job.url):
            self.emit(self._page(job, None, outcome="robots", detail="disallowed by robots.txt"))
            return None
        self.summary.pages_fetched += 1
        fetched = await fetch_with_retries(
            self.fetcher, self.slots, download_url(job.url), settings
        )
        self.summary.bytes_fetched += len(fetched.body)
        page = self._page(job, fetched)
        await self._read(page, fetched)
        if job.embedded and (page.kind != "image" or page.outcome != "ok" or not page.text):
            return None  # a picture without text (a photo) or a broken one says nothing
        ita = page.kind == "html" and is_ita_page(page.title, page.headings)
        if job.offsite and page.outcome == "ok" and self._adopt(job, page, ita):
            job.offsite = page.offsite = False
        self.emit(page)
        if page.kind == "html" and not job.offsite and page.outcome == "ok":
            # The agency's ITA page (by its title, when it lists items without codes) is
            # opened like the index: every link one hop, wherever it points.
            # A link named after the ITA ("ITA 2568" on a banner) is opened wherever it goes.
            for link in page.links:
                named = ita or is_ita_page(link.text, [])
                self._offer(link.url, job.depth + 1, page.final_url, link.text, force_one_hop=named)
            self._offer_index(job, page)
            self._offer_images(job, page)
        elif page.index and not job.offsite and page.outcome == "ok":
            self._offer_index(job, page)  # an index published as a PDF or Word form
        elif page.kind == "html" and page.outcome == "ok" and _viewer(page):
            # A short page elsewhere that presents a file (an e-book viewer, a file host's
            # page): its download link is what the visitor opens next.
            for link in page.links:
                if looks_like_document(link.url):
                    self._offer(link.url, job.depth + 1, page.final_url, link.text)
        return None

    def _offer_index(self, job: _Job, page: StoredPage) -> None:
        """The agency's own ITA index names its evidence: every such link is opened one
        hop, wherever it points, as the assessors will."""
        for entry in page.index:
            for item_link in entry.links:
                self._offer(item_link.url, job.depth + 1, page.final_url, item_link.text,
                            force_one_hop=True)  # fmt: skip

    def _adopt(self, job: _Job, page: StoredPage, ita: bool) -> bool:
        """Whether an HTML page elsewhere, linked from the agency's own page, is the agency's
        ITA page kept on another host (many keep it on Google Sites): it lists the items by
        code or says it is about the ITA, and it links back to the agency's site or to
        files on document hosts. Its address becomes a prefix whose pages are walked like the
        agency's own (the sub-pages of such a site hold the item links)."""
        if page.kind != "html" or not job.parent or not on_hosts(job.parent, self.hosts):
            return False
        if not page.index and not ita:
            return False
        # The national ITA pages, which list the items too, never link back to the agency.
        own = sum(1 for link in page.links if on_hosts(link.url, self.hosts))
        shared = sum(1 for link in page.links if on_hosts(link.url, self.settings.document_hosts))
        if not own and shared < _ADOPT_MIN_LINKS:
            return False
        prefix = canonical(page.final_url).split("?", 1)[0].rstrip("/")
        if prefix.count("/") < 3:  # the whole host: its start page
            prefix += "/"
        self.adopted.append(prefix)
        return True

    def _offer_images(self, job: _Job, page: StoredPage) -> None:
        """Pictures in the page's content are read by OCR, while the crawl's budget lasts."""
        if self.images_left <= 0 or not page.images or not ocr.available():
            return
        for image in page.images[: self.settings.max_images_per_page]:
            if self.images_left <= 0:
                return
            if self._offer(image.url, job.depth + 1, page.final_url, image.text,
                           force_one_hop=True, embedded=True):  # fmt: skip
                self.images_left -= 1

    def _page(
        self, job: _Job, fetched: Fetched | None, *, outcome: str = "", detail: str = ""
    ) -> StoredPage:
        page = StoredPage(
            url=job.url, final_url=job.url, depth=job.depth, parent=job.parent,
            via_text=job.via_text, offsite=job.offsite, outcome=outcome or "ok", detail=detail,
            embedded=job.embedded,
        )  # fmt: skip
        if fetched is not None:
            page.final_url = fetched.final_url
            page.status, page.outcome, page.detail = fetched.status, fetched.outcome, fetched.detail
            page.content_type = fetched.content_type
            page.redirects = fetched.redirects
            page.content_hash = fetched.sha256
            page.size = len(fetched.body)
        return page

    async def _read(self, page: StoredPage, fetched: Fetched) -> None:
        if not fetched.body or page.outcome not in ("ok", "too_large"):
            page.kind = "other"
            return
        page.kind = detect_kind(fetched.body, fetched.content_type, fetched.final_url)
        if page.kind == "html":
            if page.outcome == "ok":
                parsed = parse_html(decode_html(fetched.body, fetched.content_type), page.final_url)
                page.title, page.text = parsed.title, parsed.text
                page.headings, page.links, page.channels = (
                    parsed.headings, parsed.links, parsed.channels,
                )  # fmt: skip
                page.index, page.own_text = parsed.index, parsed.own_text
                page.images = parsed.images
            return
        if page.kind in ("pdf", "docx", "xlsx", "image") and self.settings.read_documents:
            await self._read_document(page, fetched)

    async def _read_document(self, page: StoredPage, fetched: Fetched) -> None:
        if page.outcome == "too_large":
            page.detail = f"{page.detail}; document not read"
            return
        document = await self.readers.read(
            fetched.body, fetched.content_type, fetched.final_url, self.doc_limits
        )
        self.summary.documents_read += 1
        page.title, page.text = document.title or fetched.filename, document.text
        if document.links:
            base = page.final_url
            page.links = [
                Link(urljoin(base, link.url), link.text) for link in document.links if link.url
            ]
            numbered = is_ita_page(f"{page.title} {unquote(base)}", [])
            page.index = doclinks.index_of_links(document.links, base, numbered=numbered)
        if not document.ok:
            page.outcome, page.detail = "unreadable", document.note
        elif document.note:
            page.detail = f"{page.detail}; {document.note}"


_ADOPT_MIN_LINKS = 3
_VIEWER_TEXT = 500  # characters of its own below which a page elsewhere only presents files
_VIEWER_FILES = 3  # and at most this many of them


def _viewer(page: StoredPage) -> bool:
    files = {link.url for link in page.links if looks_like_document(link.url)}
    return len(page.own_text or "") < _VIEWER_TEXT and 0 < len(files) <= _VIEWER_FILES


def _under(url: str, prefix: str) -> bool:
    """Whether url is the page at prefix or below it."""
    url = url.split("?", 1)[0]
    return url == prefix or url.startswith(prefix if prefix.endswith("/") else prefix + "/")


def crawl(
    start_url: str,
    settings: CrawlSettings | None = None,
    store: Store | None = None,
    progress: Progress | None = None,
    *,
    extra_urls: Iterable[str] = (),
) -> CrawlSummary:
    """Crawl the site at start_url; pages go to store (a MemoryStore when none is given)."""
    settings = settings or CrawlSettings()
    store = store if store is not None else MemoryStore()
    events: queue.Queue[StoredPage | None] = queue.Queue()
    outcome: dict[str, object] = {}
    extra = list(extra_urls)

    def runner() -> None:
        try:
            job = _Crawl(start_url, settings, events.put)
            outcome["summary"] = asyncio.run(job.run(start_url, extra))
        except BaseException as exc:
            outcome["error"] = exc
        finally:
            events.put(None)

    thread = threading.Thread(target=runner, name="sitecheck-crawl", daemon=True)
    thread.start()
    done = 0
    while (page := events.get()) is not None:
        store.add(page)
        done += 1
        if progress is not None:
            progress(done, settings.max_pages)
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    summary = outcome["summary"]
    assert isinstance(summary, CrawlSummary)
    return summary
