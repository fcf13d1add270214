"""Find the pages that speak for an item.

1. The agency's own index page names links for the item: those pages (and the documents
   listed on them) are the evidence, good or bad, as they are what assessors will open.
2. Otherwise pages whose label (title, headings, texts of links leading there) holds one of
   the item's keywords or its title; failed links count too, by their link text.
3. Otherwise documents whose opening text holds at least two of the item's keywords.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openita.frameworks.schema import Item
from openita.lib.thaitext import fold
from openita.sitecheck.index_page import IndexEntry

from .elements import title_groups
from .site import DOCUMENT_KINDS, PageView, SiteView

_MAX_EVIDENCE = 4
_MAX_SPARE = 4
_DOC_HEAD = 3000
_NEAR_BEST = 0.75
_OTHER_KIND = 0.5
REPORT_WORDS = ("รายงาน", "สรุปผล")
_TITLE_SHARE = 0.6
_HEAD_WEIGHT = 0.7
_TELLING = 14  # characters of a keyword that names one item only


@dataclass
class Found:
    source: str  # "index", "label", "content" or "" (nothing found)
    views: list[PageView] = field(default_factory=list)
    listed_without_link: bool = False  # the index page names the item but links nothing
    # Pages the item names less precisely than its evidence: they join it when they show
    # what the evidence lacks.
    spare: list[PageView] = field(default_factory=list)


def keywords(item: Item) -> list[str]:
    keys = [fold(k).replace(" ", "") for k in [*item.hints.keywords, item.title] if k.strip()]
    # "การบริหารจัดการความเสี่ยง" is also written "แผนบริหารจัดการความเสี่ยง".
    keys = [*keys, *(k[3:] for k in keys if k.startswith("การ") and len(k) > 10)]
    title = fold(item.title).replace(" ", "")
    return [*dict.fromkeys(k for k in keys if len(k) >= 2 and k != title), title]


@dataclass
class Claims:
    """Which item each page belongs to: ``best`` holds, per page (by id), the strongest claim
    any item makes on it; ``keys`` the phrases each item claims pages by (code → phrases)."""

    best: dict[int, float]
    keys: dict[str, list[str]]


def best_label_scores(site: SiteView, items: list[Item]) -> Claims:
    """For each page, the best claim any item makes: a page goes to the item that names it
    most precisely ("รายงานผลการจัดซื้อจัดจ้าง" rather than "จัดซื้อจัดจ้าง")."""
    keys = {item.code: keywords(item) for item in items}
    best = {id(v): max((_claim(v, k) for k in keys.values()), default=0) for v in site.views}
    return Claims(best, keys)


def _claim(view: PageView, keys: list[str]) -> float:
    """How strongly a page is about an item: by its label, or by a document's opening, or
    by the longest run of the item's title it holds ("สถิติเรื่องร้องเรียนการทุจริตและ
    ประพฤติมิชอบ" names the statistics item, though its tail is the complaint channel's
    keyword); the run counts only on a page one of the item's keywords names."""
    # What the page is called says more than what its opening mentions (a plan's projects
    # mention risks; it is still the plan).
    named = max(_label_score(view, keys), _HEAD_WEIGHT * _head_score(view, keys))
    if not named:
        return 0
    head = view.body[:_DOC_HEAD] if view.page.kind in DOCUMENT_KINDS else ""
    return max(named, _title_run(keys[-1], f"{view.label} {head}") * _kind_factor(view, keys))


def _title_run(title: str, text: str) -> int:
    """Length of the longest piece of title found in text (a binary search on the length:
    if a piece of n characters is there, so is one of n - 1)."""
    low, high = 0, len(title)
    while low < high:
        size = (low + high + 1) // 2
        if any(title[at : at + size] in text for at in range(len(title) - size + 1)):
            low = size
        else:
            high = size - 1
    return low


def find(
    item: Item,
    site: SiteView,
    entry: IndexEntry | None,
    index_url: str,
    claims: Claims,
) -> Found:
    best = claims.best
    mine = claims.keys.get(item.code) or keywords(item)
    if entry is not None:
        if not entry.links:
            return Found("", listed_without_link=True)
        # Another index page (last year's, linked after the last item) is no evidence.
        views = [
            v for link in entry.links if (v := site.get(link.url)) is not None and not v.page.index
        ]
        if views:
            return Found("index", with_children(views, site))
    keys = keywords(item)
    excluded = {index_url, site.start_url}
    labelled = _ranked(site, keys, excluded, by_label=True)
    labelled = [v for v in labelled if _claim(v, mine) >= best.get(id(v), 0)]
    spare: list[PageView] = []
    if labelled:
        # Pages named far less precisely than the best one are about something else
        # (an e-service page beside the service statistics).
        top = _label_score(labelled[0], keys)
        near = [v for v in labelled if _label_score(v, keys) >= _NEAR_BEST * top]
        spare = [v for v in labelled if v not in near[:_MAX_EVIDENCE]][:_MAX_SPARE]
        labelled = near
    if labelled:
        chosen = _facets(item, site, labelled[:_MAX_EVIDENCE], excluded)
        spare = [v for v in spare if v not in chosen]
        return Found("label", with_children(chosen, site), spare=spare)
    # A document whose label names another item (the anti-corruption plan) is that item's.
    content = [
        v
        for v in _ranked(site, keys, excluded, by_label=False)
        if best.get(id(v), 0) <= _claim(v, mine)
    ]
    if content:
        return Found("content", content[:_MAX_EVIDENCE])
    worded = _by_title_words(item, site, excluded, best)
    return Found("label", with_children(worded, site)) if worded else Found("")


