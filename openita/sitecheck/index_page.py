"""Parse an agency's own ITA/OIT index page into item → links.

Most agencies publish a hand-made page listing every OIT item (``O1 โครงสร้าง`` …) with
the links that answer it, as a table, a list, an accordion or plain paragraphs. This module
reads such a page without guessing at its layout:

1. Parse the HTML with selectolax (Lexbor) and drop only ``script``/``style``/``noscript``/
   ``template``: ITA pages often live inside navigation-like markup, so nothing else goes.
   Pictures become their alt (or title) text: a grid of picture buttons names its items there.
2. Walk the tree level by level. At each level a child (element or bare text) *starts a
   block* when its text begins with an item code token (``O1``, ``o1``, ``O 1``, ``01``,
   ``○1``, ``๐๑``, optionally followed by ``.``/``)``/``:``) followed by non-digit text, and
   it holds no other item code. A child holding two or more codes is entered instead.
   Table rows (``tr``) and list items (``li``) are blocks on their own; any other start
   (accordion button, heading, paragraph, cell, text) runs on through its following
   siblings until the next code start or the end of the level.
3. Each block gives the normalised code (:func:`normalize_item_code`; skipped when it
   fails or is not in ``known_codes``), the title (the text after the code up to the first
   element or line break, at most 120 characters), every ``<a href>`` resolved to an
   absolute http(s) URL without fragment (``javascript:``, ``mailto:``, ``tel:`` and ``#``
   links skipped) and the ``เลือกเมนู … > …`` instruction, if any.
4. Entries with the same code are merged: first appearance keeps its place and title,
   links are united without duplicates.

Numbers are not codes: ``2567``, ``10.1`` (a sub-indicator), ``01/10/2567``, ``01:30`` and
``01 ม.ค.`` are rejected because a bare number must have a leading zero and be followed by
a word, not by a digit, a separator of dates or a month.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from openita.lib.itemcodes import ItemCodeError, normalize_item_code
from openita.lib.thaitext import normalize_for_match
from openita.sitecheck.crawl.urls import unwrap

__all__ = ["IndexEntry", "IndexLink", "Sections", "looks_like_index", "parse_index_page"]

TITLE_MAX = 120
MENU_MAX = 200
_MAX_DEPTH = 200
_NOISE = ("script", "style", "noscript", "template")
# Elements whose boundaries end a line of text (everything else is inline).
_BLOCK_TAG_NAMES = (
    "address article aside blockquote br button caption dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr label legend li "
    "main nav ol option p pre section select summary table tbody td tfoot th thead tr ul "
    "a img"
)
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
_SELF_CONTAINED = frozenset({"tr", "li"})
_O_LETTER = "OoＯｏ○◯〇"
_DIGIT = "0-9๐-๙"
_CODE_TOKEN = rf"(?:[{_O_LETTER}]\s?[.\-]?\s?[{_DIGIT}]{{1,3}}|[0๐][{_DIGIT}]{{1,2}})"
# A code at the start of a text, followed by a word (or an opening quote), never a digit.
# Codes are also written in brackets: "(O17) แนวปฏิบัติ…", "[O3]".
# "ข้อ O5 …" / "ข้อที่ 5" put the word for "item" first.
_CODE_START = re.compile(
    rf"^(?:ข้อ(?:ที่)?\s*)?[(\[]?(?P<code>{_CODE_TOKEN})(?=[\s.)\]:]*(?:[^\W\d]|[\"“']))"
    rf"[\s.)\]:]*"
)
_BARE_CODE = re.compile(rf"^[(\[]?{_CODE_TOKEN}[.):\]]?$")
# "โครงสร้างหน่วยงาน (O1)": the title first, the code in brackets at the end of the line.
_CODE_END = re.compile(
    rf"^(?P<title>\S.{{1,{TITLE_MAX}}}?)\s*[(\[](?P<code>{_CODE_TOKEN})[)\]]"
    rf"[\s:]*(?:คลิ[๊ก]*ก?\S*)?\s*$"
)
# On a page that says it is the ITA page, "ข้อ 1. โครงสร้าง" numbers the items too.
_NUMBERED_START = re.compile(
    rf"^ข้อ(?:ที่)?\s*(?P<code>[{_DIGIT}]{{1,2}})(?=[\s.)\]:]*[^\W\d])[\s.)\]:]*"
)
_MONTHS = re.compile(
    r"^(?:มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา|"
    r"ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_MENU = re.compile(r"เลือก\s*เมนู")
_MENU_NEXT = re.compile(r"^[>»›\s]*(?:เมนูย่อย|เลือก|>|»|›)")
_CLICK_TAIL = re.compile(r"[\s>»›]*(?:\(\s*คลิ[๊ก]*ก?\s*\)|คลิ[๊ก]*ก?(?:ที่นี่)?)?[\s>»›]*$")
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:")


@dataclass(frozen=True)
class IndexLink:
    url: str  # absolute http(s) URL, fragment dropped
    text: str  # link text, whitespace-folded


@dataclass(frozen=True)
class IndexEntry:
    code: str  # normalised "O1"
    title: str  # the item's title as found (folded), may be ""
    links: list[IndexLink]
    menu_path: str = ""  # a 'เลือกเมนู ... > ...' instruction found with the item
    section: str = ""  # the tab or heading it is listed under ("ITA ปี 2567"), folded


@dataclass
class _Block:
    code: str
    title: str
    nodes: list[LexborNode] = field(default_factory=list)


def parse_index_page(
    html: str,
    base_url: str,
    *,
    known_codes: Iterable[str] | None = None,
    numbered: bool = False,
) -> list[IndexEntry]:
    """The items of an ITA/OIT index page, in page order (see the module docstring).
    numbered: the page is known to be the ITA page, so "ข้อ 5 …" starts item O5."""
    tree = LexborHTMLParser(html)
    for tag in _NOISE:  # step 1
        for node in tree.css(tag):
            node.decompose()
    for image in tree.css("img"):
        # Pages built of picture buttons name their items only there ("O1 โครงสร้าง").
        said = (image.attributes.get("alt") or image.attributes.get("title") or "").strip()
        said = said or _code_in_file_name(image.attributes.get("src") or "")
        if said:
            image.replace_with(f" {said} ")
    root = tree.body or tree.root
    if root is None:
        return []
    blocks: list[_Block] = []
    _walk(root, blocks, 0, numbered)  # step 2
    known = _normalise_codes(known_codes)
    sections = Sections(tree, root)
    entries: list[IndexEntry] = []
    for block in blocks:  # step 3
        if known is not None and block.code not in known:
            continue
        entries.append(
            IndexEntry(
                code=block.code,
                title=block.title,
                links=_links(block.nodes, base_url),
                menu_path=_menu_path(block.nodes),
                section=sections.of(block.nodes[0]),
            )
        )
    return _merge(entries)  # step 4


_FILE_CODE = re.compile(r"(?:^|[^a-z0-9])o[\s._-]?([0-9]{1,2})$", re.IGNORECASE)


def _code_in_file_name(src: str) -> str:
    """A picture button named after its item ("/images/ita2569/o12.png"), without alt text:
    its code and the word for picture (an item code starts a line only before a word)."""
    stem = src.split("?", 1)[0].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    found = _FILE_CODE.search(stem)
    return f"O{int(found.group(1))} ภาพ" if found else ""  # a word after it, as a title


def looks_like_index(
    entries: list[IndexEntry], *, known_codes: Iterable[str] | None = None, minimum: int = 5
) -> bool:
    """True when the entries name at least ``minimum`` distinct codes (and, given
    ``known_codes``, at least 30% of the known ones)."""
    codes = {entry.code for entry in entries}
    known = _normalise_codes(known_codes)
    if known:
        codes &= known
        if len(codes) < 0.3 * len(known):
            return False
    return len(codes) >= minimum


# Step 2: finding blocks ------------------------------------------------------------------


def _walk(node: LexborNode, blocks: list[_Block], depth: int, numbered: bool) -> None:
    """Collect the blocks among ``node``'s children, entering children with several codes."""
    if depth > _MAX_DEPTH:
        return
    current: _Block | None = None
    children = [child for child in node.iter(include_text=True) if not child.is_comment_node]
    lines = [_segments(child, split_links=True) for child in children]
    for index, child in enumerate(children):
        segments = lines[index]
        if len(segments) == 1 and _BARE_CODE.match(segments[0]):
            # A code alone in its element (<p>O10</p><p>แผนดำเนินงาน</p>): borrow the next line.
            following = next((more for more in lines[index + 1 :] if more), [])
            segments = segments + following[:1]
        starts = _count_starts(segments, numbered)
        start = _match_start(segments, numbered) if starts == 1 else None
        if start is not None:
            current = _Block(code=start[0], title=start[1], nodes=[child])
            blocks.append(current)
            if child.tag in _SELF_CONTAINED:
                current = None
        elif starts:
            current = None
            _walk(child, blocks, depth + 1, numbered)
        elif current is not None:
            current.nodes.append(child)


