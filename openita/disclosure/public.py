"""What the public sees of a response set: the OIT report structure and the JSON manifest."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from openita.disclosure.models import ItemStatus, ResponseSet
from openita.reports.oit import (
    Evidence,
    IndicatorGroup,
    ItemEntry,
    OitReport,
    SubIndicatorGroup,
    TopicGroup,
)

MANIFEST_VERSION = "1.0"
# Drafts stay private: the public sees an item once the coordinator approved it.
PUBLIC_STATUSES = {ItemStatus.APPROVED, ItemStatus.SUBMITTED}


def public_url(response_set: ResponseSet, name: str = "public:page") -> str:
    from django.conf import settings

    path = reverse(name, args=[response_set.agency.uuid, response_set.framework.fiscal_year])
    return settings.SITE_URL + path


def _entry(response: Any, base: str) -> ItemEntry:
    shown = response.status in PUBLIC_STATUSES
    evidence = [
        Evidence(
            url=link.url,
            label=link.label or link.url,
            menu_path=link.menu_path,
            check=link.check_outcome,
            checked_at=link.checked_at,
        )
        for link in response.links.all()
    ] + [
        Evidence(
            url=f"{base}files/{f.uuid}/",
            label=f.label or f.original_name,
            kind="file",
            sha256=f.sha256,
        )
        for f in response.files.all()
    ]
    return ItemEntry(
        code=response.item.code,
        title=response.item.title,
        elements=response.item.element_texts(),
        evidence=evidence if shown else [],
        none_declared=shown and response.none_declared,
        none_note=response.none_reason if shown else "",
        status=response.status,
    )


def build_report(response_set: ResponseSet, *, now: dt.datetime | None = None) -> OitReport:
    """Group the items as the framework does: indicator → sub-indicator → topic."""
    doc = response_set.framework.document
    base = public_url(response_set)
    responses = response_set.responses.select_related("item__framework").prefetch_related(
        "links", "files"
    )
    by_sub: dict[str, list[Any]] = {}
    for r in responses.order_by("item__number"):
        by_sub.setdefault(r.item.sub_indicator, []).append(r)
    indicators = []
    for ind in doc["indicators"]:
        subs = [
            _sub_group(s, by_sub.get(s["code"], []), base)
            for s in doc["sub_indicators"]
            if s["indicator"] == ind["number"]
        ]
        subs = [s for s in subs if s.topics]
        if subs:
            indicators.append(IndicatorGroup(ind["number"], ind["name"], subs))
    return OitReport(
        agency_name=response_set.agency.name,
        framework_code=response_set.framework.code,
        framework_name=response_set.framework.name,
        fiscal_year=response_set.framework.fiscal_year,
        generated_at=now or timezone.now(),
        public_url=base,
        indicators=indicators,
        submitted_at=response_set.submitted_at,
    )


def _sub_group(sub: dict[str, Any], responses: list[Any], base: str) -> SubIndicatorGroup:
    order = [*sub.get("topics", []), ""]
    topics: dict[str, list[ItemEntry]] = {}
    for r in responses:
        topics.setdefault(r.item.topic, []).append(_entry(r, base))
    groups = [TopicGroup(t, topics[t]) for t in order if t in topics]
    groups += [TopicGroup(t, items) for t, items in topics.items() if t not in order]
    return SubIndicatorGroup(sub["code"], sub["name"], groups)


def manifest(report: OitReport) -> dict[str, Any]:
    """The machine-readable manifest (schema: docs/oit-manifest.schema.json)."""
    return {
        "manifest_version": MANIFEST_VERSION,
        "agency": report.agency_name,
        "framework": report.framework_code,
        "fiscal_year": report.fiscal_year,
        "generated_at": report.generated_at.isoformat(),
        "submitted_at": report.submitted_at.isoformat() if report.submitted_at else None,
        "page": report.public_url,
        "items": [
            {
                "code": item.code,
                "title": item.title,
                "status": item.status,
                "none_declared": item.none_declared,
                "urls": [_manifest_url(e) for e in item.evidence],
            }
            for item in report.items()
        ],
    }


def _manifest_url(e: Evidence) -> dict[str, Any]:
    entry: dict[str, Any] = {"url": e.url, "label": e.label, "kind": e.kind}
    if e.menu_path:
        entry["menu_path"] = e.menu_path
    if e.kind == "file":
        entry["sha256"] = e.sha256
    else:
        entry["last_check"] = {
            "result": e.check or "unchecked",
            "checked_at": e.checked_at.isoformat() if e.checked_at else None,
        }
    return entry
