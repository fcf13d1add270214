"""The verdict on each item, from the evidence, its elements and its period.

1. No evidence: ``missing`` (a channel item is looked for among the site's channels).
2. Every evidence page failed (dead, login wall, empty, unreadable): ``broken``.
3. The evidence names fiscal years and none fits the item's coverage rule: ``outdated``.
4. A required element is not shown: ``partial``.
5. Otherwise ``found``.
The confidence starts from how the evidence was found (the agency's index page says most)
and falls with missing elements, unknown years and a crawl cut short by its limits.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote

from openita.frameworks.schema import Element, Framework, Item
from openita.lib.thaidate import fill_year_placeholders
from openita.lib.thaitext import excerpt, fold, normalize_for_match, words
from openita.lib.thaiyears import find_dates, fiscal_years_of
from openita.sitecheck.crawl.settings import DOCUMENT_HOSTS
from openita.sitecheck.crawl.urls import looks_like_document, on_hosts
from openita.sitecheck.index_page import IndexEntry
from openita.sitecheck.report import Evidence, ItemResult

from . import elements
from .evidence import Claims, Found, best_label_scores, find, keywords, with_children
from .site import DOCUMENT_KINDS, PageView, SiteView
from .vocabulary import vocabulary

_BASE_CONFIDENCE = {"index": 0.9, "label": 0.8, "content": 0.6, "channel": 0.75}
_QUOTE_SPAN = 120
_HEAD = 1500  # where a document says what it is about
_NEAR = 300  # characters around a keyword where its years are read
_NEAR_HITS = 8
_PICTURE_RULES = frozenset({"words", "keywords", "any_of"})
_PICTURE_CONFIDENCE = 0.75
_TITLE_WORD = 4  # characters of a title word that can name a picture
_READ_PICTURE = 200  # characters OCR must read for a picture to speak for itself
_AS_OF_CHARS = 20_000  # of a document's text searched for the day its data is as of
_WRAPPER_TEXT = 500  # characters of its own below which a page only presents its documents
_PERIOD_COVERAGE = frozenset({"fy_data", "previous_fy", "first_half"})


def accepted_years(item: Item, fiscal_year: int) -> set[int] | None:
    """Fiscal years the item's evidence may be of; None when its period is not checked."""
    if item.coverage == "channel":
        return None
    if "period" not in item.hints.checks and item.coverage not in _PERIOD_COVERAGE:
        return None
    return {fiscal_year - 1} if item.coverage == "previous_fy" else {fiscal_year}


def judge_all(
    framework: Framework, site: SiteView, *, crawl_complete: bool = True
) -> tuple[str, list[ItemResult]]:
    """(URL of the index page used or "", one result per item in framework order)."""
    codes = {item.code for item in framework.items}
    index_url, entries = site.index_entries(framework.fiscal_year, codes)
    if not entries:
        index_url, entries = site.title_index(framework.fiscal_year, framework.items)
    best = best_label_scores(site, framework.items)
    results = [
        _judge(item, framework.fiscal_year, site, entries.get(item.code), index_url, best)
        for item in framework.items
    ]
    for result in results:
        result.elements_found = [
            fill_year_placeholders(t, framework.fiscal_year) for t in result.elements_found
        ]
        result.elements_missing = [
            fill_year_placeholders(t, framework.fiscal_year) for t in result.elements_missing
        ]
    if not crawl_complete:
        for result in results:
            if result.verdict == "missing":
                result.confidence = round(result.confidence * 0.6, 2)
                result.reasons.append("the crawl stopped at a limit; the item may be deeper")
    return index_url, results


