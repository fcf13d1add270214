"""Records passed between the crawler's stages and kept by the store."""

from __future__ import annotations

from dataclasses import dataclass, field

from openita.sitecheck.index_page import IndexEntry


@dataclass(frozen=True)
class Link:
    """A link found on a page: absolute URL (fragment dropped) and its visible text."""

    url: str
    text: str = ""
    context: str = ""  # the heading of the page's section it sits in
    row: str = ""  # the text of the table row or list item it sits in (short ones only)


@dataclass(frozen=True)
class DocLink:
    """A link inside a document (see ``doclinks``)."""

    url: str  # as written in the file (may be relative)
    text: str  # the words the link covers
    row: str  # the text of the table row (or line) it sits in


@dataclass(frozen=True)
class Channel:
    """A way to reach the agency found on a page (see ``parse.CHANNEL_KINDS``).

    kind is one of: "facebook", "line", "youtube", "twitter", "instagram", "tiktok",
    "messenger_chat", "chat", "form", "webboard", "email", "phone", "eservice".
    """

    kind: str
    url: str = ""
    text: str = ""


@dataclass
class Document:
    """What a document reader got out of a file.

    kind is "pdf", "docx", "xlsx", "image" or "text". ok is False when nothing could be read;
    note then says why in English (corrupt file, too large, zip bomb, OCR not installed…).
    """

    kind: str
    text: str = ""
    title: str = ""
    pages: int = 0
    ok: bool = True
    note: str = ""
    ocr: bool = False  # the text came from OCR
    links: list[DocLink] = field(default_factory=list)  # PDF link annotations, DOCX hyperlinks


@dataclass
class StoredPage:
    """One fetched URL as the store keeps it.

    outcome is "ok" or what went wrong: "broken" (HTTP ≥ 400, empty body), "login_required",
    "blocked" (SSRF guard), "robots" (disallowed by robots.txt, not fetched), "timeout",
    "error" (connection, TLS), "too_many_redirects", "too_large", "unreadable" (a document
    that could not be read).
    depth is the click depth from the start page (0); via_text the text of the link that led
    here and parent the page it was on — evidence for people ("หน้าแรก > ITA > O1").
    """

    url: str
    final_url: str
    depth: int
    status: int | None = None
    outcome: str = "ok"
    detail: str = ""
    content_type: str = ""
    kind: str = "html"  # "html" or a Document kind or "other"
    title: str = ""
    text: str = ""
    headings: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    content_hash: str = ""  # sha256 of the body bytes
    size: int = 0
    parent: str = ""
    via_text: str = ""
    offsite: bool = False  # fetched on a document host one hop away from the site
    redirects: list[str] = field(default_factory=list)
    index: list[IndexEntry] = field(default_factory=list)  # when the page lists OIT items
    own_text: str | None = None  # HTML: the text outside menus, headers, footers, headings
    images: list[Link] = field(default_factory=list)  # HTML: pictures in its own content
    embedded: bool = False  # a picture shown inside its parent page, read by OCR


@dataclass
class CrawlSummary:
    """Totals of one crawl, and the problems met on the way (English, for the report)."""

    start_url: str
    pages_fetched: int = 0
    documents_read: int = 0
    bytes_fetched: int = 0
    duration_s: float = 0.0
    stopped_by: str = ""  # "" or the limit that ended the crawl early ("max_pages"…)
    problems: list[str] = field(default_factory=list)
