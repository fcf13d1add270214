"""Which OIT item a generated document is evidence for, read from the frameworks' data.

The measures item changes code from year to year (FY2565/2566 O42 and O43, FY2568 O27 and
O28, FY2569 O25 and O26), so no code appears here. An item is recognised by its text:

1. An item whose title, topic or keywords name "ส่งเสริมคุณธรรมและความโปร่งใส" concerns the
   integrity measures.
2. Of those, one whose title speaks of carrying out or reporting on the measures
   (``REPORT_MARKERS``) takes the report on the measures; any other takes the measures document.
3. When several items qualify, the one continuing (``continues``) an item of the same kind in
   the plan's own framework wins, then the one naming the phrase in its title, then the first.

This module imports no Django: it works on plain ``ItemText`` values, built from framework
files or item rows alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openita.lib.thaitext import normalize

MEASURES_PHRASE = "ส่งเสริมคุณธรรมและความโปร่งใส"
REPORT_MARKERS = ("การดำเนินการตามมาตรการ", "รายงานผล")
MEASURES = "measures"
REPORT = "report"


@dataclass(frozen=True)
class ItemText:
    code: str
    number: int
    title: str
    topic: str = ""
    keywords: tuple[str, ...] = ()
    continues: tuple[str, ...] = ()


def item_text(code: str, number: int, fields: Mapping[str, Any]) -> ItemText:
    """From a framework document's item (a dict) or an item row's fields."""
    hints = fields.get("hints") or {}
    return ItemText(
        code=code,
        number=number,
        title=normalize(str(fields.get("title", ""))),
        topic=normalize(str(fields.get("topic", "") or "")),
        keywords=tuple(normalize(str(k)) for k in hints.get("keywords", [])),
        continues=tuple(fields.get("continues") or ()),
    )


def document_kind(item: ItemText) -> str | None:
    """``measures``, ``report`` or None for an item that is not about the integrity measures."""
    texts = (item.title, item.topic, *item.keywords)
    if not any(MEASURES_PHRASE in text for text in texts):
        return None
    return REPORT if any(marker in item.title for marker in REPORT_MARKERS) else MEASURES


def matching_item(
    kind: str, items: Iterable[ItemText], plan_items: Sequence[ItemText] = ()
) -> ItemText | None:
    """The item of ``items`` (the next framework) that takes the document of ``kind``."""
    candidates = [item for item in items if document_kind(item) == kind]
    if not candidates:
        return None
    sources = {item.code for item in plan_items if document_kind(item) == kind}

    def rank(item: ItemText) -> tuple[bool, bool, int]:
        continued = bool(sources & set(item.continues))
        return (not continued, MEASURES_PHRASE not in item.title, item.number)

    return min(candidates, key=rank)