def _judge(
    item: Item,
    fiscal_year: int,
    site: SiteView,
    entry: IndexEntry | None,
    index_url: str,
    best: Claims,
) -> ItemResult:
    result = ItemResult(code=item.code, title=item.title, verdict="missing", confidence=0.0)
    found = find(item, site, entry, index_url, best)
    if entry is not None:
        result.reasons.append(f"the agency's index page lists {item.code}")
    if found.listed_without_link:
        result.reasons.append("the index page names the item but links nothing")
    if item.hints.channels and (not found.views or item.coverage == "channel"):
        found = _with_channels(item, site, found)
    placeholders = [v for v in found.views if v.placeholder and not v.failed]
    if placeholders:
        found = Found(found.source, [v for v in found.views if v not in placeholders])
        result.reasons += [f"{v.page.url}: the page says it is still being prepared"
                           for v in placeholders]  # fmt: skip
    if not found.views:
        result.confidence = 0.8
        result.elements_missing = [e.text for e in item.elements if e.required]
        result.reasons.append("no page, document or channel of the site matches the item")
        return result
    _decide(result, item, fiscal_year, site, found)
    return result


def _with_channels(item: Item, site: SiteView, found: Found) -> Found:
    """Channel items are judged from the channels themselves: forms, chat widgets, links to
    LINE or Facebook… on pages of the site (the pages about the item first)."""
    wanted = {kind for c in item.hints.channels for kind in vocabulary().channels.get(c, ())}
    pages = found.views or [v for v in site.views if not v.page.offsite]
    keys = keywords(item)
    holders = [v for v in pages if any(c.kind in wanted for c in v.page.channels)]
    about = [v for v in holders if any(k in v.label or k in v.body[:3000] for k in keys)]
    chosen = about or (holders if "complaint" not in item.hints.channels else [])
    if not chosen:
        return found
    chosen.sort(key=lambda v: v.page.depth)
    return Found(found.source or "channel", chosen[:3])


def _decide(result: ItemResult, item: Item, fiscal_year: int, site: SiteView, found: Found) -> None:
    hollow = {id(v) for v in found.views if not v.failed and _hollow(v, site)}
    good = [v for v in found.views if not v.failed and id(v) not in hollow]
    result.evidence = [_evidence(v, item, site) for v in (good or found.views)]
    if not good:
        result.verdict, result.confidence = "broken", 0.9
        result.elements_missing = [e.text for e in item.elements if e.required]
        for view in found.views:
            if id(view) in hollow:
                result.reasons.append(f"{view.page.url}: no document it offers can be opened")
                result.reasons += [f"{d.page.url}: {d.failure}" for d in _documents(view, site)]
            else:
                result.reasons.append(f"{view.page.url}: {view.failure}")
        result.reasons = list(dict.fromkeys(result.reasons))
        return
    accepted = accepted_years(item, fiscal_year)
    period_ok, checks = _assess(item, good, site, accepted)
    missing = _missing(checks)
    for spare in found.spare:
        if not missing:
            break
        # A page named a little less precisely (the investment list beside the progress
        # sheet) joins the evidence when it shows what the evidence lacks.
        more = [
            v
            for v in with_children([spare], site)
            if not v.failed and v not in good and _of_period(v, accepted)
        ]
        trial = _assess(item, good + more, site, accepted)
        if len(_missing(trial[1])) < len(missing) and trial[0] is not False:
            good = good + more
            period_ok, checks = trial
            missing = _missing(checks)
            result.evidence += [_evidence(v, item, site) for v in more]
    result.years = sorted(set().union(*(v.years for v in good)))
    failures = _current_failures(good, site, (accepted or set()) | {fiscal_year})
    if period_ok is False and failures:
        # Only older years open: this year's document is there but dead (a 404 under the
        # "ปีงบประมาณ 2569" heading of a page that keeps several years).
        result.verdict, result.confidence = "broken", 0.8
        result.elements_missing = [e.text for e in item.elements if e.required]
        result.reasons += ["this fiscal year's document cannot be opened", *failures]
        return
    unread = [c for c in checks if c.required and not c.found and c.rule in _PICTURE_RULES]
    if unread and _pictured(good, site, item):
        # OCR misses small and stylised print (the labels of an infographic); an assessor
        # reads the picture. Its details are taken as shown, with less confidence.
        checks = [replace(c, found=True, rule="picture") if c in unread else c for c in checks]
        result.reasons.append(
            "the evidence is a picture whose details could not all be read; taken as shown"
        )
    result.elements_found = [c.text for c in checks if c.found]
    result.elements_missing = [c.text for c in checks if c.required and not c.found]
    _verdict(result, found.source, accepted, period_ok, checks)
    if any(c.rule == "picture" for c in checks):
        result.confidence = round(result.confidence * _PICTURE_CONFIDENCE, 2)


