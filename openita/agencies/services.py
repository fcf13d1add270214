"""Writes to agencies, units and memberships."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from openita.agencies.models import Agency, Membership, Unit
from openita.audit.services import log_action, snapshot

AGENCY_FIELDS = ["name", "name_en", "kind", "region", "province", "parent_body", "website"]


@transaction.atomic
def create_agency(*, by: Any, **fields: Any) -> Agency:
    agency = Agency(**fields)
    agency.full_clean()
    agency.save()
    log_action(agency, "agency.created", user=by, after=snapshot(agency, AGENCY_FIELDS))
    return agency


@transaction.atomic
def update_agency(agency: Agency, *, by: Any, **changes: Any) -> Agency:
    before = snapshot(agency, AGENCY_FIELDS)
    for name, value in changes.items():
        setattr(agency, name, value)
    agency.full_clean()
    agency.save()
    log_action(
        agency, "agency.updated", user=by, before=before, after=snapshot(agency, AGENCY_FIELDS)
    )
    return agency


@transaction.atomic
def add_unit(agency: Agency, name: str, *, short_name: str = "", by: Any) -> Unit:
    unit = Unit(agency=agency, name=name, short_name=short_name)
    unit.full_clean()
    unit.save()
    log_action(
        unit,
        "agency.unit_added",
        user=by,
        agency=agency,
        after={"name": name, "short_name": short_name},
    )
    return unit


@transaction.atomic
def add_member(
    agency: Agency, user: Any, role: str, *, units: list[Unit] | None = None, by: Any
) -> Membership:
    membership, _created = Membership.objects.get_or_create(user=user, agency=agency, role=role)
    if units is not None:
        membership.units.set(units)
    log_action(
        membership,
        "agency.member_added",
        user=by,
        agency=agency,
        after={"user": user.get_username(), "role": role, "units": [u.name for u in units or []]},
    )
    return membership


@transaction.atomic
def remove_member(membership: Membership, *, by: Any) -> None:
    log_action(
        membership,
        "agency.member_removed",
        user=by,
        agency=membership.agency,
        before={"user": membership.user.get_username(), "role": membership.role},
    )
    membership.delete()
