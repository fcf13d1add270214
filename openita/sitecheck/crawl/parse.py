"""Stage 3: turn an HTML response into title, text, headings, links and contact channels.

Thai government sites still serve TIS-620/windows-874 pages, sometimes declared only in a
``<meta>`` tag and sometimes not at all, so decoding gets its own careful step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urldefrag, urljoin, urlsplit

from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser, LexborNode

from openita.lib.thaitext import normalize, squash_spaces
from openita.sitecheck.index_page import (
    IndexEntry,
    Sections,
    looks_like_index,
    parse_index_page,
)

from .types import Channel, Link
from .urls import unwrap

MAX_TEXT_CHARS = 150_000
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-zA-Z0-9_-]+)", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_-]+)", re.IGNORECASE)
# windows-874 is a superset of TIS-620 and ISO-8859-11 (it adds the curly quotes and the
# euro sign that Thai Word documents pasted into pages bring along).
_THAI_ALIASES = {"tis-620", "tis620", "iso-8859-11", "iso8859-11", "windows-874", "x-windows-874"}
_NOISE = ("script", "style", "noscript", "template", "svg")
_SKIP_SCHEMES = ("javascript:", "data:", "#")
_LINK_SOURCES = (("a", "href"), ("area", "href"), ("iframe", "src"), ("embed", "src"))

# host suffix → channel kind; the first match wins.
_SOCIAL_HOSTS = (
    ("m.me", "messenger_chat"),
    ("messenger.com", "messenger_chat"),
    ("facebook.com", "facebook"),
    ("fb.com", "facebook"),
    ("fb.me", "facebook"),
    ("line.me", "line"),
    ("lin.ee", "line"),
    ("youtube.com", "youtube"),
    ("youtu.be", "youtube"),
    ("twitter.com", "twitter"),
    ("x.com", "twitter"),
    ("instagram.com", "instagram"),
    ("tiktok.com", "tiktok"),
)
# Chat widgets announce themselves in their script URLs or container ids.
_CHAT_MARKERS = re.compile(
    r"fb-customerchat|customerchat|xfbml\.customerchat|tawk\.to|livechat|zopim|zendesk|"
    r"crisp\.chat|chatbot|chat-widget|botnoi|line-chat|messenger",
    re.IGNORECASE,
)
_WEBBOARD = re.compile(
    r"กระดาน(?:ถาม|สนทนา|ข่าว)|เว็บบอร์ด|webboard|ถาม\s*[-–]?\s*ตอบ|q\s*&\s*a", re.I
)
_ESERVICE = re.compile(r"e-?service|บริการ\s*(?:ออนไลน์|อิเล็กทรอนิกส์)|ยื่นคำ(?:ร้อง|ขอ)\s*ออนไลน์", re.I)
_SEARCH_FORM = re.compile(r"search|ค้นหา", re.IGNORECASE)


@dataclass
class ParsedPage:
    title: str = ""
    text: str = ""
    headings: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    index: list[IndexEntry] = field(default_factory=list)
    own_text: str = ""
    images: list[Link] = field(default_factory=list)


# An ITA index page names many item codes ("O1", "o12", "๐๕"); cheap to test on raw HTML
# before the real parse.
_CODE_HINT = re.compile(r"(?<![A-Za-z0-9])[Oo]\s?[.\-]?\s?[0-9๐-๙]{1,2}(?![0-9๐-๙])")
_NUMBERED_HINT = re.compile(r"ข้อ(?:ที่)?\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])")


def decode_html(body: bytes, content_type: str = "") -> str:
    """Decode an HTML body: BOM, then the HTTP header, then <meta>, then a guess."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", "replace")
    declared = _HEADER_CHARSET.search(content_type)
    meta = _META_CHARSET.search(body[:4096])
    for candidate in (declared and declared.group(1), meta and meta.group(1).decode()):
        if candidate:
            text = _try_decode(body, candidate)
            if text is not None:
                return text
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Undeclared non-UTF-8 pages on Thai government sites are nearly always windows-874; a
    # generic detector tends to read short Thai pages as a CJK encoding, so Thai goes first.
    thai = _try_decode(body, "cp874")
    if thai is not None and _mostly_thai(thai):
        return thai
    guess = from_bytes(body[:65536]).best()
    encoding = guess.encoding if guess is not None else "cp874"
    return body.decode(encoding, "replace")