def _assess(
    item: Item, good: list[PageView], site: SiteView, accepted: set[int] | None
) -> tuple[bool | None, list[elements.ElementCheck]]:
    """The evidence's period (see ``_overall_period``) and every element's check."""
    periods = {
        id(e): _element_period(e, _described(good, site), accepted)
        for e in item.elements
        if elements.is_period(e)
    }
    period_ok = _overall_period(item, good, accepted, periods)
    # Channel words ("Live Chat", "LINE") speak only for channel items: any page's menu
    # links to the e-service, which says nothing about service statistics.
    channel_words = _channel_words(good) if item.hints.channels else ""
    text = " ".join([*(v.label for v in good), *(v.body for v in good), channel_words])
    reachable = any(v.page.depth <= 8 and (v.page.parent or v.page.depth == 0) for v in good)
    checks = elements.check_all(
        item.elements, text, reachable=reachable, periods=periods, scoped=_scoped(item, good)
    )
    return period_ok, checks


def _current_failures(good: list[PageView], site: SiteView, years: set[int]) -> list[str]:
    """Documents the evidence pages link for one of years (by the link's text or the heading
    of its section) that cannot be opened."""
    out: list[str] = []
    for view in good:
        if view.page.kind != "html":
            continue
        for link in view.page.links:
            target = site.get(link.url)
            if target is None or not target.failed or not _is_document(target):
                continue
            if fiscal_years_of(f"{link.text} {link.context}") & years:
                out.append(f"{target.page.url}: {target.failure}")
    return list(dict.fromkeys(out))


def _is_document(view: PageView) -> bool:
    url = view.page.url
    return (
        view.page.kind in DOCUMENT_KINDS
        or looks_like_document(url)
        or on_hosts(url, DOCUMENT_HOSTS)
    )


def _of_period(view: PageView, accepted: set[int] | None) -> bool:
    """Whether a page may speak for the item's period: no year read (in its title and the
    link to it first), or a year it accepts (another year's report does not fill in what
    this year's evidence lacks)."""
    if accepted is None:
        return True
    years = fiscal_years_of(f"{view.page.title} {view.page.via_text}") or view.years
    return not years or bool(years & accepted)


def _missing(checks: list[elements.ElementCheck]) -> list[str]:
    return [c.text for c in checks if c.required and not c.found]


def _scoped(item: Item, good: list[PageView]) -> dict[int, str]:
    """The text of the evidence each scoped element concerns (see ``scopes`` in
    vocabulary.yaml): the progress report's details are looked for in the progress report."""
    out: dict[int, str] = {}
    for element in item.elements:
        if elements.is_period(element):
            continue
        text = fold(element.text).replace(" ", "")
        for marker, names in vocabulary().scopes:
            if marker in text:
                about = [v for v in good if any(n in v.label or n in v.body[:_HEAD] for n in names)]
                out[id(element)] = " ".join([*(v.label for v in about), *(v.body for v in about)])
                break
    return out


def _documents(view: PageView, site: SiteView) -> list[PageView]:
    """The documents a page links to, read or not (a dead link to a PDF is one, and so is a
    Drive file behind a sign-in)."""
    return [c for c in site.children(view) if _is_document(c)]


def _hollow(view: PageView, site: SiteView) -> bool:
    """A short page that only presents documents (an item's page on the agency's ITA
    section: its title, a line of description, the links) whose every document failed:
    what it offers cannot be opened."""
    if view.page.kind != "html" or len(view.page.own_text or "") > _WRAPPER_TEXT:
        return False
    documents = _documents(view, site)
    return bool(documents) and all(d.failed for d in documents)


