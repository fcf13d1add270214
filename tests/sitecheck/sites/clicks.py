"""Click depths of a served site: breadth-first over the links of its HTML pages.

What a visitor could reach by clicking from the start page, used by the fixture self-test
(the deep page is exactly five clicks away; no evidence is an orphan) and available to other
tests. Only the site's own host is followed; documents are leaves (never downloaded), and
redirects count as part of the click that met them.
"""

from __future__ import annotations

from collections import deque
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import httpx
from selectolax.lexbor import LexborHTMLParser

DOCUMENT_SUFFIXES = (".pdf", ".docx", ".xlsx", ".doc", ".xls", ".zip", ".mp4", ".png", ".jpg")


def page_links(html: str, page_url: str) -> list[str]:
    """Absolute http(s) URLs of the ``<a href>`` links of a page, fragments dropped."""
    tree = LexborHTMLParser(html)
    out = []
    for node in tree.css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        url = urldefrag(urljoin(page_url, href)).url
        if url.startswith(("http://", "https://")):
            out.append(url)
    return out


def _key(url: str) -> str:
    """The site path of a URL as the truth files write it: decoded path plus query."""
    parts = urlsplit(url)
    return unquote(parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def click_depths(base: str, start: str = "/", max_depth: int = 7) -> dict[str, int]:
    """``{site path (+ ?query): clicks from start}`` for every link met within max_depth."""
    netloc = urlsplit(base).netloc
    depths: dict[str, int] = {_key(base + start): 0}
    queue = deque([(base + start, 0)])
    with httpx.Client(follow_redirects=True, timeout=10) as client:
        while queue:
            url, depth = queue.popleft()
            if depth >= max_depth or urlsplit(url).path.lower().endswith(DOCUMENT_SUFFIXES):
                continue
            try:
                response = client.get(url)
            except httpx.TooManyRedirects:
                continue  # a redirect loop leads nowhere
            if response.status_code != 200 or "html" not in response.headers.get(
                "content-type", ""
            ):
                continue
            for link in page_links(response.text, str(response.url)):
                if urlsplit(link).netloc != netloc:
                    continue
                key = _key(link)
                if key not in depths:
                    depths[key] = depth + 1
                    queue.append((link, depth + 1))
    return depths