def _facets(
    item: Item, site: SiteView, chosen: list[PageView], excluded: set[str]
) -> list[PageView]:
    """An item with several facets ("โครงสร้าง" and "หน้าที่และอำนาจ") is often on several
    pages: for each element whose keywords no chosen page names, add the nearest page that
    names one."""
    chosen = list(chosen)
    for element in item.elements:
        keys = [fold(k).replace(" ", "") for k in element.keywords]
        if not keys or any(k in v.label for v in chosen for k in keys):
            continue
        extra = [
            v
            for v in site.views
            if any(k in v.label for k in keys)
            and not v.page.index
            and v.page.url not in excluded
            and v.page.final_url not in excluded
        ]
        if extra:
            chosen.append(min(extra, key=lambda v: (v.page.depth, v.page.url)))
    return chosen


def _by_title_words(
    item: Item, site: SiteView, excluded: set[str], best: dict[int, float]
) -> list[PageView]:
    """Last resort: a page no item's keywords name, whose label holds most of the item
    title's own words, in any order ("คู่มือการขอรับบริการ" for "คู่มือหรือแนวทางการขอรับ
    บริการสำหรับผู้รับบริการ…"; agencies seldom copy the rubric's titles)."""
    wanted = title_groups(item.title)
    if len(wanted) < 2:
        return []
    scored = []
    for view in site.views:
        if best.get(id(view)) or view.page.index or view.page.url in excluded:
            continue
        label = view.label
        hits = sum(1 for group in wanted if any(word in label for word in group))
        if hits >= max(2, round(_TITLE_SHARE * len(wanted))):
            scored.append((-hits, view.page.depth, view.page.url, view))
    scored.sort(key=lambda row: row[:3])
    return [row[3] for row in scored[:2]]


def _ranked(
    site: SiteView, keys: list[str], excluded: set[str], *, by_label: bool
) -> list[PageView]:
    scored: list[tuple[float, int, PageView]] = []
    for view in site.views:
        if view.page.final_url in excluded or view.page.url in excluded or view.page.index:
            continue
        if by_label:
            score = _label_score(view, keys)
        elif view.page.kind in DOCUMENT_KINDS:
            score = _head_score(view, keys)
        else:
            score = 0
        if score > 0:
            scored.append((score, view.page.depth, view))
    scored.sort(key=lambda row: (-row[0], row[1], row[2].page.url))
    return [view for _score, _depth, view in scored]


def _head_score(view: PageView, keys: list[str]) -> float:
    """How well a document's opening text names the item; one long, specific keyword is as
    telling as two short ones."""
    if view.page.kind not in DOCUMENT_KINDS:
        return 0
    head = view.body[:_DOC_HEAD]
    hits = [k for k in keys if k in head]
    telling = len(hits) >= 2 or any(len(k) >= _TELLING for k in hits)
    return sum(len(k) for k in hits) * _kind_factor(view, keys) if telling else 0


def _label_score(view: PageView, keys: list[str]) -> float:
    """The characters of the item's keywords the label holds: longer and more matches weigh
    more ("แผนปฏิบัติการป้องกันการทุจริต" says more than "ประชาสัมพันธ์", which half the
    pages of a site carry), and an item named by two of its phrases beats one named by a
    single long phrase that merely occurs in the label."""
    label = view.label
    hits = [k for k in keys if k in label]
    if not hits:
        return 0
    score = sum(len(k) for k in hits) - (0 if view.page.kind in DOCUMENT_KINDS else 0.5)
    return score * _kind_factor(view, keys)


def _kind_factor(view: PageView, keys: list[str]) -> float:
    """A report is evidence for the report items ("รายงานผล…ตามแผนปฏิบัติการป้องกันการทุจริต"
    belongs to the plan's report, not to the plan); keys[-1] is the item's title."""
    report = _is_report(view.label) or view.body[:40].startswith(REPORT_WORDS)
    return _OTHER_KIND if report and not _is_report(keys[-1]) else 1.0


def _is_report(folded: str) -> bool:
    return any(part.startswith(REPORT_WORDS) for part in folded.split("|"))


def with_children(views: list[PageView], site: SiteView) -> list[PageView]:
    """A listing page brings the documents it links to (first reached from it)."""
    out: list[PageView] = []
    for view in views:
        out.append(view)
        if view.page.kind == "html":
            out += [c for c in site.children(view) if c.page.kind in DOCUMENT_KINDS][:6]
    unique = {id(view): view for view in out}
    return list(unique.values())