def _pictured(good: list[PageView], site: SiteView, item: Item) -> bool:
    """Whether the evidence shows the item in pictures only: pictures named after the item
    (by file name, alt text, link text or what OCR read: a keyword, or two words of its
    title) and short pages presenting them (a post of an infographic with its caption). A
    news item's cover photo is no such picture."""
    keys = keywords(item)
    generic = vocabulary().generic
    title = {w for w in words(fold(item.title)) if len(w) >= _TITLE_WORD and w not in generic}

    def named(*texts: str) -> bool:
        said = fold(unquote(" ".join(texts))).replace(" ", "")
        if any(key in said for key in keys):
            return True
        return sum(1 for word in title if word in said) >= min(2, len(title))

    def picture(view: PageView) -> bool:
        page = view.page
        return page.kind == "image" and named(page.url, page.title, page.via_text, page.text[:300])

    def presents_pictures(view: PageView) -> bool:
        if view.page.kind != "html" or len(view.page.own_text or "") > _WRAPPER_TEXT:
            return False
        shown = [c for c in site.children(view) if c.page.kind in DOCUMENT_KINDS]
        if any(not picture(c) for c in shown):
            return False
        return bool(shown) or any(named(i.url, i.text) for i in view.page.images)

    pictures = [v for v in good if picture(v) or presents_pictures(v)]
    return bool(pictures) and len(pictures) == len(good)


def _described(good: list[PageView], site: SiteView) -> list[PageView]:
    """The evidence without the short pages that only present documents of the evidence
    they link to ("แผน… และรายงานความก้าวหน้า (Excel)"): the documents must show it. A
    picture with little readable text does not: its caption on the page says the period."""
    documents = {
        id(v)
        for v in good
        if v.page.kind in DOCUMENT_KINDS
        and (v.page.kind != "image" or len(v.page.text or "") >= _READ_PICTURE)
    }
    if not documents:
        return good
    return [
        v
        for v in good
        if v.page.kind != "html"
        or len(v.page.own_text or "") > _WRAPPER_TEXT
        or not any(id(c) in documents for c in site.children(v))
    ]


def _element_period(
    element: Element, good: list[PageView], accepted: set[int] | None
) -> bool | None:
    """A period element is judged on the evidence it is about: "ความก้าวหน้า ณ 31 มีนาคม"
    on the progress report, not on the annual plan beside it (its keywords tell which)."""
    if accepted is None:
        return None
    keys = [fold(k).replace(" ", "") for k in element.keywords]
    about = [v for v in good if any(k in v.label or k in v.body[:_HEAD] for k in keys)]
    # A long page may show it anywhere (an ethics section of a governance page): the years
    # written near those words count.
    nearby = set().union(*(_years_near(v, keys) for v in good if v.page.kind == "html"))
    if keys and not about and not nearby:
        return None  # nothing shows what this element asks for (a progress report, say)
    # The pages that show the element (an activity's news item beside a code of ethics
    # issued years ago) speak for its period as much as documents do.
    if about:
        ok = _period_ok(about, accepted, documents_decide=False)
    else:
        ok = _period_ok(good, accepted) if not keys else None
    if ok is not True and nearby:
        ok = bool(nearby & accepted)
    text = fold(element.text).replace(" ", "")
    for marker, shown_by in vocabulary().cutoffs:
        if ok and marker in text:
            # The right year, but up to the cut-off day? (A first-quarter report is not.)
            ok = _reaches(element, about or good, shown_by, max(accepted))
    return ok


_AS_OF = re.compile(r"ณ\s*(?:วันที่)?\s*")


def _reaches(
    element: Element, views: list[PageView], shown_by: tuple[str, ...], fy: int
) -> bool | None:
    """Whether the evidence reaches the element's cut-off day: by the day its data is "as of"
    ("ข้อมูล ณ วันที่ ๒๘ กุมภาพันธ์ ๒๕๖๙" does not reach 31 March), else by words that name
    a period reaching it ("รอบ 6 เดือน")."""
    cutoff = find_dates(fill_year_placeholders(element.text, fy))
    as_of = []
    for view in views:
        text = view.page.text[:_AS_OF_CHARS]
        for match in _AS_OF.finditer(text):
            dates = find_dates(text[match.end() : match.end() + 40])
            if dates and dates[0].start <= 2:
                as_of.append(dates[0].date)
    if cutoff and as_of:
        return True if max(as_of) >= cutoff[-1].date else None
    seen = " ".join(v.label + v.body for v in views)
    return True if any(word in seen for word in shown_by) else None


