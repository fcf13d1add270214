"""The Scrapy side of the crawl benchmark (run by ``bench/sitecheck_crawl.py``).

    .venv/bin/python -m scrapy runspider bench/scrapy_spider.py \
        -a start_url=http://127.0.0.1:PORT/ -a out=/tmp/scrapy.json -a docs=read \
        -s CONCURRENT_REQUESTS=16 -s CONCURRENT_REQUESTS_PER_DOMAIN=8 -s DEPTH_LIMIT=8 ...

What it does, so that it does the same work as our crawler:

- starts at start_url and follows every ``<a href>`` on the same host (scheme, host and port),
  fragments dropped, breadth-first (DEPTH_PRIORITY=1 with FIFO queues), obeying robots.txt;
- HTML pages: Scrapy's own selectors (parsel/lxml) take the links and the page text;
- documents (by extension: .pdf .docx .xlsx .doc .xls): downloaded and read by the same
  reader as ours (``openita.sitecheck.crawl.documents.read_document``: pdfminer,
  python-docx, openpyxl): with ``docs=read`` (the default) in the callback, Scrapy's usual
  way, which holds the reactor while a document is read; with ``docs=thread`` in Twisted's
  thread pool (``deferToThread``), as our crawler reads them in asyncio's; with
  ``docs=none`` only downloaded;
- counts pages, documents, bytes and the time from the spider's opening to its closing,
  and writes them as JSON to ``out``.

The limits and politeness settings (concurrency, per-domain concurrency, depth, delay,
timeout, retries, page count, ROBOTSTXT_OBEY) come from ``-s`` on the command line.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import scrapy
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DOCUMENT_SUFFIXES = (".pdf", ".docx", ".xlsx", ".doc", ".xls")
# Scrapy sets the root logger to DEBUG; pdfminer logs every token at DEBUG, and building
# those records would cost Scrapy more than the reading itself. Our crawler's process
# leaves logging unconfigured (WARNING), so this keeps the two comparable.
logging.getLogger("pdfminer").setLevel(logging.WARNING)


def _read(body: bytes, content_type: str, url: str) -> int:
    """Characters of text our document reader gets out of body."""
    from openita.sitecheck.crawl.documents import read_document

    return len(read_document(body, content_type=content_type, url=url).text)


class BenchSpider(scrapy.Spider):
    name = "sitecheck_bench"
    custom_settings = {
        "DEPTH_PRIORITY": 1,
        "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "AUTOTHROTTLE_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
    }

    def __init__(self, start_url: str, out: str, docs: str = "read", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]
        self.netloc = urlsplit(start_url).netloc
        self.out = out
        self.docs = docs
        self.pages = self.documents = self.bytes = self.chars = self.errors = 0
        self.began = time.monotonic()

    async def start(self) -> Any:
        # Not start_urls: their requests skip the duplicate filter, so the home page would
        # be fetched a second time when a page links back to it.
        yield scrapy.Request(self.start_urls[0], callback=self.parse)

    def _same_site(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc == self.netloc

    def parse(self, response: scrapy.http.Response) -> Any:
        self.bytes += len(response.body)
        if not isinstance(response, scrapy.http.TextResponse):
            return
        self.pages += 1
        self.chars += sum(len(t) for t in response.xpath("//body//text()").getall())
        for href in response.css("a::attr(href)").getall():
            url = urldefrag(response.urljoin(href.strip())).url
            if not self._same_site(url):
                continue
            if urlsplit(url).path.lower().endswith(DOCUMENT_SUFFIXES):
                yield scrapy.Request(url, callback=self.parse_document)
            else:
                yield scrapy.Request(url, callback=self.parse)

    async def parse_document(self, response: scrapy.http.Response) -> Any:
        self.bytes += len(response.body)
        self.documents += 1
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        if self.docs == "read":
            self.chars += _read(response.body, content_type, response.url)
        elif self.docs == "thread":
            read = deferToThread(_read, response.body, content_type, response.url)
            chars = await maybe_deferred_to_future(read)
            self.chars += chars
        return None

    def closed(self, reason: str) -> None:
        result = {
            "pages": self.pages,
            "documents": self.documents,
            "bytes": self.bytes,
            "chars": self.chars,
            "seconds": round(time.monotonic() - self.began, 3),
            "stopped_by": "" if reason == "finished" else reason,
        }
        Path(self.out).write_text(json.dumps(result), encoding="utf-8")
