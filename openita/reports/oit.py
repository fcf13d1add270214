"""The agency's OIT disclosure page as plain data: the public page, the embed, the manifest and
the Word/Excel/PDF exports are all rendered from one ``OitReport``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Evidence:
    """A link or an uploaded file shown for an item."""

    url: str
    label: str
    menu_path: str = ""
    kind: str = "link"  # "link" or "file"
    check: str = ""  # last link-check outcome code ("ok", "broken", "login_required"…), "" if none
    checked_at: datetime | None = None
    sha256: str = ""  # files only


@dataclass(frozen=True)
class ItemEntry:
    code: str
    title: str
    elements: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    none_declared: bool = False
    none_note: str = ""
    status: str = ""


@dataclass(frozen=True)
class TopicGroup:
    name: str  # "" when the sub-indicator has no topics
    items: list[ItemEntry]


@dataclass(frozen=True)
class SubIndicatorGroup:
    code: str  # "9.1"
    name: str
    topics: list[TopicGroup]


@dataclass(frozen=True)
class IndicatorGroup:
    number: int
    name: str
    sub_indicators: list[SubIndicatorGroup]


@dataclass(frozen=True)
class OitReport:
    agency_name: str
    framework_code: str
    framework_name: str
    fiscal_year: int  # Buddhist era
    generated_at: datetime  # aware
    public_url: str
    indicators: list[IndicatorGroup]
    submitted_at: datetime | None = None

    def items(self) -> Iterator[ItemEntry]:
        for indicator in self.indicators:
            for sub in indicator.sub_indicators:
                for topic in sub.topics:
                    yield from topic.items