def _segments(node: LexborNode, *, split_links: bool) -> list[str]:
    """The folded lines of text in ``node``: split at block elements and ``<br>`` (and at
    links when ``split_links``), empty lines dropped."""
    parts: list[str] = []
    lines: list[str] = []

    def flush() -> None:
        text = normalize_for_match("".join(parts))
        if text:
            lines.append(text)
        parts.clear()

    def visit(current: LexborNode, depth: int) -> None:
        if current.is_text_node:
            parts.append(current.text_content or "")
            return
        if not current.is_element_node or depth > _MAX_DEPTH:
            return
        breaks = current.tag in _BLOCK_TAGS and (split_links or current.tag != "a")
        if breaks:
            flush()
        for child in current.iter(include_text=True):
            visit(child, depth + 1)
        if breaks:
            flush()

    visit(node, 0)
    flush()
    return lines


def _count_starts(segments: list[str], numbered: bool) -> int:
    """How many lines of ``segments`` begin an item."""
    return sum(_match_start(segments[i:], numbered) is not None for i in range(len(segments)))


def _match_start(segments: list[str], numbered: bool = False) -> tuple[str, str] | None:
    """``(code, title)`` when the first line begins with an item code, else None.

    A bare code alone on its line (``<td>o1</td><td>โครงสร้าง</td>``) borrows the next line.
    """
    if not segments:
        return None
    lead = segments[0]
    if _BARE_CODE.match(lead) and len(segments) > 1:
        lead = f"{lead} {segments[1]}"
    match = _CODE_START.match(lead)
    prefix = ""
    ending = _CODE_END.match(lead) if match is None else None
    if ending is not None:
        try:
            return normalize_item_code(ending.group("code")), ending.group("title").strip()
        except ItemCodeError:
            return None
    if match is None and numbered:
        match = _NUMBERED_START.match(lead)
        prefix = "O"
    if match is None:
        return None
    rest = lead[match.end() :]
    if _MONTHS.match(rest):
        return None
    try:
        code = normalize_item_code(prefix + match.group("code"))
    except ItemCodeError:
        return None
    return code, rest[:TITLE_MAX].strip()


