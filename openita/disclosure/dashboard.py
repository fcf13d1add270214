"""The coordinator's dashboard as plain data: progress, overdue items, links to fix, changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from openita.disclosure.models import EvidenceLink, ItemStatus, ResponseSet
from openita.disclosure.services.evidence import stale_q

DONE = {ItemStatus.READY, ItemStatus.APPROVED, ItemStatus.SUBMITTED}


@dataclass
class Progress:
    label: str
    total: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ItemStatus.values, 0))

    def add(self, status: str) -> None:
        self.total += 1
        self.counts[status] += 1

    @property
    def done(self) -> int:
        return sum(self.counts[s] for s in DONE)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class Dashboard:
    overall: Progress
    by_unit: list[Progress]
    by_sub_indicator: list[Progress]
    overdue: list[Any]
    bad_links: list[EvidenceLink]
    stale_links: list[EvidenceLink]
    changes: list[Any]


def build(response_set: ResponseSet, *, now: dt.datetime) -> Dashboard:
    responses = list(
        response_set.responses.select_related("item")
        .prefetch_related("units")
        .order_by("item__number")
    )
    overall = Progress(_("All items"))
    units: dict[str, Progress] = {}
    subs: dict[str, Progress] = {}
    names = {s["code"]: s["name"] for s in response_set.framework.document["sub_indicators"]}
    for r in responses:
        overall.add(r.status)
        for unit in r.units.all() or [None]:
            label = unit.name if unit is not None else _("Not assigned")
            units.setdefault(label, Progress(label)).add(r.status)
        code = r.item.sub_indicator
        subs.setdefault(code, Progress(f"{code} {names.get(code, '')}".strip())).add(r.status)
    today = timezone.localdate(now)
    overdue = [r for r in responses if r.due_date and r.due_date < today and r.status not in DONE]
    return Dashboard(
        overall=overall,
        by_unit=sorted(units.values(), key=lambda p: p.label),
        by_sub_indicator=list(subs.values()),
        overdue=overdue,
        bad_links=list(_links(response_set).filter(~Q(check_outcome__in=["", "ok"]))),
        stale_links=list(_stale(response_set, now)),
        changes=list(_changes(response_set, now)),
    )


def _links(response_set: ResponseSet) -> Any:
    return EvidenceLink.objects.filter(response__response_set=response_set).select_related(
        "response__item"
    )


def _stale(response_set: ResponseSet, now: dt.datetime) -> Any:
    """Links never checked, carried from last year, or checked too long ago."""
    return _links(response_set).filter(stale_q(now))


def _changes(response_set: ResponseSet, now: dt.datetime) -> Any:
    week_ago = now - dt.timedelta(days=7)
    return response_set.agency.audit_entries.filter(
        at__gte=week_ago, action__startswith="oit."
    ).select_related("actor")[:100]
