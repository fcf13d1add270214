"""Writes to response sets. The OIT workspace issue grows this module."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from openita.agencies.models import Agency, Unit
from openita.audit.services import log_action
from openita.disclosure.models import ItemResponse, ResponseSet
from openita.frameworks.models import Framework


@transaction.atomic
def start_response_set(agency: Agency, framework: Framework, *, by: Any) -> ResponseSet:
    """Create an agency's response set with one row per item of the framework."""
    response_set, created = ResponseSet.objects.get_or_create(agency=agency, framework=framework)
    if created:
        ItemResponse.objects.bulk_create(
            ItemResponse(response_set=response_set, item=item) for item in framework.items.all()
        )
        log_action(
            response_set,
            "oit.response_set_started",
            user=by,
            after={"framework": framework.code, "items": framework.items.count()},
        )
    return response_set


@transaction.atomic
def assign_units(response: ItemResponse, units: list[Unit], *, by: Any) -> ItemResponse:
    """Make these units responsible for the item (replacing earlier ones)."""
    agency = response.response_set.agency
    foreign = [u for u in units if u.agency_id != agency.pk]
    if foreign:
        raise ValueError(f"units of another agency: {', '.join(map(str, foreign))}")
    before = sorted(u.name for u in response.units.all())
    response.units.set(units)
    log_action(
        response,
        "oit.units_assigned",
        user=by,
        agency=agency,
        before={"units": before},
        after={"units": sorted(u.name for u in units)},
    )
    return response