# Step 3: links and menu paths ------------------------------------------------------------


def _anchors(nodes: list[LexborNode]) -> Iterator[LexborNode]:
    for node in nodes:
        if not node.is_element_node:
            continue
        if node.tag == "a":
            yield node
        yield from node.css("a[href]")


def _links(nodes: list[LexborNode], base_url: str) -> list[IndexLink]:
    """Absolute http(s) links of the block, first occurrence of each URL kept."""
    links: dict[str, IndexLink] = {}
    for anchor in _anchors(nodes):
        url = _resolve(anchor.attributes.get("href") or "", base_url)
        if url and url not in links:
            links[url] = IndexLink(url=url, text=normalize_for_match(anchor.text() or ""))
    return list(links.values())


def _resolve(href: str, base_url: str) -> str:
    """``href`` made absolute without fragment, or "" when it is not an http(s) link."""
    href = href.strip()
    if not href or href.startswith("#") or href.lower().startswith(_SKIP_SCHEMES):
        return ""
    url, _fragment = urldefrag(urljoin(base_url, href))
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return ""
    return unwrap(url)


def _menu_path(nodes: list[LexborNode]) -> str:
    """The first ``เลือกเมนู "…" > เมนูย่อย "…"`` instruction of the block, folded to
    ``a > b`` form with any trailing "(คลิก)" removed; "" when there is none."""
    lines = [line for node in nodes for line in _segments(node, split_links=False)]
    for index, line in enumerate(lines):
        found = _MENU.search(line)
        if found is None:
            continue
        parts = [line[found.start() :]]
        for following in lines[index + 1 :]:
            if not _MENU_NEXT.match(following):
                break
            parts.append(following)
        steps = [_clean_step(part) for part in " > ".join(parts).split(">")]
        return " > ".join(step for step in steps if step)[:MENU_MAX]
    return ""


