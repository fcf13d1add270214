"""Every crawler default in one block, so a run's limits can be read in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

# Hosts where agencies commonly keep evidence files instead of their own site. The crawler
# follows links to them one hop (it reads the file, not the rest of that host).
DOCUMENT_HOSTS = (
    "drive.google.com",
    "docs.google.com",
    "sites.google.com",
    "onedrive.live.com",
    "1drv.ms",
    "sharepoint.com",
    "dropbox.com",
    "www.dropbox.com",
    "anyflip.com",
    "online.anyflip.com",
    "fliphtml5.com",
    "online.fliphtml5.com",
)


@dataclass(frozen=True)
class CrawlSettings:
    max_pages: int = 600  # pages and documents fetched, whole site
    max_depth: int = 8  # clicks from the start page
    max_bytes: int = 25 * 1024 * 1024  # one response; larger ones are cut and noted
    max_total_bytes: int = 600 * 1024 * 1024  # the whole crawl
    max_query_variants: int = 12  # same path, different query (calendars, paging, filters)
    max_record_variants: int = 120  # the same for records by id (/?p=12, article&id=5)
    max_download_variants: int = 300  # the same for a download script (download.php?id=)
    concurrency: int = 16  # requests in flight, all hosts
    per_host_concurrency: int = 8
    delay_s: float = 0.0  # pause between two requests to one host
    timeout_s: float = 15.0  # connect/read timeout of one request
    retries: int = 2  # on timeouts, connection errors, 429 and 5xx
    backoff_s: float = 0.5  # first retry pause; doubles each time
    max_retry_after_s: float = 10.0  # a server's Retry-After is honoured up to this
    max_redirects: int = 8
    obey_robots: bool = True
    allow_private: bool = False  # tests only: lets the crawler reach 127.0.0.1
    read_documents: bool = True
    document_processes: int = 0  # processes reading documents; 0: one a core (at most 4)
    # Pictures inside pages (a No Gift announcement posted as an image, an infographic of
    # complaint statistics) read by OCR, at most this many per crawl and per page; 0: none.
    max_page_images: int = 30
    max_images_per_page: int = 3
    user_agent: str = "OpenITA-sitecheck/0.1 (+https://github.com/openita)"
    document_hosts: tuple[str, ...] = DOCUMENT_HOSTS
    extra_hosts: tuple[str, ...] = field(default=())  # also treated as the agency's site