def _mostly_thai(text: str) -> bool:
    high = [ch for ch in text if ord(ch) > 127]
    return bool(high) and sum(1 for ch in high if "\u0e00" <= ch <= "\u0e7f") >= 0.8 * len(high)


def _try_decode(body: bytes, name: str) -> str | None:
    name = name.lower()
    if name in _THAI_ALIASES:
        name = "cp874"
    try:
        # A page declared UTF-8 whose bytes are not is common (a template saved in TIS-620),
        # so a strict attempt comes first and the caller falls back to guessing.
        return body.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None


def parse_html(html: str, base_url: str) -> ParsedPage:
    tree = LexborHTMLParser(html)
    base = _base_href(tree, base_url)
    page = ParsedPage(title=_clean(_first_text(tree, "title")))
    tops = [_clean(h.text()) for h in tree.css("h1, h2")[:3]]
    page_index = _index_entries(html, base, numbered=is_ita_page(page.title, tops))
    page.channels = _widget_channels(tree)
    for tag in _NOISE:
        for node in tree.css(tag):
            node.decompose()
    page.images = _content_images(tree, base)
    _mark_images(tree)
    _mark_maps(tree)
    page.links = _links(tree, base)
    page.channels += _link_channels(page.links) + _form_channels(tree, base)
    # Only the top headings name the page; h3/h4 are often the titles of listed items
    # (news, documents), which belong to other pages.
    page.headings = [_clean(h.text()) for h in tree.css("h1, h2") if h.text().strip()]
    root = tree.body or tree.root
    text = root.text(separator=" ") if root is not None else ""
    page.text = _clean(text)[:MAX_TEXT_CHARS]
    page.own_text = _own_text(tree)[:MAX_TEXT_CHARS]
    if not page.title and page.headings:
        page.title = page.headings[0]
    page.index = page_index
    return page


_ITA_TITLE = re.compile(r"\bITA\b|\bOIT\b|คุณธรรมและความโปร่งใส|การเปิดเผยข้อมูลสาธารณะ", re.IGNORECASE)


def is_ita_page(title: str, headings: list[str]) -> bool:
    """Whether a page says it is about the ITA (its title or first headings)."""
    return bool(_ITA_TITLE.search(" ".join([title, *headings[:3]])))


def _index_entries(html: str, base: str, *, numbered: bool) -> list[IndexEntry]:
    hints = set(_CODE_HINT.findall(html))
    if numbered:
        hints |= {f"ข้อ{n}" for n in _NUMBERED_HINT.findall(html)}
    if len(hints) < 5:
        return []
    entries = parse_index_page(html, base, numbered=numbered)
    return entries if looks_like_index(entries) else []


_CHROME_TAGS = "nav, header, footer, aside, h1, h2, [role=navigation], [role=banner]"
_CHROME_NAME = re.compile(
    r"(?:^|[-_ ])(?:menu|nav|navbar|footer|sidebar|header|breadcrumbs?|masthead|widget"
    r"|top[-_]?bar|toolbar)(?:$|[-_ ])",
    re.IGNORECASE,
)


_BUILDER_PREFIXES = ("elementor", "et_pb", "vc_", "wpb_", "fl-", "jet-", "uagb-", "kt-")


def _own_text(tree: LexborHTMLParser) -> str:
    """How much the page says besides the site's frame and its own headings: a page that
    answers 200 with only menus and a title holds no evidence (measured last: it cuts
    the tree)."""
    for node in tree.css(_CHROME_TAGS):
        node.decompose()
    for node in tree.css("[class], [id]"):
        name = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        # Page builders name their content boxes "elementor-widget-container" and the like:
        # those words say nothing of a frame.
        name = " ".join(t for t in name.split() if not t.lower().startswith(_BUILDER_PREFIXES))
        if _CHROME_NAME.search(name):
            node.decompose()
    root = tree.body or tree.root
    return _clean(root.text(separator=" ")) if root is not None else ""


_MAP_URL = re.compile(
    r"google\.[a-z.]+(?::\d+)?/maps|maps\.google|goo\.gl/maps|maps\.app\.goo\.gl|openstreetmap"
)


