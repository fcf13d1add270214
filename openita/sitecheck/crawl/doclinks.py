"""Links inside documents: an agency's OIT index published as a PDF or Word form.

Many agencies fill in a form (ข้อ | ข้อมูล | รายละเอียด | URL) and publish it as a PDF or a
Word file instead of a web page; the links in its URL column are what the assessors open.
This module reads those links with the text of the table row each one sits in, so that the
index page parser (``index_page``) can tell which item each link belongs to.

- PDF: link annotations (``/Link`` with a ``/URI`` action) of each page. A link's row is the
  band between the table's horizontal rules (drawn as thin lines or rectangles) that holds
  the link's middle; where a page draws no rules, the lines level with the link. Its words are
  the characters inside its rectangle. pdfminer reads annotations but does not pair them with
  text, and its layout analysis scatters Thai marks, hence this small pairing of our own.
- DOCX: hyperlinks (python-docx), with the text of their table row or paragraph.
"""

from __future__ import annotations

import html
from bisect import bisect
from collections.abc import Callable, Iterable
from typing import Any

from docx.table import Table
from pdfminer.layout import LTChar, LTContainer, LTCurve
from pdfminer.pdftypes import resolve1

from openita.sitecheck.index_page import IndexEntry, looks_like_index, parse_index_page

from .types import DocLink

MAX_LINKS = 2000  # per document
_RULE_HEIGHT = 2.0  # points: a horizontal rule of a table is thinner than this
_RULE_WIDTH = 30.0  # points: and wider than this
_RULE_SHARE = 0.4  # of the page's width: a single rule this long crosses a table


def pdf_page_links(
    page: Any, layout: Any, page_text: Callable[[list[Any]], str], *, form: bool = False
) -> list[DocLink]:
    """The URI links of one PDF page with their rows; page_text turns characters into text.
    form: earlier pages had links (a form goes on), so rows without links count too."""
    annotations = _annotations(page)
    if not annotations and not form:
        return []
    chars = list(_chars(layout))
    rules = _rule_heights(layout)
    links: list[DocLink] = []
    for uri, (x0, y0, x1, y1) in annotations:
        middle = (y0 + y1) / 2
        if len(rules) >= 2:
            band = bisect(rules, middle)
            row = [c for c in chars if bisect(rules, _mid(c)) == band]
        else:
            reach = y1 - y0
            row = [c for c in chars if y0 - reach <= _mid(c) <= y1 + reach]
        inside = [c for c in row if x0 <= (c.x0 + c.x1) / 2 <= x1 and y0 <= _mid(c) <= y1]
        links.append(DocLink(uri, page_text(inside).strip(), page_text(row).strip()))
    # Rows without a link ("-" in the URL column) are kept too, with no URL: the form names
    # the item and links nothing.
    linked = {bisect(rules, (y0 + y1) / 2) for _uri, (_x0, y0, _x1, y1) in annotations}
    for band in range(1, len(rules)):
        if band not in linked:
            row = [c for c in chars if bisect(rules, _mid(c)) == band]
            if row:
                links.append(DocLink("", "", page_text(row).strip()))
    return links


def docx_links(document: Any) -> list[DocLink]:
    """The hyperlinks of a Word file, each with its table row's or paragraph's text."""
    links: list[DocLink] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = list({id(cell._tc): cell for cell in row.cells}.values())
                text = "\t".join(cell.text.strip() for cell in cells)
                found = [link for cell in cells for link in _paragraph_links(cell.paragraphs, text)]
                links += found or [DocLink("", "", text)]
        else:
            links += _paragraph_links([block], block.text)
        if len(links) >= MAX_LINKS:
            break
    return links[:MAX_LINKS]


def index_of_links(links: Iterable[DocLink], base_url: str, *, numbered: bool) -> list[IndexEntry]:
    """The document's links read as an ITA index (item → links), or [] when they are not one.
    Each row becomes a paragraph of HTML for the index page parser."""
    rows: dict[str, list[DocLink]] = {}
    for link in links:
        rows.setdefault(link.row, []).append(link)
    cells = []
    for row, members in rows.items():
        anchors = " ".join(
            f'<a href="{html.escape(link.url)}">{html.escape(link.text or link.url)}</a>'
            for link in members
            if link.url
        )
        cells.append(f"<p>{html.escape(row)} {anchors}</p>")
    # Paragraphs, not table rows: a row without a code (a link level with no code, where a
    # page draws no rules) belongs to the item above it.
    entries = parse_index_page(f"<div>{''.join(cells)}</div>", base_url, numbered=numbered)
    return entries if looks_like_index(entries) else []


def _paragraph_links(paragraphs: Iterable[Any], row: str) -> list[DocLink]:
    out = []
    for paragraph in paragraphs:
        for link in paragraph.hyperlinks:
            address = link.address or ""
            if link.fragment:
                address = f"{address}#{link.fragment}"
            if address:
                out.append(DocLink(address, link.text.strip(), row))
    return out


def _annotations(page: Any) -> list[tuple[str, tuple[float, float, float, float]]]:
    out = []
    for ref in resolve1(page.annots) or []:
        annot = resolve1(ref)
        action = resolve1(annot.get("A")) if isinstance(annot, dict) else None
        uri = resolve1(action.get("URI")) if isinstance(action, dict) else None
        if isinstance(uri, bytes):
            uri = uri.decode("utf-8", "replace")
        rect = resolve1(annot.get("Rect")) if isinstance(annot, dict) else None
        if not isinstance(uri, str) or not uri.strip() or not isinstance(rect, list | tuple):
            continue
        try:
            x0, y0, x1, y1 = (float(resolve1(v)) for v in rect[:4])
        except (TypeError, ValueError):
            continue
        out.append((uri.strip(), (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))))
        if len(out) >= MAX_LINKS:
            break
    return out


def _rule_heights(layout: Any) -> list[int]:
    """Heights of the table's horizontal rules: thin shapes at one height that cross several
    cells, or one long line; a link's underline is neither."""
    widths: dict[int, list[float]] = {}
    for item in _rules(layout):
        widths.setdefault(round(item.y0), []).append(float(item.width))
    long = _RULE_SHARE * float(layout.width)
    return sorted(y for y, seen in widths.items() if len(seen) >= 2 or max(seen) >= long)


def _rules(items: Any) -> Iterable[Any]:
    for item in items:
        if isinstance(item, LTCurve):  # lines and rectangles are curves in pdfminer
            if item.height <= _RULE_HEIGHT and item.width >= _RULE_WIDTH:
                yield item
        elif isinstance(item, LTContainer) and not isinstance(item, LTChar):
            yield from _rules(item)


def _chars(items: Any) -> Iterable[Any]:
    for item in items:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            yield from _chars(item)


def _mid(char: Any) -> float:
    return float(char.y0 + char.y1) / 2