def _clean_step(step: str) -> str:
    return _CLICK_TAIL.sub("", step.strip(" »›")).strip()


# Step 4: merging -------------------------------------------------------------------------


class Sections:
    """What each part of a page is listed under: the tab or accordion button that opens the
    pane it sits in (``href="#y2567"``, ``data-bs-target``, ``aria-controls``), else the last
    heading before it. A page may keep this year's table and last year's in two tabs."""

    _HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "caption", "summary"})

    def __init__(self, tree: LexborHTMLParser, root: LexborNode) -> None:
        self.controls: dict[str, str] = {}
        for node in tree.css("[href^='#'], [data-bs-target], [data-target], [aria-controls]"):
            attrs = node.attributes
            for raw in (attrs.get("href"), attrs.get("data-bs-target"), attrs.get("data-target"),
                        attrs.get("aria-controls")):  # fmt: skip
                target = (raw or "").lstrip("#").strip()
                label = normalize_for_match(node.text() or "")
                if target and label and target not in self.controls:
                    self.controls[target] = label[:TITLE_MAX]
        self.heading: dict[int, str] = {}
        current = ""
        for node in root.traverse():
            if node.tag in self._HEADINGS:
                current = normalize_for_match(node.text() or "")[:TITLE_MAX]
            self.heading[node.mem_id] = current

    def of(self, node: LexborNode) -> str:
        parent: LexborNode | None = node
        while parent is not None:
            label = (
                self.controls.get(parent.attributes.get("id") or "")
                if parent.is_element_node
                else None
            )
            if label:
                return label
            parent = parent.parent
        return self.heading.get(node.mem_id, "")


def _merge(entries: list[IndexEntry]) -> list[IndexEntry]:
    """One entry per code and section, in order of first appearance, links united."""
    merged: dict[tuple[str, str], IndexEntry] = {}
    for entry in entries:
        first = merged.get((entry.code, entry.section))
        if first is None:
            merged[(entry.code, entry.section)] = entry
            continue
        seen = {link.url for link in first.links}
        extra = [link for link in entry.links if link.url not in seen]
        merged[(entry.code, entry.section)] = IndexEntry(
            code=first.code,
            title=first.title or entry.title,
            links=[*first.links, *extra],
            menu_path=first.menu_path or entry.menu_path,
            section=first.section,
        )
    return list(merged.values())


def _normalise_codes(codes: Iterable[str] | None) -> set[str] | None:
    if codes is None:
        return None
    normalised = set()
    for code in codes:
        try:
            normalised.add(normalize_item_code(code))
        except ItemCodeError:
            continue
    return normalised