def _mark_maps(tree: LexborHTMLParser) -> None:
    """An embedded or linked map leaves "[แผนที่]" in the text (an element asks for a map)."""
    for node in tree.css("iframe[src], a[href]"):
        target = node.attributes.get("src") or node.attributes.get("href") or ""
        if _MAP_URL.search(target.lower()):
            node.insert_after(" [แผนที่] ")


_PHOTO_NAME = re.compile(
    r"(?:^|[/_-])(?:img|dsc|dscn|dscf|pxl|p\d{6,}|photo|gallery|thumb|slide|avatar|bg)[_-]?\d*",
    re.IGNORECASE,
)
_MIN_SIDE = 200  # pixels (width/height attributes): smaller pictures are buttons and icons
_GALLERY = 6  # more content pictures than this on one page: a photo gallery or a home page


def _content_images(tree: LexborHTMLParser, base: str) -> list[Link]:
    """Pictures in the page's own content that may carry text (an announcement, a table,
    an infographic): not in menus, headers or footers, not icons, logos or camera photos."""
    found: list[Link] = []
    for image in tree.css("img"):
        attrs = image.attributes
        src = (attrs.get("src") or attrs.get("data-src") or "").strip()
        name = src.lower().rsplit("/", 1)[-1]
        if not src or src.startswith("data:") or name.endswith((".svg", ".gif")):
            continue
        if any(word in src.lower() for word in ("icon", "logo", "banner", "spacer", "button")):
            continue
        if _PHOTO_NAME.search(name) or _too_small(attrs) or _in_chrome(image):
            continue
        url = urldefrag(urljoin(base, src))[0]
        if url.startswith(("http://", "https://")):
            found.append(Link(url, _clean(attrs.get("alt") or attrs.get("title") or "")))
    unique = list({link.url: link for link in found}.values())
    return [] if len(unique) > _GALLERY else unique


