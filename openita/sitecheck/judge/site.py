"""What the judge knows about the crawled site, indexed for the item rules."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cached_property
from urllib.parse import unquote

from openita.frameworks.schema import Item
from openita.lib.thaitext import fold, normalize
from openita.lib.thaiyears import find_dates, fiscal_years_of
from openita.sitecheck.crawl.types import Link, StoredPage
from openita.sitecheck.crawl.urls import canonical, looks_like_document
from openita.sitecheck.index_page import IndexEntry, IndexLink

FAILED = frozenset(
    {"broken", "login_required", "timeout", "error", "too_many_redirects", "blocked"}
)
DOCUMENT_KINDS = frozenset({"pdf", "docx", "xlsx", "image"})
_SOFT_404 = re.compile(
    r"ไม่พบ\s*(?:ไฟล์|หน้า|ข้อมูล|เอกสาร)|ไม่มีไฟล์|file not found|page not found|\b404\b",
    re.IGNORECASE,
)
# A page that only says it is being prepared ("อยู่ระหว่างปรับปรุง") publishes nothing yet.
_PLACEHOLDER = re.compile(
    r"อยู่ระหว่าง(?:การ)?(?:ปรับปรุง|จัดทำ|รวบรวม|อัป?เดต|อัพโหลด|อัปโหลด)|ยังไม่มีข้อมูล|"
    r"under\s+construction|coming\s+soon|รอ(?:การ)?(?:อัพโหลด|อัปโหลด|ปรับปรุง)ข้อมูล",
    re.IGNORECASE,
)
_SHORT_PAGE = 400  # a "not found" message on a longer page is only part of it
_EMPTY_PAGE = 25  # characters of its own below which an HTML page is an empty shell
_HEAD_CHARS = 600  # a document's first lines carry its title and its year
# A page about the ITA (folded: no tone marks), and how it may list items by title alone.
_ITA_PAGE = re.compile(r"\bita\b|\boit\b|คุณธรรมและความโปรงใส|เปิดเผยขอมูลสาธารณะ")
_CODE_IN_TEXT = re.compile(r"\(?\bo\s?([0-9]{1,2})\b\)?")
_TITLE_INDEX_MIN = 8  # items a page must list by title to be taken for the ITA page
_TITLE_MATCH = 0.72  # difflib ratio between a link text and an item's title


_GENERIC_LINK = 15  # characters of a link text that names nothing ("ดาวน์โหลด", "คลิก")
_THAI = re.compile(r"[\u0e01-\u0e2e]{3}")


def _file_words(url: str) -> str:
    """A file's Thai name ("รายงานผลการจัดการความเสี่ยง-2567.pdf"): what it says it is."""
    name = unquote(url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    if not looks_like_document(url) or not _THAI.search(name):
        return ""
    return re.sub(r"[-_]+", " ", name.rsplit(".", 1)[0])


@dataclass
class PageView:
    """A stored page with the folded texts the rules compare against, computed once."""

    page: StoredPage
    inbound: list[str] = field(default_factory=list)  # texts of links pointing here
    rows: list[str] = field(default_factory=list)  # rows of "ดาวน์โหลด" links pointing here
    sent_home: bool = False  # a link that redirects to the site's home page leads nowhere

    @cached_property
    def label(self) -> str:
        """Title, headings and the texts of the links that lead here: what a person reads
        before opening the page. Folded and without spaces, like body: Thai writers put
        spaces between phrases where the rubric has none ("แผนปฏิบัติราชการ ประจำปี")."""
        page = self.page
        texts = [page.title, *page.headings[:4], page.via_text, *self.inbound[:6]]
        texts += [*self.rows[:3], _file_words(page.url)]
        return fold("|".join(texts)).replace(" ", "")

    @cached_property
    def body(self) -> str:
        """The page's own text: a footer's phone number is not the executives' contacts."""
        page = self.page
        return fold(page.own_text if page.own_text is not None else page.text).replace(" ", "")

    @cached_property
    def years(self) -> set[int]:
        """Fiscal years of the page's title, the link texts leading to it and its opening
        lines; the whole text only when those say nothing (a document's body quotes many
        dates that are not its period)."""
        page = self.page
        head = " ".join([page.title, *self.inbound[:4], page.url.rsplit("/", 1)[-1]])
        head = f"{head} {page.text[:_HEAD_CHARS]}"
        # "ประจำปีงบประมาณ พ.ศ. 2567" says the period; the date it was signed (ต.ค. 2567,
        # already the next fiscal year) does not, so dates count only when nothing else does.
        years = fiscal_years_of(_without_dates(head)) or fiscal_years_of(head)
        return years or fiscal_years_of(page.text[:20000])

    @property
    def soft_404(self) -> bool:
        """A 200 answer that says "not found" (a download script whose file is gone)."""
        own = self.page.own_text if self.page.own_text is not None else self.page.text
        return len(own) < _SHORT_PAGE and bool(_SOFT_404.search(f"{self.page.title} {own}"))

    @property
    def placeholder(self) -> bool:
        """A short page that says its content is still being prepared."""
        if self.page.kind != "html":
            return False
        own = self.page.own_text if self.page.own_text is not None else self.page.text
        return len(own) < _SHORT_PAGE and bool(_PLACEHOLDER.search(f"{self.page.title} {own}"))

    @property
    def failed(self) -> bool:
        return bool(self.failure)

    @property
    def failure(self) -> str:
        """Why the page cannot serve as evidence ("" when it can)."""
        page = self.page
        if page.kind == "image" and page.outcome in ("unreadable", "ok") and not page.text:
            return ""  # a picture OCR cannot read still opens: the assessor reads it
        if page.outcome in FAILED or page.outcome == "unreadable":
            return f"{page.outcome} ({page.detail})"
        readable = page.kind == "html" or page.kind in DOCUMENT_KINDS
        if readable and not page.text.strip():
            return "empty"
        if self.sent_home:
            return f"redirected to the home page ({page.final_url})"
        if page.kind == "html" and self.soft_404:
            return "the page says the file or page was not found"
        if page.kind == "html" and page.own_text is not None and len(page.own_text) < _EMPTY_PAGE:
            return "the page shows nothing besides the site's menus and its title"
        return ""


def _without_dates(text: str) -> str:
    text = normalize(text)
    for mention in reversed(find_dates(text)):
        text = text[: mention.start] + " " * len(mention.text) + text[mention.end :]
    return text


def _same(a: str, b: str) -> bool:
    return canonical(a).rstrip("/") == canonical(b).rstrip("/")


class SiteView:
    """All crawled pages, by URL, with the inbound link texts and the site's channels."""

    def __init__(self, pages: list[StoredPage], start_url: str) -> None:
        self.start_url = canonical(start_url)
        # Pages arrive in the order concurrent fetches ended; the rules must not depend on it.
        pages = sorted(pages, key=lambda page: (page.depth, page.url))
        self.views: list[PageView] = []
        self.by_url: dict[str, PageView] = {}
        for page in pages:
            view = PageView(page)
            view.sent_home = (
                bool(page.redirects)
                and _same(page.final_url, start_url)
                and not (_same(page.url, start_url))
            )
            self.views.append(view)
            for url in (page.url, page.final_url):
                self.by_url.setdefault(canonical(url), view)
        for page in pages:
            for link in page.links:
                target = self.by_url.get(canonical(link.url))
                if target is None:
                    continue
                if link.text and link.text not in target.inbound:
                    target.inbound.append(link.text)
                # A "ดาวน์โหลด" link says what it leads to in its row (names, not years: a
                # row also holds the date it was posted).
                if len(link.text) <= _GENERIC_LINK and link.row and link.row not in target.rows:
                    target.rows.append(link.row)

    def get(self, url: str) -> PageView | None:
        return self.by_url.get(canonical(url))

    def children(self, view: PageView) -> list[PageView]:
        """Pages view links to (a listing page and its documents), in the page's order, and
        those first reached from it; links every page carries (the site's menus) are not."""
        out: dict[int, PageView] = {}
        for link in view.page.links:
            target = self.get(link.url)
            if target is not None and target is not view and not self._in_frame(link.url):
                out.setdefault(id(target), target)
        url = canonical(view.page.final_url)
        for other in self.views:
            if other.page.parent and canonical(other.page.parent) == url:
                out.setdefault(id(other), other)
        return list(out.values())

    def _in_frame(self, url: str) -> bool:
        return self.link_counts[canonical(url)] >= self._frame_share

    @cached_property
    def link_counts(self) -> Counter[str]:
        """On how many HTML pages of the site each URL is linked."""
        counts: Counter[str] = Counter()
        for view in self.views:
            if view.page.kind == "html" and not view.page.offsite:
                counts.update({canonical(link.url) for link in view.page.links})
        return counts

    @cached_property
    def _frame_share(self) -> int:
        pages = sum(1 for v in self.views if v.page.kind == "html" and not v.page.offsite)
        return max(5, pages // 2)

    def path(self, view: PageView) -> list[str]:
        """Link texts clicked from the start page to reach view (empty when not reached)."""
        steps: list[str] = []
        current: PageView | None = view
        while current is not None and current.page.parent and len(steps) < 12:
            steps.append(current.page.via_text or current.page.url)
            current = self.get(current.page.parent)
        return list(reversed(steps))

    def index_entries(self, fiscal_year: int, codes: set[str]) -> tuple[str, dict[str, IndexEntry]]:
        """The agency's ITA index page for this fiscal year: (its URL, code → entry).

        Agencies keep one index page per year; the page naming the most of the framework's
        codes wins, and one that names the fiscal year beats one that names another year.
        """
        ranked: list[tuple[tuple[int, int], PageView]] = []
        for view in self.views:
            if not view.page.index or view.page.offsite:  # the agency's (adopted ones too)
                continue
            found = {e.code for e in view.page.index} & codes
            years = fiscal_years_of(" ".join([view.page.title, *view.page.headings[:3]]))
            fits = 2 if fiscal_year in years else (0 if years else 1)
            ranked.append(((fits, len(found)), view))
        if not ranked:
            return "", {}
        ranked.sort(key=lambda pair: pair[0], reverse=True)
        best = ranked[0][1]
        # An index split over pages (one per indicator, on Google Sites and the like): the
        # pages linked with the best one, of no other year, fill in the codes it lacks.
        parts = [best] + [
            view for key, view in ranked[1:] if key[0] >= 1 and self._linked(best, view)
        ]
        entries: dict[str, IndexEntry] = {}
        for view in parts:
            for entry in _of_year(view.page.index, fiscal_year):
                if entry.code not in codes:
                    continue
                known = entries.get(entry.code)
                if known is None:
                    entries[entry.code] = entry
                    continue
                seen = {link.url for link in known.links}
                more = [link for link in entry.links if link.url not in seen]
                entries[entry.code] = replace(known, links=[*known.links, *more])
        return best.page.final_url, entries

    def _linked(self, one: PageView, other: PageView) -> bool:
        """Whether two pages link to each other or share the page that links them."""
        a, b = canonical(one.page.final_url), canonical(other.page.final_url)
        if any(canonical(link.url) == b for link in one.page.links):
            return True
        if any(canonical(link.url) == a for link in other.page.links):
            return True
        return bool(one.page.parent) and canonical(one.page.parent) == canonical(
            other.page.parent or "-"
        )

    def title_index(self, fiscal_year: int, items: list[Item]) -> tuple[str, dict[str, IndexEntry]]:
        """An ITA page that lists the items by their titles only ("ข้อมูลผู้บริหาร" as a
        link, no "O2"): (its URL, code → entry), each link given to the item whose title its
        text matches best; ("", {}) when no page of the site lists enough items so."""
        best: tuple[tuple[int, int], PageView, dict[str, IndexEntry]] | None = None
        for view in self.views:
            page = view.page
            head = fold(" ".join([page.title, *page.headings[:3]]))
            if page.kind != "html" or page.offsite or not _ITA_PAGE.search(head):
                continue
            entries = _entries_by_title(page.links, items)
            if len(entries) < max(_TITLE_INDEX_MIN, len(items) * 0.3):
                continue
            years = fiscal_years_of(head)
            key = (2 if fiscal_year in years else (0 if years else 1), len(entries))
            if best is None or key > best[0]:
                best = (key, view, entries)
        return ("", {}) if best is None else (best[1].page.final_url, best[2])

    @cached_property
    def channel_kinds(self) -> Counter[str]:
        return Counter(c.kind for v in self.views if not v.page.offsite for c in v.page.channels)


def _of_year(entries: list[IndexEntry], fiscal_year: int) -> list[IndexEntry]:
    """On a page that lists this year's items and last year's (two tabs, two headed tables),
    the entries of this year's section; other pages' entries as they are."""
    years = [fiscal_years_of(entry.section) for entry in entries]
    if not any(fiscal_year in said for said in years):
        return entries
    return [e for e, said in zip(entries, years, strict=True) if not said or fiscal_year in said]


def _entries_by_title(links: list[Link], items: list[Item]) -> dict[str, IndexEntry]:
    """Links whose text names an item: by a code in it ("(O12)"), else by a title it matches
    closely enough (difflib's ratio: agencies shorten and reword titles a little)."""
    titles = {item.code: fold(item.title).replace(" ", "") for item in items}
    entries: dict[str, IndexEntry] = {}
    for link in links:
        text = fold(link.text).replace(" ", "")
        if len(text) < 4:
            continue
        coded = _CODE_IN_TEXT.search(text)
        code = f"O{int(coded.group(1))}" if coded else ""
        if code not in titles:
            bare = _CODE_IN_TEXT.sub("", text)
            ratios = {c: SequenceMatcher(None, title, bare).ratio() for c, title in titles.items()}
            code = max(ratios, key=lambda c: ratios[c])
            if ratios[code] < _TITLE_MATCH:
                continue
        entry = entries.setdefault(code, IndexEntry(code, link.text, []))
        if all(known.url != link.url for known in entry.links):
            entry.links.append(IndexLink(link.url, link.text))
    return entries
