"""Who may see pre-check results. Whole-site results are for those who read every item.

Coordinators, executives, assessors, overseers and site admins see the whole report; unit
editors see the results of their own items only, on the item list and the item pages
(which ``agencies.access`` already limits to their units). Anything else is a 404.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404

from openita.agencies import access
from openita.sitecheck.models import SiteCheck


def can_see_site_results(user: Any, agency: Any) -> bool:
    return bool(access.roles_at(user, agency) & (access.FULL_READ_ROLES | {"site_admin"}))


def get_set_for_site_results(user: Any, set_uuid: UUID | str) -> Any:
    """A response set whose whole pre-check the user may see, else 404."""
    response_set = access.get_response_set_for_user(user, set_uuid)
    if not can_see_site_results(user, response_set.agency):
        raise Http404("No such response set")
    return response_set


def get_set_for_coordinator(user: Any, set_uuid: UUID | str) -> Any:
    response_set = access.get_response_set_for_user(user, set_uuid)
    if not access.is_coordinator(user, response_set.agency):
        raise Http404("No such response set")
    return response_set


def get_check_for_user(user: Any, check_uuid: UUID | str) -> SiteCheck:
    """A check of an agency the user may open, when they may see whole-site results."""
    check = (
        SiteCheck.objects.select_related("agency", "framework")
        .filter(uuid=check_uuid, agency__in=access.agencies_for(user))
        .first()
    )
    if check is None or not can_see_site_results(user, check.agency):
        raise Http404("No such pre-check")
    return check