def _too_small(attrs: dict[str, str | None]) -> bool:
    for side in ("width", "height"):
        value = (attrs.get(side) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < _MIN_SIDE:
            return True
    return False


def _in_chrome(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag in ("nav", "header", "footer", "aside", "a"):
            return True  # a picture inside a link is a button or leads to its own page
        name = f"{parent.attributes.get('class') or ''} {parent.attributes.get('id') or ''}"
        if parent.attributes.get("role") in ("navigation", "banner") or _CHROME_NAME.search(name):
            return True
        parent = parent.parent
    return False


def _mark_images(tree: LexborHTMLParser) -> None:
    """Put "[ภาพ]" (and the alt text) where content images are, so that an element such as
    "รูปถ่าย" of an executive can be seen in the text; icons and logos are left out."""
    for image in tree.css("img"):
        attrs = image.attributes
        src = (attrs.get("src") or "").lower()
        if any(word in src for word in ("icon", "logo", "banner", "spacer")):
            continue
        alt = (attrs.get("alt") or "").strip()
        image.replace_with(f" [ภาพ] {alt} ")


def _clean(text: str) -> str:
    return squash_spaces(normalize(text))


def _first_text(tree: LexborHTMLParser, selector: str) -> str:
    node = tree.css_first(selector)
    return node.text() if node is not None else ""


def _base_href(tree: LexborHTMLParser, page_url: str) -> str:
    node = tree.css_first("base[href]")
    href = (node.attributes.get("href") or "").strip() if node is not None else ""
    return urljoin(page_url, href) if href else page_url


def resolve(href: str, base_url: str) -> str:
    """href made absolute without its fragment; "" when it is not an http(s) link."""
    href = href.strip()
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return ""
    try:
        url, _fragment = urldefrag(urljoin(base_url, href))
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    if scheme in ("http", "https"):
        return unwrap(url)
    return url if scheme in ("mailto", "tel") else ""


def _links(tree: LexborHTMLParser, base: str) -> list[Link]:
    # One link per URL and text: the ITA page's "ข้อมูลผู้บริหาร" must not be lost to the
    # menu's "ผู้บริหาร" for the same page.
    seen: dict[tuple[str, str], Link] = {}
    root = tree.body or tree.root
    sections = Sections(tree, root) if root is not None else None
    for tag, attribute in _LINK_SOURCES:
        for node in tree.css(f"{tag}[{attribute}]"):
            url = resolve(node.attributes.get(attribute) or "", base)
            text = _link_text(node)
            context = sections.of(node) if sections is not None else ""
            row = _row_text(node)
            # A PDF shown in a viewer ("…/pdfjs/web/viewer.php?file=…/plan.pdf") is the file.
            for target in (url, _viewed_file(url)):
                if target and (target, text) not in seen:
                    seen[(target, text)] = Link(target, text, context=context, row=row)
    return list(seen.values())


_ROW_MAX = 200  # characters of a row worth keeping (a long list item is a paragraph)


def _row_text(node: LexborNode) -> str:
    """The text of the table row or list item a link sits in ("แผนการดำเนินงาน 2568 |
    ดาวน์โหลด"): what a "ดาวน์โหลด" link is about."""
    parent = node.parent
    for _ in range(6):
        if parent is None or parent.tag in ("body", "html"):
            return ""
        if parent.tag in ("tr", "li"):
            text = _clean(parent.text(separator=" ") or "")
            return text if len(text) <= _ROW_MAX else ""
        parent = parent.parent
    return ""


_VIEWED = re.compile(r"\.(?:pdf|docx?|xlsx?)$", re.IGNORECASE)


def _viewed_file(url: str) -> str:
    """The document a viewer page shows, from its ``file=`` (or ``url=``/``src=``) query."""
    if not url or "?" not in url:
        return ""
    query = parse_qs(urlsplit(url).query)
    for name in ("file", "url", "src"):
        for value in query.get(name, ()):
            target = urljoin(url, value.strip())
            if target.startswith(("http://", "https://")) and _VIEWED.search(urlsplit(target).path):
                return urldefrag(target)[0]
    return ""


def _link_text(node: LexborNode) -> str:
    text = _clean(node.text() or "")
    if not text:
        attrs = node.attributes
        text = _clean(attrs.get("title") or attrs.get("aria-label") or "")
        image = node.css_first("img")
        if not text and image is not None:
            text = _clean(image.attributes.get("alt") or image.attributes.get("title") or "")
    return text[:300]


def _link_channels(links: list[Link]) -> list[Channel]:
    found: list[Channel] = []
    for link in links:
        kind = _channel_of_url(link.url) or _channel_of_text(link.text)
        if kind:
            found.append(Channel(kind=kind, url=link.url, text=link.text))
    return found


def _channel_of_url(url: str) -> str:
    lowered = url.lower()
    if lowered.startswith("mailto:"):
        return "email"
    if lowered.startswith("tel:"):
        return "phone"
    host = (urlsplit(url).hostname or "").lower()
    if host == "forms.gle" or (host == "docs.google.com" and "/forms/" in lowered):
        return "form"  # agencies often take complaints and opinions through Google Forms
    for suffix, kind in _SOCIAL_HOSTS:
        if host == suffix or host.endswith("." + suffix):
            return kind
    return ""


def _channel_of_text(text: str) -> str:
    if _WEBBOARD.search(text):
        return "webboard"
    if _ESERVICE.search(text):
        return "eservice"
    return ""


def _widget_channels(tree: LexborHTMLParser) -> list[Channel]:
    """Chat widgets are scripts or empty containers, so they are read before cleaning."""
    for node in tree.css("script, div[class], div[id], iframe[src]"):
        attrs = node.attributes
        marker = " ".join(
            str(attrs.get(name) or "") for name in ("src", "class", "id", "data-page_id")
        )
        if node.tag == "script" and not attrs.get("src"):
            marker += " " + (node.text() or "")[:2000]
        if _CHAT_MARKERS.search(marker):
            return [Channel(kind="chat", text=_CHAT_MARKERS.search(marker).group(0))]  # type: ignore[union-attr]
    return []


def _form_channels(tree: LexborHTMLParser, base: str) -> list[Channel]:
    """Forms a person can write to the agency with: a textarea, not a search or login box."""
    found: list[Channel] = []
    for form in tree.css("form"):
        html = form.html or ""
        if 'type="password"' in html.lower() or form.css_first("textarea") is None:
            continue
        action = resolve(form.attributes.get("action") or "", base) or base
        label = _clean(form.text(separator=" "))[:200]
        if _SEARCH_FORM.search(label) and len(label) < 20:
            continue
        found.append(Channel(kind="form", url=action, text=label))
    return found