def _years_near(view: PageView, keys: list[str]) -> set[int]:
    """Fiscal years written within a few lines of where the page's body names one of keys."""
    windows = []
    for key in keys:
        at = view.body.find(key)
        while at >= 0 and len(windows) < _NEAR_HITS:
            windows.append(view.body[max(0, at - _NEAR) : at + len(key) + _NEAR])
            at = view.body.find(key, at + len(key))
    return fiscal_years_of(" ".join(windows)) if windows else set()


def _overall_period(
    item: Item, good: list[PageView], accepted: set[int] | None, periods: dict[int, bool | None]
) -> bool | None:
    """False when a required period element fails; None when no year could be read."""
    if accepted is None:
        return None
    required = [periods[id(e)] for e in item.elements if id(e) in periods and e.required]
    if not required:
        return _period_ok(good, accepted)
    if any(ok is False for ok in required):
        return False
    return True if any(ok for ok in required) else None


def _period_ok(
    good: list[PageView], accepted: set[int] | None, *, documents_decide: bool = True
) -> bool | None:
    if accepted is None:
        return None
    documents = [v for v in good if v.page.kind in DOCUMENT_KINDS and v.years]
    if documents and documents_decide:
        # A listing page's dates ("updated 2568", news beside it) are not the period of the
        # documents it lists: when documents are in the evidence, their years decide.
        good = documents
    with_years = [v for v in good if v.years]
    if not with_years:
        return None
    return any(v.years & accepted for v in with_years)


def _verdict(
    result: ItemResult,
    source: str,
    accepted: set[int] | None,
    period_ok: bool | None,
    checks: list[elements.ElementCheck],
) -> None:
    required = [c for c in checks if c.required]
    shown = sum(1 for c in required if c.found) / len(required) if required else 1.0
    confidence = _BASE_CONFIDENCE.get(source, 0.6) * (0.6 + 0.4 * shown)
    if period_ok is False:
        result.verdict = "outdated"
        want = ", ".join(str(y) for y in sorted(accepted or ()))
        seen = ", ".join(str(y) for y in result.years)
        result.reasons.append(f"the evidence is of fiscal year {seen}; the item needs {want}")
        confidence = _BASE_CONFIDENCE.get(source, 0.6) * 0.95
    elif result.elements_missing:
        result.verdict = "partial"
        result.reasons.append(f"{len(result.elements_missing)} required element(s) not shown")
    else:
        result.verdict = "found"
    if accepted is not None and period_ok is None:
        result.reasons.append("no fiscal year could be read in the evidence")
        confidence *= 0.8
    result.confidence = round(min(max(confidence, 0.05), 0.99), 2)


def _channel_words(views: list[PageView]) -> str:
    words = vocabulary().channel_words
    return fold(" ".join(w for v in views for c in v.page.channels for w in words.get(c.kind, ())))


def _evidence(view: PageView, item: Item, site: SiteView) -> Evidence:
    page = view.page
    return Evidence(
        url=page.url,  # the link as the agency gave it, not where Drive's download ends
        quote=_quote(page.text or page.title or page.via_text, keywords(item)),
        depth=page.depth,
        title=page.title or page.via_text,
        path=site.path(view),
    )


def _quote(text: str, keys: list[str]) -> str:
    """A short excerpt around the first keyword found, as read (not folded)."""
    plain = normalize_for_match(text)
    folded = fold(plain)
    for key in keys:
        at = folded.find(key)
        if at >= 0:
            # fold() keeps positions except where it drops marks, so the window may shift
            # by a few characters; excerpt() cuts between words anyway.
            return excerpt(plain, at, _QUOTE_SPAN)
    return excerpt(plain, 0, _QUOTE_SPAN)
