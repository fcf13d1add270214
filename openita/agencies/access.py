"""Who may see and do what. Views and API routes load tenant data only through here."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from openita.agencies.models import Agency, Membership, Role

# Roles that may change an agency's data, and roles that may read everything of it.
WRITE_ROLES = {Role.COORDINATOR, Role.UNIT_EDITOR}
FULL_READ_ROLES = {Role.COORDINATOR, Role.EXECUTIVE, Role.ASSESSOR, Role.OVERSEER}


def is_site_admin(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


def agencies_for(user: Any) -> QuerySet[Agency]:
    """Every agency the user may open."""
    if not user.is_authenticated:
        return Agency.objects.none()
    if is_site_admin(user):
        return Agency.objects.all()
    return Agency.objects.filter(memberships__user=user).distinct()


def roles_at(user: Any, agency: Agency) -> set[str]:
    if not user.is_authenticated:
        return set()
    roles = set(Membership.objects.filter(user=user, agency=agency).values_list("role", flat=True))
    return roles | {"site_admin"} if is_site_admin(user) else roles


def get_agency_for_user(
    user: Any, agency_uuid: UUID | str, *, roles: set[str] | None = None
) -> Agency:
    """The agency if the user may see it (with one of ``roles`` when given), else 404."""
    agency = agencies_for(user).filter(uuid=agency_uuid).first()
    if agency is None:
        raise Http404("No such agency")
    if roles is not None and not is_site_admin(user) and not roles & roles_at(user, agency):
        raise Http404("No such agency")
    return agency


def can_read_audit(user: Any, agency: Agency) -> bool:
    return bool({Role.COORDINATOR, "site_admin"} & roles_at(user, agency))


def unit_ids_for(user: Any, agency: Agency) -> set[int] | None:
    """Units whose items the user may edit; None means every unit of the agency."""
    roles = roles_at(user, agency)
    if Role.COORDINATOR in roles or "site_admin" in roles:
        return None
    return set(
        Membership.objects.filter(user=user, agency=agency, role=Role.UNIT_EDITOR)
        .values_list("units", flat=True)
        .exclude(units=None)
    )


def get_response_set_for_user(user: Any, set_uuid: UUID | str) -> Any:
    from openita.disclosure.models import ResponseSet

    response_set = (
        ResponseSet.objects.select_related("agency", "framework")
        .filter(uuid=set_uuid, agency__in=agencies_for(user))
        .first()
    )
    if response_set is None:
        raise Http404("No such response set")
    return response_set


def responses_visible_to(user: Any, response_set: Any) -> QuerySet[Any]:
    """Items of a response set the user may see: unit editors see their units' items only."""
    rows = response_set.responses.select_related("item").prefetch_related("units")
    roles = roles_at(user, response_set.agency)
    if roles & (FULL_READ_ROLES | {"site_admin"}):
        return rows
    units = unit_ids_for(user, response_set.agency) or set()
    return rows.filter(units__in=units).distinct()


def is_coordinator(user: Any, agency: Agency) -> bool:
    return bool({Role.COORDINATOR, "site_admin"} & roles_at(user, agency))


def can_edit_response(user: Any, response: Any) -> bool:
    """Coordinators edit every item; unit editors the items of their own units."""
    units = unit_ids_for(user, response.response_set.agency)
    if units is None:
        return True
    if not units:
        return False
    return response.units.filter(pk__in=units).exists()


def get_response_for_user(user: Any, set_uuid: UUID | str, item_uuid: UUID | str) -> Any:
    """An item of a response set the user may see, else 404."""
    response_set = get_response_set_for_user(user, set_uuid)
    response = responses_visible_to(user, response_set).filter(uuid=item_uuid).first()
    if response is None:
        raise Http404("No such item")
    response.response_set = response_set
    return response
